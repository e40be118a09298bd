package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

func TestBlockRoundTrip(t *testing.T) {
	t.Parallel()
	recs := []pendRec{
		{ts: 1000, seq: 50, dict: 7, sev: 9, wrap: true, body: []byte("first")},
		{ts: 1000, seq: 52, dict: 7, sev: 17, wrap: true, body: []byte("same ts, later seq")},
		{ts: 1005, seq: 3, dict: 8, sev: 0, wrap: true, body: nil},    // a smaller seq than the previous
		{ts: 2000, seq: 60, dict: 8, sev: 1, body: []byte("payload")}, // not wrapped (metrics)
	}
	v := encodeBlock(recs)
	count, span, _, err := blockSpanOf(v)
	require.NoError(t, err)
	assert.Equal(t, uint64(4), count)
	assert.Equal(t, uint64(1000), span)
	got, err := appendBlockRecs(nil, 1000, 50, v)
	require.NoError(t, err)
	require.Len(t, got, len(recs))
	for i, r := range recs {
		assert.Equal(t, r.ts, got[i].ts)
		assert.Equal(t, r.seq, got[i].seq)
		assert.Equal(t, r.appendValue(nil), got[i].value, "record %d keeps the value a per-record entry had", i)
		dict, sev, _, err := decodeValueHeader(got[i].value)
		require.NoError(t, err)
		assert.Equal(t, r.dict, dict)
		assert.Equal(t, r.sev, sev)
	}

	for name, bad := range map[string]struct {
		v    []byte
		keep int
	}{
		"empty":          {nil, 0},
		"no records":     {[]byte{0, 0}, 0},
		"cut":            {v[:len(v)-1], 3},
		"trailing bytes": {append(slices.Clone(v), 0), 4},
	} {
		got, err := appendBlockRecs(nil, 1000, 50, bad.v)
		assert.ErrorIs(t, err, errBadKey, name)
		assert.Len(t, got, bad.keep, "%s: the records before the damage survive", name)
	}
	_, err = appendBlockRecs(nil, 999, 50, v)
	require.NoError(t, err, "the key only offsets the records")
	// A block whose second record repeats the first's (ts, seq).
	dup := encodeBlock([]pendRec{recs[0], recs[0]})
	got, err = appendBlockRecs(nil, 1000, 50, dup)
	assert.ErrorIs(t, err, errBadKey)
	assert.Len(t, got, 1, "the records before the damage survive")
}

func TestCutBlock(t *testing.T) {
	t.Parallel()
	body := make([]byte, 1000)
	var recs []pendRec
	for i := range 40 {
		recs = append(recs, pendRec{bucket: 1, ts: uint64(i) * uint64(time.Millisecond), seq: uint64(i), wrap: true, body: body})
	}
	n := cutBlock(recs, 16<<10)
	assert.Less(t, n, 16, "16 KiB of 1 kB records")
	assert.Greater(t, n, 10)
	recs[3].name = "other"
	assert.Equal(t, 3, cutBlock(recs, 16<<10), "a block holds one metric name")
	recs[3].name, recs[3].bucket = "", 2
	assert.Equal(t, 3, cutBlock(recs, 16<<10), "a block holds one bucket")
	recs[3].bucket, recs[3].ts = 1, blockSpan+1
	assert.Equal(t, 3, cutBlock(recs, 16<<10), "a block spans at most blockSpan")
	assert.Equal(t, 1, cutBlock(recs[:2], 10), "a record larger than the bound is a block alone")
}

// stampedLogs makes one log record per offset, tagged with batch and its
// index, for service "checkout"; with trace set every record carries it.
func stampedLogs(batch int, offsets []time.Duration, trace pcommon.TraceID) plog.Logs {
	ld := genLogs("checkout", base, len(offsets), nil)
	lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	for i, d := range offsets {
		lr := lrs.At(i)
		lr.SetTimestamp(ts(base.Add(d)))
		lr.SetObservedTimestamp(lr.Timestamp())
		lr.Attributes().PutStr("id", fmt.Sprintf("%d/%d", batch, i))
		if !trace.IsEmpty() {
			lr.SetTraceID(trace)
		}
	}
	return ld
}

// pageLogs returns every record of q, page by page.
func pageLogs(t *testing.T, s *Store, q LogQuery) []plog.LogRecord {
	t.Helper()
	var out []plog.LogRecord
	for {
		res, err := s.QueryLogs(q)
		require.NoError(t, err)
		require.LessOrEqual(t, res.Count, q.Limit)
		out = append(out, allLogs(res.Logs)...)
		if res.Next == nil {
			return out
		}
		q.After = res.Next
	}
}

// checkOrdered asserts that recs are in time order, each once, and returns
// their ids.
func checkOrdered(t *testing.T, recs []plog.LogRecord) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for i, lr := range recs {
		id, _ := lr.Attributes().Get("id")
		assert.False(t, ids[id.Str()], "record %s returned twice", id.Str())
		ids[id.Str()] = true
		if i > 0 {
			assert.LessOrEqual(t, recs[i-1].Timestamp(), lr.Timestamp(), "oldest first at %d", i)
		}
	}
	return ids
}

// recordEntries counts the record entries of a bucket: blocks and
// per-record keys.
func recordEntries(t *testing.T, s *Store, sig Signal, bucket int64) (blocks, records int) {
	t.Helper()
	txn := s.db.NewTransaction(false)
	defer txn.Discard()
	it := txn.NewIterator(badger.IteratorOptions{Prefix: kindPrefix(sig, bucket, kindRecord)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		_, _, block, err := decodeRecordKey(it.Item().Key())
		require.NoError(t, err)
		if block {
			blocks++
		} else {
			records++
		}
	}
	return blocks, records
}

func offsetsEvery(n int, step, from time.Duration) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = from + time.Duration(i)*step
	}
	return out
}

// TestBlockSpreadOverPages writes one request as a few blocks and reads it
// back in pages that end inside blocks, and from a start inside a block.
func TestBlockSpreadOverPages(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(base.Add(time.Hour)))
	const n = 300
	res, err := s.WriteLogs(context.Background(), stampedLogs(0, offsetsEvery(n, time.Millisecond, 0), pcommon.NewTraceIDEmpty()))
	require.NoError(t, err)
	require.Equal(t, n, res.Written)
	blocks, records := recordEntries(t, s, Logs, bucketStart(uint64(base.UnixNano()), s.width[Logs]))
	assert.Zero(t, records, "no per-record keys")
	assert.LessOrEqual(t, blocks, n/8, "a block holds many records (~10 of these in a 4 KiB table block)")
	assert.Greater(t, blocks, 1, "a block fits a Badger table block")

	got := pageLogs(t, s, LogQuery{Limit: 7})
	require.Len(t, got, n)
	ids := checkOrdered(t, got)
	for i := range n {
		assert.True(t, ids[fmt.Sprintf("0/%d", i)], "record %d", i)
	}

	// From a start inside the first block: the scan seeks back to it.
	from := base.Add(150 * time.Millisecond)
	got = pageLogs(t, s, LogQuery{Start: from, End: base.Add(250 * time.Millisecond), Limit: 11})
	require.Len(t, got, 101)
	checkOrdered(t, got)
	assert.Equal(t, ts(from), got[0].Timestamp())

	// Filters inside a block: severity is every third record.
	got = pageLogs(t, s, LogQuery{SeverityMin: plog.SeverityNumberError, Limit: 9})
	require.Len(t, got, n/3)
	for _, lr := range got {
		assert.Equal(t, plog.SeverityNumberError, lr.SeverityNumber())
	}
}

// TestBlocksOverlapInTime writes batches whose records interleave in time,
// so their blocks overlap; and a request whose records are out of order,
// spread over more than one block span.
func TestBlocksOverlapInTime(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(base.Add(time.Hour)))
	const n = 200
	for b := range 3 {
		// batch b: every 3 ms from b ms
		_, err := s.WriteLogs(context.Background(), stampedLogs(b, offsetsEvery(n, 3*time.Millisecond, time.Duration(b)*time.Millisecond), pcommon.NewTraceIDEmpty()))
		require.NoError(t, err)
	}
	shuffled := offsetsEvery(n, 17*time.Millisecond, 0) // 3.4 s, more than blockSpan
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	_, err := s.WriteLogs(context.Background(), stampedLogs(3, shuffled, pcommon.NewTraceIDEmpty()))
	require.NoError(t, err)
	// The same timestamps again, in another request: equal ts, order by seq.
	_, err = s.WriteLogs(context.Background(), stampedLogs(4, shuffled[:50], pcommon.NewTraceIDEmpty()))
	require.NoError(t, err)

	for _, limit := range []int{1, 13, 1000} {
		got := pageLogs(t, s, LogQuery{Limit: limit})
		require.Len(t, got, 4*n+50, "limit %d", limit)
		ids := checkOrdered(t, got)
		assert.Len(t, ids, 4*n+50)
	}
	// A window: records of every batch in [0.5 s, 1.5 s].
	got := pageLogs(t, s, LogQuery{Start: base.Add(500 * time.Millisecond), End: base.Add(1500 * time.Millisecond), Limit: 10})
	checkOrdered(t, got)
	want := 0
	for b := range 3 {
		for _, d := range offsetsEvery(n, 3*time.Millisecond, time.Duration(b)*time.Millisecond) {
			if d >= 500*time.Millisecond && d <= 1500*time.Millisecond {
				want++
			}
		}
	}
	for i, d := range shuffled {
		if d >= 500*time.Millisecond && d <= 1500*time.Millisecond {
			want++
			if i < 50 {
				want++
			}
		}
	}
	assert.Len(t, got, want)
	for _, lr := range got {
		assert.False(t, lr.Timestamp().AsTime().Before(base.Add(500*time.Millisecond)))
		assert.False(t, lr.Timestamp().AsTime().After(base.Add(1500*time.Millisecond)))
	}
}

// TestTraceInManyBlocks writes one trace as several blocks of each of two
// batches, out of order, and reads it through the trace index.
func TestTraceInManyBlocks(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(base.Add(time.Hour)))
	offsets := offsetsEvery(400, 5*time.Millisecond, 0) // 2 s
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(offsets), func(i, j int) { offsets[i], offsets[j] = offsets[j], offsets[i] })
	for b := range 2 {
		ld := stampedLogs(b, offsets, tid(7))
		// every fourth record of another trace
		lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for i := 0; i < lrs.Len(); i += 4 {
			lrs.At(i).SetTraceID(tid(8))
		}
		_, err := s.WriteLogs(context.Background(), ld)
		require.NoError(t, err)
	}
	blocks, _ := recordEntries(t, s, Logs, bucketStart(uint64(base.UnixNano()), s.width[Logs]))
	require.Greater(t, blocks, 10)

	for _, limit := range []int{7, 1000} {
		got := pageLogs(t, s, LogQuery{TraceID: tid(7), Limit: limit})
		require.Len(t, got, 2*300, "limit %d", limit)
		checkOrdered(t, got)
		for _, lr := range got {
			assert.Equal(t, tid(7), lr.TraceID())
		}
	}
	got := pageLogs(t, s, LogQuery{TraceID: tid(8), Start: base.Add(time.Second), Limit: 5})
	checkOrdered(t, got)
	want := 0
	for i := 0; i < len(offsets); i += 4 {
		if offsets[i] >= time.Second {
			want += 2
		}
	}
	assert.Len(t, got, want, "records of trace 8 from 1 s")
	assert.Positive(t, want)
	tr, err := s.Trace(tid(7), 1000)
	require.NoError(t, err)
	assert.Equal(t, 600, tr.LogRecords)
}

// TestPerRecordEntriesStillRead writes records the way the store did
// before blocks (one key per record, trace index of format 1) next to
// blocks of the same seconds, and reads both back in order.
func TestPerRecordEntriesStillRead(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(base.Add(time.Hour)))
	old := stampedLogs(0, offsetsEvery(20, 10*time.Millisecond, 5*time.Millisecond), tid(3))
	var m plog.ProtoMarshaler
	recs, err := logRecordBytes(&m, old)
	require.NoError(t, err)
	rl := old.ResourceLogs().At(0)
	dict, err := logDict(&m, plog.NewLogs(), rl, rl.ScopeLogs().At(0))
	require.NoError(t, err)
	res, err := newResourceEncoder().encode(rl.Resource())
	require.NoError(t, err)

	wb := s.db.NewWriteBatch()
	bucket := bucketStart(uint64(base.UnixNano()), s.width[Logs])
	s.noteBucket(Logs, bucket)
	var refs []ref
	for i, rec := range recs {
		lr := rl.ScopeLogs().At(0).LogRecords().At(i)
		r := ref{bucket: bucket, ts: uint64(lr.Timestamp()), seq: s.nextSeq()}
		refs = append(refs, r)
		v := appendOneRecord(encodeValueHeader(nil, dict.id, severityByte(lr.SeverityNumber())), rec)
		require.NoError(t, wb.Set(recordKey(Logs, r), v))
	}
	list := []byte{traceListFormat}
	for i := 1; i < len(refs); i++ {
		list = binary.AppendUvarint(list, refs[i].seq-refs[i-1].seq)
		list = binary.AppendVarint(list, int64(refs[i].ts-refs[i-1].ts))
	}
	require.NoError(t, wb.Set(traceIndexKey(Logs, tid(3), refs[0]), list))
	require.NoError(t, wb.Set(dictKey(Logs, bucket, dict.id), dict.proto))
	require.NoError(t, wb.Set(serviceKey(Logs, bucket, res.service, dict.id), nil))
	require.NoError(t, wb.Flush())

	_, err = s.WriteLogs(context.Background(), stampedLogs(1, offsetsEvery(20, 10*time.Millisecond, 0), tid(3)))
	require.NoError(t, err)

	for _, q := range []LogQuery{{Limit: 3}, {Service: "checkout", Limit: 100}, {TraceID: tid(3), Limit: 6}} {
		got := pageLogs(t, s, q)
		require.Len(t, got, 40, "%+v", q)
		ids := checkOrdered(t, got)
		for i := range 20 {
			assert.True(t, ids[fmt.Sprintf("0/%d", i)], "per-record entry %d", i)
			assert.True(t, ids[fmt.Sprintf("1/%d", i)], "block record %d", i)
		}
	}
	tr, err := s.Trace(tid(3), 100)
	require.NoError(t, err)
	assert.Equal(t, 40, tr.LogRecords)
}
