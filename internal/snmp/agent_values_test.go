//go:build integration

package snmp

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/testenv"
)

// snmpValue returns the value of one "OID value" line of snmpget -Oqn.
func snmpValue(t *testing.T, line string) float64 {
	t.Helper()
	_, v, ok := strings.Cut(line, " ")
	require.True(t, ok, line)
	f, err := strconv.ParseFloat(strings.Trim(v, "\""), 64)
	require.NoError(t, err, line)
	return f
}

// TestValuesAgreeWithSnmpget polls the real agent between two snmpget runs
// and checks that sysUpTime, ifHCInOctets of the loopback and hrStorageUsed
// lie between what snmpget saw just before and just after.
func TestValuesAgreeWithSnmpget(t *testing.T) {
	a := requireAgent(t)
	oids := []string{"1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.31.1.1.1.6.1", "1.3.6.1.2.1.25.2.3.1.6.1", "1.3.6.1.2.1.25.2.3.1.4.1"}
	before := a.snmpcmd(t, "snmpget", oids...)
	md, st, err := pollOnce(t, a.v2c(), "system", "if_mib", "host_resources")
	require.NoError(t, err)
	after := a.snmpcmd(t, "snmpget", oids...)
	require.Len(t, before, 4)
	require.Len(t, after, 4)

	up := points(md, "snmp.uptime", "", nil)[""]
	assert.GreaterOrEqual(t, value(up), snmpValue(t, before[0])/100)
	assert.LessOrEqual(t, value(up), snmpValue(t, after[0])/100)

	lo := points(md, "hw.network.io", "hw.id", map[string]string{"network.io.direction": "receive"})["1"]
	assert.GreaterOrEqual(t, value(lo), snmpValue(t, before[1]))
	assert.LessOrEqual(t, value(lo), snmpValue(t, after[1]))
	// Counters start at the agent's boot time, known from sysUpTime.
	assert.InDelta(t, float64(lo.Timestamp()-lo.StartTimestamp())/1e9, value(up), 0.01)

	units := snmpValue(t, after[3])
	used := points(md, "snmp.storage.used", "snmp.storage.index", nil)["1"]
	assert.InDelta(t, snmpValue(t, before[2])*units, value(used), 0.05*snmpValue(t, before[2])*units+units*1024)
	typ, _ := used.Attributes().Get("snmp.storage.type")
	assert.Equal(t, "ram", typ.Str())

	// All columns of a table come in a few GETBULKs, not one walk each.
	assert.LessOrEqual(t, st.PDUs, int64(8), "stats %+v", st)
}

func TestInterfaceAttributesMatchSnmpwalk(t *testing.T) {
	a := requireAgent(t)
	walk := a.snmpcmd(t, "snmpwalk", "1.3.6.1.2.1.31.1.1.1.1")
	md, _, err := pollOnce(t, a.v2c(), "if_mib")
	require.NoError(t, err)
	got := points(md, "hw.network.io", "hw.id", map[string]string{"network.io.direction": "transmit"})
	require.Len(t, got, len(walk))
	for _, line := range walk {
		oid, name, _ := strings.Cut(line, " ")
		idx := oid[strings.LastIndexByte(oid, '.')+1:]
		dp, ok := got[idx]
		require.True(t, ok, "interface %s", idx)
		v, _ := dp.Attributes().Get("hw.name")
		assert.Equal(t, strings.Trim(name, "\""), v.Str())
	}
}

func TestV3AuthPriv(t *testing.T) {
	a := requireAgent(t)
	for _, suffix := range []string{"", "256", "MIX"} {
		t.Run("user"+suffix, func(t *testing.T) {
			conn := a.v3(suffix)
			md, _, err := pollOnce(t, conn, "system")
			require.NoError(t, err, "%s/%s", conn.AuthProtocol, conn.PrivProtocol)
			assert.Equal(t, "test-snmpd", md.ResourceMetrics().At(0).Resource().Attributes().AsRaw()["snmp.sys.name"])
		})
	}
}

// TestAES256KeyExtension finds which AES-256 key extension net-snmp's
// AES-256 uses. With SHA-256 the localized key is already 32 bytes and both
// variants agree; with SHA-1 (20 bytes) the key must be extended, and only
// one variant can interoperate.
func TestAES256KeyExtension(t *testing.T) {
	a := requireAgent(t)
	results := map[string]error{}
	for _, priv := range []string{"AES256", "AES256C"} {
		conn := a.v3("MIX")
		conn.PrivProtocol = priv
		conn.Timeout, conn.Retries = 500*time.Millisecond, 0
		_, _, err := pollOnce(t, conn, "system")
		results[priv] = err
		t.Logf("SHA + %s against net-snmp AES-256: %v", priv, err)
	}
	assert.NoError(t, results[wantAES256])
	assert.Error(t, results[otherAES256])
}

func TestFailuresAreClassified(t *testing.T) {
	a := requireAgent(t)
	short := func(c ConnConfig) ConnConfig { c.Timeout, c.Retries = 300*time.Millisecond, 0; return c }

	wrongCommunity := short(a.v2c())
	wrongCommunity.Community = "not-the-community"
	wrongAuth := short(a.v3(""))
	wrongAuth.AuthPassword = "wrong-password"
	unknownUser := short(a.v3(""))
	unknownUser.User = "nobody"
	wrongPriv := short(a.v3(""))
	wrongPriv.PrivPassword = "wrong-privacy"
	closed := short(a.v2c())
	closed.Endpoint = "udp://127.0.0.1:" + strconv.Itoa(testenv.FreeUDPPort(t))

	for name, tc := range map[string]struct {
		conn ConnConfig
		kind ErrorKind
		text string
	}{
		"wrong community": {wrongCommunity, KindTimeout, "wrong community"},
		"wrong password":  {wrongAuth, KindAuthFailure, "auth_password"},
		"unknown user":    {unknownUser, KindUnknownUser, `"nobody"`},
		"wrong privacy":   {wrongPriv, KindTimeout, "no response"},
		"closed port":     {closed, KindConnectionRefused, "nothing listens"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := pollOnce(t, tc.conn, "system")
			require.Error(t, err)
			assert.Equal(t, tc.kind, KindOf(err), "%v", err)
			assert.Contains(t, err.Error(), tc.text)
			for _, secret := range []string{tc.conn.AuthPassword, tc.conn.PrivPassword, tc.conn.Community} {
				if secret != "" {
					assert.NotContains(t, err.Error(), secret)
				}
			}
		})
	}
}

func TestMissingObjectsArePartial(t *testing.T) {
	a := requireAgent(t)
	md, _, err := pollOnce(t, a.v2c(), "system", "entity_sensor")
	require.Error(t, err)
	assert.Equal(t, KindNoSuchObject, KindOf(err))
	assert.Contains(t, err.Error(), "entPhySensorTable")
	assert.Positive(t, md.DataPointCount())
}

func TestV1GetNext(t *testing.T) {
	a := requireAgent(t)
	v1 := a.v2c()
	v1.Version = "v1"
	md1, st1, err := pollOnce(t, v1, "if_mib", "host_resources")
	require.NoError(t, err)
	md2, _, err := pollOnce(t, a.v2c(), "if_mib", "host_resources")
	require.NoError(t, err)
	assert.Equal(t, md2.DataPointCount(), md1.DataPointCount())
	assert.Greater(t, st1.PDUs, int64(3))
}

func TestPollerKeepsCounterStartAcrossPolls(t *testing.T) {
	a := requireAgent(t)
	p, err := NewPoller(Device{Conn: a.v2c(), Profiles: mustProfiles(t, "if_mib"), ScopeName: "test"})
	require.NoError(t, err)
	defer p.Close()
	md1, _, err := p.Poll(context.Background(), time.Now())
	require.NoError(t, err)
	md2, _, err := p.Poll(context.Background(), time.Now())
	require.NoError(t, err)
	first := points(md1, "hw.network.io", "hw.id", map[string]string{"network.io.direction": "receive"})
	second := points(md2, "hw.network.io", "hw.id", map[string]string{"network.io.direction": "receive"})
	for idx, dp := range first {
		assert.Equal(t, dp.StartTimestamp(), second[idx].StartTimestamp(), "interface %s", idx)
		assert.GreaterOrEqual(t, value(second[idx]), value(dp))
	}
}

// The AES-256 variant that net-snmp 5.9 (Debian 12) speaks, as
// TestAES256KeyExtension checks.
const wantAES256, otherAES256 = "AES256", "AES256C"

// TestTransports polls the agent over TCP and over IPv6 UDP.
func TestTransports(t *testing.T) {
	a := requireAgent(t)
	endpoints := map[string]string{"tcp": a.env["ENDPOINT_TCP"]}
	if e := a.env["ENDPOINT_UDP6"]; e != "" {
		endpoints["udp6"] = e
	} else {
		t.Log("the loopback has no ::1 here: IPv6 not checked")
	}
	for name, endpoint := range endpoints {
		t.Run(name, func(t *testing.T) {
			require.NotEmpty(t, endpoint)
			for _, conn := range []ConnConfig{a.v2c(), a.v3("256")} {
				conn.Endpoint = endpoint
				md, _, err := pollOnce(t, conn, "system", "if_mib")
				require.NoError(t, err, "%s %s", conn.Version, endpoint)
				assert.Equal(t, "test-snmpd", md.ResourceMetrics().At(0).Resource().Attributes().AsRaw()["snmp.sys.name"])
				assert.NotEmpty(t, points(md, "hw.network.io", "hw.id", nil))
			}
		})
	}
}

// TestV1MissingScalar checks that SNMPv1's noSuchName, which fails a whole
// GET, only drops the missing object.
func TestV1MissingScalar(t *testing.T) {
	a := requireAgent(t)
	missing, err := ParseProfile([]byte(`
name: missing
scalars:
  - {oid: 1.3.6.1.2.1.25.1.6.0, name: system.process.count, unit: "{process}", type: gauge}
  - {oid: 1.3.6.1.4.1.99999.1.0, name: not.there, unit: "1", type: gauge}
  - {oid: 1.3.6.1.2.1.25.1.5.0, name: snmp.host.users, unit: "{user}", type: gauge}
`))
	require.NoError(t, err)
	for _, version := range []string{"v1", "v2c"} {
		conn := a.v2c()
		conn.Version = version
		p, err := NewPoller(Device{Conn: conn, Profiles: append(mustProfiles(t, "system"), missing), ScopeName: "test"})
		require.NoError(t, err)
		md, _, err := p.Poll(context.Background(), time.Now())
		p.Close()
		require.NoError(t, err, version)
		assert.Len(t, points(md, "system.process.count", "", nil), 1, version)
		assert.Len(t, points(md, "snmp.host.users", "", nil), 1, version)
		assert.Empty(t, points(md, "not.there", "", nil), version)
		assert.Equal(t, "test-snmpd", md.ResourceMetrics().At(0).Resource().Attributes().AsRaw()["snmp.sys.name"], version)
	}
}

// TestAgentRestartStartsNewSeries restarts a private agent between polls:
// sysUpTime goes back, so every counter series starts again at the new
// boot time instead of reporting a drop.
func TestAgentRestartStartsNewSeries(t *testing.T) {
	a := agent{env: testenv.StartService(t, "snmpd")}
	p, err := NewPoller(Device{Conn: a.v2c(), Profiles: mustProfiles(t, "system", "if_mib"), ScopeName: "test"})
	require.NoError(t, err)
	defer p.Close()
	lo := map[string]string{"network.io.direction": "receive"}

	md1, _, err := p.Poll(context.Background(), time.Now())
	require.NoError(t, err)
	before := points(md1, "hw.network.io", "hw.id", lo)["1"]

	// Let the old agent run long enough for its boot time to differ.
	time.Sleep(2500 * time.Millisecond)
	out, err := exec.Command(filepath.Join(testenv.RepoRoot(), "tests", "services", "snmpd.sh"), "restart", a.env["DIR"]).CombinedOutput()
	require.NoError(t, err, "%s", out)

	var md2 pmetric.Metrics
	require.Eventually(t, func() bool {
		md2, _, err = p.Poll(context.Background(), time.Now())
		return err == nil
	}, 10*time.Second, 100*time.Millisecond)
	after := points(md2, "hw.network.io", "hw.id", lo)["1"]
	uptime := value(points(md2, "snmp.uptime", "", nil)[""])
	assert.Less(t, uptime, 1.5, "the agent restarted")
	assert.Greater(t, after.StartTimestamp(), before.StartTimestamp(), "a new series started")
	assert.InDelta(t, float64(after.Timestamp()-after.StartTimestamp())/1e9, uptime, 0.05, "it starts at the new boot time")
}
