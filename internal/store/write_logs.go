package store

import (
	"context"

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
	b, err := s.newBatch(ctx, Logs)
	if err != nil {
		return WriteResult{}, err
	}
	renc := newResourceEncoder()
	var m plog.ProtoMarshaler
	dictScratch := plog.NewLogs()
	one := plog.NewLogs()
	oneSL := one.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	oneLR := oneSL.LogRecords().AppendEmpty()
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
				lr.CopyTo(oneLR)
				payload, err := m.MarshalLogs(one)
				if err != nil {
					b.abort()
					return WriteResult{}, err
				}
				if _, err := b.add(ts, res, dict, lr.TraceID(), severityByte(lr.SeverityNumber()), "", payload); err != nil {
					b.abort()
					return WriteResult{}, err
				}
			}
		}
	}
	return b.commit(ctx)
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
