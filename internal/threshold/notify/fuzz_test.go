package notify

import (
	"testing"
	"time"
)

// FuzzRestore: whatever the storage hands back, Restore, Apply and Due must
// not panic.
func FuzzRestore(f *testing.F) {
	tb := NewTable(time.Minute, 15*time.Minute)
	tb.Apply(firing("a", t0), t0)
	snap, _ := tb.Snapshot()
	f.Add(snap)
	f.Add([]byte(`{"version":1,"entries":{"a":null,"b":{"firing":true}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb := NewTable(time.Minute, 15*time.Minute)
		if err := tb.Restore(data); err != nil {
			return
		}
		tb.Due(t0)
		tb.Apply(firing("a", t0.Add(time.Second)), t0)
		tb.Due(t0.Add(time.Hour))
	})
}
