package badgerdb

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// memWALExt is the extension of Badger's memtable write-ahead logs
// ("00001.mem"). Values below the value threshold live only there until a
// memtable is flushed to a sorted table, which Badger syncs itself.
const memWALExt = ".mem"

// Sync makes everything committed to db, opened on dir, durable: Badger's
// DB.Sync (the active memtable's log and the value log) plus every other
// memtable log in the directory, so that a memtable rotated out but not yet
// written to a table is covered too (a log that is gone was flushed to a
// synced table). DB.Sync alone leaves that memtable exposed to a power loss.
// The newest log is the active memtable's, which DB.Sync syncs; it is synced
// here only when a rotation made it an older one before DB.Sync ran, which
// spares a second device flush per call. On Linux, syncing a file writes
// back the pages Badger wrote through its memory map, as msync does.
func Sync(db *badger.DB, dir string) error {
	logs, err := memWALs(dir)
	if err != nil {
		return errors.Join(err, db.Sync())
	}
	var head string
	if len(logs) > 0 {
		head, logs = logs[len(logs)-1], logs[:len(logs)-1]
	}
	_, errOlder := syncLogs(logs)
	errDB := db.Sync()
	var errHead error
	if head != "" {
		if now, err := memWALs(dir); err != nil || len(now) == 0 || now[len(now)-1] != head {
			_, errHead = syncLogs([]string{head})
		}
	}
	return errors.Join(errOlder, errDB, errHead)
}

// memWALs returns the paths of the memtable logs in dir, oldest first (by
// file id: the names are zero-padded only up to five digits).
func memWALs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	type log struct {
		id   int64
		path string
	}
	var logs []log
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), memWALExt)
		if !ok {
			continue
		}
		id, err := strconv.ParseInt(name, 10, 64)
		if err != nil {
			continue // not one of Badger's
		}
		logs = append(logs, log{id, filepath.Join(dir, e.Name())})
	}
	slices.SortFunc(logs, func(a, b log) int { return cmp.Compare(a.id, b.id) })
	paths := make([]string, len(logs))
	for i, l := range logs {
		paths[i] = l.path
	}
	return paths, nil
}

// syncLogs syncs the files at paths, skipping those removed meanwhile
// (flushed to a table), and returns how many it synced.
func syncLogs(paths []string) (int, error) {
	synced := 0
	var errs []error
	for _, p := range paths {
		switch err := syncFile(p); {
		case err == nil:
			synced++
		case errors.Is(err, fs.ErrNotExist):
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
