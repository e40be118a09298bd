package badgerdb

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// memWALExt is the extension of Badger's memtable write-ahead logs
// ("00001.mem"). Values below the value threshold live only there until a
// memtable is flushed to a sorted table, which Badger syncs itself.
const memWALExt = ".mem"

// Sync makes everything committed to db, opened on dir, durable: Badger's
// DB.Sync (the current memtable log and the value log) plus every memtable
// log in the directory, so that a memtable rotated out but not yet written to
// a table is covered too (a log that is gone was flushed to a synced table).
// DB.Sync alone leaves that memtable exposed to a power loss. On Linux,
// syncing a file writes back the pages Badger wrote through its memory map,
// as msync does.
func Sync(db *badger.DB, dir string) error {
	_, err := syncMemWALs(dir)
	return errors.Join(err, db.Sync())
}

// syncMemWALs syncs every memtable log in dir and returns how many it synced.
func syncMemWALs(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	synced := 0
	var errs []error
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), memWALExt) {
			continue
		}
		switch err := syncFile(filepath.Join(dir, e.Name())); {
		case err == nil:
			synced++
		case errors.Is(err, fs.ErrNotExist):
			// flushed to a table and removed since the listing
		default:
			errs = append(errs, err)
		}
	}
	return synced, errors.Join(errs...)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = Datasync(f)
	return errors.Join(err, f.Close())
}
