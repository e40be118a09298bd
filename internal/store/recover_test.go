package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A store whose Badger files are corrupt opens again: the broken directory
// is moved aside and the store starts fresh instead of failing every start.
func TestOpenRecoversCorruptDirectory(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "store")
	clock := newClock(base.Add(10 * time.Minute))
	opts := NewDefaultOptions(dir)
	opts.Now = clock.Now
	opts.CheckInterval = time.Hour

	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	fill(t, s)
	require.NoError(t, s.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "MANIFEST"), []byte(strings.Repeat("\xde\xad", 4096)), 0o600))

	s, err = Open(context.Background(), opts)
	require.NoError(t, err, "a corrupt directory must not stop the store")
	t.Cleanup(func() { _ = s.Close() })
	moved, err := filepath.Glob(dir + ".corrupt-*")
	require.NoError(t, err)
	assert.Len(t, moved, 1, "the unreadable directory is kept beside the new one")
	// The salvaged block pointers find their segments, which came back from
	// the moved directory.
	got, err := s.QueryLogs(LogQuery{Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, 120, got.Count, "the salvaged records read back")

	res, err := s.WriteLogs(context.Background(), genLogs("checkout", base, 5, nil))
	require.NoError(t, err)
	assert.Equal(t, 5, res.Written, "the recovered store takes writes")
}
