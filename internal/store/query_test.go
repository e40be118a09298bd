package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

var base = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// fill writes 30 spans over 3 traces and, for two services, 60 log records
// each; records of "checkout" carry trace ids 1..3 (i%3+1).
func fill(t *testing.T, s *Store) {
	t.Helper()
	res, err := s.WriteTraces(context.Background(), genSpans("checkout", base, 30, func(i int) uint64 { return uint64(i%3 + 1) }))
	require.NoError(t, err)
	require.Equal(t, 30, res.Written)
	res2, err := s.WriteLogs(context.Background(), genLogs("checkout", base, 60, func(i int) uint64 { return uint64(i%3 + 1) }))
	require.NoError(t, err)
	require.Equal(t, 60, res2.Written)
	res3, err := s.WriteLogs(context.Background(), genLogs("billing", base.Add(time.Second), 60, nil))
	require.NoError(t, err)
	require.Equal(t, 60, res3.Written)
}

func allLogs(ld plog.Logs) []plog.LogRecord {
	var out []plog.LogRecord
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		for j := 0; j < ld.ResourceLogs().At(i).ScopeLogs().Len(); j++ {
			lrs := ld.ResourceLogs().At(i).ScopeLogs().At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				out = append(out, lrs.At(k))
			}
		}
	}
	return out
}

func TestTraceByID(t *testing.T) {
	s := openTest(t, newClock(base.Add(10*time.Minute)))
	fill(t, s)

	got, err := s.Trace(tid(2), 1000)
	require.NoError(t, err)
	assert.Equal(t, 10, got.Spans)
	assert.Equal(t, 20, got.LogRecords)
	assert.False(t, got.Truncated)
	assert.Equal(t, 10, got.Traces.SpanCount())
	assert.Equal(t, 20, got.Logs.LogRecordCount())
	rs := got.Traces.ResourceSpans().At(0)
	svc, _ := rs.Resource().Attributes().Get("service.name")
	assert.Equal(t, "checkout", svc.Str(), "the resource comes back with the spans")
	assert.Equal(t, "app", rs.ScopeSpans().At(0).Scope().Name())
	spans := rs.ScopeSpans().At(0).Spans()
	for i := 0; i < spans.Len(); i++ {
		assert.Equal(t, tid(2), spans.At(i).TraceID())
		if i > 0 {
			assert.LessOrEqual(t, spans.At(i-1).StartTimestamp(), spans.At(i).StartTimestamp(), "oldest first")
		}
	}
	assert.Equal(t, "GET /api/v1/orders/{id} #1", spans.At(0).Name())
	for _, lr := range allLogs(got.Logs) {
		assert.Equal(t, tid(2), lr.TraceID())
	}

	none, err := s.Trace(tid(99), 1000)
	require.NoError(t, err)
	assert.Zero(t, none.Spans+none.LogRecords)

	small, err := s.Trace(tid(1), 4)
	require.NoError(t, err)
	assert.Equal(t, 4, small.Spans)
	assert.Equal(t, 4, small.LogRecords)
	assert.True(t, small.Truncated)
}

func TestQueryLogs(t *testing.T) {
	s := openTest(t, newClock(base.Add(10*time.Minute)))
	fill(t, s)

	for _, tc := range []struct {
		name string
		q    LogQuery
		want int
		ok   func(plog.LogRecord) bool
	}{
		{name: "all", q: LogQuery{}, want: 120},
		{name: "service", q: LogQuery{Service: "billing"}, want: 60},
		{name: "unknown service", q: LogQuery{Service: "nope"}, want: 0},
		{name: "severity", q: LogQuery{SeverityMin: plog.SeverityNumberError}, want: 40,
			ok: func(lr plog.LogRecord) bool { return lr.SeverityNumber() >= plog.SeverityNumberError }},
		{name: "service and severity", q: LogQuery{Service: "checkout", SeverityMin: plog.SeverityNumberWarn}, want: 40},
		{name: "trace id", q: LogQuery{TraceID: tid(3)}, want: 20,
			ok: func(lr plog.LogRecord) bool { return lr.TraceID() == tid(3) }},
		{name: "substring", q: LogQuery{Contains: "orders/70 "}, want: 2, // record 10 of both services
			ok: func(lr plog.LogRecord) bool { return strings.Contains(lr.Body().Str(), "orders/70 ") }},
		{name: "substring only in attributes", q: LogQuery{Contains: "worker-3"}, want: 0},
		{name: "time range", q: LogQuery{Start: base.Add(10 * time.Millisecond), End: base.Add(19 * time.Millisecond)}, want: 10},
		{name: "time range and service", q: LogQuery{Start: base.Add(time.Second), End: base.Add(time.Second + 4*time.Millisecond), Service: "billing"}, want: 5},
		{name: "empty range", q: LogQuery{Start: base.Add(time.Hour)}, want: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.q.Limit = 1000
			got, err := s.QueryLogs(tc.q)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.Count)
			assert.Equal(t, tc.want, got.Logs.LogRecordCount())
			assert.Nil(t, got.Next)
			for _, lr := range allLogs(got.Logs) {
				if tc.ok != nil {
					assert.True(t, tc.ok(lr), "record %s", lr.Body().Str())
				}
				if !tc.q.Start.IsZero() {
					assert.GreaterOrEqual(t, lr.Timestamp().AsTime(), tc.q.Start)
				}
			}
		})
	}
}

func TestQueryLogsPages(t *testing.T) {
	s := openTest(t, newClock(base.Add(10*time.Minute)))
	fill(t, s)
	for _, q := range []LogQuery{{}, {Service: "checkout"}, {TraceID: tid(1)}} {
		var (
			seen  = map[string]bool{}
			last  time.Time
			after *Cursor
			pages int
		)
		for {
			q.Limit, q.After = 7, after
			got, err := s.QueryLogs(q)
			require.NoError(t, err)
			pages++
			require.LessOrEqual(t, got.Count, 7)
			for _, lr := range allLogs(got.Logs) {
				key := lr.Body().Str() + lr.Timestamp().String()
				require.False(t, seen[key], "record %q returned twice", key)
				seen[key] = true
				require.False(t, lr.Timestamp().AsTime().Before(last), "pages keep time order")
				last = lr.Timestamp().AsTime()
			}
			if got.Next == nil {
				break
			}
			after = got.Next
		}
		all, err := s.QueryLogs(LogQuery{Service: q.Service, TraceID: q.TraceID, Limit: 1000})
		require.NoError(t, err)
		assert.Equal(t, all.Count, len(seen), "pages together return every record once")
		assert.Equal(t, (all.Count+6)/7, pages)
	}
}

func TestQueryMetrics(t *testing.T) {
	s := openTest(t, newClock(base.Add(10*time.Minute)))
	_, err := s.WriteMetrics(context.Background(), genGauge("system.cpu.utilization", base, 30, "h1", "h2"))
	require.NoError(t, err)
	_, err = s.WriteMetrics(context.Background(), genGauge("system.memory.utilization", base, 5, "h1"))
	require.NoError(t, err)
	sum := pmetric.NewMetrics()
	m := sum.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("http.server.request.count")
	m.SetEmptySum().SetIsMonotonic(true)
	m.Sum().SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
	dp := m.Sum().DataPoints().AppendEmpty()
	dp.SetTimestamp(ts(base))
	dp.SetIntValue(41)
	_, err = s.WriteMetrics(context.Background(), sum)
	require.NoError(t, err)

	names, err := s.MetricNames()
	require.NoError(t, err)
	assert.Equal(t, []MetricName{
		{Name: "http.server.request.count", Type: pmetric.MetricTypeSum},
		{Name: "system.cpu.utilization", Type: pmetric.MetricTypeGauge},
		{Name: "system.memory.utilization", Type: pmetric.MetricTypeGauge},
	}, names)

	for _, tc := range []struct {
		name           string
		q              MetricQuery
		points, series int
	}{
		{name: "all points", q: MetricQuery{Name: "system.cpu.utilization"}, points: 120, series: 4},
		{name: "point attribute", q: MetricQuery{Name: "system.cpu.utilization", Attrs: map[string]string{"cpu": "cpu1"}}, points: 60, series: 2},
		{name: "resource attribute", q: MetricQuery{Name: "system.cpu.utilization", Attrs: map[string]string{"host.name": "h2", "cpu": "cpu0"}}, points: 30, series: 1},
		{name: "no match", q: MetricQuery{Name: "system.cpu.utilization", Attrs: map[string]string{"cpu": "cpu9"}}},
		{name: "time range", q: MetricQuery{Name: "system.cpu.utilization", Start: base.Add(10 * time.Second), End: base.Add(14 * time.Second)}, points: 20, series: 4},
		{name: "prefix name does not match", q: MetricQuery{Name: "system.cpu"}},
		{name: "sum", q: MetricQuery{Name: "http.server.request.count"}, points: 1, series: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.q.Limit = 1000
			got, err := s.QueryMetrics(tc.q)
			require.NoError(t, err)
			assert.Equal(t, tc.points, got.Points)
			assert.Equal(t, tc.points, got.Metrics.DataPointCount())
			assert.Equal(t, tc.series, got.Series)
		})
	}

	got, err := s.QueryMetrics(MetricQuery{Name: "http.server.request.count", Limit: 10})
	require.NoError(t, err)
	gm := got.Metrics.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0)
	assert.True(t, gm.Sum().IsMonotonic())
	assert.Equal(t, pmetric.AggregationTemporalityCumulative, gm.Sum().AggregationTemporality())
	assert.Equal(t, int64(41), gm.Sum().DataPoints().At(0).IntValue())

	// Points of one host come back as one metric per resource, with all points.
	got, err = s.QueryMetrics(MetricQuery{Name: "system.cpu.utilization", Attrs: map[string]string{"host.name": "h1"}, Limit: 1000})
	require.NoError(t, err)
	require.Equal(t, 1, got.Metrics.ResourceMetrics().Len())
	assert.Equal(t, 60, got.Metrics.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0).Gauge().DataPoints().Len())

	// Pages.
	total, after := 0, (*Cursor)(nil)
	for {
		got, err := s.QueryMetrics(MetricQuery{Name: "system.cpu.utilization", Limit: 50, After: after})
		require.NoError(t, err)
		total += got.Points
		if got.Next == nil {
			break
		}
		after = got.Next
	}
	assert.Equal(t, 120, total)

	_, err = s.QueryMetrics(MetricQuery{Limit: 1})
	assert.ErrorContains(t, err, "name is required")
}

func TestResources(t *testing.T) {
	s := openTest(t, newClock(base.Add(10*time.Minute)))
	fill(t, s)
	_, err := s.WriteMetrics(context.Background(), genGauge("system.cpu.utilization", base, 3, "node-1"))
	require.NoError(t, err)
	res, err := s.Resources()
	require.NoError(t, err)
	bySvc := map[string]Resource{}
	for _, r := range res {
		bySvc[r.Service] = r
	}
	require.Len(t, bySvc, 3)
	assert.Equal(t, map[Signal]int64{Traces: 30, Logs: 60}, bySvc["checkout"].Counts)
	assert.Equal(t, map[Signal]int64{Logs: 60}, bySvc["billing"].Counts)
	assert.Equal(t, map[Signal]int64{Metrics: 6}, bySvc["node-exporter"].Counts)
	assert.Equal(t, "node-1", bySvc["checkout"].Host)
	assert.Equal(t, base.Add(time.Second+59*time.Millisecond), bySvc["billing"].LastSeen)
	assert.Equal(t, "node-exporter", res[0].Service, "most recently seen first")
}

func TestReopenKeepsData(t *testing.T) {
	clock := newClock(base.Add(10 * time.Minute))
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	fill(t, s)
	require.NoError(t, s.Close())
	require.NoError(t, s.Close(), "Close is idempotent")
	_, err = s.WriteLogs(context.Background(), genLogs("x", base, 1, nil))
	assert.ErrorIs(t, err, ErrClosed)

	s, err = Open(context.Background(), opts)
	require.NoError(t, err)
	defer s.Close()
	got, err := s.Trace(tid(1), 100)
	require.NoError(t, err)
	assert.Equal(t, 10, got.Spans)
	assert.Equal(t, 20, got.LogRecords)
	res, err := s.Resources()
	require.NoError(t, err)
	assert.Len(t, res, 2, "resource counts survive a restart")
	for _, r := range res {
		assert.Equal(t, int64(60), r.Counts[Logs])
	}
	// New writes after a restart get keys after the old ones.
	_, err = s.WriteLogs(context.Background(), genLogs("checkout", base, 1, func(int) uint64 { return 1 }))
	require.NoError(t, err)
	got, err = s.Trace(tid(1), 100)
	require.NoError(t, err)
	assert.Equal(t, 21, got.LogRecords)
}

func TestExpiredOnArrival(t *testing.T) {
	clock := newClock(base.Add(48 * time.Hour))
	s := openTest(t, clock)
	res, err := s.WriteLogs(context.Background(), genLogs("old", base, 10, nil))
	require.NoError(t, err)
	assert.Equal(t, WriteResult{Written: 0, Expired: 10}, res)
	assert.Equal(t, int64(10), s.Counters().Expired.Load())

	// A record without a timestamp is filed now; one from a clock an hour
	// ahead, now.
	ld := genLogs("new", base, 2, nil)
	ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).SetTimestamp(0)
	ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).SetObservedTimestamp(0)
	ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(1).SetTimestamp(ts(clock.Now().Add(time.Hour)))
	res, err = s.WriteLogs(context.Background(), ld)
	require.NoError(t, err)
	assert.Equal(t, 2, res.Written)
	got, err := s.QueryLogs(LogQuery{Start: clock.Now(), End: clock.Now(), Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 2, got.Count)
}

func TestUnwritableDirectory(t *testing.T) {
	file := t.TempDir() + "/file"
	require.NoError(t, writeFile(file))
	_, err := Open(context.Background(), NewDefaultOptions(file+"/store"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), file+"/store")
	assert.Contains(t, err.Error(), "cannot be created")
}

func TestValidate(t *testing.T) {
	o := NewDefaultOptions("")
	o.MaxAge[Logs] = 0
	o.MaxSize = -1
	err := o.Validate()
	require.Error(t, err)
	for _, want := range []string{"directory must be set", "max_age of logs", "max_size"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.NoError(t, NewDefaultOptions("/x").Validate())
}

// TestOneWriteAcrossBucketsAndResources writes one request whose records
// alternate between two buckets, in two resources, so that the batch's memo
// of the previous record's bucket, dictionary and counts (batch.put) changes
// at every record: counts, dictionary entries and bucket lists stay right.
func TestOneWriteAcrossBucketsAndResources(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(base.Add(10*time.Hour)))
	width := BucketWidth(24 * time.Hour)
	ld := plog.NewLogs()
	for _, svc := range []string{"checkout", "billing"} {
		one := genLogs(svc, base, 10, nil)
		lrs := one.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for k := 0; k < lrs.Len(); k++ {
			at := base.Add(time.Duration(k%2) * width).Add(time.Duration(k) * time.Millisecond)
			lrs.At(k).SetTimestamp(ts(at))
			lrs.At(k).SetObservedTimestamp(ts(at))
		}
		one.ResourceLogs().At(0).CopyTo(ld.ResourceLogs().AppendEmpty())
	}
	res, err := s.WriteLogs(context.Background(), ld)
	require.NoError(t, err)
	require.Equal(t, 20, res.Written)
	require.NoError(t, s.Enforce()) // saves the counts

	rs, err := s.Resources()
	require.NoError(t, err)
	counts := map[string]int64{}
	for _, r := range rs {
		counts[r.Service] = r.Counts[Logs]
	}
	assert.Equal(t, map[string]int64{"checkout": 10, "billing": 10}, counts)
	for _, tc := range []struct {
		q    LogQuery
		want int
	}{
		{LogQuery{Service: "billing"}, 10},
		{LogQuery{Service: "checkout", End: base.Add(time.Minute)}, 5},
		{LogQuery{Service: "checkout", Start: base.Add(width)}, 5},
		{LogQuery{Start: base.Add(width)}, 10},
	} {
		got, err := s.QueryLogs(LogQuery{Service: tc.q.Service, Start: tc.q.Start, End: tc.q.End, Limit: 100})
		require.NoError(t, err)
		assert.Equal(t, tc.want, got.Logs.LogRecordCount(), "%+v", tc.q)
	}
}
