package store

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
)

// BenchmarkIngestLogs writes batches of 1,000 log records of about 300 bytes
// with the default durability (interval group commit).
func BenchmarkIngestLogs(b *testing.B) {
	clock := newClock(time.Now())
	s := openTest(b, clock, func(o *Options) { o.CheckInterval = time.Hour })
	batches := make([]plog.Logs, 16)
	for i := range batches {
		batches[i] = genLogs("checkout", clock.Now().Add(-time.Minute), 1000, func(j int) uint64 { return uint64(i*100 + j/10) })
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ld := batches[i%len(batches)]
		res, err := s.WriteLogs(ld)
		require.NoError(b, err)
		require.Equal(b, 1000, res.Written)
	}
	b.ReportMetric(float64(b.N*1000)/b.Elapsed().Seconds(), "records/s")
}
