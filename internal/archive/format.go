package archive

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// Frame types. Every byte of a segment belongs to a frame:
//
//	u32 length of payload (big endian) | u8 type | payload | u32 CRC-32C of type||payload
const (
	frameHeader byte = 0
	frameBlock  byte = 1
	frameSeal   byte = 2
)

const (
	segmentMagic = "EMSARCH1"
	// headerLen is the payload size of a header frame: magic, segment
	// number, first record index, chain head before the segment, creation
	// time.
	headerLen = 8 + 8 + 8 + sha256.Size + 8
	// blockHeadLen precedes a block's compressed records: codec, first record
	// index, record count, arrival time (unix ns).
	blockHeadLen  = 1 + 8 + 4 + 8
	frameOverhead = 4 + 1 + 4
	// recordOverhead is what a record adds to a block besides its bytes.
	recordOverhead = 8 + 4 + sha256.Size
	// maxFrame bounds a frame so that a corrupt length cannot make the reader
	// allocate without limit.
	maxFrame       = 256 << 20
	codecZstd byte = 1

	recordDomain = "ems-archive record v1"
	sealDomain   = "ems-archive seal v1\n"
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Hash is a SHA-256 digest.
type Hash [sha256.Size]byte

// chainHash returns the hash of record index i with bytes rec that follows
// prev: SHA-256("ems-archive record v1" || prev || be64(i) || rec).
func chainHash(prev Hash, i uint64, rec []byte) Hash {
	h := sha256.New()
	var ib [8]byte
	binary.BigEndian.PutUint64(ib[:], i)
	h.Write([]byte(recordDomain))
	h.Write(prev[:])
	h.Write(ib[:])
	h.Write(rec)
	var out Hash
	h.Sum(out[:0])
	return out
}

// appendFrame appends a frame of type typ with payload p to dst.
func appendFrame(dst []byte, typ byte, p []byte) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(p)))
	dst = append(dst, typ)
	dst = append(dst, p...)
	c := crc32.Update(crc32.Checksum([]byte{typ}, crcTable), crcTable, p)
	return binary.BigEndian.AppendUint32(dst, c)
}

// errTorn means the bytes end inside a frame or a frame's checksum or length
// is wrong: a torn write after a crash, or tampering.
var errTorn = errors.New("torn or corrupt frame")

type frame struct {
	typ     byte
	payload []byte
	off     int64 // offset of the frame in the segment
	size    int64 // bytes the frame takes
}

// readFrame reads the frame at off from data. It returns errTorn (wrapped
// with the reason) when the frame is incomplete or its checksum fails, and
// io.EOF at the end of the data.
func readFrame(data []byte, off int64) (frame, error) {
	if off == int64(len(data)) {
		return frame{}, io.EOF
	}
	rest := data[off:]
	if len(rest) < frameOverhead {
		return frame{}, fmt.Errorf("%w: %d trailing bytes, shorter than a frame", errTorn, len(rest))
	}
	n := binary.BigEndian.Uint32(rest)
	if n > maxFrame || int64(n)+frameOverhead > int64(len(rest)) {
		return frame{}, fmt.Errorf("%w: frame length %d runs past the end (%d bytes left)", errTorn, n, len(rest))
	}
	typ := rest[4]
	p := rest[5 : 5+n]
	want := binary.BigEndian.Uint32(rest[5+n:])
	if got := crc32.Update(crc32.Checksum([]byte{typ}, crcTable), crcTable, p); got != want {
		return frame{typ: typ, payload: p, off: off, size: int64(n) + frameOverhead},
			fmt.Errorf("%w: checksum mismatch", errTorn)
	}
	return frame{typ: typ, payload: p, off: off, size: int64(n) + frameOverhead}, nil
}

// segmentHeader opens every segment.
type segmentHeader struct {
	Segment    uint64
	FirstIndex uint64
	Prev       Hash
	Created    int64
}

func (h segmentHeader) encode() []byte {
	b := make([]byte, 0, headerLen)
	b = append(b, segmentMagic...)
	b = binary.BigEndian.AppendUint64(b, h.Segment)
	b = binary.BigEndian.AppendUint64(b, h.FirstIndex)
	b = append(b, h.Prev[:]...)
	return binary.BigEndian.AppendUint64(b, uint64(h.Created))
}

func decodeHeader(p []byte) (segmentHeader, error) {
	if len(p) != headerLen || string(p[:8]) != segmentMagic {
		return segmentHeader{}, errors.New("not an archive segment header")
	}
	var h segmentHeader
	h.Segment = binary.BigEndian.Uint64(p[8:])
	h.FirstIndex = binary.BigEndian.Uint64(p[16:])
	copy(h.Prev[:], p[24:24+sha256.Size])
	h.Created = int64(binary.BigEndian.Uint64(p[24+sha256.Size:]))
	return h, nil
}

// blockHead is the uncompressed start of a block payload.
type blockHead struct {
	Codec      byte
	FirstIndex uint64
	Count      uint32
	Arrival    int64
}

func decodeBlockHead(p []byte) (blockHead, error) {
	if len(p) < blockHeadLen {
		return blockHead{}, errors.New("block too short")
	}
	return blockHead{
		Codec:      p[0],
		FirstIndex: binary.BigEndian.Uint64(p[1:]),
		Count:      binary.BigEndian.Uint32(p[9:]),
		Arrival:    int64(binary.BigEndian.Uint64(p[13:])),
	}, nil
}

// Record is one archived record as stored: its index in the archive-wide
// chain, the OTLP protobuf bytes (an ExportLogsServiceRequest holding one
// resource, one scope and one log record), and its chain hash.
type Record struct {
	Index uint64
	Data  []byte
	Hash  Hash
}

// appendRecord encodes one record into a block's uncompressed body:
// be64 index | be32 length | data | hash.
func appendRecord(dst []byte, r Record) []byte {
	dst = binary.BigEndian.AppendUint64(dst, r.Index)
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(r.Data)))
	dst = append(dst, r.Data...)
	return append(dst, r.Hash[:]...)
}

// decodeRecords splits a block's uncompressed body into records. The
// returned records alias body.
func decodeRecords(body []byte) ([]Record, error) {
	var out []Record
	for len(body) > 0 {
		if len(body) < 12 {
			return out, errors.New("record header cut short")
		}
		idx := binary.BigEndian.Uint64(body)
		n := binary.BigEndian.Uint32(body[8:])
		if uint64(n)+12+sha256.Size > uint64(len(body)) {
			return out, fmt.Errorf("record %d: length %d runs past the block", idx, n)
		}
		r := Record{Index: idx, Data: body[12 : 12+n]}
		copy(r.Hash[:], body[12+n:12+n+sha256.Size])
		out = append(out, r)
		body = body[12+n+sha256.Size:]
	}
	return out, nil
}
