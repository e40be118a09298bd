package store

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecordKeyRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		sig Signal
		r   ref
	}{
		{Logs, ref{bucket: 1_700_000_000_000_000_000, ts: 1_700_000_000_123_456_789, seq: 42}},
		{Traces, ref{bucket: 0, ts: 0, seq: 0}},
		{Metrics, ref{bucket: 10, ts: math.MaxUint64, seq: math.MaxUint64, name: "system.cpu.utilization"}},
		{Metrics, ref{bucket: 10, ts: 5, seq: 6, name: ""}},
	} {
		k := recordKey(tc.sig, tc.r)
		sig, got, block, err := decodeRecordKey(k)
		require.NoError(t, err)
		assert.Equal(t, tc.sig, sig)
		assert.Equal(t, tc.r, got)
		assert.False(t, block)
		bk := blockKey(tc.sig, tc.r)
		sig, got, block, err = decodeRecordKey(bk)
		require.NoError(t, err)
		assert.Equal(t, tc.sig, sig)
		assert.Equal(t, tc.r, got)
		assert.True(t, block, "a block key is a record key and the mark")
		assert.True(t, bytes.HasPrefix(bk, k))
		s, b, err := bucketOf(k)
		require.NoError(t, err)
		assert.Equal(t, tc.sig, s)
		assert.Equal(t, tc.r.bucket, b)
		assert.True(t, bytes.HasPrefix(k, bucketPrefix(tc.sig, tc.r.bucket)), "every key lives under its bucket prefix")
	}
}

func TestRecordKeysSortByTime(t *testing.T) {
	a := recordKey(Logs, ref{bucket: 100, ts: 1 << 40, seq: 9})
	b := recordKey(Logs, ref{bucket: 100, ts: 1<<40 + 1, seq: 1})
	c := recordKey(Logs, ref{bucket: 100, ts: 1<<40 + 1, seq: 2})
	d := recordKey(Logs, ref{bucket: 200, ts: 1, seq: 1})
	assert.Equal(t, -1, bytes.Compare(a, b))
	assert.Equal(t, -1, bytes.Compare(b, c))
	assert.Equal(t, -1, bytes.Compare(c, d), "a later bucket sorts after an earlier one")
	m1 := recordKey(Metrics, ref{bucket: 1, ts: 9, name: "a"})
	m2 := recordKey(Metrics, ref{bucket: 1, ts: 1, name: "ab"})
	assert.Equal(t, -1, bytes.Compare(m1, m2), "the name terminator keeps a's points apart from ab's")
	assert.True(t, bytes.HasPrefix(m1, recordPrefix(Metrics, 1, "a")))
	assert.False(t, bytes.HasPrefix(m2, recordPrefix(Metrics, 1, "a")))
}

func TestTraceIndexKeyRoundTrip(t *testing.T) {
	r := ref{bucket: 77, ts: 123, seq: 456}
	k := traceIndexKey(Logs, tid(5), r)
	got, id, err := decodeTraceIndexKey(k)
	require.NoError(t, err)
	assert.Equal(t, r, got)
	assert.Equal(t, [16]byte(tid(5)), id)
	assert.True(t, bytes.HasPrefix(k, traceIndexPrefix(Logs, 77, tid(5))))
	assert.False(t, bytes.HasPrefix(k, traceIndexPrefix(Logs, 77, tid(6))))
}

func TestDecodeBadKeys(t *testing.T) {
	for _, k := range [][]byte{
		nil,
		{'L'},
		append(bucketPrefix(Logs, 1), kindRecord),
		append(bucketPrefix(Logs, 1), kindDict, 1, 2, 3),
		append(recordPrefix(Metrics, 1, "x")[:11], make([]byte, 16)...), // no terminator
		append(recordKey(Logs, ref{bucket: 1, ts: 1, seq: 1}), 0),
		append(recordKey(Logs, ref{bucket: 1, ts: 1, seq: 1}), blockMark, blockMark),
	} {
		_, _, _, err := decodeRecordKey(k)
		assert.ErrorIs(t, err, errBadKey, "key %x", k)
	}
	_, _, err := decodeTraceIndexKey(recordKey(Logs, ref{}))
	assert.ErrorIs(t, err, errBadKey)
	_, _, _, err = decodeValueHeader([]byte{1, 2})
	assert.ErrorIs(t, err, errBadKey)
}

func TestValueHeader(t *testing.T) {
	v := append(encodeValueHeader(nil, 0xdeadbeef, 17), "payload"...)
	dict, sev, body, err := decodeValueHeader(v)
	require.NoError(t, err)
	assert.Equal(t, uint64(0xdeadbeef), dict)
	assert.Equal(t, byte(17), sev)
	assert.Equal(t, "payload", string(body))
}

func TestCursor(t *testing.T) {
	c := Cursor{TS: 1_700_000_000_000_000_000, Seq: 99}
	got, err := ParseCursor(c.String())
	require.NoError(t, err)
	assert.Equal(t, c, got)
	for _, bad := range []string{"", "!!", "AAAA", c.String() + "A"} {
		_, err := ParseCursor(bad)
		assert.ErrorIs(t, err, ErrBadCursor, bad)
	}
	ts, seq := seekFrom(10, &Cursor{TS: 20, Seq: 5})
	assert.Equal(t, [2]uint64{20, 6}, [2]uint64{ts, seq})
	ts, seq = seekFrom(30, &Cursor{TS: 20, Seq: 5})
	assert.Equal(t, [2]uint64{30, 0}, [2]uint64{ts, seq}, "start wins over an older cursor")
	ts, seq = seekFrom(0, &Cursor{TS: 20, Seq: math.MaxUint64})
	assert.Equal(t, [2]uint64{21, 0}, [2]uint64{ts, seq})
}

func TestCleanName(t *testing.T) {
	assert.Equal(t, "a b c", cleanName("a\x00b\x00c"))
	assert.Equal(t, "plain", cleanName("plain"))
}

func TestBucketWidth(t *testing.T) {
	assert.Equal(t, "1h0m0s", BucketWidth(72*3600e9).String())
	assert.Equal(t, "1h0m0s", BucketWidth(8*3600e9).String())
	assert.Equal(t, "3m0s", BucketWidth(24*60e9).String())
	assert.Equal(t, "1s", BucketWidth(5e9).String())
}

func FuzzParseCursor(f *testing.F) {
	f.Add(Cursor{TS: 1, Seq: 2}.String())
	f.Add("")
	f.Add("%%%")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCursor(s)
		if err == nil {
			got, err := ParseCursor(c.String())
			if err != nil || got != c {
				t.Fatalf("cursor %q does not round-trip", s)
			}
		}
	})
}

func FuzzDecodeKeys(f *testing.F) {
	f.Add(recordKey(Metrics, ref{bucket: 1, ts: 2, seq: 3, name: "m"}))
	f.Add(traceIndexKey(Logs, tid(1), ref{bucket: 1, ts: 2, seq: 3}))
	f.Add([]byte{})
	f.Add([]byte{traceListFormat, 1, 2, 3, 4})
	f.Add([]byte{traceBlockFormat, 1, 2, 3, 4, 0, 5, 6, 7, 8})
	f.Add(blockKey(Metrics, ref{bucket: 1, ts: 2, seq: 3, name: "m"}))
	f.Fuzz(func(t *testing.T, k []byte) {
		if sig, r, block, err := decodeRecordKey(k); err == nil && (sig == Logs || sig == Metrics) {
			again := recordKey(sig, r)
			if block {
				again = blockKey(sig, r)
			}
			if !bytes.Equal(again, k) {
				t.Fatalf("record key %x does not round-trip", k)
			}
		}
		_, _, _ = decodeTraceIndexKey(k)
		if refs, err := appendTraceRefs(nil, ref{ts: 1 << 62, seq: 1 << 62}, k); err == nil && len(k) > 0 && k[0] == traceBlockFormat {
			l := newTraceList(refs[0].ref, refs[0].blk)
			for _, r := range refs[1:] {
				l.add(r.ref, r.blk)
			}
			again, err := appendTraceRefs(nil, refs[0].ref, l.value())
			if err != nil || !slices.Equal(again, refs) {
				t.Fatalf("trace list %x does not round-trip", k)
			}
		}
		_, _, _, _ = decodeValueHeader(k)
	})
}

// TestKindsWrittenAllTheTimeSortAfterRecords pins the order of key kinds in a
// bucket that keeps flushed tables from spanning the bucket's older records
// (see the kind constants).
func TestKindsWrittenAllTheTimeSortAfterRecords(t *testing.T) {
	newest := recordKey(Logs, ref{bucket: 5, ts: math.MaxUint64, seq: math.MaxUint64})
	once := [][]byte{dictKey(Metrics, 5, math.MaxUint64), nameKey(5, "zzz")}
	always := [][]byte{
		serviceKey(Logs, 5, "svc", 0),
		traceIndexKey(Logs, tid(0), ref{bucket: 5}),
		resStatKey(Logs, 5, 0),
	}
	for _, k := range once {
		assert.Equal(t, -1, bytes.Compare(k, recordKey(Metrics, ref{bucket: 5})), "%q sorts before the records", k)
	}
	for _, k := range always {
		assert.Equal(t, 1, bytes.Compare(k, newest), "%q sorts after the newest record", k)
		assert.Equal(t, -1, bytes.Compare(k, bucketPrefix(Logs, 6)), "%q stays in its bucket", k)
	}
	assert.Equal(t, -1, bytes.Compare(traceIndexKey(Logs, tid(math.MaxUint64), ref{bucket: 5, ts: math.MaxUint64}), resStatKey(Logs, 5, 0)))
}
