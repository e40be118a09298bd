package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Signal is the first byte of every key of a signal's data.
type Signal byte

// The signals the store keeps.
const (
	Traces  Signal = 'T'
	Logs    Signal = 'L'
	Metrics Signal = 'M'
)

// Signals lists every signal, in the order the store reports them.
var Signals = []Signal{Traces, Logs, Metrics}

// String returns the signal's name as used in configuration and the API.
func (s Signal) String() string {
	switch s {
	case Traces:
		return "traces"
	case Logs:
		return "logs"
	case Metrics:
		return "metrics"
	}
	return fmt.Sprintf("signal(%d)", byte(s))
}

// Kinds of keys inside a bucket: the byte after the bucket start.
//
// Their order matters for compactions. A flushed memtable becomes one table
// whose key range runs from its smallest to its largest key, and every
// compaction rewrites the tables of the next level that the range overlaps.
// Keys written all the time (records, trace index entries, resource counts)
// therefore sort at or after the newest records, so that the range covers
// the index at most, never the bucket's older records; keys that sort before
// the records (dictionary, metric names) are written once per bucket.
const (
	kindDict     byte = 'd' // resource and scope of records: dict id -> proto
	kindName     byte = 'n' // metric names: name -> empty
	kindRecord   byte = 'r' // time-ordered record: [name 0x00] ts seq -> value
	kindService  byte = 's' // service index: service 0x00 dict id -> empty
	kindTraceIdx byte = 't' // trace id index: trace id, ts, seq -> the trace's other records of the batch (tracelist.go)
	kindResStat  byte = 'u' // resource counts, saved every check: resource hash -> count, last seen, proto
)

const (
	bucketPrefixLen = 1 + 8 // signal + bucket start
	traceIDLen      = 16
	tsSeqLen        = 16
)

// errBadKey reports a key that does not decode; the store skips such keys.
var errBadKey = errors.New("malformed store key")

// ref points at one record: its bucket, timestamp and sequence number. In the
// metrics signal name is the metric name, part of the record key.
type ref struct {
	bucket int64
	ts     uint64
	seq    uint64
	name   string
}

func putU64(b []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(b, v) }

// bucketPrefix is the prefix of every key of one bucket of a signal.
func bucketPrefix(sig Signal, bucket int64) []byte {
	return putU64([]byte{byte(sig)}, uint64(bucket))
}

// kindPrefix is the prefix of the keys of one kind inside a bucket.
func kindPrefix(sig Signal, bucket int64, kind byte) []byte {
	return append(bucketPrefix(sig, bucket), kind)
}

// recordPrefix is the prefix of the record keys of a bucket; for metrics it
// includes the metric name and its terminator.
func recordPrefix(sig Signal, bucket int64, name string) []byte {
	return appendRecordPrefix(make([]byte, 0, recordKeyLen(sig, name)), sig, bucket, name)
}

func appendRecordPrefix(p []byte, sig Signal, bucket int64, name string) []byte {
	p = append(putU64(append(p, byte(sig)), uint64(bucket)), kindRecord)
	if sig == Metrics {
		p = append(append(p, name...), 0)
	}
	return p
}

// recordKeyLen is the length of a record key of sig with metric name name.
func recordKeyLen(sig Signal, name string) int {
	n := bucketPrefixLen + 1 + tsSeqLen
	if sig == Metrics {
		n += len(name) + 1
	}
	return n
}

// recordKey encodes a record's key.
func recordKey(sig Signal, r ref) []byte {
	return appendRecordKey(make([]byte, 0, recordKeyLen(sig, r.name)), sig, r)
}

// appendRecordKey appends a record's key to p.
func appendRecordKey(p []byte, sig Signal, r ref) []byte {
	return putU64(putU64(appendRecordPrefix(p, sig, r.bucket, r.name), r.ts), r.seq)
}

// decodeRecordKey decodes a key made by recordKey, or the key of a block
// (blockKey), which block reports.
func decodeRecordKey(k []byte) (sig Signal, r ref, block bool, err error) {
	if len(k) < bucketPrefixLen+1+tsSeqLen || k[bucketPrefixLen] != kindRecord {
		return 0, ref{}, false, errBadKey
	}
	sig = Signal(k[0])
	r = ref{bucket: int64(binary.BigEndian.Uint64(k[1:9]))}
	rest := k[bucketPrefixLen+1:]
	if rest[len(rest)-1] == blockMark && (len(rest)-blockKeyExtra-tsSeqLen == 0 || sig == Metrics) {
		// A block key; for metrics only if the name before it is valid
		// (no 0x00 but its terminator), else it may be a per-record key
		// whose seq ends in the mark.
		if nr, ok := decodeTail(sig, rest[:len(rest)-blockKeyExtra]); ok {
			nr.bucket = r.bucket
			return sig, nr, true, nil
		}
	}
	nr, ok := decodeTail(sig, rest)
	if !ok {
		return 0, ref{}, false, errBadKey
	}
	nr.bucket = r.bucket
	return sig, nr, false, nil
}

// decodeTail decodes [name 0x00] ts seq, the end of a record key.
func decodeTail(sig Signal, rest []byte) (ref, bool) {
	var r ref
	if sig == Metrics {
		n := len(rest) - tsSeqLen - 1
		if n < 0 || rest[n] != 0 || bytes.IndexByte(rest[:n], 0) >= 0 {
			return ref{}, false
		}
		r.name = string(rest[:n])
		rest = rest[n+1:]
	}
	if len(rest) != tsSeqLen {
		return ref{}, false
	}
	r.ts = binary.BigEndian.Uint64(rest[:8])
	r.seq = binary.BigEndian.Uint64(rest[8:])
	return r, true
}

// blockKeyLen is the length of a block key of sig with metric name name.
func blockKeyLen(sig Signal, name string) int { return recordKeyLen(sig, name) + blockKeyExtra }

// appendBlockKey appends the key of the block whose first record is r.
func appendBlockKey(p []byte, sig Signal, r ref) []byte {
	return append(appendRecordKey(p, sig, r), blockMark)
}

// blockKey encodes the key of the block whose first record is r.
func blockKey(sig Signal, r ref) []byte {
	return appendBlockKey(make([]byte, 0, blockKeyLen(sig, r.name)), sig, r)
}

// traceIndexPrefix is the prefix of the index keys of one trace in a bucket.
func traceIndexPrefix(sig Signal, bucket int64, traceID [16]byte) []byte {
	return append(kindPrefix(sig, bucket, kindTraceIdx), traceID[:]...)
}

// traceIndexKeyLen is the length of every trace index key.
const traceIndexKeyLen = bucketPrefixLen + 1 + traceIDLen + tsSeqLen

// traceIndexKey encodes the trace id index key whose entry starts at r.
func traceIndexKey(sig Signal, traceID [16]byte, r ref) []byte {
	return appendTraceIndexKey(make([]byte, 0, traceIndexKeyLen), sig, traceID, r)
}

// appendTraceIndexKey appends the trace id index key whose entry starts at r
// to p.
func appendTraceIndexKey(p []byte, sig Signal, traceID [16]byte, r ref) []byte {
	p = append(putU64(append(p, byte(sig)), uint64(r.bucket)), kindTraceIdx)
	return putU64(putU64(append(p, traceID[:]...), r.ts), r.seq)
}

// decodeTraceIndexKey returns the first record of a trace index entry.
func decodeTraceIndexKey(k []byte) (ref, [16]byte, error) {
	var id [16]byte
	if len(k) != bucketPrefixLen+1+traceIDLen+tsSeqLen || k[bucketPrefixLen] != kindTraceIdx {
		return ref{}, id, errBadKey
	}
	copy(id[:], k[bucketPrefixLen+1:])
	rest := k[bucketPrefixLen+1+traceIDLen:]
	return ref{
		bucket: int64(binary.BigEndian.Uint64(k[1:9])),
		ts:     binary.BigEndian.Uint64(rest[:8]),
		seq:    binary.BigEndian.Uint64(rest[8:]),
	}, id, nil
}

// servicePrefix is the prefix of a service's index keys in a bucket.
func servicePrefix(sig Signal, bucket int64, service string) []byte {
	return append(append(kindPrefix(sig, bucket, kindService), service...), 0)
}

// serviceKey maps a service to one dictionary entry (resource and scope).
func serviceKey(sig Signal, bucket int64, service string, dict uint64) []byte {
	return putU64(servicePrefix(sig, bucket, service), dict)
}

// dictKey is the key of a dictionary entry.
func dictKey(sig Signal, bucket int64, dict uint64) []byte {
	return putU64(kindPrefix(sig, bucket, kindDict), dict)
}

// resStatKey is the key of a resource's counts in a bucket.
func resStatKey(sig Signal, bucket int64, res uint64) []byte {
	return putU64(kindPrefix(sig, bucket, kindResStat), res)
}

// nameKey records that a metric name has points in a bucket.
func nameKey(bucket int64, name string) []byte {
	return append(kindPrefix(Metrics, bucket, kindName), name...)
}

// bucketOf decodes the signal and bucket start of any data key.
func bucketOf(k []byte) (Signal, int64, error) {
	if len(k) < bucketPrefixLen {
		return 0, 0, errBadKey
	}
	return Signal(k[0]), int64(binary.BigEndian.Uint64(k[1:9])), nil
}

// Record values start with a fixed header: the dictionary id of the record's
// resource and scope, and for logs the severity number (0 otherwise), so that
// filters on service and severity need not decode the record.
const valueHeaderLen = 9

func encodeValueHeader(b []byte, dict uint64, severity byte) []byte {
	return append(putU64(b, dict), severity)
}

func decodeValueHeader(v []byte) (dict uint64, severity byte, body []byte, err error) {
	if len(v) < valueHeaderLen {
		return 0, 0, nil, errBadKey
	}
	return binary.BigEndian.Uint64(v[:8]), v[8], v[valueHeaderLen:], nil
}

// cleanName keeps a name usable inside a key: the 0x00 terminator is replaced.
func cleanName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] == 0 {
					b[j] = ' '
				}
			}
			return string(b)
		}
	}
	return s
}

func getU64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }
