// Package testutil holds helpers that the components' tests share. Only
// tests import it.
package testutil

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap/confmaptest"
)

// LoadConfig returns the configuration that the test package's
// testdata/config.yaml gives the component of f's type named name (empty:
// the unnamed one), over f's defaults. It is not validated.
func LoadConfig[C component.Config](t testing.TB, f component.Factory, name string) C {
	t.Helper()
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	sub, err := cm.Sub(component.NewIDWithName(f.Type(), name).String())
	require.NoError(t, err)
	cfg := f.CreateDefaultConfig()
	require.NoError(t, sub.Unmarshal(cfg))
	c, ok := cfg.(C)
	require.True(t, ok, "the factory's config is a %T", cfg)
	return c
}
