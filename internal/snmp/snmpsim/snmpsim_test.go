package snmpsim

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParseWalkAndNext(t *testing.T) {
	t.Parallel()
	pdus, err := ParseWalk(strings.NewReader(`# comment
.1.3.6.1.2.1.1.3.0 = Timeticks: (8166) 0:01:21.66
.1.3.6.1.2.1.2.2.1.10.2 = Counter32: 5
.1.3.6.1.2.1.2.2.1.10.10 = Counter32: 7
.1.3.6.1.2.1.31.1.1.1.1.1 = STRING: "lo"
.1.3.6.1.2.1.31.1.1.1.18.1 = ""
.1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 1A 2B
.1.3.6.1.4.1.2021.10.1.6.1 = Opaque: Float: 0.617676
`))
	require.NoError(t, err)
	m := NewMIB(pdus)
	require.Equal(t, 7, m.Len())
	next, ok := m.Next(".1.3.6.1.2.1.2.2.1.10.2")
	require.True(t, ok)
	assert.Equal(t, ".1.3.6.1.2.1.2.2.1.10.10", next.Name, "numeric, not string, order")
	next, ok = m.Next(".1.3.6.1.2.1.2.2.1.6")
	require.True(t, ok)
	assert.Equal(t, []byte{0, 0x1a, 0x2b}, next.Value)
	_, ok = m.Next(".1.3.6.1.4.1.2021.10.1.6.1")
	assert.False(t, ok)
	up, ok := m.Get(".1.3.6.1.2.1.1.3.0")
	require.True(t, ok)
	assert.Equal(t, uint32(8166), up.Value)

	_, err = ParseWalk(strings.NewReader(".1.3 = Bogus: 1\n"))
	require.ErrorContains(t, err, "line 1")
}

func TestResponderAnswersGetBulkAndIgnoresWrongCommunity(t *testing.T) {
	t.Parallel()
	r, err := StartResponder(map[string]*MIB{"dev1": NewMIB(IfMIB(3, 1))}, 1)
	require.NoError(t, err)
	defer r.Close()
	addr := strings.TrimPrefix(r.Endpoint(), "udp://")
	host, port, _ := strings.Cut(addr, ":")
	p, err := strconv.ParseUint(port, 10, 16)
	require.NoError(t, err)
	g := &gosnmp.GoSNMP{Target: host, Port: uint16(p), Community: "dev1", Version: gosnmp.Version2c, Timeout: 2 * time.Second, MaxOids: 60}
	require.NoError(t, g.Connect())
	defer g.Conn.Close()
	pkt, err := g.GetBulk([]string{".1.3.6.1.2.1.31.1.1.1.1"}, 0, 5)
	require.NoError(t, err)
	require.Len(t, pkt.Variables, 5)
	assert.Equal(t, ".1.3.6.1.2.1.31.1.1.1.1.1", pkt.Variables[0].Name)
	assert.Equal(t, []byte("Gi1/0/1"), pkt.Variables[0].Value)

	g.Community, g.Timeout, g.Retries = "wrong", 100*time.Millisecond, 0
	_, err = g.Get([]string{".1.3.6.1.2.1.2.2.1.1.1"})
	require.Error(t, err)
}
