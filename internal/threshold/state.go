package threshold

import (
	"math"
	"time"
)

// States of an alert. Resolved is the state of the event that ends a firing
// alert; the series is inactive afterwards.
const (
	StateInactive = "inactive"
	StatePending  = "pending"
	StateFiring   = "firing"
	StateResolved = "resolved"
)

// forgetNoData is how long a rule with no_data keeps a silent series.
const forgetNoData = 24 * time.Hour

// Event is one state transition of an alert.
type Event struct {
	Rule             string
	Fingerprint      uint64
	Labels           []Label // the series' labels, sorted by name
	RuleLabels       map[string]string
	Annotations      map[string]string // rendered
	State            string
	PreviousState    string
	Severity         string
	PreviousSeverity string
	Value            float64 // NaN without data
	Threshold        float64
	Time             int64 // Unix ns
	ActiveAt         int64 // when the condition began (pending or firing)
	FiredAt          int64 // when the alert started firing; 0 if it never did
	NoData           bool
	Flapping         bool
}

// Alert is one pending or firing alert.
type Alert struct {
	Rule        string
	Fingerprint uint64
	Labels      []Label
	RuleLabels  map[string]string
	State       string
	Severity    string
	Value       float64
	ActiveAt    int64
	FiredAt     int64
}

// alertState's and group's fields are ordered for the evaluation loop: what
// it reads for every series comes first, on one or two cache lines.
type alertState struct {
	restoredAt int64
	Value      float64
	State      string
	LastActive bool
	NoData     bool
	Severity   string
	ActiveAt   int64
	FiredAt    int64
	LastChange int64   // firing start or last severity change
	KeepSince  int64   // when the condition cleared while firing
	Changes    []int64 // condition changes, for flap detection
}

// group is one alert series. Groups live by value in their rule's arena;
// their members are a list of indexes into the same arena's members.
type group struct {
	first, last int32 // members, -1 when none
	lastSeen    int64
	st          alertState
	used        bool
	key         uint64
	fp          uint64
	labels      []Label
	lset        uint64 // the shared label set's key, 0 if labels are its own
}

// forgettable: an inactive series without data can go, unless no_data still
// watches it.
func (g *group) forgettable(r *compiled, now int64) bool {
	if r.NoData == nil {
		return true
	}
	return now-g.lastSeen > int64(forgetNoData)
}

func (g *group) alert(r *compiled) Alert {
	return Alert{Rule: r.Name, Fingerprint: g.fp, Labels: g.labels, RuleLabels: r.Labels, State: g.st.State,
		Severity: g.st.Severity, Value: g.st.Value, ActiveAt: g.st.ActiveAt, FiredAt: g.st.FiredAt}
}

func (r *compiled) severityCond(sev string) *cond {
	if sev == SeverityCritical && r.critical != nil {
		return r.critical
	}
	if r.warning != nil {
		return r.warning
	}
	return r.critical
}

// lowest is the severity an alert in the hysteresis band keeps.
func (r *compiled) lowest() string {
	if r.warning != nil {
		return SeverityWarning
	}
	return SeverityCritical
}

// step advances the state machine of one series; it returns the event of a
// transition, if any.
func (g *group) step(r *compiled, now int64, v float64, ok bool) *Event {
	st := &g.st
	if st.restoredAt != 0 {
		// Restored from storage: hold the state until data comes back or a
		// whole window passed without it, so a restart neither resolves nor
		// re-fires.
		if !ok && now-st.restoredAt < r.window {
			return nil
		}
		st.restoredAt = 0
	}
	if !ok {
		v = math.NaN()
	}
	sev, noData := "", false
	switch {
	case ok && r.critical.holds(v):
		sev = SeverityCritical
	case ok && r.warning.holds(v):
		sev = SeverityWarning
	case !ok && r.NoData != nil && now-g.lastSeen >= int64(r.NoData.After):
		sev, noData = r.noDataSev, true
	case !ok && r.NoData != nil:
		// A gap shorter than no_data.after changes nothing.
		return nil
	}
	active := sev != ""
	if !active && st.State == StateFiring && ok && r.recover != nil && !r.recover.holds(v) {
		// Hysteresis: between the warning and the recover value the alert
		// keeps firing, at the lowest severity.
		active, sev = true, r.lowest()
	}
	if active != st.LastActive {
		st.LastActive = active
		if f := r.Flapping; f != nil {
			st.Changes = append(st.Changes, now)
		}
	}
	flapping := false
	if f := r.Flapping; f != nil {
		i := 0
		for i < len(st.Changes) && st.Changes[i] <= now-int64(f.Window) {
			i++
		}
		st.Changes = append(st.Changes[:0], st.Changes[i:]...)
		flapping = len(st.Changes) >= f.MaxChanges
	}
	st.Value = v
	st.NoData = noData
	prevState, prevSev := st.State, st.Severity
	switch st.State {
	case StateInactive, "":
		if !active {
			st.State = StateInactive
			return nil
		}
		st.ActiveAt, st.Severity = now, sev
		if r.For > 0 {
			st.State = StatePending
			return g.event(r, now, prevState, "", flapping)
		}
		g.fire(now)
		return g.event(r, now, StateInactive, "", flapping)
	case StatePending:
		if !active {
			st.State = StateInactive
			return g.event(r, now, prevState, prevSev, flapping)
		}
		st.Severity = sev
		if now-st.ActiveAt >= int64(r.For) {
			g.fire(now)
			return g.event(r, now, prevState, prevSev, flapping)
		}
		return nil
	case StateFiring:
		if active {
			st.KeepSince = 0
			if sev == st.Severity {
				return nil
			}
			if sev != SeverityCritical && now-st.LastChange < int64(r.MinHold) {
				return nil // de-escalation waits for the hold time
			}
			st.Severity, st.LastChange = sev, now
			return g.event(r, now, prevState, prevSev, flapping)
		}
		if st.KeepSince == 0 {
			st.KeepSince = now
		}
		if now-st.KeepSince < int64(r.KeepFiringFor) || now-st.LastChange < int64(r.MinHold) || flapping {
			return nil
		}
		st.State = StateResolved
		ev := g.event(r, now, prevState, prevSev, flapping)
		st.State, st.KeepSince = StateInactive, 0
		return ev
	}
	return nil
}

func (g *group) fire(now int64) {
	g.st.State, g.st.FiredAt, g.st.LastChange, g.st.KeepSince = StateFiring, now, now, 0
}

func (g *group) event(r *compiled, now int64, prevState, prevSev string, flapping bool) *Event {
	st := &g.st
	ev := &Event{Rule: r.Name, Fingerprint: g.fp, Labels: g.labels, RuleLabels: r.Labels, State: st.State,
		PreviousState: prevState, Severity: st.Severity, PreviousSeverity: prevSev, Value: st.Value,
		Time: now, ActiveAt: st.ActiveAt, FiredAt: st.FiredAt, NoData: st.NoData, Flapping: flapping}
	if prevState == StateInactive || prevState == "" {
		ev.PreviousSeverity = ""
	}
	var c *cond
	switch {
	case st.State == StateResolved && r.recover != nil:
		c = r.recover
	case st.State == StateResolved || st.State == StateInactive:
		c = r.severityCond(prevSev)
	default:
		c = r.severityCond(st.Severity)
	}
	ev.Threshold = c.value
	if st.State == StateResolved || st.State == StateInactive {
		ev.Severity = prevSev
	}
	td := TemplateData{Labels: make(map[string]string, len(g.labels)+len(r.Labels)), Value: ev.Value,
		Threshold: ev.Threshold, Severity: ev.Severity, State: ev.State, Name: r.Name}
	for _, l := range g.labels {
		td.Labels[l.Name] = l.Value
	}
	for k, v := range r.Labels {
		td.Labels[k] = v
	}
	ev.Annotations = r.tmpl.render(&td)
	return ev
}
