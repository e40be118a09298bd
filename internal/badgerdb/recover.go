package badgerdb

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"
)

// Recovery describes what OpenOrRecover did to a database it could not open.
// The zero value means the database opened normally.
type Recovery struct {
	// Cause is the error that opening the original directory returned.
	Cause error
	// MovedTo is where the unreadable directory was moved; empty when nothing was moved.
	MovedTo string
	// Salvaged is how many live entries were copied from the moved directory.
	Salvaged int
	// Unreadable counts files and entries of the moved directory that could not be read.
	Unreadable int
}

// Recovered reports whether the original directory was moved aside.
func (r Recovery) Recovered() bool { return r.MovedTo != "" }

// OpenOrRecover opens the database described by opts. When the directory
// cannot be opened because its files are corrupt or half-written, it is
// renamed to "<dir>.corrupt-<UTC timestamp>", a fresh database is opened in
// its place, and every entry that can still be read from the old files (sorted
// tables and write-ahead logs) is copied into the new one. It logs one error
// naming both directories, so that a broken disk never turns into a crash loop.
//
// Errors that are not about the content of the directory — another process
// holding its lock, missing permissions — are returned unchanged and nothing
// is moved.
func OpenOrRecover(opts badger.Options, logger *zap.Logger) (*badger.DB, Recovery, error) {
	if logger == nil {
		logger = zap.NewNop()
	}
	db, err := (*badger.DB)(nil), checkTables(opts)
	if err == nil {
		db, err = safeOpen(opts)
		if err == nil {
			return db, Recovery{}, nil
		}
	}
	if !isCorruption(err) {
		return nil, Recovery{}, err
	}
	if optErr := checkOptions(opts); optErr != nil {
		return nil, Recovery{}, fmt.Errorf("badger refuses the options of %s (nothing was moved): %w", opts.Dir, err)
	}
	if opts.ValueDir != "" && opts.ValueDir != opts.Dir {
		return nil, Recovery{}, fmt.Errorf("badger database %s is unreadable and its value directory is separate; move both aside by hand: %w", opts.Dir, err)
	}

	rec := Recovery{Cause: err, MovedTo: fmt.Sprintf("%s.corrupt-%s", opts.Dir, time.Now().UTC().Format("20060102T150405.000Z"))}
	if mvErr := os.Rename(opts.Dir, rec.MovedTo); mvErr != nil {
		return nil, Recovery{}, fmt.Errorf("badger database %s is unreadable (%w) and could not be moved aside: %w", opts.Dir, err, mvErr)
	}
	logger.Error("Badger database could not be opened; moved it aside and starting a fresh one. Readable entries are copied over; inspect or delete the moved directory.",
		zap.String("directory", opts.Dir), zap.String("moved_to", rec.MovedTo), zap.Error(err))

	db, err = safeOpen(opts)
	if err != nil {
		return nil, rec, fmt.Errorf("opening a fresh badger database in %s after moving the corrupt one to %s: %w", opts.Dir, rec.MovedTo, err)
	}
	rec.Salvaged, rec.Unreadable = salvage(rec.MovedTo, db, opts, logger)
	logger.Warn("Badger database recovery finished",
		zap.String("directory", opts.Dir), zap.String("moved_to", rec.MovedTo),
		zap.Int("salvaged_entries", rec.Salvaged), zap.Int("unreadable", rec.Unreadable))
	return db, rec, nil
}

// safeOpen opens the database and turns a panic inside badger.Open (seen with
// some truncated files) into an error. A fault on mapped memory in this
// goroutine (a block the filesystem cannot supply) panics instead of killing
// the process, and is reported as errFault: the directory is not corrupt.
func safeOpen(opts badger.Options) (db *badger.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, panicError(r, "opening")
		}
	}()
	return badger.Open(opts)
}

var (
	errCorrupt = errors.New("corrupt database")
	// errFault is a fault reading a mapped file: a full disk or an I/O
	// error, which moving the directory would not cure.
	errFault = errors.New("fault reading a memory-mapped file (disk full or I/O error)")
)

// panicError turns a recovered panic into errFault or errCorrupt.
func panicError(r any, doing string) error {
	if re, ok := r.(runtime.Error); ok && strings.Contains(re.Error(), "fault") {
		return fmt.Errorf("%w: while %s: %v", errFault, doing, r)
	}
	return fmt.Errorf("%w: badger panicked while %s: %v", errCorrupt, doing, r)
}

// checkOptions opens an in-memory database with opts, to tell options Badger
// refuses whatever the directory holds (such as one compactor) from a
// directory it cannot read: moving a healthy store aside would not fix them.
func checkOptions(opts badger.Options) error {
	probe := opts.WithInMemory(true).WithDir("").WithValueDir("").WithLogger(nil).WithReadOnly(false)
	db, err := safeOpen(probe)
	if err != nil {
		return err
	}
	return db.Close()
}

// isCorruption tells errors about the directory's content from errors about
// its environment, which moving the directory would not fix.
func isCorruption(err error) bool {
	if errors.Is(err, errFault) {
		return false
	}
	if errors.Is(err, errCorrupt) {
		return true
	}
	if errors.Is(err, os.ErrPermission) {
		return false
	}
	msg := err.Error()
	for _, env := range []string{"Cannot acquire directory lock", "no space left on device", "read-only file system", "too many open files"} {
		if strings.Contains(msg, env) {
			return false
		}
	}
	return true
}
