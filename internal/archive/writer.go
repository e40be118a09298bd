package archive

import (
	"crypto/ed25519"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/sys/unix"
)

// Durability says when an appended block reaches stable storage.
type Durability int

const (
	// Always syncs every block before Append returns.
	Always Durability = iota
	// Interval writes before Append returns (a process crash loses nothing)
	// and syncs on a timer (power loss may lose the last SyncInterval).
	Interval
)

// Options configure a Writer.
type Options struct {
	Dir string
	// Key signs seals. PreviousKey, when set and the archive was last sealed
	// with it, signs a hand-over seal to Key at open.
	Key         ed25519.PrivateKey
	PreviousKey ed25519.PrivateKey
	// SegmentMaxBytes starts a new segment once a segment reaches it.
	SegmentMaxBytes int64
	Durability      Durability
	// Retention removes whole segments whose newest record arrived longer
	// ago (0 keeps everything).
	Retention time.Duration
	// WitnessDir, when set, receives a copy of every seal as a file.
	WitnessDir string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// OnSeal is called after each seal is durable, e.g. to log it.
	OnSeal func(SignedSeal)
	// OnWitnessError is called when a seal could not be copied to WitnessDir.
	OnWitnessError func(error)
}

type segInfo struct {
	number     uint64
	firstIndex uint64
	records    uint64 // index after its last record
	head       Hash
	lastTime   int64
}

// Writer appends records to an archive. It is safe for concurrent use.
type Writer struct {
	mu   sync.Mutex
	opts Options
	pub  string

	f       *os.File
	segs    []segInfo // closed segments and the active one (last)
	segSize int64

	next     uint64
	head     Hash
	lastSeal *SignedSeal
	pending  uint64 // records since the last seal
	from, to int64  // their arrival times
	dirty    bool   // written but not synced (Interval)

	enc *zstd.Encoder
	buf []byte
}

// ErrClosed is returned by Append after Close.
var ErrClosed = errors.New("archive is closed")

// Open opens or creates the archive in opts.Dir, recovers from a torn tail,
// hands over to a new key if needed, seals records a crash left unsealed and
// applies retention.
func Open(opts Options) (*Writer, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.SegmentMaxBytes <= 0 {
		opts.SegmentMaxBytes = 64 << 20
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, err
	}
	if opts.WitnessDir != "" {
		if err := os.MkdirAll(opts.WitnessDir, 0o700); err != nil {
			return nil, fmt.Errorf("witness_dir: %w", err)
		}
	}
	w := &Writer{opts: opts, pub: FormatPublicKey(opts.Key.Public().(ed25519.PublicKey)), enc: newEncoder()}
	recovery, err := w.load()
	if err != nil {
		return nil, err
	}
	if err := w.handOver(); err != nil {
		return nil, err
	}
	if recovery != nil || w.pending > 0 {
		if err := w.sealLocked(ReasonStart, nil, recovery); err != nil {
			return nil, err
		}
	}
	if err := w.retainLocked(); err != nil {
		return nil, err
	}
	return w, nil
}

// load reads the existing segments and opens the one to append to. Closed
// segments are taken from the index cache when their size still matches;
// the active one is always read in full.
func (w *Writer) load() (*Recovery, error) {
	nums, err := listSegments(w.opts.Dir)
	if err != nil {
		return nil, err
	}
	if len(nums) == 0 {
		return nil, w.newSegment(1)
	}
	cache := readIndex(w.opts.Dir)
	var recovery *Recovery
	for i, n := range nums {
		last := i == len(nums)-1
		path := segmentPath(w.opts.Dir, n)
		if !last {
			if e, ok := cache[n]; ok && fileSize(path) == e.Size {
				if err := w.useIndexEntry(e); err == nil {
					continue
				}
			}
		}
		s, err := scanSegment(path, n)
		if err != nil {
			return nil, err
		}
		info, lastSeal := w.summarise(s)
		w.segs = append(w.segs, info)
		if lastSeal != nil {
			w.lastSeal = lastSeal
		}
		if !last {
			w.pending, w.from, w.to = 0, 0, 0 // a later seal covers them
			w.appendIndex(indexEntry{Segment: n, Size: s.size, FirstIndex: info.firstIndex, Records: info.records,
				Head: hex.EncodeToString(info.head[:]), LastTime: info.lastTime, Seal: sealLine(lastSeal)})
			continue
		}
		w.next, w.head = info.records, info.head
		if s.tail != nil {
			recovery = &Recovery{Segment: n, ValidBytes: s.validBytes, TornBytes: s.size - s.validBytes, Reason: s.tail.Error()}
		}
		w.segSize = s.validBytes
	}
	if recovery != nil || w.segSize >= w.opts.SegmentMaxBytes {
		return recovery, w.newSegment(nums[len(nums)-1] + 1)
	}
	f, err := os.OpenFile(segmentPath(w.opts.Dir, nums[len(nums)-1]), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, err
	}
	w.f = f
	return nil, nil
}

// summarise finds where the chain stands at the end of a scanned segment,
// its last seal, and the records written after that seal (pending).
func (w *Writer) summarise(s *scanned) (segInfo, *SignedSeal) {
	info := segInfo{number: s.number, firstIndex: s.header.FirstIndex, records: s.header.FirstIndex, head: s.header.Prev, lastTime: s.header.Created}
	var lastSeal *SignedSeal
	var lastBlock *item
	w.pending, w.from, w.to = 0, 0, 0
	for i := range s.items {
		it := &s.items[i]
		if it.bad != nil {
			continue
		}
		switch it.typ {
		case frameSeal:
			ss := it.seal
			lastSeal, lastBlock = &ss, nil
			info.records = ss.Body.Records
			if h, err := hex.DecodeString(ss.Body.Head); err == nil {
				copy(info.head[:], h)
			}
			info.lastTime = max(info.lastTime, ss.Body.To)
			w.pending, w.from, w.to = 0, 0, 0
		case frameBlock:
			lastBlock = it
			w.pending += uint64(it.block.Count)
			w.noteArrival(it.block.Arrival)
			info.lastTime = max(info.lastTime, it.block.Arrival)
		}
	}
	if lastBlock != nil {
		if recs, err := blockRecords(*lastBlock); err == nil && len(recs) > 0 {
			r := recs[len(recs)-1]
			info.records, info.head = r.Index+1, r.Hash
		}
	}
	return info, lastSeal
}

func (w *Writer) noteArrival(t int64) {
	if w.from == 0 || t < w.from {
		w.from = t
	}
	w.to = max(w.to, t)
}

// handOver writes a rotation seal signed with the previous key when the
// archive was last sealed with it.
func (w *Writer) handOver() error {
	if w.lastSeal == nil {
		return nil
	}
	last := w.lastSeal.Body
	if last.NextKey != "" && last.NextKey != w.pub {
		return fmt.Errorf("signing_key_file: the archive handed over to key %s, not to this key %s", last.NextKey, w.pub)
	}
	if last.Key == w.pub || last.NextKey == w.pub {
		return nil
	}
	if w.opts.PreviousKey == nil || FormatPublicKey(w.opts.PreviousKey.Public().(ed25519.PublicKey)) != last.Key {
		return fmt.Errorf("signing_key_file: the archive was last sealed with key %s; to rotate to %s, set previous_signing_key_file to the old key", last.Key, w.pub)
	}
	return w.sealWith(ReasonRotation, w.opts.PreviousKey, last.Key, w.pub, nil, nil)
}

func (w *Writer) newSegment(n uint64) error {
	if w.f != nil {
		if err := w.f.Close(); err != nil {
			return err
		}
		w.f = nil
	}
	path := segmentPath(w.opts.Dir, n)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	now := w.opts.Now().UnixNano()
	hdr := appendFrame(nil, frameHeader, segmentHeader{Segment: n, FirstIndex: w.next, Prev: w.head, Created: now}.encode())
	if _, err := f.Write(hdr); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := fdatasync(f); err != nil {
		f.Close()
		return err
	}
	if err := syncDir(w.opts.Dir); err != nil {
		f.Close()
		return err
	}
	w.f, w.segSize = f, int64(len(hdr))
	w.segs = append(w.segs, segInfo{number: n, firstIndex: w.next, records: w.next, head: w.head, lastTime: now})
	return nil
}

// MaxRecordBytes bounds one record, and maxBlockBody a block before
// compression, so that a reader never inflates more than that.
const (
	MaxRecordBytes = 8 << 20
	maxBlockBody   = 16 << 20
)

// Append chains and writes records (each an OTLP ExportLogsServiceRequest
// holding one log record) as blocks of at most 16 MiB. When it returns nil
// they are written (and synced under Always).
func (w *Writer) Append(records [][]byte) error {
	if len(records) == 0 {
		return nil
	}
	for i, r := range records {
		if len(r) > MaxRecordBytes {
			return fmt.Errorf("record %d of the batch is %d bytes, more than the %d an archive record may hold", i, len(r), MaxRecordBytes)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return ErrClosed
	}
	arrival := w.opts.Now().UnixNano()
	for start := 0; start < len(records); {
		end, size := start, 0
		for end < len(records) && (end == start || size+len(records[end])+recordOverhead <= maxBlockBody) {
			size += len(records[end]) + recordOverhead
			end++
		}
		if err := w.appendBlock(records[start:end], arrival); err != nil {
			return err
		}
		start = end
	}
	if w.opts.Durability == Always {
		return fdatasync(w.f)
	}
	w.dirty = true
	return nil
}

// appendBlock chains records and writes them as one block frame.
func (w *Writer) appendBlock(records [][]byte, arrival int64) error {
	head, next := w.head, w.next
	body := w.buf[:0]
	for _, rec := range records {
		head = chainHash(head, next, rec)
		body = appendRecord(body, Record{Index: next, Data: rec, Hash: head})
		next++
	}
	w.buf = body
	payload := make([]byte, blockHeadLen, blockHeadLen+len(body)/2+64)
	payload[0] = codecZstd
	binary.BigEndian.PutUint64(payload[1:], w.next)
	binary.BigEndian.PutUint32(payload[9:], uint32(len(records)))
	binary.BigEndian.PutUint64(payload[13:], uint64(arrival))
	payload = w.enc.EncodeAll(body, payload)
	frame := appendFrame(make([]byte, 0, len(payload)+frameOverhead), frameBlock, payload)

	if w.segSize+int64(len(frame)) > w.opts.SegmentMaxBytes && w.segSize > int64(headerLen+frameOverhead) {
		if err := w.sealLocked(ReasonSegment, nil, nil); err != nil {
			return err
		}
		cur := w.segs[len(w.segs)-1]
		w.appendIndex(indexEntry{Segment: cur.number, Size: w.segSize, FirstIndex: cur.firstIndex, Records: cur.records,
			Head: hex.EncodeToString(cur.head[:]), LastTime: cur.lastTime, Seal: sealLine(w.lastSeal)})
		if err := w.newSegment(w.segs[len(w.segs)-1].number + 1); err != nil {
			return err
		}
	}
	if err := w.write(frame); err != nil {
		return err
	}
	w.head, w.next = head, next
	w.pending += uint64(len(records))
	w.noteArrival(arrival)
	cur := &w.segs[len(w.segs)-1]
	cur.records, cur.head, cur.lastTime = next, head, arrival
	return nil
}

// write appends b to the active segment; on a short write it cuts the
// segment back so that no partial frame stays behind.
func (w *Writer) write(b []byte) error {
	n, err := w.f.Write(b)
	if err != nil {
		if n > 0 {
			if terr := w.f.Truncate(w.segSize); terr != nil {
				return errors.Join(err, terr)
			}
		}
		return err
	}
	w.segSize += int64(n)
	return nil
}

// Sync makes everything written durable (the Interval policy's timer).
func (w *Writer) Sync() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil || !w.dirty {
		return nil
	}
	if err := fdatasync(w.f); err != nil {
		return err
	}
	w.dirty = false
	return nil
}

// Seal writes a seal if records arrived since the last one (or if there is
// none yet), and applies retention.
func (w *Writer) Seal(reason string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return ErrClosed
	}
	if w.pending > 0 || w.lastSeal == nil {
		if err := w.sealLocked(reason, nil, nil); err != nil {
			return err
		}
	}
	return w.retainLocked()
}

func (w *Writer) sealLocked(reason string, deleted []DeletedSegment, rec *Recovery) error {
	return w.sealWith(reason, w.opts.Key, w.pub, "", deleted, rec)
}

func (w *Writer) sealWith(reason string, key ed25519.PrivateKey, pub, nextKey string, deleted []DeletedSegment, rec *Recovery) error {
	body := SealBody{
		Version: 1, Segment: w.segs[len(w.segs)-1].number, Records: w.next, Head: hex.EncodeToString(w.head[:]),
		From: w.from, To: w.to, Time: w.opts.Now().UnixNano(), Reason: reason, Key: pub, NextKey: nextKey,
		Deleted: deleted, Recovered: rec, Seq: 1,
	}
	if w.lastSeal != nil {
		body.Seq = w.lastSeal.Body.Seq + 1
		body.PrevSeal = w.lastSeal.Hash()
	}
	ss, err := signSeal(body, key)
	if err != nil {
		return err
	}
	if err := w.write(appendFrame(nil, frameSeal, ss.Line())); err != nil {
		return err
	}
	if err := fdatasync(w.f); err != nil {
		return err
	}
	w.dirty = false
	w.lastSeal = &ss
	w.pending, w.from, w.to = 0, 0, 0
	if w.opts.WitnessDir != "" {
		if err := writeWitness(w.opts.WitnessDir, ss); err != nil && w.opts.OnWitnessError != nil {
			w.opts.OnWitnessError(err)
		}
	}
	if w.opts.OnSeal != nil {
		w.opts.OnSeal(ss)
	}
	return nil
}

// retainLocked removes closed segments older than the retention, after a
// signed deletion seal names them.
func (w *Writer) retainLocked() error {
	if w.opts.Retention <= 0 || len(w.segs) < 2 {
		return nil
	}
	cutoff := w.opts.Now().Add(-w.opts.Retention).UnixNano()
	var gone []DeletedSegment
	keep := w.segs[:0:0]
	for i, s := range w.segs {
		if i < len(w.segs)-1 && s.lastTime < cutoff && len(keep) == 0 {
			gone = append(gone, DeletedSegment{Segment: s.number, FirstIndex: s.firstIndex, Records: s.records, Head: hex.EncodeToString(s.head[:]), LastTime: s.lastTime})
			continue
		}
		keep = append(keep, s)
	}
	if len(gone) == 0 {
		return nil
	}
	if err := w.sealLocked(ReasonDeletion, gone, nil); err != nil {
		return err
	}
	for _, g := range gone {
		if err := os.Remove(segmentPath(w.opts.Dir, g.Segment)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	w.segs = keep
	return syncDir(w.opts.Dir)
}

// Close seals what is not sealed yet and closes the active segment.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	var err error
	if w.pending > 0 {
		err = w.sealLocked(ReasonShutdown, nil, nil)
	}
	err = errors.Join(err, w.f.Close())
	w.f = nil
	return err
}

func writeWitness(dir string, ss SignedSeal) error {
	path := filepath.Join(dir, fmt.Sprintf("seal-%016d.txt", ss.Body.Seq))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("witness_dir: %w", err)
	}
	if _, err := f.Write(append(ss.Line(), '\n')); err != nil {
		f.Close()
		return fmt.Errorf("witness_dir: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("witness_dir: %w", err)
	}
	return f.Close()
}

func newEncoder() *zstd.Encoder {
	enc, _ := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	return enc
}

func fdatasync(f *os.File) error { return unix.Fdatasync(int(f.Fd())) }

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
