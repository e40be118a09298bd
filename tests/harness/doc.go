// Package harness runs otelcol-ems end to end: it builds the distribution with
// ocb, starts it as a subprocess on free loopback ports, captures what it
// exports through a real OTLP endpoint made from the upstream otlpreceiver,
// and starts the real services (snmpd, PostgreSQL, MariaDB, Tomcat) that
// component tests poll.
//
// Service scripts live in tests/services/NAME.sh and take a verb and a state
// directory: `start DIR` (idempotent: when the service already runs from DIR it
// only prints its env), `status DIR` (exit 0 when up) and `stop DIR`. start
// installs missing Debian packages and prints KEY=VALUE lines on stdout.
package harness
