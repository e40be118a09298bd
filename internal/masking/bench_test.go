package masking_test

import (
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
