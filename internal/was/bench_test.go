package was

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
)

// cannedServer answers with the recorded pages (real sizes: the Tomcat
// status XML 1.9 KB, its JMX proxy answers 39 KB and 31 KB).
func cannedServer(b *testing.B) *httptest.Server {
	pages := map[string][]byte{
		"/manager/status": readTestdata(b, "tomcat10.1-status.xml"),
		"/nginx_status":   readTestdata(b, "nginx1.22-stub_status.txt"),
		"/server-status":  readTestdata(b, "apache2.4-server-status.txt"),
		"/jolokia":        readTestdata(b, "jolokia/jvm-wildfly-response.json"),
	}
	jmx := map[string][]byte{
		"java.lang:*": readTestdata(b, "tomcat10.1-jmxproxy-java.lang.txt"),
		"Catalina:*":  readTestdata(b, "tomcat10.1-jmxproxy-catalina.txt"),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/manager/jmxproxy" {
			_, _ = w.Write(jmx[r.URL.Query().Get("qry")])
			return
		}
		if r.Body != nil {
			_, _ = io.Copy(io.Discard, r.Body)
		}
		_, _ = w.Write(pages[r.URL.Path])
	}))
	b.Cleanup(srv.Close)
	return srv
}

func benchTargets(b *testing.B, base string) map[string]Target {
	return map[string]Target{
		"tomcat":  {Name: "t", Kind: KindTomcat, Endpoint: base, Profiles: builtinSet(b, "jvm", "tomcat"), JMXProxy: true},
		"jolokia": {Name: "j", Kind: KindJolokia, Endpoint: base + "/jolokia", Profiles: builtinSet(b, "jvm", "wildfly")},
		"apache":  {Name: "a", Kind: KindApache, Endpoint: base + "/server-status"},
		"nginx":   {Name: "n", Kind: KindNginx, Endpoint: base + "/nginx_status"},
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPoll polls one target of each kind against canned answers of
// real size; Fetch is the baseline: the same HTTP requests with the bodies
// read and dropped, so Poll minus Fetch is what parsing and building the
// metrics cost. core%@200x10s is the CPU of 200 such targets polled every
// 10 s (20 polls/s) as a share of one core, client and in-process server
// together (an upper bound for the collector alone).
func BenchmarkPoll(b *testing.B) {
	srv := cannedServer(b)
	for _, kind := range []string{"tomcat", "jolokia", "apache", "nginx"} {
		tgt := benchTargets(b, srv.URL)[kind]
		p, err := NewPoller(tgt, srv.Client())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(kind+"/Fetch", func(b *testing.B) {
			b.ReportAllocs()
			buf := new(bytes.Buffer)
			c0 := cpuTime()
			for b.Loop() {
				for i, u := range p.reqURLs {
					method, body := http.MethodGet, io.Reader(nil)
					if kind == "jolokia" {
						method, body = http.MethodPost, bytes.NewReader(p.jolokia)
					}
					req, _ := http.NewRequest(method, u, body)
					resp, err := srv.Client().Do(req)
					if err != nil {
						b.Fatal(i, err)
					}
					buf.Reset()
					_, _ = buf.ReadFrom(resp.Body)
					_ = resp.Body.Close()
				}
			}
			b.ReportMetric(float64(cpuTime()-c0)/float64(b.N)*20/1e9*100, "core%@200x10s")
		})
		b.Run(kind+"/Poll", func(b *testing.B) {
			b.ReportAllocs()
			var points int
			c0 := cpuTime()
			for b.Loop() {
				md, _, err := p.Poll(context.Background(), time.Now())
				if err != nil && kind != "jolokia" { // jolokia: one element fails on purpose
					b.Fatal(err)
				}
				points = md.DataPointCount()
			}
			b.ReportMetric(float64(cpuTime()-c0)/float64(b.N)*20/1e9*100, "core%@200x10s")
			b.ReportMetric(float64(points), "points/poll")
		})
	}
}

// BenchmarkConvert is the engine alone on the same answers, without HTTP:
// parse and build the metrics.
func BenchmarkConvert(b *testing.B) {
	status := readTestdata(b, "tomcat10.1-status.xml")
	jl := readTestdata(b, "tomcat10.1-jmxproxy-java.lang.txt")
	cat := readTestdata(b, "tomcat10.1-jmxproxy-catalina.txt")
	ps := builtinSet(b, "jvm", "tomcat")
	b.Run("tomcat", func(b *testing.B) {
		b.ReportAllocs()
		var points int
		for b.Loop() {
			e := NewEmitter("s", "v", 0, 1)
			st, _ := ParseTomcatStatus(status)
			st.Emit(e)
			b1, _ := ParseJMXProxyFor(jl, ps)
			b2, _ := ParseJMXProxyFor(cat, ps)
			ps.Apply(e, append(b1, b2...), statusMetrics)
			points = e.Metrics.DataPointCount()
		}
		b.ReportMetric(float64(points), "points/poll")
	})
}
