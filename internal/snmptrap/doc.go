// Package snmptrap receives SNMP notifications (v1 and v2c traps, v3 traps
// and informs over UDP or TCP), checks them against communities and USM
// users, and turns each into a Trap: a decoded, named, severity-tagged
// record ready to become a log event. It knows nothing of the collector; the
// snmptrap receiver adapts it.
package snmptrap
