package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// deepBody is an OTLP/JSON log request whose body nests levels maps.
func deepBody(levels int, ts int64) string {
	v := `{"stringValue":"password=hunter2"}`
	for range levels {
		v = `{"kvlistValue":{"values":[{"key":"k","value":` + v + `}]}}`
	}
	return fmt.Sprintf(`{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"fuzz"}}]},"scopeLogs":[{"logRecords":[{"timeUnixNano":"%d","body":%s}]}]}]}`, ts, v)
}

// FuzzOTLPJSONToStore feeds OTLP/JSON requests (logs, else traces, else metrics) to the
// store: whatever a write accepts must come back from a query, whole and
// valid, and whatever it refuses must be counted (issue 10 items 3 and 8).
func FuzzOTLPJSONToStore(f *testing.F) {
	now := time.Now().UnixNano()
	f.Add([]byte(deepBody(1, now)))
	f.Add([]byte(deepBody(33, now)))
	f.Add([]byte(deepBody(34, now)))
	f.Add([]byte(deepBody(200, now)))
	f.Add([]byte(fmt.Sprintf(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"%d","body":{"stringValue":"raw \xff\xfe bytes"},"attributes":[{"key":"\xc3\x28","value":{"bytesValue":"AAEC"}}]}]}]}]}`, now)))
	f.Add([]byte(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"18446744073709551615","observedTimeUnixNano":"1","severityNumber":2147483647,"body":{"doubleValue":1e308}}]}]}]}`))
	f.Add([]byte(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"arrayValue":{"values":[{"intValue":"-9223372036854775808"},{},{"boolValue":true}]}}}]}]}]}`))
	f.Add([]byte(fmt.Sprintf(`{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","startTimeUnixNano":"%d","attributes":[{"key":"a","value":{"arrayValue":{"values":[{"arrayValue":{}}]}}}]}]}]}]}`, now)))
	f.Add([]byte(fmt.Sprintf(`{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","unit":"1","metadata":[{"key":"k","value":{"stringValue":"v"}}],"sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[{"timeUnixNano":"%d","asInt":"3"},{}]}},{"name":"g","gauge":{}}]}]}]}`, now)))
	f.Add([]byte(`{}`))
	f.Add([]byte(`not json`))

	s := openTest(f, newClock(time.Now()))
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, in []byte) {
		if ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(in); err == nil && ld.LogRecordCount() > 0 {
			before := countLogs(t, s)
			res, err := s.WriteLogs(ctx, ld)
			require.NoError(t, err)
			require.Equal(t, ld.LogRecordCount(), res.Written+res.Expired+res.TooDeep, "every record is stored, expired or too deep")
			require.Equal(t, before+res.Written, countLogs(t, s), "every stored record is returned")
			return
		}
		if td, err := (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(in); err == nil && td.SpanCount() > 0 {
			res, err := s.WriteTraces(ctx, td)
			require.NoError(t, err)
			require.Equal(t, td.SpanCount(), res.Written+res.Expired+res.TooDeep)
			return
		}
		md, err := (&pmetric.JSONUnmarshaler{}).UnmarshalMetrics(in)
		if err != nil || md.DataPointCount() == 0 {
			return
		}
		res, err := s.WriteMetrics(ctx, md)
		require.NoError(t, err)
		require.Equal(t, md.DataPointCount(), res.Written+res.Expired+res.TooDeep, "every point is stored, expired or too deep")
	})
}

// FuzzDecodeBlock decodes arbitrary bytes as a block value: it never
// panics, and what decodes encodes back to the same records.
func FuzzDecodeBlock(f *testing.F) {
	f.Add(uint64(1000), uint64(50), encodeBlock([]pendRec{
		{ts: 1000, seq: 50, dict: 7, sev: 9, wrap: true, body: []byte("first")},
		{ts: 1003, seq: 49, dict: 7, sev: 9, body: []byte("second")},
	}))
	f.Add(uint64(0), uint64(0), []byte{1, 0, 0, 0, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint64(1), uint64(1), []byte{})
	f.Fuzz(func(t *testing.T, ts, seq uint64, v []byte) {
		recs, err := appendBlockRecs(nil, ts, seq, v)
		if err != nil {
			return
		}
		pend := make([]pendRec, len(recs))
		for i, r := range recs {
			dict, sev, body, err := decodeValueHeader(r.value)
			if err != nil {
				t.Fatalf("record %d of a valid block has no header", i)
			}
			pend[i] = pendRec{ts: r.ts, seq: r.seq, dict: dict, sev: sev, body: body}
		}
		again, err := appendBlockRecs(nil, ts, seq, encodeBlock(pend))
		if err != nil || !slices.EqualFunc(again, recs, func(a, b blockRec) bool {
			return a.ts == b.ts && a.seq == b.seq && bytes.Equal(a.value, b.value)
		}) {
			t.Fatalf("block %x does not round-trip: %v", v, err)
		}
	})
}

// countLogs counts every log record a query returns, page by page, and
// checks that each can be encoded as OTLP/JSON.
func countLogs(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	q := LogQuery{Limit: 1000}
	for {
		res, err := s.QueryLogs(q)
		require.NoError(t, err)
		n += res.Count
		_, err = (&plog.JSONMarshaler{}).MarshalLogs(res.Logs)
		require.NoError(t, err)
		if res.Next == nil {
			return n
		}
		q.After = res.Next
	}
}
