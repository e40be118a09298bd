package journal

import (
	"errors"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// measureInterval is how often the directory size is read for max_size_mib.
// Between two readings, bytes written are added to the last reading.
const measureInterval = time.Second

// dirUsage measures the directory; a failed measurement (the directory
// gone) reads as empty, and the next one corrects it.
func dirUsage(dir string) badgerdb.Usage {
	u, _ := badgerdb.DirUsage(dir)
	return u
}

// measure reads the directory size and resets the bytes-since counter.
func (s *Store) measure() badgerdb.Usage {
	s.pending.Store(0)
	u := dirUsage(s.cfg.Directory)
	s.diskBytes.Store(u.Total)
	return u
}

// maintain measures the directory and the free space, and reclaims space,
// until close.
func (s *Store) maintain() {
	defer s.done.Done()
	badgerdb.Maintain(s.stop,
		badgerdb.Task{Every: measureInterval, Run: func() {
			s.measure()
			s.space.Refresh()
		}},
		badgerdb.Task{Every: s.cfg.ReclaimInterval, Kick: s.reclaimNow, Run: s.maybeReclaim},
	)
}

// live returns the live bytes. Badger reports the size of a value kept in
// the value log with an estimated header length, so the counter can drift by
// a few bytes per entry; it is recounted after every reclaim.
func (s *Store) live() int64 { return max(s.liveBytes.Load(), 0) }

// garbage is how many stored bytes are not live data.
func (s *Store) garbage(u badgerdb.Usage) int64 { return u.Stored - s.live() }

// maybeReclaim runs a reclaim when deleted data is both large (at least
// min_garbage_mib) and the larger part of what is stored. The second rule
// keeps a long outage's growing backlog from being rewritten again and again.
func (s *Store) maybeReclaim() {
	u := s.measure()
	g := s.garbage(u)
	if g < s.cfg.MinGarbageBytes || g < s.live() {
		return
	}
	// A reclaim rewrites every table before it deletes the old ones: it
	// must fit above the free-space floor, or it would fill the disk itself.
	if s.space.Refresh() || s.space.Free()-s.space.Floor() < u.Stored {
		return
	}
	s.reclaim(u)
}

// reclaim gives back the space of deleted entries. A queue deletes keys in
// the order it wrote them, so its delete markers settle in levels that
// Badger's size-driven compaction never merges with the data they shadow
// (badger issue #2329). The cure is explicit: flush the memtables (dropping a
// marker key is the public way to force that), compact all levels into one,
// which drops shadowed data and the markers with it, and collect value logs.
// Writes wait while the tables are rewritten.
func (s *Store) reclaim(before badgerdb.Usage) {
	start := time.Now()
	err := s.flushAndFlatten()
	for err == nil {
		if gcErr := s.db.RunValueLogGC(0.5); gcErr != nil {
			break // badger.ErrNoRewrite: nothing left worth rewriting
		}
	}
	after := s.measure()
	freed := before.Total - after.Total
	s.obs.Reclaimed(freed)
	fields := []zap.Field{
		zap.Int64("disk_bytes_before", before.Total), zap.Int64("disk_bytes_after", after.Total),
		zap.Int64("live_bytes", s.live()), zap.Duration("duration", time.Since(start)),
	}
	if errors.Is(err, errClosed) {
		return // shutting down
	}
	if err != nil {
		s.logger.Warn("Badger storage space reclaim failed; will retry at the next check", append(fields, zap.Error(err))...)
		return
	}
	s.logger.Info("Badger storage reclaimed space of deleted entries", fields...)
}

func (s *Store) flushAndFlatten() error {
	s.gate.Lock()
	defer s.gate.Unlock()
	if s.closed {
		return errClosed
	}
	// Batches are out (gate); the flusher is kept out by flushMu, and the
	// recount below needs everything in Badger.
	s.j.flushMu.Lock()
	defer s.j.flushMu.Unlock()
	s.j.mu.Lock()
	err := s.j.drainLocked()
	s.j.mu.Unlock()
	if err != nil {
		return err
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(reclaimMarker, nil) }); err != nil {
		return err
	}
	if err := s.db.DropPrefix(reclaimMarker); err != nil {
		return err
	}
	if err := s.db.Flatten(2); err != nil && !strings.Contains(err.Error(), "No tables") {
		return err
	}
	return s.countLive()
}
