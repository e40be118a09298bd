package snmp

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/pmetrictest"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/featuregate"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/xpdata/pref"

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

// convertPoll runs one steady-state poll of the benchmark walk.
func convertPoll(e *evaluator, cols [][]gosnmp.SnmpPDU, i int) pmetric.Metrics {
	md := pmetric.NewMetrics()
	ts := pcommon.Timestamp(int64(i+1) * 1e9)
	e.begin(md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics(), ts, uint32(i+1)*100, true)
	e.table(0, cols, ts)
	e.end(ts)
	return md
}

// reportPerVarbind adds the per-varbind wall and CPU time of a conversion
// benchmark's loop.
func reportPerVarbind(b *testing.B, cpu0 time.Duration, mallocs0 uint64) {
	varbinds := float64(benchInterfaces*benchColumns) * float64(b.N)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/varbinds, "ns/varbind")
	b.ReportMetric(float64(processCPU()-cpu0)/varbinds, "cpu-ns/varbind")
	b.ReportMetric(float64(mallocs()-mallocs0)/varbinds, "allocs/varbind")
}

// mallocs is the number of heap objects allocated so far.
func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

// BenchmarkConvertWalk turns a walk of 10,000 varbinds into metrics with the
// evaluator in steady state (second and later polls of a target).
func BenchmarkConvertWalk(b *testing.B) {
	e, cols, shape := convertSetup(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, m0 := processCPU(), mallocs()
	for i := 0; b.Loop(); i++ {
		convertPoll(e, cols, i+2)
	}
	reportPerVarbind(b, cpu0, m0)
	dps := 0
	for _, m := range shape {
		dps += len(m.points)
	}
	b.ReportMetric(float64(dps), "datapoints")
}

// convertSetup returns an evaluator that has polled the benchmark walk
// twice (steady state), the walk, and its output flattened for
// BenchmarkPdataFloor. Every conversion benchmark holds all three, so that
// they run with the same live heap: the garbage collector's share of the
// CPU depends on it.
func convertSetup(b *testing.B) (*evaluator, [][]gosnmp.SnmpPDU, []floorMetric) {
	pl, cols := benchWalk(b)
	e := newEvaluator(pl)
	convertPoll(e, cols, 0)
	md := convertPoll(e, cols, 1)
	shape := flatten(md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics())
	require.NoError(b, pmetrictest.CompareMetrics(md, buildFloor(shape)))
	md = pmetric.Metrics{}
	runtime.GC()
	return e, cols, shape
}

// BenchmarkConvertWalkProtoPooling is BenchmarkConvertWalk with pdata's
// alpha feature gate pdata.useProtoPooling on, each poll's metrics released
// the way the collector's pipeline releases them once its consumer returns
// (pref.MarkPipelineOwnedMetrics, pref.UnrefMetrics). It shows what the gate
// does for this receiver's output: see the README.
func BenchmarkConvertWalkProtoPooling(b *testing.B) {
	const gate = "pdata.useProtoPooling"
	require.NoError(b, featuregate.GlobalRegistry().Set(gate, true))
	defer func() { require.NoError(b, featuregate.GlobalRegistry().Set(gate, false)) }()
	e, cols, shape := convertSetup(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, m0 := processCPU(), mallocs()
	for i := 0; b.Loop(); i++ {
		md := convertPoll(e, cols, i+2)
		pref.MarkPipelineOwnedMetrics(md)
		pref.UnrefMetrics(md)
	}
	reportPerVarbind(b, cpu0, m0)
	runtime.KeepAlive(shape)
}

// floorPoint and floorMetric hold a conversion's output as plain Go values.
type floorPoint struct {
	start, ts pcommon.Timestamp
	i         int64
	f         float64
	isFloat   bool
	attrs     []attrVal
}

type floorMetric struct {
	name, desc, unit string
	sum              bool
	points           []floorPoint
}

// flatten turns metrics into plain Go values, for BenchmarkPdataFloor to
// build again.
func flatten(ms pmetric.MetricSlice) []floorMetric {
	var out []floorMetric
	for m := 0; m < ms.Len(); m++ {
		mt := ms.At(m)
		fm := floorMetric{name: mt.Name(), desc: mt.Description(), unit: mt.Unit(), sum: mt.Type() == pmetric.MetricTypeSum}
		var dps pmetric.NumberDataPointSlice
		if fm.sum {
			dps = mt.Sum().DataPoints()
		} else {
			dps = mt.Gauge().DataPoints()
		}
		for d := 0; d < dps.Len(); d++ {
			dp := dps.At(d)
			p := floorPoint{start: dp.StartTimestamp(), ts: dp.Timestamp(),
				i: dp.IntValue(), f: dp.DoubleValue(), isFloat: dp.ValueType() == pmetric.NumberDataPointValueTypeDouble}
			for k, v := range dp.Attributes().All() {
				if v.Type() == pcommon.ValueTypeInt {
					p.attrs = append(p.attrs, attrVal{key: k, i: v.Int(), isInt: true})
				} else {
					p.attrs = append(p.attrs, attrVal{key: k, s: v.Str()})
				}
			}
			fm.points = append(fm.points, p)
		}
		out = append(out, fm)
	}
	return out
}

// buildFloor builds the flattened metrics with pdata and nothing else, as
// cheaply as pdata allows: every slice sized once, no lookups.
func buildFloor(shape []floorMetric) pmetric.Metrics {
	md := pmetric.NewMetrics()
	ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
	ms.EnsureCapacity(len(shape))
	for mi := range shape {
		fm := &shape[mi]
		m := ms.AppendEmpty()
		m.SetName(fm.name)
		m.SetDescription(fm.desc)
		m.SetUnit(fm.unit)
		var dps pmetric.NumberDataPointSlice
		if fm.sum {
			sum := m.SetEmptySum()
			sum.SetIsMonotonic(true)
			sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
			dps = sum.DataPoints()
		} else {
			dps = m.SetEmptyGauge().DataPoints()
		}
		dps.EnsureCapacity(len(fm.points))
		for pi := range fm.points {
			p := &fm.points[pi]
			dp := dps.AppendEmpty()
			dp.SetStartTimestamp(p.start)
			dp.SetTimestamp(p.ts)
			if p.isFloat {
				dp.SetDoubleValue(p.f)
			} else {
				dp.SetIntValue(p.i)
			}
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
	return md
}

// BenchmarkPdataFloor is the baseline: building exactly the metrics that
// BenchmarkConvertWalk produces (checked equal before timing: names, types,
// timestamps, values, attributes) straight from plain Go values with pdata,
// with no SNMP work at all. The difference to BenchmarkConvertWalk is what
// the conversion itself costs.
func BenchmarkPdataFloor(b *testing.B) {
	e, cols, shape := convertSetup(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, m0 := processCPU(), mallocs()
	for b.Loop() {
		buildFloor(shape)
	}
	reportPerVarbind(b, cpu0, m0)
	runtime.KeepAlive(e)
	runtime.KeepAlive(cols)
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
