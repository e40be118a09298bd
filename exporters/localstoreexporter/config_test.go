package localstoreexporter

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
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

func TestConfig(t *testing.T) {
	def := loadConfig(t, "local_store")
	require.NoError(t, confmap.Validate(def))
	assert.Equal(t, component.MustNewID("local_store"), def.Extension)
	assert.Equal(t, "default", def.Store)
	assert.False(t, def.Queue.HasValue(), "no sending queue by default: the disk pushes back")

	custom := loadConfig(t, "local_store/custom")
	require.NoError(t, confmap.Validate(custom))
	assert.Equal(t, component.MustNewIDWithName("local_store", "node"), custom.Extension)
	assert.Equal(t, "audit", custom.Store)
	assert.Equal(t, 10*time.Second, custom.Timeout.Timeout)
	require.True(t, custom.Queue.HasValue())
	assert.Equal(t, int64(100), custom.Queue.Get().QueueSize)

	err := confmap.Validate(loadConfig(t, "local_store/bad"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "store must name a store of the extension")
	assert.ErrorContains(t, (&Config{Store: "x"}).Validate(), "extension must name the local_store extension")
}
