package badgerdb

import (
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
func TestSyncMemWALsFindsBadgerMemtableLogs(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "db")
	db, err := badger.Open(Options(dir, NewDefaultMemoryConfig(), zap.NewNop()))
	require.NoError(t, err)
	require.NoError(t, db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("k"), []byte("v")) }))
	n, err := syncMemWALs(dir)
	require.NoError(t, err)
	assert.Positive(t, n)
	require.NoError(t, Sync(db, dir))
	require.NoError(t, db.Close())

	n, err = syncMemWALs(t.TempDir())
	require.NoError(t, err)
	assert.Zero(t, n)
}
