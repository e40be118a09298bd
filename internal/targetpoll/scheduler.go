package targetpoll

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sync"
	"time"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.uber.org/zap"
)

// Settings configure a Scheduler.
type Settings struct {
	// Logger receives one line per target state change.
	Logger *zap.Logger
	// MaxConcurrent limits polls in flight (0 means 16).
	MaxConcurrent int
	// Jitter places each target's polls at a fixed phase within its
	// interval: a hash of the target's name, modulo this fraction of the
	// interval, pinned to the wall clock (polls start when the Unix time
	// modulo the interval equals the phase). Restarts and other collectors
	// with the same targets therefore keep the same spread. 0 polls every
	// target at once at Start, then every interval from there; 1 spreads
	// phases over the whole interval.
	Jitter float64
	// MaxBackoff caps the delay between polls of a failing target. From the
	// second consecutive failure on the delay doubles from Interval, drawn
	// at random between half of it and all of it (so targets that failed
	// together do not retry together), and stays on the target's grid of
	// phases (0 means no backoff).
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
	wg      sync.WaitGroup
	// now and rnd are the clock and the backoff's randomness (replaced
	// in tests).
	now func() time.Time
	rnd func() float64

	mu        sync.Mutex
	cancel    context.CancelFunc
	stopped   bool
	closeCtx  context.Context
	closeErrs []error
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
	if set.MaxBackoff < 0 {
		return nil, fmt.Errorf("max_backoff: %v is negative", set.MaxBackoff)
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
		if t.Interval <= 0 || t.Timeout <= 0 || t.Poller == nil {
			return nil, fmt.Errorf("targets[%d] (%s): a positive interval and timeout and a poller are required", i, t.Name)
		}
	}
	return &Scheduler{
		set: set, targets: targets, sem: make(chan struct{}, set.MaxConcurrent),
		now: time.Now, rnd: rand.Float64,
	}, nil
}

// Start launches one goroutine per target. The context passed to Start is
// only used for values; Shutdown stops the goroutines. Start after Shutdown
// does nothing.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || s.cancel != nil {
		return
	}
	ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	for i := range s.targets {
		s.wg.Add(1)
		go s.run(ctx, i)
	}
}

// Shutdown stops all targets, waits for their polls in flight (at most
// until ctx ends), and closes each target's poller that is a Closer once
// its poll has returned. It returns the Closers' errors, or ctx's error when
// polls were still in flight; those targets' pollers are closed when their
// polls return. It is safe to call when Start never ran, and more than once.
func (s *Scheduler) Shutdown(ctx context.Context) error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return nil
	}
	s.stopped = true
	s.closeCtx = ctx
	cancel := s.cancel
	s.mu.Unlock()
	if cancel == nil {
		for i := range s.targets {
			s.close(i)
		}
		return s.closeErr()
	}
	cancel()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return s.closeErr()
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Scheduler) closeErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return errors.Join(s.closeErrs...)
}

// close runs target i's Closer, if any, with the context given to Shutdown.
func (s *Scheduler) close(i int) {
	c, ok := s.targets[i].Poller.(Closer)
	if !ok {
		return
	}
	s.mu.Lock()
	ctx := s.closeCtx
	s.mu.Unlock()
	if err := c.Close(ctx); err != nil {
		s.mu.Lock()
		s.closeErrs = append(s.closeErrs, fmt.Errorf("target %s: close: %w", s.targets[i].Name, err))
		s.mu.Unlock()
	}
}

// phase is where in its interval a target's polls fall.
func (s *Scheduler) phase(t *Target) time.Duration {
	span := time.Duration(float64(t.Interval) * s.set.Jitter)
	if span <= 0 {
		return 0
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(t.Name))
	return time.Duration(h.Sum64() % uint64(span))
}

// firstPoll is the first instant at or after now that is on the target's
// phase: its Unix time modulo the interval equals the phase. Without jitter
// it is now.
func (s *Scheduler) firstPoll(t *Target, now time.Time) time.Time {
	if s.set.Jitter == 0 {
		return now
	}
	wait := s.phase(t) - time.Duration(now.UnixNano()%int64(t.Interval))
	if wait < 0 {
		wait += t.Interval
	}
	return now.Add(wait)
}

// nextPoll keeps polls on a fixed grid from the first one, skipping slots a
// long poll overran; failing targets back off by a jittered whole number of
// intervals.
func (s *Scheduler) nextPoll(t *Target, prev, now time.Time, failures int) time.Time {
	step := t.Interval
	if failures > 1 && s.set.MaxBackoff > t.Interval {
		for n := 1; n < failures && step < s.set.MaxBackoff; n++ {
			step *= 2
		}
		step = min(step, s.set.MaxBackoff)
		// "Equal jitter": half of the backoff is fixed, half random;
		// rounded to the grid, at least one interval.
		step = step/2 + time.Duration(float64(step/2)*s.rnd())
		step = max(t.Interval, (step+t.Interval/2)/t.Interval*t.Interval)
	}
	next := prev.Add(step)
	if next.Before(now) {
		missed := now.Sub(next)/t.Interval + 1
		next = next.Add(missed * t.Interval)
	}
	return next
}

func (s *Scheduler) run(ctx context.Context, i int) {
	defer s.wg.Done()
	defer s.close(i)
	t := &s.targets[i]
	st := &state{}
	opened := false
	slot := s.firstPoll(t, s.now())
	timer := time.NewTimer(slot.Sub(s.now()))
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
		res := s.pollOnce(ctx, i, &opened)
		<-s.sem
		if ctx.Err() != nil {
			return
		}
		st.observe(s.set.Logger, t.Name, res)
		s.set.Deliver(ctx, res)
		slot = s.nextPoll(t, slot, s.now(), st.failures)
		timer.Reset(slot.Sub(s.now()))
	}
}

// pollOnce opens the target's poller if it needs it and polls it once.
func (s *Scheduler) pollOnce(ctx context.Context, i int, opened *bool) Result {
	t := &s.targets[i]
	pctx, cancel := context.WithTimeout(ctx, t.Timeout)
	defer cancel()
	start := time.Now()
	var (
		out      Output
		err      error
		openFail bool
	)
	if o, ok := t.Poller.(Opener); ok && !*opened {
		err = o.Open(pctx)
		*opened, openFail = err == nil, err != nil
	}
	if err == nil {
		out, err = t.Poller.Poll(pctx)
	}
	res := Result{Target: t.Name, Index: i, Output: out, Err: err, Start: start, Duration: time.Since(start)}
	res.Up = !openFail && (err == nil || IsPartial(err))
	if res.Output.Metrics == (pmetric.Metrics{}) {
		res.Output.Metrics = pmetric.NewMetrics()
	}
	if res.Output.Logs == (plog.Logs{}) {
		res.Output.Logs = plog.NewLogs()
	}
	return res
}
