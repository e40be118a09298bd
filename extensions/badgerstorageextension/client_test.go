package badgerstorageextension

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-ems/otelcol-ems/internal/journal"
)

var ctx = context.Background()

func TestClientIsolation(t *testing.T) {
	e := startExt(t, "", nil, nil)
	// Pairs whose naive concatenation would collide.
	a := e.client(t, "otlp/a", "logs")
	b := e.client(t, "otlp", "a/logs")
	c := e.client(t, "otlp/a", "metrics")
	recv, err := e.GetClient(ctx, component.KindReceiver, component.MustNewID("otlp"), "a/logs")
	require.NoError(t, err)

	for i, cl := range []storage.Client{a, b, c, recv} {
		require.NoError(t, cl.Set(ctx, "k", []byte{byte(i)}))
	}
	for i, cl := range []storage.Client{a, b, c, recv} {
		v, err := cl.Get(ctx, "k")
		require.NoError(t, err)
		assert.Equal(t, []byte{byte(i)}, v, "client %d", i)
	}
	require.NoError(t, a.Delete(ctx, "k"))
	v, err := a.Get(ctx, "k")
	require.NoError(t, err)
	assert.Nil(t, v)
	v, err = b.Get(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, []byte{1}, v, "deleting in one client leaves the others alone")

	// A second client for the same component sees the same data.
	b2 := e.client(t, "otlp", "a/logs")
	v, err = b2.Get(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, []byte{1}, v)

	// Walk lists only the client's own keys, without the prefix.
	require.NoError(t, c.Set(ctx, "other", []byte("x")))
	var keys []string
	require.NoError(t, c.(storage.Walker).Walk(ctx, func(k string, _ []byte) ([]*storage.Operation, error) {
		keys = append(keys, k)
		return nil, nil
	}))
	assert.Equal(t, []string{"k", "other"}, keys)
}

func TestBatchSemantics(t *testing.T) {
	e := startExt(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	require.NoError(t, cl.Set(ctx, "existing", []byte("old")))

	ops := []*storage.Operation{
		storage.SetOperation("qmv0", []byte("meta-1")),
		storage.SetOperation("0", []byte("item-0")),
		storage.GetOperation("0"),        // sees the Set above
		storage.GetOperation("missing"),  // nil
		storage.GetOperation("existing"), // stored before
		storage.DeleteOperation("existing"),
		storage.GetOperation("existing"), // nil after the delete
		storage.SetOperation("empty", []byte{}),
		storage.GetOperation("empty"),
		storage.DeleteOperation("never-there"),
	}
	require.NoError(t, cl.Batch(ctx, ops...))
	assert.Equal(t, []byte("item-0"), ops[2].Value)
	assert.Nil(t, ops[3].Value)
	assert.Equal(t, []byte("old"), ops[4].Value)
	assert.Nil(t, ops[6].Value)
	assert.NotNil(t, ops[8].Value, "an empty value is not a missing key")
	assert.Empty(t, ops[8].Value)

	assert.EqualValues(t, 3, e.st.LiveEntries(), "qmv0, 0 and empty")
	wantBytes := 0
	for _, k := range []string{"qmv0", "0", "empty"} {
		wantBytes += len(journal.Prefix(component.KindExporter.String(), "otlp", "logs")) + len(k)
	}
	wantBytes += len("meta-1") + len("item-0")
	assert.EqualValues(t, wantBytes, e.st.LiveBytes())

	// An unknown operation fails the whole batch: nothing of it is applied.
	err := cl.Batch(ctx, storage.SetOperation("new", []byte("x")), &storage.Operation{Key: "k", Type: storage.OpType(42)})
	require.ErrorContains(t, err, "unknown operation type 42")
	v, err := cl.Get(ctx, "new")
	require.NoError(t, err)
	assert.Nil(t, v, "a failed batch leaves no trace")

	// A cancelled context is refused before anything is written.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, cl.Set(cctx, "new", []byte("x")), context.Canceled)

	// A closed client refuses work; other clients keep going.
	require.NoError(t, cl.Close(ctx))
	_, err = cl.Get(ctx, "0")
	require.ErrorIs(t, err, errClientClosed)
	_, err = e.client(t, "otlp", "logs").Get(ctx, "0")
	require.NoError(t, err)
}

func TestBatchTooLargeForOneTransaction(t *testing.T) {
	e := startExt(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	// 40 MiB in one batch is more than one transaction of a 4 MiB memtable holds.
	ops := make([]*storage.Operation, 0, 40*1024)
	for i := range 40 * 1024 {
		ops = append(ops, storage.SetOperation(fmt.Sprint(i), randomValue(1024)))
	}
	require.NoError(t, cl.Batch(ctx, ops...))
	assert.EqualValues(t, 40*1024, e.st.LiveEntries())
	v, err := cl.Get(ctx, "40959")
	require.NoError(t, err)
	assert.Equal(t, ops[40959].Value, v)
}

func TestWalkAppliesOperations(t *testing.T) {
	e := startExt(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	for i := range 5 {
		require.NoError(t, cl.Set(ctx, fmt.Sprint(i), []byte("v")))
	}
	w := cl.(storage.Walker)
	// An error other than SkipAll applies nothing.
	err := w.Walk(ctx, func(k string, _ []byte) ([]*storage.Operation, error) {
		return []*storage.Operation{storage.DeleteOperation(k)}, fmt.Errorf("stop at %s", k)
	})
	require.ErrorContains(t, err, "stop at 0")
	assert.EqualValues(t, 5, e.st.LiveEntries())
	// SkipAll stops and applies what was collected.
	n := 0
	require.NoError(t, w.Walk(ctx, func(k string, _ []byte) ([]*storage.Operation, error) {
		n++
		if n == 3 {
			return []*storage.Operation{storage.DeleteOperation(k)}, storage.SkipAll
		}
		return []*storage.Operation{storage.DeleteOperation(k)}, nil
	}))
	assert.EqualValues(t, 2, e.st.LiveEntries())
}

func TestDataSurvivesRestart(t *testing.T) {
	for _, d := range []string{"always", "interval", "never"} {
		t.Run(d, func(t *testing.T) {
			e := startExt(t, "", nil, func(c *Config) { c.Durability = durability(d) })
			cl := e.client(t, "otlp", "logs")
			for i := range 100 {
				require.NoError(t, cl.Batch(ctx, storage.SetOperation("qmv0", []byte(fmt.Sprint(i))), storage.SetOperation(fmt.Sprint(i), []byte("item"))))
			}
			e.stop(t)

			e2 := startExt(t, e.dir, nil, nil)
			cl2 := e2.client(t, "otlp", "logs")
			v, err := cl2.Get(ctx, "qmv0")
			require.NoError(t, err)
			assert.Equal(t, "99", string(v))
			assert.EqualValues(t, 101, e2.st.LiveEntries(), "live counters are rebuilt at start")
			assert.EqualValues(t, 101, e2.metric(t, "otelcol_badger_storage_live_entries"))
		})
	}
}

func TestRecoveryFromCorruptDirectory(t *testing.T) {
	e := startExt(t, "", nil, nil)
	cl := e.client(t, "otlp", "logs")
	for i := range 500 {
		require.NoError(t, cl.Set(ctx, fmt.Sprint(i), []byte("item")))
	}
	e.stop(t)
	// Overwrite the manifest: badger cannot open the directory any more.
	require.NoError(t, os.WriteFile(filepath.Join(e.dir, "MANIFEST"), []byte(strings.Repeat("garbage!", 512)), 0o600))

	core, logs := observer.New(zap.InfoLevel)
	e2 := startExt(t, e.dir, zap.New(core), nil)
	assert.EqualValues(t, 1, e2.metric(t, "otelcol_badger_storage_recoveries"))
	assert.EqualValues(t, 500+1, e2.metric(t, "otelcol_badger_storage_salvaged_entries"), "the items and the journal marker")
	assert.EqualValues(t, 500, e2.st.LiveEntries())
	v, err := e2.client(t, "otlp", "logs").Get(ctx, "499")
	require.NoError(t, err)
	assert.Equal(t, "item", string(v))
	moved := logs.FilterMessageSnippet("moved it aside").All()
	require.Len(t, moved, 1)
	assert.Equal(t, zap.ErrorLevel, moved[0].Level)
	matches, _ := filepath.Glob(e.dir + ".corrupt-*")
	assert.Len(t, matches, 1)
}

func TestGetClientOutsideLifecycle(t *testing.T) {
	ext := newExtension(extensionSettings(), testConfig(t.TempDir()))
	_, err := ext.GetClient(ctx, component.KindExporter, component.MustNewID("otlp"), "logs")
	require.ErrorContains(t, err, "before Start")
	require.NoError(t, ext.Shutdown(ctx))
}

// The engine's journal.ErrFull reaches the persistent queue as
// storage.ErrStorageFull, which it treats as a full queue, and is counted.
// (The engine's own test, internal/journal, fills a store and drains it.)
func TestFullStoreIsErrStorageFull(t *testing.T) {
	e := startExt(t, "", nil, func(c *Config) { c.MaxSizeMiB = 1 })
	cl := e.client(t, "otlp", "logs")
	var err error
	n := 0
	for ; n < 10_000 && err == nil; n++ {
		err = cl.Set(ctx, fmt.Sprint(n), make([]byte, 1024))
	}
	require.ErrorIs(t, err, storage.ErrStorageFull, "after %d writes", n)
	require.ErrorIs(t, err, journal.ErrFull)
	assert.EqualValues(t, 1, e.metric(t, "otelcol_badger_storage_writes_refused"))
	require.NoError(t, cl.Delete(ctx, "0"), "deletes pass while full")
}
