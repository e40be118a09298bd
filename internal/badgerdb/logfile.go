package badgerdb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strconv"

	"github.com/dgraph-io/badger/v4/y"
)

// Badger's log files (memtable write-ahead logs, *.mem, and value logs,
// *.vlog) hold entries: meta, user meta, klen, vlen and expiry as varints,
// key (with version), value, and a big-endian CRC-32C of all that. The first
// 20 bytes of a file are its encryption header. Reading them here lets the
// salvage work without badger's internals, on files badger refuses to open.
const (
	logHeaderSize = 20
	metaTxn       = 1 << 6
	metaFinTxn    = 1 << 7
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// logEntry is one decoded log entry; key carries its version.
type logEntry struct {
	meta      byte
	expiresAt uint64
	key       []byte
	value     []byte
}

// decodeLogEntry decodes the entry at the start of buf and returns its
// length; ok is false for zeroed space, a torn entry or a bad checksum.
func decodeLogEntry(buf []byte) (e logEntry, n int, ok bool) {
	if len(buf) < 2 {
		return e, 0, false
	}
	e.meta = buf[0]
	i := 2
	klen, c := binary.Uvarint(buf[i:])
	if c <= 0 {
		return e, 0, false
	}
	i += c
	vlen, c := binary.Uvarint(buf[i:])
	if c <= 0 {
		return e, 0, false
	}
	i += c
	if e.expiresAt, c = binary.Uvarint(buf[i:]); c <= 0 {
		return e, 0, false
	}
	i += c
	rest := uint64(len(buf) - i)
	if klen == 0 || klen > rest || vlen > rest || rest < klen+vlen+4 {
		return e, 0, false
	}
	end := i + int(klen) + int(vlen)
	if crc32.Checksum(buf[:end], castagnoli) != binary.BigEndian.Uint32(buf[end:]) {
		return e, 0, false
	}
	e.key = buf[i : i+int(klen)]
	e.value = buf[i+int(klen) : end]
	return e, end + 4, true
}

// scanWALFile calls fn for every committed entry of a memtable log, in
// order, with badger's rules: entries of a transaction count only once its
// closing marker is read, and reading stops at the first damaged entry.
func scanWALFile(path string, fn func(logEntry)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(data) < logHeaderSize {
		return errors.New("log file shorter than its header")
	}
	var txn []logEntry
	var txnTs uint64
	for off := logHeaderSize; off < len(data); {
		e, n, ok := decodeLogEntry(data[off:])
		if !ok {
			break
		}
		off += n
		switch {
		case e.meta&metaTxn != 0:
			ts := y.ParseTs(e.key)
			if len(txn) > 0 && ts != txnTs {
				return nil // an unfinished transaction: badger stops here too
			}
			txnTs = ts
			txn = append(txn, e)
		case e.meta&metaFinTxn != 0:
			ts, err := strconv.ParseUint(string(e.value), 10, 64)
			if err != nil || ts != txnTs {
				return nil
			}
			for _, te := range txn {
				fn(te)
			}
			txn = txn[:0]
		default:
			fn(e)
		}
	}
	return nil
}

// vlogReader resolves value pointers into the value logs of dir.
type vlogReader struct {
	dir   string
	files map[uint32]*os.File
}

func (r *vlogReader) close() {
	for _, f := range r.files {
		_ = f.Close()
	}
}

// value returns the value a 12-byte pointer refers to, checking that the
// entry there belongs to key (without version).
func (r *vlogReader) value(ptr, key []byte) ([]byte, error) {
	if len(ptr) < 12 {
		return nil, errors.New("short value pointer")
	}
	// badger copies the struct {Fid, Len, Offset uint32} in memory order.
	fid := binary.LittleEndian.Uint32(ptr[0:])
	size := binary.LittleEndian.Uint32(ptr[4:])
	offset := binary.LittleEndian.Uint32(ptr[8:])
	f, ok := r.files[fid]
	if !ok {
		var err error
		if f, err = os.Open(filepath.Join(r.dir, fmt.Sprintf("%06d.vlog", fid))); err != nil {
			return nil, err
		}
		if r.files == nil {
			r.files = map[uint32]*os.File{}
		}
		r.files[fid] = f
	}
	buf := make([]byte, size)
	if _, err := f.ReadAt(buf, int64(offset)); err != nil {
		return nil, fmt.Errorf("value log %d at %d: %w", fid, offset, err)
	}
	e, _, ok := decodeLogEntry(buf)
	if !ok || string(y.ParseKey(e.key)) != string(key) {
		return nil, fmt.Errorf("value log %d at %d: damaged entry", fid, offset)
	}
	return e.value, nil
}
