package badgerstorageextension

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// testExt is a started extension with telemetry the test can read.
type testExt struct {
	*badgerStorage
	tel *componenttest.Telemetry
	dir string

	stopped bool
}

func testConfig(dir string) *Config {
	cfg := createDefaultConfig()
	cfg.Directory = dir
	return cfg
}

// startExt starts the extension on dir (a new temp dir when empty).
func startExt(t *testing.T, dir string, logger *zap.Logger, mutate func(*Config)) *testExt {
	t.Helper()
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "db")
	}
	cfg := testConfig(dir)
	if mutate != nil {
		mutate(cfg)
	}
	require.NoError(t, cfg.Validate())
	tel := componenttest.NewTelemetry()
	set := extensiontest.NewNopSettings(metadata.Type)
	set.TelemetrySettings = tel.NewTelemetrySettings()
	if logger != nil {
		set.Logger = logger
	}
	ext := newExtension(set, cfg)
	require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
	te := &testExt{badgerStorage: ext, tel: tel, dir: dir}
	t.Cleanup(func() { te.stop(t) })
	return te
}

func (e *testExt) stop(t *testing.T) {
	if e.stopped {
		return
	}
	e.stopped = true
	require.NoError(t, e.Shutdown(context.Background()))
	require.NoError(t, e.tel.Shutdown(context.Background()))
}

func (e *testExt) client(t *testing.T, id, name string) storage.Client {
	t.Helper()
	var cid component.ID
	require.NoError(t, cid.UnmarshalText([]byte(id)))
	c, err := e.GetClient(context.Background(), component.KindExporter, cid, name)
	require.NoError(t, err)
	return c
}

// metric returns the value of an int sum or gauge, 0 when it was never recorded.
func (e *testExt) metric(t *testing.T, name string) int64 {
	t.Helper()
	m, err := e.tel.GetMetric(name)
	if err != nil {
		return 0
	}
	switch d := m.Data.(type) {
	case metricdata.Sum[int64]:
		return d.DataPoints[0].Value
	case metricdata.Gauge[int64]:
		return d.DataPoints[0].Value
	}
	t.Fatalf("metric %s has unexpected type %T", name, m.Data)
	return 0
}

// randomValue returns n incompressible bytes, as compressed telemetry is.
func randomValue(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func durability(s string) badgerdb.Durability { return badgerdb.Durability(s) }

func extensionSettings() extension.Settings { return extensiontest.NewNopSettings(metadata.Type) }
