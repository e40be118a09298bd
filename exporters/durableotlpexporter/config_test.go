package durableotlpexporter

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configcompression"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"
)

func loadConfig(t *testing.T, id string) *Config {
	t.Helper()
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	cfg := NewFactory().CreateDefaultConfig()
	sub, err := cm.Sub(id)
	require.NoError(t, err)
	require.NoError(t, sub.Unmarshal(cfg))
	return cfg.(*Config)
}

func TestConfigDefaults(t *testing.T) {
	cfg := loadConfig(t, "durable_otlp")
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, "backend:4317", cfg.ClientConfig.Endpoint)
	assert.Equal(t, component.MustNewID("badger_storage"), cfg.Storage)
	assert.Equal(t, 5*time.Second, cfg.Timeout)
	assert.Equal(t, 2, cfg.NumConsumers)
	assert.Zero(t, cfg.MaxQueueMiB)
	assert.True(t, cfg.RetryOnFailure.Enabled)
	assert.Zero(t, cfg.RetryOnFailure.MaxElapsedTime, "a store-and-forward exporter retries until the backend takes the data")
	assert.Equal(t, configcompression.TypeGzip, cfg.ClientConfig.Compression, "the same default as otlp_grpc")
}

func TestConfigCustom(t *testing.T) {
	cfg := loadConfig(t, "durable_otlp/custom")
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, component.MustNewIDWithName("badger_storage", "queue"), cfg.Storage)
	assert.True(t, cfg.ClientConfig.TLS.Insecure)
	assert.Equal(t, configcompression.Type("none"), cfg.ClientConfig.Compression)
	assert.Equal(t, 10*time.Second, cfg.Timeout)
	assert.Equal(t, 4, cfg.NumConsumers)
	assert.Equal(t, int64(512), cfg.MaxQueueMiB)
	assert.Equal(t, time.Hour, cfg.RetryOnFailure.MaxElapsedTime)
	assert.Equal(t, time.Second, cfg.RetryOnFailure.InitialInterval)
	v, ok := cfg.ClientConfig.Headers.Get("authorization")
	require.True(t, ok)
	assert.Equal(t, "secret-token", string(v))
}

func TestConfigValidationNamesTheField(t *testing.T) {
	for id, want := range map[string]string{
		"durable_otlp/no_storage":    "storage: required",
		"durable_otlp/no_endpoint":   "endpoint: required",
		"durable_otlp/bad_consumers": "num_consumers: must be between 1 and 64, got 0",
		"durable_otlp/bad_queue":     "max_queue_mib: must be 0",
		"durable_otlp/bad_timeout":   "timeout: must be positive",
		"durable_otlp/bad_retry":     "retry_on_failure.initial_interval: must be positive",
	} {
		t.Run(id, func(t *testing.T) {
			err := confmap.Validate(loadConfig(t, id))
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
		})
	}
}
