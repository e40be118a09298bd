package store

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// A block is one Badger entry holding the records of one write call that
// share a bucket (and, for metrics, a metric name), in (ts, seq) order.
// Badger pays per entry (WAL write, skiplist insert, table index entry, a
// step of every compaction's merge, ~13 allocations), so writing a block of
// ~10 records instead of 10 entries removes most of the store's share of
// the write path (issue 12).
//
// Key: the record key of the block's first record (the smallest ts, seq)
// followed by blockMark, so a block sorts among the records where its first
// record would, and keys of the per-record format (written before blocks)
// still decode: they are read as blocks of one record.
//
// Value:
//
//	uvarint  count of records (≥ 1)
//	uvarint  last ts − first ts (the block's time span, ≤ blockSpan)
//	per record, in (ts, seq) order:
//	  uvarint  ts − the previous record's ts (the key's ts for the first)
//	  varint   seq − the previous record's seq (zigzag; the key's seq for the first)
//	  uvarint  length of the record's value
//	  value    as a per-record entry's value: dict id (8), severity or type (1), OTLP payload
//
// blockSpan bounds the time a block covers: a scan from ts seeks to the
// blocks from ts − blockSpan, and each page of a query starts again there,
// stepping over the blocks of that window (~200 at 20k records/s). Records
// denser than one per 10 ms fill a block's 4 KiB within the span anyway;
// with 1 s, two pages of the query benchmark took 1.7× as long as with
// per-record keys. It is part of the format: widening it would
// make scans miss records of blocks written before.
const (
	blockMark      byte   = 'B'
	blockSpan      uint64 = uint64(100e6) // 100 ms
	blockMaxRecs          = 512
	blockMaxBytes         = 16 << 10 // the bound whatever Badger's table block size
	blockKeyExtra         = 1        // blockMark
	blockHeaderMax        = 2 * binary.MaxVarintLen64
)

// blockTableSlack is what a Badger table block holds besides one entry's
// value: the entry header, key, value metadata, entry offsets, checksum.
const blockTableSlack = 192

// blockBytes is the bound of an inline block's value (the format before
// segments, which tests still write) with Badger options o. A value
// larger than one of Badger's table blocks (o.BlockSize, 4 KiB by default)
// makes the table builder grow that block's buffer from its pooled
// allocator: with 16 KiB blocks the builders' memory under compactions
// doubled (240 against 112 MB of heap in the collector at 20k logs/s), the
// heap met the memory limit and GC took a third of the CPU (issue 12,
// session 3). It also stays below half of the value threshold, so blocks
// stay in the LSM tree.
func blockBytes(o badger.Options) int {
	return int(max(1<<10, min(blockMaxBytes, o.ValueThreshold/2, int64(o.BlockSize)-blockTableSlack)))
}

// blockRec is one record decoded from a block; value points into the block.
type blockRec struct {
	ts, seq uint64
	value   []byte
}

// varints reads varints off a byte slice; after a read that fails, ok is
// false and every further read returns 0.
type varints struct {
	b  []byte
	ok bool
}

func (r *varints) uvarint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 || !r.ok {
		r.ok = false
		return 0
	}
	r.b = r.b[n:]
	return x
}

// varint reads a zigzag varint (binary.AppendVarint).
func (r *varints) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// bytes reads n bytes.
func (r *varints) bytes(n uint64) []byte {
	if !r.ok || n > uint64(len(r.b)) {
		r.ok = false
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

// blockSpanOf returns the count and time span a block value declares and
// the rest of the value after them.
func blockSpanOf(v []byte) (count, span uint64, rest []byte, err error) {
	if isBlockPtr(v) {
		p, err := decodeBlockPtr(v)
		return p.count, p.span, nil, err
	}
	r := varints{b: v, ok: true}
	count, span = r.uvarint(), r.uvarint()
	if !r.ok || count == 0 {
		return 0, 0, nil, errBadKey
	}
	return count, span, r.b, nil
}

// appendBlockRecs appends the records of the block keyed (ts, seq) with
// value v to dst. A damaged block yields the records decoded before the
// damage and errBadKey.
func appendBlockRecs(dst []blockRec, ts, seq uint64, v []byte) ([]blockRec, error) {
	count, span, rest, err := blockSpanOf(v)
	if err != nil {
		return dst, err
	}
	first := ts
	r := varints{b: rest, ok: true}
	for i := uint64(0); i < count; i++ {
		dts, dseq := r.uvarint(), r.varint()
		value := r.bytes(r.uvarint())
		if !r.ok || len(value) < valueHeaderLen ||
			(i == 0 && (dts != 0 || dseq != 0)) || (i > 0 && dts == 0 && dseq <= 0) {
			return dst, errBadKey // the key names the first record; records are in (ts, seq) order
		}
		ts += dts
		seq += uint64(dseq)
		dst = append(dst, blockRec{ts: ts, seq: seq, value: value})
	}
	rest = r.b
	if len(rest) != 0 || ts-first != span {
		return dst, errBadKey // the span is what scans trust to skip a block
	}
	return dst, nil
}

// pendRec is a record of a batch waiting for commit, which files it into a
// block.
type pendRec struct {
	bucket int64
	name   string
	ts     uint64
	seq    uint64
	dict   uint64
	sev    byte
	wrap   bool   // body is a log record or span to wrap as a one-record message (appendOneRecord); else the whole payload
	body   []byte // points into the request's encoding or the batch's arena
	trace  [16]byte
}

// valueLen is the length of the record's value inside a block.
func (p *pendRec) valueLen() int {
	if p.wrap {
		return valueHeaderLen + oneRecordLen(len(p.body))
	}
	return valueHeaderLen + len(p.body)
}

func (p *pendRec) appendValue(b []byte) []byte {
	b = encodeValueHeader(b, p.dict, p.sev)
	if p.wrap {
		return appendOneRecord(b, p.body)
	}
	return append(b, p.body...)
}

// pendCmp orders a batch's records by bucket, metric name, ts and seq: the
// order of their keys.
func pendCmp(a, b *pendRec) int {
	if a.bucket != b.bucket {
		return cmp.Compare(a.bucket, b.bucket)
	}
	if a.name != b.name {
		return strings.Compare(a.name, b.name)
	}
	if a.ts != b.ts {
		return cmp.Compare(a.ts, b.ts)
	}
	return cmp.Compare(a.seq, b.seq)
}

// sortPend sorts recs into key order (pendCmp) unless they are in order.
// Sorting 4-byte indices and gathering once instead was measured slower
// (4000 records: 7.9–10.7 ms against 4.1–5.7 ms, noisy machine): the
// comparisons then miss the cache on every record.
func sortPend(recs []pendRec) []pendRec {
	cmpVal := func(a, b pendRec) int { return pendCmp(&a, &b) }
	if !slices.IsSortedFunc(recs, cmpVal) {
		slices.SortFunc(recs, cmpVal)
	}
	return recs
}

// cutBlock returns how many records of recs (sorted, recs[0] first) go into
// one block: those of recs[0]'s bucket and name within blockSpan of it, up
// to blockMaxRecs and maxBytes of values (always at least one record).
func cutBlock(recs []pendRec, maxBytes int) int {
	first := &recs[0]
	size := first.valueLen()
	n := 1
	for ; n < len(recs) && n < blockMaxRecs; n++ {
		r := &recs[n]
		if r.bucket != first.bucket || r.name != first.name || r.ts-first.ts > blockSpan {
			break
		}
		l := r.valueLen() + 3*binary.MaxVarintLen64
		if size+l > maxBytes {
			break
		}
		size += l
	}
	return n
}

// encodeBlock encodes recs (sorted, one bucket and name, span ≤ blockSpan)
// as a block value.
func encodeBlock(recs []pendRec) []byte { return appendBlock(nil, recs) }

// appendBlock appends the block value of recs (sorted, one bucket and name,
// span ≤ blockSpan) to b.
func appendBlock(b []byte, recs []pendRec) []byte {
	size := blockHeaderMax
	for i := range recs {
		l := recs[i].valueLen()
		size += 3*binary.MaxVarintLen64 + l
	}
	b = slices.Grow(b, size)
	b = binary.AppendUvarint(b, uint64(len(recs)))
	b = binary.AppendUvarint(b, recs[len(recs)-1].ts-recs[0].ts)
	prevTS, prevSeq := recs[0].ts, recs[0].seq
	for i := range recs {
		r := &recs[i]
		b = binary.AppendUvarint(b, r.ts-prevTS)
		b = binary.AppendVarint(b, int64(r.seq-prevSeq))
		b = binary.AppendUvarint(b, uint64(r.valueLen()))
		b = r.appendValue(b)
		prevTS, prevSeq = r.ts, r.seq
	}
	return b
}

// A block pointer is the value of a block's key when the block lives in its
// bucket's segment file (segments.go) instead of inline:
//
//	byte     blockPtrMark (0: an inline block starts with its count, ≥ 1)
//	uvarint  count of records
//	uvarint  the block's time span (as an inline block's header: scans skip
//	         a block by it without reading the segment)
//	uvarint  offset of the stored block in the segment
//	uvarint  length of the stored block
//	byte     codec of the stored block (codecRaw, codecS2)
//	uint32   CRC-32C of the stored block, little-endian
const (
	blockPtrMark byte = 0
	blockPtrMax       = 1 + 4*binary.MaxVarintLen64 + 1 + 4

	codecRaw byte = 0
	codecS2  byte = 1
)

// segBlockMax bounds a block's raw value in a segment. Blocks no longer pass
// through Badger's table builders, so they may be larger than a table block;
// a trace-by-id read decodes a whole block for one record, which bounds it.
const segBlockMax = 64 << 10

// blockPtr locates a stored block.
type blockPtr struct {
	count, span uint64
	off, n      uint64
	codec       byte
	crc         uint32
}

func appendBlockPtr(b []byte, p blockPtr) []byte {
	b = append(b, blockPtrMark)
	b = binary.AppendUvarint(b, p.count)
	b = binary.AppendUvarint(b, p.span)
	b = binary.AppendUvarint(b, p.off)
	b = binary.AppendUvarint(b, p.n)
	b = append(b, p.codec)
	return binary.LittleEndian.AppendUint32(b, p.crc)
}

// isBlockPtr reports whether the block value v is a pointer.
func isBlockPtr(v []byte) bool { return len(v) > 0 && v[0] == blockPtrMark }

func decodeBlockPtr(v []byte) (blockPtr, error) {
	if !isBlockPtr(v) {
		return blockPtr{}, errBadKey
	}
	r := varints{b: v[1:], ok: true}
	p := blockPtr{count: r.uvarint(), span: r.uvarint(), off: r.uvarint(), n: r.uvarint()}
	rest := r.b
	if !r.ok || p.count == 0 || len(rest) != 5 || rest[0] > codecS2 || p.n > 1<<30 {
		return blockPtr{}, errBadKey
	}
	p.codec = rest[0]
	p.crc = binary.LittleEndian.Uint32(rest[1:])
	return p, nil
}
