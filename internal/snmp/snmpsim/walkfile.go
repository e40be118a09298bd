package snmpsim

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gosnmp/gosnmp"
)

// ParseWalk reads the output of `snmpwalk -On -Ot` (lines such as
// `.1.3.6.1.2.1.1.3.0 = Timeticks: 1234` or `... = STRING: "eth0"`).
func ParseWalk(r io.Reader) ([]gosnmp.SnmpPDU, error) {
	var out []gosnmp.SnmpPDU
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		name, val, ok := strings.Cut(s, " = ")
		if !ok {
			return nil, fmt.Errorf("line %d: no ' = '", line)
		}
		pdu, err := parseValue(val)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		pdu.Name = name
		if !strings.HasPrefix(pdu.Name, ".") {
			pdu.Name = "." + pdu.Name
		}
		out = append(out, pdu)
	}
	return out, sc.Err()
}

func parseValue(v string) (gosnmp.SnmpPDU, error) {
	if v == `""` {
		return gosnmp.SnmpPDU{Type: gosnmp.OctetString, Value: []byte{}}, nil
	}
	typ, raw, ok := strings.Cut(v, ": ")
	if !ok {
		return gosnmp.SnmpPDU{}, fmt.Errorf("value %q has no type", v)
	}
	num := func(bits int) (uint64, error) { return strconv.ParseUint(strings.Fields(raw)[0], 10, bits) }
	switch typ {
	case "INTEGER":
		n, err := strconv.ParseInt(strings.Fields(raw)[0], 10, 32)
		return gosnmp.SnmpPDU{Type: gosnmp.Integer, Value: int(n)}, err
	case "Counter32":
		n, err := num(32)
		return gosnmp.SnmpPDU{Type: gosnmp.Counter32, Value: uint(n)}, err
	case "Gauge32":
		n, err := num(32)
		return gosnmp.SnmpPDU{Type: gosnmp.Gauge32, Value: uint(n)}, err
	case "Timeticks":
		n, err := strconv.ParseUint(strings.Trim(strings.Fields(raw)[0], "()"), 10, 32)
		return gosnmp.SnmpPDU{Type: gosnmp.TimeTicks, Value: uint32(n)}, err
	case "Counter64":
		n, err := num(64)
		return gosnmp.SnmpPDU{Type: gosnmp.Counter64, Value: n}, err
	case "STRING":
		s, err := strconv.Unquote(raw)
		if err != nil {
			s = strings.Trim(raw, `"`)
		}
		return gosnmp.SnmpPDU{Type: gosnmp.OctetString, Value: []byte(s)}, nil
	case "Hex-STRING":
		b, err := hex.DecodeString(strings.ReplaceAll(strings.TrimSpace(raw), " ", ""))
		return gosnmp.SnmpPDU{Type: gosnmp.OctetString, Value: b}, err
	case "OID":
		return gosnmp.SnmpPDU{Type: gosnmp.ObjectIdentifier, Value: raw}, nil
	case "IpAddress":
		return gosnmp.SnmpPDU{Type: gosnmp.IPAddress, Value: raw}, nil
	case "Opaque":
		f := strings.TrimPrefix(raw, "Float: ")
		n, err := strconv.ParseFloat(f, 32)
		return gosnmp.SnmpPDU{Type: gosnmp.OpaqueFloat, Value: float32(n)}, err
	}
	return gosnmp.SnmpPDU{}, fmt.Errorf("unknown type %q", typ)
}
