package localstoreextension

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

func loadConfig(t *testing.T, name string) *Config {
	return testutil.LoadConfig[*Config](t, NewFactory(), name)
}

func TestConfigDefaults(t *testing.T) {
	cfg := loadConfig(t, "")
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, "127.0.0.1:13180", cfg.API.NetAddr.Endpoint, "the API listens on loopback by default")
	assert.Equal(t, int64(200), cfg.MemoryLimitMiB)
	o := cfg.Stores["default"].options()
	assert.Equal(t, "/var/lib/otelcol-ems/store", o.Dir)
	assert.Equal(t, map[store.Signal]time.Duration{store.Traces: 24 * time.Hour, store.Logs: 24 * time.Hour, store.Metrics: 24 * time.Hour}, o.MaxAge)
	assert.Equal(t, badgerdb.DurabilityInterval, o.Durability)
	assert.Equal(t, store.CompressionSnappy, o.Compression)
	assert.Equal(t, int64(2), o.Memory.MemTableSizeMiB)
	assert.Equal(t, badgerdb.NewDefaultMemoryConfig().BlockCacheSizeMiB, o.Memory.BlockCacheSizeMiB)
	assert.Zero(t, o.MaxSize)
}

func TestConfigCustom(t *testing.T) {
	cfg := loadConfig(t, "custom")
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, "127.0.0.1:19999", cfg.API.NetAddr.Endpoint)
	assert.Equal(t, "s3cret", string(cfg.BearerToken))
	assert.Zero(t, cfg.MemoryLimitMiB, "0 leaves the Go memory limit alone")
	o := cfg.Stores["node"].options()
	assert.Equal(t, map[store.Signal]time.Duration{store.Traces: 2 * time.Hour, store.Logs: 48 * time.Hour, store.Metrics: 7 * 24 * time.Hour}, o.MaxAge)
	assert.Equal(t, int64(2048<<20), o.MaxSize)
	assert.Equal(t, badgerdb.DurabilityAlways, o.Durability)
	assert.Equal(t, store.CompressionZstd, o.Compression)
	assert.Equal(t, 30*time.Second, o.CheckInterval)
	assert.Equal(t, int64(32), o.Memory.MemTableSizeMiB)
	assert.Equal(t, int64(64), o.Memory.BlockCacheSizeMiB)
	assert.Equal(t, badgerdb.NewDefaultMemoryConfig().NumMemtables, o.Memory.NumMemtables, "unset memory fields keep their defaults")
	assert.Equal(t, badgerdb.DurabilityNever, cfg.Stores["audit"].options().Durability)
}

func TestConfigInvalid(t *testing.T) {
	err := confmap.Validate(loadConfig(t, "bad"))
	require.Error(t, err)
	for _, want := range []string{
		"api::endpoint must be set",
		"memory_limit_mib must be between 0 and 1073741824 MiB, got -1",
		"stores::a: directory must be set",
		"max_age::logs must be between 1s and 87600h0m0s, got 500ms",
		`stores::a::durability: durability must be one of always, interval, never; got "sometimes"`,
		`stores::a::compression: compression must be one of none, snappy, zstd; got "lz4"`,
		"max_size_mib 10 is too small for 2 memtables of 2 MiB: allow at least 16 MiB",
		`stores::c::directory /data/same/ is the directory of store "b" (/data/same)`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	err = confmap.Validate(loadConfig(t, "empty"))
	assert.ErrorContains(t, err, "stores: at least one store must be configured")
}
