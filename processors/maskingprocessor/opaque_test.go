package maskingprocessor

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
)

// detectors::secret::opaque_tokens reaches the engine, off by default and
// in the strict preset, and masks a bare random token when on.
func TestOpaqueTokensOption(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig()
	ec, err := cfg.engineConfig()
	require.NoError(t, err)
	assert.False(t, ec.OpaqueTokens)
	cfg.Preset = "strict"
	ec, err = cfg.engineConfig()
	require.NoError(t, err)
	assert.False(t, ec.OpaqueTokens, "strict leaves the context-free rule off")

	cm := confmap.NewFromStringMap(map[string]any{"detectors": map[string]any{"secret": map[string]any{"opaque_tokens": true}}})
	cfg = createDefaultConfig()
	require.NoError(t, cm.Unmarshal(cfg))
	ec, err = cfg.engineConfig()
	require.NoError(t, err)
	assert.True(t, ec.OpaqueTokens)
	m, err := masking.New(ec)
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	got, _ := m.MaskString("", "upstream replied Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4 to kim", counts)
	assert.Equal(t, "upstream replied [REDACTED:secret] to kim", got)
}
