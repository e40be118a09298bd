package badgerdb

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMaintainRunsTasksOneAtATimeUntilStop(t *testing.T) {
	t.Parallel()
	stop := make(chan struct{})
	kick := make(chan struct{}, 1)
	var fast, kicked, running, overlap atomic.Int64
	serial := func(n *atomic.Int64) func() {
		return func() {
			if running.Add(1) > 1 {
				overlap.Add(1)
			}
			n.Add(1)
			time.Sleep(time.Millisecond)
			running.Add(-1)
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		Maintain(stop,
			Task{Every: 2 * time.Millisecond, Run: serial(&fast)},
			Task{Every: time.Hour, Kick: kick, Run: serial(&kicked)})
	}()
	require.Eventually(t, func() bool { return fast.Load() >= 3 }, 5*time.Second, time.Millisecond)
	kick <- struct{}{}
	require.Eventually(t, func() bool { return kicked.Load() == 1 }, 5*time.Second, time.Millisecond, "a kick runs the task at once")
	close(stop)
	wg.Wait()
	assert.Zero(t, overlap.Load(), "tasks never run side by side")
}
