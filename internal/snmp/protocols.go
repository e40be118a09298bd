package snmp

import (
	"strings"

	"github.com/gosnmp/gosnmp"
)

// AuthProtocol returns gosnmp's constant for a configured v3
// authentication protocol name (MD5, SHA, SHA224, SHA256, SHA384, SHA512;
// case-insensitive), so that other SNMP components accept the same names.
func AuthProtocol(name string) (gosnmp.SnmpV3AuthProtocol, bool) {
	p, ok := authProtocols[strings.ToUpper(name)]
	return p, ok
}

// PrivProtocol returns gosnmp's constant for a configured v3 privacy
// protocol name (DES, AES, AES192, AES256, AES192C, AES256C;
// case-insensitive).
func PrivProtocol(name string) (gosnmp.SnmpV3PrivProtocol, bool) {
	p, ok := privProtocols[strings.ToUpper(name)]
	return p, ok
}

// SecurityLevel returns gosnmp's message flags for a configured security
// level (no_auth_no_priv, auth_no_priv, auth_priv).
func SecurityLevel(name string) (gosnmp.SnmpV3MsgFlags, bool) {
	l, ok := securityLevels[name]
	return l, ok
}

// ValidateUSMUser checks the v3 user settings of c (user, security_level,
// protocols and passwords) without looking at the connection fields, and
// names the offending field.
func ValidateUSMUser(c *ConnConfig) []error { return c.validateV3() }
