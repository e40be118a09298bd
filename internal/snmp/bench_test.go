package snmp

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp/snmpsim"
)

const (
	benchInterfaces = 200
	benchColumns    = 50
)

// benchExtra adds gauge columns to the if_mib profile's table so that a
// walk has 50 columns, as in the conversion benchmark.
func benchExtra(n int) string {
	var b strings.Builder
	b.WriteString("name: bench_extra\ntables:\n  - name: ifTable\n    index: [{attribute: hw.id, type: int, format: string}]\n")
	b.WriteString("    attributes:\n")
	b.WriteString("      - {name: hw.name, oid: 1.3.6.1.2.1.31.1.1.1.1}\n")
	b.WriteString("      - {name: snmp.interface.descr, oid: 1.3.6.1.2.1.2.2.1.2}\n")
	b.WriteString("      - {name: snmp.interface.alias, oid: 1.3.6.1.2.1.31.1.1.1.18}\n")
	b.WriteString("    metrics:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - {name: bench.gauge, unit: \"1\", type: gauge, oid: 1.3.6.1.4.1.99999.1.1.%d, attributes: {bench.column: c%d}}\n", i+1, i+1)
	}
	return b.String()
}

// benchWalk returns a compiled plan and the walk result of its single table
// with 200 interfaces × 50 columns.
func benchWalk(b *testing.B) (*plan, [][]gosnmp.SnmpPDU) {
	b.Helper()
	ifmib, err := BuiltinProfile("if_mib")
	if err != nil {
		b.Fatal(err)
	}
	base, err := compile([]*Profile{ifmib})
	if err != nil {
		b.Fatal(err)
	}
	extra, err := ParseProfile([]byte(benchExtra(benchColumns - len(base.tables[0].columns))))
	if err != nil {
		b.Fatal(err)
	}
	// One table: merge the extra metrics into if_mib's.
	merged := *ifmib
	merged.Tables = []Table{ifmib.Tables[0]}
	merged.Tables[0].Metrics = append(append([]ColumnMetric{}, ifmib.Tables[0].Metrics...), extra.Tables[0].Metrics...)
	pl, err := compile([]*Profile{&merged})
	if err != nil {
		b.Fatal(err)
	}
	if len(pl.tables[0].columns) != benchColumns {
		b.Fatalf("%d columns", len(pl.tables[0].columns))
	}
	mib := snmpsim.NewMIB(snmpsim.IfMIB(benchInterfaces, 1))
	cols := make([][]gosnmp.SnmpPDU, benchColumns)
	for c, col := range pl.tables[0].columns {
		for i := 1; i <= benchInterfaces; i++ {
			name := fmt.Sprintf("%s.%d", col, i)
			v, ok := mib.Get(name)
			if !ok {
				v = gosnmp.SnmpPDU{Name: name, Type: gosnmp.Gauge32, Value: uint(i * c)}
			}
			cols[c] = append(cols[c], v)
		}
	}
	return pl, cols
}

// BenchmarkConvertWalk turns a walk of 10,000 varbinds into metrics with the
// evaluator in steady state (second and later polls of a target).
func BenchmarkConvertWalk(b *testing.B) {
	pl, cols := benchWalk(b)
	e := newEvaluator(pl)
	var dps int
	run := func(i int) {
		md := pmetric.NewMetrics()
		ts := pcommon.Timestamp(int64(i+1) * 1e9)
		e.begin(md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics(), ts, uint32(i+1)*100, true)
		e.table(0, cols, ts)
		e.end(ts)
		dps = md.DataPointCount()
	}
	run(0)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; b.Loop(); i++ {
		run(i + 1)
	}
	varbinds := float64(benchInterfaces * benchColumns)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/varbinds, "ns/varbind")
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/varbinds, "cpu-ns/varbind")
	b.ReportMetric(float64(dps), "datapoints")
}

// BenchmarkPdataFloor is the baseline: building the same data points with
// the same attributes straight with pdata, with no SNMP work at all. The
// difference to BenchmarkConvertWalk is what the conversion itself costs.
func BenchmarkPdataFloor(b *testing.B) {
	pl, cols := benchWalk(b)
	e := newEvaluator(pl)
	md0 := pmetric.NewMetrics()
	e.begin(md0.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics(), 1e9, 100, true)
	e.table(0, cols, 1e9)
	e.end(1e9)
	ref := md0.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	type point struct {
		attrs []attrVal
		v     int64
	}
	// Flatten the reference output into plain Go values first.
	var shape [][]point
	for m := 0; m < ref.Len(); m++ {
		var dps pmetric.NumberDataPointSlice
		if ref.At(m).Type() == pmetric.MetricTypeSum {
			dps = ref.At(m).Sum().DataPoints()
		} else {
			dps = ref.At(m).Gauge().DataPoints()
		}
		var pts []point
		for d := 0; d < dps.Len(); d++ {
			var as []attrVal
			dps.At(d).Attributes().Range(func(k string, v pcommon.Value) bool {
				if v.Type() == pcommon.ValueTypeInt {
					as = append(as, attrVal{key: k, i: v.Int(), isInt: true})
				} else {
					as = append(as, attrVal{key: k, s: v.Str()})
				}
				return true
			})
			pts = append(pts, point{attrs: as, v: dps.At(d).IntValue()})
		}
		shape = append(shape, pts)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for b.Loop() {
		md := pmetric.NewMetrics()
		ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
		for mi, pts := range shape {
			m := ms.AppendEmpty()
			m.SetName(ref.At(mi).Name())
			dps := m.SetEmptyGauge().DataPoints()
			for _, p := range pts {
				dp := dps.AppendEmpty()
				dp.SetTimestamp(1)
				dp.SetStartTimestamp(1)
				dp.SetIntValue(p.v)
				a := dp.Attributes()
				a.EnsureCapacity(len(p.attrs))
				for _, at := range p.attrs {
					if at.isInt {
						a.PutInt(at.key, at.i)
					} else {
						a.PutStr(at.key, at.s)
					}
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(benchInterfaces*benchColumns), "ns/varbind")
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/float64(benchInterfaces*benchColumns), "cpu-ns/varbind")
}

// processCPU is the CPU time of the process (all threads, GC included): on
// a shared machine it is steadier than wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// walkBench polls the if_mib table of a simulated 48-interface device.
func walkBench(b *testing.B) (ConnConfig, []string) {
	b.Helper()
	r, err := snmpsim.StartResponder(map[string]*snmpsim.MIB{"public": snmpsim.NewMIB(
		append(snmpsim.System("sim", 100), snmpsim.IfMIB(48, 1)...))}, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = r.Close() })
	ifmib, err := BuiltinProfile("if_mib")
	if err != nil {
		b.Fatal(err)
	}
	pl, err := compile([]*Profile{ifmib})
	if err != nil {
		b.Fatal(err)
	}
	return ConnConfig{Endpoint: r.Endpoint(), Version: "v2c", Community: "public", Timeout: 2 * time.Second,
		Retries: 1, MaxRepetitions: 25, MaxOIDsPerRequest: 60}, pl.tables[0].columns
}

// BenchmarkWalkColumnsTogether walks the 27 columns if_mib needs with one
// GETBULK stream for all of them (this package's walker).
func BenchmarkWalkColumnsTogether(b *testing.B) {
	conn, cols := walkBench(b)
	s, err := Dial(context.Background(), conn)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	p0 := s.PDUs()
	for b.Loop() {
		if _, err := s.WalkColumns(cols); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.PDUs()-p0)/float64(b.N), "pdus/walk")
}

// BenchmarkWalkColumnByColumn is the baseline: one gosnmp BulkWalkAll per
// column, as receivers that walk each column separately do.
func BenchmarkWalkColumnByColumn(b *testing.B) {
	conn, cols := walkBench(b)
	s, err := Dial(context.Background(), conn)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	p0 := s.PDUs()
	for b.Loop() {
		for _, c := range cols {
			if _, err := s.g.BulkWalkAll(c); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(s.PDUs()-p0)/float64(b.N), "pdus/walk")
}
