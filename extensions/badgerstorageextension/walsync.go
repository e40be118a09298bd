package badgerstorageextension

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// memWALExt is the extension of Badger's memtable write-ahead logs
// ("00001.mem"). Values below the value threshold live only there until a
// memtable is flushed to a sorted table, which Badger syncs itself.
const memWALExt = ".mem"

// syncWAL makes durable every commit that wrote nothing to the value log, by
// syncing the memtable write-ahead logs alone. Badger's DB.Sync also syncs
// the value log being written even when no commit touched it, which costs a
// second device flush per batch; for queue items below the value threshold
// that doubled the price of durability: always.
//
// Every memtable log in the directory is synced, not only the current one,
// so a commit whose memtable was rotated out meanwhile is covered too (a log
// that is gone was flushed to a synced table). On Linux, syncing the file
// writes back the pages Badger wrote through its memory map, as msync does.
// When no memtable log is found, as a future Badger layout might do, it falls
// back to DB.Sync.
func (s *store) syncWAL() error {
	if n, err := syncMemWALs(s.cfg.Directory); err != nil || n == 0 {
		return errors.Join(err, s.db.Sync())
	}
	return nil
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
	err = datasync(f)
	return errors.Join(err, f.Close())
}
