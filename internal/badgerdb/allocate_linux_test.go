package badgerdb

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocatedOf is the allocated size of the file at path.
func allocatedOf(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return Allocated(fi)
}

func TestSpaceGuardPreallocatesAWindowOfTheNewestMemtableLog(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// A memtable log as Badger makes it: sparse, 8 MiB, 1 MiB written.
	head := filepath.Join(dir, "00002.mem")
	f, err := os.Create(head)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(8*mib))
	_, err = f.WriteAt(make([]byte, mib), 0)
	require.NoError(t, err)
	for i := range mib / 4096 { // zeros may stay holes: write a pattern
		_, err = f.WriteAt([]byte{1}, int64(i)*4096)
		require.NoError(t, err)
	}
	require.NoError(t, f.Close())
	old := filepath.Join(dir, "00001.mem")
	require.NoError(t, os.WriteFile(old, nil, 0o600))
	require.NoError(t, os.Truncate(old, 8*mib))

	fs := &fakeFree{}
	fs.free.Store(1 << 40)
	g := newSpaceGuard(dir, Floor{Base: 10 * mib, Preallocate: 2 * mib}, nil, fs.of)
	assert.Equal(t, int64(3*mib), allocatedOf(t, head), "what was written and a 2 MiB window")
	assert.Zero(t, allocatedOf(t, old), "only the newest log is written to")

	g.Wrote(mib) // + a quarter for entry headers
	g.Refresh()
	assert.Equal(t, int64(mib+mib*5/4+2*mib), allocatedOf(t, head))
	g.Wrote(16 * mib)
	g.Refresh()
	assert.Equal(t, int64(8*mib), allocatedOf(t, head), "never past the file's end")
	fi, err := os.Stat(head)
	require.NoError(t, err)
	assert.Equal(t, int64(8*mib), fi.Size(), "the size stays")
}

func TestSpaceGuardReserveIsGivenBackWhenWritesAreRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	reserve := filepath.Join(dir, ReserveFile)
	fs := &fakeFree{}
	fs.free.Store(100 * mib)
	g := newSpaceGuard(dir, Floor{Base: 10 * mib, Reserve: 4 * mib}, nil, fs.of)
	assert.Equal(t, int64(4*mib), allocatedOf(t, reserve), "taken while space is plentiful")
	fs.free.Store(96 * mib) // what the filesystem says once the file is there
	g.Refresh()
	assert.Equal(t, int64(100*mib), g.Free(), "the reserve counts as free")
	size, err := DirSize(dir)
	require.NoError(t, err)
	assert.Zero(t, size, "and not as the directory's size")

	// Another process takes the disk: the next write sees it at once.
	fs.free.Store(0)
	require.ErrorIs(t, g.CheckNow(), ErrDiskFull)
	assert.NoFileExists(t, reserve, "given back to Badger's own writes")

	fs.free.Store(100 * mib)
	require.NoError(t, g.CheckNow())
	assert.FileExists(t, reserve, "taken again once space returned")
}
