package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// The ingest benchmarks write batches of 1,000 records of about 300 bytes
// with the default durability (interval group commit). The baseline writes
// the same records, one protobuf value under one key each, straight into a
// Badger WriteBatch with the same options: the cost of the store's layout
// (re-encoding per record, trace id index, dictionary, counts) is the ratio.

const benchBatch = 1000

func logBatches(start time.Time) []plog.Logs {
	batches := make([]plog.Logs, 16)
	for i := range batches {
		batches[i] = genLogs("checkout", start, benchBatch, func(j int) uint64 { return uint64(i*100 + j/10) })
	}
	return batches
}

func spanBatches(start time.Time) []ptrace.Traces {
	batches := make([]ptrace.Traces, 16)
	for i := range batches {
		batches[i] = genSpans("checkout", start, benchBatch, func(j int) uint64 { return uint64(i*100 + j/10) })
	}
	return batches
}

func BenchmarkIngestLogs(b *testing.B) {
	clock := newClock(time.Now())
	start := clock.Now().Add(-time.Hour)
	batches := logBatches(start)
	var m plog.ProtoMarshaler
	fmt.Printf("log batch: %d records, %d bytes of OTLP protobuf (%d per record)\n",
		benchBatch, m.LogsSize(batches[0]), m.LogsSize(batches[0])/benchBatch)

	for _, c := range []Compression{CompressionNone, CompressionSnappy} {
		b.Run("store/compression="+string(c), func(b *testing.B) {
			s := openTest(b, clock, func(o *Options) { o.Compression = c })
			ingest(b, func(i int) (WriteResult, error) {
				ld := batches[i%len(batches)]
				restampLogs(ld, start.Add(time.Duration(i)*time.Second))
				return s.WriteLogs(context.Background(), ld)
			})
		})
	}
	b.Run("baseline_badger_writebatch", func(b *testing.B) {
		values := make([][]byte, 0, len(batches)*benchBatch)
		for _, ld := range batches {
			lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
			for j := 0; j < lrs.Len(); j++ {
				one := plog.NewLogs()
				lrs.At(j).CopyTo(one.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty())
				v, _ := m.MarshalLogs(one)
				values = append(values, v)
			}
		}
		baselineWriteBatch(b, clock, values)
	})
}

func BenchmarkIngestSpans(b *testing.B) {
	clock := newClock(time.Now())
	start := clock.Now().Add(-time.Hour)
	batches := spanBatches(start)
	var m ptrace.ProtoMarshaler
	fmt.Printf("span batch: %d spans, %d bytes of OTLP protobuf (%d per span)\n",
		benchBatch, m.TracesSize(batches[0]), m.TracesSize(batches[0])/benchBatch)

	b.Run("store", func(b *testing.B) {
		s := openTest(b, clock)
		ingest(b, func(i int) (WriteResult, error) {
			td := batches[i%len(batches)]
			restampSpans(td, start.Add(time.Duration(i)*time.Second))
			return s.WriteTraces(context.Background(), td)
		})
	})
	b.Run("baseline_badger_writebatch", func(b *testing.B) {
		values := make([][]byte, 0, len(batches)*benchBatch)
		for _, td := range batches {
			spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
			for j := 0; j < spans.Len(); j++ {
				one := ptrace.NewTraces()
				spans.At(j).CopyTo(one.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty())
				v, _ := m.MarshalTraces(one)
				values = append(values, v)
			}
		}
		baselineWriteBatch(b, clock, values)
	})
}

// restampLogs files the records of ld one per millisecond from start, so that
// each batch of a benchmark covers the next second, as live ingest does:
// reusing the same second would make every batch's keys interleave with all
// the earlier ones, and every compaction rewrite the whole store.
func restampLogs(ld plog.Logs, start time.Time) {
	lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	for k := 0; k < lrs.Len(); k++ {
		t := ts(start.Add(time.Duration(k) * time.Millisecond))
		lrs.At(k).SetTimestamp(t)
		lrs.At(k).SetObservedTimestamp(t)
	}
}

// restampSpans starts the spans of td one per millisecond from start, lasting
// 3 ms each, like restampLogs.
func restampSpans(td ptrace.Traces, start time.Time) {
	spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for k := 0; k < spans.Len(); k++ {
		t := start.Add(time.Duration(k) * time.Millisecond)
		spans.At(k).SetStartTimestamp(ts(t))
		spans.At(k).SetEndTimestamp(ts(t.Add(3 * time.Millisecond)))
	}
}

// baselineWriteBatch writes pre-encoded values in batches of 1,000 under
// sequential keys, with the store's Badger options and group commit.
func baselineWriteBatch(b *testing.B, clock *fakeClock, values [][]byte) {
	opts := NewDefaultOptions(b.TempDir())
	db, err := badger.Open(badgerOptions(opts))
	require.NoError(b, err)
	defer db.Close()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // the same group commit as DurabilityInterval
		defer close(done)
		t := time.NewTicker(opts.SyncInterval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_ = db.Sync()
			}
		}
	}()
	defer func() { close(stop); <-done }()
	seq := uint64(clock.Now().UnixNano())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb := db.NewWriteBatch()
		for j := 0; j < benchBatch; j++ {
			seq++
			require.NoError(b, wb.Set(putU64([]byte{'L'}, seq), values[(i*benchBatch+j)%len(values)]))
		}
		require.NoError(b, wb.Flush())
	}
	b.ReportMetric(float64(b.N*benchBatch)/b.Elapsed().Seconds(), "records/s")
}

// ingest times b.N batches written by write(i) and reports records/s.
func ingest(b *testing.B, write func(i int) (WriteResult, error)) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := write(i)
		require.NoError(b, err)
		require.Equal(b, benchBatch, res.Written)
	}
	b.ReportMetric(float64(b.N*benchBatch)/b.Elapsed().Seconds(), "records/s")
}
