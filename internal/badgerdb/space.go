package badgerdb

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"
)

// ErrDiskFull is wrapped by the error a write gets while the filesystem's
// free space is below the floor. It is retryable: writes resume once space
// returns.
var ErrDiskFull = errors.New("free disk space is below the floor")

// Badger writes its memtable logs, value logs and tables through memory maps
// of files it extends sparsely, so a block the filesystem cannot supply
// arrives as SIGBUS in whichever goroutine touches it, not as an error. The
// only defence from outside Badger is to stop writing while enough space is
// left for what Badger still writes on its own: the flush of the memtables
// it holds and the compactions that follow.

// MinFree is what opening db needs free: a fresh memtable log for each
// memtable (twice a memtable, as Badger sizes them) and the flush of those
// replayed from the old logs.
func MinFree(o badger.Options) int64 {
	return 2 * o.MemTableSize * int64(o.NumMemtables+1)
}

// DefaultFloor is the fixed part of the default floor for the directory of
// o: MinFree plus room for level-0 compactions, which rewrite every level-0
// table (up to the stall count), NumCompactors at a time. Rounded up to
// whole MiB.
func DefaultFloor(o badger.Options) int64 {
	table := max(o.BaseTableSize, o.MemTableSize)
	n := MinFree(o) + int64(max(o.NumCompactors, 1))*int64(o.NumLevelZeroTablesStall)*table
	return (n + mib - 1) / mib * mib
}

// Floor is how much free space a SpaceGuard keeps.
type Floor struct {
	// Base is kept whatever the directory holds.
	Base int64
	// TablesUpTo adds the size of the directory's sorted tables, up to this
	// many bytes. Level-0 tables span the whole key space, so a compaction
	// into the base level rewrites all of it, and the base level holds all
	// data until it outgrows LevelSizeMultiplier × BaseLevelSize (measured
	// on a tmpfs: a store of 60 MiB took 32 MiB more in one compaction).
	TablesUpTo int64
	// Preallocate, when positive, is how far ahead of Badger's estimated
	// write position the newest memtable log is allocated for real
	// (fallocate, Linux): a memtable write then lands in a block that
	// exists even when another process takes the last free block between
	// two readings. Only a window is allocated, so that the directory's
	// size (max_size_mib) counts little that is not written.
	Preallocate int64
	// Reserve, when positive, is the size of a file the guard allocates in
	// the directory while space is plentiful and deletes as soon as writes
	// are refused: room for the flush of the memtables Badger holds, even
	// after another process took the last free block.
	Reserve int64
}

// NewDefaultFloor returns the floor that lets what Badger writes on its own
// fit, for a database opened with o.
func NewDefaultFloor(o badger.Options) Floor {
	return Floor{
		Base:        DefaultFloor(o),
		TablesUpTo:  int64(o.LevelSizeMultiplier) * o.BaseLevelSize,
		Preallocate: max(o.MemTableSize/2, mib),
		Reserve:     MinFree(o),
	}
}

// WithBudget returns the floor for a directory bounded to maxBytes (0: not
// bounded): the preallocated window counts in the directory's size, so it
// takes at most a sixteenth of the bound (but 64 KiB at least).
func (f Floor) WithBudget(maxBytes int64) Floor {
	if maxBytes > 0 && f.Preallocate > 0 {
		f.Preallocate = min(f.Preallocate, max(maxBytes/16, 64<<10))
	}
	return f
}

// WithMinFree returns the floor with a fixed base of n bytes instead of the
// default one and nothing added for tables; preallocation stays.
func (f Floor) WithMinFree(n int64) Floor {
	f.Base, f.TablesUpTo = n, 0
	return f
}

// SpaceGuard keeps a floor of free space on the filesystem of a directory.
// Writers call Check before a write and Wrote after it; the owner's
// maintenance loop calls Refresh. Check costs three atomic loads while the
// last reading, less what was written since, is above the floor.
type SpaceGuard struct {
	dir    string
	cfg    Floor
	reread int64 // bytes written after which the free space is read again
	logger *zap.Logger
	freeOf func(string) (int64, error)

	mu      sync.Mutex
	floor   atomic.Int64 // the floor at the last reading
	free    atomic.Int64 // free bytes at the last reading
	written atomic.Int64 // bytes written since the last reading
	total   atomic.Int64 // bytes written since the guard started
	head    headLog      // the newest memtable log, for Preallocate
	low     atomic.Bool
	refused atomic.Int64
	failing bool // the last reading failed
	// reserved is the size of the reserve file held; it counts as free.
	reserved int64
	lastLog  [2]time.Time // last logged change to writable, to refusing
}

// NewSpaceGuard returns a guard keeping floor free on the filesystem of dir,
// and reads the free space once.
func NewSpaceGuard(dir string, floor Floor, logger *zap.Logger) *SpaceGuard {
	return newSpaceGuard(dir, floor, logger, FreeBytes)
}

func newSpaceGuard(dir string, floor Floor, logger *zap.Logger, freeOf func(string) (int64, error)) *SpaceGuard {
	if logger == nil {
		logger = zap.NewNop()
	}
	reread := max(floor.Base/8, 1<<20)
	if floor.Preallocate > 0 {
		reread = min(reread, floor.Preallocate/2)
	}
	g := &SpaceGuard{dir: dir, cfg: floor, logger: logger, freeOf: freeOf, reread: reread}
	g.floor.Store(floor.Base)
	g.Refresh()
	return g
}

// Floor returns the floor in bytes at the last reading.
func (g *SpaceGuard) Floor() int64 { return g.floor.Load() }

// Free returns the free bytes at the last reading.
func (g *SpaceGuard) Free() int64 { return g.free.Load() }

// Low reports whether writes are being refused.
func (g *SpaceGuard) Low() bool { return g.low.Load() }

// Refused returns how many writes Check refused.
func (g *SpaceGuard) Refused() int64 { return g.refused.Load() }

// Below reports whether the free space is below the floor, reading it
// again when the last reading, less what was written since, is near it.
func (g *SpaceGuard) Below() bool {
	w := g.written.Load()
	if !g.low.Load() && w < g.reread && g.free.Load()-w >= g.floor.Load() {
		return false
	}
	return g.Refresh()
}

// Check returns nil when a write may go ahead, and an error wrapping
// ErrDiskFull, counted, while the free space is below the floor.
func (g *SpaceGuard) Check() error {
	if !g.Below() {
		return nil
	}
	return g.Refuse()
}

// Refuse counts a refused write and returns its error, wrapping ErrDiskFull.
func (g *SpaceGuard) Refuse() error {
	g.refused.Add(1)
	return fmt.Errorf("%w: %s has %d MiB free, the floor (min_free_mib) is %d MiB; writes resume when space returns",
		ErrDiskFull, g.dir, g.free.Load()>>20, g.floor.Load()>>20)
}

// Wrote accounts for n bytes written since the last reading.
func (g *SpaceGuard) Wrote(n int64) {
	g.written.Add(n)
	g.total.Add(n)
}

// Refresh reads the free space and the directory (tables for the floor,
// the newest memtable log to preallocate), logs a change of state, and
// reports whether writes are refused. Maintenance loops call it.
func (g *SpaceGuard) Refresh() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	tables, head := scanDir(g.dir)
	if g.cfg.Preallocate > 0 && head != "" {
		g.preallocate(head)
	}
	floor := g.cfg.Base
	if g.cfg.TablesUpTo > 0 {
		floor += min(tables, g.cfg.TablesUpTo)
	}
	g.floor.Store(floor)
	return g.readLocked()
}

// CheckNow is Check with a fresh reading of the free space (one statfs):
// for writers whose calls are large enough that the reading costs nothing
// next to them, so that a disk another process filled a moment ago is seen
// before the write makes Badger flush into it.
func (g *SpaceGuard) CheckNow() error {
	g.mu.Lock()
	low := g.readLocked()
	g.mu.Unlock()
	if !low {
		return nil
	}
	return g.Refuse()
}

// stateLogEvery is how often a change of state is logged at most; the
// changes between are logged at debug level. A disk at the floor flaps as
// compactions free tables and writes take the space again.
const stateLogEvery = time.Minute

// readLocked reads the free space against the current floor. The reserve
// file counts as free: it is space held for the store itself. Called with
// mu held.
func (g *SpaceGuard) readLocked() bool {
	free, err := g.freeOf(g.dir)
	if err != nil {
		// Without a reading the guard cannot judge: it lets writes pass
		// rather than stop a healthy store on a statfs quirk.
		if !g.failing {
			g.logger.Warn("Cannot read the free disk space; the free-space floor is not enforced until it can", zap.String("directory", g.dir), zap.Error(err))
		}
		g.failing = true
		free = math.MaxInt64 - g.reserved
	} else {
		g.failing = false
	}
	free += g.reserved
	floor := g.floor.Load()
	g.free.Store(free)
	g.written.Store(0)
	was := g.low.Load()
	// Hysteresis, so that a disk hovering at the floor does not flap.
	low := free < floor || (was && free < floor+max(floor/4, 1<<20))
	g.low.Store(low)
	if low {
		// Give the reserve to Badger's own flushes and compactions: what
		// is refused from now on will not need it.
		g.releaseReserve()
	} else if g.reserved == 0 && g.cfg.Reserve > 0 && free-g.cfg.Reserve >= floor+max(floor/4, 1<<20) {
		g.takeReserve()
	}
	if low == was {
		return low
	}
	now, i := time.Now(), 0
	if low {
		i = 1
	}
	level := zap.DebugLevel
	if now.Sub(g.lastLog[i]) >= stateLogEvery {
		level = zap.WarnLevel
		if !low {
			level = zap.InfoLevel
		}
		g.lastLog[i] = now
	}
	if low {
		g.logger.Log(level, "Free disk space is below the floor; refusing writes until space returns",
			zap.String("directory", g.dir), zap.Int64("free_mib", free>>20), zap.Int64("min_free_mib", floor>>20))
	} else {
		g.logger.Log(level, "Free disk space is back above the floor; accepting writes again",
			zap.String("directory", g.dir), zap.Int64("free_mib", free>>20), zap.Int64("min_free_mib", floor>>20),
			zap.Int64("writes_refused", g.refused.Load()))
	}
	return low
}

// ReserveFile names the file in which a SpaceGuard holds its reserve; it
// is not counted in the directory's size.
const ReserveFile = "otelcol-ems-reserve"

// takeReserve allocates the reserve file. Called with mu held.
func (g *SpaceGuard) takeReserve() {
	path := filepath.Join(g.dir, ReserveFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return
	}
	err = f.Truncate(g.cfg.Reserve)
	_ = f.Close()
	if err == nil {
		err = allocate(path, 0, g.cfg.Reserve)
	}
	if err != nil {
		_ = os.Remove(path)
		return
	}
	g.reserved = g.cfg.Reserve
}

// releaseReserve deletes the reserve file. Called with mu held.
func (g *SpaceGuard) releaseReserve() {
	if g.reserved == 0 {
		return
	}
	if err := os.Remove(filepath.Join(g.dir, ReserveFile)); err == nil || errors.Is(err, os.ErrNotExist) {
		g.reserved = 0
	}
}

// scanDir returns the disk space of the sorted tables directly in dir and
// the path of the newest memtable log (the one Badger writes).
func scanDir(dir string) (tables int64, head string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, ""
	}
	for _, e := range entries {
		switch filepath.Ext(e.Name()) {
		case ".sst":
			if fi, err := e.Info(); err == nil {
				tables += Allocated(fi)
			}
		case ".mem":
			head = e.Name() // ReadDir sorts by name; names are zero-padded ids
		}
	}
	if head != "" {
		head = filepath.Join(dir, head)
	}
	return tables, head
}

// headLog tracks the newest memtable log: where Badger's writes into it
// started and how far it is allocated.
type headLog struct {
	path  string
	base  int64 // allocated bytes when first seen: what Badger had written
	total int64 // the guard's total written then
	to    int64 // allocated up to here
}

// preallocate allocates the newest memtable log from Badger's estimated
// write position (what it held when first seen, plus what was written
// since, with a quarter for entry headers) to Preallocate bytes beyond.
// Called with mu held.
func (g *SpaceGuard) preallocate(path string) {
	fi, err := os.Stat(path)
	if err != nil {
		return
	}
	if g.head.path != path {
		g.head = headLog{path: path, base: Allocated(fi), total: g.total.Load()}
	}
	pos := g.head.base + (g.total.Load()-g.head.total)*5/4
	want := min(fi.Size(), pos+g.cfg.Preallocate)
	if want <= g.head.to {
		return
	}
	if err := allocate(path, g.head.to, want-g.head.to); err != nil {
		return // ENOSPC: the reading that follows refuses writes
	}
	g.head.to = want
}

// WaitForSpace returns once the filesystem of dir has need bytes free,
// checking every interval; it logs once while it waits. It returns the
// context's error when ctx ends first. Opening Badger on a full disk faults
// (see MinFree), so the stores wait here instead of crashing.
func WaitForSpace(ctx context.Context, dir string, need int64, interval time.Duration, logger *zap.Logger) error {
	return waitForSpace(ctx, dir, need, interval, logger, FreeBytes)
}

func waitForSpace(ctx context.Context, dir string, need int64, interval time.Duration, logger *zap.Logger, freeOf func(string) (int64, error)) error {
	if logger == nil {
		logger = zap.NewNop()
	}
	// The reserve a previous run held is this store's own space.
	_ = os.Remove(filepath.Join(dir, ReserveFile))
	var t *time.Ticker
	for logged := false; ; logged = true {
		free, err := freeOf(dir)
		if err != nil || free >= need {
			if logged {
				logger.Info("Free disk space returned; opening the database", zap.String("directory", dir), zap.Int64("free_mib", free>>20))
			}
			return nil // an unreadable free space is left to the open itself
		}
		if !logged {
			logger.Warn("Not enough free disk space to open the database safely; waiting for space",
				zap.String("directory", dir), zap.Int64("free_mib", free>>20), zap.Int64("needed_mib", (need+mib-1)>>20))
			t = time.NewTicker(interval)
			defer t.Stop()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %d MiB of free disk space for %s: %w", (need+mib-1)>>20, dir, ctx.Err())
		case <-t.C:
		}
	}
}
