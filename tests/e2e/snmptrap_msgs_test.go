//go:build integration

package e2e

import "github.com/gosnmp/gosnmp"

// v2cTrapBytes is a linkDown trap as an agent sends it, encoded by gosnmp.
func v2cTrapBytes(community string) []byte {
	p := &gosnmp.SnmpPacket{
		Version: gosnmp.Version2c, Community: community, PDUType: gosnmp.SNMPv2Trap, RequestID: 1,
		Variables: []gosnmp.SnmpPDU{
			{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uint32(4711)},
			{Name: ".1.3.6.1.6.3.1.1.4.1.0", Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.6.3.1.1.5.3"},
			{Name: ".1.3.6.1.2.1.2.2.1.1.3", Type: gosnmp.Integer, Value: 3},
			{Name: ".1.3.6.1.2.1.2.2.1.8.3", Type: gosnmp.Integer, Value: 2},
		},
	}
	b, err := p.MarshalMsg()
	if err != nil {
		panic(err) // a fixed message: cannot fail
	}
	return b
}
