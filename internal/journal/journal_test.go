package journal

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// crash stops the store as a kill -9 would leave it: the journal's overlays
// are not written to Badger and its segments are closed as they are. Badger
// itself is closed (its own log survives a kill -9 anyway).
func (e *testStore) crash(t *testing.T) {
	t.Helper()
	_, err := e.shutdown(false) // also ends the claim: a killed process holds none
	require.NoError(t, err)
	e.Store = nil
	e.stopped = true
}

// withSegmentSize runs the test with small journal segments.
func withSegmentSize(t *testing.T, n int) {
	old := segmentSize
	segmentSize = n
	t.Cleanup(func() { segmentSize = old })
}

// badgerVersions returns how many versions (values and delete markers) of a
// client key Badger holds.
func badgerVersions(t *testing.T, e *testStore, prefix []byte, key string) int {
	t.Helper()
	n := 0
	require.NoError(t, e.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.AllVersions = true
		o.Prefix = join(prefix, key)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if string(it.Item().Key()) == string(o.Prefix) {
				n++
			}
		}
		return nil
	}))
	return n
}

func requireValue(t *testing.T, c *testClient, key, want string) {
	t.Helper()
	v, err := c.Get(ctx, key)
	require.NoError(t, err)
	if want == "" {
		require.Nil(t, v, "key %s", key)
		return
	}
	require.Equal(t, want, string(v), "key %s", key)
}

func TestJournalReplayAfterCrash(t *testing.T) {
	for _, d := range []string{"always", "interval", "never"} {
		t.Run(d, func(t *testing.T) {
			e := startStore(t, "", nil, func(c *Config) { c.Durability = durability(d) })
			cl := e.client(t, "otlp", "logs")
			q := &queue{c: cl, item: []byte("item")}
			for range 50 {
				require.NoError(t, q.offer(ctx))
			}
			for range 20 {
				require.NoError(t, q.consume(ctx))
			}
			require.NoError(t, cl.Set(ctx, "qmv0", []byte("newest")))
			keys, size := e.liveKeys.Load(), e.liveBytes.Load()
			e.crash(t)

			e2 := startStore(t, e.dir, nil, func(c *Config) { c.Durability = durability(d) })
			assert.Positive(t, e2.metric(t, "journal_replayed_records"), "the crash left records to replay")
			assert.Zero(t, e2.metric(t, "journal_damaged_records"))
			cl2 := e2.client(t, "otlp", "logs")
			requireValue(t, cl2, "qmv0", "newest")
			for i := range 50 {
				want := "item"
				if i < 20 {
					want = "" // consumed: deleted
				}
				requireValue(t, cl2, fmt.Sprint(i), want)
			}
			assert.Equal(t, keys, e2.liveKeys.Load())
			assert.Equal(t, size, e2.liveBytes.Load())

			// Replaying is idempotent: a second start finds nothing newer.
			e2.stop(t)
			e3 := startStore(t, e.dir, nil, nil)
			assert.Zero(t, e3.metric(t, "journal_replayed_records"))
			requireValue(t, e3.client(t, "otlp", "logs"), "qmv0", "newest")
		})
	}
}

// lastRecord returns the offset of the last record of the segment the store
// writes to, and the segment's path.
func lastRecord(t *testing.T, e *testStore) (string, int) {
	t.Helper()
	j := e.j
	j.mu.Lock()
	defer j.mu.Unlock()
	data, err := os.ReadFile(j.seg.path)
	require.NoError(t, err)
	last := -1
	off := segmentHeaderSize
	scanSegment(data, j.seg.seq, func(p []byte) error {
		last = off
		off += recordHeaderSize + len(p)
		return nil
	})
	require.Positive(t, last)
	return j.seg.path, last
}

func TestJournalTornTail(t *testing.T) {
	for name, damage := range map[string]func(t *testing.T, path string, off int){
		"garbled": func(t *testing.T, path string, off int) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			require.NoError(t, err)
			_, err = f.WriteAt([]byte("garbage!"), int64(off+recordHeaderSize+2))
			require.NoError(t, err)
			require.NoError(t, f.Close())
		},
		"truncated": func(t *testing.T, path string, off int) {
			require.NoError(t, os.Truncate(path, int64(off+recordHeaderSize+3)))
		},
	} {
		t.Run(name, func(t *testing.T) {
			e := startStore(t, "", nil, nil)
			cl := e.client(t, "otlp", "logs")
			for i := range 10 {
				require.NoError(t, cl.Set(ctx, fmt.Sprint(i), []byte(fmt.Sprint("value-", i))))
			}
			path, off := lastRecord(t, e)
			e.crash(t)
			damage(t, path, off)

			e2 := startStore(t, e.dir, nil, nil)
			assert.EqualValues(t, 1, e2.metric(t, "journal_damaged_records"))
			assert.EqualValues(t, 9, e2.metric(t, "journal_replayed_records"))
			cl2 := e2.client(t, "otlp", "logs")
			for i := range 9 {
				requireValue(t, cl2, fmt.Sprint(i), fmt.Sprint("value-", i))
			}
			requireValue(t, cl2, "9", "")
			assert.EqualValues(t, 9, e2.liveKeys.Load())
			// The damaged segment is reused: the store keeps working.
			require.NoError(t, cl2.Set(ctx, "9", []byte("again")))
			e2.stop(t)
			requireValue(t, startStore(t, e.dir, nil, nil).client(t, "otlp", "logs"), "9", "again")
		})
	}
}

func TestJournalStaleSegmentNotReplayed(t *testing.T) {
	withSegmentSize(t, 64<<10)
	e := startStore(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	j := e.j
	setAll := func(v string, n int) {
		for i := range n {
			require.NoError(t, cl.Set(ctx, fmt.Sprintf("a%02d", i), []byte(v)))
		}
	}
	snapshot := func() (string, []byte) {
		j.mu.Lock()
		defer j.mu.Unlock()
		data, err := os.ReadFile(j.seg.path)
		require.NoError(t, err)
		return j.seg.path, data
	}

	setAll("v1", 50) // first use of segment A
	pathA, gen1 := snapshot()
	require.NoError(t, e.flushJournal())
	setAll("v2", 50) // segment B
	pathB, gen2 := snapshot()
	require.NotEqual(t, pathA, pathB)
	require.NoError(t, e.flushJournal())
	// A batch too large for a segment goes to Badger directly: replaying B
	// again would bring these keys back.
	big := []*Op{setOp("big", make([]byte, 70<<10))}
	for i := 40; i < 50; i++ {
		big = append(big, deleteOp(fmt.Sprintf("a%02d", i)))
	}
	require.NoError(t, cl.Batch(ctx, big...))
	setAll("v3", 10) // A again, same record sizes as its first use
	path, _ := snapshot()
	require.Equal(t, pathA, path, "segments are reused in turn")
	j.mu.Lock()
	end := j.seg.off
	j.mu.Unlock()
	e.crash(t)

	// What an earlier use left: B's old header and records, intact, and in A
	// the first use's record right after the current ones (no terminator).
	require.NoError(t, os.WriteFile(pathB, gen2, 0o600))
	f, err := os.OpenFile(pathA, os.O_RDWR, 0)
	require.NoError(t, err)
	_, err = f.WriteAt(gen1[end:end+recordHeaderSize], int64(end))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.NotZero(t, binary.LittleEndian.Uint32(gen1[end:]), "a stale record follows")

	e2 := startStore(t, e.dir, nil, nil)
	assert.EqualValues(t, 10, e2.metric(t, "journal_replayed_records"))
	cl2 := e2.client(t, "otlp", "logs")
	for i := range 50 {
		want := "v2"
		switch {
		case i < 10:
			want = "v3"
		case i >= 40:
			want = ""
		}
		requireValue(t, cl2, fmt.Sprintf("a%02d", i), want)
	}
	v, err := cl2.Get(ctx, "big")
	require.NoError(t, err)
	assert.Len(t, v, 70<<10)
}

func TestJournalAnnihilation(t *testing.T) {
	e := startStore(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	prefix := cl.prefix
	require.NoError(t, cl.Set(ctx, "below", []byte("x")))
	require.NoError(t, e.flushJournal())

	// An item offered and consumed within one generation.
	require.NoError(t, cl.Batch(ctx, setOp("qmv0", []byte("1")), setOp("0", []byte("item"))))
	require.NoError(t, cl.Batch(ctx, setOp("qmv0", []byte("2")), deleteOp("0")))
	// Set again and deleted again: still never existed below.
	require.NoError(t, cl.Set(ctx, "0", []byte("again")))
	require.NoError(t, cl.Delete(ctx, "0"))
	// A key that exists below needs its delete marker.
	require.NoError(t, cl.Set(ctx, "below", []byte("y")))
	require.NoError(t, cl.Delete(ctx, "below"))
	require.NoError(t, e.flushJournal())

	assert.Zero(t, badgerVersions(t, e, prefix, "0"), "an annihilated item never reaches Badger")
	assert.Positive(t, badgerVersions(t, e, prefix, "qmv0"))
	requireValue(t, cl, "below", "")
	requireValue(t, cl, "0", "")
	requireValue(t, cl, "qmv0", "2")
	assert.EqualValues(t, 1, e.liveKeys.Load())
}

// Several clients write random batches at once through small segments (so
// generations rotate and batches wait for flushes), with the occasional
// batch too large for the journal and Walk; each keeps a map model. After a
// clean close, and after a crash, the store must equal the models.
func TestJournalConcurrentClientsMatchModel(t *testing.T) {
	withSegmentSize(t, 64<<10)
	for _, ending := range []string{"close", "crash"} {
		t.Run(ending, func(t *testing.T) {
			e := startStore(t, "", nil, func(c *Config) { c.Durability = "never" })
			const clients, rounds = 4, 400
			models := make([]map[string]string, clients)
			var wg sync.WaitGroup
			errs := make(chan error, clients)
			for ci := range clients {
				models[ci] = map[string]string{}
				cl := e.client(t, "otlp", fmt.Sprint("c", ci))
				wg.Add(1)
				go func() {
					defer wg.Done()
					errs <- randomClient(cl, models[ci], rand.New(rand.NewPCG(uint64(ci), 7)), rounds)
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				require.NoError(t, err)
			}
			keys := 0
			for _, m := range models {
				keys += len(m)
			}
			assert.EqualValues(t, keys, e.liveKeys.Load())
			if ending == "crash" {
				e.crash(t)
			} else {
				e.stop(t)
			}
			e2 := startStore(t, e.dir, nil, nil)
			assert.EqualValues(t, keys, e2.liveKeys.Load())
			for ci, m := range models {
				got := map[string]string{}
				require.NoError(t, e2.client(t, "otlp", fmt.Sprint("c", ci)).Walk(ctx, func(k string, v []byte) ([]*Op, error) {
					got[k] = string(v)
					return nil, nil
				}))
				assert.Equal(t, m, got, "client %d", ci)
			}
		})
	}
}

// randomClient runs random batches against c and mirrors them in model.
func randomClient(c *testClient, model map[string]string, r *rand.Rand, rounds int) error {
	key := func() string { return fmt.Sprint("k", r.IntN(40)) }
	for round := range rounds {
		var ops []*Op
		want := map[int]string{} // index of a Get → expected value ("" missing)
		staged := map[string]*string{}
		lookup := func(k string) string {
			if v, ok := staged[k]; ok {
				if v == nil {
					return ""
				}
				return *v
			}
			return model[k]
		}
		n := 1 + r.IntN(4)
		if round%97 == 0 {
			n = 300 // with 1 KiB values: larger than a 64 KiB segment
		}
		for range n {
			k := key()
			switch r.IntN(3) {
			case 0:
				v := fmt.Sprint("v", r.Int64(), string(make([]byte, r.IntN(2)*1024)))
				ops = append(ops, setOp(k, []byte(v)))
				staged[k] = &v
			case 1:
				ops = append(ops, deleteOp(k))
				staged[k] = nil
			default:
				want[len(ops)] = lookup(k)
				ops = append(ops, getOp(k))
			}
		}
		if err := c.Batch(ctx, ops...); err != nil {
			return err
		}
		for i, w := range want {
			if string(ops[i].Value) != w || (w == "" && ops[i].Value != nil) {
				return fmt.Errorf("round %d: get %s = %q, want %q", round, ops[i].Key, ops[i].Value, w)
			}
		}
		for k, v := range staged {
			if v == nil {
				delete(model, k)
			} else {
				model[k] = *v
			}
		}
		if round%131 == 0 {
			seen := 0
			if err := c.Walk(ctx, func(k string, v []byte) ([]*Op, error) {
				if model[k] != string(v) {
					return nil, fmt.Errorf("walk: %s = %q, want %q", k, v, model[k])
				}
				seen++
				return nil, nil
			}); err != nil {
				return err
			}
			if seen != len(model) {
				return fmt.Errorf("walk saw %d keys, want %d", seen, len(model))
			}
		}
	}
	return nil
}

func TestJournalFilesCountTowardDiskUsage(t *testing.T) {
	e := startStore(t, "", nil, nil)
	matches, err := filepath.Glob(filepath.Join(e.dir, journalDirName, "*"+segmentExt))
	require.NoError(t, err)
	require.Len(t, matches, journalSegments)
	assert.GreaterOrEqual(t, dirUsage(e.dir).Total, int64(journalSegments*e.j.size), "segments are preallocated and counted")
}

func TestSegmentSizeFollowsMaxSize(t *testing.T) {
	for _, tc := range []struct {
		maxMiB int64
		want   int
	}{
		{0, 4 << 20},        // unbounded
		{8192, 4 << 20},     // the recommended bound
		{128, 4 << 20},      // 1/32 of 128 MiB
		{64, 2 << 20},       // a small store keeps each segment at 1/32 of it
		{4, 128 << 10},      // the e2e test's 4 MiB store
		{1, minSegmentSize}, // never below the minimum
	} {
		assert.Equal(t, tc.want, segmentSizeFor(tc.maxMiB<<20), "max_size_mib %d", tc.maxMiB)
	}
}

// A flush that fails keeps its generation readable and is retried; batches
// that find the journal full meanwhile fail with the cause instead of
// hanging, and nothing acknowledged is lost once flushing works again.
func TestJournalFlushFailure(t *testing.T) {
	withSegmentSize(t, 64<<10)
	var fail atomic.Bool
	defer func(f func() error) { flushFault = f }(flushFault)
	flushFault = func() error {
		if fail.Load() {
			return errors.New("injected: disk gone")
		}
		return nil
	}
	e := startStore(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	fail.Store(true)
	acked := 0
	var err error
	for acked < 1000 {
		if err = cl.Set(ctx, fmt.Sprint(acked), make([]byte, 1024)); err != nil {
			break
		}
		acked++
	}
	require.ErrorContains(t, err, "injected: disk gone")
	require.Greater(t, acked, 50, "two segments' worth is taken before the journal is full")
	for i := range acked {
		requireValue(t, cl, fmt.Sprint(i), string(make([]byte, 1024)))
	}

	fail.Store(false)
	require.NoError(t, cl.Set(ctx, "after", []byte("x")))
	e.stop(t)
	cl2 := startStore(t, e.dir, nil, nil).client(t, "otlp", "logs")
	for i := range acked {
		requireValue(t, cl2, fmt.Sprint(i), string(make([]byte, 1024)))
	}
	requireValue(t, cl2, "after", "x")
}
