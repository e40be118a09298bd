package snmp

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCancelEndsAPendingPoll cancels a poll of a silent agent long before its
// timeout: the poll returns at once.
func TestCancelEndsAPendingPoll(t *testing.T) {
	t.Parallel()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	defer c.Close()
	conn := ConnConfig{Endpoint: "udp://" + c.LocalAddr().String(), Version: "v2c", Community: "public",
		Timeout: time.Minute, Retries: 0, MaxRepetitions: 10, MaxOIDsPerRequest: 10}
	p, err := NewPoller(Device{Conn: conn, Profiles: mustProfiles(t, "system")})
	require.NoError(t, err)
	defer p.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := p.Poll(ctx, time.Now())
		done <- err
	}()
	buf := make([]byte, 1500)
	_, _, err = c.ReadFromUDP(buf) // the request arrived: the poll now waits
	require.NoError(t, err)
	cancel()
	select {
	case err := <-done:
		require.Error(t, err)
	case <-time.After(30 * time.Second):
		t.Fatal("poll did not end after cancel")
	}
}
