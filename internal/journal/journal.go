package journal

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// The journal is a write-ahead log in front of Badger: a batch appends one
// record to the active segment (a preallocated, memory-mapped file) and
// applies its writes to the active overlay; a flusher later writes whole
// generations to Badger. See README "How the journal works".
//
// Segment layout: a header of segmentHeaderSize bytes, then records:
//
//	u32 payload length | u32 CRC-32C of (segment sequence, payload) | payload
//
// A zero length ends the segment's data; every append writes one after its
// record. The CRC covers the segment's sequence, so records left in a reused
// file by an earlier use fail the check instead of being replayed.
const (
	journalDirName    = "journal"
	segmentExt        = ".jnl"
	segmentHeaderSize = 32
	recordHeaderSize  = 8
	terminatorSize    = 4
	sealRecordSize    = recordHeaderSize + 1

	recordBatch = 1
	recordSeal  = 2 // the segment was complete when the next one started

	opSet    = 0
	opDelete = 1
)

// segmentMagic starts every segment header; the version is its last byte.
var segmentMagic = [8]byte{'E', 'M', 'S', 'J', 'N', 'L', 0, 1}

// segmentSize is the size of a journal segment: how much a generation may
// write before it is flushed, and the largest batch the journal takes (larger
// ones go to Badger directly). A variable so that tests can use small ones.
var segmentSize = 4 << 20

// minSegmentSize is the smallest segment a small max_size_mib leads to.
const minSegmentSize = 64 << 10

// segmentSizeFor returns the segment size for a store bounded to maxBytes
// (0: unbounded): segmentSize, or less, so that each segment takes at most
// 1/32 of the bound (the journal 1/16), but never less than minSegmentSize.
func segmentSizeFor(maxBytes int64) int {
	n := int64(segmentSize)
	if maxBytes > 0 && maxBytes/32 < n {
		n = max(maxBytes/32, min(n, minSegmentSize))
	}
	return int(n &^ 4095)
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// segment is one preallocated journal file.
type segment struct {
	path string
	f    *os.File
	mem  []byte // the file mapped shared; nil where mapping is not used
	size int
	seq  uint64 // sequence stamped in the header; 0 while free
	off  int    // where the next record goes
	// dirty is set by every write and cleared when a sync of the segment
	// starts: a sync of a clean segment would still cost a device flush.
	dirty bool
	// direct, when set, is the file opened for synchronous direct I/O
	// (durability: always, Linux): records go to shadow, a copy of the file
	// in memory, and a sync writes the blocks they touched in one write that
	// returns once they are on stable storage (see direct.go).
	direct *os.File
	shadow []byte
	lo, hi int    // byte range of shadow written since the last capture
	out    []byte // block-aligned copy of the captured range
	outOff int    // file offset of out; len(out) 0: nothing captured
}

// createSegment creates a segment file filled with zeros, so that later
// writes and syncs overwrite allocated blocks instead of growing the file
// (an fdatasync after overwriting is markedly cheaper than after appending).
// With mapIt, records are written through a shared memory map (no system
// call per record); without (durability: always), through a shadow and
// direct I/O where available (direct.go), else with pwrite. Not through a
// map for always: on ext4 an fdatasync after writes through a map cost 2.5× one after
// pwrite here (1.1–1.4 ms against 0.4–0.6 ms), as a write fault through the
// map opens a filesystem journal transaction that the sync then commits.
func createSegment(path string, size int, mapIt bool) (*segment, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	zeros := make([]byte, 1<<20)
	for n := 0; n < size && err == nil; n += len(zeros) {
		_, err = f.Write(zeros[:min(len(zeros), size-n)])
	}
	if err == nil {
		err = badgerdb.Datasync(f)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("creating journal segment %s: %w", path, err)
	}
	return mapped(path, f, size, mapIt)
}

// openSegment opens an existing segment file; a file of the wrong size is
// recreated.
func openSegment(path string, size int, mapIt bool) (*segment, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() != int64(size) {
		return createSegment(path, size, mapIt)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	return mapped(path, f, size, mapIt)
}

func mapped(path string, f *os.File, size int, mapIt bool) (*segment, error) {
	if !mapIt {
		return withDirect(&segment{path: path, f: f, size: size})
	}
	mem, err := mapSegment(f, size)
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("mapping journal segment %s: %w", path, err)
	}
	return &segment{path: path, f: f, mem: mem, size: size}, nil
}

// write puts p at off.
func (g *segment) write(p []byte, off int) error {
	g.dirty = true
	if g.shadow != nil {
		copy(g.shadow[off:], p)
		g.lo, g.hi = min(g.lo, off), max(g.hi, off+len(p))
		return nil
	}
	if g.mem != nil {
		copy(g.mem[off:], p)
		return nil
	}
	_, err := g.f.WriteAt(p, int64(off))
	return err
}

// stamp starts a new use of the segment under seq: a new header and an empty
// record area. Records of an earlier use that remain further on fail their
// CRC, which covers the sequence.
func (g *segment) stamp(seq uint64) error {
	var h [segmentHeaderSize + terminatorSize]byte
	if seq != 0 {
		copy(h[:], segmentMagic[:])
		binary.LittleEndian.PutUint64(h[8:], seq)
		binary.LittleEndian.PutUint32(h[16:], crc32.Checksum(h[:16], crcTable))
	}
	g.seq, g.off = seq, segmentHeaderSize
	return g.write(h[:], 0)
}

// room is how many record bytes the segment still takes, keeping space for
// the seal record and the terminator.
func (g *segment) room() int { return g.size - g.off - sealRecordSize - terminatorSize }

// empty reports whether the segment holds no record.
func (g *segment) empty() bool { return g.off == segmentHeaderSize }

// appendRecord writes payload as the next record, followed by a terminator.
// The caller checked room. scratch is reused for the framing.
func (g *segment) appendRecord(scratch []byte, payload []byte) ([]byte, error) {
	return g.appendFramed(append(startRecord(scratch), payload...))
}

// startRecord returns scratch emptied, with room for a record header: append
// the payload, then pass it to appendFramed. Encoding a payload straight
// after its header saves copying it once more per batch.
func startRecord(scratch []byte) []byte {
	return append(scratch[:0], 0, 0, 0, 0, 0, 0, 0, 0)
}

// appendFramed writes buf, a record header's room followed by the payload
// (see startRecord), as the next record, followed by a terminator. The
// caller checked room. It returns buf, grown, for reuse as scratch.
func (g *segment) appendFramed(buf []byte) ([]byte, error) {
	payload := buf[recordHeaderSize:]
	binary.LittleEndian.PutUint32(buf, uint32(len(payload)))
	binary.LittleEndian.PutUint32(buf[4:], recordCRC(g.seq, payload))
	buf = append(buf, 0, 0, 0, 0)
	if err := g.write(buf, g.off); err != nil {
		return buf, err
	}
	g.off += len(buf) - terminatorSize
	return buf, nil
}

// seal appends the record that marks the segment complete.
func (g *segment) seal(scratch []byte) ([]byte, error) {
	return g.appendRecord(scratch, []byte{recordSeal})
}

// sync makes the segment's writes durable: the captured blocks in one
// synchronous direct write, or else an fdatasync of the file (after writing
// the captured blocks, if direct I/O was given up).
func (g *segment) sync() error {
	if g.shadow == nil {
		return badgerdb.Datasync(g.f)
	}
	if len(g.out) == 0 {
		return nil
	}
	err := g.writeOut()
	if err == nil {
		g.out = g.out[:0]
	}
	return err
}

func (g *segment) close() error {
	var errDirect error
	if g.direct != nil {
		errDirect = g.direct.Close()
	}
	return errors.Join(unmapSegment(g.mem), g.f.Close(), errDirect)
}

func recordCRC(seq uint64, payload []byte) uint32 {
	var s [8]byte
	binary.LittleEndian.PutUint64(s[:], seq)
	return crc32.Update(crc32.Checksum(s[:], crcTable), crcTable, payload)
}

// journalWrite is one write of a batch, as the journal records it.
type journalWrite struct {
	key, value []byte
	del        bool
	existed    bool // a set's key existed right before it
}

// encodeBatch appends a batch record's payload for ws to buf.
func encodeBatch(buf []byte, ws []journalWrite) []byte {
	buf = append(buf, recordBatch)
	buf = binary.AppendUvarint(buf, uint64(len(ws)))
	for _, w := range ws {
		if w.del {
			buf = append(buf, opDelete)
			buf = binary.AppendUvarint(buf, uint64(len(w.key)))
			buf = append(buf, w.key...)
			continue
		}
		buf = append(buf, opSet)
		buf = binary.AppendUvarint(buf, uint64(len(w.key)))
		buf = append(buf, w.key...)
		buf = binary.AppendUvarint(buf, uint64(len(w.value)))
		buf = append(buf, w.value...)
	}
	return buf
}

// maxRecordSize bounds the framed record of a batch that writes keys and
// values of the given total length in n operations.
func maxRecordSize(n, keyValueBytes int) int {
	return recordHeaderSize + 1 + binary.MaxVarintLen64 + n*(1+2*binary.MaxVarintLen64) + keyValueBytes
}

var errBadRecord = errors.New("malformed journal record")

// decodeBatch calls fn for every write of a batch record's payload. The
// slices passed to fn point into payload.
func decodeBatch(payload []byte, fn func(key, value []byte, del bool)) error {
	if len(payload) == 0 || payload[0] != recordBatch {
		return errBadRecord
	}
	p := payload[1:]
	n, k := binary.Uvarint(p)
	if k <= 0 || n > uint64(len(p)) {
		return errBadRecord
	}
	p = p[k:]
	field := func() ([]byte, bool) {
		l, k := binary.Uvarint(p)
		if k <= 0 || l > uint64(len(p)-k) {
			return nil, false
		}
		f := p[k : k+int(l)]
		p = p[k+int(l):]
		return f, true
	}
	for range n {
		if len(p) == 0 {
			return errBadRecord
		}
		typ := p[0]
		p = p[1:]
		key, ok := field()
		if !ok {
			return errBadRecord
		}
		switch typ {
		case opDelete:
			fn(key, nil, true)
		case opSet:
			value, ok := field()
			if !ok {
				return errBadRecord
			}
			fn(key, value, false)
		default:
			return errBadRecord
		}
	}
	if len(p) != 0 {
		return errBadRecord
	}
	return nil
}

// syncDir makes a directory's entries durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
