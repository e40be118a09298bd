package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// nest makes v hold maps (or arrays) levels deep around a string leaf.
func nest(v pcommon.Value, levels int, arrays bool) {
	for range levels {
		if arrays {
			v = v.SetEmptySlice().AppendEmpty()
		} else {
			v = v.SetEmptyMap().PutEmpty("k")
		}
	}
	v.SetStr("password=hunter2")
}

// roundTrips reports whether pdata can read ld back after writing it.
func roundTrips(t *testing.T, ld plog.Logs) bool {
	t.Helper()
	b, err := (&plog.ProtoMarshaler{}).MarshalLogs(ld)
	require.NoError(t, err)
	_, err = (&plog.ProtoUnmarshaler{}).UnmarshalLogs(b)
	return err == nil
}

// TestTooDeepMatchesWhatPdataCanRead walks the boundary for each place a
// record can nest: the depth rule must refuse exactly what cannot be read.
func TestTooDeepMatchesWhatPdataCanRead(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		arrays bool
		attr   bool
	}{{"body maps", false, false}, {"body arrays", true, false}, {"attribute maps", false, true}, {"attribute arrays", true, true}} {
		t.Run(tc.name, func(t *testing.T) {
			for levels := 25; levels <= 55; levels++ {
				ld := plog.NewLogs()
				lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
				var deep bool
				if tc.attr {
					nest(lr.Attributes().PutEmpty("a"), levels, tc.arrays)
					deep = attrsTooDeep(lr.Attributes())
				} else {
					nest(lr.Body(), levels, tc.arrays)
					deep = valueTooDeep(lr.Body(), 1)
				}
				require.Equal(t, !roundTrips(t, ld), deep, "%d levels", levels)
			}
		})
	}
}

// TestWriteRefusesWhatCannotBeRead: records nested 34 levels deep were
// stored and never returned (issue 10 item 3). They are refused and
// counted, and the rest of the batch is stored and returned.
func TestWriteRefusesWhatCannotBeRead(t *testing.T) {
	t.Parallel()
	s := openTest(t, newClock(time.Now()))
	now := time.Now()
	ld := plog.NewLogs()
	lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	for _, levels := range []int{1, 33, 34, 64} {
		lr := lrs.AppendEmpty()
		lr.SetTimestamp(pcommon.NewTimestampFromTime(now))
		nest(lr.Body(), levels, false)
	}
	res, err := s.WriteLogs(context.Background(), ld)
	require.NoError(t, err)
	assert.Equal(t, WriteResult{Written: 2, TooDeep: 2}, res)
	got, err := s.QueryLogs(LogQuery{Limit: 100})
	require.NoError(t, err)
	assert.Equal(t, 2, got.Count, "everything stored is returned")
	assert.EqualValues(t, 2, s.Counters().TooDeep.Load())

	td := ptrace.NewTraces()
	spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	for i, levels := range []int{2, 40} {
		sp := spans.AppendEmpty()
		sp.SetTraceID([16]byte{1, byte(i)})
		sp.SetStartTimestamp(pcommon.NewTimestampFromTime(now))
		nest(sp.Events().AppendEmpty().Attributes().PutEmpty("e"), levels, false)
	}
	tres, err := s.WriteTraces(context.Background(), td)
	require.NoError(t, err)
	assert.Equal(t, WriteResult{Written: 1, TooDeep: 1}, tres)

	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	nest(rm.Resource().Attributes().PutEmpty("r"), 60, true)
	g := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	g.SetName("deep.resource")
	dp := g.SetEmptyGauge().DataPoints().AppendEmpty()
	dp.SetTimestamp(pcommon.NewTimestampFromTime(now))
	mres, err := s.WriteMetrics(context.Background(), md)
	require.NoError(t, err)
	assert.Equal(t, WriteResult{TooDeep: 1}, mres, "a resource that cannot be read takes its records with it")
}
