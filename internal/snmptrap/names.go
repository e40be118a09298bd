package snmptrap

import (
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
)

// builtinNames are the objects and notifications every trap receiver should
// know by name: SNMPv2-MIB, SNMP-COMMUNITY-MIB (RFC 3584), IF-MIB,
// ENTITY-MIB, ENTITY-STATE-MIB and the net-snmp agent's own notifications.
var builtinNames = map[string]string{
	"1.3.6.1.2.1.1.1": "sysDescr", "1.3.6.1.2.1.1.2": "sysObjectID", "1.3.6.1.2.1.1.3": "sysUpTime",
	"1.3.6.1.2.1.1.4": "sysContact", "1.3.6.1.2.1.1.5": "sysName", "1.3.6.1.2.1.1.6": "sysLocation",
	"1.3.6.1.6.3.1.1.4.1": "snmpTrapOID", "1.3.6.1.6.3.1.1.4.3": "snmpTrapEnterprise",
	"1.3.6.1.6.3.18.1.3":  "snmpTrapAddress",
	"1.3.6.1.6.3.1.1.5.1": "coldStart", "1.3.6.1.6.3.1.1.5.2": "warmStart",
	"1.3.6.1.6.3.1.1.5.3": "linkDown", "1.3.6.1.6.3.1.1.5.4": "linkUp",
	"1.3.6.1.6.3.1.1.5.5": "authenticationFailure", "1.3.6.1.6.3.1.1.5.6": "egpNeighborLoss",
	"1.3.6.1.2.1.2.2.1.1": "ifIndex", "1.3.6.1.2.1.2.2.1.2": "ifDescr", "1.3.6.1.2.1.2.2.1.3": "ifType",
	"1.3.6.1.2.1.2.2.1.7": "ifAdminStatus", "1.3.6.1.2.1.2.2.1.8": "ifOperStatus",
	"1.3.6.1.2.1.31.1.1.1.1": "ifName", "1.3.6.1.2.1.31.1.1.1.18": "ifAlias",
	"1.3.6.1.2.1.47.2.0.1": "entConfigChange", "1.3.6.1.2.1.47.1.4.1": "entLastChangeTime",
	"1.3.6.1.2.1.47.1.1.1.1.2": "entPhysicalDescr", "1.3.6.1.2.1.47.1.1.1.1.5": "entPhysicalClass",
	"1.3.6.1.2.1.47.1.1.1.1.7": "entPhysicalName",
	"1.3.6.1.2.1.131.0.1":      "entStateOperEnabled", "1.3.6.1.2.1.131.0.2": "entStateOperDisabled",
	"1.3.6.1.2.1.131.1.1.1.2": "entStateAdmin", "1.3.6.1.2.1.131.1.1.1.3": "entStateOper",
	"1.3.6.1.4.1.8072.4.0.1": "nsNotifyStart", "1.3.6.1.4.1.8072.4.0.2": "nsNotifyShutdown",
	"1.3.6.1.4.1.8072.4.0.3": "nsNotifyRestart",
}

// builtinEnums label enumerated values in the body.
var builtinEnums = map[string]map[int64]string{
	"ifOperStatus":  {1: "up", 2: "down", 3: "testing", 4: "unknown", 5: "dormant", 6: "notPresent", 7: "lowerLayerDown"},
	"ifAdminStatus": {1: "up", 2: "down", 3: "testing"},
	"entStateOper":  {1: "unknown", 2: "disabled", 3: "enabled", 4: "testing"},
	"entStateAdmin": {1: "unknown", 2: "locked", 3: "shuttingDown", 4: "unlocked"},
}

// Names maps OIDs to names: the built-in table first, then the objects of
// SNMP profiles (the snmp receiver's built-in and user profiles), named as
// the profile names the metric or attribute they become.
type Names struct {
	byOID map[string]string
}

// NewNames builds the name table from the built-in names and profiles.
func NewNames(profiles []*snmp.Profile) *Names {
	n := &Names{byOID: make(map[string]string, len(builtinNames)+64)}
	add := func(oid, name string) {
		oid = strings.TrimPrefix(strings.TrimSpace(oid), ".")
		if oid == "" || name == "" {
			return
		}
		if _, ok := n.byOID[oid]; ok {
			return
		}
		n.byOID[oid] = name
	}
	for oid, name := range builtinNames {
		add(oid, name)
	}
	for _, p := range profiles {
		if p == nil {
			continue
		}
		for _, s := range p.Scalars {
			// Scalar OIDs end in .0; the object is the OID without it.
			add(strings.TrimSuffix(s.OID, ".0"), s.Name)
		}
		for _, t := range p.Tables {
			for _, a := range t.Attributes {
				add(a.OID, a.Name)
			}
			for _, m := range t.Metrics {
				add(m.OID, m.Name)
			}
		}
	}
	return n
}

// Lookup returns the name of the object an instance OID (dotted, no leading
// dot) belongs to, and the index after it. The longest known prefix wins.
func (n *Names) Lookup(oid string) (name, index string, ok bool) {
	prefix := oid
	for {
		if name, ok := n.byOID[prefix]; ok {
			if len(prefix) < len(oid) {
				index = oid[len(prefix)+1:]
			}
			return name, index, true
		}
		i := strings.LastIndexByte(prefix, '.')
		if i < 0 {
			return "", "", false
		}
		prefix = prefix[:i]
	}
}

// Notification returns the name of a notification OID, which must match
// exactly.
func (n *Names) Notification(oid string) (string, bool) {
	name, ok := n.byOID[oid]
	return name, ok
}

// enumLabel returns the label of an enumerated value of the named object.
func enumLabel(name string, v int64) (string, bool) {
	m, ok := builtinEnums[name]
	if !ok {
		return "", false
	}
	l, ok := m[v]
	return l, ok
}
