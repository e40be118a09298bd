package snmptrap

import (
	"net/netip"
	"time"
)

// Kind says which field of a Value holds the value.
type Kind uint8

// Value kinds.
const (
	KindEmpty  Kind = iota // Null, noSuchObject, noSuchInstance, endOfMibView
	KindInt                // Integer, Counter32/64, Gauge32, TimeTicks, Uinteger32
	KindString             // OctetString (text or hex), IpAddress, OID, large Counter64
	KindFloat              // Opaque float and double
)

// Value is a typed varbind value.
type Value struct {
	Kind  Kind
	Int   int64
	Str   string
	Float float64
}

// Var is one variable binding: Key is the object's name when known (with the
// instance index dropped) or its dotted numeric OID.
type Var struct {
	Key   string
	OID   string // dotted numeric instance OID, no leading dot
	Value Value
}

// Severity is a log severity; the numbers are OpenTelemetry's.
type Severity int32

// Severities used for traps.
const (
	SeverityTrace Severity = 1
	SeverityDebug Severity = 5
	SeverityInfo  Severity = 9
	SeverityWarn  Severity = 13
	SeverityError Severity = 17
	SeverityFatal Severity = 21
)

// ParseSeverity turns a configured severity name into a Severity.
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "trace":
		return SeverityTrace, true
	case "debug":
		return SeverityDebug, true
	case "info":
		return SeverityInfo, true
	case "warn", "warning":
		return SeverityWarn, true
	case "error":
		return SeverityError, true
	case "fatal":
		return SeverityFatal, true
	}
	return 0, false
}

// String returns the severity text as OpenTelemetry spells it.
func (s Severity) String() string {
	switch {
	case s >= SeverityFatal:
		return "FATAL"
	case s >= SeverityError:
		return "ERROR"
	case s >= SeverityWarn:
		return "WARN"
	case s >= SeverityInfo:
		return "INFO"
	case s >= SeverityDebug:
		return "DEBUG"
	default:
		return "TRACE"
	}
}

// Trap is one received notification, authenticated and decoded. It never
// holds the community.
type Trap struct {
	// Received is when the datagram or message arrived.
	Received time.Time
	// Source is the sender's address and port.
	Source netip.AddrPort
	// Version is v1, v2c or v3.
	Version string
	// PDUType is trap or inform.
	PDUType string
	// OID is the notification's dotted numeric OID (snmpTrapOID.0; for v1
	// traps the RFC 3584 translation).
	OID string
	// Name is the notification's name when known.
	Name string
	// Uptime is sysUpTime.0 (v1: the time-stamp) in hundredths of a second.
	Uptime    uint32
	HasUptime bool
	// User is the v3 user that authenticated the message.
	User string
	// Vars are the variable bindings other than sysUpTime.0 and
	// snmpTrapOID.0; for v1 traps snmpTrapAddress and snmpTrapEnterprise
	// are appended as RFC 3584 says.
	Vars []Var
	// Severity comes from the configured map or the defaults.
	Severity Severity
	// Body is a one-line summary.
	Body string
}
