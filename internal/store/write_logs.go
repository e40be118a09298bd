package store

import (
	"context"
	"fmt"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// resourceEncoder encodes resources as plog protobuf, whatever the signal,
// so that the resources query decodes them one way.
type resourceEncoder struct {
	scratch plog.Logs
	m       plog.ProtoMarshaler
}

func newResourceEncoder() *resourceEncoder {
	e := &resourceEncoder{scratch: plog.NewLogs()}
	e.scratch.ResourceLogs().AppendEmpty()
	return e
}

func (e *resourceEncoder) encode(r pcommon.Resource) (*resourceInfo, error) {
	r.CopyTo(e.scratch.ResourceLogs().At(0).Resource())
	p, err := e.m.MarshalLogs(e.scratch)
	if err != nil {
		return nil, err
	}
	return &resourceInfo{hash: hash64(p), proto: p, service: serviceOf(r)}, nil
}

// WriteLogs stores every log record of ld. Records are filed under their
// timestamp, or their observed timestamp when it is zero.
func (s *Store) WriteLogs(ctx context.Context, ld plog.Logs) (WriteResult, error) {
	b, err := s.newBatch(ctx, Logs, ld.LogRecordCount())
	if err != nil {
		return WriteResult{}, err
	}
	renc := newResourceEncoder()
	var m plog.ProtoMarshaler
	dictScratch := plog.NewLogs()
	recs, err := logRecordBytes(&m, ld)
	if err != nil {
		b.abort()
		return WriteResult{}, err
	}
	next := 0
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		rl := ld.ResourceLogs().At(i)
		res, err := renc.encode(rl.Resource())
		if err != nil {
			b.abort()
			return WriteResult{}, err
		}
		resDeep := attrsTooDeep(rl.Resource().Attributes())
		for j := 0; j < rl.ScopeLogs().Len(); j++ {
			sl := rl.ScopeLogs().At(j)
			first := next
			next += sl.LogRecords().Len()
			if b.deep(resDeep || attrsTooDeep(sl.Scope().Attributes()), sl.LogRecords().Len()) {
				continue
			}
			dict, err := logDict(&m, dictScratch, rl, sl)
			if err != nil {
				b.abort()
				return WriteResult{}, err
			}
			for k := 0; k < sl.LogRecords().Len(); k++ {
				lr := sl.LogRecords().At(k)
				if b.deep(valueTooDeep(lr.Body(), 1) || attrsTooDeep(lr.Attributes()), 1) {
					continue
				}
				ts, ok := b.keyTime(lr.Timestamp(), lr.ObservedTimestamp())
				if !ok {
					continue
				}
				if _, err := b.addRecord(ts, res, dict, lr.TraceID(), severityByte(lr.SeverityNumber()), recs[first+k]); err != nil {
					b.abort()
					return WriteResult{}, err
				}
			}
		}
	}
	return b.commit(ctx)
}

// logRecordBytes marshals ld once and returns the encoded bytes of each of
// its log records, in iteration order.
func logRecordBytes(m *plog.ProtoMarshaler, ld plog.Logs) ([][]byte, error) {
	p, err := m.MarshalLogs(ld)
	if err != nil {
		return nil, err
	}
	recs, err := wireRecords(make([][]byte, 0, ld.LogRecordCount()), p)
	if err == nil && len(recs) != ld.LogRecordCount() {
		err = errWire
	}
	if err != nil {
		return nil, fmt.Errorf("cutting log records out of their request: %w", err)
	}
	return recs, nil
}

// logDict encodes a resource and scope pair without records.
func logDict(m *plog.ProtoMarshaler, scratch plog.Logs, rl plog.ResourceLogs, sl plog.ScopeLogs) (*dictInfo, error) {
	scratch.ResourceLogs().RemoveIf(func(plog.ResourceLogs) bool { return true })
	drl := scratch.ResourceLogs().AppendEmpty()
	rl.Resource().CopyTo(drl.Resource())
	drl.SetSchemaUrl(rl.SchemaUrl())
	dsl := drl.ScopeLogs().AppendEmpty()
	sl.Scope().CopyTo(dsl.Scope())
	dsl.SetSchemaUrl(sl.SchemaUrl())
	p, err := m.MarshalLogs(scratch)
	if err != nil {
		return nil, err
	}
	return &dictInfo{id: hash64(p), proto: p}, nil
}

func severityByte(n plog.SeverityNumber) byte {
	if n < 0 || n > 255 {
		return 0
	}
	return byte(n)
}
