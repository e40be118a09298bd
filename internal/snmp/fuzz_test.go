package snmp

import (
	"testing"

	"github.com/gosnmp/gosnmp"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// fuzzProfile uses every conversion feature on a handful of columns.
const fuzzProfile = `
name: fuzz
resource_attributes:
  - {name: snmp.sys.name, oid: 1.3.6.1.2.1.1.5.0}
scalars:
  - {oid: 1.3.6.1.2.1.1.3.0, name: snmp.uptime, unit: s, type: gauge, scale: 0.01}
tables:
  - name: t
    index:
      - {attribute: a.int, type: int}
      - {attribute: a.ip, type: ipv4}
      - {attribute: a.str, type: string}
      - {attribute: a.rest, type: implied_string}
    attributes:
      - {name: a.name, oid: 1.3.6.1.2.1.31.1.1.1.1}
      - {name: a.enum, oid: 1.3.6.1.2.1.2.2.1.3, enum: {"6": ethernet, ".1.3": oid}}
      - {name: a.lookup, oid: 1.3.6.1.2.1.31.1.1.1.18, index_from: 1.3.6.1.2.1.2.2.1.1}
    metrics:
      - {name: m.counter, unit: By, type: counter, oid: 1.3.6.1.2.1.31.1.1.1.6, fallback: 1.3.6.1.2.1.2.2.1.10}
      - {name: m.mapped, unit: "1", type: gauge, oid: 1.3.6.1.2.1.2.2.1.8, value_map: {"1": 1, default: 0.5}}
      - {name: m.bytes, unit: By, type: gauge, oid: 1.3.6.1.2.1.25.2.3.1.6, multiply_by: 1.3.6.1.2.1.25.2.3.1.4}
      - {name: m.sensor, unit: Cel, type: gauge, oid: 1.3.6.1.2.1.99.1.1.1.4,
         power10: {column: 1.3.6.1.2.1.99.1.1.1.2, factor: 3, offset: -27}, precision: 1.3.6.1.2.1.99.1.1.1.3,
         when: {column: 1.3.6.1.2.1.99.1.1.1.1, values: [8]}}
`

// responsePacket encodes a v2c response with the given varbinds, as an
// agent would send it.
func responsePacket(tb testing.TB, vars []gosnmp.SnmpPDU) []byte {
	tb.Helper()
	p := &gosnmp.SnmpPacket{Version: gosnmp.Version2c, Community: "public", PDUType: gosnmp.GetResponse, RequestID: 1, Variables: vars}
	b, err := p.MarshalMsg()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// FuzzVarbindConversion decodes arbitrary bytes as an SNMP response with
// gosnmp and runs every varbind through the conversion to metrics: scalar
// and resource attribute lookup, table grouping, index parsing, enums,
// scaling, lookups and counter state. Nothing may panic.
func FuzzVarbindConversion(f *testing.F) {
	for _, vars := range [][]gosnmp.SnmpPDU{
		{{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uint32(100)}, {Name: ".1.3.6.1.2.1.1.5.0", Type: gosnmp.OctetString, Value: []byte("sw1")}},
		{{Name: ".1.3.6.1.2.1.31.1.1.1.6.1.10.0.0.1.2.65.66.67", Type: gosnmp.Counter64, Value: uint64(1 << 40)},
			{Name: ".1.3.6.1.2.1.31.1.1.1.1.1.10.0.0.1.2.65.66.67", Type: gosnmp.OctetString, Value: []byte{0xff, 0, 1}},
			{Name: ".1.3.6.1.2.1.2.2.1.3.1.10.0.0.1.2.65.66.67", Type: gosnmp.Integer, Value: 6},
			{Name: ".1.3.6.1.2.1.2.2.1.1.1.10.0.0.1.2.65.66.67", Type: gosnmp.Integer, Value: 1},
			{Name: ".1.3.6.1.2.1.31.1.1.1.18.1", Type: gosnmp.OctetString, Value: []byte("uplink")}},
		{{Name: ".1.3.6.1.2.1.99.1.1.1.4.5", Type: gosnmp.Integer, Value: -415},
			{Name: ".1.3.6.1.2.1.99.1.1.1.2.5", Type: gosnmp.Integer, Value: 9},
			{Name: ".1.3.6.1.2.1.99.1.1.1.3.5", Type: gosnmp.Integer, Value: 1},
			{Name: ".1.3.6.1.2.1.99.1.1.1.1.5", Type: gosnmp.Integer, Value: 8},
			{Name: ".1.3.6.1.2.1.25.2.3.1.6.5", Type: gosnmp.OctetString, Value: []byte("12.5")},
			{Name: ".1.3.6.1.2.1.25.2.3.1.4.5", Type: gosnmp.Gauge32, Value: uint(4096)},
			{Name: ".1.3.6.1.2.1.2.2.1.8.5", Type: gosnmp.OpaqueFloat, Value: float32(1)}},
	} {
		f.Add(responsePacket(f, vars))
	}
	prof, err := ParseProfile([]byte(fuzzProfile))
	if err != nil {
		f.Fatal(err)
	}
	pl, err := compile([]*Profile{prof})
	if err != nil {
		f.Fatal(err)
	}
	dec := &gosnmp.GoSNMP{Version: gosnmp.Version2c, MaxOids: 1 << 16, Logger: gosnmp.NewLogger(nil)}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkt, err := dec.SnmpDecodePacket(data)
		if err != nil {
			return
		}
		e := newEvaluator(pl)
		cols := make([][]gosnmp.SnmpPDU, len(pl.tables[0].columns))
		for _, v := range pkt.Variables {
			_, _ = toNumber(&v)
			_ = text(&v)
			for c, prefix := range pl.tables[0].columns {
				if _, ok := indexSuffix(v.Name, prefix); ok {
					cols[c] = append(cols[c], v)
				}
			}
		}
		for round := int64(0); round < 2; round++ {
			md := pmetric.NewMetrics()
			rm := md.ResourceMetrics().AppendEmpty()
			ts := pcommon.Timestamp(1_000_000_000 * (round + 1))
			e.begin(rm.ScopeMetrics().AppendEmpty().Metrics(), ts, uint32(round), true)
			e.scalars(rm.Resource().Attributes(), pkt.Variables, ts)
			e.table(0, cols, ts)
			e.end(ts)
		}
	})
}
