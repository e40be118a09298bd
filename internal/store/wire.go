package store

import (
	"encoding/binary"
	"errors"
)

// The store keeps each log record or span as a one-record OTLP message
// (LogsData or TracesData with an empty resource and scope). Copying every
// record into a scratch message and marshalling it alone cost about half of a
// write (pprof of the collector under load, issue 12). Instead a write
// marshals the whole request once and cuts each record's bytes out of it:
// LogsData and TracesData share their layout down to the record:
//
//	LogsData/TracesData   field 1: ResourceLogs/ResourceSpans
//	ResourceLogs/Spans    field 2: ScopeLogs/ScopeSpans
//	ScopeLogs/Spans       field 2: LogRecord/Span
//
// so one walker serves both.

const (
	wireLen        = 2 // protobuf wire type LEN
	fieldResources = 1 // LogsData.resource_logs, TracesData.resource_spans
	fieldScopes    = 2 // ResourceLogs.scope_logs, ResourceSpans.scope_spans
	fieldRecords   = 2 // ScopeLogs.log_records, ScopeSpans.spans
)

var errWire = errors.New("malformed OTLP message")

// wireRecords appends to out the encoded bytes of every record of an encoded
// LogsData or TracesData, in the order pdata iterates them; the slices point
// into data.
func wireRecords(out [][]byte, data []byte) ([][]byte, error) {
	return wireFields(out, data, fieldResources, func(out [][]byte, res []byte) ([][]byte, error) {
		return wireFields(out, res, fieldScopes, func(out [][]byte, scope []byte) ([][]byte, error) {
			return wireFields(out, scope, fieldRecords, func(out [][]byte, rec []byte) ([][]byte, error) {
				return append(out, rec), nil
			})
		})
	})
}

// wireFields calls fn with the bytes of every LEN field numbered field of
// the message msg, skipping its other fields.
func wireFields(out [][]byte, msg []byte, field uint64, fn func([][]byte, []byte) ([][]byte, error)) ([][]byte, error) {
	for len(msg) > 0 {
		tag, n := binary.Uvarint(msg)
		if n <= 0 {
			return out, errWire
		}
		msg = msg[n:]
		var body []byte
		switch tag & 7 {
		case 0: // varint
			_, n = binary.Uvarint(msg)
			if n <= 0 {
				return out, errWire
			}
			msg = msg[n:]
			continue
		case 1: // fixed64
			if len(msg) < 8 {
				return out, errWire
			}
			msg = msg[8:]
			continue
		case 5: // fixed32
			if len(msg) < 4 {
				return out, errWire
			}
			msg = msg[4:]
			continue
		case wireLen:
			l, n := binary.Uvarint(msg)
			if n <= 0 || l > uint64(len(msg)-n) {
				return out, errWire
			}
			body, msg = msg[n:n+int(l)], msg[n+int(l):]
		default:
			return out, errWire
		}
		if tag>>3 != field {
			continue
		}
		var err error
		if out, err = fn(out, body); err != nil {
			return out, err
		}
	}
	return out, nil
}

// oneRecordLen is the length of the one-record message wrapping a record of
// n bytes (see appendOneRecord).
func oneRecordLen(n int) int {
	scope := 1 + uvarintLen(uint64(n)) + n
	res := 1 + uvarintLen(uint64(scope)) + scope
	return 1 + uvarintLen(uint64(res)) + res
}

// appendOneRecord appends the LogsData or TracesData holding only rec under
// an empty resource and scope: what marshalling a copy of the record into an
// otherwise empty message gives, without the copy.
func appendOneRecord(b []byte, rec []byte) []byte {
	scope := 1 + uvarintLen(uint64(len(rec))) + len(rec)
	res := 1 + uvarintLen(uint64(scope)) + scope
	b = binary.AppendUvarint(append(b, fieldResources<<3|wireLen), uint64(res))
	b = binary.AppendUvarint(append(b, fieldScopes<<3|wireLen), uint64(scope))
	b = binary.AppendUvarint(append(b, fieldRecords<<3|wireLen), uint64(len(rec)))
	return append(b, rec...)
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}
