package snmptrap

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gosnmp/gosnmp"
)

const (
	oidSysUpTime       = "1.3.6.1.2.1.1.3.0"
	oidSnmpTrapOID     = "1.3.6.1.6.3.1.1.4.1.0"
	oidSnmpTrapAddress = "1.3.6.1.6.3.18.1.3.0"
	oidSnmpTrapEnterp  = "1.3.6.1.6.3.1.1.4.3.0"
	oidStandardTraps   = "1.3.6.1.6.3.1.1.5"
	oidLinkDown        = "1.3.6.1.6.3.1.1.5.3"
	oidLinkUp          = "1.3.6.1.6.3.1.1.5.4"
)

// defaultSeverities apply to the standard traps unless configured.
var defaultSeverities = map[string]Severity{
	"1.3.6.1.6.3.1.1.5.1": SeverityWarn, // coldStart: the device rebooted
	"1.3.6.1.6.3.1.1.5.2": SeverityInfo, // warmStart
	oidLinkDown:           SeverityWarn,
	oidLinkUp:             SeverityInfo,
	"1.3.6.1.6.3.1.1.5.5": SeverityWarn, // authenticationFailure
	"1.3.6.1.6.3.1.1.5.6": SeverityWarn, // egpNeighborLoss
}

// converter turns decoded packets into Traps.
type converter struct {
	names      *Names
	severities map[string]Severity
}

func newConverter(names *Names, overrides map[string]Severity) *converter {
	sev := make(map[string]Severity, len(defaultSeverities)+len(overrides))
	for k, v := range defaultSeverities {
		sev[k] = v
	}
	for k, v := range overrides {
		sev[strings.TrimPrefix(k, ".")] = v
	}
	return &converter{names: names, severities: sev}
}

// convert fills t from a decoded notification packet.
func (c *converter) convert(p *gosnmp.SnmpPacket, t *Trap) {
	switch p.Version {
	case gosnmp.Version1:
		t.Version = "v1"
	case gosnmp.Version2c:
		t.Version = "v2c"
	default:
		t.Version = "v3"
	}
	t.PDUType = "trap"
	if p.PDUType == gosnmp.InformRequest {
		t.PDUType = "inform"
	}
	vars := p.Variables
	if p.PDUType == gosnmp.Trap {
		c.convertV1Header(p, t)
	}
	t.Vars = make([]Var, 0, len(vars)+2)
	for i := range vars {
		oid := strings.TrimPrefix(vars[i].Name, ".")
		switch oid {
		case oidSysUpTime:
			if v, ok := asUint32(vars[i].Value); ok && !t.HasUptime {
				t.Uptime, t.HasUptime = v, true
				continue
			}
		case oidSnmpTrapOID:
			if s, ok := vars[i].Value.(string); ok && t.OID == "" {
				t.OID = strings.TrimPrefix(s, ".")
				continue
			}
		}
		t.Vars = append(t.Vars, c.variable(oid, vars[i].Type, vars[i].Value))
	}
	if p.PDUType == gosnmp.Trap {
		// RFC 3584 3.1 (3): the agent address and enterprise follow the
		// original varbinds. The community is never added.
		t.Vars = append(t.Vars,
			c.variable(oidSnmpTrapAddress, gosnmp.IPAddress, p.AgentAddress),
			c.variable(oidSnmpTrapEnterp, gosnmp.ObjectIdentifier, p.Enterprise))
	}
	dedupeKeys(t.Vars)
	if t.OID != "" {
		t.Name, _ = c.names.Notification(t.OID)
	}
	t.Severity = SeverityInfo
	if s, ok := c.severities[t.OID]; ok {
		t.Severity = s
	}
	t.Body = body(t)
}

// convertV1Header applies RFC 3584 3.1 (1) and (2): generic traps 0-5 map
// to snmpTraps.(generic+1), enterprise-specific ones to
// enterprise.0.specific.
func (c *converter) convertV1Header(p *gosnmp.SnmpPacket, t *Trap) {
	t.Uptime, t.HasUptime = uint32(p.Timestamp), true //nolint:gosec // v1 time-stamp is TimeTicks
	ent := strings.TrimPrefix(p.Enterprise, ".")
	if p.GenericTrap >= 0 && p.GenericTrap < 6 {
		t.OID = oidStandardTraps + "." + strconv.Itoa(p.GenericTrap+1)
		return
	}
	t.OID = ent + ".0." + strconv.Itoa(p.SpecificTrap)
}

func (c *converter) variable(oid string, typ gosnmp.Asn1BER, raw any) Var {
	v := Var{OID: oid, Key: oid, Value: value(typ, raw)}
	if name, _, ok := c.names.Lookup(oid); ok {
		v.Key = name
	}
	return v
}

// dedupeKeys keeps keys unique: a second object of the same name (another
// row of the same column) is keyed by its full numeric OID.
func dedupeKeys(vars []Var) {
	if len(vars) < 2 {
		return
	}
	for i := 1; i < len(vars); i++ {
		for j := 0; j < i; j++ {
			if vars[j].Key == vars[i].Key {
				vars[i].Key = vars[i].OID
				break
			}
		}
	}
}

func asUint32(v any) (uint32, bool) {
	switch x := v.(type) {
	case uint32:
		return x, true
	case uint:
		return uint32(x), x <= math.MaxUint32 //nolint:gosec // range checked
	case int:
		return uint32(x), x >= 0 && x <= math.MaxUint32 //nolint:gosec // range checked
	}
	return 0, false
}

// value types a decoded varbind value.
func value(typ gosnmp.Asn1BER, raw any) Value {
	switch x := raw.(type) {
	case nil:
		return Value{}
	case int:
		return Value{Kind: KindInt, Int: int64(x)}
	case int64:
		return Value{Kind: KindInt, Int: x}
	case uint:
		if uint64(x) > math.MaxInt64 {
			return Value{Kind: KindString, Str: strconv.FormatUint(uint64(x), 10)}
		}
		return Value{Kind: KindInt, Int: int64(x)} //nolint:gosec // range checked
	case uint32:
		return Value{Kind: KindInt, Int: int64(x)}
	case uint64:
		if x > math.MaxInt64 {
			return Value{Kind: KindString, Str: strconv.FormatUint(x, 10)}
		}
		return Value{Kind: KindInt, Int: int64(x)} //nolint:gosec // range checked
	case float32:
		return Value{Kind: KindFloat, Float: float64(x)}
	case float64:
		return Value{Kind: KindFloat, Float: x}
	case string:
		// IpAddress and OIDs arrive as text; OIDs without the leading dot.
		if typ == gosnmp.ObjectIdentifier {
			x = strings.TrimPrefix(x, ".")
		}
		return Value{Kind: KindString, Str: x}
	case []byte:
		return Value{Kind: KindString, Str: octets(x)}
	}
	return Value{}
}

// octets renders an OctetString as text when it is printable UTF-8 and as
// colon-separated hex otherwise (MAC addresses, binary data).
func octets(b []byte) string {
	if printable(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)*3)
	for i, c := range b {
		if i > 0 {
			out = append(out, ':')
		}
		out = hex.AppendEncode(out, []byte{c})
	}
	return string(out)
}

func printable(b []byte) bool {
	// Control characters (a C agent's trailing NUL too) make it binary.
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}

// body is the one-line summary: name (or OID) from source: key=value ...
// Enumerated values show their label; text with spaces is quoted.
func body(t *Trap) string {
	b := make([]byte, 0, 48+32*len(t.Vars))
	switch {
	case t.Name != "":
		b = append(b, t.Name...)
	case t.OID != "":
		b = append(b, t.OID...)
	default: // a v2 trap without snmpTrapOID.0: kept, and said so
		b = append(b, "notification without snmpTrapOID"...)
	}
	b = append(b, " from "...)
	b = t.Source.Addr().AppendTo(b)
	for i := range t.Vars {
		v := &t.Vars[i]
		if i == 0 {
			b = append(b, ':')
		}
		b = append(b, ' ')
		b = append(b, v.Key...)
		b = append(b, '=')
		switch v.Value.Kind {
		case KindInt:
			if l, ok := enumLabel(v.Key, v.Value.Int); ok {
				b = append(b, l...)
			} else {
				b = strconv.AppendInt(b, v.Value.Int, 10)
			}
		case KindFloat:
			b = strconv.AppendFloat(b, v.Value.Float, 'g', -1, 64)
		case KindString:
			if needsQuote(v.Value.Str) {
				b = strconv.AppendQuote(b, v.Value.Str)
			} else {
				b = append(b, v.Value.Str...)
			}
		default:
			b = append(b, `""`...)
		}
	}
	return string(b)
}

func needsQuote(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == '"' || c == '=' || c == 0x7f {
			return true
		}
	}
	return false
}
