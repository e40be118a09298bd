package archiveexporter

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

func loadConfig(t *testing.T, name string) *Config {
	return testutil.LoadConfig[*Config](t, NewFactory(), name)
}

func TestConfig(t *testing.T) {
	t.Parallel()
	def := loadConfig(t, "")
	require.NoError(t, confmap.Validate(def))
	assert.Equal(t, 5*time.Minute, def.SealInterval)
	assert.Equal(t, 64, def.SegmentMaxMiB)
	assert.Equal(t, "always", def.Durability)
	assert.Zero(t, def.Retention, "nothing is deleted unless retention is set")

	c := loadConfig(t, "custom")
	require.NoError(t, confmap.Validate(c))
	assert.Equal(t, 43800*time.Hour, c.Retention)
	assert.Equal(t, "interval", c.Durability)
	assert.Equal(t, 200*time.Millisecond, c.SyncInterval)
	assert.Equal(t, "/mnt/audit-witness/node-1", c.WitnessDir)
	assert.Equal(t, "/etc/otelcol-ems/archive-2025.key", c.PreviousSigningKeyFile)
}

func TestConfigErrorsNameTheField(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "bad"))
	require.Error(t, err)
	for _, field := range []string{"signing_key_file: required", "seal_interval:", "segment_max_mib:", "retention:", "durability:", "witness_dir:"} {
		assert.ErrorContains(t, err, field)
	}
}
