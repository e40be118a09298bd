package harness

import (
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/testenv"
)

// The service, port and path helpers live in internal/testenv, so that tests
// under internal/ can use them without importing tests/; these forward to it.

// ServicesDir is where shared services keep their state, one folder each.
func ServicesDir() string { return testenv.ServicesDir() }

// RequireService returns a running shared instance of the named service; see
// testenv.RequireService.
func RequireService(t testing.TB, name string) map[string]string {
	t.Helper()
	return testenv.RequireService(t, name)
}

// StartService starts a private instance of the named service for the test;
// see testenv.StartService.
func StartService(t testing.TB, name string) map[string]string {
	t.Helper()
	return testenv.StartService(t, name)
}

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	return testenv.FreePort(t)
}

// FreeUDPPort returns a UDP port on 127.0.0.1 that was free a moment ago.
func FreeUDPPort(t testing.TB) int {
	t.Helper()
	return testenv.FreeUDPPort(t)
}

// Addr returns "127.0.0.1:port".
func Addr(port int) string { return testenv.Addr(port) }

// FreeAddr returns a free loopback TCP address "127.0.0.1:port".
func FreeAddr(t testing.TB) string {
	t.Helper()
	return testenv.FreeAddr(t)
}

// RepoRoot returns the repository root.
func RepoRoot() string { return testenv.RepoRoot() }
