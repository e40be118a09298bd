package store

import (
	"math"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// pageOutInterval is how often mapped tables are paged out.
const pageOutInterval = 250 * time.Millisecond

// maintain runs retention and the disk budget every check interval, and
// reads the free space and pages out mapped tables every pageOutInterval.
func (s *Store) maintain() {
	defer s.wg.Done()
	badgerdb.Maintain(s.stop,
		badgerdb.Task{Every: s.opts.CheckInterval, Run: func() {
			if err := s.Enforce(); err != nil {
				s.logger.Warn("local store maintenance failed", zap.String("directory", s.opts.Dir), zap.Error(err))
			}
		}},
		// Compactions write and read tables through their mappings at
		// hundreds of MB/s: release them often. The free space is read as
		// often, so that a disk another process fills stops writes soon.
		badgerdb.Task{Every: min(pageOutInterval, s.opts.CheckInterval), Run: func() {
			s.space.Refresh()
			s.releasePages()
		}},
	)
}

// Enforce saves the resource counts, drops the buckets past their retention
// and then, while the directory is over max_size, the oldest buckets of any
// signal. The retention loop calls it; tests call it to step time.
func (s *Store) Enforce() error {
	s.maintMu.Lock()
	defer s.maintMu.Unlock()
	if err := s.flushStatsLocked(); err != nil {
		return err
	}
	now := s.opts.Now().UnixNano()
	for _, sig := range Signals {
		var expired []int64
		cutoff := now - int64(s.opts.MaxAge[sig])
		for _, b := range s.bucketsIn(sig, 0, math.MaxUint64) {
			if b+s.width[sig] <= cutoff {
				expired = append(expired, b)
			}
		}
		if err := s.dropBuckets(sig, expired...); err != nil {
			return err
		}
	}
	for {
		size, err := badgerdb.DirSize(s.opts.Dir)
		if err != nil {
			return err
		}
		s.diskUsage.Store(size)
		if s.opts.MaxSize <= 0 || size <= s.opts.MaxSize {
			return nil
		}
		sig, b, ok := s.oldestBucket()
		if !ok {
			return nil
		}
		s.logger.Info("local store over max_size, dropping oldest bucket",
			zap.String("directory", s.opts.Dir), zap.Int64("size", size), zap.Int64("max_size", s.opts.MaxSize),
			zap.Stringer("signal", sig), zap.Time("bucket", time.Unix(0, b)))
		if err := s.dropBuckets(sig, b); err != nil {
			return err
		}
		s.counters.BudgetDrops.Add(1)
	}
}

// releasePages unmaps the resident pages of the mapped tables from the
// process (they stay in the page cache), unless disabled or unsupported.
func (s *Store) releasePages() {
	if !s.opts.ReleaseMappedPages || s.pagesUnsupported.Load() {
		return
	}
	// An iterator holds a reference to every table that exists when it is
	// made, so those tables stay mapped until it closes. Table ids are never
	// reused: a table listed both before and after making it is one of them.
	before := s.db.Tables()
	txn := s.db.NewTransaction(false)
	defer txn.Discard()
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	keep := map[uint64]bool{}
	for _, t := range before {
		keep[t.ID] = false
	}
	for _, t := range s.db.Tables() {
		if _, ok := keep[t.ID]; ok {
			keep[t.ID] = true
		}
	}
	if _, err := releaseMappedTables(s.absDir, keep); err != nil {
		s.pagesUnsupported.Store(true)
		s.logger.Info("cannot release the store's mapped tables; RSS will include them", zap.Error(err))
	}
}

// SpaceGuard returns the store's free-space guard, for its refusal count
// and state.
func (s *Store) SpaceGuard() *badgerdb.SpaceGuard { return s.space }

// DiskUsage returns the directory's size in bytes as last measured by the
// retention check.
func (s *Store) DiskUsage() int64 { return s.diskUsage.Load() }

// oldestBucket returns the bucket, of any signal, that starts first.
func (s *Store) oldestBucket() (Signal, int64, bool) {
	var (
		best   int64
		bestOK bool
		bestS  Signal
	)
	for _, sig := range Signals {
		bs := s.bucketsIn(sig, 0, math.MaxUint64)
		if len(bs) > 0 && (!bestOK || bs[0] < best) {
			best, bestS, bestOK = bs[0], sig, true
		}
	}
	return bestS, best, bestOK
}

// dropBuckets removes whole buckets with DropPrefix, which rewrites or deletes
// the tables holding their keys, and deletes their segment files, which
// hold their blocks: both return their disk space.
func (s *Store) dropBuckets(sig Signal, buckets ...int64) error {
	if len(buckets) == 0 {
		return nil
	}
	prefixes := make([][]byte, len(buckets))
	for i, b := range buckets {
		prefixes[i] = bucketPrefix(sig, b)
	}
	s.dropMu.Lock()
	err := s.db.DropPrefix(prefixes...)
	s.forgetBuckets(sig, buckets)
	if err == nil {
		// After the keys: a crash between the two leaves segments that the
		// next open deletes (dropOrphans), never keys without their blocks.
		ids := make([]segID, len(buckets))
		for i, b := range buckets {
			ids[i] = segID{sig, b}
		}
		err = s.segs.drop(ids...)
	}
	s.dropMu.Unlock()
	if err != nil {
		return err
	}
	s.mu.Lock()
	for _, b := range buckets {
		delete(s.buckets[sig], b)
	}
	for k := range s.stats {
		if k.sig == sig {
			for _, b := range buckets {
				if k.bucket == b {
					delete(s.stats, k)
					delete(s.dirty, k)
				}
			}
		}
	}
	s.mu.Unlock()
	s.counters.BucketsDropped.Add(int64(len(buckets)))
	return nil
}
