package notify

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func firing(key string, at time.Time) Update {
	return Update{Key: key, Firing: true, Labels: map[string]string{"alertname": "HighCPU", "host": key},
		StartsAt: at, At: at, EvaluationInterval: 15 * time.Second}
}

func TestTableFiringAndResolved(t *testing.T) {
	t.Parallel()
	tb := NewTable(time.Minute, 15*time.Minute)
	a, ok := tb.Apply(firing("a", t0), t0)
	require.True(t, ok)
	assert.Equal(t, t0, a.StartsAt)
	// 4 × max(15s evaluation, 1m resend).
	assert.Equal(t, t0.Add(4*time.Minute), a.EndsAt)

	// Re-sends move endsAt forward and keep startsAt.
	due := tb.Due(t0.Add(time.Minute))
	require.Len(t, due, 1)
	assert.Equal(t, t0, due[0].StartsAt)
	assert.Equal(t, t0.Add(5*time.Minute), due[0].EndsAt)

	// A retried, older update is ignored.
	_, ok = tb.Apply(firing("a", t0.Add(-time.Second)), t0)
	assert.False(t, ok)

	// Resolved: endsAt is the resolve time, startsAt stays.
	res := Update{Key: "a", Labels: map[string]string{"alertname": "HighCPU", "host": "a"}, At: t0.Add(2 * time.Minute)}
	a, ok = tb.Apply(res, t0.Add(2*time.Minute))
	require.True(t, ok)
	assert.Equal(t, t0, a.StartsAt)
	assert.Equal(t, t0.Add(2*time.Minute), a.EndsAt)

	// Re-sent resolved for 15 minutes, then forgotten.
	due = tb.Due(t0.Add(16 * time.Minute))
	require.Len(t, due, 1)
	assert.Equal(t, t0.Add(2*time.Minute), due[0].EndsAt)
	assert.Empty(t, tb.Due(t0.Add(17*time.Minute+time.Second)))
	assert.Equal(t, 0, tb.Len())
}

func TestTableEvaluationIntervalWins(t *testing.T) {
	t.Parallel()
	tb := NewTable(10*time.Second, time.Minute)
	u := firing("a", t0)
	u.EvaluationInterval = time.Minute
	a, _ := tb.Apply(u, t0)
	assert.Equal(t, t0.Add(4*time.Minute), a.EndsAt)
}

func TestTableSnapshot(t *testing.T) {
	t.Parallel()
	tb := NewTable(time.Minute, 15*time.Minute)
	tb.Apply(firing("a", t0), t0)
	tb.Apply(firing("b", t0.Add(time.Second)), t0)
	data, err := tb.Snapshot()
	require.NoError(t, err)
	back := NewTable(time.Minute, 15*time.Minute)
	require.NoError(t, back.Restore(data))
	assert.Equal(t, tb.Due(t0.Add(time.Minute)), back.Due(t0.Add(time.Minute)))
	require.ErrorContains(t, back.Restore([]byte("{")), "alert table:")
	require.ErrorContains(t, back.Restore([]byte(`{"version":7}`)), "version 7")
}
