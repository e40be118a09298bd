package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// The query benchmarks build a store of 1M spans (100k traces of 10 spans)
// and 5M log records (5 per span, carrying the span's trace id), spread over
// six hours, then look up random traces. EMS_LOCALSTORE_BENCH_SCALE scales
// the dataset (default 0.05: 50k spans, 250k logs; 1 gives the full size).
// The dataset is built once per process and reused by the benchmarks.

var (
	queryOnce  sync.Once
	queryStore *Store
	queryN     int // traces in the dataset
	queryDir   string
	queryStart time.Time     // the dataset's first record
	queryStep  time.Duration // between the batches of consecutive traces
)

func benchScale() float64 {
	if s := os.Getenv("EMS_LOCALSTORE_BENCH_SCALE"); s != "" {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 {
			return f
		}
	}
	return 0.05
}

func queryDataset(b *testing.B) (*Store, int) {
	queryOnce.Do(func() {
		traces := int(100_000 * benchScale())
		dir, err := os.MkdirTemp("", "localstore-bench-")
		require.NoError(b, err)
		queryDir = dir
		end := time.Now()
		start := end.Add(-6 * time.Hour)
		opts := NewDefaultOptions(dir)
		opts.Now = func() time.Time { return end }
		s, err := Open(context.Background(), opts)
		require.NoError(b, err)
		began := time.Now()
		const spansPerTrace, logsPerSpan, perBatch = 10, 5, 100 // traces per batch
		step := 6 * time.Hour / time.Duration(traces)
		for t0 := 0; t0 < traces; t0 += perBatch {
			at := start.Add(time.Duration(t0) * step)
			_, err := s.WriteTraces(context.Background(), genSpans("checkout", at, perBatch*spansPerTrace, func(i int) uint64 { return uint64(t0 + i/spansPerTrace) }))
			require.NoError(b, err)
			_, err = s.WriteLogs(context.Background(), genLogs("checkout", at, perBatch*spansPerTrace*logsPerSpan, func(i int) uint64 { return uint64(t0 + i/(spansPerTrace*logsPerSpan)) }))
			require.NoError(b, err)
		}
		require.NoError(b, s.Enforce())
		// Let the compactions the build started finish, as they would in the
		// hours a real store took to fill.
		for wait := time.Now(); time.Since(wait) < 2*time.Minute && compactionDue(s); {
			time.Sleep(time.Second)
		}
		size, _ := badgerdb.DirSize(dir)
		fmt.Printf("query dataset: %d spans, %d log records, %.0f MiB on disk, built in %s\n",
			traces*spansPerTrace, traces*spansPerTrace*logsPerSpan, float64(size)/(1<<20), time.Since(began).Round(time.Second))
		queryStore, queryN, queryStart, queryStep = s, traces, start, step
	})
	return queryStore, queryN
}

// compactionDue reports whether some level of the store is over its target
// (level 0: holds as many tables as start a compaction).
func compactionDue(s *Store) bool {
	for _, l := range s.db.Levels() {
		if l.Score >= 1 {
			return true
		}
	}
	return false
}

// latencies runs op for random trace ids and reports p50 and p99.
func latencies(b *testing.B, n int, op func(id uint64) int) {
	rng := rand.New(rand.NewPCG(1, 2))
	d := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := uint64(rng.IntN(n))
		t := time.Now()
		if got := op(id); got == 0 {
			b.Fatalf("trace %d not found", id)
		}
		d = append(d, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(d[len(d)*9/10].Microseconds())/1000, "p90-ms")
	b.ReportMetric(float64(d[len(d)*99/100].Microseconds())/1000, "p99-ms")
}

func BenchmarkQuery(b *testing.B) {
	s, n := queryDataset(b)
	b.Run("trace_by_id", func(b *testing.B) {
		latencies(b, n, func(id uint64) int {
			res, err := s.Trace(tid(id), 1000)
			require.NoError(b, err)
			if res.Spans != 10 || res.LogRecords != 50 {
				b.Fatalf("trace %d: %d spans, %d logs", id, res.Spans, res.LogRecords)
			}
			return res.Spans
		})
	})
	b.Run("logs_by_trace_id", func(b *testing.B) {
		latencies(b, n, func(id uint64) int {
			res, err := s.QueryLogs(LogQuery{TraceID: tid(id), Limit: 100})
			require.NoError(b, err)
			return res.Count
		})
	})
	// Two pages of 100 log records from a random time: the time-ordered
	// scan, with a cursor.
	b.Run("logs_by_time_two_pages", func(b *testing.B) {
		latencies(b, n, func(id uint64) int {
			// the start of a batch, all but the last: 5,000 records follow
			at := queryStart.Add(time.Duration(id%uint64(n-100)/100*100) * queryStep)
			q := LogQuery{Start: at, End: at.Add(time.Hour), Limit: 100}
			res, err := s.QueryLogs(q)
			require.NoError(b, err)
			require.NotNil(b, res.Next)
			q.After = res.Next
			res2, err := s.QueryLogs(q)
			require.NoError(b, err)
			return res.Count + res2.Count
		})
	})
	// The floor: one Badger point read of one record's entry (a block of
	// records since blocks), no index, no decoding.
	b.Run("baseline_badger_get", func(b *testing.B) {
		rd, err := s.newReader()
		require.NoError(b, err)
		defer rd.close()
		var keys [][]byte
		it := rd.iter(Logs, false)
		for _, bk := range s.bucketsIn(Logs, 0, ^uint64(0)) {
			prefix := kindPrefix(Logs, bk, kindRecord)
			n := 0
			for it.Seek(prefix); it.ValidForPrefix(prefix) && n < 1000; it.Next() {
				keys = append(keys, it.Item().KeyCopy(nil))
				n++
			}
		}
		latencies(b, len(keys), func(i uint64) int {
			item, err := rd.txn.Get(keys[i])
			require.NoError(b, err)
			_, err = item.ValueCopy(nil)
			require.NoError(b, err)
			return 1
		})
	})
}

// cleanupQueryDataset removes the dataset after the benchmarks.
func cleanupQueryDataset() {
	if queryStore != nil {
		_ = queryStore.Close()
		_ = os.RemoveAll(queryDir)
	}
}
