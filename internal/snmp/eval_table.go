package snmp

import (
	"math"
	"slices"
	"strings"

	"github.com/gosnmp/gosnmp"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

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
		// Columns of one walk list their rows in the same order, so the
		// next row is nearly always the one after the last: check it
		// before hashing the index.
		next := 0
		for i := range vars {
			idx, ok := indexSuffix(vars[i].Name, prefix)
			if !ok {
				continue
			}
			var r int32
			if next < len(e.rowKeys) && e.rowKeys[next] == idx {
				r = int32(next)
			} else if r, ok = e.rowIdx[idx]; !ok {
				r = int32(len(e.rowKeys))
				e.rowIdx[idx] = r
				e.rowKeys = append(e.rowKeys, idx)
				for range nc {
					e.cells = append(e.cells, -1)
				}
			}
			next = int(r) + 1
			e.cells[int(r)*nc+c] = int32(i)
		}
	}
	e.curTable, e.sizeHint = ti, len(e.rowKeys)
	e.emitTable(t, e.tableState[ti], cols, now)
	e.sizeHint = 0
	return len(e.rowKeys)
}

// rowCells gives the varbind of each column in one row.
type rowCells struct {
	row  []int32
	cols [][]gosnmp.SnmpPDU
}

// at returns the row's varbind of column c, or nil when it has none.
func (rc rowCells) at(c int) *gosnmp.SnmpPDU {
	if c < 0 || rc.row[c] < 0 {
		return nil
	}
	return &rc.cols[c][rc.row[c]]
}

// openRow is a table row that has at least one value in this poll: its
// counter state and its attributes, e.attrs[from:to].
type openRow struct {
	rs       *rowState
	from, to int32
}

// emitTable emits the data points of the grouped rows, one metric after
// the other: building each metric's points together is much cheaper for
// pdata (and the CPU cache) than visiting every metric once per row. A
// row's state and attributes are set up when its first value is emitted.
func (e *evaluator) emitTable(t *cTable, state map[string]*rowState, cols [][]gosnmp.SnmpPDU, now pcommon.Timestamp) {
	nc, nr := len(t.columns), len(e.rowKeys)
	// Two allocations per table and poll, not kept between polls: with
	// thousands of targets, memory held by idle evaluators counts more.
	e.open = make([]openRow, nr)
	e.attrs = make([]attrVal, 0, nr*(len(t.index)+len(t.attrs)))
	for k := range t.metrics {
		m := &t.metrics[k]
		for r := range nr {
			cell := rowCells{row: e.cells[r*nc : (r+1)*nc], cols: cols}
			if m.whenCol >= 0 && !e.matches(cell.at(m.whenCol), m.whenVals) {
				continue
			}
			v, scale := cell.at(m.col), m.scale
			if v == nil {
				if v, scale = cell.at(m.fallback), m.fallbackScale; v == nil {
					continue
				}
			}
			val, isFloat, n, ok := rowValue(m, v, scale, cell)
			if !ok {
				e.dropped++
				continue
			}
			o := &e.open[r]
			if o.rs == nil {
				e.openRow(t, state, e.rowKeys[r], cell, o)
			}
			e.emit(&m.valueSpec, o.rs, k, val, isFloat, n, e.attrs[o.from:o.to], now)
		}
	}
	e.open, e.attrs = nil, nil
}

// openRow finds or makes the counter state of the row with index idx and
// appends the row's attributes to e.attrs.
func (e *evaluator) openRow(t *cTable, state map[string]*rowState, idx string, cell rowCells, o *openRow) {
	rs := state[idx]
	if rs == nil {
		rs = newRowState(len(t.metrics))
		state[strings.Clone(idx)] = rs
	}
	rs.generation = e.generation
	o.rs, o.from = rs, int32(len(e.attrs))
	e.rowAttrs(t, idx, cell)
	o.to = int32(len(e.attrs))
}

// rowValue computes a table metric's value from its cell v and the
// columns its profile entry scales by. It fails for values that are not
// numbers, lack a mapping or a scaling column, or end up infinite.
func rowValue(m *cMetric, v *gosnmp.SnmpPDU, scale float64, cell rowCells) (float64, bool, number, bool) {
	n, ok := toNumber(v)
	if !ok {
		return 0, false, n, false
	}
	val, isFloat, ok := applyValueSpec(&m.valueSpec, n, scale)
	if !ok {
		return 0, false, n, false
	}
	if m.mulCol >= 0 {
		f, ok := intCell(cell.at(m.mulCol))
		if !ok {
			return 0, false, n, false
		}
		val *= float64(f)
	}
	if m.p10Col >= 0 {
		f, ok := intCell(cell.at(m.p10Col))
		if !ok || f < -100 || f > 100 {
			return 0, false, n, false
		}
		val *= math.Pow10(m.p10Factor*int(f) + m.p10Off)
		isFloat = true
	}
	if m.precCol >= 0 {
		f, ok := intCell(cell.at(m.precCol))
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

// rowAttrs appends the index parts and attribute columns of a row to
// e.attrs.
func (e *evaluator) rowAttrs(t *cTable, idx string, cell rowCells) {
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
			from := cell.at(ca.indexFrom)
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
			v = cell.at(ca.col)
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
