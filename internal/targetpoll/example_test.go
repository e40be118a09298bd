package targetpoll_test

import (
	"context"
	"fmt"
	"time"

	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
)

// A receiver polls its targets with a Scheduler and adds the health metrics
// to what each poll returns before handing it on.
func Example() {
	done := make(chan struct{})
	s, err := targetpoll.New(targetpoll.Settings{
		MaxConcurrent: 8,
		Jitter:        0, // 1 spreads first polls over the interval
		MaxBackoff:    5 * time.Minute,
		Deliver: func(_ context.Context, r targetpoll.Result) {
			md := r.Output.Metrics
			ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
			targetpoll.AppendHealth(ms, targetpoll.HealthNames{Up: "postgresql.up", Duration: "postgresql.poll.duration"}, r)
			fmt.Println(r.Target, "up:", r.Up, "metrics:", md.MetricCount())
			close(done)
		},
	}, []targetpoll.Target{{
		Name:     "db1",
		Interval: time.Minute,
		Timeout:  10 * time.Second,
		Poller: targetpoll.PollerFunc(func(context.Context) (targetpoll.Output, error) {
			return targetpoll.Output{}, nil // query the target here
		}),
	}})
	if err != nil {
		panic(err)
	}
	s.Start(context.Background())
	<-done
	_ = s.Shutdown(context.Background())
	// Output: db1 up: true metrics: 2
}
