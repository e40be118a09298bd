package durableotlpexporter

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension/xextension/storage"
)

func badgerClient(t *testing.T, dir string) (storage.Client, func()) {
	t.Helper()
	ext, stop := startBadger(t, dir)
	c, err := ext.(storage.Extension).GetClient(context.Background(), component.KindExporter, component.NewID(typ), "logs")
	require.NoError(t, err)
	return c, func() { require.NoError(t, c.Close(context.Background())); stop() }
}

// TestQueueReSendsInFlightAfterRestart: items read but not done when the
// process stops come back after a restart; done ones do not, even when an
// earlier item was still in flight (head could not move past it).
func TestQueueReSendsInFlightAfterRestart(t *testing.T) {
	ctx := context.Background()
	dir := tempDir(t)
	c, closeAll := badgerClient(t, dir)
	q, err := openQueue(ctx, c, 0)
	require.NoError(t, err)
	for i := range 4 {
		require.NoError(t, q.offer(ctx, i+1, []byte{byte(i)}))
	}
	var got []item
	for range 3 {
		it, err := q.next(ctx)
		require.NoError(t, err)
		got = append(got, it)
	}
	assert.Equal(t, []byte{0}, got[0].req)
	assert.Equal(t, 1, got[0].n)
	assert.Equal(t, []byte{2}, got[2].req)
	// Item 1 is delivered; 0 and 2 are in flight when the process stops.
	require.NoError(t, q.done(ctx, got[1]))
	assert.EqualValues(t, 3, q.size.Load())
	assert.EqualValues(t, 1+3+4, q.items.Load())
	closeAll()

	c2, closeAll2 := badgerClient(t, dir)
	defer closeAll2()
	q2, err := openQueue(ctx, c2, 0)
	require.NoError(t, err)
	assert.EqualValues(t, 3, q2.size.Load())
	assert.EqualValues(t, 3, q2.bytes.Load())
	assert.EqualValues(t, 8, q2.items.Load())
	var again [][]byte
	for range 3 {
		it, err := q2.next(ctx)
		require.NoError(t, err)
		again = append(again, it.req)
		require.NoError(t, q2.done(ctx, it))
	}
	assert.Equal(t, [][]byte{{0}, {2}, {3}}, again, "in-flight items re-sent in order, the delivered one skipped")
	assert.Zero(t, q2.size.Load())
	assert.Zero(t, q2.items.Load())
	assert.EqualValues(t, 4, q2.head, "head moved past every item")

	// An empty queue blocks until ctx ends.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err = q2.next(short)
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestQueueRejectsForeignRecords(t *testing.T) {
	ctx := context.Background()
	c, closeAll := badgerClient(t, tempDir(t))
	defer closeAll()
	require.NoError(t, c.Set(ctx, tailKey, []byte("not ours")))
	_, err := openQueue(ctx, c, 0)
	require.ErrorContains(t, err, "tail record has 8 bytes")
}
