package store

import (
	"context"
	"io/fs"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// writeMinutes writes batches of logs spread over minutes of data, one
// batch of n records per 10 s, advancing the clock with the data.
func writeMinutes(t *testing.T, s *Store, clock *fakeClock, minutes, n int) {
	t.Helper()
	for i := 0; i < minutes*6; i++ {
		res, err := s.WriteLogs(context.Background(), genLogs("checkout", clock.Now(), n, func(j int) uint64 { return uint64(i*n + j) }))
		require.NoError(t, err)
		require.Equal(t, n, res.Written)
		clock.Add(10 * time.Second)
	}
}

// tableBytes is the disk space of what retention can free: the sorted
// tables and value logs. Memtable logs are left out: the free-space guard
// preallocates a window of the newest one, present or not depending on when
// the guard last ran, and their number is bounded by the options, not by
// what is retained.
func tableBytes(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(d.Name(), ".mem") {
			return err
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() && d.Name() != badgerdb.ReserveFile {
			total += badgerdb.Allocated(info)
		}
		return nil
	})
	return total, err
}

// TestRetentionReturnsDiskSpace proves that expiry frees disk: after the
// retention passes, whole buckets are dropped and the directory shrinks.
func TestRetentionReturnsDiskSpace(t *testing.T) {
	clock := newClock(base)
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	opts.CheckInterval = time.Hour
	opts.MaxAge[Logs] = 4 * time.Minute // 30 s buckets
	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	writeMinutes(t, s, clock, 4, 2500) // 60k records, ~20 MB
	// Blocks compress well enough that most of it is still in the memtable:
	// closing flushes it into tables.
	require.NoError(t, s.Close())
	s, err = Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	require.NoError(t, s.db.Flatten(1))
	before, err := tableBytes(s.Dir())
	require.NoError(t, err)
	all, err := s.QueryLogs(LogQuery{Limit: 100_000})
	require.NoError(t, err)
	require.Equal(t, 60_000, all.Count)

	// Three minutes on, the first three minutes are past retention.
	clock.Add(3 * time.Minute)
	require.NoError(t, s.Enforce())
	// Badger removes a dropped table's file once its last reader lets go,
	// which on a loaded machine can trail Enforce by a moment.
	var after int64
	assert.Eventually(t, func() bool {
		after, err = tableBytes(s.Dir())
		return err == nil && float64(after) < 0.6*float64(before)
	}, 10*time.Second, 50*time.Millisecond, "the tables shrink")
	left, err := s.QueryLogs(LogQuery{Limit: 100_000})
	require.NoError(t, err)
	t.Logf("directory %d KiB before expiry, %d KiB after; records %d -> %d", before>>10, after>>10, all.Count, left.Count)
	assert.Less(t, left.Count, all.Count/3, "expired records are gone")
	assert.Greater(t, left.Count, 0, "records within retention stay")
	assert.Positive(t, s.Counters().BucketsDropped.Load())
	for _, lr := range allLogs(left.Logs) {
		assert.False(t, lr.Timestamp().AsTime().Before(clock.Now().Add(-4*time.Minute-30*time.Second)))
	}

	// Past retention of everything, the store is empty and small again.
	clock.Add(10 * time.Minute)
	require.NoError(t, s.Enforce())
	empty, err := s.QueryLogs(LogQuery{Limit: 10})
	require.NoError(t, err)
	assert.Zero(t, empty.Count)
	res, err := s.Resources()
	require.NoError(t, err)
	assert.Empty(t, res, "counts of dropped buckets go with them")
}

// TestMaxSize checks that the disk budget holds, dropping oldest data first.
func TestMaxSize(t *testing.T) {
	clock := newClock(base)
	const budget = 16 << 20
	s := openTest(t, clock, func(o *Options) {
		o.MaxAge[Logs] = 80 * time.Minute // 10 min buckets
		o.MaxSize = budget
		o.Memory.MemTableSizeMiB = 4 // the memtable's log counts against the budget
	})
	for round := 0; round < 6; round++ {
		writeMinutes(t, s, clock, 10, 600) // one bucket of 36k records, ~5 MB on disk
		require.NoError(t, s.Enforce())
		size, err := badgerdb.DirSize(s.Dir())
		require.NoError(t, err)
		t.Logf("round %d: %d KiB on disk, budget %d KiB", round, size>>10, budget>>10)
		assert.LessOrEqual(t, size, int64(budget), "max_size holds")
	}
	assert.Positive(t, s.Counters().BudgetDrops.Load())
	got, err := s.QueryLogs(LogQuery{Start: clock.Now().Add(-time.Minute), Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 10, got.Count, "the newest data stays")
	// The first bucket: End is inclusive, and the second bucket's first
	// record is at base + 10 min.
	old, err := s.QueryLogs(LogQuery{End: base.Add(10*time.Minute - time.Nanosecond), Limit: 10})
	require.NoError(t, err)
	assert.Zero(t, old.Count, "the oldest data goes first")
}

// TestDictionaryAfterDrop checks that a bucket dropped while still within
// retention (as the budget does) gets its dictionary entries again with the
// next records, although the store writes them only once per bucket.
func TestDictionaryAfterDrop(t *testing.T) {
	clock := newClock(base)
	s := openTest(t, clock)
	write := func() {
		res, err := s.WriteLogs(context.Background(), genLogs("checkout", clock.Now(), 10, nil))
		require.NoError(t, err)
		require.Equal(t, 10, res.Written)
	}
	write()
	write() // second batch: the entry is already stored
	got, err := s.QueryLogs(LogQuery{Service: "checkout", Limit: 100})
	require.NoError(t, err)
	require.Equal(t, 20, got.Count)

	buckets := s.bucketsIn(Logs, 0, math.MaxUint64)
	require.Len(t, buckets, 1)
	require.NoError(t, s.dropBuckets(Logs, buckets...))
	write()
	got, err = s.QueryLogs(LogQuery{Service: "checkout", Limit: 100})
	require.NoError(t, err)
	assert.Equal(t, 10, got.Count, "records written after the drop find their service")
	require.Equal(t, 1, got.Logs.ResourceLogs().Len())
	name, ok := got.Logs.ResourceLogs().At(0).Resource().Attributes().Get("service.name")
	require.True(t, ok)
	assert.Equal(t, "checkout", name.Str())
}
