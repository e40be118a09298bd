package journal

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The live counters kept through the size cache must equal a recount of
// what is on disk, whatever mix of overwrites, deletes and same-key
// operations within one batch came before.
func TestLiveCountersWithSizeCacheMatchRecount(t *testing.T) {
	e := startStore(t, "", nil, nil)
	ctx := context.Background()
	c := e.client(t, "otlp", "logs")
	meta := func(i int) []byte { return []byte(strconv.Itoa(i * 7919)) } // its length varies
	for i := range 300 {
		key := strconv.Itoa(i)
		// offer, read, done as the persistent queue does, values of varying size
		require.NoError(t, c.Batch(ctx, setOp("qmv0", meta(i)), setOp(key, make([]byte, 10+i))))
		get := getOp(key)
		require.NoError(t, c.Batch(ctx, setOp("qmv0", meta(i+1)), get))
		require.Len(t, get.Value, 10+i)
		if i%3 == 0 {
			continue // left in the queue
		}
		require.NoError(t, c.Batch(ctx, setOp("qmv0", meta(i+2)), deleteOp(key)))
	}
	// the same key twice in one batch, and deleted then set again
	require.NoError(t, c.Batch(ctx, setOp("x", make([]byte, 5)), setOp("x", make([]byte, 50))))
	require.NoError(t, c.Batch(ctx, deleteOp("x"), setOp("x", make([]byte, 20))))
	require.NoError(t, c.Batch(ctx, deleteOp("1"), deleteOp("missing")))
	big := []*Op{setOp("y", make([]byte, 5)), setOp("y", make([]byte, 60))}
	for i := range 10 {
		big = append(big, setOp("b"+strconv.Itoa(i), make([]byte, i)), deleteOp("b"+strconv.Itoa(i-1)))
	}
	require.NoError(t, c.Batch(ctx, big...))

	keys, bytes := e.liveKeys.Load(), e.liveBytes.Load()
	require.NoError(t, e.flushJournal()) // the recount reads Badger alone
	require.NoError(t, e.countLive())
	assert.Equal(t, e.liveKeys.Load(), keys, "live keys")
	assert.Equal(t, e.liveBytes.Load(), bytes, "live bytes")
	assert.EqualValues(t, 100+4, keys, "100 items left, qmv0, x, y and b9")
}
