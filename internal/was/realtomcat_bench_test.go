//go:build integration

package was

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/otelcol-ems/otelcol-ems/internal/testenv"
)

// BenchmarkRealTomcat polls the shared real Tomcat 10.1 (status XML and
// two JMX proxy queries, profiles jvm and tomcat): CPU of this process per
// poll (Tomcat's own CPU is not in it) and allocations per data point,
// next to the fetch-only baseline.
func BenchmarkRealTomcat(b *testing.B) {
	env := testenv.RequireService(b, "tomcat")
	tgt := Target{Name: "real", Kind: KindTomcat, Endpoint: "http://127.0.0.1:" + env["PORT"],
		Username: env["USER"], Password: env["PASSWORD"], Profiles: builtinSet(b, "jvm", "tomcat"), JMXProxy: true}
	client := &http.Client{Timeout: 10 * time.Second}
	p, err := NewPoller(tgt, client)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Fetch", func(b *testing.B) {
		b.ReportAllocs()
		buf := new(bytes.Buffer)
		c0 := cpuTime()
		for b.Loop() {
			for _, u := range p.reqURLs {
				req, _ := http.NewRequest(http.MethodGet, u, nil)
				req.SetBasicAuth(tgt.Username, tgt.Password)
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				buf.Reset()
				_, _ = buf.ReadFrom(resp.Body)
				_ = resp.Body.Close()
			}
		}
		b.ReportMetric(float64(cpuTime()-c0)/float64(b.N)/1e3, "cpu-µs/poll")
	})
	b.Run("Poll", func(b *testing.B) {
		b.ReportAllocs()
		var points int
		c0 := cpuTime()
		for b.Loop() {
			md, _, err := p.Poll(context.Background(), time.Now())
			if err != nil {
				b.Fatal(err)
			}
			points = md.DataPointCount()
		}
		b.ReportMetric(float64(cpuTime()-c0)/float64(b.N)/1e3, "cpu-µs/poll")
		b.ReportMetric(float64(points), "points/poll")
	})
}
