package badgerdb

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
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
	ptr     bool   // value is a pointer into a value log
	value   []byte // only for entries from the write-ahead log
}

func newer(latest map[string]version, key []byte, v version) {
	if old, ok := latest[string(key)]; !ok || v.ts > old.ts {
		latest[string(key)] = v
	}
}

// salvage copies the newest live version of every key it can read from the
// sorted tables, write-ahead logs and value logs under broken into db. It
// returns how many entries were copied and how many files or entries could
// not be read.
func salvage(broken string, db *badger.DB, opts badger.Options, logger *zap.Logger) (copied, unreadable int) {
	tables, _ := filepath.Glob(filepath.Join(broken, "*.sst"))
	topts := tableOptions(opts)
	latest := map[string]version{}
	// Pass 1: the newest version of each key across all readable tables.
	for _, path := range tables {
		if err := scanTable(path, topts, func(key []byte, ts uint64, vs y.ValueStruct) {
			newer(latest, key, version{ts: ts, deleted: vs.Meta&metaDelete != 0 || expired(vs.ExpiresAt), ptr: vs.Meta&metaValuePointer != 0})
		}); err != nil {
			unreadable++
			logger.Warn("Skipping unreadable table while salvaging", zap.String("file", path), zap.Error(err))
		}
	}
	// The write-ahead logs hold what had not reached a table yet: newer versions.
	logs, _ := filepath.Glob(filepath.Join(broken, "*.mem"))
	for _, path := range logs {
		if err := scanWALFile(path, func(e logEntry) {
			key := y.ParseKey(e.key)
			if bytes.HasPrefix(key, badgerInternalPrefix) {
				return
			}
			newer(latest, key, version{
				ts: y.ParseTs(e.key), fromWAL: true, ptr: e.meta&metaValuePointer != 0,
				deleted: e.meta&metaDelete != 0 || expired(e.expiresAt), value: bytes.Clone(e.value),
			})
		}); err != nil {
			unreadable++
			logger.Warn("Skipping unreadable write-ahead log while salvaging", zap.String("file", path), zap.Error(err))
		}
	}

	vlog := &vlogReader{dir: broken}
	defer vlog.close()
	resolve := func(key []byte, v version, raw []byte) ([]byte, bool) {
		if !v.ptr {
			return raw, true
		}
		val, err := vlog.value(raw, key)
		if err != nil {
			unreadable++
			return nil, false
		}
		return val, true
	}
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	set := func(key, val []byte) {
		if err := wb.Set(bytes.Clone(key), bytes.Clone(val)); err == nil {
			copied++
		}
	}
	// Pass 2: copy table values that are still the newest version.
	for _, path := range tables {
		_ = scanTable(path, topts, func(key []byte, ts uint64, vs y.ValueStruct) {
			v := latest[string(key)]
			if v.fromWAL || v.deleted || v.ts != ts {
				return
			}
			if val, ok := resolve(key, v, vs.Value); ok {
				set(key, val)
			}
		})
	}
	for k, v := range latest {
		if v.fromWAL && !v.deleted {
			if val, ok := resolve([]byte(k), v, v.value); ok {
				set([]byte(k), val)
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
//
// A fault on the mapped file (a hole the filesystem cannot back, on a full
// disk) panics in this goroutine instead of killing the process, and becomes
// an error too: errFault, which does not count as corruption.
func scanTable(path string, topts table.Options, fn func(key []byte, ts uint64, vs y.ValueStruct)) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r, "reading table "+filepath.Base(path))
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
