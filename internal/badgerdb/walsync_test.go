package badgerdb

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

// Sync relies on Badger keeping each memtable's log in a ".mem" file in the
// directory, to sync a memtable rotated out but not yet in a table; if an
// upgrade changes that, this fails.
func TestSyncFindsBadgerMemtableLogs(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "db")
	mem := NewDefaultMemoryConfig()
	mem.MemTableSizeMiB = 1
	db, err := badger.Open(Options(dir, mem, zap.NewNop()).WithValueThreshold(8 << 10))
	require.NoError(t, err)
	require.NoError(t, db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("k"), []byte("v")) }))
	logs, err := memWALs(dir)
	require.NoError(t, err)
	require.NotEmpty(t, logs)
	n, err := syncLogs(logs)
	require.NoError(t, err)
	assert.Equal(t, len(logs), n)

	// Rotations: several memtables, older ones waiting for their flush.
	value := make([]byte, 4<<10)
	for i := range 2000 {
		require.NoError(t, db.Update(func(txn *badger.Txn) error { return txn.Set(fmt.Appendf(nil, "r%05d", i), value) }))
		if i%200 == 0 {
			require.NoError(t, Sync(db, dir))
		}
	}
	logs, err = memWALs(dir)
	require.NoError(t, err)
	require.NotEmpty(t, logs, "the active memtable's log at least")
	require.NoError(t, Sync(db, dir))
	require.NoError(t, db.Close())

	logs, err = memWALs(t.TempDir())
	require.NoError(t, err)
	assert.Empty(t, logs)
}

// memWALs orders logs by id, not by name: Badger pads ids to five digits only.
func TestMemWALsOrderByID(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, n := range []string{"100000.mem", "99999.mem", "00007.mem", "MANIFEST", "x.mem", "000001.sst"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), nil, 0o600))
	}
	logs, err := memWALs(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "00007.mem"), filepath.Join(dir, "99999.mem"), filepath.Join(dir, "100000.mem")}, logs)
	n, err := syncLogs(append(logs, filepath.Join(dir, "gone.mem")))
	require.NoError(t, err, "a log flushed and removed meanwhile is skipped")
	assert.Equal(t, 3, n)
}

// BenchmarkSyncAfterBatch is the cost of a durable batch (1,000 entries of
// 300 bytes, then a sync) with Badger's DB.Sync alone, the baseline, and
// with Sync, which also syncs every other memtable log, and with syncing
// every log before DB.Sync (what the journal did before Sync).
func BenchmarkSyncAfterBatch(b *testing.B) {
	for _, tc := range []struct {
		name string
		sync func(db *badger.DB, dir string) error
	}{
		{"baseline_db_sync", func(db *badger.DB, _ string) error { return db.Sync() }},
		// Every log, the active one too, then DB.Sync: the active log twice.
		{"sync_every_log_then_db", func(db *badger.DB, dir string) error {
			logs, err := memWALs(dir)
			if err != nil {
				return err
			}
			if _, err := syncLogs(logs); err != nil {
				return err
			}
			return db.Sync()
		}},
		{"sync_memtable_logs", Sync},
	} {
		b.Run(tc.name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "db")
			db, err := badger.Open(Options(dir, NewDefaultMemoryConfig(), zap.NewNop()))
			require.NoError(b, err)
			defer func() { require.NoError(b, db.Close()) }()
			value := make([]byte, 300)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				wb := db.NewWriteBatch()
				for j := range 1000 {
					require.NoError(b, wb.Set(fmt.Appendf(nil, "k%09d-%04d", i, j), value))
				}
				require.NoError(b, wb.Flush())
				require.NoError(b, tc.sync(db, dir))
			}
		})
	}
}
