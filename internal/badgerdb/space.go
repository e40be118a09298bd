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
}

// NewDefaultFloor returns the floor that lets what Badger writes on its own
// fit, for a database opened with o.
func NewDefaultFloor(o badger.Options) Floor {
	return Floor{Base: DefaultFloor(o), TablesUpTo: int64(o.LevelSizeMultiplier) * o.BaseLevelSize}
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
	low     atomic.Bool
	refused atomic.Int64
	failing bool // the last reading failed
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
	g := &SpaceGuard{dir: dir, cfg: floor, logger: logger, freeOf: freeOf, reread: max(floor.Base/8, 1<<20)}
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
func (g *SpaceGuard) Wrote(n int64) { g.written.Add(n) }

// Refresh reads the free space, logs a change of state once, and reports
// whether writes are refused.
func (g *SpaceGuard) Refresh() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	free, err := g.freeOf(g.dir)
	if err != nil {
		// Without a reading the guard cannot judge: it lets writes pass
		// rather than stop a healthy store on a statfs quirk.
		if !g.failing {
			g.logger.Warn("Cannot read the free disk space; the free-space floor is not enforced until it can", zap.String("directory", g.dir), zap.Error(err))
		}
		g.failing = true
		free = math.MaxInt64
	} else {
		g.failing = false
	}
	floor := g.cfg.Base
	if g.cfg.TablesUpTo > 0 {
		floor += min(tableBytes(g.dir), g.cfg.TablesUpTo)
	}
	g.floor.Store(floor)
	g.free.Store(free)
	g.written.Store(0)
	was := g.low.Load()
	// Hysteresis, so that a disk hovering at the floor (a compaction frees
	// a table, the next batch takes it) does not flap.
	low := free < floor || (was && free < floor+max(floor/4, 1<<20))
	g.low.Store(low)
	switch {
	case low && !was:
		g.logger.Warn("Free disk space is below the floor; refusing writes until space returns",
			zap.String("directory", g.dir), zap.Int64("free_mib", free>>20), zap.Int64("min_free_mib", floor>>20))
	case !low && was:
		g.logger.Info("Free disk space is back above the floor; accepting writes again",
			zap.String("directory", g.dir), zap.Int64("free_mib", free>>20), zap.Int64("min_free_mib", floor>>20),
			zap.Int64("writes_refused", g.refused.Load()))
	}
	return low
}

// tableBytes is the disk space of the sorted tables directly in dir.
func tableBytes(dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var n int64
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".sst" {
			continue
		}
		if fi, err := e.Info(); err == nil {
			n += Allocated(fi)
		}
	}
	return n
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
