package store

import (
	"cmp"
	"encoding/binary"
	"slices"
)

// A trace index entry covers the records of one trace that one batch wrote
// into one bucket: its key carries the first of them (trace id, ts, seq) and
// its value packs the others. Records of a trace arrive together, so this
// writes about one index key per trace and batch instead of one per record;
// index keys are the only keys of a bucket not written in time order, and
// every compaction rewrites them.
//
// The value is empty when the entry covers one record (the key says it all),
// else traceListFormat followed, per further record in write order, by the
// uvarint of its seq minus the previous seq and the zigzag varint of its ts
// minus the previous ts.
const traceListFormat byte = 1

// traceList collects the records of one trace and bucket during a batch.
type traceList struct {
	first ref
	prev  ref
	more  []byte
}

func newTraceList(first ref) *traceList { return &traceList{first: first, prev: first} }

// add appends a record written after the previous ones (a larger seq).
func (l *traceList) add(r ref) {
	if l.more == nil {
		l.more = append(make([]byte, 0, 64), traceListFormat)
	}
	l.more = binary.AppendUvarint(l.more, r.seq-l.prev.seq)
	l.more = binary.AppendVarint(l.more, int64(r.ts-l.prev.ts))
	l.prev = r
}

// value is the entry's value: nil for one record.
func (l *traceList) value() []byte { return l.more }

// appendTraceRefs appends the records of one index entry, first the one its
// key names, to dst. A damaged value yields the records decoded before the
// damage and errBadKey.
func appendTraceRefs(dst []ref, first ref, v []byte) ([]ref, error) {
	dst = append(dst, first)
	if len(v) == 0 {
		return dst, nil
	}
	if v[0] != traceListFormat {
		return dst, errBadKey
	}
	prev := first
	for rest := v[1:]; len(rest) > 0; {
		dseq, n := binary.Uvarint(rest)
		if n <= 0 || dseq == 0 {
			return dst, errBadKey
		}
		rest = rest[n:]
		dts, m := binary.Varint(rest)
		if m <= 0 {
			return dst, errBadKey
		}
		rest = rest[m:]
		prev = ref{bucket: first.bucket, ts: prev.ts + uint64(dts), seq: prev.seq + dseq}
		dst = append(dst, prev)
	}
	return dst, nil
}

// sortRefs puts refs in the time order of record keys: ts, then seq.
func sortRefs(refs []ref) {
	slices.SortFunc(refs, func(a, b ref) int { return cmp.Or(cmp.Compare(a.ts, b.ts), cmp.Compare(a.seq, b.seq)) })
}
