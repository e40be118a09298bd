package journal

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// journalMarker is the Badger key holding the sequence of the newest journal
// segment whose writes are all in Badger. It is written after them, so a
// segment at or below it is never replayed again.
var journalMarker = []byte{markerNamespace, 'j', 'o', 'u', 'r', 'n', 'a', 'l'}

// flushEvery is how often a journal segment that is not full yet is flushed
// to Badger anyway, so that the journal holds little after a quiet period.
const flushEvery = time.Second

// flushFault lets tests make flushes fail.
var flushFault = func() error { return nil }

// journalSegments is how many segment files the journal keeps: the active
// one and the one being flushed, used in turn.
const journalSegments = 2

// journal is the runtime state of the write-ahead journal: the active
// generation (overlay and segment) batches write to, the generation being
// flushed to Badger, and the free segment files.
//
// Lock order: store.gate, then flushMu, then mu.
type journal struct {
	s    *Store
	dir  string
	size int // of each segment

	// flushMu is held by whoever writes a generation to Badger, and by every
	// path that must see Badger complete (direct batches, Walk, reclaim, close).
	flushMu sync.Mutex

	mu       sync.Mutex
	room     *sync.Cond // signalled when a segment was rotated or a flush ended
	active   *overlay
	seg      *segment
	flushing *overlay // nil when no flush runs
	flushSeg *segment
	pool     []*segment
	nextSeq  uint64
	files    int   // segment files ever created, for their names
	mapped   bool  // segments are written through memory maps
	flushErr error // result of the last flush
	scratch  []byte

	kick chan struct{}
	stop chan struct{}
	done sync.WaitGroup
}

// start runs the flusher and, with durability: interval, the syncer.
func (j *journal) start() {
	j.kick = make(chan struct{}, 1)
	j.stop = make(chan struct{})
	j.done.Add(1)
	go j.flushLoop()
	if j.s.cfg.Durability == badgerdb.DurabilityInterval {
		j.done.Add(1)
		go j.syncLoop(j.s.cfg.SyncInterval)
	}
}

// stopLoops stops the flusher and syncer; they are not restarted.
func (j *journal) stopLoops() {
	if j.stop == nil {
		return
	}
	close(j.stop)
	j.done.Wait()
	j.stop = nil
}

// kickFlush asks the flusher to flush now.
func (j *journal) kickFlush() {
	select {
	case j.kick <- struct{}{}:
	default:
	}
}

func (j *journal) flushLoop() {
	j.every(flushEvery, j.kick, func() error {
		j.flushMu.Lock()
		defer j.flushMu.Unlock()
		return j.flushOnce(false)
	}, "Badger storage journal flush failed; batches wait for room and will fail if the journal is full; retrying",
		"Badger storage journal flush works again")
}

// syncLoop makes the journal durable every interval (durability: interval).
func (j *journal) syncLoop(interval time.Duration) {
	j.every(interval, nil, j.sync, "Badger storage journal sync failed", "Badger storage journal sync works again")
}

// every runs fn every period, and whenever kick receives, until the journal
// stops. A failure is logged once with failMsg, the recovery once with okMsg.
func (j *journal) every(period time.Duration, kick <-chan struct{}, fn func() error, failMsg, okMsg string) {
	defer j.done.Done()
	tick := time.NewTicker(period)
	defer tick.Stop()
	var failing bool
	for {
		select {
		case <-j.stop:
			return
		case <-kick:
		case <-tick.C:
		}
		err := fn()
		switch {
		case err != nil && !failing:
			j.s.logger.Warn(failMsg, zap.Error(err))
		case err == nil && failing:
			j.s.logger.Info(okMsg)
		}
		failing = err != nil
	}
}

// sync writes the segments that hold records not yet in Badger to stable
// storage, the older one first, so that a newer segment is never durable
// while an older one is not. A segment without writes since a sync started
// is skipped, which is only correct because syncs never overlap: one caller
// per policy (the interval loop, or the group commit of always, which runs
// one round at a time).
func (j *journal) sync() error {
	j.mu.Lock()
	var segs []*segment
	for _, g := range []*segment{j.flushSeg, j.seg} {
		if g != nil && g.dirty {
			g.dirty = false
			g.capture()
			segs = append(segs, g)
		}
	}
	j.mu.Unlock()
	for i, g := range segs {
		if err := g.sync(); err != nil {
			j.mu.Lock()
			for _, g := range segs[i:] {
				g.dirty = true // still to be synced
				g.uncapture()
			}
			j.mu.Unlock()
			return fmt.Errorf("syncing journal segment %s: %w", g.path, err)
		}
	}
	return nil
}

// flushOnce writes one generation to Badger: the one a failed flush left, or
// else the active one, which is first swapped for a fresh segment (so batches
// go on while it is written). flushMu must be held; with locked, mu too, and
// it stays held throughout.
func (j *journal) flushOnce(locked bool) error {
	if !locked {
		j.mu.Lock()
		defer j.mu.Unlock()
	}
	if j.flushing == nil {
		if j.seg.empty() {
			return nil
		}
		if err := j.rotate(); err != nil {
			j.flushErr = err
			j.room.Broadcast()
			return err
		}
		j.room.Broadcast()
	}
	gen, seg := j.flushing, j.flushSeg
	if !locked {
		j.mu.Unlock()
	}
	err := flushFault()
	if err == nil {
		err = j.s.writeGeneration(gen, seg.seq, j.s.cfg.Durability != badgerdb.DurabilityNever)
	}
	if !locked {
		j.mu.Lock()
	}
	if err == nil {
		j.flushing, j.flushSeg = nil, nil
		err = j.retire(seg)
	}
	j.flushErr = err
	j.room.Broadcast()
	return err
}

// drained locks the journal (flushMu, then mu) and writes everything it holds
// to Badger, so that the caller sees Badger complete until it calls unlock,
// which it must do whatever the error.
func (j *journal) drained() (unlock func(), err error) {
	j.flushMu.Lock()
	j.mu.Lock()
	unlock = func() {
		j.mu.Unlock()
		j.flushMu.Unlock()
	}
	if err := j.drainLocked(); err != nil {
		return unlock, fmt.Errorf("badger_storage: flushing the journal: %w", err)
	}
	return unlock, nil
}

// drainLocked writes everything the journal holds to Badger. flushMu and mu
// are held.
func (j *journal) drainLocked() error {
	for j.flushing != nil || !j.seg.empty() {
		if err := j.flushOnce(true); err != nil {
			return err
		}
	}
	return nil
}

// rotate seals the active segment and makes it the flushing generation; a
// free segment becomes the active one. mu is held.
func (j *journal) rotate() error {
	next, err := j.take()
	if err != nil {
		return err
	}
	if j.scratch, err = j.seg.seal(j.scratch); err != nil {
		j.pool = append(j.pool, next)
		return fmt.Errorf("sealing journal segment %s: %w", j.seg.path, err)
	}
	if err := next.stamp(j.nextSeq); err != nil {
		j.pool = append(j.pool, next)
		return fmt.Errorf("starting journal segment %s: %w", next.path, err)
	}
	j.nextSeq++
	j.flushing, j.flushSeg = j.active, j.seg
	j.active, j.seg = newOverlay(), next
	return nil
}

// take returns a free segment, creating one when none is free.
func (j *journal) take() (*segment, error) {
	if n := len(j.pool); n > 0 {
		g := j.pool[n-1]
		j.pool = j.pool[:n-1]
		return g, nil
	}
	j.files++
	return createSegment(filepath.Join(j.dir, fmt.Sprintf("segment-%d%s", j.files, segmentExt)), j.size, j.mapped)
}

// retire frees a segment whose writes are in Badger. Its header is cleared
// (the marker in Badger already rules it out; this is only belt and braces).
func (j *journal) retire(g *segment) error {
	err := g.stamp(0)
	if len(j.pool)+2 > journalSegments || err != nil {
		return errors.Join(err, g.close(), os.Remove(g.path))
	}
	j.pool = append(j.pool, g)
	return nil
}

// closeFiles closes every segment file. flushMu and mu are held.
func (j *journal) closeFiles() error {
	var errs []error
	for _, g := range append(j.pool, j.seg, j.flushSeg) {
		if g != nil {
			errs = append(errs, g.close())
		}
	}
	j.pool, j.seg, j.flushSeg = nil, nil, nil
	return errors.Join(errs...)
}

// writeGeneration writes a generation's writes to Badger, then the marker
// naming seq, and with durable syncs Badger, all before the generation's
// segment may be reused.
func (s *Store) writeGeneration(gen *overlay, seq uint64, durable bool) error {
	if gen != nil && !gen.empty() {
		wb := s.db.NewWriteBatch()
		for k, e := range gen.m {
			var err error
			if e.del {
				err = wb.Delete([]byte(k))
			} else {
				err = wb.Set([]byte(k), e.value)
			}
			if err != nil {
				wb.Cancel()
				return fmt.Errorf("writing journal generation %d to badger: %w", seq, err)
			}
		}
		if err := wb.Flush(); err != nil {
			return fmt.Errorf("writing journal generation %d to badger: %w", seq, err)
		}
	}
	// The marker goes in its own, later commit: a WriteBatch is not atomic.
	var v [8]byte
	binary.BigEndian.PutUint64(v[:], seq)
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(journalMarker, v[:]) }); err != nil {
		return fmt.Errorf("writing journal marker %d to badger: %w", seq, err)
	}
	if !durable {
		return nil
	}
	if err := badgerdb.Sync(s.db, s.cfg.Directory); err != nil {
		return fmt.Errorf("syncing badger after journal generation %d: %w", seq, err)
	}
	return nil
}

// readMarker returns the journal sequence recorded in Badger, 0 when none.
func (s *Store) readMarker() (uint64, error) {
	var seq uint64
	err := s.db.View(func(txn *badger.Txn) error {
		v, err := get(txn, journalMarker)
		if err != nil || v == nil {
			return err
		}
		if len(v) != 8 {
			// Replaying every segment is safe: freed ones have no valid header.
			s.logger.Warn("Badger storage journal marker is malformed; replaying every journal segment", zap.Int("bytes", len(v)))
			return nil
		}
		seq = binary.BigEndian.Uint64(v)
		return nil
	})
	return seq, err
}
