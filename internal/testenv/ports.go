package testenv

import (
	"net"
	"os"
	"strconv"
	"sync"
	"testing"
)

// Ports handed out by FreePort come from below Linux's ephemeral range
// (32768-60999), so that no outgoing connection of a test can take one
// between FreePort and the listener that uses it, and each is handed out
// once per process, so parallel tests never get the same one. The start
// depends on the pid, so that packages tested in parallel start apart.
const (
	portLow  = 20000
	portHigh = 32767
)

var (
	portMu   sync.Mutex
	portNext int
)

// FreePort returns a TCP port on 127.0.0.1 that was free a moment ago and
// that this process has not handed out before.
func FreePort(t testing.TB) int {
	t.Helper()
	portMu.Lock()
	defer portMu.Unlock()
	if portNext == 0 {
		portNext = portLow + (os.Getpid()*7919)%(portHigh-portLow+1)
	}
	for range portHigh - portLow + 1 {
		p := portNext
		if portNext++; portNext > portHigh {
			portNext = portLow
		}
		if l, err := net.Listen("tcp", Addr(p)); err == nil {
			_ = l.Close()
			return p
		}
	}
	t.Fatalf("finding a free TCP port: none free in %d-%d", portLow, portHigh)
	return 0
}

// FreeUDPPort returns a UDP port on 127.0.0.1 that was free a moment ago.
func FreeUDPPort(t testing.TB) int {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("finding a free UDP port: %v", err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

// Addr returns "127.0.0.1:port".
func Addr(port int) string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)) }

// FreeAddr returns a free loopback TCP address "127.0.0.1:port".
func FreeAddr(t testing.TB) string { return Addr(FreePort(t)) }
