package harness

import (
	"encoding/binary"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TraceID returns a deterministic, valid trace id for n.
func TraceID(n uint64) pcommon.TraceID {
	var id pcommon.TraceID
	binary.BigEndian.PutUint64(id[:8], 0xe5e5_0000_0000_0000|n)
	binary.BigEndian.PutUint64(id[8:], n+1)
	return id
}

// SpanID returns a deterministic, valid span id for n.
func SpanID(n uint64) pcommon.SpanID {
	var id pcommon.SpanID
	binary.BigEndian.PutUint64(id[:], 0x5a00_0000_0000_0000|(n+1))
	return id
}

// GenTraces returns one resource (service) with n spans in one trace per
// group of four, with attributes, events and a status.
func GenTraces(service string, n int, base time.Time) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", service)
	rs.Resource().Attributes().PutStr("host.name", "node-1")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("otelcol-ems/tests")
	ss.Scope().SetVersion("1.0.0")
	for i := 0; i < n; i++ {
		sp := ss.Spans().AppendEmpty()
		sp.SetTraceID(TraceID(uint64(i / 4)))
		sp.SetSpanID(SpanID(uint64(i)))
		if i%4 != 0 {
			sp.SetParentSpanID(SpanID(uint64(i - i%4)))
		}
		sp.SetName(fmt.Sprintf("GET /api/items/%d", i))
		sp.SetKind(ptrace.SpanKindServer)
		start := base.Add(time.Duration(i) * time.Millisecond)
		sp.SetStartTimestamp(pcommon.NewTimestampFromTime(start))
		sp.SetEndTimestamp(pcommon.NewTimestampFromTime(start.Add(5 * time.Millisecond)))
		sp.Attributes().PutStr("http.request.method", "GET")
		sp.Attributes().PutInt("http.response.status_code", 200)
		ev := sp.Events().AppendEmpty()
		ev.SetName("cache.miss")
		ev.SetTimestamp(pcommon.NewTimestampFromTime(start.Add(time.Millisecond)))
		sp.Status().SetCode(ptrace.StatusCodeOk)
	}
	return td
}

// GenLogs returns one resource (service) with n log records; record i has
// attribute "seq" = i, body "log line i" and, when withTrace, the trace and
// span ids of GenTraces' span i.
func GenLogs(service string, n int, base time.Time, withTrace bool) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", service)
	rl.Resource().Attributes().PutStr("host.name", "node-1")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("otelcol-ems/tests")
	for i := 0; i < n; i++ {
		lr := sl.LogRecords().AppendEmpty()
		ts := pcommon.NewTimestampFromTime(base.Add(time.Duration(i) * time.Millisecond))
		lr.SetTimestamp(ts)
		lr.SetObservedTimestamp(ts)
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
		lr.SetSeverityText("INFO")
		lr.Body().SetStr(fmt.Sprintf("log line %d", i))
		lr.Attributes().PutInt("seq", int64(i))
		if withTrace {
			lr.SetTraceID(TraceID(uint64(i / 4)))
			lr.SetSpanID(SpanID(uint64(i)))
		}
	}
	return ld
}

// GenMetrics returns one resource with a cumulative sum, a gauge and a
// histogram, each with points points.
func GenMetrics(service string, points int, base time.Time) pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("service.name", service)
	rm.Resource().Attributes().PutStr("host.name", "node-1")
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.Scope().SetName("otelcol-ems/tests")
	start := pcommon.NewTimestampFromTime(base)

	sum := sm.Metrics().AppendEmpty()
	sum.SetName("http.server.request.count")
	sum.SetUnit("{request}")
	s := sum.SetEmptySum()
	s.SetIsMonotonic(true)
	s.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)

	g := sm.Metrics().AppendEmpty()
	g.SetName("system.memory.utilization")
	g.SetUnit("1")
	gauge := g.SetEmptyGauge()

	h := sm.Metrics().AppendEmpty()
	h.SetName("http.server.request.duration")
	h.SetUnit("s")
	hist := h.SetEmptyHistogram()
	hist.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)

	for i := 0; i < points; i++ {
		ts := pcommon.NewTimestampFromTime(base.Add(time.Duration(i+1) * time.Second))
		dp := s.DataPoints().AppendEmpty()
		dp.SetStartTimestamp(start)
		dp.SetTimestamp(ts)
		dp.SetIntValue(int64(100 * (i + 1)))
		dp.Attributes().PutStr("http.route", "/api/items")

		gp := gauge.DataPoints().AppendEmpty()
		gp.SetTimestamp(ts)
		gp.SetDoubleValue(0.25 + float64(i)/100)
		gp.Attributes().PutStr("system.memory.state", "used")

		hp := hist.DataPoints().AppendEmpty()
		hp.SetStartTimestamp(start)
		hp.SetTimestamp(ts)
		hp.ExplicitBounds().FromRaw([]float64{0.005, 0.05, 0.5})
		hp.BucketCounts().FromRaw([]uint64{uint64(i), 2, 1, 0})
		hp.SetCount(uint64(i) + 3)
		hp.SetSum(0.123 * float64(i+1))
	}
	return md
}
