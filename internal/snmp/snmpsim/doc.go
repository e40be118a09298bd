// Package snmpsim simulates SNMP agents for tests and benchmarks: an
// in-memory MIB, a parser for snmpwalk output, generators of IF-MIB
// tables, and a UDP responder built on gosnmp's packet encoding that serves
// many devices, one per community.
package snmpsim
