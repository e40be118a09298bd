package journal

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGroupSyncCoversEveryCallerAndShares(t *testing.T) {
	const callers = 50
	var calls, writes atomic.Int64
	var mu sync.Mutex
	synced := int64(0) // writes covered by a finished sync
	syncFn := func() error {
		if calls.Add(1) == 1 {
			// Hold the first sync until every caller has written: they
			// all arrive while it runs and must share the next one.
			for writes.Load() < callers {
				runtime.Gosched()
			}
		}
		snapshot := writes.Load()
		mu.Lock()
		synced = max(synced, snapshot)
		mu.Unlock()
		return nil
	}
	g := newGroupSync(syncFn)
	var wg sync.WaitGroup
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := writes.Add(1)
			require.NoError(t, g.wait())
			mu.Lock()
			defer mu.Unlock()
			assert.GreaterOrEqual(t, synced, n, "wait returned before a sync covered the write")
		}()
	}
	wg.Wait()
	// Usually exactly 2; a caller descheduled between its write and wait may start one more.
	assert.Less(t, calls.Load(), int64(callers/2), "callers that arrive during a sync share the next one")
}

func TestGroupSyncReturnsError(t *testing.T) {
	boom := errors.New("disk gone")
	g := newGroupSync(func() error { return boom })
	require.ErrorIs(t, g.wait(), boom)
}
