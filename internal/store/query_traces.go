package store

import (
	"errors"
	"math"

	"github.com/dgraph-io/badger/v4"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TraceResult is a trace with the log records that carry its id.
type TraceResult struct {
	// Traces holds the spans grouped by resource and scope.
	Traces ptrace.Traces
	// Logs holds the log records with the trace id.
	Logs plog.Logs
	// Spans and LogRecords count what Traces and Logs hold.
	Spans, LogRecords int
	// Truncated is true when the trace had more than the limit of spans or
	// log records.
	Truncated bool
}

// Trace returns the spans of a trace and the log records that carry its id,
// at most limit of each, oldest first.
func (s *Store) Trace(id pcommon.TraceID, limit int) (TraceResult, error) {
	if limit <= 0 {
		return TraceResult{}, errors.New("limit must be positive")
	}
	rd, err := s.newReader()
	if err != nil {
		return TraceResult{}, err
	}
	defer rd.close()
	res := TraceResult{Traces: ptrace.NewTraces()}

	asm := newTraceAssembler(rd, res.Traces)
	pg := &page{limit: limit}
	for _, b := range s.bucketsIn(Traces, 0, math.MaxUint64) {
		more, err := rd.scanTrace(Traces, b, id, 0, 0, math.MaxUint64, func(r ref, v []byte) (bool, error) {
			dict, _, payload, err := decodeValueHeader(v)
			if err != nil {
				return true, nil
			}
			if pg.full() {
				return false, nil
			}
			if err := asm.add(b, dict, payload); err != nil {
				return false, err
			}
			pg.took(r)
			return true, nil
		})
		if err != nil {
			return TraceResult{}, err
		}
		if !more {
			break
		}
	}
	res.Spans, res.Truncated = pg.count, pg.next != nil

	logs, err := s.QueryLogs(LogQuery{TraceID: id, Limit: limit})
	if err != nil {
		return TraceResult{}, err
	}
	res.Logs, res.LogRecords = logs.Logs, logs.Count
	res.Truncated = res.Truncated || logs.Next != nil
	return res, nil
}

// traceAssembler rebuilds OTLP traces from stored spans.
type traceAssembler struct {
	rd     *reader
	out    ptrace.Traces
	scopes map[uint64]ptrace.SpanSlice
	um     ptrace.ProtoUnmarshaler
}

func newTraceAssembler(rd *reader, out ptrace.Traces) *traceAssembler {
	return &traceAssembler{rd: rd, out: out, scopes: map[uint64]ptrace.SpanSlice{}}
}

// add decodes a stored span and moves it under its resource and scope.
func (a *traceAssembler) add(bucket int64, dict uint64, payload []byte) error {
	td, err := a.um.UnmarshalTraces(payload)
	if err != nil || td.ResourceSpans().Len() != 1 || td.ResourceSpans().At(0).ScopeSpans().Len() != 1 {
		return nil // a damaged record is skipped, not fatal to the query
	}
	dst, ok := a.scopes[dict]
	if !ok {
		rs := a.out.ResourceSpans().AppendEmpty()
		ss := rs.ScopeSpans().AppendEmpty()
		p, err := a.rd.dict(Traces, bucket, dict)
		if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		if err == nil {
			if d, err := a.um.UnmarshalTraces(p); err == nil && d.ResourceSpans().Len() == 1 && d.ResourceSpans().At(0).ScopeSpans().Len() == 1 {
				drs := d.ResourceSpans().At(0)
				drs.Resource().CopyTo(rs.Resource())
				rs.SetSchemaUrl(drs.SchemaUrl())
				drs.ScopeSpans().At(0).Scope().CopyTo(ss.Scope())
				ss.SetSchemaUrl(drs.ScopeSpans().At(0).SchemaUrl())
			}
		}
		dst = ss.Spans()
		a.scopes[dict] = dst
	}
	td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().MoveAndAppendTo(dst)
	return nil
}
