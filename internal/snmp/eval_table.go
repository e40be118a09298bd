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
	state := e.tableState[ti]
	e.curTable, e.sizeHint = ti, len(e.rowKeys)
	for r, idx := range e.rowKeys {
		e.row(t, state, idx, rowCells{row: e.cells[r*nc : (r+1)*nc], cols: cols}, now)
	}
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

func (e *evaluator) row(t *cTable, state map[string]*rowState, idx string, cell rowCells, now pcommon.Timestamp) {
	var rs *rowState
	for k := range t.metrics {
		m := &t.metrics[k]
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
		if rs == nil {
			// The row has a value: it exists for counters and labels.
			rs = state[idx]
			if rs == nil {
				rs = newRowState(len(t.metrics))
				state[strings.Clone(idx)] = rs
			}
			rs.generation = e.generation
			e.rowAttrs(t, idx, cell, rs)
		}
		e.emit(&m.valueSpec, rs, k, val, isFloat, n, now)
	}
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

// rowAttrs fills e.attrs with the index parts and attribute columns of a
// row. rs keeps the row's attribute texts from the last poll: an
// unchanged ifName or ifDescr reuses its string instead of allocating it
// again.
func (e *evaluator) rowAttrs(t *cTable, idx string, cell rowCells, rs *rowState) {
	e.attrs = e.attrs[:0]
	if len(rs.text) != len(t.attrs) {
		rs.text = make([]string, len(t.attrs))
	}
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
	for k, ca := range t.attrs {
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
		if s := e.enumOrText(v, ca.enum, &rs.text[k]); s != "" {
			// An empty value (an interface without alias) labels nothing.
			e.attrs = append(e.attrs, attrVal{key: ca.name, s: s})
		}
	}
}

// lookupCell is set per table walk; see table.
func (e *evaluator) lookupCell(col int, i int32) *gosnmp.SnmpPDU {
	return &e.curCols[col][i]
}
