package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Cutting records out of a marshalled request gives, for each record, a
// one-record message that decodes to that record alone, in iteration order,
// across resources and scopes, for empty and large records alike.
func TestWireRecordsLogs(t *testing.T) {
	t.Parallel()
	ld := plog.NewLogs()
	var want []plog.LogRecord
	for r := 0; r < 3; r++ {
		rl := ld.ResourceLogs().AppendEmpty()
		rl.Resource().Attributes().PutStr("service.name", "svc")
		rl.SetSchemaUrl("https://example.com/schema")
		for s := 0; s < r; s++ {
			sl := rl.ScopeLogs().AppendEmpty()
			sl.Scope().SetName("scope")
			sl.Scope().Attributes().PutInt("n", int64(s))
			sl.LogRecords().AppendEmpty() // an empty record still has its place
			for k := 0; k < 4; k++ {
				lr := sl.LogRecords().AppendEmpty()
				lr.SetTimestamp(pcommon.Timestamp(1000 + k))
				lr.Body().SetStr(string(make([]byte, 200*k)))
				lr.Attributes().PutStr("k", "v")
				lr.Attributes().PutEmptyMap("m").PutEmptySlice("s").AppendEmpty().SetDouble(1.5)
				lr.SetSeverityNumber(plog.SeverityNumberWarn)
			}
		}
	}
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		for j := 0; j < ld.ResourceLogs().At(i).ScopeLogs().Len(); j++ {
			lrs := ld.ResourceLogs().At(i).ScopeLogs().At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				want = append(want, lrs.At(k))
			}
		}
	}
	var m plog.ProtoMarshaler
	recs, err := logRecordBytes(&m, ld)
	require.NoError(t, err)
	require.Len(t, recs, len(want))
	var um plog.ProtoUnmarshaler
	for i, rec := range recs {
		p := appendOneRecord(nil, rec)
		assert.Len(t, p, oneRecordLen(len(rec)))
		got, err := um.UnmarshalLogs(p)
		require.NoError(t, err)
		require.Equal(t, 1, got.LogRecordCount())
		// The same bytes as marshalling a copy alone, apart from the empty
		// resource and scope, which decode the same.
		one := plog.NewLogs()
		want[i].CopyTo(one.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty())
		assert.Equal(t, one, got, "record %d", i)
	}
}

func TestWireRecordsTraces(t *testing.T) {
	t.Parallel()
	td := ptrace.NewTraces()
	for r := 0; r < 2; r++ {
		ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
		for k := 0; k < 3; k++ {
			sp := ss.Spans().AppendEmpty()
			sp.SetName("span")
			sp.SetTraceID(tid(uint64(r*10 + k + 1)))
			sp.Attributes().PutInt("k", int64(k))
			sp.Events().AppendEmpty().SetName("event")
		}
	}
	var m ptrace.ProtoMarshaler
	recs, err := spanBytes(&m, td)
	require.NoError(t, err)
	require.Len(t, recs, 6)
	var um ptrace.ProtoUnmarshaler
	for i, rec := range recs {
		got, err := um.UnmarshalTraces(appendOneRecord(nil, rec))
		require.NoError(t, err)
		require.Equal(t, 1, got.SpanCount())
		sp := got.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
		assert.Equal(t, tid(uint64(i/3*10+i%3+1)), sp.TraceID())
		assert.Equal(t, "event", sp.Events().At(0).Name())
	}
}

func TestWireRecordsMalformed(t *testing.T) {
	t.Parallel()
	for name, p := range map[string][]byte{
		"truncated tag":    {0x80},
		"length too long":  {0x0a, 0x05, 0x00},
		"group wire type":  {0x0b},
		"truncated fixed":  {0x09, 0x01},
		"nested too short": {0x0a, 0x02, 0x12, 0x05},
	} {
		_, err := wireRecords(nil, p)
		assert.ErrorIs(t, err, errWire, name)
	}
	recs, err := wireRecords(nil, []byte{0x08, 0x01, 0x0a, 0x00}) // an unknown varint field, an empty resource
	require.NoError(t, err)
	assert.Empty(t, recs)
}
