package journal

// Observer is told what the store does, for telemetry. Its methods are called
// from the goroutine doing the work and must not block.
type Observer interface {
	// Recovered reports that a corrupt database was moved aside at open and
	// salvaged entries were copied into a fresh one.
	Recovered(salvaged int)
	// Replayed reports the journal records replayed at open and the damaged
	// ones skipped.
	Replayed(records, damaged int)
	// WriteRefused reports a batch refused because the store is full.
	WriteRefused()
	// Reclaimed reports a space reclaim and the bytes it freed (0 or less
	// when it freed nothing).
	Reclaimed(freed int64)
}

// NopObserver is an Observer that ignores everything.
type NopObserver struct{}

// Recovered implements Observer.
func (NopObserver) Recovered(int) {}

// Replayed implements Observer.
func (NopObserver) Replayed(int, int) {}

// WriteRefused implements Observer.
func (NopObserver) WriteRefused() {}

// Reclaimed implements Observer.
func (NopObserver) Reclaimed(int64) {}
