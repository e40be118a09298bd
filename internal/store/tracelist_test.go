package store

import (
	"context"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
)

func TestTraceListRoundTrip(t *testing.T) {
	blk1 := ref{bucket: 7, ts: 1_699_999_999_000_000_000, seq: 99}
	blk2 := ref{bucket: 7, ts: 1_700_000_003_000_000_000, seq: 1 << 41}
	refs := []traceRef{
		{ref: ref{bucket: 7, ts: 1_700_000_000_000_000_000, seq: 100}, blk: blk1, block: true},
		{ref: ref{bucket: 7, ts: 1_700_000_000_000_000_005, seq: 101}, blk: blk1, block: true},
		{ref: ref{bucket: 7, ts: 1_699_999_999_000_000_000, seq: 102}, blk: blk1, block: true},     // earlier than the previous record
		{ref: ref{bucket: 7, ts: 1_700_000_003_600_000_000, seq: 1 << 40}, blk: blk2, block: true}, // a smaller seq than its block's first
		{ref: ref{bucket: 7, ts: 1_700_000_003_600_000_000, seq: 1<<40 + 1}, blk: blk2, block: true},
		{ref: ref{bucket: 7, ts: 1_700_000_003_600_000_001, seq: 5}, blk: ref{bucket: 7, ts: 1_700_000_003_600_000_001, seq: 5}, block: true},
	}
	for n := 1; n <= len(refs); n++ {
		l := newTraceList(refs[0].ref, refs[0].blk)
		for _, r := range refs[1:n] {
			l.add(r.ref, r.blk)
		}
		got, err := appendTraceRefs(nil, refs[0].ref, l.value())
		require.NoError(t, err)
		assert.Equal(t, refs[:n], got)
	}
}

// TestTraceListPerRecordFormat reads entries written before blocks: each
// record is its own entry.
func TestTraceListPerRecordFormat(t *testing.T) {
	first := ref{bucket: 1, ts: 10, seq: 20}
	got, err := appendTraceRefs(nil, first, nil)
	require.NoError(t, err)
	assert.Equal(t, []traceRef{{ref: first, blk: first}}, got)
	// seq +1, ts +1; seq +2, ts -3
	got, err = appendTraceRefs(nil, first, []byte{traceListFormat, 1, 2, 2, 5})
	require.NoError(t, err)
	second, third := ref{bucket: 1, ts: 11, seq: 21}, ref{bucket: 1, ts: 8, seq: 23}
	assert.Equal(t, []traceRef{{ref: first, blk: first}, {ref: second, blk: second}, {ref: third, blk: third}}, got)
}

func TestTraceListDamaged(t *testing.T) {
	first := ref{bucket: 1, ts: 10, seq: 20}
	l := newTraceList(first, first)
	l.add(ref{bucket: 1, ts: 11, seq: 21}, first)
	l.add(ref{bucket: 1, ts: 12, seq: 22}, ref{bucket: 1, ts: 12, seq: 22})
	v := l.value()
	for _, bad := range [][]byte{
		{9, 1, 2},               // unknown format
		v[:len(v)-1],            // cut inside the last record
		{traceListFormat, 0, 0}, // a record that repeats the previous seq
		{traceListFormat, 0x80},
		{traceBlockFormat, 0, 0, 0, 0, 0},     // a record that repeats the previous seq
		{traceBlockFormat, 0, 0, 2, 2, 20, 0}, // a block that starts after its record
	} {
		got, err := appendTraceRefs(nil, first, bad)
		assert.ErrorIs(t, err, errBadKey, "value %x", bad)
		require.NotEmpty(t, got)
		assert.Equal(t, first, got[0].ref, "the key's own record survives a damaged value")
	}
	_, err := appendTraceRefs(nil, first, []byte{traceBlockFormat, 11})
	assert.ErrorIs(t, err, errBadKey, "a block that starts after the key's record")
}

// TestTraceIndexOneEntryPerTraceAndBatch checks that a batch writes one
// index key per trace and bucket, not one per record.
func TestTraceIndexOneEntryPerTraceAndBatch(t *testing.T) {
	s := openTest(t, newClock(base.Add(10*time.Minute)))
	_, err := s.WriteLogs(context.Background(), genLogs("checkout", base, 100, func(i int) uint64 { return uint64(i/10 + 1) }))
	require.NoError(t, err)
	n := 0
	b := bucketStart(uint64(base.UnixNano()), s.width[Logs])
	it := s.db.NewTransaction(false)
	defer it.Discard()
	iter := it.NewIterator(badger.IteratorOptions{Prefix: kindPrefix(Logs, b, kindTraceIdx)})
	defer iter.Close()
	for iter.Rewind(); iter.Valid(); iter.Next() {
		n++
	}
	assert.Equal(t, 10, n, "10 traces of 10 records: 10 index keys")
}

// TestTraceAcrossBatchesAndBuckets writes one trace in several batches whose
// records interleave in time and cross bucket boundaries; the trace query
// and the paginated trace_id log query return each record once, in order.
func TestTraceAcrossBatchesAndBuckets(t *testing.T) {
	// 16 s retention: 2 s buckets.
	clock := newClock(base.Add(5 * time.Second))
	s := openTest(t, clock, func(o *Options) {
		o.MaxAge = map[Signal]time.Duration{Traces: 16 * time.Second, Logs: 16 * time.Second, Metrics: 16 * time.Second}
	})
	const batches, per = 4, 30
	for i := 0; i < batches; i++ {
		// batch i: records every 100 ms from base+i*25ms, over 3 s, so the
		// batches interleave and each spans two or three buckets; every
		// third record belongs to another trace.
		start := base.Add(time.Duration(i) * 25 * time.Millisecond)
		ld := genLogs("checkout", start, per, func(j int) uint64 { return uint64(1 + j%3/2) })
		lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		td := genSpans("checkout", start, per, func(j int) uint64 { return uint64(1 + j%3/2) })
		spans := td.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
		for j := 0; j < per; j++ {
			at := ts(start.Add(time.Duration(j) * 100 * time.Millisecond))
			lrs.At(j).SetTimestamp(at)
			lrs.At(j).SetObservedTimestamp(at)
			spans.At(j).SetStartTimestamp(at)
			spans.At(j).SetEndTimestamp(at + 1)
		}
		_, err := s.WriteLogs(context.Background(), ld)
		require.NoError(t, err)
		_, err = s.WriteTraces(context.Background(), td)
		require.NoError(t, err)
	}
	require.GreaterOrEqual(t, len(s.bucketsIn(Logs, 0, ^uint64(0))), 2)
	want := batches * per * 2 / 3 // j%3 in {0,1} is trace 1

	tr, err := s.Trace(tid(1), 1000)
	require.NoError(t, err)
	assert.Equal(t, want, tr.Spans)
	assert.Equal(t, want, tr.LogRecords)
	spans := tr.Traces.ResourceSpans().At(0).ScopeSpans().At(0).Spans()
	for i := 1; i < spans.Len(); i++ {
		assert.LessOrEqual(t, spans.At(i-1).StartTimestamp(), spans.At(i).StartTimestamp(), "spans oldest first")
	}

	// Pages of 7 cut through the entries of every batch.
	var got []plog.LogRecord
	var after *Cursor
	for {
		page, err := s.QueryLogs(LogQuery{TraceID: tid(1), Limit: 7, After: after})
		require.NoError(t, err)
		got = append(got, allLogs(page.Logs)...)
		if page.Next == nil {
			break
		}
		after = page.Next
	}
	require.Len(t, got, want)
	seen := map[string]bool{}
	for i, lr := range got {
		assert.Equal(t, tid(1), lr.TraceID())
		key := lr.Body().Str() + lr.Timestamp().String()
		assert.False(t, seen[key], "record %q returned twice", key)
		seen[key] = true
		if i > 0 {
			assert.LessOrEqual(t, got[i-1].Timestamp(), lr.Timestamp(), "pages keep time order")
		}
	}

	// A time range cuts inside the entries.
	from, to := base.Add(time.Second), base.Add(2*time.Second)
	ranged, err := s.QueryLogs(LogQuery{TraceID: tid(1), Start: from, End: to, Limit: 1000})
	require.NoError(t, err)
	n := 0
	for _, lr := range got {
		if !lr.Timestamp().AsTime().Before(from) && !lr.Timestamp().AsTime().After(to) {
			n++
		}
	}
	assert.Equal(t, n, ranged.Count)
	assert.Positive(t, n)
}
