package snmp

import (
	"math"
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
	open     []openRow
	keyBuf   []byte
	scalarBy map[string]int
	curCols  [][]gosnmp.SnmpPDU
	// perRow[t][s] is how many data points a row of table t gives slot s
	// at most; sizeHint is the table being evaluated's row count. Together
	// they pre-size each metric's data point slice, so that appending
	// thousands of points never grows (and copies) it.
	perRow   [][]int32
	sizeHint int
	curTable int
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
	e.perRow = make([][]int32, len(p.tables))
	for ti := range p.tables {
		e.perRow[ti] = make([]int32, len(p.slots))
		for _, m := range p.tables[ti].metrics {
			e.perRow[ti][m.slot]++
		}
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
	e.metrics.EnsureCapacity(e.metrics.Len() + len(e.plan.slots))
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
	if e.sizeHint > 0 {
		e.out[i].EnsureCapacity(e.sizeHint * int(e.perRow[e.curTable][i]))
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
		e.emit(&sc.valueSpec, e.scalarState, k, val, isFloat, n, nil, now)
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
func (e *evaluator) emit(vs *valueSpec, rs *rowState, k int, val float64, isFloat bool, raw number, attrs []attrVal, now pcommon.Timestamp) {
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
	if n := len(attrs) + len(vs.attrs); n > 0 {
		a := dp.Attributes()
		a.EnsureCapacity(n)
		for i := range attrs {
			if attrs[i].isInt {
				a.PutInt(attrs[i].key, attrs[i].i)
			} else {
				a.PutStr(attrs[i].key, attrs[i].s)
			}
		}
		for _, c := range vs.attrs {
			a.PutStr(c.key, c.val)
		}
	}
}
