package threshold

import (
	"testing"
	"time"
)

// FuzzRestore: whatever the storage hands back, Restore and the evaluations
// after it must not panic.
func FuzzRestore(f *testing.F) {
	rules := []Rule{
		{Name: "A", Metric: "m", Warning: &Condition{Op: ">", Value: 1}, For: time.Second, Flapping: &Flapping{Window: time.Minute, MaxChanges: 2}},
		{Name: "B", Metric: "m", Critical: &Condition{Op: "<", Value: 0}, NoData: &NoData{After: time.Second}},
	}
	e, err := New(Config{Rules: rules})
	if err != nil {
		f.Fatal(err)
	}
	b := e.Begin(int64(time.Hour))
	b.Resource([]KV{{"host", "a"}})
	b.Metric("m", Gauge)
	b.Add(&Point{Attrs: []KV{{"x", "1"}}, Time: int64(time.Hour), Value: 5})
	b.End()
	e.Evaluate(int64(time.Hour + 2*time.Second))
	snap, err := e.Snapshot()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(snap)
	f.Add([]byte(`{"version":1,"rules":{"A":[{"key":1,"state":"firing","changes":[5,4,3]}],"Gone":[{"state":"firing"}]}}`))
	f.Add([]byte(`{"version":1,"rules":{"B":[{"key":1,"state":"bogus","severity":"x"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, _ := New(Config{Rules: rules})
		now := int64(2 * time.Hour)
		if _, err := e.Restore(data, now); err != nil {
			return
		}
		b := e.Begin(now)
		b.Resource([]KV{{"host", "a"}})
		b.Metric("m", Gauge)
		b.Add(&Point{Attrs: []KV{{"x", "1"}}, Time: now, Value: 5})
		b.End()
		for i := int64(1); i < 5; i++ {
			e.Evaluate(now + i*int64(time.Minute))
		}
		if _, err := e.Snapshot(); err != nil {
			t.Fatal(err)
		}
	})
}
