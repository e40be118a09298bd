package store

import (
	"cmp"
	"encoding/binary"
	"slices"
)

// A trace index entry covers the records of one trace that one batch wrote
// into one bucket: its key carries the first of them (trace id, ts, seq) and
// its value says where the records are. Records of a trace arrive together,
// so this writes about one index key per trace and batch instead of one per
// record; index keys are the only keys of a bucket not written in time
// order, and every compaction rewrites them.
//
// traceBlockFormat (written now): the format byte, then the block of the
// key's record as the uvarint of its ts minus the block's first ts and the
// zigzag varint of its seq minus the block's first seq; then per further
// record, in the order the batch wrote them, the zigzag varints of its seq
// and ts minus the previous record's, and its block: uvarint 0 for the
// previous record's block, else 1 + the block's first ts minus the previous
// block's and the zigzag varint of its first seq minus the previous block's.
//
// traceListFormat (per-record entries, before blocks): empty when the entry
// covers one record (the key says it all), else the format byte followed,
// per further record in write order, by the uvarint of its seq minus the
// previous seq and the zigzag varint of its ts minus the previous ts. Each
// record is then its own entry, read as a block of one.
const (
	traceListFormat  byte = 1
	traceBlockFormat byte = 2
)

// traceRef is a record found through the trace index and the block that
// holds it: blk is the block's first record, or the record itself for an
// entry of per-record keys (block false).
type traceRef struct {
	ref
	blk   ref
	block bool
}

// traceList collects the records of one trace and bucket during a batch.
type traceList struct {
	first   ref
	prev    ref
	prevBlk ref
	v       []byte
}

func newTraceList(first, blk ref) *traceList {
	l := &traceList{first: first, prev: first, prevBlk: blk}
	l.v = append(make([]byte, 0, 32), traceBlockFormat)
	l.v = binary.AppendUvarint(l.v, first.ts-blk.ts)
	l.v = binary.AppendVarint(l.v, int64(first.seq-blk.seq))
	return l
}

// add appends a record r of block blk (blocks come in key order).
func (l *traceList) add(r, blk ref) {
	l.v = binary.AppendVarint(l.v, int64(r.seq-l.prev.seq))
	l.v = binary.AppendVarint(l.v, int64(r.ts-l.prev.ts))
	if blk.ts == l.prevBlk.ts && blk.seq == l.prevBlk.seq {
		l.v = append(l.v, 0)
	} else {
		l.v = binary.AppendUvarint(l.v, 1+blk.ts-l.prevBlk.ts)
		l.v = binary.AppendVarint(l.v, int64(blk.seq-l.prevBlk.seq))
	}
	l.prev, l.prevBlk = r, blk
}

// value is the entry's value.
func (l *traceList) value() []byte { return l.v }

// appendTraceRefs appends the records of one index entry, first the one its
// key names, to dst. A damaged value yields the records decoded before the
// damage and errBadKey.
func appendTraceRefs(dst []traceRef, first ref, v []byte) ([]traceRef, error) {
	if len(v) == 0 {
		return append(dst, traceRef{ref: first, blk: first}), nil
	}
	switch v[0] {
	case traceListFormat:
		return appendListRefs(dst, first, v[1:])
	case traceBlockFormat:
		return appendBlockRefs(dst, first, v[1:])
	}
	return append(dst, traceRef{ref: first, blk: first}), errBadKey
}

func appendListRefs(dst []traceRef, first ref, rest []byte) ([]traceRef, error) {
	dst = append(dst, traceRef{ref: first, blk: first})
	prev := first
	for r := (varints{b: rest, ok: true}); len(r.b) > 0; {
		dseq, dts := r.uvarint(), r.varint()
		if !r.ok || dseq == 0 {
			return dst, errBadKey
		}
		prev = ref{bucket: first.bucket, ts: prev.ts + uint64(dts), seq: prev.seq + dseq}
		dst = append(dst, traceRef{ref: prev, blk: prev})
	}
	return dst, nil
}

func appendBlockRefs(dst []traceRef, first ref, rest []byte) ([]traceRef, error) {
	r := varints{b: rest, ok: true}
	dts, dseq := r.uvarint(), r.varint()
	if !r.ok || dts > first.ts {
		return dst, errBadKey
	}
	prev := traceRef{ref: first, blk: ref{bucket: first.bucket, ts: first.ts - dts, seq: first.seq - uint64(dseq)}, block: true}
	dst = append(dst, prev)
	for len(r.b) > 0 {
		next := prev
		next.seq += uint64(r.varint())
		next.ts += uint64(r.varint())
		if bts := r.uvarint(); bts > 0 {
			next.blk.ts += bts - 1
			next.blk.seq += uint64(r.varint())
		}
		if !r.ok || next.seq == prev.seq || next.blk.ts > next.ts {
			return dst, errBadKey
		}
		dst = append(dst, next)
		prev = next
	}
	return dst, nil
}

// sortRefs puts refs in the time order of record keys: ts, then seq.
func sortRefs(refs []traceRef) {
	slices.SortFunc(refs, func(a, b traceRef) int { return cmp.Or(cmp.Compare(a.ts, b.ts), cmp.Compare(a.seq, b.seq)) })
}
