package threshold

import (
	"cmp"
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
	groups    []*groupSet
	maxSeries int
	stats     Stats
	dirty     bool
	routes    map[uint64]*route
	maxRoutes int
	seqs      map[uint64]*seq
	heads     map[uint64]struct{} // batch shapes seen once
	seqLen    int                 // entries over all seqs
	spare     *seq

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
	e := &Engine{byName: map[string]*compiled{}, byMetric: map[string][]*compiled{}, maxSeries: cfg.MaxSeries,
		routes: map[uint64]*route{}, maxRoutes: 2 * cfg.MaxSeries, seqs: map[uint64]*seq{},
		heads: map[uint64]struct{}{}}
	if e.maxRoutes == 0 {
		e.maxRoutes = 1 << 21
	}
	for i := range cfg.Rules {
		c, _ := compileRule(&cfg.Rules[i])
		c.idx = i
		e.rules = append(e.rules, c)
		e.byName[c.Name] = c
		e.byMetric[c.Metric] = append(e.byMetric[c.Metric], c)
		e.groups = append(e.groups, &groupSet{index: map[uint64]*group{}})
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
	resSum uint64

	// The positional route cache: receivers send a target's points in the
	// same order at every scrape, so the route of the point at position pos
	// is most likely prev.routes[pos]; reading it in order spares the random
	// probe into the routes map.
	pos  int
	prev *seq
	rec  *seq
	head uint64

	metricHash uint64
}

// Begin locks the engine for ingestion; now (Unix ns) stands in for points
// without a timestamp.
func (e *Engine) Begin(now int64) *Batch {
	e.mu.Lock()
	b := &e.batch
	b.now = now
	b.res = nil
	b.cand = b.cand[:0]
	b.pos, b.prev, b.rec = 0, nil, nil
	return b
}

// End unlocks the engine.
func (b *Batch) End() {
	e := b.e
	if b.rec != nil {
		if b.prev != nil {
			e.seqLen -= len(b.prev.keys)
		}
		// Bounded in shapes and in total length (as many entries as routes).
		if len(e.seqs) >= maxSeqs || e.seqLen+len(b.rec.keys) > e.maxRoutes {
			clear(e.seqs)
			e.seqLen = 0
		}
		e.seqs[b.head] = b.rec
		e.seqLen += len(b.rec.keys)
		if b.prev != nil && b.prev != b.rec {
			e.spare = b.prev
		}
	}
	b.res, b.prev, b.rec = nil, nil, nil
	e.mu.Unlock()
}

// seq is the routes of one batch's points in order, keyed by its first.
type seq struct {
	keys   []uint64
	routes []*route
}

// maxSeqs bounds the remembered batch shapes.
const maxSeqs = 4096

// Resource sets the resource attributes of the points that follow; the
// slice must stay unchanged until the next Resource or End.
func (b *Batch) Resource(attrs []KV) {
	b.res = attrs
	b.resSum = resourceSum(attrs)
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
	b.metricHash = mix(hashString(fnvOffset, name))
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

// route is what one source series of one metric feeds: the members it
// appends to. Caching it turns the per-rule matching and lookups into one
// map access per point; a member's removal drops its route.
type route struct {
	kind    Kind
	dead    bool // dropped from the map; positional caches must not use it
	targets []target
}

type target struct {
	g       *group
	m       *member
	keepOne bool
}

// Add feeds one point of the current metric to every rule that matches it.
func (b *Batch) Add(p *Point) {
	e := b.e
	t := p.Time
	if t == 0 {
		t = b.now
	}
	b.idSet = false
	rk := mix(b.identity(p.Attrs) ^ b.metricHash)
	if b.pos == 0 {
		b.head = rk
		b.prev = e.seqs[rk]
		n := 64
		if b.prev != nil {
			n = len(b.prev.keys)
		}
		if _, seen := e.heads[rk]; b.prev == nil && !seen {
			// A batch shape seen once is only remembered: recording every
			// batch of senders whose batches never repeat would cost
			// more than it saves. The second time it is recorded, from
			// the third on it pays.
			if len(e.heads) >= 4*maxSeqs {
				clear(e.heads)
			}
			e.heads[rk] = struct{}{}
		} else if sp := e.spare; sp != nil && cap(sp.keys) >= n {
			// The buffers of the sequence the previous batch replaced.
			e.spare = nil
			clear(sp.routes[:cap(sp.routes)])
			sp.keys, sp.routes = sp.keys[:0], sp.routes[:0]
			b.rec = sp
		} else {
			b.rec = &seq{keys: make([]uint64, 0, n), routes: make([]*route, 0, n)}
		}
	}
	var rt *route
	if pv := b.prev; pv != nil && b.pos < len(pv.keys) && pv.keys[b.pos] == rk && pv.routes[b.pos] != nil && !pv.routes[b.pos].dead {
		rt = pv.routes[b.pos]
	} else {
		rt = e.routes[rk]
	}
	b.pos++
	if rt != nil && rt.kind == b.kind {
		if b.rec != nil {
			b.rec.keys = append(b.rec.keys, rk)
			b.rec.routes = append(b.rec.routes, rt)
		}
		var h *Histogram
		if b.kind.histogram() {
			if p.Hist == nil {
				e.stats.KindMismatch += uint64(len(rt.targets))
				return
			}
			h = cloneHist(p.Hist)
		}
		for i := range rt.targets {
			e.addSample(&rt.targets[i], sample{t: t, start: p.Start, v: p.Value}, h)
		}
		return
	}
	rt = b.slowAdd(p, t, rk)
	if b.rec != nil {
		b.rec.keys = append(b.rec.keys, rk)
		b.rec.routes = append(b.rec.routes, rt)
	}
}

func (e *Engine) addSample(tg *target, s sample, h *Histogram) {
	if !tg.m.add(s, h, tg.keepOne) {
		e.stats.OutOfOrder++
		return
	}
	e.stats.Points++
	if s.t > tg.m.lastSeen {
		tg.m.lastSeen = s.t
	}
}

// slowAdd matches the point against the candidate rules, finds or makes
// its groups and members, and caches the route unless something was refused.
func (b *Batch) slowAdd(p *Point, t int64, rk uint64) *route {
	e := b.e
	rt := &route{kind: b.kind}
	cacheable := true
	var h *Histogram
	for _, r := range b.cand {
		if !r.agg.accepts(b.kind) || (b.kind.histogram() && p.Hist == nil) {
			e.stats.KindMismatch++
			cacheable = false
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
		g := groups.index[key]
		if g == nil {
			if e.full() {
				e.stats.RefusedSeries++
				cacheable = false
				continue
			}
			g = newGroup(r, key, b.res, p.Attrs)
			groups.add(g)
			e.stats.Groups++
		}
		m := g.member(mid)
		if m == nil {
			if e.full() {
				e.stats.RefusedSeries++
				cacheable = false
				continue
			}
			m = &member{id: mid, kind: b.kind}
			g.members = append(g.members, m)
			e.stats.Series++
		}
		m.kind = b.kind
		m.route = rk
		if b.kind.histogram() && h == nil {
			h = cloneHist(p.Hist)
		}
		tg := target{g: g, m: m, keepOne: r.agg.keepOne()}
		rt.targets = append(rt.targets, tg)
		e.addSample(&tg, sample{t: t, start: p.Start, v: p.Value}, h)
	}
	if !cacheable {
		return nil
	}
	if old := e.routes[rk]; old != nil {
		old.dead = true
	}
	e.routes[rk] = rt
	return rt
}

func (b *Batch) identity(attrs []KV) uint64 {
	if !b.idSet {
		b.idHash = identityWith(b.resSum, len(b.res), attrs)
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
		winStart := now - r.window
		for i := 0; i < len(groups.list); {
			g := groups.list[i]
			kept := g.members[:0]
			for _, m := range g.members {
				g.lastSeen = max(g.lastSeen, m.lastSeen)
				m.trim(winStart)
				if len(m.samples) > m.head || m.lastSeen > winStart {
					kept = append(kept, m)
					continue
				}
				e.stats.Series--
				if rt := e.routes[m.route]; rt != nil {
					rt.dead = true
					delete(e.routes, m.route)
				}
			}
			clear(g.members[len(kept):])
			g.members = kept
			v, ok := r.agg.value(g.members, winStart)
			if ev := g.step(r, now, v, ok); ev != nil {
				res.Events = append(res.Events, *ev)
				e.dirty = true
			}
			if g.st.State != StateInactive {
				res.Active = append(res.Active, g.alert(r))
			} else if len(g.members) == 0 && g.forgettable(r, now) {
				groups.remove(g)
				e.stats.Groups--
				continue // the last group moved to i
			}
			i++
		}
	}
	// Routes of series that match no rule are never removed one by one;
	// past the bound they all go and are rebuilt as points arrive.
	if len(e.routes) > e.maxRoutes {
		for _, rt := range e.routes {
			rt.dead = true
		}
		clear(e.routes)
		clear(e.seqs)
		e.seqLen = 0
	}
	// A stable order: by rule, then fingerprint.
	slices.SortFunc(res.Events, func(a, b Event) int {
		return cmp.Or(cmp.Compare(e.byName[a.Rule].idx, e.byName[b.Rule].idx), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	slices.SortFunc(res.Active, func(a, b Alert) int {
		return cmp.Or(cmp.Compare(e.byName[a.Rule].idx, e.byName[b.Rule].idx), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	return res
}

func cmpU64(a, b uint64) int { return cmp.Compare(a, b) }

// groupSet holds a rule's alert series: a list to iterate and an index.
type groupSet struct {
	index map[uint64]*group
	list  []*group
}

func (s *groupSet) add(g *group) {
	if old, ok := s.index[g.key]; ok {
		s.list[old.pos] = g
		g.pos = old.pos
	} else {
		g.pos = len(s.list)
		s.list = append(s.list, g)
	}
	s.index[g.key] = g
}

func (s *groupSet) remove(g *group) {
	last := s.list[len(s.list)-1]
	s.list[g.pos] = last
	last.pos = g.pos
	s.list[len(s.list)-1] = nil
	s.list = s.list[:len(s.list)-1]
	delete(s.index, g.key)
}
