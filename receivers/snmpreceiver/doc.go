//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package snmpreceiver polls many SNMP agents (v1, v2c, v3) with built-in or
// user profiles and emits their metrics. It adapts internal/snmp (the
// engine) and internal/targetpoll (scheduling) to the collector.
package snmpreceiver
