package localstoreexporter

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-ems/otelcol-ems/exporters/localstoreexporter/internal/metadatatest"
	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// host offers extensions by ID, as the collector does.
type host struct {
	component.Host
	exts map[component.ID]component.Component
}

func (h host) GetExtensions() map[component.ID]component.Component { return h.exts }

var extID = component.MustNewIDWithName("local_store", "node")

// startExtension starts a local_store extension with one store "main".
func startExtension(t *testing.T) (extension.Extension, host) {
	f := localstoreextension.NewFactory()
	cfg := f.CreateDefaultConfig().(*localstoreextension.Config)
	cfg.API.NetAddr.Endpoint = "127.0.0.1:0"
	cm := map[string]any{"stores": map[string]any{"main": map[string]any{"directory": t.TempDir()}}}
	require.NoError(t, confmap.NewFromStringMap(cm).Unmarshal(cfg))
	ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), cfg)
	require.NoError(t, err)
	require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, ext.Shutdown(context.Background())) })
	return ext, host{Host: componenttest.NewNopHost(), exts: map[component.ID]component.Component{extID: ext}}
}

func TestExportAllSignals(t *testing.T) {
	ext, h := startExtension(t)
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	f := NewFactory()
	cfg := f.CreateDefaultConfig().(*Config)
	cfg.Extension, cfg.Store = extID, "main"
	set := metadatatest.NewSettings(tel)
	ctx := context.Background()

	te, err := f.CreateTraces(ctx, set, cfg)
	require.NoError(t, err)
	le, err := f.CreateLogs(ctx, set, cfg)
	require.NoError(t, err)
	me, err := f.CreateMetrics(ctx, set, cfg)
	require.NoError(t, err)
	for _, c := range []component.Component{te, le, me} {
		require.NoError(t, c.Start(ctx, h))
	}
	id := pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	now := pcommon.NewTimestampFromTime(time.Now())

	td := ptrace.NewTraces()
	sp := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	sp.SetTraceID(id)
	sp.SetStartTimestamp(now)
	require.NoError(t, te.ConsumeTraces(ctx, td))

	ld := plog.NewLogs()
	lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	lr := lrs.AppendEmpty()
	lr.SetTraceID(id)
	lr.SetTimestamp(now)
	old := lrs.AppendEmpty() // past the 24 h retention: counted, not stored
	old.SetTimestamp(pcommon.NewTimestampFromTime(time.Now().Add(-48 * time.Hour)))
	require.NoError(t, le.ConsumeLogs(ctx, ld))

	md := pmetric.NewMetrics()
	m := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("up")
	m.SetEmptyGauge().DataPoints().AppendEmpty().SetTimestamp(now)
	require.NoError(t, me.ConsumeMetrics(ctx, md))

	s, err := ext.(localstoreextension.StoreProvider).Store("main")
	require.NoError(t, err)
	tr, err := s.Trace(id, 10)
	require.NoError(t, err)
	assert.Equal(t, 1, tr.Spans)
	assert.Equal(t, 1, tr.LogRecords)
	mr, err := s.QueryMetrics(store.MetricQuery{Name: "up", Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 1, mr.Points)

	metadatatest.AssertEqualLocalStoreRecordsExpired(t, tel, []metricdata.DataPoint[int64]{{
		Value:      1,
		Attributes: attribute.NewSet(attribute.String("store", "main"), attribute.String("signal", "logs")),
	}}, metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars())
	for _, c := range []component.Component{te, le, me} {
		require.NoError(t, c.Shutdown(ctx))
	}
}

func TestStartErrors(t *testing.T) {
	_, h := startExtension(t)
	f := NewFactory()
	ctx := context.Background()
	for _, tc := range []struct {
		ext   component.ID
		store string
		host  component.Host
		want  string
	}{
		{component.MustNewID("local_store"), "main", h, `extension "local_store" is not configured`},
		{extID, "nope", h, `has no store "nope" (stores: [main])`},
		{extID, "main", host{Host: h, exts: map[component.ID]component.Component{extID: notAStore{}}}, "is not a local_store extension"},
	} {
		cfg := f.CreateDefaultConfig().(*Config)
		cfg.Extension, cfg.Store = tc.ext, tc.store
		le, err := f.CreateLogs(ctx, exportertest.NewNopSettings(f.Type()), cfg)
		require.NoError(t, err)
		err = le.Start(ctx, tc.host)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tc.want)
		require.NoError(t, le.Shutdown(ctx))
	}
}

// notAStore is an extension of another kind.
type notAStore struct {
	component.StartFunc
	component.ShutdownFunc
}
