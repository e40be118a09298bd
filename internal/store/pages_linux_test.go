//go:build linux

package store

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReleaseMappedTables(t *testing.T) {
	clock := newClock(base.Add(time.Minute))
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	s, err := Open(opts)
	require.NoError(t, err)
	_, err = s.WriteLogs(genLogs("checkout", base, 20_000, nil))
	require.NoError(t, err)
	require.NoError(t, s.Close()) // flushes the memtable into tables
	s, err = Open(opts)
	require.NoError(t, err)
	defer s.Close()
	n, err := releaseMappedTables(s.Dir())
	require.NoError(t, err)
	assert.Positive(t, n, "the store's tables are mapped and paged out")
	other, err := releaseMappedTables(t.TempDir())
	require.NoError(t, err)
	assert.Zero(t, other, "only the store's own files are touched")
	got, err := s.QueryLogs(LogQuery{Limit: 100_000})
	require.NoError(t, err)
	assert.Equal(t, 20_000, got.Count, "paged-out tables read back from the files")
}
