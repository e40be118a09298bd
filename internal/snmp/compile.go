package snmp

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

// sysUpTimeOID is fetched on every poll: it tells agent restarts apart from
// counter wraps and dates the start of cumulative counters.
const sysUpTimeOID = ".1.3.6.1.2.1.1.3.0"

type metricKind uint8

const (
	kindGauge metricKind = iota
	kindCounter
)

// slot is one output metric; several profile entries may feed one slot
// (for example both directions of hw.network.io).
type slot struct {
	name, desc, unit string
	kind             metricKind
}

type constAttr struct{ key, val string }

// valueSpec is what every metric entry shares after compilation.
type valueSpec struct {
	slot       int
	scale      float64
	valueMap   map[int64]float64
	hasDefault bool
	def        float64
	attrs      []constAttr
}

type cScalar struct {
	oid string
	valueSpec
}

type cResAttr struct {
	name, oid string
	enum      map[string]string
}

type cAttr struct {
	name      string
	col       int
	indexFrom int // column whose value indexes col's table, or -1
	enum      map[string]string
}

type cMetric struct {
	valueSpec
	col, fallback     int
	fallbackScale     float64
	mulCol            int
	p10Col            int
	p10Factor, p10Off int
	precCol           int
	whenCol           int
	whenVals          []int64
}

type cTable struct {
	name    string
	columns []string
	index   []IndexPart
	attrs   []cAttr
	metrics []cMetric
	// lookup[c] is true for columns reached through index_from; their rows
	// are found by their own index, not the row's.
	lookup []bool
}

// plan is the compiled form of a target's profiles.
type plan struct {
	slots      []slot
	scalarOIDs []string
	scalars    []cScalar
	res        []cResAttr
	tables     []cTable
}

type compiler struct {
	p      *plan
	byName map[string]int
	oids   map[string]bool
}

func compile(profiles []*Profile) (*plan, error) {
	c := &compiler{p: &plan{}, byName: map[string]int{}, oids: map[string]bool{}}
	c.addScalarOID(sysUpTimeOID)
	var errs []error
	for _, pr := range profiles {
		if pr.Name == "" {
			errs = append(errs, errors.New("name: required"))
		}
		for i, ra := range pr.ResourceAttributes {
			oid, err := normalizeOID(ra.OID)
			if err != nil || ra.Name == "" {
				errs = append(errs, fieldErr(fmt.Sprintf("resource_attributes[%d]", i), orMissing(err, "name")))
				continue
			}
			c.addScalarOID(oid)
			c.p.res = append(c.p.res, cResAttr{name: ra.Name, oid: oid, enum: ra.Enum})
		}
		for i := range pr.Scalars {
			s := &pr.Scalars[i]
			where := fmt.Sprintf("scalars[%d]", i)
			oid, err := normalizeOID(s.OID)
			if err != nil {
				errs = append(errs, fieldErr(where+".oid", err))
				continue
			}
			vs, err := c.valueSpec(&s.Metric)
			if err != nil {
				errs = append(errs, fieldErr(where, err))
				continue
			}
			c.addScalarOID(oid)
			c.p.scalars = append(c.p.scalars, cScalar{oid: oid, valueSpec: vs})
		}
		for i := range pr.Tables {
			t, err := c.table(&pr.Tables[i])
			if err != nil {
				errs = append(errs, fieldErr(fmt.Sprintf("tables[%d] (%s)", i, pr.Tables[i].Name), err))
				continue
			}
			c.p.tables = append(c.p.tables, t)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c.p, nil
}

func (c *compiler) addScalarOID(oid string) {
	if !c.oids[oid] {
		c.oids[oid] = true
		c.p.scalarOIDs = append(c.p.scalarOIDs, oid)
	}
}

func (c *compiler) valueSpec(m *Metric) (valueSpec, error) {
	var errs []error
	if m.Name == "" {
		errs = append(errs, errors.New("name: required"))
	}
	var kind metricKind
	switch m.Type {
	case "gauge":
		kind = kindGauge
	case "counter":
		kind = kindCounter
	default:
		errs = append(errs, fmt.Errorf("type: %q is not gauge or counter", m.Type))
	}
	vs := valueSpec{scale: m.Scale}
	if vs.scale == 0 {
		vs.scale = 1
	}
	if len(m.ValueMap) > 0 {
		vs.valueMap = make(map[int64]float64, len(m.ValueMap))
		for k, v := range m.ValueMap {
			if k == "default" {
				vs.hasDefault, vs.def = true, v
				continue
			}
			n, err := strconv.ParseInt(k, 10, 64)
			if err != nil {
				errs = append(errs, fmt.Errorf("value_map: key %q is not an integer or default", k))
				continue
			}
			vs.valueMap[n] = v
		}
	}
	for k, v := range m.Attributes {
		vs.attrs = append(vs.attrs, constAttr{k, v})
	}
	sort.Slice(vs.attrs, func(i, j int) bool { return vs.attrs[i].key < vs.attrs[j].key })
	if err := errors.Join(errs...); err != nil {
		return vs, err
	}
	if i, ok := c.byName[m.Name]; ok {
		s := c.p.slots[i]
		if s.kind != kind || s.unit != m.Unit {
			return vs, fmt.Errorf("metric %s: type %s and unit %q disagree with an earlier definition", m.Name, m.Type, m.Unit)
		}
		vs.slot = i
		return vs, nil
	}
	vs.slot = len(c.p.slots)
	c.byName[m.Name] = vs.slot
	c.p.slots = append(c.p.slots, slot{name: m.Name, desc: m.Description, unit: m.Unit, kind: kind})
	return vs, nil
}

func (c *compiler) table(t *Table) (cTable, error) {
	ct := cTable{name: t.Name, index: t.Index}
	cols := map[string]int{}
	col := func(field, oid string, lookup bool) (int, error) {
		n, err := normalizeOID(oid)
		if err != nil {
			return -1, fieldErr(field, err)
		}
		if i, ok := cols[n]; ok {
			if ct.lookup[i] != lookup {
				return -1, fieldErr(field, fmt.Errorf("column %s is used both directly and through index_from", n))
			}
			return i, nil
		}
		cols[n] = len(ct.columns)
		ct.columns = append(ct.columns, n)
		ct.lookup = append(ct.lookup, lookup)
		return len(ct.columns) - 1, nil
	}
	opt := func(field, oid string) (int, error) {
		if oid == "" {
			return -1, nil
		}
		return col(field, oid, false)
	}
	var errs []error
	if t.Name == "" {
		errs = append(errs, errors.New("name: required"))
	}
	for i, ip := range t.Index {
		switch ip.Type {
		case "int", "ipv4", "string", "implied_string":
		default:
			errs = append(errs, fmt.Errorf("index[%d].type: %q is not int, ipv4, string or implied_string", i, ip.Type))
		}
		if ip.Format != "" && (ip.Format != "string" || ip.Type != "int") {
			errs = append(errs, fmt.Errorf("index[%d].format: only an int part can have format string", i))
		}
	}
	for i, a := range t.Attributes {
		where := fmt.Sprintf("attributes[%d]", i)
		if a.Name == "" {
			errs = append(errs, fieldErr(where+".name", errors.New("required")))
		}
		ca := cAttr{name: a.Name, indexFrom: -1, enum: a.Enum}
		var err error
		if a.IndexFrom != "" {
			if ca.indexFrom, err = col(where+".index_from", a.IndexFrom, false); err != nil {
				errs = append(errs, err)
			}
		}
		if ca.col, err = col(where+".oid", a.OID, a.IndexFrom != ""); err != nil {
			errs = append(errs, err)
		}
		ct.attrs = append(ct.attrs, ca)
	}
	if len(t.Metrics) == 0 {
		errs = append(errs, errors.New("metrics: a table needs at least one metric"))
	}
	for i := range t.Metrics {
		m := &t.Metrics[i]
		where := fmt.Sprintf("metrics[%d]", i)
		vs, err := c.valueSpec(&m.Metric)
		if err != nil {
			errs = append(errs, fieldErr(where, err))
			continue
		}
		cm := cMetric{valueSpec: vs, fallbackScale: m.FallbackScale, p10Col: -1, whenCol: -1}
		if cm.fallbackScale == 0 {
			cm.fallbackScale = vs.scale
		}
		var e1, e2, e3, e4 error
		cm.col, e1 = col(where+".oid", m.OID, false)
		cm.fallback, e2 = opt(where+".fallback", m.Fallback)
		cm.mulCol, e3 = opt(where+".multiply_by", m.MultiplyBy)
		cm.precCol, e4 = opt(where+".precision", m.Precision)
		errs = append(errs, e1, e2, e3, e4)
		if m.Power10 != nil {
			cm.p10Col, err = col(where+".power10.column", m.Power10.Column, false)
			cm.p10Factor, cm.p10Off = m.Power10.Factor, m.Power10.Offset
			errs = append(errs, err)
		}
		if m.When != nil {
			cm.whenCol, err = col(where+".when.column", m.When.Column, false)
			cm.whenVals = m.When.Values
			errs = append(errs, err)
			if len(m.When.Values) == 0 {
				errs = append(errs, fieldErr(where+".when.values", errors.New("required")))
			}
		}
		ct.metrics = append(ct.metrics, cm)
	}
	return ct, errors.Join(errs...)
}

func fieldErr(field string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", field, err)
}

func orMissing(err error, field string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%s: required", field)
}
