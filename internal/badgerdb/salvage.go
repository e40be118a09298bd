package badgerdb

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
	"github.com/dgraph-io/ristretto/v2/z"
	"go.uber.org/zap"
)

// Badger's value meta bits (value.go); the on-disk format fixes them.
const (
	metaDelete       byte = 1 << 0
	metaValuePointer byte = 1 << 1
)

var badgerInternalPrefix = []byte("!badger!")

// version is the newest state of one key found in the broken directory.
type version struct {
	ts      uint64
	deleted bool
	fromWAL bool
	value   []byte // only for entries from the write-ahead log
}

// salvage copies the newest live version of every key it can read from the
// sorted tables and write-ahead logs under broken into db. It returns how many
// entries were copied and how many files or entries could not be read.
// Values kept in the value log (larger than ValueThreshold) are not salvaged.
func salvage(broken string, db *badger.DB, opts badger.Options, logger *zap.Logger) (copied, unreadable int) {
	tables, _ := filepath.Glob(filepath.Join(broken, "*.sst"))
	topts := table.Options{
		ChkMode:              options.OnBlockRead,
		BlockSize:            opts.BlockSize,
		BloomFalsePositive:   opts.BloomFalsePositive,
		Compression:          opts.Compression,
		ZSTDCompressionLevel: opts.ZSTDCompressionLevel,
	}
	latest := map[string]version{}
	// Pass 1: the newest version of each key across all readable tables.
	for _, path := range tables {
		if err := scanTable(path, topts, func(key []byte, ts uint64, vs y.ValueStruct) {
			if v, ok := latest[string(key)]; !ok || ts > v.ts {
				latest[string(key)] = version{ts: ts, deleted: vs.Meta&metaDelete != 0 || expired(vs.ExpiresAt) || vs.Meta&metaValuePointer != 0}
			}
		}); err != nil {
			unreadable++
			logger.Warn("Skipping unreadable table while salvaging", zap.String("file", path), zap.Error(err))
		}
	}
	// The write-ahead logs hold what had not reached a table yet: newer versions.
	unreadable += scanWAL(broken, opts, latest, logger)

	wb := db.NewWriteBatch()
	defer wb.Cancel()
	// Pass 2: copy table values that are still the newest version.
	for _, path := range tables {
		_ = scanTable(path, topts, func(key []byte, ts uint64, vs y.ValueStruct) {
			v := latest[string(key)]
			if v.fromWAL || v.deleted || v.ts != ts {
				return
			}
			if err := wb.Set(bytes.Clone(key), bytes.Clone(vs.Value)); err == nil {
				copied++
			}
		})
	}
	for k, v := range latest {
		if v.fromWAL && !v.deleted {
			if err := wb.Set([]byte(k), v.value); err == nil {
				copied++
			}
		}
	}
	if err := wb.Flush(); err != nil {
		logger.Error("Writing salvaged entries failed", zap.Error(err))
		return 0, unreadable + copied
	}
	return copied, unreadable
}

func tableOptions(opts badger.Options) table.Options {
	return table.Options{
		ChkMode:              options.OnBlockRead,
		BlockSize:            opts.BlockSize,
		BloomFalsePositive:   opts.BloomFalsePositive,
		Compression:          opts.Compression,
		ZSTDCompressionLevel: opts.ZSTDCompressionLevel,
	}
}

// checkTables opens the index of every sorted table in dir. badger.Open
// opens tables in goroutines of its own, where a torn table panics the whole
// process; checking them here first turns that into an error.
func checkTables(opts badger.Options) error {
	tables, _ := filepath.Glob(filepath.Join(opts.Dir, "*.sst"))
	topts := tableOptions(opts)
	for _, path := range tables {
		if err := scanTable(path, topts, nil); err != nil {
			return fmt.Errorf("%w: table %s: %w", errCorrupt, filepath.Base(path), err)
		}
	}
	return nil
}

func expired(at uint64) bool { return at != 0 && at <= uint64(time.Now().Unix()) }

// scanTable calls fn for every user entry of one sorted table. A table that
// is truncated or fails its checksums returns an error; badger's table reader
// panics on some damage, which is turned into an error as well.
func scanTable(path string, topts table.Options, fn func(key []byte, ts uint64, vs y.ValueStruct)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("table reader panicked: %v", r)
		}
	}()
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil && err != z.NewFile {
		return err
	}
	t, err := table.OpenTable(mf, topts)
	if err != nil {
		return err
	}
	// Close, not DecrRef: dropping the last reference deletes the file.
	defer func() { _ = t.Close(-1) }()
	if fn == nil {
		return nil
	}
	if err := t.VerifyChecksum(); err != nil {
		return err
	}
	it := t.NewIterator(table.NOCACHE)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		key := y.ParseKey(it.Key())
		if bytes.HasPrefix(key, badgerInternalPrefix) {
			continue
		}
		fn(key, y.ParseTs(it.Key()), it.Value())
	}
	return nil
}

// scanWAL replays copies of the broken directory's memtable logs in a scratch
// database and merges their newest versions into latest. It returns the number
// of entries or logs that could not be read.
func scanWAL(broken string, opts badger.Options, latest map[string]version, logger *zap.Logger) (unreadable int) {
	logs, _ := filepath.Glob(filepath.Join(broken, "*.mem"))
	if len(logs) == 0 {
		return 0
	}
	scratch, err := os.MkdirTemp(filepath.Dir(broken), filepath.Base(broken)+".wal-")
	if err != nil {
		logger.Warn("Cannot create a scratch directory to replay write-ahead logs", zap.Error(err))
		return len(logs)
	}
	defer os.RemoveAll(scratch)
	for _, l := range logs {
		if err := copyFile(l, filepath.Join(scratch, filepath.Base(l))); err != nil {
			unreadable++
		}
	}
	sopts := opts
	sopts.Dir, sopts.ValueDir = scratch, scratch
	sopts.Logger = nil
	sdb, err := safeOpen(sopts)
	if err != nil {
		logger.Warn("Write-ahead logs could not be replayed while salvaging", zap.Error(err))
		return unreadable + len(logs)
	}
	defer sdb.Close()
	err = sdb.View(func(txn *badger.Txn) error {
		itOpts := badger.DefaultIteratorOptions
		itOpts.AllVersions = true
		itOpts.PrefetchValues = false
		it := txn.NewIterator(itOpts)
		defer it.Close()
		var prev []byte
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			key := item.Key()
			if bytes.Equal(key, prev) || bytes.HasPrefix(key, badgerInternalPrefix) {
				continue // AllVersions lists the newest version of a key first.
			}
			prev = item.KeyCopy(prev[:0])
			if v, ok := latest[string(key)]; ok && v.ts >= item.Version() {
				continue
			}
			nv := version{ts: item.Version(), fromWAL: true, deleted: item.IsDeletedOrExpired()}
			if !nv.deleted {
				val, err := item.ValueCopy(nil)
				if err != nil {
					unreadable++
					nv.deleted = true
				}
				nv.value = val
			}
			latest[string(key)] = nv
		}
		return nil
	})
	if err != nil {
		unreadable++
	}
	return unreadable
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
