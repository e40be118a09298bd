package threshold

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// snapshotVersion is bumped when the stored layout changes.
const snapshotVersion = 1

type savedState struct {
	Key        uint64   `json:"key"`
	FP         uint64   `json:"fp"`
	Labels     []Label  `json:"labels"`
	State      string   `json:"state"`
	Severity   string   `json:"severity"`
	ActiveAt   int64    `json:"active_at"`
	FiredAt    int64    `json:"fired_at,omitempty"`
	LastChange int64    `json:"last_change,omitempty"`
	KeepSince  int64    `json:"keep_since,omitempty"`
	LastSeen   int64    `json:"last_seen"`
	Changes    []int64  `json:"changes,omitempty"`
	Value      *float64 `json:"value,omitempty"`
	// Members are the source series' live samples, so a restarted engine
	// evaluates the same window (absent in snapshots of older versions).
	Members []savedMember `json:"members,omitempty"`
}

type savedMember struct {
	ID       uint64      `json:"id"`
	Kind     Kind        `json:"kind"`
	LastSeen int64       `json:"last_seen"`
	Samples  [][3]uint64 `json:"samples,omitempty"` // t, start, float64 bits of v
}

type snapshot struct {
	Version int                     `json:"version"`
	Rules   map[string][]savedState `json:"rules"`
}

// Dirty reports whether a transition happened since the last Snapshot.
func (e *Engine) Dirty() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dirty
}

// Snapshot encodes the pending and firing alerts and the live samples of
// their series (histograms apart), so that a restarted engine continues
// them over the same window. A restored alert whose window is empty holds
// its state until data arrives or one window passes.
func (e *Engine) Snapshot() ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := snapshot{Version: snapshotVersion, Rules: map[string][]savedState{}}
	for _, r := range e.rules {
		for i := range e.series[r.idx].groups {
			g := &e.series[r.idx].groups[i]
			st := g.st
			if !g.used || st.State == StateInactive || st.State == "" {
				continue
			}
			ss := savedState{Key: g.key, FP: g.fp, Labels: g.labels, State: st.State, Severity: st.Severity,
				ActiveAt: st.ActiveAt, FiredAt: st.FiredAt, LastChange: st.LastChange, KeepSince: st.KeepSince,
				LastSeen: g.lastSeen, Changes: st.Changes}
			if !math.IsNaN(st.Value) {
				v := st.Value
				ss.Value = &v
			}
			ss.Members = e.series[r.idx].saveMembers(g)
			s.Rules[r.Name] = append(s.Rules[r.Name], ss)
		}
		slices.SortFunc(s.Rules[r.Name], func(a, b savedState) int { return cmpU64(a.FP, b.FP) })
	}
	e.dirty = false
	return json.Marshal(s)
}

// Restore loads a snapshot at now (Unix ns). Alerts of rules that no longer
// exist come back as resolved events, so downstream systems close them.
func (e *Engine) Restore(data []byte, now int64) ([]Event, error) {
	if len(data) == 0 {
		return nil, nil
	}
	var s snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("alert state: %w", err)
	}
	if s.Version != snapshotVersion {
		return nil, fmt.Errorf("alert state: version %d, want %d", s.Version, snapshotVersion)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	names := make([]string, 0, len(s.Rules))
	for n := range s.Rules {
		names = append(names, n)
	}
	slices.Sort(names)
	var gone []Event
	for _, name := range names {
		r := e.byName[name]
		for _, ss := range s.Rules[name] {
			for i := range ss.Labels {
				ss.Labels[i].Key = strings.Clone(ss.Labels[i].Key)
			}
			if r == nil {
				if ss.State == StateFiring {
					gone = append(gone, Event{Rule: name, Fingerprint: ss.FP, Labels: ss.Labels, State: StateResolved,
						PreviousState: StateFiring, Severity: ss.Severity, PreviousSeverity: ss.Severity,
						Value: math.NaN(), Threshold: math.NaN(), Time: now, ActiveAt: ss.ActiveAt, FiredAt: ss.FiredAt})
				}
				continue
			}
			if ss.State != StatePending && ss.State != StateFiring {
				continue // not written by Snapshot
			}
			if ss.Severity != SeverityWarning && ss.Severity != SeverityCritical {
				ss.Severity = r.lowest()
			}
			g := group{key: ss.Key, fp: ss.FP, labels: ss.Labels, lastSeen: ss.LastSeen}
			g.st = alertState{State: ss.State, Severity: ss.Severity, ActiveAt: ss.ActiveAt, FiredAt: ss.FiredAt,
				LastChange: ss.LastChange, KeepSince: ss.KeepSince, LastActive: true, Changes: ss.Changes,
				Value: math.NaN(), restoredAt: now}
			if ss.Value != nil {
				g.st.Value = *ss.Value
			}
			rs := &e.series[r.idx]
			if i, ok := rs.index[g.key]; ok {
				// A later entry for the same key wins; members stay.
				old := &rs.groups[i]
				e.releaseLabels(old.lset)
				g.first, g.last, g.used = old.first, old.last, true
				*old = g
				continue
			}
			gi := rs.newGroup(g)
			rs.index[g.key] = gi
			e.stats.Groups++
			e.restoreMembers(r, gi, ss.Members)
		}
	}
	if len(gone) > 0 {
		e.dirty = true
	}
	return gone, nil
}

func (rs *ruleSeries) saveMembers(g *group) []savedMember {
	var out []savedMember
	for mi := g.first; mi >= 0; mi = rs.members[mi].next {
		m := &rs.members[mi]
		if m.kind.histogram() || m.n == 0 {
			continue
		}
		sm := savedMember{ID: m.id, Kind: m.kind, LastSeen: m.lastSeen}
		if m.one {
			sm.Samples = [][3]uint64{{uint64(m.lastT), 0, math.Float64bits(m.lastV)}}
		}
		if m.ext != nil {
			for _, s := range m.live() {
				sm.Samples = append(sm.Samples, [3]uint64{uint64(s.t), uint64(s.start), math.Float64bits(s.v)})
			}
		} else if !m.one {
			for _, s := range m.liveTV() {
				sm.Samples = append(sm.Samples, [3]uint64{uint64(s.t), 0, math.Float64bits(s.v)})
			}
		}
		out = append(out, sm)
	}
	return out
}

// restoreMembers gives a restored group its saved samples, within
// max_series; bad entries are skipped.
func (e *Engine) restoreMembers(r *compiled, gi int32, saved []savedMember) {
	rs := &e.series[r.idx]
	for _, sm := range saved {
		if sm.Kind.histogram() || sm.Kind > DeltaHistogram || !r.agg.accepts(sm.Kind) || rs.member(gi, sm.ID) >= 0 || e.full() {
			continue
		}
		mi := rs.newMember(gi, sm.ID, sm.Kind, r.agg.keepOne(), r.agg.starts())
		e.stats.Series++
		m := &rs.members[mi]
		for _, x := range sm.Samples {
			s := sample{t: int64(x[0]), start: int64(x[1]), v: math.Float64frombits(x[2])}
			m.add(s, nil) // out-of-order entries are dropped
		}
		m.lastSeen = max(sm.LastSeen, m.lastT)
	}
}
