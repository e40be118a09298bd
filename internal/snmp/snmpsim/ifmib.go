package snmpsim

import (
	"fmt"

	"github.com/gosnmp/gosnmp"
)

// System returns the system group of a simulated device.
func System(name string, uptimeTicks uint32) []gosnmp.SnmpPDU {
	return []gosnmp.SnmpPDU{
		{Name: ".1.3.6.1.2.1.1.1.0", Type: gosnmp.OctetString, Value: []byte("simulated switch")},
		{Name: ".1.3.6.1.2.1.1.2.0", Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.4.1.8072.3.2.10"},
		{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uptimeTicks},
		{Name: ".1.3.6.1.2.1.1.5.0", Type: gosnmp.OctetString, Value: []byte(name)},
	}
}

// IfMIB returns ifTable and ifXTable rows for n interfaces with the columns
// the if_mib profile reads; seed varies the counter values.
func IfMIB(n int, seed uint64) []gosnmp.SnmpPDU {
	var out []gosnmp.SnmpPDU
	add := func(col string, i int, t gosnmp.Asn1BER, v any) {
		out = append(out, gosnmp.SnmpPDU{Name: fmt.Sprintf("%s.%d", col, i), Type: t, Value: v})
	}
	for i := 1; i <= n; i++ {
		c := seed*1000003 + uint64(i)*7919
		add(".1.3.6.1.2.1.2.2.1.1", i, gosnmp.Integer, i)
		add(".1.3.6.1.2.1.2.2.1.2", i, gosnmp.OctetString, []byte(fmt.Sprintf("GigabitEthernet1/0/%d", i)))
		add(".1.3.6.1.2.1.2.2.1.3", i, gosnmp.Integer, 6)
		add(".1.3.6.1.2.1.2.2.1.5", i, gosnmp.Gauge32, uint(1000000000))
		add(".1.3.6.1.2.1.2.2.1.7", i, gosnmp.Integer, 1)
		add(".1.3.6.1.2.1.2.2.1.8", i, gosnmp.Integer, 1+i%2)
		add(".1.3.6.1.2.1.2.2.1.10", i, gosnmp.Counter32, uint(c%(1<<32)))
		add(".1.3.6.1.2.1.2.2.1.11", i, gosnmp.Counter32, uint(c/3%(1<<32)))
		add(".1.3.6.1.2.1.2.2.1.13", i, gosnmp.Counter32, uint(i))
		add(".1.3.6.1.2.1.2.2.1.14", i, gosnmp.Counter32, uint(2*i))
		add(".1.3.6.1.2.1.2.2.1.16", i, gosnmp.Counter32, uint(2*c%(1<<32)))
		add(".1.3.6.1.2.1.2.2.1.17", i, gosnmp.Counter32, uint(c/5%(1<<32)))
		add(".1.3.6.1.2.1.2.2.1.19", i, gosnmp.Counter32, uint(3*i))
		add(".1.3.6.1.2.1.2.2.1.20", i, gosnmp.Counter32, uint(4*i))
		add(".1.3.6.1.2.1.31.1.1.1.1", i, gosnmp.OctetString, []byte(fmt.Sprintf("Gi1/0/%d", i)))
		add(".1.3.6.1.2.1.31.1.1.1.2", i, gosnmp.Counter32, uint(c/11%(1<<32)))
		add(".1.3.6.1.2.1.31.1.1.1.3", i, gosnmp.Counter32, uint(c/13%(1<<32)))
		add(".1.3.6.1.2.1.31.1.1.1.4", i, gosnmp.Counter32, uint(c/17%(1<<32)))
		add(".1.3.6.1.2.1.31.1.1.1.5", i, gosnmp.Counter32, uint(c/19%(1<<32)))
		add(".1.3.6.1.2.1.31.1.1.1.6", i, gosnmp.Counter64, c*1000)
		add(".1.3.6.1.2.1.31.1.1.1.7", i, gosnmp.Counter64, c/3)
		add(".1.3.6.1.2.1.31.1.1.1.8", i, gosnmp.Counter64, c/11)
		add(".1.3.6.1.2.1.31.1.1.1.9", i, gosnmp.Counter64, c/13)
		add(".1.3.6.1.2.1.31.1.1.1.10", i, gosnmp.Counter64, c*2000)
		add(".1.3.6.1.2.1.31.1.1.1.11", i, gosnmp.Counter64, c/5)
		add(".1.3.6.1.2.1.31.1.1.1.12", i, gosnmp.Counter64, c/17)
		add(".1.3.6.1.2.1.31.1.1.1.13", i, gosnmp.Counter64, c/19)
		add(".1.3.6.1.2.1.31.1.1.1.15", i, gosnmp.Gauge32, uint(1000))
		add(".1.3.6.1.2.1.31.1.1.1.18", i, gosnmp.OctetString, []byte(fmt.Sprintf("uplink %d", i)))
	}
	return out
}
