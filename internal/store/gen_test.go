package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// fakeClock is a settable clock for retention tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time      { return c.t }
func (c *fakeClock) Add(d time.Duration) { c.t = c.t.Add(d) }
func newClock(t time.Time) *fakeClock    { return &fakeClock{t: t} }
func ts(t time.Time) pcommon.Timestamp   { return pcommon.NewTimestampFromTime(t) }
func tid(n uint64) pcommon.TraceID {
	var id [16]byte
	binary.BigEndian.PutUint64(id[8:], n)
	id[0] = 0xab
	return id
}
func sid(n uint64) pcommon.SpanID { var id [8]byte; binary.BigEndian.PutUint64(id[:], n); return id }

// openTest opens a store in a temporary directory with a clock.
func openTest(t testing.TB, clock *fakeClock, mod ...func(*Options)) *Store {
	t.Helper()
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	opts.CheckInterval = time.Hour // tests call Enforce
	for _, m := range mod {
		m(&opts)
	}
	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// genLogs makes n log records of about 300 bytes for service svc, one per
// millisecond from start; record i carries trace id traceOf(i) when traceOf
// is not nil.
func genLogs(svc string, start time.Time, n int, traceOf func(i int) uint64) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", svc)
	rl.Resource().Attributes().PutStr("host.name", "node-1")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("app")
	for i := 0; i < n; i++ {
		lr := sl.LogRecords().AppendEmpty()
		lr.SetTimestamp(ts(start.Add(time.Duration(i) * time.Millisecond)))
		lr.SetObservedTimestamp(lr.Timestamp())
		sev := []plog.SeverityNumber{plog.SeverityNumberInfo, plog.SeverityNumberWarn, plog.SeverityNumberError}[i%3]
		lr.SetSeverityNumber(sev)
		lr.SetSeverityText(sev.String())
		lr.Body().SetStr(fmt.Sprintf("request %d handled: GET /api/v1/orders/%d status=200 bytes=5123 user=alice "+
			"region=eu-west-1 upstream=orders-db latency_ms=%d cache=miss retries=0 message padding to reach about three hundred bytes", i, i*7, i%250))
		lr.Attributes().PutStr("http.method", "GET")
		lr.Attributes().PutInt("http.status_code", 200)
		lr.Attributes().PutStr("thread", "worker-3")
		if traceOf != nil {
			lr.SetTraceID(tid(traceOf(i)))
			lr.SetSpanID(sid(uint64(i)))
		}
	}
	return ld
}

// genSpans makes n spans for service svc, one per millisecond from start;
// span i belongs to trace traceOf(i).
func genSpans(svc string, start time.Time, n int, traceOf func(i int) uint64) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", svc)
	rs.Resource().Attributes().PutStr("host.name", "node-1")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("app")
	for i := 0; i < n; i++ {
		sp := ss.Spans().AppendEmpty()
		sp.SetTraceID(tid(traceOf(i)))
		sp.SetSpanID(sid(uint64(i + 1)))
		sp.SetName(fmt.Sprintf("GET /api/v1/orders/{id} #%d", i%10))
		sp.SetKind(ptrace.SpanKindServer)
		sp.SetStartTimestamp(ts(start.Add(time.Duration(i) * time.Millisecond)))
		sp.SetEndTimestamp(ts(start.Add(time.Duration(i)*time.Millisecond + 3*time.Millisecond)))
		sp.Attributes().PutStr("http.request.method", "GET")
		sp.Attributes().PutStr("url.path", fmt.Sprintf("/api/v1/orders/%d", i))
		sp.Attributes().PutInt("http.response.status_code", 200)
		sp.Attributes().PutStr("server.address", "orders.internal.example.com")
		sp.Attributes().PutStr("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) otelcol-ems-bench")
	}
	return td
}

// genGauge makes n points of a gauge named name for each of the hosts, one
// per second from start.
func genGauge(name string, start time.Time, n int, hosts ...string) pmetric.Metrics {
	md := pmetric.NewMetrics()
	for _, h := range hosts {
		rm := md.ResourceMetrics().AppendEmpty()
		rm.Resource().Attributes().PutStr("host.name", h)
		rm.Resource().Attributes().PutStr("service.name", "node-exporter")
		m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
		m.SetName(name)
		m.SetUnit("1")
		dps := m.SetEmptyGauge().DataPoints()
		for i := 0; i < n; i++ {
			for _, cpu := range []string{"cpu0", "cpu1"} {
				dp := dps.AppendEmpty()
				dp.SetTimestamp(ts(start.Add(time.Duration(i) * time.Second)))
				dp.SetDoubleValue(float64(i) / 100)
				dp.Attributes().PutStr("cpu", cpu)
			}
		}
	}
	return md
}
