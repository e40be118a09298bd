package badgerdb

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

// fakeFree is a filesystem whose free space the test sets: fault injection
// next to the tmpfs tests in tests/e2e/diskfull_test.go.
type fakeFree struct {
	free  atomic.Int64
	reads atomic.Int64
	err   error
}

func (f *fakeFree) of(string) (int64, error) {
	f.reads.Add(1)
	return f.free.Load(), f.err
}

func TestSpaceGuardRefusesBelowFloorAndResumes(t *testing.T) {
	t.Parallel()
	fs := &fakeFree{}
	fs.free.Store(100 * mib)
	core, logs := observer.New(zap.InfoLevel)
	g := newSpaceGuard("/data", Floor{Base: 32 * mib}, zap.New(core), fs.of)
	require.NoError(t, g.Check())

	// Writes are accounted until the estimate reaches the floor; then the
	// guard reads the filesystem again.
	reads := fs.reads.Load()
	for range 3 {
		g.Wrote(mib)
		require.NoError(t, g.Check())
	}
	assert.Equal(t, reads, fs.reads.Load(), "no statfs while far from the floor")

	fs.free.Store(31 * mib)
	g.Wrote(70 * mib)
	err := g.Check()
	require.ErrorIs(t, err, ErrDiskFull)
	assert.Contains(t, err.Error(), "/data has 31 MiB free")
	assert.Contains(t, err.Error(), "min_free_mib")
	require.ErrorIs(t, g.Check(), ErrDiskFull)
	assert.EqualValues(t, 2, g.Refused())
	assert.True(t, g.Low())

	// Just above the floor is not enough: writes resume past the hysteresis.
	fs.free.Store(32 * mib)
	require.ErrorIs(t, g.Check(), ErrDiskFull)
	fs.free.Store(39 * mib)
	require.ErrorIs(t, g.Check(), ErrDiskFull)
	fs.free.Store(40 * mib)
	require.NoError(t, g.Check())
	assert.False(t, g.Low())

	// One line per change of state, however many writes were refused.
	assert.Equal(t, 1, logs.FilterMessageSnippet("below the floor").Len())
	assert.Equal(t, 1, logs.FilterMessageSnippet("back above the floor").Len())
	assert.Equal(t, 2, logs.Len())
}

func TestSpaceGuardExternalFillSeenByRefresh(t *testing.T) {
	t.Parallel()
	fs := &fakeFree{}
	fs.free.Store(100 * mib)
	g := newSpaceGuard("/data", Floor{Base: 10 * mib}, nil, fs.of)
	fs.free.Store(0) // another process filled the disk
	require.NoError(t, g.Check(), "between readings the guard trusts its estimate")
	assert.True(t, g.Refresh(), "the maintenance loop's reading sees it")
	require.ErrorIs(t, g.Check(), ErrDiskFull)
}

func TestSpaceGuardUnreadableFreeSpaceLetsWritesPass(t *testing.T) {
	t.Parallel()
	fs := &fakeFree{err: errors.New("statfs: function not implemented")}
	core, logs := observer.New(zap.InfoLevel)
	g := newSpaceGuard("/data", Floor{Base: 10 * mib}, zap.New(core), fs.of)
	require.NoError(t, g.Check())
	g.Refresh()
	assert.Equal(t, 1, logs.FilterMessageSnippet("Cannot read the free disk space").Len())
}

func TestDefaultFloorCoversWhatBadgerWritesAlone(t *testing.T) {
	t.Parallel()
	o := Options("", NewDefaultMemoryConfig(), nil)
	// 3 memtable logs of 2×16 MiB; 2 compactors, each rewriting 8 level-0
	// tables of 16 MiB; and the base level, up to 10 × 10 MiB.
	assert.Equal(t, int64(96*mib), MinFree(o))
	assert.Equal(t, Floor{Base: 96*mib + 2*8*16*mib, TablesUpTo: 100 * mib, Preallocate: 8 * mib, Reserve: 96 * mib}, NewDefaultFloor(o))
	small := Options("", MemoryConfig{MemTableSizeMiB: 1, NumMemtables: 2, ValueLogFileSizeMiB: 1}, nil)
	assert.Equal(t, int64(6*mib), MinFree(small))
	assert.Equal(t, int64(6*mib+2*8*2*mib), DefaultFloor(small), "base tables are 2 MiB by default")
}

func TestFloorWithBudgetCapsThePreallocatedWindow(t *testing.T) {
	t.Parallel()
	f := Floor{Base: 10 * mib, Preallocate: 8 * mib}
	assert.Equal(t, int64(8*mib), f.WithBudget(0).Preallocate, "unbounded")
	assert.Equal(t, int64(256<<10), f.WithBudget(4*mib).Preallocate, "a 4 MiB store")
	assert.Equal(t, int64(64<<10), f.WithBudget(mib).Preallocate, "at least 64 KiB")
	assert.Equal(t, int64(8*mib), f.WithBudget(4096*mib).Preallocate)
}

func TestSpaceGuardFloorGrowsWithTables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fs := &fakeFree{}
	fs.free.Store(100 * mib)
	g := newSpaceGuard(dir, Floor{Base: 10 * mib, TablesUpTo: 4 * mib}, nil, fs.of)
	assert.Equal(t, int64(10*mib), g.Floor())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "000001.sst"), make([]byte, 3*mib), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "000001.vlog"), make([]byte, 3*mib), 0o600))
	g.Refresh()
	assert.Equal(t, int64(13*mib), g.Floor(), "tables count, value logs do not")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "000002.sst"), make([]byte, 3*mib), 0o600))
	g.Refresh()
	assert.Equal(t, int64(14*mib), g.Floor(), "up to TablesUpTo")
}

func TestWaitForSpace(t *testing.T) {
	t.Parallel()
	fs := &fakeFree{}
	core, logs := observer.New(zap.InfoLevel)
	done := make(chan error, 1)
	go func() {
		done <- waitForSpace(context.Background(), "/data", 8*mib, time.Millisecond, zap.New(core), fs.of)
	}()
	require.Eventually(t, func() bool { return fs.reads.Load() > 5 }, 5*time.Second, time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("returned on a full disk: %v", err)
	default:
	}
	fs.free.Store(8 * mib)
	require.NoError(t, <-done)
	assert.Equal(t, 1, logs.FilterMessageSnippet("waiting for space").Len())
	assert.Equal(t, 1, logs.FilterMessageSnippet("Free disk space returned").Len())

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fs.free.Store(0)
	err := waitForSpace(ctx, "/data", 8*mib, time.Millisecond, nil, fs.of)
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "8 MiB of free disk space for /data")
}
