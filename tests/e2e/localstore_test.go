//go:build integration

package e2e

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// Local unified store tests (issue 5): OTLP goes into the built collector,
// the local_store exporter writes it into the local_store extension's Badger
// store, and the extension's query API answers.

// localStoreConfig stores every signal from OTLP/gRPC in into one store;
// storeYAML adds keys to the store (indented by 8 spaces).
func localStoreConfig(in, api, storeYAML string) string {
	return fmt.Sprintf(`%s  local_store:
    api:
      endpoint: %s
    stores:
      default:
        directory: ${env:EMS_STORE_DIR}
%s
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
        max_recv_msg_size_mib: 64
exporters:
  local_store:
    extension: local_store
    store: default
service:
  extensions: [health_check, local_store]
%s
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [local_store]
    logs:
      receivers: [otlp]
      exporters: [local_store]
    metrics:
      receivers: [otlp]
      exporters: [local_store]
`, harness.ExtensionsYAML, api, storeYAML, in, harness.TelemetryYAML)
}

// queryAPI calls the local store API and decodes the JSON answer into out.
type queryAPI struct {
	base, token string
}

func (q queryAPI) get(t *testing.T, path string, out any) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, q.base+path, nil)
	require.NoError(t, err)
	if q.token != "" {
		req.Header.Set("Authorization", "Bearer "+q.token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if out != nil {
		require.NoError(t, json.Unmarshal(body, out), "%s: %s", path, body)
	}
	return resp.StatusCode
}

type tracePage struct {
	SpanCount int             `json:"span_count"`
	LogCount  int             `json:"log_count"`
	Traces    json.RawMessage `json:"traces"`
	Logs      json.RawMessage `json:"logs"`
}

type dataPage struct {
	Count         int             `json:"count"`
	Series        int             `json:"series"`
	NextPageToken string          `json:"next_page_token"`
	Data          json.RawMessage `json:"data"`
	Error         string          `json:"error"`
}

type resourcesPage struct {
	Data []struct {
		Service string           `json:"service"`
		Host    string           `json:"host"`
		Counts  map[string]int64 `json:"counts"`
	} `json:"data"`
}

type namesPage struct {
	Data []struct {
		Name string `json:"name"`
		Type string `json:"type"`
	} `json:"data"`
}

// TestLocalStoreCorrelatedAndDurable sends traces, logs that share their
// trace ids, and metrics; the API returns them correlated, also after a
// restart of the collector.
func TestLocalStoreCorrelatedAndDurable(t *testing.T) {
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	dir := filepath.Join(t.TempDir(), "store")
	// An empty bearer_token is a startup error, so only this test has one.
	cfg := strings.Replace(localStoreConfig(in, api, ""), "    stores:\n", "    bearer_token: ${env:EMS_LOCAL_STORE_TOKEN}\n    stores:\n", 1)
	c := harness.StartCollector(t, cfg, "EMS_STORE_DIR="+dir, "EMS_LOCAL_STORE_TOKEN=e2e-token")
	client := harness.NewOTLPClient(t, in)
	base := time.Now().Add(-time.Minute).Truncate(time.Millisecond)
	require.NoError(t, client.SendTraces(harness.GenTraces("shop", 40, base))) // 10 traces of 4 spans
	require.NoError(t, client.SendLogs(harness.GenLogs("shop", 40, base, true)))
	require.NoError(t, client.SendLogs(harness.GenLogs("billing", 20, base, false)))
	require.NoError(t, client.SendMetrics(harness.GenMetrics("shop", 10, base)))

	q := queryAPI{base: "http://" + api, token: "e2e-token"}
	check := func(t *testing.T) {
		id := harness.TraceID(3)
		var tr tracePage
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/traces/"+id.String(), &tr))
		assert.Equal(t, 4, tr.SpanCount)
		assert.Equal(t, 4, tr.LogCount)
		td, err := (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(tr.Traces)
		require.NoError(t, err)
		ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(tr.Logs)
		require.NoError(t, err)
		spanIDs := map[pcommon.SpanID]string{}
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for i := 0; i < spans.Len(); i++ {
			assert.Equal(t, id, spans.At(i).TraceID())
			spanIDs[spans.At(i).SpanID()] = spans.At(i).Name()
		}
		assert.Equal(t, "GET /api/items/12", spans.At(0).Name())
		lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for i := 0; i < lrs.Len(); i++ {
			lr := lrs.At(i)
			assert.Equal(t, id, lr.TraceID())
			assert.Contains(t, spanIDs, lr.SpanID(), "each log record belongs to a span of the trace")
		}
		svc, _ := ld.ResourceLogs().At(0).Resource().Attributes().Get("service.name")
		assert.Equal(t, "shop", svc.Str())

		var p dataPage
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?service=shop&trace_id="+id.String(), &p))
		assert.Equal(t, 4, p.Count)
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?service=billing&limit=15", &p))
		assert.Equal(t, 15, p.Count)
		assert.NotEmpty(t, p.NextPageToken)
		var last dataPage
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?service=billing&limit=15&page_token="+p.NextPageToken, &last))
		assert.Equal(t, 5, last.Count)
		assert.Empty(t, last.NextPageToken, "the last page has no next page")
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?q=log+line+7&start="+url.QueryEscape(base.Format(time.RFC3339Nano)), &p))
		assert.Equal(t, 2, p.Count, "one in each service")

		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/metrics?name=http.server.request.count&attr.http.route=/api/items&attr.service.name=shop", &p))
		assert.Equal(t, 10, p.Count)
		assert.Equal(t, 1, p.Series)
		md, err := (&pmetric.JSONUnmarshaler{}).UnmarshalMetrics(p.Data)
		require.NoError(t, err)
		dps := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0).Sum().DataPoints()
		require.Equal(t, 10, dps.Len())
		assert.Equal(t, int64(100), dps.At(0).IntValue())
		assert.Equal(t, int64(1000), dps.At(9).IntValue())

		var names namesPage
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/metrics/names", &names))
		require.Len(t, names.Data, 3)
		assert.Equal(t, "http.server.request.count", names.Data[0].Name)
		assert.Equal(t, "Sum", names.Data[0].Type)

		var res resourcesPage
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/resources", &res))
		counts := map[string]map[string]int64{}
		for _, r := range res.Data {
			counts[r.Service] = r.Counts
			assert.Equal(t, "node-1", r.Host)
		}
		assert.Equal(t, map[string]map[string]int64{
			"shop":    {"traces": 40, "logs": 40, "metrics": 30},
			"billing": {"traces": 0, "logs": 20, "metrics": 0},
		}, counts)
	}
	t.Run("query", check)

	// Bad input gets 400 with a message; no token gets 401.
	for path, want := range map[string]string{
		"/api/v1/traces/not-a-trace-id": "must be 32 hexadecimal digits",
		"/api/v1/traces/0123":           "must be 32 hexadecimal digits",
		"/api/v1/logs?start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z": "is after end",
		"/api/v1/logs?end=tomorrow":                                        `end="tomorrow" is not a time`,
		"/api/v1/metrics?start=-1h":                                        "name is required",
	} {
		var p dataPage
		assert.Equal(t, http.StatusBadRequest, q.get(t, path, &p), path)
		assert.Contains(t, p.Error, want, path)
	}
	var p dataPage
	assert.Equal(t, http.StatusUnauthorized, queryAPI{base: q.base}.get(t, "/api/v1/resources", &p))

	c.Restart(t)
	t.Run("after restart", check)
	assert.NotContains(t, c.Output(), "e2e-token", "the bearer token is never logged")
}

// bigLogs makes n log records of about 300 bytes stamped now.
func bigLogs(service string, n int, seq int) plog.Logs {
	ld := harness.GenLogs(service, n, time.Now(), false)
	lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	raw := make([]byte, 100)
	for i := 0; i < lrs.Len(); i++ {
		_, _ = rand.Read(raw) // as little compressible as real request ids and payloads
		lrs.At(i).Body().SetStr(fmt.Sprintf("batch %d record %d: GET /api/v1/orders status=200 %x", seq, i, raw))
	}
	return ld
}

func storeSize(t *testing.T, dir string) int64 {
	t.Helper()
	n, err := badgerdb.DirSize(dir)
	require.NoError(t, err)
	return n
}

// TestLocalStoreRetentionFreesDisk stores about 30 MB of logs with a
// max_age of 5 s; the data then disappears and the directory shrinks.
func TestLocalStoreRetentionFreesDisk(t *testing.T) {
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	dir := filepath.Join(t.TempDir(), "store")
	c := harness.StartCollector(t, localStoreConfig(in, api, `        max_age: {traces: 5s, logs: 5s, metrics: 5s}
        check_interval: 1s`), "EMS_STORE_DIR="+dir)
	client := harness.NewOTLPClient(t, in)
	for i := 0; i < 25; i++ {
		require.NoError(t, client.SendLogs(bigLogs("shop", 4000, i)))
	}
	before := storeSize(t, dir)
	q := queryAPI{base: "http://" + api}
	var p dataPage
	require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?limit=1000", &p))
	require.Positive(t, p.Count, "data is there before it expires")

	var after int64
	deadline := time.Now().Add(60 * time.Second)
	for {
		after = storeSize(t, dir)
		require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?limit=10", &p))
		if (p.Count == 0 && after < before/4) || time.Now().After(deadline) {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Logf("store directory: %.1f MiB after ingest, %.1f MiB after expiry", float64(before)/(1<<20), float64(after)/(1<<20))
	assert.Zero(t, p.Count, "records past max_age are gone")
	assert.Less(t, after, before/4, "the directory shrinks: %d -> %d bytes", before, after)
	assert.Positive(t, c.Metric(t, "otelcol_local_store_buckets_dropped", nil), "dropped buckets are counted")
}

// TestLocalStoreMaxSizeHolds writes about 90 MB into a store with a 32 MiB
// budget and a retention long enough not to matter: the oldest data goes and
// the directory stays within the budget.
func TestLocalStoreMaxSizeHolds(t *testing.T) {
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	dir := filepath.Join(t.TempDir(), "store")
	harness.StartCollector(t, localStoreConfig(in, api, `        max_age: {traces: 1h, logs: 40s, metrics: 1h}
        max_size_mib: 32
        check_interval: 500ms
        memory: {memtable_size_mib: 4, num_memtables: 2}`), "EMS_STORE_DIR="+dir)
	client := harness.NewOTLPClient(t, in)
	start := time.Now()
	var peak int64
	for i := 0; i < 60; i++ { // 300k records in about 15 s, across several 5 s buckets
		require.NoError(t, client.SendLogs(bigLogs("shop", 5000, i)))
		peak = max(peak, storeSize(t, dir))
		time.Sleep(150 * time.Millisecond)
	}
	// No timing assertion: on a slow machine retention (40 s) may also drop
	// some of the oldest data, which weakens only the attribution below.
	if d := time.Since(start); d > 35*time.Second {
		t.Logf("writing took %s: max_age may have dropped some of the oldest data as well", d)
	}
	time.Sleep(1500 * time.Millisecond) // let the last check run
	final := storeSize(t, dir)
	t.Logf("store directory: peak %.1f MiB between checks, %.1f MiB at the end, budget 32 MiB", float64(peak)/(1<<20), float64(final)/(1<<20))
	assert.LessOrEqual(t, final, int64(32<<20), "max_size holds")

	q := queryAPI{base: "http://" + api}
	var p dataPage
	require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?q=batch+59+record+4999:", &p))
	assert.Equal(t, 1, p.Count, "the newest data stays")
	require.Equal(t, http.StatusOK, q.get(t, "/api/v1/logs?q=batch+0+record+0:", &p))
	assert.Zero(t, p.Count, "the oldest data went first")
}

// TestLocalStoreBadDirectory: a directory that cannot be created stops the
// collector at start with a message that names it.
func TestLocalStoreBadDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o600))
	bad := filepath.Join(file, "store")
	code, out := harness.RunUntilExit(t, localStoreConfig(harness.FreeAddr(t), harness.FreeAddr(t), ""), 60*time.Second, "EMS_STORE_DIR="+bad)
	assert.NotZero(t, code, out)
	assert.Contains(t, out, "store directory "+bad+" cannot be created")
}

// TestLocalStoreValidate: a budget too small for the memtables is refused
// by `validate`, naming the field.
func TestLocalStoreValidate(t *testing.T) {
	code, out := harness.Validate(t, localStoreConfig(harness.FreeAddr(t), harness.FreeAddr(t), "        max_size_mib: 10"), "EMS_STORE_DIR=/tmp/x")
	assert.NotZero(t, code, out)
	assert.Contains(t, out, "max_size_mib 10 is too small")
}

// TestLocalStoreRSS measures the collector's resident memory while it stores
// 20,000 log records of about 300 bytes per second (batches of 1,000) for
// EMS_LOCALSTORE_RSS_SECONDS seconds (the README reports 300). Without the
// variable it is skipped: it is a measurement, run by `make bench-memory`.
// EMS_LOCALSTORE_RSS_STORE_YAML adds store keys (8 spaces indented); the
// collector inherits the environment, so GOMEMLIMIT applies to it.
func TestLocalStoreRSS(t *testing.T) {
	secs, _ := strconv.Atoi(os.Getenv("EMS_LOCALSTORE_RSS_SECONDS"))
	if secs <= 0 {
		t.Skip("set EMS_LOCALSTORE_RSS_SECONDS to measure RSS under 20k records/s")
	}
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	dir := filepath.Join(t.TempDir(), "store")
	c := harness.StartCollector(t, localStoreConfig(in, api, os.Getenv("EMS_LOCALSTORE_RSS_STORE_YAML")), "EMS_STORE_DIR="+dir)
	client := harness.NewOTLPClient(t, in)
	rss := func() float64 { return c.Metric(t, "otelcol_process_memory_rss", nil) / (1 << 20) }
	pid := collectorPID(t, c.ConfigPath)
	time.Sleep(3 * time.Second)
	idle := rss()

	const perSecond, batch = 20_000, 1000
	tick := time.NewTicker(time.Second / (perSecond / batch))
	defer tick.Stop()
	var peak float64
	var peakAt string
	var peakAnon float64
	var samples []float64
	end := time.Now().Add(time.Duration(secs) * time.Second)
	next := time.Now().Add(time.Second)
	sent, late := 0, 0
	for i := 0; time.Now().Before(end); i++ {
		<-tick.C
		begin := time.Now()
		require.NoError(t, client.SendLogs(bigLogs("shop", batch, i)))
		sent += batch
		if time.Since(begin) > time.Second/(perSecond/batch) {
			late++
		}
		if time.Now().After(next) {
			r := rss()
			samples = append(samples, r)
			if len(samples)%10 == 0 {
				t.Logf("t=%ds RSS %.0f MiB (%s), Go heap %.0f MiB, Go sys %.0f MiB", len(samples), r, procRSS(pid),
					c.Metric(t, "otelcol_process_runtime_heap_alloc_bytes", nil)/(1<<20), c.Metric(t, "otelcol_process_runtime_total_sys_memory_bytes", nil)/(1<<20))
			}
			if r > peak {
				peak, peakAt = r, procRSS(pid)
			}
			peakAnon = max(peakAnon, rssAnonMiB(pid))
			next = next.Add(time.Second)
		}
	}
	slices.Sort(samples)
	size := storeSize(t, dir)
	t.Logf("RSS idle %.0f MiB; under %d records/s for %ds: median %.0f MiB, p90 %.0f MiB, peak %.0f MiB (%s), peak anonymous %.0f MiB; %d records sent (%d batches slower than the pace); store %.0f MiB on disk",
		idle, perSecond, secs, samples[len(samples)/2], samples[len(samples)*9/10], peak, peakAt, peakAnon, sent, late, float64(size)/(1<<20))
	assert.Less(t, idle, 256.0, "idle collector under 256 MiB")
	// The goal is on every 1-s sample of otelcol_process_memory_rss, the
	// file-backed pages of the store's mapped tables included.
	assert.Less(t, peak, 300.0, "RSS never above 300 MiB while ingesting")
	assert.Less(t, peakAnon, 300.0, "anonymous RSS never above 300 MiB while ingesting")
}

// collectorPID finds the collector process started with configPath.
func collectorPID(t *testing.T, configPath string) int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	require.NoError(t, err)
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && strings.Contains(string(cmd), configPath) {
			return pid
		}
	}
	t.Fatalf("no process runs with %s", configPath)
	return 0
}

// procRSS returns the anonymous and file-backed parts of a process's RSS.
func procRSS(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return err.Error()
	}
	var parts []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "RssAnon") || strings.HasPrefix(l, "RssFile") {
			parts = append(parts, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(parts, ", ")
}

// rssAnonMiB returns the anonymous part of a process's RSS in MiB.
func rssAnonMiB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "RssAnon:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
