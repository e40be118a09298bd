package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// blockValues returns how many block keys of the store hold pointers into
// segments and how many hold their block inline.
func blockValues(t *testing.T, s *Store) (ptrs, inline int) {
	t.Helper()
	require.NoError(t, s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			_, _, block, err := decodeRecordKey(it.Item().Key())
			if err != nil || !block {
				continue
			}
			require.NoError(t, it.Item().Value(func(v []byte) error {
				if isBlockPtr(v) {
					ptrs++
				} else {
					inline++
				}
				return nil
			}))
		}
		return nil
	}))
	return ptrs, inline
}

func segFiles(t *testing.T, s *Store) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(s.Dir(), segDir, "*"+segExt))
	require.NoError(t, err)
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	return names
}

// Blocks go to one segment file per signal and bucket; Badger holds only
// pointers to them, and dropping a bucket deletes its file.
func TestBlocksLiveInSegments(t *testing.T) {
	clock := newClock(base.Add(10 * time.Minute))
	s := openTest(t, clock)
	fill(t, s)
	ptrs, inline := blockValues(t, s)
	assert.Positive(t, ptrs)
	assert.Zero(t, inline)
	b := bucketStart(uint64(base.UnixNano()), s.width[Logs])
	assert.ElementsMatch(t, []string{segID{Traces, b}.name(), segID{Logs, b}.name()}, segFiles(t, s))

	got, err := s.QueryLogs(LogQuery{Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, 120, got.Count)

	require.NoError(t, s.dropBuckets(Logs, b))
	assert.Equal(t, []string{segID{Traces, b}.name()}, segFiles(t, s), "the dropped bucket's segment is deleted")
	got, err = s.QueryLogs(LogQuery{Limit: 1000})
	require.NoError(t, err)
	assert.Zero(t, got.Count)
	tr, err := s.Trace(tid(2), 1000)
	require.NoError(t, err)
	assert.Equal(t, 10, tr.Spans)
	assert.Zero(t, tr.LogRecords)
}

// A store written with inline blocks (the format before segments) reads
// back after the upgrade, beside the blocks written to segments since.
func TestInlineBlocksStillRead(t *testing.T) {
	clock := newClock(base.Add(10 * time.Minute))
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	opts.CheckInterval = time.Hour
	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	s.inline = true
	fill(t, s)
	_, err = s.WriteMetrics(context.Background(), genGauge("system.cpu.utilization", base, 30, "node-1"))
	require.NoError(t, err)
	ptrs, inline := blockValues(t, s)
	require.Zero(t, ptrs)
	require.Positive(t, inline)
	require.NoError(t, s.Close())

	s, err = Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	fill(t, s)
	_, err = s.WriteMetrics(context.Background(), genGauge("system.cpu.utilization", base.Add(time.Minute), 30, "node-1"))
	require.NoError(t, err)
	ptrs, inline2 := blockValues(t, s)
	assert.Positive(t, ptrs)
	assert.Equal(t, inline, inline2)

	logs, err := s.QueryLogs(LogQuery{Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, 240, logs.Count)
	tr, err := s.Trace(tid(2), 1000)
	require.NoError(t, err)
	assert.Equal(t, 20, tr.Spans, "spans of both formats")
	assert.Equal(t, 40, tr.LogRecords, "log records of both formats")
	m, err := s.QueryMetrics(MetricQuery{Name: "system.cpu.utilization", Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, 120, m.Points)
	page, err := s.QueryLogs(LogQuery{Limit: 1000, Start: base.Add(time.Second), End: base.Add(time.Second + 9*time.Millisecond)})
	require.NoError(t, err)
	assert.Equal(t, 20, page.Count, "a time range reads both formats")
}

// A segment cut short (a power loss before its sync) or gone loses only the
// blocks it held: queries return the others without an error.
func TestDamagedSegmentSkipsItsBlocks(t *testing.T) {
	clock := newClock(base.Add(10 * time.Minute))
	s := openTest(t, clock)
	fill(t, s)
	b := bucketStart(uint64(base.UnixNano()), s.width[Logs])
	logSeg := filepath.Join(s.Dir(), segDir, segID{Logs, b}.name())
	info, err := os.Stat(logSeg)
	require.NoError(t, err)
	require.NoError(t, os.Truncate(logSeg, info.Size()/2))
	got, err := s.QueryLogs(LogQuery{Limit: 1000})
	require.NoError(t, err)
	assert.Less(t, got.Count, 120)
	tr, err := s.Trace(tid(2), 1000)
	require.NoError(t, err)
	assert.Equal(t, 10, tr.Spans)

	// Bytes flipped in place fail the block's checksum.
	require.NoError(t, os.WriteFile(filepath.Join(s.Dir(), segDir, segID{Traces, b}.name()), []byte(strings.Repeat("x", 64)), 0o600))
	tr, err = s.Trace(tid(2), 1000)
	require.NoError(t, err)
	assert.Zero(t, tr.Spans)
}

// Segments of buckets the store does not hold (a drop cut short by a crash)
// are deleted when it opens; the others stay.
func TestOrphanSegmentsDeletedAtOpen(t *testing.T) {
	clock := newClock(base.Add(10 * time.Minute))
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	opts.CheckInterval = time.Hour
	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	fill(t, s)
	kept := segFiles(t, s)
	require.NoError(t, s.Close())
	orphan := filepath.Join(opts.Dir, segDir, segID{Logs, 12345}.name())
	require.NoError(t, os.WriteFile(orphan, []byte("blocks of a dropped bucket"), 0o600))
	other := filepath.Join(opts.Dir, segDir, "notes.txt")
	require.NoError(t, os.WriteFile(other, nil, 0o600))

	s, err = Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	assert.NoFileExists(t, orphan)
	assert.FileExists(t, other, "files that are not segments are left alone")
	assert.ElementsMatch(t, kept, segFiles(t, s))
	got, err := s.QueryLogs(LogQuery{Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, 120, got.Count)
}

// Durability "always" syncs the segments with Badger on every write;
// "never" leaves them to the page cache until Close.
func TestSyncCoversSegments(t *testing.T) {
	for _, tc := range []struct {
		d     badgerdb.Durability
		dirty bool
	}{{badgerdb.DurabilityAlways, false}, {badgerdb.DurabilityNever, true}} {
		t.Run(string(tc.d), func(t *testing.T) {
			s := openTest(t, newClock(base.Add(10*time.Minute)), func(o *Options) { o.Durability = tc.d })
			fill(t, s)
			s.segs.mu.Lock()
			defer s.segs.mu.Unlock()
			require.NotEmpty(t, s.segs.files)
			for id, sg := range s.segs.files {
				assert.Equal(t, tc.dirty, sg.dirty.Load(), id.name())
			}
		})
	}
}

func TestSegNames(t *testing.T) {
	for _, id := range []segID{{Logs, 0}, {Metrics, 1_764_633_600_000_000_000}, {Traces, -5}} {
		got, ok := parseSegName(id.name())
		require.True(t, ok, id.name())
		assert.Equal(t, id, got)
	}
	for _, bad := range []string{"1-2.sst", "x-2.seg", "1.seg", "1-y.seg", "300-1.seg"} {
		_, ok := parseSegName(bad)
		assert.False(t, ok, bad)
	}
}

func TestBlockPtrRoundTrip(t *testing.T) {
	p := blockPtr{count: 300, span: 99_000_000, off: 1 << 33, n: 40_000, codec: codecS2, crc: 0xdeadbeef}
	v := appendBlockPtr(nil, p)
	assert.LessOrEqual(t, len(v), blockPtrMax)
	got, err := decodeBlockPtr(v)
	require.NoError(t, err)
	assert.Equal(t, p, got)
	count, span, _, err := blockSpanOf(v)
	require.NoError(t, err)
	assert.Equal(t, [2]uint64{300, 99_000_000}, [2]uint64{count, span})
	for i := range v[:len(v)-1] {
		_, err := decodeBlockPtr(v[:i])
		assert.Error(t, err, "cut at %d", i)
	}
	_, err = decodeBlockPtr(append(v, 0))
	assert.Error(t, err)
}

// Pending records stay in (ts, seq) order whatever runs are merged in,
// overlapping or not, and each comes out once.
func TestPendingMergesRuns(t *testing.T) {
	var p pending
	var want []blockRec
	seq := uint64(0)
	for run := 0; run < 50; run++ {
		var recs []blockRec
		start := uint64(run*7) % 40 // runs overlap, some follow each other
		for i := uint64(0); i < 30; i++ {
			seq++
			recs = append(recs, blockRec{ts: start + i, seq: seq})
		}
		slices.SortFunc(recs, recCmp)
		want = append(want, recs...)
		p.add(recs)
		if run%5 == 4 { // pop some, as a scan does once the next block sorts after them
			for k := 0; k < 20 && p.len() > 0; k++ {
				got := p.pop()
				i := slices.IndexFunc(want, func(r blockRec) bool { return r.ts == got.ts && r.seq == got.seq })
				require.GreaterOrEqual(t, i, 0)
				for _, r := range want {
					require.GreaterOrEqual(t, recCmp(r, *got), 0, "popped in order")
				}
				want = slices.Delete(want, i, i+1)
			}
		}
	}
	var rest []blockRec
	for p.len() > 0 {
		rest = append(rest, *p.pop())
	}
	require.True(t, slices.IsSortedFunc(rest, recCmp))
	slices.SortFunc(want, recCmp)
	require.Equal(t, want, rest)
}
