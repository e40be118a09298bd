package threshold

import (
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
)

// Config is what the engine needs: the rules and the series limit.
type Config struct {
	Rules []Rule
	// MaxSeries bounds the source series tracked over all rules; points of
	// new series past it are refused and counted. 0 means no limit.
	MaxSeries int
}

// Stats counts what the engine did and refused since it started.
type Stats struct {
	// Points is the number of (point, matching rule) pairs ingested.
	Points uint64
	// RefusedSeries counts points of new series refused by MaxSeries.
	RefusedSeries uint64
	// OutOfOrder counts points older than the newest one of their series.
	OutOfOrder uint64
	// KindMismatch counts points of a kind the rule's aggregate cannot use.
	KindMismatch uint64
	// Series is the number of source series tracked now.
	Series int
	// Groups is the number of alert series (rule × group) tracked now.
	Groups int
}

// Label is one alert label: the attribute key it came from and the label
// name it becomes (dots turned into underscores).
type Label struct {
	Key   string `json:"k"`
	Name  string `json:"n"`
	Value string `json:"v"`
}

// Engine evaluates rules. It is safe for concurrent use.
type Engine struct {
	mu        sync.Mutex
	rules     []*compiled
	byName    map[string]*compiled
	byMetric  map[string][]*compiled
	groups    []map[uint64]*group
	maxSeries int
	stats     Stats
	dirty     bool

	batch Batch
}

// New compiles the rules.
func New(cfg Config) (*Engine, error) {
	if err := ValidateRules(cfg.Rules); err != nil {
		return nil, err
	}
	if cfg.MaxSeries < 0 {
		return nil, errors.New("max_series: must not be negative")
	}
	e := &Engine{byName: map[string]*compiled{}, byMetric: map[string][]*compiled{}, maxSeries: cfg.MaxSeries}
	for i := range cfg.Rules {
		c, _ := compileRule(&cfg.Rules[i])
		c.idx = i
		e.rules = append(e.rules, c)
		e.byName[c.Name] = c
		e.byMetric[c.Metric] = append(e.byMetric[c.Metric], c)
		e.groups = append(e.groups, map[uint64]*group{})
	}
	e.batch.e = e
	return e, nil
}

// Metrics returns the metric names the rules read, sorted.
func (e *Engine) Metrics() []string {
	out := make([]string, 0, len(e.byMetric))
	for k := range e.byMetric {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Stats returns the counters.
func (e *Engine) Stats() Stats {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stats
}

// Batch ingests points under the engine's lock: Resource, then per metric
// Metric and Add for each point, then End.
type Batch struct {
	e      *Engine
	now    int64
	res    []KV
	resOK  map[*compiled]bool
	cand   []*compiled
	kind   Kind
	idHash uint64
	idSet  bool
}

// Begin locks the engine for ingestion; now (Unix ns) stands in for points
// without a timestamp.
func (e *Engine) Begin(now int64) *Batch {
	e.mu.Lock()
	b := &e.batch
	b.now = now
	b.res = nil
	b.cand = b.cand[:0]
	return b
}

// End unlocks the engine.
func (b *Batch) End() {
	b.res = nil
	b.e.mu.Unlock()
}

// Resource sets the resource attributes of the points that follow; the
// slice must stay unchanged until the next Resource or End.
func (b *Batch) Resource(attrs []KV) {
	b.res = attrs
	if b.resOK == nil {
		b.resOK = map[*compiled]bool{}
	}
	clear(b.resOK)
}

// Metric selects the metric of the points that follow and reports whether
// any rule wants them.
func (b *Batch) Metric(name string, kind Kind) bool {
	b.cand = b.cand[:0]
	b.kind = kind
	for _, r := range b.e.byMetric[name] {
		ok, seen := b.resOK[r]
		if !seen {
			ok = matchAll(r.resMatch, b.res)
			b.resOK[r] = ok
		}
		if ok {
			b.cand = append(b.cand, r)
		}
	}
	return len(b.cand) > 0
}

// Add feeds one point of the current metric to every rule that matches it.
func (b *Batch) Add(p *Point) {
	e := b.e
	t := p.Time
	if t == 0 {
		t = b.now
	}
	b.idSet = false
	var h *Histogram
	for _, r := range b.cand {
		if !r.agg.accepts(b.kind) {
			e.stats.KindMismatch++
			continue
		}
		if !matchAll(r.match, p.Attrs) {
			continue
		}
		var key, mid uint64
		if len(r.groupBy) == 0 {
			key = b.identity(p.Attrs)
			mid = key
		} else {
			key = groupHash(r.groupBy, b.res, p.Attrs)
			mid = b.identity(p.Attrs)
		}
		groups := e.groups[r.idx]
		g := groups[key]
		if g == nil {
			if e.full() {
				e.stats.RefusedSeries++
				continue
			}
			g = newGroup(r, key, b.res, p.Attrs)
			groups[key] = g
			e.stats.Groups++
		}
		m := g.member(mid)
		if m == nil {
			if e.full() {
				e.stats.RefusedSeries++
				continue
			}
			m = &member{id: mid, kind: b.kind}
			g.members = append(g.members, m)
			e.stats.Series++
		}
		m.kind = b.kind
		if b.kind.histogram() {
			if p.Hist == nil {
				e.stats.KindMismatch++
				continue
			}
			if h == nil {
				h = cloneHist(p.Hist)
			}
		}
		if !m.add(sample{t: t, start: p.Start, v: p.Value, h: h}, r.agg.keepOne()) {
			e.stats.OutOfOrder++
			continue
		}
		e.stats.Points++
		if t > m.lastSeen {
			m.lastSeen = t
		}
		if t > g.lastSeen {
			g.lastSeen = t
		}
	}
}

func (b *Batch) identity(attrs []KV) uint64 {
	if !b.idSet {
		b.idHash = identityHash(b.res, attrs)
		b.idSet = true
	}
	return b.idHash
}

func (e *Engine) full() bool { return e.maxSeries > 0 && e.stats.Series >= e.maxSeries }

// newGroup builds the labels of a new alert series: the group_by attributes,
// or every resource and point attribute (the point's win on a clash).
func newGroup(r *compiled, key uint64, res, attrs []KV) *group {
	byName := map[string]Label{}
	put := func(k, v string) {
		byName[sanitizeLabel(k)] = Label{Key: strings.Clone(k), Name: sanitizeLabel(k), Value: strings.Clone(v)}
	}
	if len(r.groupBy) == 0 {
		for _, kv := range res {
			put(kv.Key, kv.Value)
		}
		for _, kv := range attrs {
			put(kv.Key, kv.Value)
		}
	} else {
		for _, k := range r.groupBy {
			if v, ok := lookup(attrs, k); ok {
				put(k, v)
			} else if v, ok := lookup(res, k); ok {
				put(k, v)
			}
		}
	}
	labels := make([]Label, 0, len(byName))
	for _, l := range byName {
		labels = append(labels, l)
	}
	slices.SortFunc(labels, func(a, b Label) int { return strings.Compare(a.Name, b.Name) })
	g := &group{key: key, labels: labels}
	g.fp = fingerprint(r.Name, labels)
	g.st.Value = math.NaN()
	g.st.State = StateInactive
	return g
}

// Result is the outcome of one evaluation.
type Result struct {
	// Events are the state transitions, in rule order.
	Events []Event
	// Active are the pending and firing alerts after the evaluation.
	Active []Alert
}

// Evaluate runs every rule at now (Unix ns).
func (e *Engine) Evaluate(now int64) Result {
	e.mu.Lock()
	defer e.mu.Unlock()
	var res Result
	for _, r := range e.rules {
		groups := e.groups[r.idx]
		keys := make([]uint64, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		// Sorted by fingerprint so events come out in a stable order.
		slices.SortFunc(keys, func(a, b uint64) int { return cmpU64(groups[a].fp, groups[b].fp) })
		for _, k := range keys {
			g := groups[k]
			winStart := now - r.window
			g.members = slices.DeleteFunc(g.members, func(m *member) bool {
				m.trim(winStart)
				if len(m.samples) == 0 && m.lastSeen <= winStart {
					e.stats.Series--
					return true
				}
				return false
			})
			v, ok := r.agg.value(g.members, winStart)
			if ev := g.step(r, now, v, ok); ev != nil {
				res.Events = append(res.Events, *ev)
				e.dirty = true
			}
			if g.st.State != StateInactive {
				res.Active = append(res.Active, g.alert(r))
			} else if len(g.members) == 0 && g.forgettable(r, now) {
				delete(groups, k)
				e.stats.Groups--
			}
		}
	}
	return res
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
