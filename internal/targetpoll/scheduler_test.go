package targetpoll

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.uber.org/goleak"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type classErr string

func (c classErr) Error() string { return "failed: " + string(c) }
func (c classErr) Class() string { return string(c) }

type results struct {
	mu  sync.Mutex
	all []Result
}

func (r *results) deliver(_ context.Context, res Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, res)
}

func (r *results) of(target string) []Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Result
	for _, x := range r.all {
		if x.Target == target {
			out = append(out, x)
		}
	}
	return out
}

func TestLogsOncePerStateChange(t *testing.T) {
	t.Parallel()
	// The target fails with timeouts, then auth failures, then recovers,
	// then fails partially: four state changes, four log lines.
	script := []error{nil, classErr("timeout"), classErr("timeout"), classErr("timeout"),
		classErr("auth"), classErr("auth"), nil, nil, Partial(classErr("no such object")), Partial(classErr("no such object"))}
	var n atomic.Int32
	core, logs := observer.New(zapcore.InfoLevel)
	rs := &results{}
	s, err := New(Settings{Logger: zap.New(core), Deliver: rs.deliver}, []Target{{
		Name: "dev", Interval: time.Millisecond, Timeout: time.Second,
		Poller: PollerFunc(func(context.Context) (Output, error) {
			// Polls that run past the script (the scheduler keeps polling
			// until Shutdown) repeat its last state, so they log nothing.
			i := min(int(n.Add(1))-1, len(script)-1)
			return Output{Metrics: pmetric.NewMetrics()}, script[i]
		}),
	}})
	require.NoError(t, err)
	s.Start(context.Background())
	require.Eventually(t, func() bool { return len(rs.of("dev")) >= len(script) }, 10*time.Second, time.Millisecond)
	require.NoError(t, s.Shutdown(context.Background()))

	var msgs []string
	for _, e := range logs.All() {
		msgs = append(msgs, e.Level.String()+" "+e.Message)
	}
	assert.Equal(t, []string{
		"error target dev is down; will keep polling and log again when its state changes",
		"error target dev is down; will keep polling and log again when its state changes",
		"info target dev recovered",
		"warn target dev answers but data is missing",
	}, msgs)
	got := rs.of("dev")
	for i, want := range []bool{true, false, false, false, false, false, true, true, true, true} {
		assert.Equal(t, want, got[i].Up, "poll %d", i)
	}
}

func TestBackoffGrowsForDeadTargets(t *testing.T) {
	t.Parallel()
	tgt := &Target{Interval: time.Second}
	now := time.Unix(1_700_000_000, 0)
	// With the random draw at its top the delay doubles per failure.
	s := &Scheduler{set: Settings{MaxBackoff: 8 * time.Second}, rnd: func() float64 { return 0.999999 }}
	for failures, want := range map[int]time.Duration{0: time.Second, 1: time.Second, 2: 2 * time.Second,
		3: 4 * time.Second, 4: 8 * time.Second, 10: 8 * time.Second} {
		assert.Equal(t, want, s.nextPoll(tgt, now, now, failures).Sub(now), "failures %d", failures)
	}
	// At its bottom it is half of that, never less than one interval.
	s.rnd = func() float64 { return 0 }
	for failures, want := range map[int]time.Duration{1: time.Second, 2: time.Second,
		3: 2 * time.Second, 4: 4 * time.Second, 10: 4 * time.Second} {
		assert.Equal(t, want, s.nextPoll(tgt, now, now, failures).Sub(now), "failures %d", failures)
	}
	// In between it stays on the grid of whole intervals.
	s.rnd = func() float64 { return 0.4 }
	d := s.nextPoll(tgt, now, now, 10).Sub(now)
	assert.Equal(t, 6*time.Second, d)
	// A poll that overran its slot skips to the next slot on the grid.
	prev := now.Add(-3500 * time.Millisecond)
	next := s.nextPoll(tgt, prev, now, 0)
	assert.Equal(t, now.Add(500*time.Millisecond), next)
}

func TestBackoffJitterSpreadsRetries(t *testing.T) {
	t.Parallel()
	s, err := New(Settings{MaxBackoff: time.Minute, Deliver: func(context.Context, Result) {}}, nil)
	require.NoError(t, err)
	tgt := &Target{Interval: time.Second}
	now := time.Unix(1_700_000_000, 0)
	seen := map[time.Duration]bool{}
	for range 200 {
		d := s.nextPoll(tgt, now, now, 10).Sub(now)
		require.GreaterOrEqual(t, d, 30*time.Second)
		require.LessOrEqual(t, d, time.Minute)
		require.Zero(t, d%time.Second, "on the grid")
		seen[d] = true
	}
	assert.Greater(t, len(seen), 5, "200 dead targets do not all retry in the same second")
}

func TestPhasesSpreadOverTheInterval(t *testing.T) {
	t.Parallel()
	s := &Scheduler{set: Settings{Jitter: 1}}
	seen := map[time.Duration]bool{}
	for i := range 1000 {
		tgt := &Target{Name: fmt.Sprintf("10.0.%d.%d", i/256, i%256), Interval: time.Minute}
		p := s.phase(tgt)
		require.GreaterOrEqual(t, p, time.Duration(0))
		require.Less(t, p, time.Minute)
		seen[p/time.Second] = true
		assert.Equal(t, p, s.phase(tgt), "phase is stable for a name")
	}
	assert.Greater(t, len(seen), 50, "first polls of 1000 targets fall in many different seconds")
	s.set.Jitter = 0.1
	for i := range 100 {
		assert.Less(t, s.phase(&Target{Name: fmt.Sprint(i), Interval: time.Minute}), 6*time.Second)
	}
}

// TestPhasesArePinnedToTheWallClock starts the same target at different
// moments (a restart, another collector) and finds its polls on the same
// wall-clock instants.
func TestPhasesArePinnedToTheWallClock(t *testing.T) {
	t.Parallel()
	s := &Scheduler{set: Settings{Jitter: 1}}
	tgt := &Target{Name: "core-sw1", Interval: time.Minute}
	phase := s.phase(tgt)
	base := time.Unix(1_700_000_000, 0).Truncate(time.Minute)
	for _, startedAt := range []time.Duration{0, time.Millisecond, 17 * time.Second, phase, phase + 1, 59 * time.Second, 3*time.Hour + 5*time.Second} {
		now := base.Add(startedAt)
		first := s.firstPoll(tgt, now)
		require.False(t, first.Before(now), "started at +%v", startedAt)
		require.Less(t, first.Sub(now), time.Minute, "started at +%v", startedAt)
		assert.Equal(t, phase, time.Duration(first.UnixNano()%int64(time.Minute)), "started at +%v", startedAt)
		// Later polls, and skipped slots, stay on the same phase.
		next := s.nextPoll(tgt, first, first.Add(150*time.Second), 0)
		assert.Equal(t, phase, time.Duration(next.UnixNano()%int64(time.Minute)))
	}
	// Without jitter the first poll is at once.
	s.set.Jitter = 0
	now := base.Add(7 * time.Second)
	assert.Equal(t, now, s.firstPoll(tgt, now))
}

func TestConcurrencyLimit(t *testing.T) {
	t.Parallel()
	var inFlight, peak atomic.Int32
	rs := &results{}
	var targets []Target
	for i := range 20 {
		targets = append(targets, Target{Name: string(rune('a' + i)), Interval: time.Hour, Timeout: time.Second,
			Poller: PollerFunc(func(context.Context) (Output, error) {
				n := inFlight.Add(1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				time.Sleep(5 * time.Millisecond)
				inFlight.Add(-1)
				return Output{}, nil
			})})
	}
	s, err := New(Settings{MaxConcurrent: 3, Deliver: rs.deliver}, targets)
	require.NoError(t, err)
	s.Start(context.Background())
	require.Eventually(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.all) == 20 }, 10*time.Second, time.Millisecond)
	require.NoError(t, s.Shutdown(context.Background()))
	assert.LessOrEqual(t, peak.Load(), int32(3))
}

func TestNewRejectsBadTargets(t *testing.T) {
	t.Parallel()
	deliver := func(context.Context, Result) {}
	poll := PollerFunc(func(context.Context) (Output, error) { return Output{}, nil })
	_, err := New(Settings{Deliver: deliver}, []Target{{Name: "a", Interval: time.Second, Timeout: time.Second, Poller: poll}, {Name: "a", Interval: time.Second, Timeout: time.Second, Poller: poll}})
	require.ErrorContains(t, err, "not unique")
	_, err = New(Settings{Deliver: deliver, Jitter: 2}, nil)
	require.ErrorContains(t, err, "jitter")
	_, err = New(Settings{}, nil)
	require.ErrorContains(t, err, "deliver")
}

func TestShutdownWithoutStartAndPollTimeout(t *testing.T) {
	t.Parallel()
	require.NoError(t, (&Scheduler{}).Shutdown(context.Background()))
	rs := &results{}
	s, err := New(Settings{Deliver: rs.deliver}, []Target{{Name: "slow", Interval: time.Hour, Timeout: 20 * time.Millisecond,
		Poller: PollerFunc(func(ctx context.Context) (Output, error) {
			<-ctx.Done()
			return Output{}, ctx.Err()
		})}})
	require.NoError(t, err)
	s.Start(context.Background())
	require.Eventually(t, func() bool { return len(rs.of("slow")) == 1 }, 10*time.Second, time.Millisecond)
	require.NoError(t, s.Shutdown(context.Background()))
	r := rs.of("slow")[0]
	assert.False(t, r.Up)
	assert.True(t, errors.Is(r.Err, context.DeadlineExceeded))
	assert.Equal(t, 0, r.Output.Metrics.ResourceMetrics().Len())
	assert.Equal(t, 0, r.Output.Logs.ResourceLogs().Len())
}

func TestAppendHealth(t *testing.T) {
	t.Parallel()
	ms := pmetric.NewMetricSlice()
	AppendHealth(ms, HealthNames{Up: "x.up", Duration: "x.poll.duration"}, Result{Up: false, Start: time.Unix(10, 0), Duration: 1500 * time.Millisecond})
	require.Equal(t, 2, ms.Len())
	assert.Equal(t, "x.up", ms.At(0).Name())
	assert.Equal(t, int64(0), ms.At(0).Gauge().DataPoints().At(0).IntValue())
	assert.Equal(t, 1.5, ms.At(1).Gauge().DataPoints().At(0).DoubleValue())
	assert.Equal(t, "s", ms.At(1).Unit())
}

// lifecycle is a poller with Open and Close that records what ran when.
type lifecycle struct {
	openFails int // Open fails this many times before it succeeds
	opens     atomic.Int32
	polls     atomic.Int32
	inFlight  atomic.Int32
	closes    atomic.Int32
	closedMid atomic.Bool // Close ran while a poll was in flight
	block     chan struct{}
	started   chan struct{}
	closeErr  error
}

func (l *lifecycle) Open(context.Context) error {
	if int(l.opens.Add(1)) <= l.openFails {
		return classErr("refused")
	}
	return nil
}

func (l *lifecycle) Poll(ctx context.Context) (Output, error) {
	l.inFlight.Add(1)
	defer l.inFlight.Add(-1)
	if l.polls.Add(1) == 1 && l.started != nil {
		close(l.started)
	}
	if l.block != nil {
		<-l.block // ignores ctx, like a driver stuck in a read
	}
	out := Output{Logs: plog.NewLogs()}
	out.Logs.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty().Body().SetStr("sample")
	return out, nil
}

func (l *lifecycle) Close(context.Context) error {
	if l.inFlight.Load() > 0 {
		l.closedMid.Store(true)
	}
	l.closes.Add(1)
	return l.closeErr
}

func TestOpenRunsUntilItSucceedsAndCloseOnce(t *testing.T) {
	t.Parallel()
	l := &lifecycle{openFails: 2, closeErr: errors.New("pool busy")}
	rs := &results{}
	s, err := New(Settings{Deliver: rs.deliver}, []Target{{Name: "db", Interval: time.Millisecond, Timeout: time.Second, Poller: l}})
	require.NoError(t, err)
	s.Start(context.Background())
	require.Eventually(t, func() bool { return len(rs.of("db")) >= 5 }, 10*time.Second, time.Millisecond)
	err = s.Shutdown(context.Background())
	require.ErrorContains(t, err, "target db: close: pool busy")
	require.NoError(t, s.Shutdown(context.Background()), "a second Shutdown does nothing")

	got := rs.of("db")
	for i := range 2 {
		assert.False(t, got[i].Up, "poll %d: Open failed", i)
		assert.EqualError(t, got[i].Err, "failed: refused")
	}
	for i := 2; i < len(got); i++ {
		assert.True(t, got[i].Up, "poll %d", i)
		assert.Equal(t, 1, got[i].Output.Logs.LogRecordCount(), "logs of poll %d", i)
		assert.Equal(t, 0, got[i].Output.Metrics.ResourceMetrics().Len(), "unset metrics are empty, not zero")
	}
	assert.Equal(t, int32(3), l.opens.Load(), "Open runs until it succeeds, then no more")
	assert.Equal(t, int32(1), l.closes.Load())
	assert.False(t, l.closedMid.Load())
}

// TestShutdownClosesOnlyAfterThePollInFlight shuts down while a poll ignores
// its context: Shutdown gives up when its own context ends, and Close runs
// only after the poll has returned.
func TestShutdownClosesOnlyAfterThePollInFlight(t *testing.T) {
	t.Parallel()
	l := &lifecycle{block: make(chan struct{}), started: make(chan struct{})}
	s, err := New(Settings{Deliver: func(context.Context, Result) {}}, []Target{{Name: "stuck", Interval: time.Hour, Timeout: time.Hour, Poller: l}})
	require.NoError(t, err)
	s.Start(context.Background())
	<-l.started
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	require.ErrorIs(t, s.Shutdown(ctx), context.DeadlineExceeded)
	assert.Equal(t, int32(0), l.closes.Load(), "not closed under a poll in flight")
	close(l.block)
	require.Eventually(t, func() bool { return l.closes.Load() == 1 }, 10*time.Second, time.Millisecond)
	assert.False(t, l.closedMid.Load())
	s.wg.Wait()
}

func TestShutdownWithoutStartCloses(t *testing.T) {
	t.Parallel()
	l := &lifecycle{}
	s, err := New(Settings{Deliver: func(context.Context, Result) {}}, []Target{{Name: "db", Interval: time.Hour, Timeout: time.Hour, Poller: l}})
	require.NoError(t, err)
	require.NoError(t, s.Shutdown(context.Background()))
	s.Start(context.Background()) // after Shutdown: nothing runs
	assert.Equal(t, int32(1), l.closes.Load())
	assert.Equal(t, int32(0), l.polls.Load())
}
