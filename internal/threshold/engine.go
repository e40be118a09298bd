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
	// MaxSamples bounds the samples one series keeps for one rule: past
	// it the oldest goes first, and is counted, so a series flooded with
	// points costs bounded memory. 0 means no limit.
	MaxSamples int
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
	// DroppedSamples counts samples dropped before they left their window,
	// because their series held MaxSamples.
	DroppedSamples uint64
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
	mu         sync.Mutex
	rules      []*compiled
	byName     map[string]*compiled
	byMetric   map[string][]*compiled
	series     []ruleSeries // by rule index
	labelSets  map[uint64]*labelSet
	maxSeries  int
	maxSamples int32
	stats      Stats
	dirty      bool
	routes     map[uint64]*route
	maxRoutes  int
	seqs       map[uint64]*seq
	heads      map[uint64]struct{} // batch shapes seen once
	seqLen     int                 // entries over all seqs
	spare      *seq

	batch   Batch
	scratch []*member // one group's members, for the aggregate
	sink    int64     // keeps the evaluation's touch reads
}

// New compiles the rules.
func New(cfg Config) (*Engine, error) {
	if err := ValidateRules(cfg.Rules); err != nil {
		return nil, err
	}
	if cfg.MaxSeries < 0 {
		return nil, errors.New("max_series: must not be negative")
	}
	if cfg.MaxSamples < 0 {
		return nil, errors.New("max_samples_per_series: must not be negative")
	}
	e := &Engine{byName: map[string]*compiled{}, byMetric: map[string][]*compiled{}, maxSeries: cfg.MaxSeries, maxSamples: int32(min(cfg.MaxSamples, 1<<30)),
		routes: map[uint64]*route{}, maxRoutes: 2 * cfg.MaxSeries, seqs: map[uint64]*seq{},
		heads: map[uint64]struct{}{}, labelSets: map[uint64]*labelSet{}}
	if e.maxRoutes == 0 {
		e.maxRoutes = 1 << 21
	}
	for i := range cfg.Rules {
		c, _ := compileRule(&cfg.Rules[i])
		c.idx = i
		e.rules = append(e.rules, c)
		e.byName[c.Name] = c
		e.byMetric[c.Metric] = append(e.byMetric[c.Metric], c)
		e.series = append(e.series, ruleSeries{index: map[uint64]int32{}})
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
			e.seqLen -= len(b.prev.ents)
		}
		// Bounded in shapes and in total length (as many entries as routes).
		if len(e.seqs) >= maxSeqs || e.seqLen+len(b.rec.ents) > e.maxRoutes {
			clear(e.seqs)
			e.seqLen = 0
		}
		e.seqs[b.head] = b.rec
		e.seqLen += len(b.rec.ents)
		if b.prev != nil && b.prev != b.rec {
			e.spare = b.prev
		}
	}
	b.res, b.prev, b.rec = nil, nil, nil
	e.mu.Unlock()
}

// seq is the routes of one batch's points in order, keyed by its first:
// each point's route key and a copy of its targets, so that a hit reads
// memory in order. A copy is used only while every member it names is
// still in its slot (same gen) and of the batch's kind.
type seq struct {
	ents []seqEnt
	tgts []target
}

type seqEnt struct {
	key uint64
	end int32 // the point's targets end here in tgts
	ok  bool  // false: the point had no cacheable route
}

func (s *seq) add(key uint64, tgts []target, ok bool) {
	s.tgts = append(s.tgts, tgts...)
	s.ents = append(s.ents, seqEnt{key: key, end: int32(len(s.tgts)), ok: ok})
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
	targets []target
}

// target names a member: its rule, its slot and the slot's gen.
type target struct {
	rule int32
	m    int32
	gen  uint32
}

func (e *Engine) member(tg target) *member { return &e.series[tg.rule].members[tg.m] }

// current reports whether cached targets still name live members of kind.
func (e *Engine) current(tgts []target, kind Kind) bool {
	for _, tg := range tgts {
		m := e.member(tg)
		if m.gen != tg.gen || !m.used || m.kind != kind {
			return false
		}
	}
	return true
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
			n = len(b.prev.ents)
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
		} else if sp := e.spare; sp != nil && cap(sp.ents) >= n {
			// The buffers of the sequence the previous batch replaced.
			e.spare = nil
			sp.ents, sp.tgts = sp.ents[:0], sp.tgts[:0]
			b.rec = sp
		} else {
			b.rec = &seq{ents: make([]seqEnt, 0, n), tgts: make([]target, 0, 2*n)}
		}
	}
	var tgts []target
	found := false
	if pv := b.prev; pv != nil && b.pos < len(pv.ents) && pv.ents[b.pos].key == rk && pv.ents[b.pos].ok {
		from := int32(0)
		if b.pos > 0 {
			from = pv.ents[b.pos-1].end
		}
		tgts = pv.tgts[from:pv.ents[b.pos].end]
		found = e.current(tgts, b.kind)
	}
	if !found {
		if rt := e.routes[rk]; rt != nil && rt.kind == b.kind {
			tgts, found = rt.targets, true
		}
	}
	b.pos++
	if found {
		if b.rec != nil {
			b.rec.add(rk, tgts, true)
		}
		var h *Histogram
		if b.kind.histogram() {
			if p.Hist == nil {
				e.stats.KindMismatch += uint64(len(tgts))
				return
			}
			h = cloneHist(p.Hist)
		}
		for _, tg := range tgts {
			e.addSample(e.member(tg), sample{t: t, start: p.Start, v: p.Value}, h)
		}
		return
	}
	rt := b.slowAdd(p, t, rk)
	if b.rec != nil {
		if rt != nil {
			b.rec.add(rk, rt.targets, true)
		} else {
			b.rec.add(rk, nil, false)
		}
	}
}

func (e *Engine) addSample(m *member, s sample, h *Histogram) {
	if m.n >= e.maxSamples && e.maxSamples > 0 && !m.one && s.t > m.lastT {
		e.dropOldest(m)
	}
	if !m.add(s, h) {
		e.stats.OutOfOrder++
		return
	}
	e.stats.Points++
	if s.t > m.lastSeen {
		m.lastSeen = s.t
	}
}

// dropOldest drops a full member's oldest sample (times are strictly
// increasing, so trimming at it drops one); out of line, so that the hot
// path stays small.
//
//go:noinline
func (e *Engine) dropOldest(m *member) {
	m.trim(m.firstT)
	e.stats.DroppedSamples++
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
		rs := &e.series[r.idx]
		gi, ok := rs.index[key]
		if !ok {
			if e.full() {
				e.stats.RefusedSeries++
				cacheable = false
				continue
			}
			gi = rs.newGroup(e.newGroup(r, key, b.res, p.Attrs))
			rs.index[key] = gi
			e.stats.Groups++
		}
		mi := rs.member(gi, mid)
		if mi < 0 {
			if e.full() {
				e.stats.RefusedSeries++
				cacheable = false
				continue
			}
			mi = rs.newMember(gi, mid, b.kind, r.agg.keepOne(), r.agg.starts())
			e.stats.Series++
		}
		m := &rs.members[mi]
		m.kind = b.kind
		m.route = rk
		if b.kind.histogram() && h == nil {
			h = cloneHist(p.Hist)
		}
		rt.targets = append(rt.targets, target{rule: int32(r.idx), m: mi, gen: m.gen})
		e.addSample(m, sample{t: t, start: p.Start, v: p.Value}, h)
	}
	if !cacheable {
		return nil
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

// newGroup builds a new alert series and its labels: the group_by
// attributes, or every resource and point attribute (the point's win on a
// clash).
func (e *Engine) newGroup(r *compiled, key uint64, res, attrs []KV) group {
	byName := map[string]Label{}
	put := func(k, v string) {
		byName[sanitizeLabel(k)] = Label{Key: k, Name: sanitizeLabel(k), Value: v}
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
	g := group{key: key}
	g.labels, g.lset = e.internLabels(labels)
	g.fp = fingerprint(r.Name, g.labels)
	g.st.Value = math.NaN()
	g.st.State = StateInactive
	return g
}

// labelSet is one alert label set shared by the groups of several rules
// (rules on the same metric without group_by label a series alike).
type labelSet struct {
	labels []Label
	refs   int
}

// internLabels returns a shared copy of labels, whose strings the caller
// may not own, and the key to release it with (0: not shared).
func (e *Engine) internLabels(labels []Label) ([]Label, uint64) {
	k := fingerprint("", labels)
	if s := e.labelSets[k]; s != nil {
		if slices.Equal(s.labels, labels) {
			s.refs++
			return s.labels, k
		}
		return ownLabels(labels), 0 // a hash collision: not shared
	}
	if k == 0 {
		return ownLabels(labels), 0
	}
	s := &labelSet{labels: ownLabels(labels), refs: 1}
	e.labelSets[k] = s
	return s.labels, k
}

func (e *Engine) releaseLabels(k uint64) {
	if s := e.labelSets[k]; k != 0 && s != nil {
		if s.refs--; s.refs <= 0 {
			delete(e.labelSets, k)
		}
	}
}

// ownLabels copies labels with all their strings in one allocation.
func ownLabels(labels []Label) []Label {
	var b strings.Builder
	for _, l := range labels {
		b.WriteString(l.Key)
		if l.Name != l.Key {
			b.WriteString(l.Name)
		}
		b.WriteString(l.Value)
	}
	all := b.String()
	out := make([]Label, len(labels))
	i := 0
	next := func(n int) string {
		s := all[i : i+n]
		i += n
		return s
	}
	for j, l := range labels {
		out[j].Key = next(len(l.Key))
		out[j].Name = out[j].Key
		if l.Name != l.Key {
			out[j].Name = next(len(l.Name))
		}
		out[j].Value = next(len(l.Value))
	}
	return out
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
		ev, act := len(res.Events), len(res.Active)
		e.evaluateRule(r, now, &res)
		// A stable order: by rule (the loop's), then fingerprint.
		slices.SortFunc(res.Events[ev:], func(a, b Event) int { return cmp.Compare(a.Fingerprint, b.Fingerprint) })
		slices.SortFunc(res.Active[act:], func(a, b Alert) int { return cmp.Compare(a.Fingerprint, b.Fingerprint) })
	}
	clear(e.scratch[:cap(e.scratch)])
	// Routes of series that match no rule are never removed one by one;
	// past the bound they all go and are rebuilt as points arrive.
	if len(e.routes) > e.maxRoutes {
		clear(e.routes)
		clear(e.seqs)
		e.seqLen = 0
	}
	return res
}

// evalChunk is how many groups the evaluation touches ahead (see sink).
const evalChunk = 32

func (e *Engine) evaluateRule(r *compiled, now int64, res *Result) {
	rs := &e.series[r.idx]
	winStart := now - r.window
	for c := 0; c < len(rs.groups); c += evalChunk {
		chunk := rs.groups[c:min(c+evalChunk, len(rs.groups))]
		// The oldest samples that expire now are scattered over the heap:
		// reading them first, without depending on each other, lets the
		// cache misses overlap instead of queueing behind the state machine.
		for gi := range chunk {
			if !chunk[gi].used {
				continue
			}
			for mi := chunk[gi].first; mi >= 0; {
				m := &rs.members[mi]
				if m.n > 0 && !m.one && m.firstT <= winStart {
					e.sink += m.headTime()
				}
				mi = m.next
			}
		}
		for gi := range chunk {
			g := &chunk[gi]
			if !g.used {
				continue
			}
			ms := e.scratch[:0]
			prev := int32(-1)
			for mi := g.first; mi >= 0; {
				m := &rs.members[mi]
				next := m.next
				g.lastSeen = max(g.lastSeen, m.lastSeen)
				m.trim(winStart)
				if m.n > 0 || m.lastSeen > winStart {
					ms = append(ms, m)
					prev, mi = mi, next
					continue
				}
				e.stats.Series--
				delete(e.routes, m.route)
				if prev < 0 {
					g.first = next
				} else {
					rs.members[prev].next = next
				}
				if g.last == mi {
					g.last = prev
				}
				rs.dropMember(mi)
				mi = next
			}
			e.scratch = ms
			v, ok := r.agg.value(ms, winStart)
			if ev := g.step(r, now, v, ok); ev != nil {
				res.Events = append(res.Events, *ev)
				e.dirty = true
			}
			if g.st.State != StateInactive {
				res.Active = append(res.Active, g.alert(r))
			} else if g.first < 0 && g.forgettable(r, now) {
				e.releaseLabels(g.lset)
				rs.dropGroup(int32(c + gi))
				e.stats.Groups--
			}
		}
	}
}

func cmpU64(a, b uint64) int { return cmp.Compare(a, b) }
