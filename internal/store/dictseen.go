package store

import "sync"

// dictSeen remembers which dictionary entries (and their service index keys)
// are already stored in each bucket, so that a batch writes them only the
// first time. Rewriting them with every batch would give every flushed table
// a key range that starts at the bucket's dictionary and so spans all of the
// bucket's records: each compaction would then rewrite the whole bucket.
type dictSeen struct {
	mu   sync.Mutex
	seen map[Signal]map[bucketDict]struct{}
}

// written reports whether the dictionary entry is known to be stored.
func (s *Store) written(sig Signal, bucket int64, dict uint64) bool {
	s.dictSeen.mu.Lock()
	_, ok := s.dictSeen.seen[sig][bucketDict{bucket, dict}]
	s.dictSeen.mu.Unlock()
	return ok
}

// markWritten records the dictionary entries of a committed batch.
func (s *Store) markWritten(sig Signal, dicts map[bucketDict]struct{}) {
	if len(dicts) == 0 {
		return
	}
	s.dictSeen.mu.Lock()
	m := s.dictSeen.seen[sig]
	if m == nil {
		m = map[bucketDict]struct{}{}
		if s.dictSeen.seen == nil {
			s.dictSeen.seen = map[Signal]map[bucketDict]struct{}{}
		}
		s.dictSeen.seen[sig] = m
	}
	for k := range dicts {
		m[k] = struct{}{}
	}
	s.dictSeen.mu.Unlock()
}

// forgetBuckets forgets the dictionary entries of dropped buckets. It runs
// while writes wait for the drop, so no batch skips an entry that is gone.
func (s *Store) forgetBuckets(sig Signal, buckets []int64) {
	s.dictSeen.mu.Lock()
	for k := range s.dictSeen.seen[sig] {
		for _, b := range buckets {
			if k.bucket == b {
				delete(s.dictSeen.seen[sig], k)
			}
		}
	}
	s.dictSeen.mu.Unlock()
}
