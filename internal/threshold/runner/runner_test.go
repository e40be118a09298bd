package runner

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.uber.org/goleak"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func newRunner(t *testing.T, rules ...threshold.Rule) *Runner {
	cfg := NewDefaultConfig()
	cfg.Rules = rules
	require.NoError(t, cfg.Validate())
	r, err := New(Settings{Telemetry: componenttest.NewNopTelemetrySettings(), ID: component.MustNewID("threshold")}, cfg)
	require.NoError(t, err)
	return r
}

// Every pdata kind the engine reads arrives with its kind, values and
// start times; int values become floats; kinds it cannot read are counted.
func TestConvertKinds(t *testing.T) {
	t.Parallel()
	r := newRunner(t,
		threshold.Rule{Name: "Errors", Metric: "errors", Aggregate: threshold.AggDelta, Warning: &threshold.Condition{Op: ">=", Value: 10}},
		threshold.Rule{Name: "Req", Metric: "req", Aggregate: threshold.AggSum, Warning: &threshold.Condition{Op: ">=", Value: 7}},
		threshold.Rule{Name: "Slow", Metric: "latency", Aggregate: threshold.AggQuantile, Quantile: 0.5, Warning: &threshold.Condition{Op: ">", Value: 1}},
		threshold.Rule{Name: "Summary", Metric: "sum.q", Warning: &threshold.Condition{Op: ">", Value: 1}},
	)
	now := time.Unix(1_800_000_000, 0)
	ts := func(d time.Duration) pcommon.Timestamp { return pcommon.NewTimestampFromTime(now.Add(d)) }
	md := pmetric.NewMetrics()
	ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()

	// Cumulative ints: 5 → 15 is a delta of 10.
	m := ms.AppendEmpty()
	m.SetName("errors")
	s := m.SetEmptySum()
	s.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	for i, v := range []int64{5, 15} {
		dp := s.DataPoints().AppendEmpty()
		dp.SetStartTimestamp(ts(-time.Hour))
		dp.SetTimestamp(ts(time.Duration(i) * time.Second))
		dp.SetIntValue(v)
	}
	// Delta doubles, one without a recorded value and one NaN: ignored.
	m = ms.AppendEmpty()
	m.SetName("req")
	s = m.SetEmptySum()
	s.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	for i, v := range []float64{3, 4, 100, math.NaN()} {
		dp := s.DataPoints().AppendEmpty()
		dp.SetTimestamp(ts(time.Duration(i) * time.Second))
		dp.SetDoubleValue(v)
		if i == 2 {
			dp.SetFlags(pmetric.DefaultDataPointFlags.WithNoRecordedValue(true))
		}
	}
	// A delta histogram: 10 observations in (1, 2].
	m = ms.AppendEmpty()
	m.SetName("latency")
	hg := m.SetEmptyHistogram()
	hg.SetAggregationTemporality(pmetric.AggregationTemporalityDelta)
	hdp := hg.DataPoints().AppendEmpty()
	hdp.SetStartTimestamp(ts(-time.Second))
	hdp.SetTimestamp(ts(0))
	hdp.ExplicitBounds().FromRaw([]float64{1, 2})
	hdp.BucketCounts().FromRaw([]uint64{0, 10, 0})
	hdp.SetCount(10)
	// A summary: not ruled on.
	m = ms.AppendEmpty()
	m.SetName("sum.q")
	m.SetEmptySummary().DataPoints().AppendEmpty().SetTimestamp(ts(0))

	r.Observe(md)
	res := r.Engine().Evaluate(now.Add(2 * time.Second).UnixNano())
	got := map[string]float64{}
	for _, a := range res.Active {
		got[a.Rule] = a.Value
	}
	assert.Equal(t, map[string]float64{"Errors": 10, "Req": 7, "Slow": 1.5}, got)
	assert.Equal(t, uint64(1), r.conv.skipped, "the summary")
}

func TestEvaluateEmitsEventsAndGauge(t *testing.T) {
	t.Parallel()
	r := newRunner(t, threshold.Rule{Name: "Up", Metric: "up", Critical: &threshold.Condition{Op: "==", Value: 0}})
	logs, metrics := new(consumertest.LogsSink), new(consumertest.MetricsSink)
	r.SetLogs(logs)
	r.SetMetrics(metrics)
	md := pmetric.NewMetrics()
	dp := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	dp.SetName("up")
	p := dp.SetEmptyGauge().DataPoints().AppendEmpty()
	now := time.Now()
	p.SetTimestamp(pcommon.NewTimestampFromTime(now))
	p.SetIntValue(0)
	r.Observe(md)
	r.Evaluate(context.Background(), now.Add(time.Second))
	require.Equal(t, 1, logs.LogRecordCount())
	lr := logs.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	assert.Equal(t, "Up firing (critical): value 0, threshold 0", lr.Body().Str(), "the default body")
	require.Equal(t, 1, metrics.DataPointCount())
	// Nothing active, nothing emitted.
	p.SetIntValue(1)
	p.SetTimestamp(pcommon.NewTimestampFromTime(now.Add(2 * time.Second)))
	r.Observe(md)
	r.Evaluate(context.Background(), now.Add(3*time.Second))
	assert.Equal(t, 2, logs.LogRecordCount(), "the resolved event")
	assert.Equal(t, 1, metrics.DataPointCount())
	require.NoError(t, r.Shutdown(context.Background()))
}
