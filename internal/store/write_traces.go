package store

import (
	"context"
	"fmt"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

// WriteTraces stores every span of td, filed under its start time.
func (s *Store) WriteTraces(ctx context.Context, td ptrace.Traces) (WriteResult, error) {
	b, err := s.newBatch(ctx, Traces, td.SpanCount())
	if err != nil {
		return WriteResult{}, err
	}
	renc := newResourceEncoder()
	var m ptrace.ProtoMarshaler
	dictScratch := ptrace.NewTraces()
	recs, err := spanBytes(&m, td)
	if err != nil {
		b.abort()
		return WriteResult{}, err
	}
	next := 0
	for i := 0; i < td.ResourceSpans().Len(); i++ {
		rs := td.ResourceSpans().At(i)
		res, err := renc.encode(rs.Resource())
		if err != nil {
			b.abort()
			return WriteResult{}, err
		}
		resDeep := attrsTooDeep(rs.Resource().Attributes())
		for j := 0; j < rs.ScopeSpans().Len(); j++ {
			ss := rs.ScopeSpans().At(j)
			first := next
			next += ss.Spans().Len()
			if b.deep(resDeep || attrsTooDeep(ss.Scope().Attributes()), ss.Spans().Len()) {
				continue
			}
			dict, err := traceDict(&m, dictScratch, rs, ss)
			if err != nil {
				b.abort()
				return WriteResult{}, err
			}
			for k := 0; k < ss.Spans().Len(); k++ {
				sp := ss.Spans().At(k)
				if b.deep(spanTooDeep(sp), 1) {
					continue
				}
				ts, ok := b.keyTime(sp.StartTimestamp(), sp.EndTimestamp())
				if !ok {
					continue
				}
				if _, err := b.addRecord(ts, res, dict, sp.TraceID(), 0, recs[first+k]); err != nil {
					b.abort()
					return WriteResult{}, err
				}
			}
		}
	}
	return b.commit(ctx)
}

// spanBytes marshals td once and returns the encoded bytes of each of its
// spans, in iteration order.
func spanBytes(m *ptrace.ProtoMarshaler, td ptrace.Traces) ([][]byte, error) {
	p, err := m.MarshalTraces(td)
	if err != nil {
		return nil, err
	}
	recs, err := wireRecords(make([][]byte, 0, td.SpanCount()), p)
	if err == nil && len(recs) != td.SpanCount() {
		err = errWire
	}
	if err != nil {
		return nil, fmt.Errorf("cutting spans out of their request: %w", err)
	}
	return recs, nil
}

// traceDict encodes a resource and scope pair without spans.
func traceDict(m *ptrace.ProtoMarshaler, scratch ptrace.Traces, rs ptrace.ResourceSpans, ss ptrace.ScopeSpans) (*dictInfo, error) {
	scratch.ResourceSpans().RemoveIf(func(ptrace.ResourceSpans) bool { return true })
	drs := scratch.ResourceSpans().AppendEmpty()
	rs.Resource().CopyTo(drs.Resource())
	drs.SetSchemaUrl(rs.SchemaUrl())
	dss := drs.ScopeSpans().AppendEmpty()
	ss.Scope().CopyTo(dss.Scope())
	dss.SetSchemaUrl(ss.SchemaUrl())
	p, err := m.MarshalTraces(scratch)
	if err != nil {
		return nil, err
	}
	return &dictInfo{id: hash64(p), proto: p}, nil
}

// spanTooDeep reports whether the attributes of a span, its events or its
// links nest too deep to be read back.
func spanTooDeep(sp ptrace.Span) bool {
	if attrsTooDeep(sp.Attributes()) {
		return true
	}
	for i := 0; i < sp.Events().Len(); i++ {
		if attrsTooDeep(sp.Events().At(i).Attributes()) {
			return true
		}
	}
	for i := 0; i < sp.Links().Len(); i++ {
		if attrsTooDeep(sp.Links().At(i).Attributes()) {
			return true
		}
	}
	return false
}
