package badgerstorageextension

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/extension/xextension/storage"
)

// The live counters kept through the size cache must equal a recount of
// what is on disk, whatever mix of overwrites, deletes and same-key
// operations within one batch came before.
func TestLiveCountersWithSizeCacheMatchRecount(t *testing.T) {
	e := startExt(t, "", nil, nil)
	ctx := context.Background()
	c := e.client(t, "otlp", "logs")
	meta := func(i int) []byte { return []byte(strconv.Itoa(i * 7919)) } // its length varies
	for i := range 300 {
		key := strconv.Itoa(i)
		// offer, read, done as the persistent queue does, values of varying size
		require.NoError(t, c.Batch(ctx, storage.SetOperation("qmv0", meta(i)), storage.SetOperation(key, make([]byte, 10+i))))
		get := storage.GetOperation(key)
		require.NoError(t, c.Batch(ctx, storage.SetOperation("qmv0", meta(i+1)), get))
		require.Len(t, get.Value, 10+i)
		if i%3 == 0 {
			continue // left in the queue
		}
		require.NoError(t, c.Batch(ctx, storage.SetOperation("qmv0", meta(i+2)), storage.DeleteOperation(key)))
	}
	// the same key twice in one batch, and deleted then set again
	require.NoError(t, c.Batch(ctx, storage.SetOperation("x", make([]byte, 5)), storage.SetOperation("x", make([]byte, 50))))
	require.NoError(t, c.Batch(ctx, storage.DeleteOperation("x"), storage.SetOperation("x", make([]byte, 20))))
	require.NoError(t, c.Batch(ctx, storage.DeleteOperation("1"), storage.DeleteOperation("missing")))
	big := []*storage.Operation{storage.SetOperation("y", make([]byte, 5)), storage.SetOperation("y", make([]byte, 60))}
	for i := range 10 {
		big = append(big, storage.SetOperation("b"+strconv.Itoa(i), make([]byte, i)), storage.DeleteOperation("b"+strconv.Itoa(i-1)))
	}
	require.NoError(t, c.Batch(ctx, big...))

	keys, bytes := e.st.liveKeys.Load(), e.st.liveBytes.Load()
	require.NoError(t, e.st.flushJournal()) // the recount reads Badger alone
	require.NoError(t, e.st.countLive())
	assert.Equal(t, e.st.liveKeys.Load(), keys, "live keys")
	assert.Equal(t, e.st.liveBytes.Load(), bytes, "live bytes")
	assert.EqualValues(t, 100+4, keys, "100 items left, qmv0, x, y and b9")
}
