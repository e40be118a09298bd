package notify

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"
)

// Alert is one alert as Alertmanager's v2 API takes it (postableAlert).
type Alert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	StartsAt     time.Time         `json:"startsAt"`
	EndsAt       time.Time         `json:"endsAt"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
}

// Update is one alert transition to apply.
type Update struct {
	// Key identifies the alert (its fingerprint).
	Key         string
	Firing      bool
	Labels      map[string]string
	Annotations map[string]string
	// StartsAt is when the alert started firing.
	StartsAt time.Time
	// At is when the transition happened: the resolve time of a resolved alert.
	At time.Time
	// EvaluationInterval is how often the rules that made it run.
	EvaluationInterval time.Duration
	GeneratorURL       string
}

type entry struct {
	Alert      Alert         `json:"alert"`
	Firing     bool          `json:"firing"`
	At         time.Time     `json:"at"`
	ResolvedAt time.Time     `json:"resolved_at,omitzero"`
	Interval   time.Duration `json:"interval"`
}

// Table holds the alerts to (re-)send. It is safe for concurrent use.
type Table struct {
	mu           sync.Mutex
	entries      map[string]*entry
	resend       time.Duration
	keepResolved time.Duration
}

// NewTable returns an empty table: firing alerts end resend intervals
// ahead, resolved ones are kept for keepResolved.
func NewTable(resend, keepResolved time.Duration) *Table {
	return &Table{entries: map[string]*entry{}, resend: resend, keepResolved: keepResolved}
}

// Len is the number of alerts held.
func (t *Table) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.entries)
}

// endsAt is Prometheus's choice: four times the larger of the evaluation
// and resend intervals, so a few lost posts do not resolve the alert.
func (t *Table) endsAt(e *entry, now time.Time) time.Time {
	if !e.Firing {
		return e.ResolvedAt
	}
	return now.Add(4 * max(e.Interval, t.resend))
}

// Apply records u and returns the alert to send now; ok is false for an
// update older than what the table holds (a retried batch, say).
func (t *Table) Apply(u Update, now time.Time) (a Alert, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.entries[u.Key]
	if e != nil && u.At.Before(e.At) {
		return Alert{}, false
	}
	if e == nil {
		e = &entry{}
		t.entries[u.Key] = e
	}
	starts := u.StartsAt
	if starts.IsZero() {
		starts = e.Alert.StartsAt
	}
	if starts.IsZero() {
		starts = u.At
	}
	e.Alert = Alert{Labels: u.Labels, Annotations: u.Annotations, StartsAt: starts, GeneratorURL: u.GeneratorURL}
	e.Firing, e.At, e.Interval = u.Firing, u.At, u.EvaluationInterval
	e.ResolvedAt = time.Time{}
	if !u.Firing {
		e.ResolvedAt = u.At
	}
	e.Alert.EndsAt = t.endsAt(e, now)
	return e.Alert, true
}

// Due returns every alert to re-send at now and forgets resolved alerts
// older than keepResolved. The order is stable (by key).
func (t *Table) Due(now time.Time) []Alert {
	t.mu.Lock()
	defer t.mu.Unlock()
	keys := slices.Sorted(maps.Keys(t.entries))
	out := make([]Alert, 0, len(keys))
	for _, k := range keys {
		e := t.entries[k]
		if !e.Firing && now.Sub(e.ResolvedAt) > t.keepResolved {
			delete(t.entries, k)
			continue
		}
		e.Alert.EndsAt = t.endsAt(e, now)
		out = append(out, e.Alert)
	}
	return out
}

type snapshot struct {
	Version int               `json:"version"`
	Entries map[string]*entry `json:"entries"`
}

// Snapshot encodes the table for a storage extension.
func (t *Table) Snapshot() ([]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return json.Marshal(snapshot{Version: 1, Entries: t.entries})
}

// Restore replaces the table with a snapshot.
func (t *Table) Restore(data []byte) error {
	if len(data) == 0 {
		return nil
	}
	var s snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("alert table: %w", err)
	}
	if s.Version != 1 {
		return fmt.Errorf("alert table: version %d, want 1", s.Version)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.entries = map[string]*entry{}
	for k, e := range s.Entries {
		if e != nil && e.Alert.Labels != nil {
			t.entries[k] = e
		}
	}
	return nil
}
