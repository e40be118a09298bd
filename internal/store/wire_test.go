package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Cutting records out of a marshalled request gives, for each record, a
// one-record message that decodes to that record alone, in iteration order,
// across resources and scopes, for empty and large records alike.
func TestWireRecordsLogs(t *testing.T) {
	t.Parallel()
	ld := plog.NewLogs()
	var want []plog.LogRecord
	for r := 0; r < 3; r++ {
		rl := ld.ResourceLogs().AppendEmpty()
		rl.Resource().Attributes().PutStr("service.name", "svc")
		rl.SetSchemaUrl("https://example.com/schema")
		for s := 0; s < r; s++ {
			sl := rl.ScopeLogs().AppendEmpty()
			sl.Scope().SetName("scope")
			sl.Scope().Attributes().PutInt("n", int64(s))
			sl.LogRecords().AppendEmpty() // an empty record still has its place
			for k := 0; k < 4; k++ {
				lr := sl.LogRecords().AppendEmpty()
				lr.SetTimestamp(pcommon.Timestamp(1000 + k))
				lr.Body().SetStr(string(make([]byte, 200*k)))
				lr.Attributes().PutStr("k", "v")
				lr.Attributes().PutEmptyMap("m").PutEmptySlice("s").AppendEmpty().SetDouble(1.5)
				lr.SetSeverityNumber(plog.SeverityNumberWarn)
			}
		}
	}
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		for j := 0; j < ld.ResourceLogs().At(i).ScopeLogs().Len(); j++ {
			lrs := ld.ResourceLogs().At(i).ScopeLogs().At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				want = append(want, lrs.At(k))
			}
		}
	}
	var m plog.ProtoMarshaler
	recs, err := logRecordBytes(&m, ld)
	require.NoError(t, err)
	require.Len(t, recs, len(want))
	var um plog.ProtoUnmarshaler
	for i, rec := range recs {
		p := appendOneRecord(nil, rec)
		assert.Len(t, p, oneRecordLen(len(rec)))
		got, err := um.UnmarshalLogs(p)
		require.NoError(t, err)
		require.Equal(t, 1, got.LogRecordCount())
		// The same bytes as marshalling a copy alone, apart from the empty
		// resource and scope, which decode the same.
		one := plog.NewLogs()
		want[i].CopyTo(one.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty())
		assert.Equal(t, one, got, "record %d", i)
	}
}

func TestWireRecordsTraces(t *testing.T) {
	t.Parallel()
	td := ptrace.NewTraces()
	for r := 0; r < 2; r++ {
		ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
		for k := 0; k < 3; k++ {
			sp := ss.Spans().AppendEmpty()
			sp.SetName("span")
			sp.SetTraceID(tid(uint64(r*10 + k + 1)))
			sp.Attributes().PutInt("k", int64(k))
			sp.Events().AppendEmpty().SetName("event")
		}
	}
	var m ptrace.ProtoMarshaler
	recs, err := spanBytes(&m, td)
	require.NoError(t, err)
	require.Len(t, recs, 6)
	var um ptrace.ProtoUnmarshaler
	for i, rec := range recs {
		got, err := um.UnmarshalTraces(appendOneRecord(nil, rec))
		require.NoError(t, err)
		require.Equal(t, 1, got.SpanCount())
		sp := got.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
		assert.Equal(t, tid(uint64(i/3*10+i%3+1)), sp.TraceID())
		assert.Equal(t, "event", sp.Events().At(0).Name())
	}
}

func TestWireRecordsMalformed(t *testing.T) {
	t.Parallel()
	for name, p := range map[string][]byte{
		"truncated tag":    {0x80},
		"length too long":  {0x0a, 0x05, 0x00},
		"group wire type":  {0x0b},
		"truncated fixed":  {0x09, 0x01},
		"nested too short": {0x0a, 0x02, 0x12, 0x05},
	} {
		_, err := wireRecords(nil, p)
		assert.ErrorIs(t, err, errWire, name)
	}
	recs, err := wireRecords(nil, []byte{0x08, 0x01, 0x0a, 0x00}) // an unknown varint field, an empty resource
	require.NoError(t, err)
	assert.Empty(t, recs)
}

// Each metric point cut out of a marshalled request decodes to what copying
// the point alone into an empty metric with the same fields gave (the
// store's earlier construction), for every metric type, across resources
// and scopes, with metadata, temporality and exemplars.
func TestWirePointsMetrics(t *testing.T) {
	t.Parallel()
	md := pmetric.NewMetrics()
	for r := 0; r < 2; r++ {
		rm := md.ResourceMetrics().AppendEmpty()
		rm.Resource().Attributes().PutStr("service.name", "svc")
		rm.SetSchemaUrl("https://example.com/schema")
		for s := 0; s <= r; s++ {
			sm := rm.ScopeMetrics().AppendEmpty()
			sm.Scope().SetName("scope")
			ms := sm.Metrics()
			g := ms.AppendEmpty()
			g.SetName("g")
			g.SetDescription("a gauge")
			g.SetUnit("1")
			g.Metadata().PutStr("k", "v")
			g.SetEmptyGauge()
			for k := 0; k < 3; k++ {
				dp := g.Gauge().DataPoints().AppendEmpty()
				dp.SetTimestamp(pcommon.Timestamp(1000 + k))
				dp.SetDoubleValue(float64(k) + 0.5)
				dp.Attributes().PutStr("if", string(make([]byte, 100*k)))
				dp.Exemplars().AppendEmpty().SetIntValue(int64(k))
			}
			g.Gauge().DataPoints().AppendEmpty() // an empty point still has its place
			sum := ms.AppendEmpty()
			sum.SetName("s")
			sum.SetEmptySum().SetIsMonotonic(true)
			sum.Sum().SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
			sum.Sum().DataPoints().AppendEmpty().SetIntValue(7)
			sum.Sum().DataPoints().AppendEmpty().SetIntValue(8)
			h := ms.AppendEmpty()
			h.SetName("h")
			h.SetEmptyHistogram().SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
			hp := h.Histogram().DataPoints().AppendEmpty()
			hp.SetCount(3)
			hp.BucketCounts().FromRaw([]uint64{1, 2})
			hp.ExplicitBounds().FromRaw([]float64{1.5})
			e := ms.AppendEmpty()
			e.SetName("e")
			e.SetEmptyExponentialHistogram().SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
			ep := e.ExponentialHistogram().DataPoints().AppendEmpty()
			ep.SetScale(2)
			ep.Positive().BucketCounts().FromRaw([]uint64{4})
			su := ms.AppendEmpty()
			su.SetName("su")
			su.SetEmptySummary().DataPoints().AppendEmpty().QuantileValues().AppendEmpty().SetQuantile(0.5)
			ms.AppendEmpty().SetName("no data") // no points, no place
		}
	}
	// The earlier construction: each point copied into a metric of its own.
	var want []pmetric.Metrics
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		for j := 0; j < md.ResourceMetrics().At(i).ScopeMetrics().Len(); j++ {
			ms := md.ResourceMetrics().At(i).ScopeMetrics().At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				for p := 0; p < metricPoints(ms.At(k)); p++ {
					want = append(want, onePointCopy(ms.At(k), p))
				}
			}
		}
	}
	w := &metricWriter{}
	wms, err := w.cut(md)
	require.NoError(t, err)
	var um pmetric.ProtoUnmarshaler
	n := 0
	for i := range wms {
		for _, pt := range wms[i].points {
			p := appendOnePoint(nil, &wms[i], pt)
			assert.Len(t, p, onePointLen(&wms[i], len(pt)))
			got, err := um.UnmarshalMetrics(p)
			require.NoError(t, err)
			require.Less(t, n, len(want))
			assert.Equal(t, want[n], got, "point %d", n)
			n++
		}
	}
	assert.Equal(t, len(want), n)
}

// onePointCopy is point p of m alone in an otherwise empty metric with m's
// fields, under an empty resource and scope.
func onePointCopy(m pmetric.Metric, p int) pmetric.Metrics {
	one := pmetric.NewMetrics()
	om := one.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	om.SetName(m.Name())
	om.SetDescription(m.Description())
	om.SetUnit(m.Unit())
	m.Metadata().CopyTo(om.Metadata())
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		m.Gauge().DataPoints().At(p).CopyTo(om.SetEmptyGauge().DataPoints().AppendEmpty())
	case pmetric.MetricTypeSum:
		os := om.SetEmptySum()
		os.SetAggregationTemporality(m.Sum().AggregationTemporality())
		os.SetIsMonotonic(m.Sum().IsMonotonic())
		m.Sum().DataPoints().At(p).CopyTo(os.DataPoints().AppendEmpty())
	case pmetric.MetricTypeHistogram:
		oh := om.SetEmptyHistogram()
		oh.SetAggregationTemporality(m.Histogram().AggregationTemporality())
		m.Histogram().DataPoints().At(p).CopyTo(oh.DataPoints().AppendEmpty())
	case pmetric.MetricTypeExponentialHistogram:
		oh := om.SetEmptyExponentialHistogram()
		oh.SetAggregationTemporality(m.ExponentialHistogram().AggregationTemporality())
		m.ExponentialHistogram().DataPoints().At(p).CopyTo(oh.DataPoints().AppendEmpty())
	case pmetric.MetricTypeSummary:
		m.Summary().DataPoints().At(p).CopyTo(om.SetEmptySummary().DataPoints().AppendEmpty())
	}
	return one
}

// FuzzWireMetrics cuts arbitrary bytes as a MetricsData: it never panics,
// and a message it accepts wraps each point in a message of the length it
// announces that pdata can decode when it decodes the whole.
func FuzzWireMetrics(f *testing.F) {
	md := pmetric.NewMetrics()
	m := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("m")
	m.SetEmptySum().DataPoints().AppendEmpty().SetIntValue(1)
	p, err := (&pmetric.ProtoMarshaler{}).MarshalMetrics(md)
	require.NoError(f, err)
	f.Add(p)
	f.Add([]byte{0x0a, 0x02, 0x12, 0x00})
	f.Fuzz(func(t *testing.T, in []byte) {
		wms, err := wireMetrics(in)
		if err != nil {
			return
		}
		_, whole := (&pmetric.ProtoUnmarshaler{}).UnmarshalMetrics(in)
		for i := range wms {
			for _, pt := range wms[i].points {
				one := appendOnePoint(nil, &wms[i], pt)
				require.Len(t, one, onePointLen(&wms[i], len(pt)))
				if whole == nil {
					_, err := (&pmetric.ProtoUnmarshaler{}).UnmarshalMetrics(one)
					require.NoError(t, err)
				}
			}
		}
	})
}
