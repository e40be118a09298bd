//go:build integration

package e2e

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// TestWASCollector200Targets runs the built collector with 200 targets at a
// 10 s interval (50 of each kind) against answers of real size served by
// the test (the recordings of internal/was/testdata) and reports the
// collector's CPU as a share of one core. It asserts only that every target
// was polled; the CPU figure is logged for the README.
func TestWASCollector200Targets(t *testing.T) {
	dir := filepath.Join(harness.RepoRoot(), "internal", "was", "testdata")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		return b
	}
	pages := map[string][]byte{
		"/manager/status": read("tomcat10.1-status.xml"),
		"/nginx_status":   read("nginx1.22-stub_status.txt"),
		"/server-status":  read("apache2.4-server-status.txt"),
		"/jolokia":        read("jolokia/jvm-wildfly-response.json"),
	}
	jmx := map[string][]byte{
		"java.lang:*": read("tomcat10.1-jmxproxy-java.lang.txt"),
		"Catalina:*":  read("tomcat10.1-jmxproxy-catalina.txt"),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if r.URL.Path == "/manager/jmxproxy" {
			_, _ = w.Write(jmx[r.URL.Query().Get("qry")])
			return
		}
		_, _ = w.Write(pages[r.URL.Path])
	}))
	t.Cleanup(srv.Close)

	var targets strings.Builder
	for i := range 50 {
		fmt.Fprintf(&targets, "      - {name: tomcat-%d, kind: tomcat, endpoint: %s, username: u, password: p}\n", i, srv.URL)
		fmt.Fprintf(&targets, "      - {name: jolokia-%d, kind: jolokia, endpoint: %s/jolokia, profiles: [jvm, wildfly]}\n", i, srv.URL)
		fmt.Fprintf(&targets, "      - {name: apache-%d, kind: apache, endpoint: %s/server-status}\n", i, srv.URL)
		fmt.Fprintf(&targets, "      - {name: nginx-%d, kind: nginx, endpoint: %s/nginx_status}\n", i, srv.URL)
	}
	sink := harness.StartSink(t)
	cfg := harness.SinkConfig(fmt.Sprintf(`receivers:
  was:
    collection_interval: 10s
    targets:
%s
`, targets.String()), sink.GRPCEndpoint,
		harness.Pipeline{Signal: "metrics", Receivers: []string{"was"}})
	c := harness.StartCollector(t, cfg)
	// One interval to settle (phases spread over it), then two measured.
	time.Sleep(10 * time.Second)
	cpu0, polls0 := c.Metric(t, "otelcol_process_cpu_seconds", nil), c.Metric(t, "otelcol_receiver_was_polls", nil)
	t0 := time.Now()
	time.Sleep(20 * time.Second)
	cpu1, polls1 := c.Metric(t, "otelcol_process_cpu_seconds", nil), c.Metric(t, "otelcol_receiver_was_polls", nil)
	wall := time.Since(t0).Seconds()

	seen := map[string]int{}
	for target, ps := range wasPolls(sink.Metrics.AllMetrics()) {
		for _, p := range ps {
			if p.up() == 1 {
				seen[target]++
			}
		}
	}
	assert.Len(t, seen, 200, "every target answered")
	assert.Zero(t, c.Metric(t, "otelcol_receiver_was_poll_failures", nil))
	polls := polls1 - polls0
	assert.InDelta(t, 400, polls, 60, "about 200 targets x 2 intervals polled in the window")
	t.Logf("200 targets at 10 s: %.0f polls in %.1f s, collector CPU %.3f s = %.2f %% of one core, %.0f µs per poll",
		polls, wall, cpu1-cpu0, (cpu1-cpu0)/wall*100, (cpu1-cpu0)/polls*1e6)
}
