package store

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/s2"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// Blocks live outside Badger, in one append-only segment file per signal and
// bucket (issue 12). Badger's LSM tree then holds only a block's key and a
// small pointer (block.go, blockPtr), so each record byte is written once
// (one pwrite per write call and bucket) instead of to the memtable log, the
// skiplist, a flushed table and again by every compaction level; Badger's
// table builders, sized by what tables hold, shrink with it.
//
// Badger's own value log cannot take this role: DropPrefix deletes the
// tables that lie wholly inside a dropped bucket without counting their value
// pointers in the discard statistics that value-log GC picks files by, so
// retention would not return the space (measured: dropping half of the data
// freed 5 % of the directory). A file per bucket is freed by deleting it
// right after the bucket's keys are dropped.
//
// Files are written with pwrite and read with pread, not memory-mapped, so
// written pages count in the page cache and not in the collector's RSS, and
// a full disk is an error (ENOSPC) instead of SIGBUS.

// segDir is the subdirectory of the store's directory holding the segments.
const segDir = "blocks"

// segExt is the extension of a segment file: "<signal>-<bucket start>.seg".
const segExt = ".seg"

type segID struct {
	sig    Signal
	bucket int64
}

func (id segID) name() string {
	return strconv.Itoa(int(id.sig)) + "-" + strconv.FormatInt(id.bucket, 10) + segExt
}

// parseSegName is the inverse of segID.name.
func parseSegName(name string) (segID, bool) {
	base, ok := strings.CutSuffix(name, segExt)
	if !ok {
		return segID{}, false
	}
	s, b, ok := strings.Cut(base, "-")
	if !ok {
		return segID{}, false
	}
	sig, err1 := strconv.Atoi(s)
	bucket, err2 := strconv.ParseInt(b, 10, 64)
	if err1 != nil || err2 != nil || sig < 0 || sig > 255 {
		return segID{}, false
	}
	return segID{Signal(sig), bucket}, true
}

// segment is one open segment file.
type segment struct {
	// mu is held shared by reads and writes of the file, and exclusively to
	// close it when its bucket is dropped.
	mu     sync.RWMutex
	f      *os.File
	closed bool
	size   atomic.Int64 // the next append offset
	dirty  atomic.Bool  // written since the last sync
}

// segments are the open segment files of a store.
type segments struct {
	dir string

	mu      sync.Mutex
	files   map[segID]*segment
	created bool // a file was created since the last sync of dir
}

func openSegments(storeDir string) (*segments, error) {
	dir := filepath.Join(storeDir, segDir)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("block segment directory %s: %w", dir, err)
	}
	return &segments{dir: dir, files: map[segID]*segment{}}, nil
}

// get returns the open segment of id, opening or (create) creating it. It
// returns nil, nil when the file does not exist and create is false.
func (ss *segments) get(id segID, create bool) (*segment, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if sg := ss.files[id]; sg != nil {
		return sg, nil
	}
	flags := os.O_RDWR
	if create {
		flags |= os.O_CREATE
	}
	path := filepath.Join(ss.dir, id.name())
	f, err := os.OpenFile(path, flags, 0o600)
	if errors.Is(err, fs.ErrNotExist) && !create {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("block segment %s: %w", path, err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("block segment %s: %w", path, err)
	}
	sg := &segment{f: f}
	sg.size.Store(info.Size())
	if info.Size() == 0 {
		ss.created = true
	}
	ss.files[id] = sg
	return sg, nil
}

// append writes p at the end of the segment of id and returns its offset.
func (ss *segments) append(id segID, p []byte) (int64, error) {
	sg, err := ss.get(id, true)
	if err != nil {
		return 0, err
	}
	sg.mu.RLock()
	defer sg.mu.RUnlock()
	if sg.closed {
		return 0, fmt.Errorf("block segment %s was dropped by retention during the write", id.name())
	}
	off := sg.size.Add(int64(len(p))) - int64(len(p))
	if _, err := sg.f.WriteAt(p, off); err != nil {
		return 0, fmt.Errorf("writing block segment %s: %w", filepath.Join(ss.dir, id.name()), err)
	}
	sg.dirty.Store(true)
	return off, nil
}

// readAt reads len(p) bytes at off of the segment of id. ok is false when the
// segment or the range does not exist (dropped, or lost with the tail of a
// file that a power loss cut).
func (ss *segments) readAt(id segID, p []byte, off int64) (bool, error) {
	sg, err := ss.get(id, false)
	if err != nil || sg == nil {
		return false, err
	}
	sg.mu.RLock()
	defer sg.mu.RUnlock()
	if sg.closed {
		return false, nil
	}
	n, err := sg.f.ReadAt(p, off)
	if n == len(p) {
		return true, nil
	}
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	return false, fmt.Errorf("reading block segment %s: %w", filepath.Join(ss.dir, id.name()), err)
}

// sync makes the segments written since the last call durable, and the
// directory when a segment was created.
func (ss *segments) sync() error {
	ss.mu.Lock()
	open := make([]*segment, 0, len(ss.files))
	for _, sg := range ss.files {
		if sg.dirty.Load() {
			open = append(open, sg)
		}
	}
	created := ss.created
	ss.created = false
	ss.mu.Unlock()
	var errs []error
	for _, sg := range open {
		sg.dirty.Store(false)
		sg.mu.RLock()
		if !sg.closed {
			if err := badgerdb.Datasync(sg.f); err != nil {
				sg.dirty.Store(true)
				errs = append(errs, fmt.Errorf("syncing block segment %s: %w", sg.f.Name(), err))
			}
		}
		sg.mu.RUnlock()
	}
	if created {
		if err := syncDir(ss.dir); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// syncDir makes the entries of dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}

// drop closes and deletes the segments of ids. Reads of them that a query
// started before see the blocks as missing.
func (ss *segments) drop(ids ...segID) error {
	var errs []error
	for _, id := range ids {
		ss.mu.Lock()
		sg := ss.files[id]
		delete(ss.files, id)
		ss.mu.Unlock()
		if sg != nil {
			sg.mu.Lock()
			sg.closed = true
			errs = append(errs, sg.f.Close())
			sg.mu.Unlock()
		}
		if err := os.Remove(filepath.Join(ss.dir, id.name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// dropOrphans deletes the segments whose bucket the store does not hold: a
// drop cut short by a crash, or a write whose keys never reached Badger.
func (ss *segments) dropOrphans(keep func(segID) bool) error {
	entries, err := os.ReadDir(ss.dir)
	if err != nil {
		return err
	}
	var drop []segID
	for _, e := range entries {
		if id, ok := parseSegName(e.Name()); ok && !keep(id) {
			drop = append(drop, id)
		}
	}
	return ss.drop(drop...)
}

// close closes every open segment.
func (ss *segments) close() error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	var errs []error
	for id, sg := range ss.files {
		sg.mu.Lock()
		sg.closed = true
		errs = append(errs, sg.f.Close())
		sg.mu.Unlock()
		delete(ss.files, id)
	}
	return errors.Join(errs...)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// blockValue returns the inline form of the block of sig and bucket whose
// Badger value is v: v itself (copied when copyInline, since Badger's value
// is valid only in its callback), or the block v points to, read from the
// segment and decompressed into a fresh slice. ok is false when the block is
// missing (its bucket dropped meanwhile, or cut by a power loss) or damaged.
func (s *Store) blockValue(sig Signal, bucket int64, v []byte, copyInline bool) ([]byte, bool, error) {
	if !isBlockPtr(v) {
		if copyInline {
			v = append([]byte(nil), v...)
		}
		return v, true, nil
	}
	p, err := decodeBlockPtr(v)
	if err != nil {
		return nil, false, nil
	}
	buf := make([]byte, p.n)
	ok, err := s.segs.readAt(segID{sig, bucket}, buf, int64(p.off))
	if err != nil || !ok {
		return nil, false, err
	}
	if crc32.Checksum(buf, castagnoli) != p.crc {
		return nil, false, nil
	}
	if p.codec == codecRaw {
		return buf, true, nil
	}
	n, err := s2.DecodedLen(buf)
	if err != nil || n > 4*segBlockMax {
		return nil, false, nil
	}
	raw, err := s2.Decode(make([]byte, n), buf)
	if err != nil {
		return nil, false, nil
	}
	return raw, true, nil
}
