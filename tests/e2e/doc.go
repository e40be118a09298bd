// Package e2e holds the end-to-end tests of otelcol-ems: the binary built by
// ocb, started as a process, fed real OTLP and real services, and checked by
// what it exports.
package e2e
