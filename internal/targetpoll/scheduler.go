package targetpoll

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.uber.org/zap"
)

// PollFunc polls one target once. It returns the target's metrics (possibly
// empty) or an error. Wrap an error with Partial when the target answered
// but some data is missing: the target then counts as up.
type PollFunc func(ctx context.Context) (pmetric.Metrics, error)

// Target is one thing to poll.
type Target struct {
	// Name identifies the target in logs; it must be unique.
	Name string
	// Interval is the time between the starts of two polls.
	Interval time.Duration
	// Timeout bounds one poll.
	Timeout time.Duration
	// Poll does the work.
	Poll PollFunc
}

// Result is the outcome of one poll, handed to Settings.Deliver.
type Result struct {
	// Target is the target's name; Index its position in the target list.
	Target string
	Index  int
	// Metrics are what the poll returned (empty when it failed).
	Metrics pmetric.Metrics
	// Err is the poll's error, nil on success.
	Err error
	// Up is false when the target could not be polled.
	Up bool
	// Start is when the poll started; Duration how long it took.
	Start    time.Time
	Duration time.Duration
}

// Settings configure a Scheduler.
type Settings struct {
	// Logger receives one line per target state change.
	Logger *zap.Logger
	// MaxConcurrent limits polls in flight (0 means 16).
	MaxConcurrent int
	// Jitter spreads the first poll of each target over this fraction of
	// its interval, by a hash of its name so phases survive restarts
	// (0 polls all at once; 1 spreads over the whole interval).
	Jitter float64
	// MaxBackoff caps the delay between polls of a failing target, which
	// doubles from Interval after each consecutive failure beyond the
	// first (0 means no backoff).
	MaxBackoff time.Duration
	// Deliver receives each poll's result. It is called from the target's
	// goroutine, never concurrently for one target.
	Deliver func(context.Context, Result)
}

// Scheduler polls a fixed set of targets until shut down.
type Scheduler struct {
	set     Settings
	targets []Target
	sem     chan struct{}
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

// New checks the targets and returns a scheduler that is not running yet.
func New(set Settings, targets []Target) (*Scheduler, error) {
	if set.Logger == nil {
		set.Logger = zap.NewNop()
	}
	if set.MaxConcurrent <= 0 {
		set.MaxConcurrent = 16
	}
	if set.Jitter < 0 || set.Jitter > 1 {
		return nil, fmt.Errorf("jitter: %v is not between 0 and 1", set.Jitter)
	}
	if set.Deliver == nil {
		return nil, errors.New("deliver: required")
	}
	seen := map[string]bool{}
	for i, t := range targets {
		if t.Name == "" || seen[t.Name] {
			return nil, fmt.Errorf("targets[%d]: name %q is empty or not unique", i, t.Name)
		}
		seen[t.Name] = true
		if t.Interval <= 0 || t.Timeout <= 0 || t.Poll == nil {
			return nil, fmt.Errorf("targets[%d] (%s): interval, timeout and poll are required", i, t.Name)
		}
	}
	return &Scheduler{set: set, targets: targets, sem: make(chan struct{}, set.MaxConcurrent)}, nil
}

// Start launches one goroutine per target. The context passed to Start is
// only used for values; Shutdown stops the goroutines.
func (s *Scheduler) Start(ctx context.Context) {
	ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	for i := range s.targets {
		s.wg.Add(1)
		go s.run(ctx, i)
	}
}

// Shutdown stops all targets and waits for polls in flight, at most until
// ctx ends. It is safe to call when Start never ran.
func (s *Scheduler) Shutdown(ctx context.Context) error {
	if s == nil || s.cancel == nil {
		return nil
	}
	s.cancel()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// phase is where in its interval a target's first poll falls.
func (s *Scheduler) phase(t *Target) time.Duration {
	if s.set.Jitter == 0 {
		return 0
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(t.Name))
	span := time.Duration(float64(t.Interval) * s.set.Jitter)
	if span <= 0 {
		return 0
	}
	return time.Duration(h.Sum64() % uint64(span))
}

func (s *Scheduler) run(ctx context.Context, i int) {
	defer s.wg.Done()
	t := &s.targets[i]
	st := &state{}
	next := time.Now().Add(s.phase(t))
	timer := time.NewTimer(time.Until(next))
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		res := s.pollOnce(ctx, i)
		<-s.sem
		if ctx.Err() != nil {
			return
		}
		st.observe(s.set.Logger, t.Name, res)
		s.set.Deliver(ctx, res)
		next = s.nextPoll(t, next, st.failures)
		timer.Reset(time.Until(next))
	}
}

// nextPoll keeps polls on a fixed grid from the first one, skipping slots a
// long poll overran; failing targets back off.
func (s *Scheduler) nextPoll(t *Target, prev time.Time, failures int) time.Time {
	step := t.Interval
	if failures > 1 && s.set.MaxBackoff > t.Interval {
		for n := 1; n < failures && step < s.set.MaxBackoff; n++ {
			step *= 2
		}
		step = min(step, s.set.MaxBackoff)
	}
	next := prev.Add(step)
	if now := time.Now(); next.Before(now) {
		missed := now.Sub(next)/t.Interval + 1
		next = next.Add(missed * t.Interval)
	}
	return next
}

func (s *Scheduler) pollOnce(ctx context.Context, i int) Result {
	t := &s.targets[i]
	pctx, cancel := context.WithTimeout(ctx, t.Timeout)
	defer cancel()
	start := time.Now()
	md, err := t.Poll(pctx)
	res := Result{Target: t.Name, Index: i, Metrics: md, Err: err, Start: start, Duration: time.Since(start)}
	res.Up = err == nil || IsPartial(err)
	if res.Metrics == (pmetric.Metrics{}) {
		res.Metrics = pmetric.NewMetrics()
	}
	return res
}
