package store

import (
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"
)

// statKey names the counts of one resource in one bucket of one signal.
type statKey struct {
	sig    Signal
	bucket int64
	res    uint64
}

// resStat counts the records of a resource in a bucket. The counts live in
// memory and are saved by the retention loop and on Close, so a crash loses
// at most one check interval of counts, never records.
type resStat struct {
	count    int64
	lastSeen uint64
	resource []byte // the resource, as plog protobuf
}

func (r *resStat) encode() []byte {
	v := make([]byte, 16, 16+len(r.resource))
	binary.BigEndian.PutUint64(v, uint64(r.count))
	binary.BigEndian.PutUint64(v[8:], r.lastSeen)
	return append(v, r.resource...)
}

func decodeResStat(v []byte) (*resStat, error) {
	if len(v) < 16 {
		return nil, errBadKey
	}
	return &resStat{
		count:    int64(binary.BigEndian.Uint64(v)),
		lastSeen: binary.BigEndian.Uint64(v[8:]),
		resource: append([]byte(nil), v[16:]...),
	}, nil
}

// loadStats reads the saved counts of one bucket.
func (s *Store) loadStats(txn *badger.Txn, sig Signal, bucket int64) error {
	prefix := kindPrefix(sig, bucket, kindResStat)
	opts := badger.DefaultIteratorOptions
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		if len(k) != len(prefix)+8 {
			continue
		}
		err := it.Item().Value(func(v []byte) error {
			st, err := decodeResStat(v)
			if err != nil {
				return nil // a damaged count is not worth failing the start
			}
			s.stats[statKey{sig, bucket, binary.BigEndian.Uint64(k[len(prefix):])}] = st
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// addStats merges the counts of one written batch.
func (s *Store) addStats(delta map[statKey]*resStat) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, d := range delta {
		st := s.stats[k]
		if st == nil {
			st = &resStat{resource: d.resource}
			s.stats[k] = st
		}
		st.count += d.count
		st.lastSeen = max(st.lastSeen, d.lastSeen)
		s.dirty[k] = struct{}{}
	}
}

// flushStats saves the counts that changed since the last flush.
func (s *Store) flushStats() error {
	s.maintMu.Lock()
	defer s.maintMu.Unlock()
	return s.flushStatsLocked()
}

func (s *Store) flushStatsLocked() error {
	s.mu.Lock()
	keys := make([][]byte, 0, len(s.dirty))
	vals := make([][]byte, 0, len(s.dirty))
	for k := range s.dirty {
		if st := s.stats[k]; st != nil {
			keys = append(keys, resStatKey(k.sig, k.bucket, k.res))
			vals = append(vals, st.encode())
		}
	}
	clear(s.dirty)
	s.mu.Unlock()
	if len(keys) == 0 {
		return nil
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for i := range keys {
		if err := wb.Set(keys[i], vals[i]); err != nil {
			return err
		}
	}
	return wb.Flush()
}
