// Package testenv gives tests the real services they poll (snmpd,
// PostgreSQL, MariaDB, Tomcat, ...) through the scripts in tests/services,
// free loopback ports, and the repository root. It is plain Go with no
// collector types, so that tests of packages under internal/ can use it
// without importing tests/ (tests/harness re-exports it for end-to-end
// tests).
//
// Tests that call RequireService or StartService need a real service and
// carry the `integration` build tag; a service that cannot be started fails
// the test, never skips it.
//
// Service scripts live in tests/services/NAME.sh and take a verb and a state
// directory: `start DIR` (idempotent: when the service already runs from DIR
// it only prints its env), `status DIR` (exit 0 when up) and `stop DIR`.
// start installs missing Debian packages and prints KEY=VALUE lines on
// stdout.
package testenv
