package store

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// LogQuery selects log records. Zero fields do not filter.
type LogQuery struct {
	// Start and End bound the record time (inclusive).
	Start, End time.Time
	// Service is the resource's service.name.
	Service string
	// SeverityMin is the lowest severity number returned.
	SeverityMin plog.SeverityNumber
	// TraceID selects the records of one trace.
	TraceID pcommon.TraceID
	// Contains is a substring the body must contain (case-sensitive).
	Contains string
	// Limit is the page size; it must be positive.
	Limit int
	// After continues a previous page.
	After *Cursor
}

// LogResult is one page of log records, oldest first.
type LogResult struct {
	// Logs holds the records grouped by resource and scope.
	Logs plog.Logs
	// Count is the number of records in Logs.
	Count int
	// Next is where the next page starts; nil on the last page.
	Next *Cursor
}

// QueryLogs returns a page of the log records that match q.
func (s *Store) QueryLogs(q LogQuery) (LogResult, error) {
	if q.Limit <= 0 {
		return LogResult{}, errors.New("limit must be positive")
	}
	rd, err := s.newReader()
	if err != nil {
		return LogResult{}, err
	}
	defer rd.close()
	start, end := timeRange(q.Start, q.End)
	asm := newLogAssembler(rd)
	pg := &page{limit: q.Limit}
	needle := []byte(q.Contains)
	fromTS, fromSeq := seekFrom(start, q.After)
	for _, b := range s.bucketsIn(Logs, fromTS, end) {
		var dicts map[uint64]struct{}
		if q.Service != "" {
			if dicts = rd.dictsOfService(Logs, b, cleanName(q.Service)); len(dicts) == 0 {
				continue
			}
		}
		visit := func(r ref, v []byte) (bool, error) {
			dict, sev, payload, err := decodeValueHeader(v)
			if err != nil {
				return true, nil
			}
			if dicts != nil {
				if _, ok := dicts[dict]; !ok {
					return true, nil
				}
			}
			if plog.SeverityNumber(sev) < q.SeverityMin {
				return true, nil
			}
			if len(needle) > 0 && !bytes.Contains(payload, needle) {
				return true, nil
			}
			lr, err := asm.decode(payload)
			if err != nil {
				return true, nil
			}
			if len(needle) > 0 && !strings.Contains(lr.At(0).Body().AsString(), q.Contains) {
				return true, nil
			}
			if pg.full() {
				return false, nil
			}
			if err := asm.add(r.bucket, dict, lr); err != nil {
				return false, err
			}
			pg.took(r)
			return true, nil
		}
		var more bool
		if !q.TraceID.IsEmpty() {
			more, err = rd.scanTrace(Logs, b, q.TraceID, fromTS, fromSeq, end, visit)
		} else {
			more, err = rd.scanRecords(Logs, b, "", fromTS, fromSeq, end, visit)
		}
		if err != nil {
			return LogResult{}, err
		}
		if !more {
			break
		}
	}
	return LogResult{Logs: asm.out, Count: pg.count, Next: pg.next}, nil
}

// logAssembler rebuilds OTLP logs from stored records, grouping them under
// their resource and scope.
type logAssembler struct {
	rd     *reader
	out    plog.Logs
	scopes map[uint64]plog.LogRecordSlice
	um     plog.ProtoUnmarshaler
}

func newLogAssembler(rd *reader) *logAssembler {
	return &logAssembler{rd: rd, out: plog.NewLogs(), scopes: map[uint64]plog.LogRecordSlice{}}
}

// decode returns the single record a stored value holds.
func (a *logAssembler) decode(payload []byte) (plog.LogRecordSlice, error) {
	ld, err := a.um.UnmarshalLogs(payload)
	if err != nil {
		return plog.LogRecordSlice{}, err
	}
	if ld.ResourceLogs().Len() != 1 || ld.ResourceLogs().At(0).ScopeLogs().Len() != 1 ||
		ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().Len() != 1 {
		return plog.LogRecordSlice{}, errBadKey
	}
	return ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords(), nil
}

// add moves a decoded record under its resource and scope.
func (a *logAssembler) add(bucket int64, dict uint64, rec plog.LogRecordSlice) error {
	dst, ok := a.scopes[dict]
	if !ok {
		rl := a.out.ResourceLogs().AppendEmpty()
		sl := rl.ScopeLogs().AppendEmpty()
		p, err := a.rd.dict(Logs, bucket, dict)
		if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		if err == nil {
			if d, err := a.um.UnmarshalLogs(p); err == nil && d.ResourceLogs().Len() == 1 && d.ResourceLogs().At(0).ScopeLogs().Len() == 1 {
				drl := d.ResourceLogs().At(0)
				drl.Resource().CopyTo(rl.Resource())
				rl.SetSchemaUrl(drl.SchemaUrl())
				drl.ScopeLogs().At(0).Scope().CopyTo(sl.Scope())
				sl.SetSchemaUrl(drl.ScopeLogs().At(0).SchemaUrl())
			}
		}
		dst = sl.LogRecords()
		a.scopes[dict] = dst
	}
	rec.MoveAndAppendTo(dst)
	return nil
}
