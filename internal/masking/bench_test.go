package masking_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// BenchmarkMaskString measures the engine alone on the generated corpus.
func BenchmarkMaskString(b *testing.B) {
	m, err := masking.New(masking.Config{Detectors: masking.DefaultDetectors()})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		rate float64
	}{{"clean", 0}, {"mixed", 0.4}} {
		lines := corpus.Generate(5, 1000, c.rate)
		var bytes int64
		for _, l := range lines {
			bytes += int64(len(l.Text))
		}
		b.Run(c.name, func(b *testing.B) {
			counts := make([]int64, m.NumCounters())
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				for _, l := range lines {
					m.MaskString("", l.Text, counts)
				}
			}
			b.ReportMetric(float64(len(lines))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkBenchRecord measures the engine on the record the collector
// benchmark sends (tests/e2e/pipeline_bench_test.go): a 324-byte body with
// an e-mail, a card and an address, and six attributes, with the detectors
// that benchmark turns on (defaults, ipv4 and ipv6).
func BenchmarkBenchRecord(b *testing.B) {
	ds := masking.StrictDetectors()
	m, err := masking.New(masking.Config{Detectors: ds})
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("user kim@example.com paid with 4111 1111 1111 1111 from 10.0.0.1; ", 5)[:324]
	var keys, values []string
	for i := range 6 {
		keys = append(keys, fmt.Sprintf("attr%d", i))
		values = append(values, fmt.Sprintf("value-%d-of-the-benchmark", i))
	}
	counts := make([]int64, m.NumCounters())
	b.Run("body", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m.MaskString("", body, counts)
		}
	})
	b.Run("attributes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i, k := range keys {
				m.MaskString(k, values[i], counts)
			}
		}
	})
}
