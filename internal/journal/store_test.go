package journal

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFullRefusesNewKeysButDrains(t *testing.T) {
	e := startStore(t, "", nil, func(c *Config) { c.MaxBytes = 24 << 20 })
	cl := e.client(t, "otlp", "logs")
	written, refused := 0, 0
	// fill writes items until the store refuses one and a measurement
	// confirms it is full: between two measurements every byte written
	// counts, also those that the journal never takes to Badger, so an early
	// refusal may be lifted by the next measurement.
	fill := func() {
		for written < 100_000 {
			err := cl.Batch(ctx, setOp("qmv0", []byte(fmt.Sprint(written))), setOp(fmt.Sprint(written), randomValue(1024)))
			if errors.Is(err, ErrFull) {
				refused++
				if e.measure(); e.full() != nil {
					return
				}
				continue
			}
			require.NoError(t, err)
			written++
		}
		t.Fatal("the store never became full")
	}
	fill()
	require.Greater(t, written, 1000)
	assert.EqualValues(t, refused, e.metric(t, "writes_refused"))

	// The refused batch left nothing: the metadata still names the last accepted item.
	v, err := cl.Get(ctx, "qmv0")
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprint(written-1), string(v))
	v, err = cl.Get(ctx, fmt.Sprint(written))
	require.NoError(t, err)
	assert.Nil(t, v)

	// Reading and deleting (the queue draining) go on while full.
	for i := range 10 {
		get := getOp(fmt.Sprint(i))
		require.NoError(t, cl.Batch(ctx, setOp("qmv0", []byte("reading")), get))
		require.Len(t, get.Value, 1024)
		require.NoError(t, cl.Batch(ctx, setOp("qmv0", []byte("done")), deleteOp(fmt.Sprint(i))))
	}
	fill() // a measurement may have found a little room meanwhile
	require.ErrorIs(t, cl.Set(ctx, "new", []byte("x")), ErrFull)
	assert.EqualValues(t, refused+1, e.metric(t, "writes_refused"))
}

func TestSpaceReturnsAfterDrain(t *testing.T) {
	// 1 KiB items live in the LSM tree, 16 KiB items in the value log.
	for _, size := range []int{1 << 10, 16 << 10} {
		t.Run(fmt.Sprintf("%dKiB", size>>10), func(t *testing.T) {
			e := startStore(t, "", nil, func(c *Config) {
				c.MinGarbageBytes = 8 << 20
				c.ReclaimInterval = time.Hour // only the test's own checks
				c.Memory.ValueLogFileSizeMiB = 16
			})
			cl := e.client(t, "otlp", "logs")
			idle := dirUsage(e.dir).Total
			n := 48 << 20 / size // 48 MiB of items
			for i := range n {
				require.NoError(t, cl.Batch(ctx, setOp("qmv0", []byte(fmt.Sprint(i))), setOp(fmt.Sprint(i), randomValue(size))))
			}
			full := dirUsage(e.dir).Total
			for i := range n {
				require.NoError(t, cl.Batch(ctx, setOp("qmv0", []byte(fmt.Sprint(i))), deleteOp(fmt.Sprint(i))))
			}
			assert.EqualValues(t, 1, e.liveKeys.Load())
			e.maybeReclaim()
			after := dirUsage(e.dir).Total
			t.Logf("idle %d KiB, with backlog %d KiB, after drain and reclaim %d KiB", idle>>10, full>>10, after>>10)
			require.Greater(t, full, idle+40<<20)
			// At most the value-log file being written (16 MiB here) may stay.
			assert.Less(t, after, idle+(e.cfg.Memory.ValueLogFileSizeMiB+4)<<20, "the directory returns near its idle size")
			assert.EqualValues(t, 1, e.metric(t, "reclaims"))
			assert.Greater(t, e.metric(t, "reclaimed"), int64(24<<20))
			v, err := cl.Get(ctx, "qmv0")
			require.NoError(t, err)
			assert.Equal(t, fmt.Sprint(n-1), string(v), "live data survives the reclaim")
			assert.EqualValues(t, len(testPrefix("otlp", "logs"))+len("qmv0")+len(v),
				e.metric(t, "live_size"), "live bytes are exact after a reclaim")

			// A second check finds nothing to do.
			e.maybeReclaim()
			assert.EqualValues(t, 1, e.metric(t, "reclaims"))
		})
	}
}
