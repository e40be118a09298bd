package snmptrap

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

func dialUDP(t *testing.T, srv *Server) *net.UDPConn {
	t.Helper()
	c, err := net.DialUDP("udp", nil, srv.Addr().(*net.UDPAddr))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestServerUDPTrapAndInform(t *testing.T) {
	t.Parallel()
	srv, col, cnt := startServer(t, "udp", DecoderSettings{Communities: []string{"s3cret"}}, nil)
	c := dialUDP(t, srv)
	_, err := c.Write(v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars))
	require.NoError(t, err)
	_, err = c.Write(v2cMessage(t, "s3cret", gosnmp.InformRequest, linkDownVars))
	require.NoError(t, err)
	traps := col.wait(t, 2)
	assert.Equal(t, uint16(c.LocalAddr().(*net.UDPAddr).Port), traps[0].Source.Port())
	assert.Equal(t, "127.0.0.1", traps[0].Source.Addr().String())

	// The inform is acknowledged once delivered.
	require.NoError(t, c.SetReadDeadline(time.Now().Add(5*time.Second)))
	buf := make([]byte, 65535)
	n, err := c.Read(buf)
	require.NoError(t, err)
	p, err := (&gosnmp.GoSNMP{}).SnmpDecodePacket(buf[:n])
	require.NoError(t, err)
	assert.Equal(t, gosnmp.GetResponse, p.PDUType)
	assert.Equal(t, uint32(4242), p.RequestID)
	require.Eventually(t, func() bool { r, a, _ := cnt.get(); return r == 2 && a == 2 }, 5*time.Second, 5*time.Millisecond)
}

func TestServerNoAckWhenPipelineRefuses(t *testing.T) {
	t.Parallel()
	srv, col, cnt := startServer(t, "udp", DecoderSettings{Communities: []string{"s3cret"}}, nil)
	col.mu.Lock()
	col.err = errors.New("backend down")
	col.mu.Unlock()
	c := dialUDP(t, srv)
	_, err := c.Write(v2cMessage(t, "s3cret", gosnmp.InformRequest, linkDownVars))
	require.NoError(t, err)
	require.Eventually(t, func() bool { _, _, d := cnt.get(); return d[ReasonPipelineRefused] == 1 }, 5*time.Second, 5*time.Millisecond)
	require.NoError(t, c.SetReadDeadline(time.Now().Add(300*time.Millisecond)))
	_, err = c.Read(make([]byte, 1500))
	var ne net.Error
	require.ErrorAs(t, err, &ne, "no acknowledgement for a refused inform")
	assert.True(t, ne.Timeout())
}

func TestServerTCPFramingAndAck(t *testing.T) {
	t.Parallel()
	srv, col, cnt := startServer(t, "tcp", DecoderSettings{Communities: []string{"s3cret"}}, nil)
	c, err := net.Dial("tcp", srv.Addr().String())
	require.NoError(t, err)
	defer c.Close()
	// Two messages in one write, then one split across writes.
	two := append(v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars), v2cMessage(t, "s3cret", gosnmp.InformRequest, linkDownVars)...)
	_, err = c.Write(two)
	require.NoError(t, err)
	third := v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars)
	_, err = c.Write(third[:5])
	require.NoError(t, err)
	time.Sleep(20 * time.Millisecond)
	_, err = c.Write(third[5:])
	require.NoError(t, err)
	col.wait(t, 3)
	require.NoError(t, c.SetReadDeadline(time.Now().Add(5*time.Second)))
	ack, err := readFrame(bufio.NewReader(c))
	require.NoError(t, err)
	p, err := (&gosnmp.GoSNMP{}).SnmpDecodePacket(ack)
	require.NoError(t, err)
	assert.Equal(t, gosnmp.GetResponse, p.PDUType)
	require.Eventually(t, func() bool { _, a, _ := cnt.get(); return a >= 3 }, 5*time.Second, 5*time.Millisecond)
	r, a, _ := cnt.get()
	assert.Equal(t, int64(3), r)
	assert.Equal(t, int64(3), a)
}

func TestServerRateLimitAndNetworks(t *testing.T) {
	t.Parallel()
	srv, col, cnt := startServer(t, "udp", DecoderSettings{Communities: []string{"s3cret"}}, func(s *Settings) {
		s.RatePerSource, s.Burst = 0.001, 5
	})
	c := dialUDP(t, srv)
	msg := v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars)
	for range 20 {
		_, err := c.Write(msg)
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { r, _, _ := cnt.get(); return r == 20 }, 5*time.Second, 5*time.Millisecond)
	col.wait(t, 5)
	// The accepted counter moves after the consumer returns: wait for it.
	require.Eventually(t, func() bool { _, a, _ := cnt.get(); return a >= 5 }, 5*time.Second, 5*time.Millisecond)
	_, a, d := cnt.get()
	assert.Equal(t, int64(5), a)
	assert.Equal(t, int64(15), d[ReasonRateLimited])

	srv2, _, cnt2 := startServer(t, "udp", DecoderSettings{Communities: []string{"s3cret"}}, func(s *Settings) {
		s.AllowedNetworks = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	})
	c2 := dialUDP(t, srv2)
	_, err := c2.Write(msg)
	require.NoError(t, err)
	require.Eventually(t, func() bool { _, _, d := cnt2.get(); return d[ReasonNetworkNotAllowed] == 1 }, 5*time.Second, 5*time.Millisecond)
}

func TestServerLogsOncePerSourceAndReason(t *testing.T) {
	t.Parallel()
	core, logs := observer.New(zap.WarnLevel)
	srv, _, cnt := startServer(t, "udp", DecoderSettings{Communities: []string{"s3cret"}}, func(s *Settings) {
		s.Logger = zap.New(core)
	})
	c := dialUDP(t, srv)
	for range 10 {
		_, err := c.Write(v2cMessage(t, "public", gosnmp.SNMPv2Trap, linkDownVars))
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { _, _, d := cnt.get(); return d[ReasonUnknownCommunity] == 10 }, 5*time.Second, 5*time.Millisecond)
	entries := logs.FilterField(zap.String("reason", "unknown_community")).All()
	require.Len(t, entries, 1)
	assert.Equal(t, "127.0.0.1", entries[0].ContextMap()["source"])
	for _, e := range logs.All() {
		for _, v := range e.ContextMap() {
			assert.NotContains(t, v, "public")
		}
	}
}

// floodBlockedServer sends n traps to a server whose consumer blocks until
// they have all been read, then lets it drain and returns the counts.
func floodBlockedServer(t *testing.T, n, queueSize int, queueBytes int64) (accepted int64, dropped map[Reason]int64) {
	t.Helper()
	block := make(chan struct{})
	d, err := NewDecoder(DecoderSettings{Communities: []string{"s3cret"}, EngineID: testEngineID}, time.Now())
	require.NoError(t, err)
	cnt := &counts{}
	srv, err := NewServer(Settings{
		Endpoint: "127.0.0.1:0", Transport: "udp", Decoder: d, QueueSize: queueSize, QueueBytes: queueBytes, Workers: 1, MaxBatch: 1,
		Consumer: func(ctx context.Context, _ []*Trap) error {
			select {
			case <-block:
			case <-ctx.Done():
			}
			return nil
		},
		Hooks: cnt.hooks(),
	})
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	c := dialUDP(t, srv)
	msg := v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars)
	for range n {
		_, err := c.Write(msg)
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { r, _, _ := cnt.get(); return r == int64(n) }, 5*time.Second, 5*time.Millisecond)
	close(block)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, srv.Shutdown(ctx))
	_, a, dr := cnt.get()
	require.Equal(t, int64(n), a+dr[ReasonQueueFull], "every message is accepted or counted as dropped")
	return a, dr
}

func TestServerQueueFull(t *testing.T) {
	t.Parallel()
	accepted, dropped := floodBlockedServer(t, 50, 4, 0)
	assert.Positive(t, dropped[ReasonQueueFull])
	assert.LessOrEqual(t, accepted, int64(5), "one in the consumer and four queued")
}

func TestServerQueueBytes(t *testing.T) {
	t.Parallel()
	size := int64(len(v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars)))
	accepted, _ := floodBlockedServer(t, 20, 1000, 3*size)
	assert.LessOrEqual(t, accepted, int64(4), "one in the consumer and three bytes' worth queued")
}

func TestShutdownWithoutStart(t *testing.T) {
	t.Parallel()
	d, err := NewDecoder(DecoderSettings{EngineID: testEngineID}, time.Now())
	require.NoError(t, err)
	srv, err := NewServer(Settings{Endpoint: "127.0.0.1:0", Transport: "udp", Decoder: d, Consumer: func(context.Context, []*Trap) error { return nil }})
	require.NoError(t, err)
	require.NoError(t, srv.Shutdown(context.Background()))
	require.NoError(t, srv.Shutdown(context.Background()))
}

func TestServerIPv6(t *testing.T) {
	t.Parallel()
	probe, err := net.ListenPacket("udp6", "[::1]:0")
	if err != nil {
		t.Fatalf("IPv6 loopback is required: %v", err)
	}
	_ = probe.Close()
	srv, col, _ := startServer(t, "udp", DecoderSettings{Communities: []string{"s3cret"}}, func(s *Settings) { s.Endpoint = "[::1]:0" })
	c, err := net.DialUDP("udp6", nil, srv.Addr().(*net.UDPAddr))
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Write(v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars))
	require.NoError(t, err)
	traps := col.wait(t, 1)
	assert.Equal(t, "::1", traps[0].Source.Addr().String())
	assert.Contains(t, traps[0].Body, "linkDown from ::1:")
}
