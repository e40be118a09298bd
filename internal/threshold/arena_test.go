package threshold

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Series come and go in random subsets and orders, so member and group
// slots are freed and reused while routes and positional caches still name
// the old ones; every value must match a model that keeps raw samples.
func TestChurnReusesSlots(t *testing.T) {
	t.Parallel()
	const window = 20 * time.Second
	warn := &Condition{Op: ">=", Value: -1}
	e, err := New(Config{Rules: []Rule{
		{Name: "L", Metric: "m", Aggregate: AggLast, Window: window, Warning: warn},
		{Name: "A", Metric: "m", Aggregate: AggAvg, Window: window, Warning: warn},
		{Name: "G", Metric: "m", Aggregate: AggSum, Window: window, GroupBy: []string{"grp"}, Warning: warn},
	}})
	require.NoError(t, err)
	type tv struct {
		t int64
		v float64
	}
	const n = 12
	model := make([][]tv, n) // samples per series
	rnd := rand.New(rand.NewPCG(1, 2))
	res := []KV{{"host", "h"}}
	now := int64(time.Hour)
	for round := 0; round < 200; round++ {
		now += int64(10 * time.Second)
		order := rnd.Perm(n)
		if round%4 != 0 {
			order = order[:rnd.IntN(n)]
		}
		if round%7 == 0 { // sometimes the same order as before, so the positional cache hits
			order = []int{0, 1, 2, 3, 4, 5}
		}
		b := e.Begin(now)
		b.Resource(res)
		require.True(t, b.Metric("m", Gauge))
		for _, i := range order {
			v := float64(round*100 + i)
			b.Add(&Point{Attrs: []KV{{"s", strconv.Itoa(i)}, {"grp", strconv.Itoa(i % 3)}}, Time: now, Value: v})
			model[i] = append(model[i], tv{now, v})
		}
		b.End()
		got := map[string]float64{}
		for _, a := range e.Evaluate(now).Active {
			lv := map[string]string{}
			for _, l := range a.Labels {
				lv[l.Name] = l.Value
			}
			if a.Rule == "G" {
				got["G"+lv["grp"]] = a.Value
			} else {
				got[a.Rule+lv["s"]] = a.Value
			}
		}
		want := map[string]float64{}
		series := 0
		for i := range model {
			var live []tv
			for _, s := range model[i] {
				if s.t > now-int64(window) {
					live = append(live, s)
				}
			}
			model[i] = live
			if len(live) == 0 {
				continue
			}
			series += 3
			var sum float64
			for _, s := range live {
				sum += s.v
			}
			si, g := strconv.Itoa(i), "G"+strconv.Itoa(i%3)
			want["L"+si] = live[len(live)-1].v
			want["A"+si] = sum / float64(len(live))
			want[g] += sum
		}
		require.Equal(t, want, got, "round %d", round)
		require.Equal(t, series, e.Stats().Series, "round %d", round)
	}
	require.Zero(t, e.Stats().OutOfOrder)
}
