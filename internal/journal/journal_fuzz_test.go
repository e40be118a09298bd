package journal

import (
	"bytes"
	"testing"
)

// FuzzJournalSegment feeds arbitrary bytes to the segment scanner and the
// batch decoder that replay uses at start: they must never panic, and a
// record written by encodeBatch must decode to the same writes.
func FuzzJournalSegment(f *testing.F) {
	f.Add([]byte("key"), []byte("value"), uint64(7), []byte{})
	f.Add([]byte{}, []byte{}, uint64(1), []byte{0xff, 0xff, 0xff, 0x7f, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, key, value []byte, seq uint64, tail []byte) {
		ws := []journalWrite{{key: key, value: value}, {key: key, del: true}}
		payload := encodeBatch(nil, ws)
		seg := &segment{mem: make([]byte, segmentHeaderSize+maxRecordSize(2, 2*len(key)+len(value))+len(tail)+terminatorSize), size: 0}
		seg.size = len(seg.mem)
		if seq == 0 {
			seq = 1
		}
		if err := seg.stamp(seq); err != nil {
			t.Fatal(err)
		}
		if _, err := seg.appendRecord(nil, payload); err != nil {
			t.Fatal(err)
		}
		copy(seg.mem[seg.off:], tail) // whatever follows the record
		if got := segmentSeq(seg.mem); got != seq {
			t.Fatalf("header sequence %d, want %d", got, seq)
		}
		var got []journalWrite
		records := 0
		scanSegment(seg.mem, seq, func(p []byte) error {
			records++
			return decodeBatch(p, func(k, v []byte, del bool) {
				got = append(got, journalWrite{key: bytes.Clone(k), value: bytes.Clone(v), del: del})
			})
		})
		if records == 0 || len(got) < 2 || !bytes.Equal(got[0].key, key) || !bytes.Equal(got[0].value, value) || !got[1].del {
			t.Fatalf("record did not round-trip: %d records, %+v", records, got)
		}
		// Arbitrary bytes as a whole segment, and as a payload.
		scanSegment(tail, seq, func(p []byte) error { return decodeBatch(p, func([]byte, []byte, bool) {}) })
		_ = decodeBatch(tail, func([]byte, []byte, bool) {})
		segmentSeq(tail)
	})
}
