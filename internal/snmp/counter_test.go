package snmp

import (
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

const counterProfile = `
name: counters
scalars:
  - {oid: 1.3.6.1.4.1.2021.11.50.0, name: system.cpu.time, unit: s, type: counter, scale: 0.01}
tables:
  - name: ifTable
    index: [{attribute: snmp.interface.index, type: int}]
    metrics:
      - {name: hw.network.io, unit: By, type: counter, oid: 1.3.6.1.2.1.2.2.1.10}
`

func at(sec int64) pcommon.Timestamp { return pcommon.NewTimestampFromTime(time.Unix(sec, 0)) }

// evalPoll runs one evaluation the way Poller.Poll does, with sysUpTime in
// seconds and one Counter32 row.
func evalPoll(e *evaluator, now int64, uptimeSec uint32, counter uint) pmetric.Metrics {
	md := pmetric.NewMetrics()
	ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
	ts := at(now)
	e.begin(ms, ts, uptimeSec*100, true)
	e.scalars(pcommon.NewMap(), []gosnmp.SnmpPDU{{Name: ".1.3.6.1.4.1.2021.11.50.0", Type: gosnmp.Counter32, Value: counter}}, ts)
	e.table(0, [][]gosnmp.SnmpPDU{{{Name: ".1.3.6.1.2.1.2.2.1.10.7", Type: gosnmp.Counter32, Value: counter}}}, ts)
	e.end(ts)
	return md
}

func startOf(t *testing.T, md pmetric.Metrics, name string) (pcommon.Timestamp, float64) {
	t.Helper()
	dp, ok := points(md, name, "", nil)[""]
	require.True(t, ok, name)
	return dp.StartTimestamp(), value(dp)
}

func TestCounterStartTime(t *testing.T) {
	t.Parallel()
	p, err := ParseProfile([]byte(counterProfile))
	require.NoError(t, err)
	pl, err := compile([]*Profile{p})
	require.NoError(t, err)
	e := newEvaluator(pl)

	steps := []struct {
		what      string
		now       int64
		uptime    uint32
		counter   uint
		wantStart int64
	}{
		{"first poll: series starts at the agent's boot", 1000, 100, 4294967000, 900},
		{"counter grows: same series", 1010, 110, 4294967200, 900},
		{"Counter32 wraps: new series since the last poll", 1020, 120, 100, 1010},
		{"counter grows after the wrap", 1030, 130, 300, 1010},
		{"agent restarts (sysUpTime goes back): new series since boot", 1040, 5, 50, 1035},
		{"counter grows after the restart", 1050, 15, 80, 1035},
		{"restart that sysUpTime alone does not show: it grew 15 s in 50 s", 1100, 30, 90, 1070},
		{"normal growth with a little clock drift", 1200, 129, 95, 1070},
	}
	for _, s := range steps {
		md := evalPoll(e, s.now, s.uptime, s.counter)
		for _, name := range []string{"hw.network.io", "system.cpu.time"} {
			start, v := startOf(t, md, name)
			assert.Equal(t, at(s.wantStart), start, "%s: %s", s.what, name)
			if name == "hw.network.io" {
				assert.Equal(t, float64(s.counter), v, s.what)
			} else {
				assert.InDelta(t, float64(s.counter)/100, v, 1e-9, s.what)
			}
		}
	}
}

func TestRowsThatDisappearAreForgotten(t *testing.T) {
	t.Parallel()
	p, err := ParseProfile([]byte(counterProfile))
	require.NoError(t, err)
	pl, err := compile([]*Profile{p})
	require.NoError(t, err)
	e := newEvaluator(pl)
	evalPoll(e, 1000, 100, 5)
	require.Len(t, e.tableState[0], 1)
	md := pmetric.NewMetrics()
	e.begin(md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics(), at(1010), 11000, true)
	e.table(0, [][]gosnmp.SnmpPDU{nil}, at(1010))
	e.end(at(1010))
	assert.Empty(t, e.tableState[0])
}

func TestBadValuesAreDroppedAndCounted(t *testing.T) {
	t.Parallel()
	p, err := ParseProfile([]byte(`
name: bad
scalars:
  - {oid: 1.3.6.1.2.1.1.7.0, name: s, unit: "1", type: gauge}
tables:
  - name: t
    index: [{attribute: i, type: int}]
    metrics:
      - {name: m, unit: "1", type: gauge, oid: 1.3.6.1.9.1, value_map: {"1": 1}}
      - {name: b, unit: By, type: gauge, oid: 1.3.6.1.9.2, multiply_by: 1.3.6.1.9.3}
      - {name: x, unit: "1", type: gauge, oid: 1.3.6.1.9.4, power10: {column: 1.3.6.1.9.5, factor: 3, offset: 0}}
`))
	require.NoError(t, err)
	pl, err := compile([]*Profile{p})
	require.NoError(t, err)
	e := newEvaluator(pl)
	md := pmetric.NewMetrics()
	ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
	e.begin(ms, at(10), 100, true)
	e.scalars(pcommon.NewMap(), []gosnmp.SnmpPDU{{Name: ".1.3.6.1.2.1.1.7.0", Type: gosnmp.OctetString, Value: []byte("not a number")}}, at(10))
	cols := [][]gosnmp.SnmpPDU{
		{{Name: ".1.3.6.1.9.1.1", Type: gosnmp.Integer, Value: 1}, {Name: ".1.3.6.1.9.1.2", Type: gosnmp.Integer, Value: 7}}, // 7 has no mapping
		{{Name: ".1.3.6.1.9.2.1", Type: gosnmp.Gauge32, Value: uint(5)}, {Name: ".1.3.6.1.9.2.2", Type: gosnmp.Gauge32, Value: uint(5)}},
		{{Name: ".1.3.6.1.9.3.1", Type: gosnmp.Integer, Value: 4096}}, // row 2 lacks the multiplier
		{{Name: ".1.3.6.1.9.4.1", Type: gosnmp.Integer, Value: 3}},
		{{Name: ".1.3.6.1.9.5.1", Type: gosnmp.Integer, Value: 1 << 30}}, // absurd exponent
	}
	e.table(0, cols, at(10))
	e.end(at(10))
	assert.Equal(t, 4, e.takeDropped())
	assert.Equal(t, 0, e.takeDropped())
	assert.Equal(t, 2, md.DataPointCount()) // m for row 1, b for row 1
	b, ok := points(md, "b", "i", nil)["1"]
	require.True(t, ok)
	assert.Equal(t, int64(5*4096), b.IntValue())
}
