package threshold

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The positional route cache must not mix series up when a batch's order
// changes, a series disappears, or a route is rebuilt.
func TestRoutesFollowTheSeries(t *testing.T) {
	t.Parallel()
	e, err := New(Config{Rules: []Rule{{Name: "V", Metric: "v", Window: 20 * time.Second, Warning: &Condition{Op: ">=", Value: 0}}}})
	require.NoError(t, err)
	res := []KV{{"host", "h"}}
	now := int64(time.Hour)
	round := func(order []int, value func(i int) float64) map[string]float64 {
		now += int64(10 * time.Second)
		b := e.Begin(now)
		b.Resource(res)
		require.True(t, b.Metric("v", Gauge))
		for _, i := range order {
			b.Add(&Point{Attrs: []KV{{"s", strconv.Itoa(i)}}, Time: now, Value: value(i)})
		}
		b.End()
		got := map[string]float64{}
		for _, a := range e.Evaluate(now).Active {
			got[a.Labels[1].Value] = a.Value
		}
		return got
	}
	id := func(i int) float64 { return float64(i) }
	assert.Equal(t, map[string]float64{"0": 0, "1": 1, "2": 2}, round([]int{0, 1, 2}, id))
	assert.Equal(t, map[string]float64{"0": 10, "1": 11, "2": 12}, round([]int{2, 1, 0}, func(i int) float64 { return float64(10 + i) }))
	assert.Equal(t, map[string]float64{"0": 20, "1": 21, "2": 22}, round([]int{0, 1, 2}, func(i int) float64 { return float64(20 + i) }))
	// Series 1 stops; once its window is empty its member and route go.
	round([]int{0, 2}, id)
	got := round([]int{0, 2}, id)
	assert.Equal(t, map[string]float64{"0": 0, "2": 2}, got)
	assert.Equal(t, 2, e.Stats().Series)
	// It comes back first in the batch, at the position another series had.
	assert.Equal(t, map[string]float64{"0": 30, "1": 31, "2": 32}, round([]int{1, 0, 2}, func(i int) float64 { return float64(30 + i) }))
	assert.Equal(t, uint64(0), e.Stats().OutOfOrder)
}
