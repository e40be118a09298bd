package badgerdb

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

// bigValues switches the tests to values kept in the value log.
var bigValues bool

func testOptions(dir string) badger.Options {
	o := Options(dir, NewDefaultMemoryConfig(), nil)
	if bigValues {
		o = o.WithValueThreshold(1024)
	}
	return o
}

// valueOf is the value stored under key k.
func valueOf(k string) string {
	if bigValues {
		return "v-" + k + strings.Repeat("x", 2000)
	}
	return "v-" + k
}

// writeKeys writes keys prefix0..prefix(n-1) with values "v-<key>".
func writeKeys(t *testing.T, db *badger.DB, prefix string, n int) {
	t.Helper()
	wb := db.NewWriteBatch()
	for i := range n {
		k := fmt.Sprintf("%s%05d", prefix, i)
		require.NoError(t, wb.Set([]byte(k), []byte(valueOf(k))))
	}
	require.NoError(t, wb.Flush())
}

// crashImage builds a directory that looks like a database whose process was
// killed: 2000 keys in sorted tables (flushed by Close), then 300 keys and a
// delete only in the write-ahead log, copied while the database is open.
func crashImage(t *testing.T) string {
	t.Helper()
	live := filepath.Join(t.TempDir(), "live")
	db, err := badger.Open(testOptions(live))
	require.NoError(t, err)
	writeKeys(t, db, "table-", 2000)
	require.NoError(t, db.Close())

	db, err = badger.Open(testOptions(live))
	require.NoError(t, err)
	writeKeys(t, db, "wal-", 300)
	require.NoError(t, db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte("table-00007")) }))
	require.NoError(t, db.Sync())

	image := filepath.Join(t.TempDir(), "db")
	require.NoError(t, os.MkdirAll(image, 0o700))
	entries, err := os.ReadDir(live)
	require.NoError(t, err)
	for _, e := range entries {
		if e.Name() == "LOCK" {
			continue
		}
		require.NoError(t, copyFile(filepath.Join(live, e.Name()), filepath.Join(image, e.Name())))
	}
	require.NoError(t, db.Close())
	return image
}

func countKeys(t *testing.T, db *badger.DB, prefix string) int {
	t.Helper()
	n := 0
	require.NoError(t, db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte(prefix)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			require.NoError(t, err)
			require.Equal(t, valueOf(string(it.Item().Key())), string(v))
			n++
		}
		return nil
	}))
	return n
}

func TestOpenOrRecoverHealthy(t *testing.T) {
	dir := crashImage(t)
	db, rec, err := OpenOrRecover(testOptions(dir), zap.NewNop())
	require.NoError(t, err)
	defer db.Close()
	require.False(t, rec.Recovered())
	require.Equal(t, 1999, countKeys(t, db, "table-"))
	require.Equal(t, 300, countKeys(t, db, "wal-"))
}

func TestOpenOrRecoverCorruptFiles(t *testing.T) {
	t.Run("values in tables", testCorruptFiles)
	t.Run("values in the value log", func(t *testing.T) {
		bigValues = true
		defer func() { bigValues = false }()
		testCorruptFiles(t)
	})
}

func testCorruptFiles(t *testing.T) {
	tests := []struct {
		name string
		// damage breaks the directory so that badger.Open fails.
		damage func(t *testing.T, dir string)
		// wantTable is how many "table-" keys must survive (at least).
		wantTable int
	}{
		{
			name: "manifest overwritten with garbage",
			damage: func(t *testing.T, dir string) {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "MANIFEST"), []byte(strings.Repeat("\xde\xad", 4096)), 0o600))
			},
			wantTable: 1999,
		},
		{
			name: "manifest half-written (empty)",
			damage: func(t *testing.T, dir string) {
				require.NoError(t, os.Truncate(filepath.Join(dir, "MANIFEST"), 0))
			},
			wantTable: 1999,
		},
		{
			name: "sorted table with a torn tail",
			damage: func(t *testing.T, dir string) {
				tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
				require.NotEmpty(t, tables)
				fi, err := os.Stat(tables[0])
				require.NoError(t, err)
				require.NoError(t, os.Truncate(tables[0], fi.Size()/2))
			},
			wantTable: 0, // the torn table's keys are lost; the log's are kept
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := crashImage(t)
			tt.damage(t, dir)
			// The damage must really break opening. (badger.Open itself is not
			// called here: on a torn table it panics in a goroutine of its own.)
			err := checkTables(testOptions(dir))
			if err == nil {
				var db *badger.DB
				db, err = badger.Open(testOptions(dir))
				if db != nil {
					_ = db.Close()
				}
			}
			require.Error(t, err)

			core, logs := observer.New(zap.InfoLevel)
			db, rec, err := OpenOrRecover(testOptions(dir), zap.New(core))
			require.NoError(t, err)
			defer db.Close()

			require.True(t, rec.Recovered())
			require.Error(t, rec.Cause)
			require.DirExists(t, rec.MovedTo)
			require.True(t, strings.HasPrefix(rec.MovedTo, dir+".corrupt-"), rec.MovedTo)
			errs := logs.FilterMessageSnippet("moved it aside").All()
			require.Len(t, errs, 1)
			require.Equal(t, zap.ErrorLevel, errs[0].Level)

			require.GreaterOrEqual(t, countKeys(t, db, "table-"), tt.wantTable)
			require.Equal(t, 300, countKeys(t, db, "wal-"), "entries only in the write-ahead log are salvaged")
			require.NoError(t, db.View(func(txn *badger.Txn) error {
				_, err := txn.Get([]byte("table-00007"))
				require.ErrorIs(t, err, badger.ErrKeyNotFound, "a delete in the log wins over the table")
				return nil
			}))
			require.Equal(t, rec.Salvaged, countKeys(t, db, ""))

			// The fresh database is healthy: it opens again without recovery.
			require.NoError(t, db.Close())
			db2, rec2, err := OpenOrRecover(testOptions(dir), zap.NewNop())
			require.NoError(t, err)
			require.False(t, rec2.Recovered())
			require.NoError(t, db2.Close())
			db = db2
		})
	}
}

func TestOpenOrRecoverLockedIsNotMoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db, err := badger.Open(testOptions(dir))
	require.NoError(t, err)
	defer db.Close()

	_, rec, err := OpenOrRecover(testOptions(dir), zap.NewNop())
	require.ErrorContains(t, err, "Cannot acquire directory lock")
	require.False(t, rec.Recovered())
	matches, _ := filepath.Glob(dir + ".corrupt-*")
	require.Empty(t, matches)
}

func TestOpenOrRecoverBadOptionsAreNotMoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	db, err := badger.Open(testOptions(dir))
	require.NoError(t, err)
	writeKeys(t, db, "k-", 10)
	require.NoError(t, db.Close())

	_, rec, err := OpenOrRecover(testOptions(dir).WithNumCompactors(1), zap.NewNop())
	require.ErrorContains(t, err, "badger refuses the options of "+dir+" (nothing was moved)")
	require.ErrorContains(t, err, "Need at least 2")
	require.False(t, rec.Recovered())
	matches, _ := filepath.Glob(dir + ".corrupt-*")
	require.Empty(t, matches)

	db, rec, err = OpenOrRecover(testOptions(dir), zap.NewNop())
	require.NoError(t, err)
	require.False(t, rec.Recovered())
	defer db.Close()
	require.NoError(t, db.View(func(txn *badger.Txn) error {
		_, err := txn.Get([]byte("k-00009"))
		return err
	}), "the store is where it was, with its data")
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}
