package localstoreexporter

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-ems/otelcol-ems/exporters/localstoreexporter/internal/metadatatest"
	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// TestExportCountsTooDeepAndHonoursTheContext: a record too deep to read
// back is refused and counted (issue 10 item 3), and a write whose context
// has ended stores nothing (issue 9: timeout bounds a write).
func TestExportCountsTooDeepAndHonoursTheContext(t *testing.T) {
	ext, h := startExtension(t)
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	f := NewFactory()
	cfg := f.CreateDefaultConfig().(*Config)
	cfg.Extension, cfg.Store = extID, "main"
	ctx := context.Background()
	le, err := f.CreateLogs(ctx, metadatatest.NewSettings(tel), cfg)
	require.NoError(t, err)
	require.NoError(t, le.Start(ctx, h))
	t.Cleanup(func() { require.NoError(t, le.Shutdown(ctx)) })

	ld := plog.NewLogs()
	lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	for _, levels := range []int{1, 40} {
		lr := lrs.AppendEmpty()
		lr.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
		v := lr.Body()
		for range levels {
			v = v.SetEmptyMap().PutEmpty("k")
		}
		v.SetStr("x")
	}
	require.NoError(t, le.ConsumeLogs(ctx, ld))
	metadatatest.AssertEqualLocalStoreRecordsTooDeep(t, tel, []metricdata.DataPoint[int64]{{
		Value:      1,
		Attributes: attribute.NewSet(attribute.String("store", "main"), attribute.String("signal", "logs")),
	}}, metricdatatest.IgnoreTimestamp(), metricdatatest.IgnoreExemplars())

	s, err := ext.(localstoreextension.StoreProvider).Store("main")
	require.NoError(t, err)
	before := s.Counters().Written.Load()
	done, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, le.ConsumeLogs(done, ld), context.Canceled)
	assert.Equal(t, before, s.Counters().Written.Load(), "nothing written after the context ended")
	res, err := s.QueryLogs(store.LogQuery{Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 1, res.Count)
}
