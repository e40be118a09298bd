package badgerdb

import (
	"reflect"
	"time"
)

// Task is one periodic job of a store's maintenance loop.
type Task struct {
	// Every is the period; it must be positive.
	Every time.Duration
	// Kick, when not nil, runs the task at once when it receives.
	Kick <-chan struct{}
	// Run does the job.
	Run func()
}

// Maintain runs tasks, one at a time, each on its own period and kick,
// until stop is closed. Both stores run their maintenance (retention, the
// disk budget, space reclaim, the free-space reading) through it, so a
// slow task delays the others instead of running beside them.
func Maintain(stop <-chan struct{}, tasks ...Task) {
	cases := []reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(stop)}}
	run := []func(){nil}
	for _, t := range tasks {
		tick := time.NewTicker(t.Every)
		defer tick.Stop()
		cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(tick.C)})
		run = append(run, t.Run)
		if t.Kick != nil {
			cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(t.Kick)})
			run = append(run, t.Run)
		}
	}
	for {
		i, _, _ := reflect.Select(cases)
		if i == 0 {
			return
		}
		run[i]()
	}
}
