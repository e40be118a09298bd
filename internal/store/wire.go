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
		f, err := nextField(msg)
		if err != nil {
			return out, err
		}
		msg = f.rest
		if f.num != field || f.wire != wireLen {
			continue
		}
		if out, err = fn(out, f.body); err != nil {
			return out, err
		}
	}
	return out, nil
}

// field is the first field of an encoded message.
type field struct {
	num, wire uint64
	raw       []byte // the whole field, tag included
	body      []byte // the bytes of a LEN field
	rest      []byte // the message after the field
}

// nextField splits the first field off msg.
func nextField(msg []byte) (field, error) {
	tag, n := binary.Uvarint(msg)
	if n <= 0 {
		return field{}, errWire
	}
	f := field{num: tag >> 3, wire: tag & 7}
	p := msg[n:]
	var l int
	switch f.wire {
	case 0: // varint
		if _, l = binary.Uvarint(p); l <= 0 {
			return field{}, errWire
		}
	case 1: // fixed64
		l = 8
	case 5: // fixed32
		l = 4
	case wireLen:
		bl, m := binary.Uvarint(p)
		if m <= 0 || bl > uint64(len(p)-m) {
			return field{}, errWire
		}
		f.body = p[m : m+int(bl)]
		l = m + int(bl)
	default:
		return field{}, errWire
	}
	if l > len(p) {
		return field{}, errWire
	}
	f.raw, f.rest = msg[:n+l], p[l:]
	return f, nil
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

// Metrics take the same path to a metric (MetricsData field 1,
// ResourceMetrics field 2, ScopeMetrics field 2) as logs to a record; a data
// point sits one level deeper, in field 1 of the metric's data message
// (gauge, sum, histogram, exponential histogram or summary). A point is kept
// as a one-point MetricsData with its metric's name, description, unit,
// metadata and data fields (temporality, monotonicity), like a copy of the
// point into an otherwise empty metric, marshalled alone.

const fieldPoints = 1 // data_points of Gauge, Sum, Histogram, ExponentialHistogram, Summary

// isDataField reports whether num is a field of Metric's data oneof.
func isDataField(num uint64) bool {
	switch num {
	case 5, 7, 9, 10, 11: // gauge, sum, histogram, exponential_histogram, summary
		return true
	}
	return false
}

// wireMetric is one metric cut out of an encoded MetricsData.
type wireMetric struct {
	head     []byte   // the metric's fields but its data
	data     uint64   // the number of its data field; 0 for a metric without data
	dataHead []byte   // the data message's fields but its points
	points   [][]byte // the encoded data points, pointing into the request
}

// wireMetrics returns every metric of an encoded MetricsData, in the order
// pdata iterates them.
func wireMetrics(data []byte) ([]wireMetric, error) {
	var out []wireMetric
	_, err := wireFields(nil, data, fieldResources, func(_ [][]byte, res []byte) ([][]byte, error) {
		return wireFields(nil, res, fieldScopes, func(_ [][]byte, scope []byte) ([][]byte, error) {
			return wireFields(nil, scope, fieldRecords, func(_ [][]byte, metric []byte) ([][]byte, error) {
				m, err := cutMetric(metric)
				out = append(out, m)
				return nil, err
			})
		})
	})
	return out, err
}

// cutMetric splits an encoded metric into its fields and its points.
func cutMetric(msg []byte) (wireMetric, error) {
	var m wireMetric
	for len(msg) > 0 {
		f, err := nextField(msg)
		if err != nil {
			return m, err
		}
		msg = f.rest
		if f.wire != wireLen || !isDataField(f.num) {
			m.head = append(m.head, f.raw...)
			continue
		}
		if m.data != 0 {
			return m, errWire // pdata writes one data field
		}
		m.data = f.num
		for body := f.body; len(body) > 0; {
			pf, err := nextField(body)
			if err != nil {
				return m, err
			}
			body = pf.rest
			if pf.num == fieldPoints && pf.wire == wireLen {
				m.points = append(m.points, pf.body)
			} else {
				m.dataHead = append(m.dataHead, pf.raw...)
			}
		}
	}
	return m, nil
}

// nestedLen is the length of a LEN field (of a number below 16) holding n
// bytes.
func nestedLen(n int) int { return 1 + uvarintLen(uint64(n)) + n }

// appendNested appends the tag and length of a LEN field (of a number below
// 16) holding n bytes.
func appendNested(b []byte, num uint64, n int) []byte {
	return binary.AppendUvarint(append(b, byte(num<<3|wireLen)), uint64(n))
}

// onePointLen is the length of appendOnePoint's message for a point of n
// bytes of m.
func onePointLen(m *wireMetric, n int) int {
	metric := len(m.head) + nestedLen(len(m.dataHead)+nestedLen(n))
	return nestedLen(nestedLen(nestedLen(metric)))
}

// appendOnePoint appends the MetricsData holding only point, in metric m,
// under an empty resource and scope.
func appendOnePoint(b []byte, m *wireMetric, point []byte) []byte {
	data := len(m.dataHead) + nestedLen(len(point))
	metric := len(m.head) + nestedLen(data)
	b = appendNested(b, fieldResources, nestedLen(nestedLen(metric)))
	b = appendNested(b, fieldScopes, nestedLen(metric))
	b = appendNested(b, fieldRecords, metric)
	b = append(b, m.head...)
	b = append(appendNested(b, m.data, data), m.dataHead...)
	return append(appendNested(b, fieldPoints, len(point)), point...)
}
