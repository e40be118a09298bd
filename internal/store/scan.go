package store

import (
	"math"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// visitFunc receives a record and its value (valid only during the call). It
// returns false to stop the scan.
type visitFunc func(r ref, value []byte) (bool, error)

// reader is one read transaction with one iterator per signal.
type reader struct {
	s   *Store
	txn *badger.Txn
	its map[Signal]*badger.Iterator
}

func (s *Store) newReader() (*reader, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	return &reader{s: s, txn: s.db.NewTransaction(false), its: map[Signal]*badger.Iterator{}}, nil
}

func (r *reader) close() {
	for _, it := range r.its {
		it.Close()
	}
	r.txn.Discard()
}

func (r *reader) iter(sig Signal, values bool) *badger.Iterator {
	if it, ok := r.its[sig]; ok {
		return it
	}
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = values
	opts.PrefetchSize = 16
	opts.Prefix = []byte{byte(sig)}
	it := r.txn.NewIterator(opts)
	r.its[sig] = it
	return it
}

// scanRecords visits the records of one bucket from (ts, seq) up to end, in
// time order. name selects a metric (metrics only).
func (r *reader) scanRecords(sig Signal, bucket int64, name string, ts, seq, end uint64, visit visitFunc) (bool, error) {
	prefix := recordPrefix(sig, bucket, name)
	it := r.iter(sig, false)
	for it.Seek(putU64(putU64(append([]byte(nil), prefix...), ts), seq)); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		_, rf, err := decodeRecordKey(item.Key())
		if err != nil {
			continue
		}
		if rf.ts > end {
			return true, nil
		}
		if more, err := visitValue(item, rf, visit); err != nil || !more {
			return false, err
		}
	}
	return true, nil
}

// scanTrace visits the records of one bucket that carry traceID, through the
// trace id index, from (ts, seq) up to end, in time order. The index entries
// of the trace in the bucket (one per batch that wrote it) are read whole and
// their records sorted, since entries of different batches may interleave in
// time.
func (r *reader) scanTrace(sig Signal, bucket int64, traceID [16]byte, ts, seq, end uint64, visit visitFunc) (bool, error) {
	prefix := traceIndexPrefix(sig, bucket, traceID)
	it := r.iter(sig, false)
	var refs []ref
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		first, _, err := decodeTraceIndexKey(item.Key())
		if err != nil {
			continue
		}
		if err := item.Value(func(v []byte) error {
			refs, _ = appendTraceRefs(refs, first, v) // a damaged entry keeps what decoded
			return nil
		}); err != nil {
			return false, err
		}
	}
	sortRefs(refs)
	for _, rf := range refs {
		if rf.ts < ts || (rf.ts == ts && rf.seq < seq) {
			continue
		}
		if rf.ts > end {
			return true, nil
		}
		item, err := r.txn.Get(recordKey(sig, rf))
		if err == badger.ErrKeyNotFound {
			continue // the batch that wrote the index did not finish
		}
		if err != nil {
			return false, err
		}
		if more, err := visitValue(item, rf, visit); err != nil || !more {
			return false, err
		}
	}
	return true, nil
}

// dictsOfService returns the dictionary ids of a service in a bucket.
func (r *reader) dictsOfService(sig Signal, bucket int64, service string) map[uint64]struct{} {
	prefix := servicePrefix(sig, bucket, service)
	out := map[uint64]struct{}{}
	it := r.iter(sig, false)
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		k := it.Item().Key()
		if len(k) == len(prefix)+8 {
			out[getU64(k[len(prefix):])] = struct{}{}
		}
	}
	return out
}

// dict returns the stored resource and scope pair of a record.
func (r *reader) dict(sig Signal, bucket int64, id uint64) ([]byte, error) {
	item, err := r.txn.Get(dictKey(sig, bucket, id))
	if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

// timeRange turns optional bounds into nanoseconds; zero times are open.
func timeRange(start, end time.Time) (uint64, uint64) {
	s, e := uint64(0), uint64(math.MaxUint64)
	if !start.IsZero() && start.UnixNano() > 0 {
		s = uint64(start.UnixNano())
	}
	if !end.IsZero() {
		if end.UnixNano() < 0 {
			e = 0
		} else {
			e = uint64(end.UnixNano())
		}
	}
	return s, e
}

// page collects results up to a limit and remembers where the next page
// starts.
type page struct {
	limit int
	count int
	last  Cursor
	next  *Cursor
}

// full reports whether another match would go on the next page; it then
// sets the next cursor.
func (p *page) full() bool {
	if p.count < p.limit {
		return false
	}
	c := p.last
	p.next = &c
	return true
}

func (p *page) took(r ref) {
	p.count++
	p.last = Cursor{TS: r.ts, Seq: r.seq}
}

// visitValue hands the value of item, filed under rf, to visit.
func visitValue(item *badger.Item, rf ref, visit visitFunc) (bool, error) {
	var more bool
	err := item.Value(func(v []byte) error {
		var err error
		more, err = visit(rf, v)
		return err
	})
	return more, err
}
