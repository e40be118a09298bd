//go:build integration

package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

func readDistributionConfig(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(harness.RepoRoot(), "distribution", name))
	require.NoError(t, err)
	return string(raw)
}

// getJSON fetches url and decodes its JSON answer into out.
func getJSON(t *testing.T, url string, out any) int {
	t.Helper()
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if out != nil && resp.StatusCode == http.StatusOK {
		require.NoError(t, json.Unmarshal(body, out), string(body))
	}
	return resp.StatusCode
}

// logsWithSecrets is GenLogs with a card number and an email in every body.
func logsWithSecrets(n int) plog.Logs {
	ld := harness.GenLogs("checkout", n, time.Now(), true)
	recs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	for i := 0; i < recs.Len(); i++ {
		recs.At(i).Body().SetStr("payment by 4111 1111 1111 1111 for kim@example.com ok")
	}
	return ld
}

type traceAnswer struct {
	SpanCount int             `json:"span_count"`
	LogCount  int             `json:"log_count"`
	Logs      json.RawMessage `json:"logs"`
}

// The default config (what `make run` starts) masks data and keeps every
// signal in the local store, where a trace and its logs come back together.
func TestDefaultConfigRuns(t *testing.T) {
	cfg := readDistributionConfig(t, "config.yaml")
	code, out := harness.Validate(t, cfg)
	require.Equal(t, 0, code, out)

	grpc, http, api := harness.FreeAddr(t), harness.FreeAddr(t), harness.FreeAddr(t)
	c := harness.NewCollector(t, cfg,
		"EMS_OTLP_GRPC_ENDPOINT="+grpc,
		"EMS_OTLP_HTTP_ENDPOINT="+http,
		"EMS_LOCAL_STORE_ENDPOINT="+api)
	c.Start(t) // ./data is under the collector's working directory, c.Dir
	client := harness.NewOTLPClient(t, grpc)
	require.NoError(t, client.SendTraces(harness.GenTraces("checkout", 8, time.Now())))
	require.NoError(t, client.SendLogs(logsWithSecrets(8)))

	traceID := harness.TraceID(1)
	var ans traceAnswer
	require.Eventually(t, func() bool {
		ans = traceAnswer{}
		return getJSON(t, "http://"+api+"/api/v1/traces/"+hexID(traceID[:]), &ans) == http200 &&
			ans.SpanCount == 4 && ans.LogCount == 4
	}, 30*time.Second, 200*time.Millisecond, "trace 1 with its 4 spans and 4 logs in the local store")
	logs := string(ans.Logs)
	assert.Contains(t, logs, "payment by ***************1111 for [REDACTED:email] ok")
	assert.NotContains(t, logs, "4111 1111 1111 1111")
	assert.NotContains(t, logs, "kim@example.com")

	require.Equal(t, 0, c.Stop())
	assert.DirExists(t, filepath.Join(c.Dir, "data", "local_store"))
	assert.True(t, strings.Contains(c.Output(), "Everything is ready"), "startup logged")
}

const http200 = http.StatusOK

func hexID(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, x := range b {
		out = append(out, digits[x>>4], digits[x&15])
	}
	return string(out)
}

// The shipped store-and-forward config delivers masked data to the backend
// and keeps a local copy.
func TestForwardingConfigDelivers(t *testing.T) {
	cfg := readDistributionConfig(t, "forwarding.yaml")
	sink := harness.StartSink(t)
	grpc, api := harness.FreeAddr(t), harness.FreeAddr(t)
	env := []string{
		"EMS_BACKEND_ENDPOINT=" + sink.GRPCEndpoint,
		"EMS_BACKEND_INSECURE=true",
		"EMS_OTLP_GRPC_ENDPOINT=" + grpc,
		"EMS_OTLP_HTTP_ENDPOINT=" + harness.FreeAddr(t),
		"EMS_LOCAL_STORE_ENDPOINT=" + api,
		"EMS_QUEUE_MAX_MIB=256",
	}
	code, out := harness.Validate(t, cfg, env...)
	require.Equal(t, 0, code, out)
	c := harness.StartCollector(t, cfg, env...)
	client := harness.NewOTLPClient(t, grpc)
	require.NoError(t, client.SendLogs(logsWithSecrets(50)))

	require.Eventually(t, func() bool { return sink.Logs.LogRecordCount() == 50 },
		30*time.Second, 100*time.Millisecond, "50 logs at the backend, got %d", sink.Logs.LogRecordCount())
	for _, ld := range sink.Logs.AllLogs() {
		recs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for i := 0; i < recs.Len(); i++ {
			require.Equal(t, "payment by ***************1111 for [REDACTED:email] ok", recs.At(i).Body().Str())
		}
	}
	var page struct {
		Count int `json:"count"`
	}
	require.Equal(t, http.StatusOK, getJSON(t, "http://"+api+"/api/v1/logs?service=checkout&limit=1000", &page))
	assert.Equal(t, 50, page.Count, "local copy")
	assert.DirExists(t, filepath.Join(c.Dir, "data", "queue"))
	require.Equal(t, 0, c.Stop())
}

// distribution/snmp.yaml merged over the default config polls a real agent
// and its metrics land in the local store.
func TestSNMPOverlayPollsIntoLocalStore(t *testing.T) {
	snmpd := harness.StartService(t, "snmpd")
	base := readDistributionConfig(t, "config.yaml")
	overlay := readDistributionConfig(t, "snmp.yaml")
	api := harness.FreeAddr(t)
	c := harness.NewCollector(t, base,
		"EMS_OTLP_GRPC_ENDPOINT="+harness.FreeAddr(t),
		"EMS_OTLP_HTTP_ENDPOINT="+harness.FreeAddr(t),
		"EMS_LOCAL_STORE_ENDPOINT="+api,
		"EMS_SNMP_TARGET="+snmpd["ENDPOINT"],
		"EMS_SNMP_COMMUNITY="+snmpd["COMMUNITY"],
		"EMS_SNMP_INTERVAL=2s")
	overlayPath := filepath.Join(c.Dir, "snmp.yaml")
	require.NoError(t, os.WriteFile(overlayPath, []byte(overlay), 0o600))
	c.Args = []string{"--config", overlayPath}
	c.Start(t)

	var names struct {
		Data []struct {
			Name string `json:"name"`
		} `json:"data"`
	}
	has := func(want string) bool {
		for _, n := range names.Data {
			if n.Name == want {
				return true
			}
		}
		return false
	}
	require.Eventually(t, func() bool {
		names.Data = nil
		return getJSON(t, "http://"+api+"/api/v1/metrics/names", &names) == http.StatusOK &&
			has("snmp.up") && has("snmp.uptime")
	}, 60*time.Second, 500*time.Millisecond, "snmp.up and snmp.uptime stored; names: %v", names.Data)
	assert.NotContains(t, c.Output(), snmpd["COMMUNITY"], "the community never appears in logs")
}
