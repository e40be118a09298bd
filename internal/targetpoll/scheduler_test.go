package targetpoll

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	// The target fails with timeouts, then auth failures, then recovers,
	// then fails partially: four state changes, four log lines.
	script := []error{nil, classErr("timeout"), classErr("timeout"), classErr("timeout"),
		classErr("auth"), classErr("auth"), nil, nil, Partial(classErr("no such object")), Partial(classErr("no such object"))}
	var n atomic.Int32
	core, logs := observer.New(zapcore.InfoLevel)
	rs := &results{}
	s, err := New(Settings{Logger: zap.New(core), Deliver: rs.deliver}, []Target{{
		Name: "dev", Interval: time.Millisecond, Timeout: time.Second,
		Poll: func(context.Context) (pmetric.Metrics, error) {
			// Polls that run past the script (the scheduler keeps polling
			// until Shutdown) repeat its last state, so they log nothing.
			i := min(int(n.Add(1))-1, len(script)-1)
			return pmetric.NewMetrics(), script[i]
		},
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
		"error target is down; will keep polling and log again when its state changes",
		"error target is down; will keep polling and log again when its state changes",
		"info target recovered",
		"warn target answers but data is missing",
	}, msgs)
	got := rs.of("dev")
	for i, want := range []bool{true, false, false, false, false, false, true, true, true, true} {
		assert.Equal(t, want, got[i].Up, "poll %d", i)
	}
}

func TestBackoffGrowsForDeadTargets(t *testing.T) {
	s := &Scheduler{set: Settings{MaxBackoff: 8 * time.Second}}
	tgt := &Target{Interval: time.Second}
	base := time.Now().Add(time.Hour) // far from "now": no skipped slots
	for failures, want := range map[int]time.Duration{0: time.Second, 1: time.Second, 2: 2 * time.Second,
		3: 4 * time.Second, 4: 8 * time.Second, 10: 8 * time.Second} {
		assert.Equal(t, want, s.nextPoll(tgt, base, failures).Sub(base), "failures %d", failures)
	}
	// A poll that overran its slot skips to the next slot on the grid.
	past := time.Now().Add(-3500 * time.Millisecond)
	next := s.nextPoll(tgt, past, 0)
	assert.True(t, next.After(time.Now()))
	assert.Equal(t, time.Duration(0), next.Sub(past)%time.Second)
}

func TestConcurrencyLimit(t *testing.T) {
	var inFlight, peak atomic.Int32
	rs := &results{}
	var targets []Target
	for i := range 20 {
		targets = append(targets, Target{Name: string(rune('a' + i)), Interval: time.Hour, Timeout: time.Second,
			Poll: func(context.Context) (pmetric.Metrics, error) {
				n := inFlight.Add(1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				time.Sleep(5 * time.Millisecond)
				inFlight.Add(-1)
				return pmetric.NewMetrics(), nil
			}})
	}
	s, err := New(Settings{MaxConcurrent: 3, Deliver: rs.deliver}, targets)
	require.NoError(t, err)
	s.Start(context.Background())
	require.Eventually(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.all) == 20 }, 10*time.Second, time.Millisecond)
	require.NoError(t, s.Shutdown(context.Background()))
	assert.LessOrEqual(t, peak.Load(), int32(3))
}

func TestPhasesSpreadOverTheInterval(t *testing.T) {
	s := &Scheduler{set: Settings{Jitter: 1}}
	seen := map[time.Duration]bool{}
	for i := range 1000 {
		tgt := &Target{Name: "10.0.0." + string(rune('0'+i%10)) + string(rune('a'+i/10%26)) + string(rune('a'+i/260)), Interval: time.Minute}
		p := s.phase(tgt)
		require.GreaterOrEqual(t, p, time.Duration(0))
		require.Less(t, p, time.Minute)
		seen[p/time.Second] = true
		assert.Equal(t, p, s.phase(tgt), "phase is stable for a name")
	}
	assert.Greater(t, len(seen), 50, "first polls of 1000 targets fall in many different seconds")
}

func TestNewRejectsBadTargets(t *testing.T) {
	deliver := func(context.Context, Result) {}
	poll := func(context.Context) (pmetric.Metrics, error) { return pmetric.NewMetrics(), nil }
	_, err := New(Settings{Deliver: deliver}, []Target{{Name: "a", Interval: time.Second, Timeout: time.Second, Poll: poll}, {Name: "a", Interval: time.Second, Timeout: time.Second, Poll: poll}})
	require.ErrorContains(t, err, "not unique")
	_, err = New(Settings{Deliver: deliver, Jitter: 2}, nil)
	require.ErrorContains(t, err, "jitter")
	_, err = New(Settings{}, nil)
	require.ErrorContains(t, err, "deliver")
}

func TestShutdownWithoutStartAndPollTimeout(t *testing.T) {
	require.NoError(t, (&Scheduler{}).Shutdown(context.Background()))
	rs := &results{}
	s, err := New(Settings{Deliver: rs.deliver}, []Target{{Name: "slow", Interval: time.Hour, Timeout: 20 * time.Millisecond,
		Poll: func(ctx context.Context) (pmetric.Metrics, error) {
			<-ctx.Done()
			return pmetric.Metrics{}, ctx.Err()
		}}})
	require.NoError(t, err)
	s.Start(context.Background())
	require.Eventually(t, func() bool { return len(rs.of("slow")) == 1 }, 10*time.Second, time.Millisecond)
	require.NoError(t, s.Shutdown(context.Background()))
	r := rs.of("slow")[0]
	assert.False(t, r.Up)
	assert.True(t, errors.Is(r.Err, context.DeadlineExceeded))
	assert.Equal(t, 0, r.Metrics.ResourceMetrics().Len())
}

func TestAppendHealth(t *testing.T) {
	ms := pmetric.NewMetricSlice()
	AppendHealth(ms, HealthNames{Up: "x.up", Duration: "x.poll.duration"}, Result{Up: false, Start: time.Unix(10, 0), Duration: 1500 * time.Millisecond})
	require.Equal(t, 2, ms.Len())
	assert.Equal(t, "x.up", ms.At(0).Name())
	assert.Equal(t, int64(0), ms.At(0).Gauge().DataPoints().At(0).IntValue())
	assert.Equal(t, 1.5, ms.At(1).Gauge().DataPoints().At(0).DoubleValue())
	assert.Equal(t, "s", ms.At(1).Unit())
}
