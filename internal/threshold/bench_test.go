package threshold

import (
	"fmt"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// The scale: 1,000 rules over 100,000 series. 100 metrics with
// 1,000 series each (10 hosts × 100 interfaces, 5 pools); 10 rules per
// metric, rule j matches pool j%5, so each point is checked against 10
// rules and matches 2: an avg over 5 minutes and a last value.
const (
	benchMetrics = 100
	benchHosts   = 10
	benchIfaces  = 100
	benchPools   = 5
)

func benchRules() []Rule {
	rules := make([]Rule, 0, benchMetrics*2*benchPools)
	for m := 0; m < benchMetrics; m++ {
		for j := 0; j < 2*benchPools; j++ {
			r := Rule{
				Name:          fmt.Sprintf("R%d_%d", m, j),
				Metric:        fmt.Sprintf("metric.%d", m),
				Match:         map[string]string{"pool": strconv.Itoa(j % benchPools)},
				ResourceMatch: map[string]string{"host.name": "host-*"},
				Window:        5 * time.Minute,
				Warning:       &Condition{Op: ">", Value: 80},
				Critical:      &Condition{Op: ">", Value: 95},
				For:           time.Minute,
				Annotations:   map[string]string{"summary": "{{ .Labels.host_name }} {{ .Value | humanize }}"},
			}
			if j < benchPools {
				r.Aggregate = AggAvg
			} else {
				r.Aggregate = AggLast
			}
			rules = append(rules, r)
		}
	}
	return rules
}

type benchInput struct {
	res   [][]KV
	attrs [][][]KV // host, iface
}

func newBenchInput() *benchInput {
	in := &benchInput{}
	for h := 0; h < benchHosts; h++ {
		in.res = append(in.res, []KV{{"host.name", fmt.Sprintf("host-%d", h)}, {"service.name", "snmp"}})
		var ifs [][]KV
		for i := 0; i < benchIfaces; i++ {
			ifs = append(ifs, []KV{{"if.name", fmt.Sprintf("Gi0/%d", i)}, {"pool", strconv.Itoa(i % benchPools)}, {"direction", "in"}})
		}
		in.attrs = append(in.attrs, ifs)
	}
	return in
}

// roundOrder ingests one scrape of every series at t, values mostly low and
// a few over the thresholds, then evaluates. With rotate, each host's
// interfaces start at a different one every round, so the positional route
// cache never hits.
func (in *benchInput) roundOrder(e *Engine, t int64, r int, rotate bool) Result {
	b := e.Begin(t)
	var p Point
	for h := range in.res {
		b.Resource(in.res[h])
		for m := 0; m < benchMetrics; m++ {
			if !b.Metric(metricNames[m], Gauge) {
				continue
			}
			for k := range in.attrs[h] {
				i := k
				if rotate {
					i = (k + r) % len(in.attrs[h])
				}
				// About 1 % of the series over the thresholds.
				v := float64((h*7 + i*13 + m + r) % 50)
				if i == 0 {
					v = 90
				}
				p = Point{Attrs: in.attrs[h][i], Time: t, Value: v}
				b.Add(&p)
			}
		}
	}
	b.End()
	return e.Evaluate(t)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var metricNames = func() []string {
	out := make([]string, benchMetrics)
	for m := range out {
		out[m] = fmt.Sprintf("metric.%d", m)
	}
	return out
}()

// BenchmarkEvaluate reports the cost per data point per matching rule of
// one scrape round (ingest plus one evaluation), and the heap per tracked
// alert series in the steady state (a full 5-minute window).
func BenchmarkEvaluate(b *testing.B) {
	b.Run("same_order", func(b *testing.B) { benchEvaluate(b, false) })
	b.Run("rotated_order", func(b *testing.B) { benchEvaluate(b, true) })
}

func benchEvaluate(b *testing.B, rotate bool) {
	in := newBenchInput()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	e, err := New(Config{Rules: benchRules(), MaxSeries: 1_000_000})
	if err != nil {
		b.Fatal(err)
	}
	t := int64(time.Hour)
	step := int64(15 * time.Second)
	// Fill the windows: 20 rounds of 15 s are 5 minutes.
	for r := 0; r < 21; r++ {
		t += step
		in.roundOrder(e, t, r, rotate)
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	st := e.Stats()
	perSeries := float64(after.HeapAlloc-before.HeapAlloc) / float64(st.Series)
	points := benchMetrics * benchHosts * benchIfaces
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for r := 0; r < b.N; r++ {
		t += step
		// Rounds continue from the warm-up: a rotation seen before would
		// find its old order again.
		in.roundOrder(e, t, 21+r, rotate)
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(points*2), "ns/point-rule")
	// On a shared machine wall time includes waiting for a core; the
	// process's CPU time (GC included) is what the rules cost.
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(points*2), "cpu-ns/point-rule")
	b.ReportMetric(float64(st.Series), "series")
	b.ReportMetric(perSeries, "B/series")
	runtime.KeepAlive(e)
}
