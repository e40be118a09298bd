package maskingprocessor

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
)

// secretDetector returns the engine's Secret detector of cfg.
func secretDetector(t *testing.T, cfg *Config) masking.Detector {
	t.Helper()
	ec, err := cfg.engineConfig()
	require.NoError(t, err)
	for _, d := range ec.Detectors {
		if d.Kind == masking.Secret {
			return d
		}
	}
	t.Fatal("no secret detector")
	return masking.Detector{}
}

// detectors::secret::deny_by_default and random_values follow the preset
// unless set, and the vocabularies reach the engine.
func TestDenyByDefaultOptions(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig()
	d := secretDetector(t, cfg)
	assert.False(t, d.DenyByDefault, "off by default")
	assert.False(t, d.RandomValues)

	cfg.Preset = "strict"
	d = secretDetector(t, cfg)
	assert.True(t, d.DenyByDefault, "on in strict")
	assert.True(t, d.RandomValues)

	cm := confmap.NewFromStringMap(map[string]any{"preset": "strict", "detectors": map[string]any{"secret": map[string]any{
		"random_values": false, "morphemes": []any{"pin", "비밀"}, "safe_keys": []any{"id", "handle"},
	}}})
	cfg = createDefaultConfig()
	require.NoError(t, cm.Unmarshal(cfg))
	d = secretDetector(t, cfg)
	assert.True(t, d.DenyByDefault)
	assert.False(t, d.RandomValues, "turned off in strict")
	ec, err := cfg.engineConfig()
	require.NoError(t, err)
	assert.Equal(t, []string{"pin", "비밀"}, ec.SecretMorphemes)
	assert.Equal(t, []string{"id", "handle"}, ec.SafeKeys)

	m, err := masking.New(ec)
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	got, _ := m.MaskString("", "userPin=8812 t_key=Zq81mXv0Lw2Pr5T", counts)
	assert.Equal(t, "userPin=[REDACTED:secret] t_key=Zq81mXv0Lw2Pr5T", got, "only the configured morphemes")

	cm = confmap.NewFromStringMap(map[string]any{"detectors": map[string]any{"secret": map[string]any{"deny_by_default": true}}})
	cfg = createDefaultConfig()
	require.NoError(t, cm.Unmarshal(cfg))
	d = secretDetector(t, cfg)
	assert.True(t, d.DenyByDefault, "opt-in without the preset")
	assert.False(t, d.RandomValues)
}
