//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package snmptrapreceiver receives SNMP traps and informs (v1, v2c, v3)
// and emits each as a log event. It adapts internal/snmptrap (the engine)
// to the collector.
package snmptrapreceiver
