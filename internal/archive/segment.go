package archive

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/klauspost/compress/zstd"
)

const segmentSuffix = ".seg"

// segmentName is the file name of segment n.
func segmentName(n uint64) string { return fmt.Sprintf("%016d%s", n, segmentSuffix) }

// listSegments returns the segment numbers in dir, ascending.
func listSegments(dir string) ([]uint64, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []uint64
	for _, e := range ents {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, segmentSuffix) {
			continue
		}
		n, err := strconv.ParseUint(strings.TrimSuffix(name, segmentSuffix), 10, 64)
		if err != nil {
			continue
		}
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// item is one frame of a scanned segment.
type item struct {
	frame
	block blockHead  // frameBlock
	seal  SignedSeal // frameSeal
	// bad is set for a complete frame whose checksum fails (its bytes were
	// changed); reading goes on after it.
	bad error
}

// scanned is a segment read from disk.
type scanned struct {
	number uint64
	header segmentHeader
	items  []item
	// validBytes is where the last good frame ends; tail is why reading
	// stopped before the end of the file (nil when it did not).
	size       int64
	validBytes int64
	tail       error
}

// scanSegment reads every frame of a segment without decompressing blocks.
// It stops at the first frame it cannot read and reports it in tail.
func scanSegment(path string, number uint64) (*scanned, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return scanBytes(data, number), nil
}

func scanBytes(data []byte, number uint64) *scanned {
	s := &scanned{number: number, size: int64(len(data))}
	var off int64
	for {
		f, err := readFrame(data, off)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil && f.size > 0 && off > 0 {
			it := item{frame: f, bad: fmt.Errorf("offset %d: %w", off, err)}
			if f.typ == frameBlock {
				it.block, _ = decodeBlockHead(f.payload)
			}
			s.items = append(s.items, it)
			off += f.size
			s.validBytes = off
			continue
		}
		if err != nil {
			s.tail = fmt.Errorf("offset %d: %w", off, err)
			break
		}
		it := item{frame: f}
		switch {
		case off == 0:
			if f.typ != frameHeader {
				s.tail = fmt.Errorf("offset 0: the segment does not start with a header")
				return s
			}
			h, err := decodeHeader(f.payload)
			if err != nil {
				s.tail = fmt.Errorf("offset 0: %w", err)
				return s
			}
			s.header = h
		case f.typ == frameBlock:
			bh, err := decodeBlockHead(f.payload)
			if err != nil {
				s.tail = fmt.Errorf("offset %d: %w", off, err)
				return s
			}
			it.block = bh
		case f.typ == frameSeal:
			ss, err := ParseSealLine(f.payload)
			if err != nil {
				s.tail = fmt.Errorf("offset %d: %w", off, err)
				return s
			}
			it.seal = ss
		default:
			s.tail = fmt.Errorf("offset %d: unknown frame type %d", off, f.typ)
			return s
		}
		s.items = append(s.items, it)
		off += f.size
		s.validBytes = off
	}
	return s
}

var zdec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxBlockBody))

// blockRecords decompresses a block's records.
func blockRecords(it item) ([]Record, error) {
	if it.block.Codec != codecZstd {
		return nil, fmt.Errorf("unknown block codec %d", it.block.Codec)
	}
	body, err := zdec.DecodeAll(it.payload[blockHeadLen:], nil)
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	return decodeRecords(body)
}

func segmentPath(dir string, n uint64) string { return filepath.Join(dir, segmentName(n)) }
