// Package harness runs otelcol-ems end to end: it builds the distribution with
// ocb, starts it as a subprocess on free loopback ports, captures what it
// exports through a real OTLP endpoint made from the upstream otlpreceiver,
// and starts the real services (snmpd, PostgreSQL, MariaDB, Tomcat) that
// component tests poll (through internal/testenv, which tests of packages
// under internal/ use directly).
//
// Everything here needs the built binary or a real service: tests that use
// it carry the `integration` build tag.
package harness
