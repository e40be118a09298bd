// Package snmp is the SNMP engine of otelcol-ems: a session over gosnmp, a
// table walker that fetches the requested columns of a table together, and
// profiles (data in YAML) that turn scalars and table rows into OpenTelemetry
// metrics. It knows nothing of the collector's component model; the snmp
// receiver adapts it.
package snmp
