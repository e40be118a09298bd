package localstoreextension

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

var (
	now     = time.Now().Truncate(time.Second)
	traceA  = pcommon.TraceID{0xaa, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	traceB  = pcommon.TraceID{0xbb, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	traceAS = "aa0102030405060708090a0b0c0d0e0f"
)

// sample writes 4 spans of trace A and 2 of trace B for service "shop", 6
// logs (3 with trace A, one ERROR), and a gauge with two cpus.
func sample(t testing.TB, s *store.Store) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "shop")
	rs.Resource().Attributes().PutStr("host.name", "node-7")
	for i := 0; i < 6; i++ {
		sp := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
		sp.SetTraceID(traceA)
		if i >= 4 {
			sp.SetTraceID(traceB)
		}
		sp.SetSpanID(pcommon.SpanID{byte(i + 1)})
		sp.SetName(fmt.Sprintf("span-%d", i))
		sp.SetStartTimestamp(pcommon.NewTimestampFromTime(now.Add(time.Duration(i) * time.Millisecond)))
	}
	_, err := s.WriteTraces(context.Background(), td)
	require.NoError(t, err)

	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "shop")
	rl.Resource().Attributes().PutStr("host.name", "node-7")
	for i := 0; i < 6; i++ {
		lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
		lr.SetTimestamp(pcommon.NewTimestampFromTime(now.Add(time.Duration(i) * time.Millisecond)))
		lr.Body().SetStr(fmt.Sprintf("log line %d", i))
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
		if i == 5 {
			lr.SetSeverityNumber(plog.SeverityNumberError)
			lr.Body().SetStr("payment declined")
		}
		if i < 3 {
			lr.SetTraceID(traceA)
		}
	}
	_, err = s.WriteLogs(context.Background(), ld)
	require.NoError(t, err)

	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("host.name", "node-7")
	m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("system.cpu.utilization")
	dps := m.SetEmptyGauge().DataPoints()
	for i := 0; i < 3; i++ {
		for _, cpu := range []string{"cpu0", "cpu1"} {
			dp := dps.AppendEmpty()
			dp.SetTimestamp(pcommon.NewTimestampFromTime(now.Add(time.Duration(i) * time.Second)))
			dp.SetDoubleValue(0.5)
			dp.Attributes().PutStr("cpu", cpu)
		}
	}
	_, err = s.WriteMetrics(context.Background(), md)
	require.NoError(t, err)
}

// testAPI returns a handler over one store filled with sample data.
func testAPI(t testing.TB, token string) http.Handler {
	opts := store.NewDefaultOptions(t.TempDir())
	s, err := store.Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	sample(t, s)
	cfg := createDefaultConfig().(*Config)
	cfg.Stores = map[string]StoreConfig{"default": {Directory: opts.Dir}}
	ext := newExtension(cfg, extensiontest.NewNopSettings(extensiontest.NopType))
	ext.stores["default"] = s
	return newAPI(ext, token).handler()
}

func get(t *testing.T, h http.Handler, path string, out any) int {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if out != nil {
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), out), rec.Body.String())
	}
	return rec.Code
}

// otlpPage is the envelope of a paged answer with its OTLP JSON decoded.
type otlpPage struct {
	Store         string          `json:"store"`
	Count         int             `json:"count"`
	Series        int             `json:"series"`
	NextPageToken string          `json:"next_page_token"`
	Data          json.RawMessage `json:"data"`
}

func TestAPITrace(t *testing.T) {
	h := testAPI(t, "")
	var tr traceResponse
	require.Equal(t, http.StatusOK, get(t, h, "/api/v1/traces/"+traceAS, &tr))
	assert.Equal(t, "default", tr.Store)
	assert.Equal(t, traceAS, tr.TraceID)
	assert.Equal(t, 4, tr.SpanCount)
	assert.Equal(t, 3, tr.LogCount)
	td, err := (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(tr.Traces)
	require.NoError(t, err)
	assert.Equal(t, 4, td.SpanCount())
	svc, _ := td.ResourceSpans().At(0).Resource().Attributes().Get("service.name")
	assert.Equal(t, "shop", svc.Str())
	ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(tr.Logs)
	require.NoError(t, err)
	assert.Equal(t, 3, ld.LogRecordCount())
	assert.Equal(t, traceA, ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).TraceID())

	var e map[string]string
	assert.Equal(t, http.StatusNotFound, get(t, h, "/api/v1/traces/"+"cc0102030405060708090a0b0c0d0e0f", &e))
	assert.Contains(t, e["error"], "no spans or log records with trace id cc01")
}

func TestAPILogs(t *testing.T) {
	h := testAPI(t, "")
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"", 6},
		{"?service=shop", 6},
		{"?service=other", 0},
		{"?severity_min=ERROR", 1},
		{"?severity_min=17", 1},
		{"?severity_min=warn", 1},
		{"?trace_id=" + traceAS, 3},
		{"?q=declined", 1},
		{"?q=log+line", 5},
		{"?start=" + url.QueryEscape(now.Add(2*time.Millisecond).Format(time.RFC3339Nano)), 4},
		{"?start=" + fmt.Sprint(now.Add(2*time.Millisecond).UnixNano()) + "&end=" + fmt.Sprint(now.Add(3*time.Millisecond).UnixNano()), 2},
		{"?start=-1h", 6},
		{"?store=default&limit=2", 2},
	} {
		var p otlpPage
		require.Equal(t, http.StatusOK, get(t, h, "/api/v1/logs"+tc.query, &p), tc.query)
		assert.Equal(t, tc.want, p.Count, tc.query)
		ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(p.Data)
		require.NoError(t, err)
		assert.Equal(t, tc.want, ld.LogRecordCount(), tc.query)
	}
}

func TestAPILogsPages(t *testing.T) {
	h := testAPI(t, "")
	var bodies []string
	path := "/api/v1/logs?limit=4"
	for {
		var p otlpPage
		require.Equal(t, http.StatusOK, get(t, h, path, &p))
		ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(p.Data)
		require.NoError(t, err)
		lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for i := 0; i < lrs.Len(); i++ {
			bodies = append(bodies, lrs.At(i).Body().Str())
		}
		if p.NextPageToken == "" {
			break
		}
		path = "/api/v1/logs?limit=4&page_token=" + p.NextPageToken
	}
	assert.Equal(t, []string{"log line 0", "log line 1", "log line 2", "log line 3", "log line 4", "payment declined"}, bodies)
}

func TestAPIMetrics(t *testing.T) {
	h := testAPI(t, "")
	var p otlpPage
	require.Equal(t, http.StatusOK, get(t, h, "/api/v1/metrics?name=system.cpu.utilization", &p))
	assert.Equal(t, 6, p.Count)
	assert.Equal(t, 2, p.Series)
	require.Equal(t, http.StatusOK, get(t, h, "/api/v1/metrics?name=system.cpu.utilization&attr.cpu=cpu1&attr.host.name=node-7", &p))
	assert.Equal(t, 3, p.Count)
	md, err := (&pmetric.JSONUnmarshaler{}).UnmarshalMetrics(p.Data)
	require.NoError(t, err)
	dps := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0).Gauge().DataPoints()
	require.Equal(t, 3, dps.Len())
	for i := 0; i < dps.Len(); i++ {
		cpu, _ := dps.At(i).Attributes().Get("cpu")
		assert.Equal(t, "cpu1", cpu.Str())
	}
	require.Equal(t, http.StatusOK, get(t, h, "/api/v1/metrics?name=system.cpu.utilization&limit=4", &p))
	assert.Equal(t, 4, p.Count)
	assert.NotEmpty(t, p.NextPageToken)

	var names struct {
		Count int              `json:"count"`
		Data  []metricNameJSON `json:"data"`
	}
	require.Equal(t, http.StatusOK, get(t, h, "/api/v1/metrics/names", &names))
	assert.Equal(t, []metricNameJSON{{Name: "system.cpu.utilization", Type: "Gauge"}}, names.Data)
}

func TestAPIResources(t *testing.T) {
	h := testAPI(t, "")
	var res struct {
		Count int            `json:"count"`
		Data  []resourceJSON `json:"data"`
	}
	require.Equal(t, http.StatusOK, get(t, h, "/api/v1/resources", &res))
	require.Equal(t, 2, res.Count)
	var shop resourceJSON
	for _, r := range res.Data {
		if r.Service == "shop" {
			shop = r
		}
	}
	assert.Equal(t, "node-7", shop.Host)
	assert.Equal(t, map[string]int64{"traces": 6, "logs": 6, "metrics": 0}, shop.Counts)
	assert.Equal(t, now.Add(5*time.Millisecond).UTC(), shop.LastSeen)
	assert.Equal(t, "shop", shop.Attributes["service.name"])
}

func TestAPIBadRequests(t *testing.T) {
	h := testAPI(t, "")
	for _, tc := range []struct {
		path, want string
		code       int
	}{
		{"/api/v1/traces/xyz", `trace_id="xyz" must be 32 hexadecimal digits`, 400},
		{"/api/v1/traces/aa01", `must be 32 hexadecimal digits`, 400},
		{"/api/v1/traces/00000000000000000000000000000000", "must not be all zeros", 400},
		{"/api/v1/traces/" + traceAS + "?limit=0", "limit=\"0\" must be an integer from 1 to 10000", 400},
		{"/api/v1/logs?start=yesterday", `start="yesterday" is not a time`, 400},
		{"/api/v1/logs?start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z", "start (2026-01-02T00:00:00Z) is after end (2026-01-01T00:00:00Z)", 400},
		{"/api/v1/logs?severity_min=LOUD", `severity_min="LOUD" must be a severity number`, 400},
		{"/api/v1/logs?trace_id=12", `trace_id="12" must be 32 hexadecimal digits`, 400},
		{"/api/v1/logs?limit=5000", "from 1 to 1000", 400},
		{"/api/v1/logs?page_token=nope", "page_token is not valid", 400},
		{"/api/v1/logs?servce=shop", `unknown parameter "servce"`, 400},
		{"/api/v1/logs?q=a&q=b", `parameter "q" is given 2 times`, 400},
		{"/api/v1/metrics", "name is required", 400},
		{"/api/v1/metrics?name=x&attr.=1", "needs a key", 400},
		{"/api/v1/logs?store=other", `has no store "other"`, 400},
		{"/api/v2/logs", "no such endpoint", 404},
	} {
		var e map[string]string
		assert.Equal(t, tc.code, get(t, h, tc.path, &e), tc.path)
		assert.Contains(t, e["error"], tc.want, tc.path)
	}
}

func TestAPIMethodNotAllowed(t *testing.T) {
	h := testAPI(t, "")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/v1/logs", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Contains(t, rec.Body.String(), "read-only")
}

func TestAPIBearerToken(t *testing.T) {
	h := testAPI(t, "t0ken")
	var e map[string]string
	assert.Equal(t, http.StatusUnauthorized, get(t, h, "/api/v1/resources", &e))
	assert.Equal(t, "missing or wrong bearer token", e["error"])

	req := httptest.NewRequest(http.MethodGet, "/api/v1/resources", nil)
	req.Header.Set("Authorization", "Bearer wrong")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusUnauthorized, rec.Code)

	req.Header.Set("Authorization", "Bearer t0ken")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code)
}

// TestLifecycle starts the extension for real: it opens the store, serves
// the API over TCP, shuts down, and a second start finds the data again.
func TestLifecycle(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	endpoint := l.Addr().String()
	require.NoError(t, l.Close())
	cfg := createDefaultConfig().(*Config)
	cfg.API.NetAddr.Endpoint = endpoint
	cfg.BearerToken = "tok"
	sc := newDefaultStoreConfig()
	sc.Directory = t.TempDir()
	cfg.Stores = map[string]StoreConfig{"node": sc}

	for round := 0; round < 2; round++ {
		ext := newExtension(cfg, extensiontest.NewNopSettings(extensiontest.NopType))
		require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
		s, err := ext.Store("node")
		require.NoError(t, err)
		if round == 0 {
			sample(t, s)
		}
		_, err = ext.Store("missing")
		assert.ErrorContains(t, err, `has no store "missing" (stores: [node])`)

		req, _ := http.NewRequest(http.MethodGet, "http://"+endpoint+"/api/v1/traces/"+traceAS, nil)
		req.Header.Set("Authorization", "Bearer tok")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		var tr traceResponse
		require.NoError(t, json.Unmarshal(body, &tr))
		assert.Equal(t, 4, tr.SpanCount, "round %d", round)
		assert.Equal(t, 3, tr.LogCount, "round %d", round)
		require.NoError(t, ext.Shutdown(context.Background()))
	}
}

func TestStartFailsOnBadDirectory(t *testing.T) {
	file := t.TempDir() + "/file"
	require.NoError(t, writeFile(file))
	cfg := createDefaultConfig().(*Config)
	sc := newDefaultStoreConfig()
	sc.Directory = file + "/store"
	cfg.Stores = map[string]StoreConfig{"default": sc}
	ext := newExtension(cfg, extensiontest.NewNopSettings(extensiontest.NopType))
	err := ext.Start(context.Background(), componenttest.NewNopHost())
	require.Error(t, err)
	assert.Contains(t, err.Error(), `local_store: store "default": store directory `+file+"/store cannot be created")
	require.NoError(t, ext.Shutdown(context.Background()))
}
