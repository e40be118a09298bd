package was

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
)

// fakeTomcat serves the recorded manager pages, checking basic auth; roles
// decides what the user may read. It is a recording replayed, for fault
// injection next to the real Tomcat of the end-to-end test.
func fakeTomcat(t *testing.T, roles ...string) *httptest.Server {
	status := readTestdata(t, "tomcat10.1-status.xml")
	jmx := map[string][]byte{
		"java.lang:*": readTestdata(t, "tomcat10.1-jmxproxy-java.lang.txt"),
		"Catalina:*":  readTestdata(t, "tomcat10.1-jmxproxy-catalina.txt"),
	}
	has := func(r string) bool {
		for _, x := range roles {
			if x == r {
				return true
			}
		}
		return false
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok || u != "mon" || p != "secret-pw" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/manager/status":
			if !has("manager-status") {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			_, _ = w.Write(status)
		case "/manager/jmxproxy":
			if !has("manager-jmx") {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			_, _ = w.Write(jmx[r.URL.Query().Get("qry")])
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func newTestPoller(t *testing.T, tgt Target, client *http.Client) *Poller {
	t.Helper()
	if tgt.Name == "" {
		tgt.Name = "t1"
	}
	p, err := NewPoller(tgt, client)
	require.NoError(t, err)
	return p
}

func TestPollTomcat(t *testing.T) {
	t.Parallel()
	srv := fakeTomcat(t, "manager-status", "manager-jmx")
	p := newTestPoller(t, Target{Kind: KindTomcat, Endpoint: srv.URL, Username: "mon", Password: "secret-pw",
		Profiles: builtinSet(t, "jvm", "tomcat"), JMXProxy: true, ScopeName: "scope",
		Resource: map[string]string{"service.name": "shop", "was.kind": "tomcat"}}, srv.Client())
	md, st, err := p.Poll(context.Background(), time.Unix(1000, 0))
	require.NoError(t, err)
	assert.Equal(t, int64(3), st.Requests)
	assert.Positive(t, st.Bytes)
	rm := md.ResourceMetrics().At(0)
	host, portText, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	port, err := strconv.ParseInt(portText, 10, 64)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"server.address": host, "server.port": port, "was.target": "t1", "was.kind": "tomcat", "service.name": "shop"},
		rm.Resource().Attributes().AsRaw())
	ms := rm.ScopeMetrics().At(0).Metrics()
	assert.Equal(t, "scope", rm.ScopeMetrics().At(0).Scope().Name())
	// The status XML provides the connector and pool metrics (its values,
	// not the JMX proxy's), the JMX proxy the rest.
	v, _ := value(ms, "tomcat.request.count", nil)
	assert.Equal(t, 7.0, v, "from the status XML")
	assert.Len(t, points(ms, "tomcat.request.count"), 1, "not twice")
	v, _ = value(ms, "jvm.class.loaded", nil)
	assert.Equal(t, 3788.0, v)
	assert.Len(t, points(ms, "tomcat.session.active.count"), 2)
	assert.NotEmpty(t, points(ms, "jvm.memory.init"), "init only comes from JMX")
	dp := points(ms, "tomcat.request.count")[0]
	assert.Equal(t, time.Unix(1000, 0).UTC(), dp.Timestamp().AsTime())
	assert.Less(t, dp.StartTimestamp().AsTime(), time.Now().Add(time.Second))
}

func TestPollErrorsNameTheFix(t *testing.T) {
	t.Parallel()
	full := fakeTomcat(t, "manager-status", "manager-jmx")
	statusOnly := fakeTomcat(t, "manager-status")
	none := fakeTomcat(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	t.Cleanup(slow.Close)
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	}))
	t.Cleanup(broken.Close)
	tlsSrv := httptest.NewUnstartedServer(http.NotFoundHandler())
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	tlsSrv.StartTLS()
	t.Cleanup(tlsSrv.Close)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + l.Addr().String()
	require.NoError(t, l.Close())

	tomcat := func(endpoint, password string) Target {
		return Target{Kind: KindTomcat, Endpoint: endpoint, Username: "mon", Password: password,
			Profiles: builtinSet(t, "jvm", "tomcat"), JMXProxy: true}
	}
	for _, c := range []struct {
		name    string
		target  Target
		class   string
		partial bool
		want    string
	}{
		{"wrong password", tomcat(full.URL, "nope"), ClassUnauthorized, false,
			"/manager/status?XML=true: HTTP 401 Unauthorized (check username and password; the user needs role manager-status)"},
		{"no role", tomcat(none.URL, "secret-pw"), ClassForbidden, false,
			"HTTP 403 Forbidden (the user lacks role manager-status; add it in tomcat-users.xml)"},
		{"no jmx role", tomcat(statusOnly.URL, "secret-pw"), ClassForbidden, true,
			"/manager/jmxproxy?qry=java.lang%3A%2A: HTTP 403 Forbidden (the user lacks role manager-jmx; add it in tomcat-users.xml)"},
		{"no manager app", Target{Kind: KindTomcat, Endpoint: full.URL + "/other", Username: "mon", Password: "secret-pw"}, ClassNotFound, false,
			"HTTP 404 Not Found (is the manager app deployed?"},
		{"server error", Target{Kind: KindNginx, Endpoint: broken.URL + "/status"}, ClassHTTP, false,
			"HTTP 500 (the server failed to answer; see its logs)"},
		{"timeout", Target{Kind: KindApache, Endpoint: slow.URL}, ClassTimeout, false, "no answer before the timeout"},
		{"refused", Target{Kind: KindNginx, Endpoint: closed}, ClassRefused, false,
			"connection refused (is the server running and listening at the endpoint's host and port?)"},
		{"unknown CA", Target{Kind: KindNginx, Endpoint: tlsSrv.URL}, ClassTLS, false, "check tls::ca_file"},
		{"not TLS", Target{Kind: KindNginx, Endpoint: strings.Replace(full.URL, "http:", "https:", 1)}, ClassTLS, false,
			"the server does not speak TLS here"},
		{"not nginx", Target{Kind: KindNginx, Endpoint: full.URL + "/manager/status", Username: "mon", Password: "secret-pw"}, ClassBadResponse, false,
			"stub_status: want 4 lines"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.target.Name = "shop"
			// Short only where the timeout is the point: a loaded machine
			// (or -race) makes TLS handshakes slow.
			client := &http.Client{Timeout: 10 * time.Second}
			if c.class == ClassTimeout {
				client.Timeout = 300 * time.Millisecond
			}
			p := newTestPoller(t, c.target, client)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			md, _, err := p.Poll(ctx, time.Now())
			require.Error(t, err)
			assert.Equal(t, c.class, ClassOf(err))
			assert.Equal(t, c.partial, targetpoll.IsPartial(err))
			assert.Contains(t, err.Error(), "target shop: ")
			assert.Contains(t, err.Error(), c.want)
			assert.NotContains(t, err.Error(), "secret-pw")
			if c.partial {
				assert.NotEmpty(t, points(md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics(), "jvm.memory.used"))
			} else {
				assert.Equal(t, 0, md.ResourceMetrics().Len())
			}
		})
	}
}

func TestPollRedactsEndpointPassword(t *testing.T) {
	t.Parallel()
	p := newTestPoller(t, Target{Kind: KindNginx, Endpoint: "http://mon:hunter22@127.0.0.1:1/status"}, nil)
	_, _, err := p.Poll(context.Background(), time.Now())
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "hunter22")
	assert.NotContains(t, strings.Join(p.URLs(), " "), "hunter22")
}

func TestPollJolokia(t *testing.T) {
	t.Parallel()
	ps := builtinSet(t, "jvm", "wildfly")
	answer := readTestdata(t, "jolokia/jvm-wildfly-response.json")
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got, _ = io.ReadAll(r.Body)
		_, _ = w.Write(answer)
	}))
	defer srv.Close()
	p := newTestPoller(t, Target{Kind: KindJolokia, Endpoint: srv.URL + "/jolokia", Profiles: ps}, srv.Client())
	md, st, err := p.Poll(context.Background(), time.Now())
	assert.Equal(t, int64(1), st.Requests, "one POST for all MBeans")
	assert.JSONEq(t, string(readTestdata(t, "jolokia/jvm-wildfly-request.json")), string(got))
	// One element failed (an MBean that is not there); the pattern that
	// matched nothing is no failure. The rest is kept.
	require.Error(t, err)
	assert.True(t, targetpoll.IsPartial(err))
	assert.Contains(t, err.Error(), "1 of 9 reads failed: jboss.as:subsystem=transactions: status 404")
	assert.NotContains(t, err.Error(), "datasources")
	v, ok := value(md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics(), "wildfly.session.active.count", nil)
	require.True(t, ok)
	assert.Equal(t, 14.0, v)
}

func TestNewPollerChecksTheTarget(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		t    Target
		want string
	}{
		{Target{Kind: KindNginx, Endpoint: "10.0.0.1:80"}, "is not an http:// or https:// URL"},
		{Target{Kind: "weblogic", Endpoint: "http://x"}, `kind: "weblogic" is not one of tomcat, jolokia, apache, nginx`},
		{Target{Kind: KindJolokia, Endpoint: "http://x/jolokia"}, "profiles: a jolokia target needs at least one profile"},
	} {
		_, err := NewPoller(c.t, nil)
		assert.ErrorContains(t, err, c.want)
	}
	p, err := NewPoller(Target{Kind: KindNginx, Endpoint: "https://x"}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"https://x/status"}, p.URLs())
	p, err = NewPoller(Target{Kind: KindApache, Endpoint: "http://x/status?x=1"}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"http://x/status?x=1&auto"}, p.URLs())
}
