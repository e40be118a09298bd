//go:build integration

package e2e

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/was"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// TestWASReceiverEndToEnd runs the built collector with the was receiver
// against a private Tomcat 10.1 (manager app, a test webapp, a second
// connector that only the test's traffic uses), nginx and Apache httpd, next
// to targets with a wrong password, a missing role, no role and a server
// that is down. Counters must grow by exactly what the test sent.
func TestWASReceiverEndToEnd(t *testing.T) {
	t.Setenv("EMS_TOMCAT_PORT", strconv.Itoa(harness.FreePort(t)))
	t.Setenv("EMS_TOMCAT_PORT2", strconv.Itoa(harness.FreePort(t)))
	t.Setenv("EMS_TOMCAT_WEBAPPS", filepath.Join(harness.RepoRoot(), "tests", "e2e", "testdata", "emstest"))
	t.Setenv("EMS_NGINX_PORT", strconv.Itoa(harness.FreePort(t)))
	t.Setenv("EMS_APACHE_PORT", strconv.Itoa(harness.FreePort(t)))
	tc := harness.StartService(t, "tomcat")
	ng := harness.StartService(t, "nginx")
	ap := harness.StartService(t, "apache")
	app := "http://127.0.0.1:" + tc["PORT2"] + "/emstest/"
	// Compile the JSPs before the first reading, so the counted traffic is
	// only what follows.
	hit(t, app+"session.jsp", 1, 200)
	hit(t, app+"fail.jsp", 1, 500)

	sink := harness.StartSink(t)
	closed := harness.FreePort(t)
	// A server that accepts connections and never answers.
	hang, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	held := make(chan net.Conn, 1000)
	go func() {
		for {
			conn, err := hang.Accept()
			if err != nil {
				close(held)
				return
			}
			held <- conn
		}
	}()
	t.Cleanup(func() {
		_ = hang.Close()
		for conn := range held {
			_ = conn.Close()
		}
	})
	tomcat := "http://127.0.0.1:" + tc["PORT"]
	cfg := harness.SinkConfig(fmt.Sprintf(`receivers:
  was:
    collection_interval: 1s
    jitter: 0
    timeout: 5s
    targets:
      - {name: tomcat, kind: tomcat, endpoint: %[1]s, username: monuser, password: "${env:TOMCAT_PASSWORD}"}
      - {name: tomcat-badpw, kind: tomcat, endpoint: %[1]s, username: monuser, password: "${env:WRONG_PASSWORD}"}
      - {name: tomcat-statusonly, kind: tomcat, endpoint: %[1]s, username: statusonly, password: "${env:TOMCAT_PASSWORD}"}
      - {name: tomcat-noroles, kind: tomcat, endpoint: %[1]s, username: noroles, password: "${env:TOMCAT_PASSWORD}"}
      - {name: tomcat-down, kind: tomcat, endpoint: "http://127.0.0.1:%[2]d", username: monuser, password: "${env:TOMCAT_PASSWORD}"}
      - {name: tomcat-hang, kind: tomcat, endpoint: "http://%[5]s", username: monuser, password: "${env:TOMCAT_PASSWORD}", timeout: 2s}
      - {name: nginx, kind: nginx, endpoint: "%[3]s"}
      - {name: apache, kind: apache, endpoint: "http://127.0.0.1:%[4]s/server-status"}
`, tomcat, closed, ng["STATUS_URL"], ap["PORT"], hang.Addr()), sink.GRPCEndpoint,
		harness.Pipeline{Signal: "metrics", Receivers: []string{"was"}})
	const wrong = "not-the-password-x9"
	started := time.Now()
	c := harness.StartCollector(t, cfg, "TOMCAT_PASSWORD="+tc["PASSWORD"], "WRONG_PASSWORD="+wrong)
	all := sink.Metrics.AllMetrics

	// Readings A, then the test's traffic, then readings B taken after it.
	ia, polls := waitPollAfter(t, all, "tomcat", started)
	tA := polls[ia]
	na, ngPolls := waitPollAfter(t, all, "nginx", started)
	ngA := ngPolls[na]
	aa, apPolls := waitPollAfter(t, all, "apache", started)
	apA := apPolls[aa]

	const sessions, failures, ngHits, apHits = 7, 4, 25, 30
	hit(t, app+"session.jsp", sessions, 200)
	hit(t, app+"fail.jsp", failures, 500)
	hit(t, ng["STATUS_URL"][:strings.LastIndex(ng["STATUS_URL"], "/")]+"/", ngHits, 200)
	hit(t, "http://127.0.0.1:"+ap["PORT"]+"/index.html", apHits, 200)
	sent := time.Now()

	ib, polls := waitPollAfter(t, all, "tomcat", sent)
	tB := polls[ib]
	statusXML := curlStatus(t, tomcat, tc["USER"], tc["PASSWORD"])
	nb, ngPolls := waitPollAfter(t, all, "nginx", sent)
	ngB := ngPolls[nb]
	ab, apPolls := waitPollAfter(t, all, "apache", sent)
	apB := apPolls[ab]

	// Tomcat: the second connector carries only the test's requests.
	conn2 := map[string]string{"tomcat.request.processor.name": "http-nio-127.0.0.1-" + tc["PORT2"]}
	delta := func(name string, attrs map[string]string) float64 {
		a, ok := tA.value(name, attrs)
		require.True(t, ok, "%s %v in reading A", name, attrs)
		b, ok := tB.value(name, attrs)
		require.True(t, ok, "%s %v in reading B", name, attrs)
		return b - a
	}
	assert.Equal(t, float64(sessions+failures), delta("tomcat.request.count", conn2))
	assert.Equal(t, float64(failures), delta("tomcat.error.count", conn2))
	ctx := map[string]string{"tomcat.context": "/emstest"}
	assert.Equal(t, float64(sessions), delta("tomcat.session.created.count", ctx))
	assert.Equal(t, float64(sessions), delta("tomcat.session.active.count", ctx))
	assert.Equal(t, float64(0), delta("tomcat.session.rejected.count", ctx))
	assert.Positive(t, delta("tomcat.network.io", map[string]string{
		"tomcat.request.processor.name": conn2["tomcat.request.processor.name"], "network.io.direction": "transmit"}))
	limit, ok := tB.value("tomcat.thread.limit", map[string]string{"tomcat.thread.pool.name": conn2["tomcat.request.processor.name"]})
	require.True(t, ok)
	assert.Equal(t, float64(200), limit)
	assert.Equal(t, "127.0.0.1", tB.resource["server.address"])
	tomcatPort, err := strconv.ParseInt(tc["PORT"], 10, 64)
	require.NoError(t, err)
	assert.Equal(t, tomcatPort, tB.resource["server.port"], "an int, as the semantic conventions say")

	// The webapp's JDBC pool (META-INF/context.xml: maxTotal 17, maxIdle 5,
	// never used).
	pool := map[string]string{"db.client.connection.pool.name": "jdbc/ems", "tomcat.context": "/emstest"}
	for name, want := range map[string]float64{"db.client.connection.max": 17, "db.client.connection.idle.max": 5} {
		v, ok := tB.value(name, pool)
		require.True(t, ok, name)
		assert.Equal(t, want, v, name)
	}
	used, ok := tB.value("db.client.connection.count", map[string]string{"db.client.connection.pool.name": "jdbc/ems", "db.client.connection.state": "used"})
	require.True(t, ok)
	assert.Equal(t, 0.0, used)

	// JVM memory pools: the same pools and limits as the status XML read
	// right after reading B; used bytes of non-heap pools close to it.
	st, err := was.ParseTomcatStatus(statusXML)
	require.NoError(t, err)
	require.NotEmpty(t, st.Pools)
	assert.Len(t, tB.points["jvm.memory.used"], len(st.Pools))
	for _, pool := range st.Pools {
		typ := "non_heap"
		if strings.HasPrefix(pool.Type, "Heap") {
			typ = "heap"
		}
		attrs := map[string]string{"jvm.memory.pool.name": pool.Name, "jvm.memory.type": typ}
		used, ok := tB.value("jvm.memory.used", attrs)
		require.True(t, ok, "pool %v", attrs)
		if typ == "non_heap" {
			assert.InEpsilon(t, float64(pool.Used), used, 0.2, "pool %s", pool.Name)
		}
		if pool.Max >= 0 {
			l, ok := tB.value("jvm.memory.limit", attrs)
			require.True(t, ok, "limit of %v", attrs)
			assert.Equal(t, float64(pool.Max), l, "limit of %s", pool.Name)
		}
	}
	// From the JMX proxy: GC per collector, threads, classes.
	assert.Len(t, tB.points["jvm.gc.collections.count"], 2, "G1 young and old")
	assert.NotEmpty(t, tB.points["jvm.gc.collections.elapsed"])
	th, _ := tB.value("jvm.thread.count", nil)
	assert.Greater(t, th, float64(10))
	cl, _ := tB.value("jvm.class.loaded", nil)
	assert.Greater(t, cl, float64(1000))

	// nginx and apache count their own status requests too: one per poll
	// between the two readings.
	ngDelta := ngB.points["nginx.requests"][0].IntValue() - ngA.points["nginx.requests"][0].IntValue()
	assert.Equal(t, int64(ngHits+nb-na), ngDelta, "nginx.requests: %d test requests and %d polls", ngHits, nb-na)
	acc := ngB.points["nginx.connections_accepted"][0].IntValue() - ngA.points["nginx.connections_accepted"][0].IntValue()
	assert.GreaterOrEqual(t, acc, int64(1))
	assert.Len(t, ngB.points["nginx.connections_current"], 4)
	apDelta := apB.points["apache.requests"][0].IntValue() - apA.points["apache.requests"][0].IntValue()
	assert.Equal(t, int64(apHits+ab-aa), apDelta, "apache.requests: %d test requests and %d polls", apHits, ab-aa)
	assert.NotEmpty(t, apB.points["apache.scoreboard"])
	assert.Len(t, apB.points["apache.workers"], 2)
	assert.NotEmpty(t, apB.points["apache.load.1"])

	// Failing targets: down (0) or partial (1), one log line each, naming
	// the target and what to fix; no password anywhere.
	require.Eventually(t, func() bool {
		v := wasPolls(all())
		return len(v["tomcat-badpw"]) > 0 && len(v["tomcat-noroles"]) > 0 && len(v["tomcat-down"]) > 0 &&
			len(v["tomcat-statusonly"]) > 0 && len(v["tomcat-hang"]) > 0
	}, 30*time.Second, 100*time.Millisecond)
	v := wasPolls(all())
	for target, want := range map[string]int64{"tomcat-badpw": 0, "tomcat-noroles": 0, "tomcat-down": 0, "tomcat-statusonly": 1, "tomcat-hang": 0} {
		last := v[target][len(v[target])-1]
		assert.Equal(t, want, last.up(), target)
		assert.NotEmpty(t, last.points["was.scrape.duration"], target)
		assert.Equal(t, target, last.resource["was.target"])
	}
	// The partial target still has its status XML metrics, not the JMX ones.
	so := v["tomcat-statusonly"][len(v["tomcat-statusonly"])-1]
	assert.NotEmpty(t, so.points["jvm.memory.used"])
	assert.Empty(t, so.points["jvm.gc.collections.count"])

	out := c.Output()
	down := fmt.Sprintf("http://127.0.0.1:%d", closed)
	for target, want := range map[string][2]string{
		"tomcat-badpw":      {tomcat, "HTTP 401 Unauthorized (check username and password; the user needs role manager-status)"},
		"tomcat-noroles":    {tomcat, "HTTP 403 Forbidden (the user lacks role manager-status; add it in tomcat-users.xml)"},
		"tomcat-statusonly": {tomcat, "HTTP 403 Forbidden (the user lacks role manager-jmx; add it in tomcat-users.xml)"},
		"tomcat-down":       {down, "connection refused (is the server running and listening at the endpoint's host and port?)"},
		"tomcat-hang":       {"http://" + hang.Addr().String(), "no answer before the timeout (is the server overloaded or the address wrong? raise timeout if it is just slow)"},
	} {
		// One line for the state however many polls saw it (a target may
		// pass through another state first, e.g. a 500 while the manager
		// app starts).
		n := 0
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "target "+target+" ") && strings.Contains(line, want[1]) {
				n++
			}
		}
		assert.Equal(t, 1, n, "one state-change line for %s with %q:\n%s", target, want[1], out)
		assert.Contains(t, out, "target "+target+": "+want[0], target)
	}
	assert.NotContains(t, out, wrong)
	assert.NotContains(t, out, tc["PASSWORD"])
	assert.NotContains(t, out, "unused-jdbc-pw", "the JMX proxy shows the pool's password; it is never kept")

	// The good targets kept their 1 s schedule while the others failed (at
	// least half the slots: the machine is shared and may be slow).
	elapsed := time.Since(started)
	v = wasPolls(all())
	for _, target := range []string{"tomcat", "nginx", "apache"} {
		var at []string
		for _, p := range v[target] {
			at = append(at, p.at.Format("15:04:05.000"))
		}
		assert.GreaterOrEqual(t, len(v[target]), int(elapsed/time.Second)/2, "%s polled at %v", target, at)
	}
	assert.Positive(t, c.Metric(t, "otelcol_receiver_was_requests", nil))
	assert.Positive(t, c.Metric(t, "otelcol_receiver_was_poll_failures", nil))
}

func curlStatus(t *testing.T, base, user, password string) []byte {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+"/manager/status?XML=true", nil)
	require.NoError(t, err)
	req.SetBasicAuth(user, password)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return b
}
