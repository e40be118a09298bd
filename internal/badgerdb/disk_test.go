package badgerdb

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// DirUsage counts every file in Total, but in Stored only the tables and the
// value logs a GC can rewrite: not the value log being written, nor what
// lives in a subdirectory (a journal) or outside Badger's files.
func TestDirUsageSeparatesStoredData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, n int) int64 {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o750))
		require.NoError(t, os.WriteFile(p, make([]byte, n), 0o600))
		fi, err := os.Stat(p)
		require.NoError(t, err)
		return Allocated(fi)
	}
	sst := write("000001.sst", 64<<10)
	old := write("000001.vlog", 32<<10)
	head := write("000002.vlog", 16<<10)
	mem := write("00003.mem", 8<<10)
	jnl := write("journal/1.jnl", 128<<10)
	write(ReserveFile, 256<<10)

	u, err := DirUsage(dir)
	require.NoError(t, err)
	assert.Equal(t, sst+old+head+mem+jnl, u.Total, "everything but the reserve")
	assert.Equal(t, sst+old, u.Stored, "tables and value logs but the head")
	size, err := DirSize(dir)
	require.NoError(t, err)
	assert.Equal(t, u.Total, size)
}
