package snmp

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/gosnmp/gosnmp"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// evaluator turns varbinds into metrics for one target. It keeps the state
// that cumulative counters need between polls and scratch space reused from
// poll to poll, so a steady-state poll allocates little beyond the pdata.
type evaluator struct {
	plan *plan

	// Counter state.
	scalarState *rowState
	tableState  []map[string]*rowState
	generation  uint64
	haveUptime  bool
	lastUptime  uint32
	uptimeAt    pcommon.Timestamp
	bootTime    pcommon.Timestamp
	lastPoll    pcommon.Timestamp

	// Per-poll scratch.
	out      []pmetric.NumberDataPointSlice
	made     []bool
	metrics  pmetric.MetricSlice
	rowIdx   map[string]int32
	rowKeys  []string
	cells    []int32
	lookups  []map[string]int32
	attrs    []attrVal
	keyBuf   []byte
	scalarBy map[string]int
	curCols  [][]gosnmp.SnmpPDU
	// dropped counts values that could not be converted (not a number,
	// no mapping, missing scaling column) since the last takeDropped.
	dropped int
}

// takeDropped returns and resets the count of dropped values.
func (e *evaluator) takeDropped() int {
	d := e.dropped
	e.dropped = 0
	return d
}

// rowState holds, per metric of a row, the last raw counter value and the
// start time of its cumulative series.
type rowState struct {
	last       []float64
	start      []pcommon.Timestamp
	generation uint64
}

type attrVal struct {
	key   string
	s     string
	i     int64
	isInt bool
}

func newEvaluator(p *plan) *evaluator {
	e := &evaluator{
		plan:        p,
		scalarState: newRowState(len(p.scalars)),
		tableState:  make([]map[string]*rowState, len(p.tables)),
		out:         make([]pmetric.NumberDataPointSlice, len(p.slots)),
		made:        make([]bool, len(p.slots)),
		rowIdx:      map[string]int32{},
		scalarBy:    map[string]int{},
	}
	for i := range e.tableState {
		e.tableState[i] = map[string]*rowState{}
	}
	return e
}

func newRowState(n int) *rowState {
	return &rowState{last: make([]float64, n), start: make([]pcommon.Timestamp, n)}
}

// begin starts a poll whose metrics go into ms. uptime is sysUpTime in
// hundredths of a second, if the agent sent it.
func (e *evaluator) begin(ms pmetric.MetricSlice, now pcommon.Timestamp, uptime uint32, haveUptime bool) {
	e.metrics = ms
	clear(e.made)
	e.generation++
	if haveUptime {
		if e.haveUptime && e.restarted(now, uptime) {
			// Every counter of the agent started again.
			e.resetCounters()
			e.bootTime = 0
		}
		if e.bootTime == 0 {
			e.bootTime = now - pcommon.Timestamp(uint64(uptime)*10_000_000)
		}
		e.haveUptime, e.lastUptime, e.uptimeAt = true, uptime, now
	}
}

// restarted tells whether the agent restarted since the last poll: its
// sysUpTime grew by clearly less than the time that passed (it went back,
// or the new agent has been up for less time than since our last poll).
// The tolerance covers network delay and the agent's clock running at a
// slightly different rate. sysUpTime wrapping after 497 days counts as a
// restart too, which is the safe side.
func (e *evaluator) restarted(now pcommon.Timestamp, uptime uint32) bool {
	if uptime < e.lastUptime {
		return true
	}
	elapsed := time.Duration(now - e.uptimeAt)
	if elapsed <= 0 {
		return false
	}
	grew := time.Duration(uptime-e.lastUptime) * 10 * time.Millisecond
	tolerance := time.Second + elapsed/100
	return grew+tolerance < elapsed
}

// end finishes a poll and forgets rows that were not seen in it. It also
// drops the scratch references to this poll's varbinds so that an idle
// target holds no walk in memory.
func (e *evaluator) end(now pcommon.Timestamp) {
	clear(e.rowIdx)
	clear(e.rowKeys)
	e.rowKeys = e.rowKeys[:0]
	for _, m := range e.lookups {
		clear(m)
	}
	clear(e.scalarBy)
	e.curCols = nil
	e.metrics = pmetric.MetricSlice{}
	clear(e.out)
	for _, m := range e.tableState {
		for k, rs := range m {
			if rs.generation != e.generation {
				delete(m, k)
			}
		}
	}
	e.lastPoll = now
}

func (e *evaluator) resetCounters() {
	e.scalarState = newRowState(len(e.plan.scalars))
	for i := range e.tableState {
		e.tableState[i] = map[string]*rowState{}
	}
}

// firstStart is the start time of a series seen for the first time: the
// agent's boot time when it booted after the previous poll (first poll,
// restart), else the previous poll (the series appeared since then).
func (e *evaluator) firstStart(now pcommon.Timestamp) pcommon.Timestamp {
	switch {
	case e.bootTime != 0 && e.bootTime > e.lastPoll:
		return e.bootTime
	case e.lastPoll != 0:
		return e.lastPoll
	default:
		return now
	}
}

func (e *evaluator) slot(i int) pmetric.NumberDataPointSlice {
	if e.made[i] {
		return e.out[i]
	}
	s := &e.plan.slots[i]
	m := e.metrics.AppendEmpty()
	m.SetName(s.name)
	m.SetDescription(s.desc)
	m.SetUnit(s.unit)
	if s.kind == kindCounter {
		sum := m.SetEmptySum()
		sum.SetIsMonotonic(true)
		sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
		e.out[i] = sum.DataPoints()
	} else {
		e.out[i] = m.SetEmptyGauge().DataPoints()
	}
	e.made[i] = true
	return e.out[i]
}

// scalars emits resource attributes and scalar metrics from a GET result.
func (e *evaluator) scalars(res pcommon.Map, vars []gosnmp.SnmpPDU, now pcommon.Timestamp) {
	clear(e.scalarBy)
	for i := range vars {
		e.scalarBy[vars[i].Name] = i
	}
	for _, ra := range e.plan.res {
		i, ok := e.scalarBy[ra.oid]
		if !ok {
			continue
		}
		res.PutStr(ra.name, e.enumOrText(&vars[i], ra.enum))
	}
	for k := range e.plan.scalars {
		sc := &e.plan.scalars[k]
		i, ok := e.scalarBy[sc.oid]
		if !ok {
			continue
		}
		v := &vars[i]
		n, ok := toNumber(v)
		if !ok {
			e.dropped++
			continue
		}
		val, isFloat, ok := applyValueSpec(&sc.valueSpec, n, sc.scale)
		if !ok || math.IsInf(val, 0) || (!isFloat && math.Abs(val) >= 1<<63) {
			e.dropped++
			continue
		}
		e.attrs = e.attrs[:0]
		e.emit(&sc.valueSpec, e.scalarState, k, val, isFloat, n, now)
	}
	e.scalarState.generation = e.generation
}

func (e *evaluator) enumOrText(v *gosnmp.SnmpPDU, enum map[string]string) string {
	if enum != nil {
		e.keyBuf = appendKey(e.keyBuf[:0], v)
		if s, ok := enum[string(e.keyBuf)]; ok {
			return s
		}
	}
	return text(v)
}

// applyValueSpec maps and scales a raw number. It returns the value, whether
// it must be a double, and whether there is a value at all.
func applyValueSpec(vs *valueSpec, n number, scale float64) (float64, bool, bool) {
	if vs.valueMap != nil {
		if n.isFloat {
			return 0, false, false
		}
		if m, ok := vs.valueMap[n.i]; ok {
			return m, m != math.Trunc(m), true
		}
		if vs.hasDefault {
			return vs.def, vs.def != math.Trunc(vs.def), true
		}
		return 0, false, false
	}
	if scale != 1 {
		// Whole-number scales (KiB to bytes) keep integers exact.
		return n.float() * scale, n.isFloat || scale != math.Trunc(scale), true
	}
	return n.float(), n.isFloat, true
}

// emit appends one data point; for counters it keeps the start time right.
func (e *evaluator) emit(vs *valueSpec, rs *rowState, k int, val float64, isFloat bool, raw number, now pcommon.Timestamp) {
	dp := e.slot(vs.slot).AppendEmpty()
	dp.SetTimestamp(now)
	if e.plan.slots[vs.slot].kind == kindCounter {
		r := raw.float()
		switch {
		case rs.start[k] == 0:
			rs.start[k] = e.firstStart(now)
		case r < rs.last[k]:
			// Counter32 wrap, a counter reset, or a discontinuity: a new
			// cumulative series starts between the last poll and now.
			rs.start[k] = e.lastPoll
		}
		rs.last[k] = r
		dp.SetStartTimestamp(rs.start[k])
	}
	if isFloat {
		dp.SetDoubleValue(val)
	} else {
		dp.SetIntValue(int64(val))
	}
	if n := len(e.attrs) + len(vs.attrs); n > 0 {
		a := dp.Attributes()
		a.EnsureCapacity(n)
		for i := range e.attrs {
			if e.attrs[i].isInt {
				a.PutInt(e.attrs[i].key, e.attrs[i].i)
			} else {
				a.PutStr(e.attrs[i].key, e.attrs[i].s)
			}
		}
		for _, c := range vs.attrs {
			a.PutStr(c.key, c.val)
		}
	}
}

// table emits the metrics of one walked table. cols holds the varbinds of
// each column of t, in t.columns order.
func (e *evaluator) table(ti int, cols [][]gosnmp.SnmpPDU, now pcommon.Timestamp) int {
	t := &e.plan.tables[ti]
	nc := len(t.columns)
	e.curCols = cols
	clear(e.rowIdx)
	e.rowKeys = e.rowKeys[:0]
	e.cells = e.cells[:0]
	if len(e.lookups) < nc {
		e.lookups = append(e.lookups, make([]map[string]int32, nc-len(e.lookups))...)
	}
	for c, vars := range cols {
		prefix := t.columns[c]
		if t.lookup[c] {
			if e.lookups[c] == nil {
				e.lookups[c] = map[string]int32{}
			}
			clear(e.lookups[c])
			for i := range vars {
				if idx, ok := indexSuffix(vars[i].Name, prefix); ok {
					e.lookups[c][idx] = int32(i)
				}
			}
			continue
		}
		for i := range vars {
			idx, ok := indexSuffix(vars[i].Name, prefix)
			if !ok {
				continue
			}
			r, ok := e.rowIdx[idx]
			if !ok {
				r = int32(len(e.rowKeys))
				e.rowIdx[idx] = r
				e.rowKeys = append(e.rowKeys, idx)
				for range nc {
					e.cells = append(e.cells, -1)
				}
			}
			e.cells[int(r)*nc+c] = int32(i)
		}
	}
	state := e.tableState[ti]
	for r, idx := range e.rowKeys {
		row := e.cells[r*nc : (r+1)*nc]
		e.row(t, ti, state, idx, row, cols, now)
	}
	return len(e.rowKeys)
}

func (e *evaluator) row(t *cTable, ti int, state map[string]*rowState, idx string, row []int32, cols [][]gosnmp.SnmpPDU, now pcommon.Timestamp) {
	cell := func(c int) *gosnmp.SnmpPDU {
		if c < 0 || row[c] < 0 {
			return nil
		}
		return &cols[c][row[c]]
	}
	var rs *rowState
	attrsDone := false
	for k := range t.metrics {
		m := &t.metrics[k]
		if m.whenCol >= 0 && !e.matches(cell(m.whenCol), m.whenVals) {
			continue
		}
		v, scale := cell(m.col), m.scale
		if v == nil {
			if v, scale = cell(m.fallback), m.fallbackScale; v == nil {
				continue
			}
		}
		val, isFloat, n, ok := rowValue(m, v, scale, cell)
		if !ok {
			e.dropped++
			continue
		}
		if !attrsDone {
			e.rowAttrs(t, idx, cell)
			attrsDone = true
		}
		if rs == nil {
			rs = state[idx]
			if rs == nil {
				rs = newRowState(len(t.metrics))
				state[strings.Clone(idx)] = rs
			}
			rs.generation = e.generation
		}
		e.emit(&m.valueSpec, rs, k, val, isFloat, n, now)
	}
}

// rowValue computes a table metric's value from its cell v and the
// columns its profile entry scales by. It fails for values that are not
// numbers, lack a mapping or a scaling column, or end up infinite.
func rowValue(m *cMetric, v *gosnmp.SnmpPDU, scale float64, cell func(int) *gosnmp.SnmpPDU) (float64, bool, number, bool) {
	n, ok := toNumber(v)
	if !ok {
		return 0, false, n, false
	}
	val, isFloat, ok := applyValueSpec(&m.valueSpec, n, scale)
	if !ok {
		return 0, false, n, false
	}
	if m.mulCol >= 0 {
		f, ok := intCell(cell(m.mulCol))
		if !ok {
			return 0, false, n, false
		}
		val *= float64(f)
	}
	if m.p10Col >= 0 {
		f, ok := intCell(cell(m.p10Col))
		if !ok || f < -100 || f > 100 {
			return 0, false, n, false
		}
		val *= math.Pow10(m.p10Factor*int(f) + m.p10Off)
		isFloat = true
	}
	if m.precCol >= 0 {
		f, ok := intCell(cell(m.precCol))
		if !ok || f < -100 || f > 100 {
			return 0, false, n, false
		}
		if f != 0 {
			val /= math.Pow10(int(f))
			isFloat = true
		}
	}
	if math.IsInf(val, 0) || math.IsNaN(val) || (!isFloat && math.Abs(val) >= 1<<63) {
		return 0, false, n, false
	}
	return val, isFloat, n, true
}

func (e *evaluator) matches(v *gosnmp.SnmpPDU, vals []int64) bool {
	n, ok := intCell(v)
	return ok && slices.Contains(vals, n)
}

func intCell(v *gosnmp.SnmpPDU) (int64, bool) {
	if v == nil {
		return 0, false
	}
	n, ok := toNumber(v)
	if !ok || n.isFloat {
		return 0, false
	}
	return n.i, true
}

// rowAttrs fills e.attrs with the index parts and attribute columns of a row.
func (e *evaluator) rowAttrs(t *cTable, idx string, cell func(int) *gosnmp.SnmpPDU) {
	e.attrs = e.attrs[:0]
	rest := idx
	for _, ip := range t.index {
		var a attrVal
		var ok bool
		a, rest, ok = parseIndexPart(ip, rest)
		if !ok {
			break
		}
		if ip.Attribute != "" {
			a.key = ip.Attribute
			e.attrs = append(e.attrs, a)
		}
	}
	for _, ca := range t.attrs {
		var v *gosnmp.SnmpPDU
		if ca.indexFrom >= 0 {
			from := cell(ca.indexFrom)
			if from == nil {
				continue
			}
			e.keyBuf = appendKey(e.keyBuf[:0], from)
			i, ok := e.lookups[ca.col][string(e.keyBuf)]
			if !ok {
				continue
			}
			v = e.lookupCell(ca.col, i)
		} else {
			v = cell(ca.col)
		}
		if v == nil {
			continue
		}
		if ca.enum == nil && v.Type == gosnmp.Integer {
			if n, ok := toNumber(v); ok && !n.isFloat {
				e.attrs = append(e.attrs, attrVal{key: ca.name, i: n.i, isInt: true})
				continue
			}
		}
		if s := e.enumOrText(v, ca.enum); s != "" {
			// An empty value (an interface without alias) labels nothing.
			e.attrs = append(e.attrs, attrVal{key: ca.name, s: s})
		}
	}
}

// lookupCell is set per table walk; see table.
func (e *evaluator) lookupCell(col int, i int32) *gosnmp.SnmpPDU {
	return &e.curCols[col][i]
}
