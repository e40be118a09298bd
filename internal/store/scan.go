package store

import (
	"cmp"
	"math"
	"slices"
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
//
// Records are kept in blocks keyed by their first record (block.go), each
// spanning at most blockSpan: a block keyed before (ts, seq) may hold later
// records, so the scan starts at the blocks from ts − blockSpan, and blocks
// may overlap in time (two batches of the same seconds), so it merges: a
// decoded record waits until the next block's key sorts after it, since no
// later block can then hold an earlier record.
func (r *reader) scanRecords(sig Signal, bucket int64, name string, ts, seq, end uint64, visit visitFunc) (bool, error) {
	prefix := recordPrefix(sig, bucket, name)
	it := r.iter(sig, false)
	from := ts - min(ts, blockSpan)
	var pend pending
	for it.Seek(putU64(putU64(append([]byte(nil), prefix...), from), 0)); ; it.Next() {
		valid := it.ValidForPrefix(prefix)
		var bk ref
		var block bool
		if valid {
			var err error
			if _, bk, block, err = decodeRecordKey(it.Item().Key()); err != nil {
				continue
			}
		}
		last := !valid || bk.ts > end
		for pend.len() > 0 && (last || recLess(pend.peek(), bk)) {
			rec := pend.pop()
			if more, err := visit(ref{bucket: bucket, ts: rec.ts, seq: rec.seq, name: name}, rec.value); err != nil || !more {
				return false, err
			}
		}
		if last {
			return true, nil
		}
		if err := pend.addItem(r.s, sig, it.Item(), bk, block, ts, seq, end); err != nil {
			return false, err
		}
	}
}

// recLess reports whether rec sorts before the record r.
func recLess(rec *blockRec, r ref) bool {
	return rec.ts < r.ts || (rec.ts == r.ts && rec.seq < r.seq)
}

// pending holds decoded records not yet visited, in (ts, seq) order: a
// min-heap of runs (the sorted records of one block each), ordered by their
// next record. Blocks of writes that overlap in time leave many records
// pending (tens of thousands in a bucket written by back-to-back batches):
// appending each block and sorting again made a query over such a bucket
// quadratic (8.5 s for 186k records), a linear merge per block still cost
// 0.8 s; a heap costs O(log blocks) per record.
type pending struct {
	runs []pendRun
	n    int
	tmp  []blockRec
}

type pendRun struct {
	recs []blockRec
	i    int
}

func recCmp(a, b blockRec) int { return cmp.Or(cmp.Compare(a.ts, b.ts), cmp.Compare(a.seq, b.seq)) }

func (p *pending) len() int        { return p.n }
func (p *pending) peek() *blockRec { r := &p.runs[0]; return &r.recs[r.i] }

// pop removes and returns the first pending record; it stays valid until
// the next add.
func (p *pending) pop() *blockRec {
	r := &p.runs[0]
	rec := &r.recs[r.i]
	r.i++
	p.n--
	if r.i == len(r.recs) {
		last := len(p.runs) - 1
		p.runs[0] = p.runs[last]
		p.runs = p.runs[:last]
	}
	p.down(0)
	return rec
}

func (p *pending) less(i, j int) bool {
	a, b := &p.runs[i], &p.runs[j]
	return recCmp(a.recs[a.i], b.recs[b.i]) < 0
}

func (p *pending) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(p.runs) {
			return
		}
		m := l
		if r := l + 1; r < len(p.runs) && p.less(r, l) {
			m = r
		}
		if !p.less(m, i) {
			return
		}
		p.runs[i], p.runs[m] = p.runs[m], p.runs[i]
		i = m
	}
}

// add adds sorted records (copied: recs is the caller's decode buffer).
func (p *pending) add(recs []blockRec) {
	if len(recs) == 0 {
		return
	}
	p.runs = append(p.runs, pendRun{recs: slices.Clone(recs)})
	p.n += len(recs)
	for i := len(p.runs) - 1; i > 0; {
		parent := (i - 1) / 2
		if !p.less(i, parent) {
			break
		}
		p.runs[i], p.runs[parent] = p.runs[parent], p.runs[i]
		i = parent
	}
}

// addItem decodes the block (or per-record entry) item, keyed bk, and adds
// its records from (ts, seq) up to end. A block whose span ends before ts
// is not read further; a damaged block adds what decoded before the damage.
func (p *pending) addItem(s *Store, sig Signal, item *badger.Item, bk ref, block bool, ts, seq, end uint64) error {
	if !block {
		if bk.ts < ts || (bk.ts == ts && bk.seq < seq) {
			return nil
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		p.add(append(p.tmp[:0], blockRec{ts: bk.ts, seq: bk.seq, value: v}))
		return nil
	}
	var v []byte
	err := item.Value(func(val []byte) error {
		_, span, _, err := blockSpanOf(val)
		if err != nil || bk.ts+span < ts {
			return nil // damaged, or all its records before the scan's start
		}
		v, _, err = s.blockValue(sig, bk.bucket, val, true)
		return err
	})
	if err != nil || v == nil {
		return err
	}
	recs, _ := appendBlockRecs(p.tmp[:0], bk.ts, bk.seq, v)
	p.tmp = recs
	n := 0
	for _, rec := range recs {
		if rec.ts > end {
			break
		}
		if rec.ts > ts || (rec.ts == ts && rec.seq >= seq) {
			recs[n] = rec
			n++
		}
	}
	p.add(recs[:n])
	return nil
}

// scanTrace visits the records of one bucket that carry traceID, through the
// trace id index, from (ts, seq) up to end, in time order. The index entries
// of the trace in the bucket (one per batch that wrote it) are read whole and
// their records sorted, since entries of different batches may interleave in
// time; each block they point into is read once.
func (r *reader) scanTrace(sig Signal, bucket int64, traceID [16]byte, ts, seq, end uint64, visit visitFunc) (bool, error) {
	prefix := traceIndexPrefix(sig, bucket, traceID)
	it := r.iter(sig, false)
	var refs []traceRef
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
	blocks := map[ref][]blockRec{}
	for _, rf := range refs {
		if rf.ts < ts || (rf.ts == ts && rf.seq < seq) {
			continue
		}
		if rf.ts > end {
			return true, nil
		}
		recs, ok := blocks[rf.blk]
		if !ok {
			var err error
			if recs, err = r.block(sig, rf.blk, rf.block); err != nil {
				return false, err
			}
			blocks[rf.blk] = recs
		}
		i, found := slices.BinarySearchFunc(recs, rf.ref, func(rec blockRec, t ref) int {
			return cmp.Or(cmp.Compare(rec.ts, t.ts), cmp.Compare(rec.seq, t.seq))
		})
		if !found {
			continue // the batch that wrote the index did not finish, or a damaged block
		}
		if more, err := visit(rf.ref, recs[i].value); err != nil || !more {
			return false, err
		}
	}
	return true, nil
}

// block reads the records of the block whose first record is blk, or of the
// per-record entry blk (block false); nil when it is missing.
func (r *reader) block(sig Signal, blk ref, block bool) ([]blockRec, error) {
	k := recordKey(sig, blk)
	if block {
		k = blockKey(sig, blk)
	}
	item, err := r.txn.Get(k)
	if err == badger.ErrKeyNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return nil, err
	}
	if !block {
		return []blockRec{{ts: blk.ts, seq: blk.seq, value: v}}, nil
	}
	if v, _, err = r.s.blockValue(sig, blk.bucket, v, false); err != nil || v == nil {
		return nil, err
	}
	recs, _ := appendBlockRecs(nil, blk.ts, blk.seq, v) // a damaged block keeps what decoded
	return recs, nil
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
