package threshold

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// A series flooded with points keeps only MaxSamples of them per rule: the
// oldest go first and are counted, the aggregates see the newest, and a
// `last` rule (one sample) never counts a drop.
func TestMaxSamplesDropsTheOldest(t *testing.T) {
	t.Parallel()
	warn := &Condition{Op: ">=", Value: -1}
	e, err := New(Config{MaxSamples: 3, Rules: []Rule{
		{Name: "A", Metric: "m", Aggregate: AggAvg, Window: time.Minute, Warning: warn},
		{Name: "S", Metric: "m", Aggregate: AggSum, Window: time.Minute, Warning: warn},
		{Name: "Min", Metric: "m", Aggregate: AggMin, Window: time.Minute, Warning: warn},
		{Name: "L", Metric: "m", Aggregate: AggLast, Window: time.Minute, Warning: warn},
	}})
	require.NoError(t, err)
	now := int64(time.Hour)
	b := e.Begin(now)
	b.Resource([]KV{{"host", "h"}})
	require.True(t, b.Metric("m", Gauge))
	for i := 1; i <= 10; i++ { // ten points a second apart: 1..10
		b.Add(&Point{Attrs: []KV{{"s", "x"}}, Time: now - int64(10-i)*int64(time.Second), Value: float64(i)})
	}
	b.End()
	got := map[string]float64{}
	for _, a := range e.Evaluate(now).Active {
		got[a.Rule] = a.Value
	}
	require.Equal(t, map[string]float64{"A": 9, "S": 27, "Min": 8, "L": 10}, got)
	require.Equal(t, uint64(3*7), e.Stats().DroppedSamples, "7 dropped by each of the 3 rules that keep a window")

	_, err = New(Config{MaxSamples: -1, Rules: []Rule{{Name: "A", Metric: "m", Aggregate: AggAvg, Window: time.Minute, Warning: warn}}})
	require.ErrorContains(t, err, "max_samples_per_series")
}
