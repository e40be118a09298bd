package store

import (
	"context"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"slices"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/klauspost/compress/s2"
	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// WriteResult says what happened to the records of one write.
type WriteResult struct {
	// Written is the number of records stored.
	Written int
	// Expired is the number of records refused because they were older than
	// the signal's retention when they arrived.
	Expired int
	// TooDeep is the number of records refused because their values nest
	// deeper than can be read back (see maxValueDepth).
	TooDeep int
}

// futureSlack is how far ahead of this clock a record time is believed.
const futureSlack = time.Minute

// resourceInfo is a resource of a batch, encoded once.
type resourceInfo struct {
	hash    uint64
	proto   []byte
	service string
}

// dictInfo is a resource and scope pair of a batch, encoded once.
type dictInfo struct {
	id    uint64
	proto []byte
}

type bucketDict struct {
	bucket int64
	dict   uint64
}

// bucketTrace names the records of one trace in one bucket.
type bucketTrace struct {
	bucket int64
	trace  pcommon.TraceID
}

// batch writes the records of one call through a Badger WriteBatch: once per
// bucket their dictionary entries, at commit the records as blocks (see
// block.go) and their trace index entries, one per trace and bucket.
type batch struct {
	s        *Store
	sig      Signal
	wb       *badger.WriteBatch
	now      uint64
	oldest   uint64
	dicts    map[bucketDict]struct{}
	stats    map[statKey]*resStat
	recs     []pendRec // the records, filed into blocks at commit
	res      WriteResult
	bytes    int64  // key and value bytes written, for the free-space guard
	arena    []byte // keys and values of the batch, held by wb until it ends
	width    int64  // bucket width of sig in ns
	blockMax int    // the largest block value (raw): segBlockMax, or blockBytes when inline
	last     putMemo
}

// putMemo is what put found for the previous record of the batch. Records
// arrive grouped by resource and scope and in time order, so most of them
// share the previous one's bucket, dictionary entry and resource counts, and
// put skips the store's locks and the batch's maps for them.
type putMemo struct {
	ok     bool
	bucket int64
	dict   uint64
	res    uint64
	stat   *resStat
}

// arenaChunk is the size of the chunks the batch cuts keys and values from:
// one allocation for about a thousand records instead of three per record.
const arenaChunk = 256 << 10

// alloc returns an empty slice with capacity n cut from the batch's arena.
func (b *batch) alloc(n int) []byte {
	if n > arenaChunk/4 {
		return make([]byte, 0, n)
	}
	if len(b.arena)+n > cap(b.arena) {
		b.arena = make([]byte, 0, arenaChunk)
	}
	p := b.arena[len(b.arena) : len(b.arena) : len(b.arena)+n]
	b.arena = b.arena[:len(b.arena)+n]
	return p
}

// newBatch starts a batch once the store can take it (see writable);
// commit or abort ends it and lets drops run again. While a drop runs it
// waits, until ctx ends.
// n is how many records the call holds.
func (s *Store) newBatch(ctx context.Context, sig Signal, n int) (*batch, error) {
	if err := s.writable(ctx); err != nil {
		return nil, err
	}
	if !s.dropMu.TryRLock() {
		if err := s.waitDrop(ctx); err != nil {
			return nil, err
		}
	}
	now := uint64(s.opts.Now().UnixNano())
	return &batch{
		s:        s,
		sig:      sig,
		wb:       s.db.NewWriteBatch(),
		now:      now,
		oldest:   now - uint64(s.opts.MaxAge[sig]),
		dicts:    map[bucketDict]struct{}{},
		stats:    map[statKey]*resStat{},
		recs:     make([]pendRec, 0, n),
		width:    s.width[sig],
		blockMax: s.blockMax(),
	}, nil
}

// dropPoll is how often a write waiting for a drop checks its context.
const dropPoll = time.Millisecond

// waitDrop takes dropMu shared once the running drop ends, or returns the
// context's error (the exporter's timeout) first.
func (s *Store) waitDrop(ctx context.Context) error {
	t := time.NewTicker(dropPoll)
	defer t.Stop()
	for !s.dropMu.TryRLock() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the store's retention drop: %w", ctx.Err())
		case <-t.C:
		}
	}
	return nil
}

// writable returns why a write cannot start: the store is closed, ctx has
// ended, or the free disk space is below the floor (a retryable error
// wrapping badgerdb.ErrDiskFull).
func (s *Store) writable(ctx context.Context) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// One statfs per write call (a request of many records) sees a disk
	// another process just filled before the write can make Badger flush.
	return s.space.CheckNow()
}

// keyTime picks the time a record is filed under: the first non-zero of ts,
// else now; a time more than futureSlack ahead (a wrong clock) is filed now.
// ok is false when the record is already past its retention.
func (b *batch) keyTime(ts ...pcommon.Timestamp) (uint64, bool) {
	t := b.now
	for _, x := range ts {
		if x != 0 {
			t = uint64(x)
			break
		}
	}
	if t > b.now+uint64(futureSlack) {
		t = b.now
	}
	if t < b.oldest {
		b.res.Expired++
		return 0, false
	}
	return t, true
}

// addPoint writes one metric data point given as its encoded bytes, cut
// from the request with its metric m (see wireMetrics); name is the metric
// name and typ its type.
func (b *batch) addPoint(ts uint64, res *resourceInfo, dict *dictInfo, typ byte, name string, m *wireMetric, point []byte) (int64, error) {
	v := appendOnePoint(b.alloc(onePointLen(m, len(point))), m, point)
	return b.put(pendRec{ts: ts, dict: dict.id, sev: typ, name: name, body: v}, res, dict)
}

// addRecord writes one log record or span given as its encoded bytes, cut
// from the request (see wireRecords), which must stay unchanged until
// commit; the value wraps it as a one-record message.
func (b *batch) addRecord(ts uint64, res *resourceInfo, dict *dictInfo, traceID pcommon.TraceID, severity byte, rec []byte) (int64, error) {
	return b.put(pendRec{ts: ts, dict: dict.id, sev: severity, wrap: true, body: rec, trace: traceID}, res, dict)
}

// put files the record p for commit and writes its dictionary entry.
func (b *batch) put(p pendRec, res *resourceInfo, dict *dictInfo) (int64, error) {
	bucket := bucketStart(p.ts, b.width)
	sameBucket := b.last.ok && b.last.bucket == bucket
	if !sameBucket {
		b.s.noteBucket(b.sig, bucket)
	}
	if !sameBucket || b.last.dict != dict.id {
		if err := b.putDict(bucket, res, dict); err != nil {
			return 0, err
		}
	}
	p.bucket, p.seq = bucket, b.s.nextSeq()
	b.recs = append(b.recs, p)
	st := b.last.stat
	if !sameBucket || b.last.res != res.hash {
		sk := statKey{b.sig, bucket, res.hash}
		if st = b.stats[sk]; st == nil {
			st = &resStat{resource: res.proto}
			b.stats[sk] = st
		}
	}
	b.last = putMemo{ok: true, bucket: bucket, dict: dict.id, res: res.hash, stat: st}
	st.count++
	st.lastSeen = max(st.lastSeen, p.ts)
	b.res.Written++
	return bucket, nil
}

// putBlocks sorts the batch's records into key order, writes them as
// blocks, and then the trace index entries that point into the blocks.
func (b *batch) putBlocks() error {
	recs := sortPend(b.recs)
	var traces map[bucketTrace]*traceList
	for len(recs) > 0 {
		n := 1
		for n < len(recs) && recs[n].bucket == recs[0].bucket {
			n++
		}
		var err error
		if traces, err = b.putBucket(recs[:n], traces); err != nil {
			return err
		}
		recs = recs[n:]
	}
	for k, l := range traces {
		v := l.value()
		key := appendTraceIndexKey(b.alloc(traceIndexKeyLen), b.sig, k.trace, l.first)
		if err := b.wb.Set(key, v); err != nil {
			return err
		}
		b.bytes += int64(len(key) + len(v))
	}
	return nil
}

// segBlock is a block of a bucket's write, stored at off in the write's
// segment buffer.
type segBlock struct {
	key         []byte
	count, span uint64
	off, n      int
}

// segBufs are the buffers of a write's blocks, reused across writes.
type segBufs struct {
	raw    []byte // one block, encoded
	seg    []byte // the bucket's blocks as stored
	blocks []segBlock
}

var segBufPool = sync.Pool{New: func() any { return new(segBufs) }}

// putBucket writes the records of one bucket (sorted) as blocks: appended
// to the bucket's segment in one write, with a pointer per block in Badger
// (inline in Badger when the store writes inline), and adds their trace
// references to traces.
func (b *batch) putBucket(recs []pendRec, traces map[bucketTrace]*traceList) (map[bucketTrace]*traceList, error) {
	bucket := recs[0].bucket
	bufs := segBufPool.Get().(*segBufs)
	defer segBufPool.Put(bufs)
	bufs.seg, bufs.blocks = bufs.seg[:0], bufs.blocks[:0]
	for len(recs) > 0 {
		n := cutBlock(recs, b.blockMax)
		blk := recs[:n]
		first := ref{bucket: bucket, ts: blk[0].ts, seq: blk[0].seq, name: blk[0].name}
		k := appendBlockKey(b.alloc(blockKeyLen(b.sig, first.name)), b.sig, first)
		if b.s.inline {
			v := encodeBlock(blk)
			if err := b.wb.Set(k, v); err != nil {
				return traces, err
			}
			b.bytes += int64(len(k) + len(v))
		} else {
			bufs.raw = appendBlock(bufs.raw[:0], blk)
			off := len(bufs.seg)
			if b.s.codec == codecS2 {
				bufs.seg = slices.Grow(bufs.seg, s2.MaxEncodedLen(len(bufs.raw)))
				enc := s2.Encode(bufs.seg[off:off+s2.MaxEncodedLen(len(bufs.raw))], bufs.raw)
				bufs.seg = bufs.seg[:off+len(enc)]
			} else {
				bufs.seg = append(bufs.seg, bufs.raw...)
			}
			bufs.blocks = append(bufs.blocks, segBlock{key: k, count: uint64(n), span: blk[n-1].ts - blk[0].ts, off: off, n: len(bufs.seg) - off})
		}
		for i := range blk {
			if blk[i].trace == [16]byte{} {
				continue
			}
			if traces == nil {
				traces = map[bucketTrace]*traceList{}
			}
			r := ref{bucket: bucket, ts: blk[i].ts, seq: blk[i].seq}
			bt := bucketTrace{bucket, blk[i].trace}
			if l := traces[bt]; l != nil {
				l.add(r, first)
			} else {
				traces[bt] = newTraceList(r, first)
			}
		}
		recs = recs[n:]
	}
	if len(bufs.blocks) == 0 {
		return traces, nil
	}
	// The blocks reach the segment before their pointers reach Badger.
	base, err := b.s.segs.append(segID{b.sig, bucket}, bufs.seg)
	if err != nil {
		return traces, err
	}
	b.bytes += int64(len(bufs.seg))
	for _, sb := range bufs.blocks {
		stored := bufs.seg[sb.off : sb.off+sb.n]
		v := appendBlockPtr(b.alloc(blockPtrMax), blockPtr{
			count: sb.count, span: sb.span, off: uint64(base) + uint64(sb.off), n: uint64(sb.n),
			codec: b.s.codec, crc: crc32.Checksum(stored, castagnoli),
		})
		if err := b.wb.Set(sb.key, v); err != nil {
			return traces, err
		}
		b.bytes += int64(len(sb.key) + len(v))
	}
	return traces, nil
}

// putDict writes the dictionary entry of dict in bucket, and its service
// index key, unless this batch or an earlier one wrote them.
func (b *batch) putDict(bucket int64, res *resourceInfo, dict *dictInfo) error {
	if _, ok := b.dicts[bucketDict{bucket, dict.id}]; ok || b.s.written(b.sig, bucket, dict.id) {
		return nil
	}
	b.dicts[bucketDict{bucket, dict.id}] = struct{}{}
	if err := b.wb.Set(dictKey(b.sig, bucket, dict.id), dict.proto); err != nil {
		return err
	}
	if res.service != "" {
		return b.wb.Set(serviceKey(b.sig, bucket, res.service, dict.id), nil)
	}
	return nil
}

// commit flushes the batch and applies the durability policy. A batch whose
// ctx ended (the exporter's timeout) is discarded instead.
func (b *batch) commit(ctx context.Context) (WriteResult, error) {
	defer b.s.dropMu.RUnlock()
	defer b.wb.Cancel()
	defer func() { b.s.space.Wrote(b.bytes) }()
	if err := ctx.Err(); err != nil {
		return WriteResult{Expired: b.res.Expired, TooDeep: b.res.TooDeep}, err
	}
	if err := b.putBlocks(); err != nil {
		return WriteResult{Expired: b.res.Expired, TooDeep: b.res.TooDeep}, err
	}
	if err := b.wb.Flush(); err != nil {
		return WriteResult{Expired: b.res.Expired, TooDeep: b.res.TooDeep}, err
	}
	if b.s.opts.Durability == badgerdb.DurabilityAlways {
		if err := b.s.sync(); err != nil {
			return WriteResult{Expired: b.res.Expired, TooDeep: b.res.TooDeep}, err
		}
	}
	b.s.markWritten(b.sig, b.dicts)
	b.s.addStats(b.stats)
	b.s.counters.Written.Add(int64(b.res.Written))
	b.s.counters.Expired.Add(int64(b.res.Expired))
	b.s.counters.TooDeep.Add(int64(b.res.TooDeep))
	return b.res, nil
}

// deep reports whether a record (or the resource or scope of n records)
// must be refused for nesting too deep, and counts it.
func (b *batch) deep(tooDeep bool, n int) bool {
	if tooDeep {
		b.res.TooDeep += n
	}
	return tooDeep
}

// abort discards the batch.
func (b *batch) abort() {
	b.wb.Cancel()
	b.s.dropMu.RUnlock()
}

func hash64(p []byte) uint64 {
	h := fnv.New64a()
	_, _ = h.Write(p)
	return h.Sum64()
}

// serviceOf returns the service.name of a resource, cleaned for use in keys.
func serviceOf(r pcommon.Resource) string {
	if v, ok := r.Attributes().Get("service.name"); ok {
		return cleanName(v.AsString())
	}
	return ""
}
