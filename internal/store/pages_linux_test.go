//go:build linux

package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReleaseMappedTables(t *testing.T) {
	clock := newClock(base.Add(time.Minute))
	opts := NewDefaultOptions(t.TempDir())
	opts.Now = clock.Now
	s, err := Open(context.Background(), opts)
	require.NoError(t, err)
	_, err = s.WriteLogs(context.Background(), genLogs("checkout", base, 20_000, nil))
	require.NoError(t, err)
	require.NoError(t, s.Close()) // flushes the memtable into tables
	s, err = Open(context.Background(), opts)
	require.NoError(t, err)
	defer s.Close()
	keep := map[uint64]bool{}
	for _, tb := range s.db.Tables() {
		keep[tb.ID] = true
	}
	require.NotEmpty(t, keep)
	n, err := releaseMappedTables(s.Dir(), keep)
	require.NoError(t, err)
	assert.Positive(t, n, "the store's tables are mapped and released")
	paged, err := releaseMappedTables(s.Dir(), map[uint64]bool{})
	require.NoError(t, err)
	assert.Equal(t, n, paged, "tables without a reference are paged out instead")
	other, err := releaseMappedTables(t.TempDir(), keep)
	require.NoError(t, err)
	assert.Zero(t, other, "only the store's own files are touched")
	got, err := s.QueryLogs(LogQuery{Limit: 100_000})
	require.NoError(t, err)
	assert.Equal(t, 20_000, got.Count, "released tables read back from the files")
}
