package snmp

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/gosnmp/gosnmp"
)

// number is a numeric varbind value. Integers stay exact in i; floats
// (opaque floats, decimal strings, Counter64 above 2^63) use f.
type number struct {
	i       int64
	f       float64
	isFloat bool
}

func (n number) float() float64 {
	if n.isFloat {
		return n.f
	}
	return float64(n.i)
}

// toNumber converts a varbind to a number. It accepts every numeric SNMP
// type and decimal text (UCD's laLoad is a string); anything else is not a
// number. It never panics, whatever Value holds.
func toNumber(v *gosnmp.SnmpPDU) (number, bool) {
	switch x := v.Value.(type) {
	case int:
		return number{i: int64(x)}, true
	case int64:
		return number{i: x}, true
	case int32:
		return number{i: int64(x)}, true
	case uint:
		return fromUint(uint64(x)), true
	case uint32:
		return number{i: int64(x)}, true
	case uint64:
		return fromUint(x), true
	case float32:
		return fromFloat(float64(x))
	case float64:
		return fromFloat(x)
	case []byte:
		if v.Type != gosnmp.OctetString || len(x) == 0 || len(x) > 32 {
			return number{}, false
		}
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return number{}, false
		}
		return fromFloat(f)
	}
	return number{}, false
}

func fromUint(u uint64) number {
	if u > math.MaxInt64 {
		return number{f: float64(u), isFloat: true}
	}
	return number{i: int64(u)}
}

func fromFloat(f float64) (number, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return number{}, false
	}
	return number{f: f, isFloat: true}, true
}

// appendKey appends the text used to look a raw value up in an enum:
// decimal for integers, the dotted OID with its leading dot for OIDs, the
// octets for strings.
func appendKey(buf []byte, v *gosnmp.SnmpPDU) []byte {
	switch x := v.Value.(type) {
	case string:
		return append(buf, x...)
	case []byte:
		return append(buf, x...)
	}
	if n, ok := toNumber(v); ok && !n.isFloat {
		return strconv.AppendInt(buf, n.i, 10)
	}
	return buf
}

// text returns a varbind value as attribute text. Octet strings that are
// printable UTF-8 stay as they are (minus trailing NULs, which some agents
// send); other octets become colon-separated hex, as for a MAC address.
func text(v *gosnmp.SnmpPDU) string {
	switch x := v.Value.(type) {
	case string:
		return x
	case []byte:
		x = trimNUL(x)
		if printable(x) {
			return string(x)
		}
		return hexColon(x)
	}
	if n, ok := toNumber(v); ok {
		if n.isFloat {
			return strconv.FormatFloat(n.f, 'g', -1, 64)
		}
		return strconv.FormatInt(n.i, 10)
	}
	return ""
}

// trimNUL drops the trailing NULs some agents send after a string.
func trimNUL(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

func printable(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' {
			return false
		}
		if c == 0x7f {
			return false
		}
	}
	return true
}

func hexColon(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	out := make([]byte, 0, len(b)*3-1)
	for i, c := range b {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, hexDigits[c>>4], hexDigits[c&15])
	}
	return string(out)
}

const hexDigits = "0123456789abcdef"
