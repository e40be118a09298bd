package journal

import (
	"context"
	"crypto/rand"
	"errors"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

var ctx = context.Background()

// counts is an Observer that counts what the store reports.
type counts struct {
	recoveries, salvaged, replayed, damaged, refused, reclaims, reclaimed atomic.Int64
}

func (c *counts) Recovered(n int)       { c.recoveries.Add(1); c.salvaged.Add(int64(n)) }
func (c *counts) Replayed(r, d int)     { c.replayed.Add(int64(r)); c.damaged.Add(int64(d)) }
func (c *counts) WriteRefused()         { c.refused.Add(1) }
func (c *counts) Reclaimed(freed int64) { c.reclaims.Add(1); c.reclaimed.Add(max(freed, 0)) }

// testStore is an open store with the observations the test can read.
type testStore struct {
	*Store
	obs *counts
	dir string

	stopped bool
}

// testConfig is the extension's default configuration on dir.
func testConfig(dir string) Config {
	return Config{
		Directory:       dir,
		CreateDirectory: true,
		Durability:      badgerdb.DurabilityInterval,
		SyncInterval:    100 * time.Millisecond,
		MaxBytes:        4096 << 20,
		ReclaimInterval: 10 * time.Second,
		MinGarbageBytes: 64 << 20,
		Memory:          badgerdb.NewDefaultMemoryConfig(),
	}
}

// startStore opens a store on dir (a new temp dir when empty).
func startStore(t *testing.T, dir string, logger *zap.Logger, mutate func(*Config)) *testStore {
	t.Helper()
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "db")
	}
	cfg := testConfig(dir)
	if mutate != nil {
		mutate(&cfg)
	}
	obs := &counts{}
	st, err := Open(context.Background(), cfg, Settings{Owner: "badger_storage/test", Logger: logger, Observer: obs})
	require.NoError(t, err)
	ts := &testStore{Store: st, obs: obs, dir: dir}
	t.Cleanup(func() { ts.stop(t) })
	return ts
}

func (e *testStore) stop(t *testing.T) {
	if e.stopped {
		return
	}
	e.stopped = true
	require.NoError(t, e.Close())
}

// metric returns what the extension reports as otelcol_badger_storage_<name>.
func (e *testStore) metric(t *testing.T, name string) int64 {
	t.Helper()
	switch name {
	case "recoveries":
		return e.obs.recoveries.Load()
	case "salvaged_entries":
		return e.obs.salvaged.Load()
	case "journal_replayed_records":
		return e.obs.replayed.Load()
	case "journal_damaged_records":
		return e.obs.damaged.Load()
	case "writes_refused":
		return e.obs.refused.Load()
	case "reclaims":
		return e.obs.reclaims.Load()
	case "reclaimed":
		return e.obs.reclaimed.Load()
	case "live_size":
		return e.LiveBytes()
	case "live_entries":
		return e.LiveEntries()
	}
	t.Fatalf("unknown metric %s", name)
	return 0
}

// testPrefix is the prefix the extension gives an exporter's client.
func testPrefix(id, name string) []byte { return Prefix("Exporter", id, name) }

// testClient is a client of the store as the extension's adapter makes one:
// the storage client API over Batch and Scan.
type testClient struct {
	s      *Store
	prefix []byte
}

func (e *testStore) client(_ *testing.T, id, name string) *testClient {
	return &testClient{s: e.Store, prefix: testPrefix(id, name)}
}

func setOp(key string, value []byte) *Op { return &Op{Type: OpSet, Key: key, Value: value} }
func getOp(key string) *Op               { return &Op{Type: OpGet, Key: key} }
func deleteOp(key string) *Op            { return &Op{Type: OpDelete, Key: key} }

// Batch runs ops in one batch and fills the Get results in place.
func (c *testClient) Batch(ctx context.Context, ops ...*Op) error {
	vs := make([]Op, len(ops))
	for i, op := range ops {
		vs[i] = *op
	}
	err := c.s.Batch(ctx, c.prefix, vs)
	for i, op := range ops {
		op.Value = vs[i].Value
	}
	return err
}

func (c *testClient) Get(ctx context.Context, key string) ([]byte, error) {
	op := getOp(key)
	err := c.Batch(ctx, op)
	return op.Value, err
}

func (c *testClient) Set(ctx context.Context, key string, value []byte) error {
	return c.Batch(ctx, setOp(key, value))
}

func (c *testClient) Delete(ctx context.Context, key string) error {
	return c.Batch(ctx, deleteOp(key))
}

// Walk calls fn for every key, then applies what it returned in one batch.
func (c *testClient) Walk(ctx context.Context, fn func(key string, value []byte) ([]*Op, error)) error {
	var ops []*Op
	err := c.s.Scan(ctx, c.prefix, func(k string, v []byte) (bool, error) {
		more, err := fn(k, v)
		ops = append(ops, more...)
		return err == nil, err
	})
	if err != nil || len(ops) == 0 {
		return err
	}
	return c.Batch(ctx, ops...)
}

// queue replays the persistent queue's storage calls (see the extension's
// bench_test.go): one batch of the metadata key and an item per step.
type queue struct {
	c           *testClient
	item        []byte
	write, read uint64
}

func (q *queue) offer(ctx context.Context) error {
	q.write++
	return q.c.Batch(ctx, setOp("qmv0", strconv.AppendUint(nil, q.write, 10)), setOp(strconv.FormatUint(q.write-1, 10), q.item))
}

func (q *queue) consume(ctx context.Context) error {
	key := strconv.FormatUint(q.read, 10)
	q.read++
	get := getOp(key)
	if err := q.c.Batch(ctx, setOp("qmv0", []byte(key)), get); err != nil {
		return err
	}
	if len(get.Value) != len(q.item) {
		return errors.New("item " + key + ": wrong length")
	}
	return q.c.Batch(ctx, setOp("qmv0", []byte(key)), deleteOp(key))
}

// randomValue returns n incompressible bytes, as compressed telemetry is.
func randomValue(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func durability(s string) badgerdb.Durability { return badgerdb.Durability(s) }
