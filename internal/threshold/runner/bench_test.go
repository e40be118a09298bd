package runner

import (
	"fmt"
	"strconv"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

// The scale through the collector's data model: 1,000 rules over
// 100,000 series arriving as pdata (10 resources × 100 metrics × 100
// points), each point matching 2 of the 10 rules of its metric.
func scaleRules() []threshold.Rule {
	var rules []threshold.Rule
	for m := 0; m < 100; m++ {
		for j := 0; j < 10; j++ {
			agg := threshold.AggAvg
			if j >= 5 {
				agg = threshold.AggLast
			}
			rules = append(rules, threshold.Rule{Name: fmt.Sprintf("R%d_%d", m, j), Metric: fmt.Sprintf("metric.%d", m),
				Match: map[string]string{"pool": strconv.Itoa(j % 5)}, ResourceMatch: map[string]string{"host.name": "host-*"},
				Aggregate: agg, Window: 5 * time.Minute, Warning: &threshold.Condition{Op: ">", Value: 80}, For: time.Minute})
		}
	}
	return rules
}

func scaleMetrics(ts time.Time, round int) pmetric.Metrics {
	md := pmetric.NewMetrics()
	for h := 0; h < 10; h++ {
		rm := md.ResourceMetrics().AppendEmpty()
		rm.Resource().Attributes().PutStr("host.name", fmt.Sprintf("host-%d", h))
		rm.Resource().Attributes().PutStr("service.name", "snmp")
		ms := rm.ScopeMetrics().AppendEmpty().Metrics()
		for m := 0; m < 100; m++ {
			mm := ms.AppendEmpty()
			mm.SetName(fmt.Sprintf("metric.%d", m))
			dps := mm.SetEmptyGauge().DataPoints()
			for i := 0; i < 100; i++ {
				dp := dps.AppendEmpty()
				dp.SetTimestamp(pcommon.NewTimestampFromTime(ts))
				v := float64((h*7 + i*13 + m + round) % 50)
				if i == 0 {
					v = 90
				}
				dp.SetDoubleValue(v)
				dp.Attributes().PutStr("if.name", fmt.Sprintf("Gi0/%d", i))
				dp.Attributes().PutStr("pool", strconv.Itoa(i%5))
				dp.Attributes().PutStr("direction", "in")
			}
		}
	}
	return md
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkObserve is one scrape round through the runner: pdata to engine
// points, rules, one evaluation. BenchmarkWalk is its floor: the same pdata
// only read into attribute lists.
func BenchmarkObserve(b *testing.B) {
	cfg := NewDefaultConfig()
	cfg.Rules = scaleRules()
	cfg.MaxSeries = 1_000_000
	r, err := New(Settings{Telemetry: componenttest.NewNopTelemetrySettings(), ID: component.MustNewID("threshold")}, cfg)
	if err != nil {
		b.Fatal(err)
	}
	ts := time.Unix(1_800_000_000, 0)
	inputs := make([]pmetric.Metrics, 4)
	for i := range inputs {
		inputs[i] = scaleMetrics(ts, i)
	}
	round := func(i int) {
		ts = ts.Add(15 * time.Second)
		md := inputs[i%len(inputs)]
		setTime(md, ts)
		r.Observe(md)
		r.Engine().Evaluate(ts.UnixNano())
	}
	for i := 0; i < 21; i++ {
		round(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		round(i)
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/200_000, "ns/point-rule")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/200_000, "cpu-ns/point-rule")
}

func BenchmarkWalk(b *testing.B) {
	md := scaleMetrics(time.Unix(1_800_000_000, 0), 0)
	var c converter
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		rms := md.ResourceMetrics()
		for j := 0; j < rms.Len(); j++ {
			c.res = appendKV(c.res[:0], rms.At(j).Resource().Attributes())
			ms := rms.At(j).ScopeMetrics().At(0).Metrics()
			for k := 0; k < ms.Len(); k++ {
				dps := ms.At(k).Gauge().DataPoints()
				for l := 0; l < dps.Len(); l++ {
					c.attrs = appendKV(c.attrs[:0], dps.At(l).Attributes())
					n += len(c.attrs)
				}
			}
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/200_000, "ns/point-rule")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/200_000, "cpu-ns/point-rule")
	_ = n
}

func setTime(md pmetric.Metrics, ts time.Time) {
	t := pcommon.NewTimestampFromTime(ts)
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		ms := rms.At(i).ScopeMetrics().At(0).Metrics()
		for j := 0; j < ms.Len(); j++ {
			dps := ms.At(j).Gauge().DataPoints()
			for k := 0; k < dps.Len(); k++ {
				dps.At(k).SetTimestamp(t)
			}
		}
	}
}
