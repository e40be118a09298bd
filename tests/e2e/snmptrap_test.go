//go:build integration

package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

const (
	trapCommunity    = "e2e-trap-community"
	trapSenderEngine = "0x8000000001020304"
)

// snmptrapConfig has a UDP and a TCP snmptrap receiver; the community and
// the v3 passwords come from the environment.
func snmptrapConfig(udpAddr, tcpAddr, sink, extra string, processors ...string) string {
	return harness.SinkConfig(fmt.Sprintf(`receivers:
  snmptrap:
    endpoint: %s
    communities: ["${env:TRAP_COMMUNITY}"]
    users:
      - user: trapuser
        security_level: auth_priv
        auth_protocol: SHA256
        auth_password: ${env:TRAP_AUTH}
        priv_protocol: AES256
        priv_password: ${env:TRAP_PRIV}
        engine_ids: ["%s"]
      - user: shauser
        security_level: auth_priv
        auth_protocol: SHA
        auth_password: ${env:TRAP_AUTH}
        priv_protocol: AES
        priv_password: ${env:TRAP_PRIV}
        engine_ids: ["%s"]
    severity: {"1.3.6.1.6.3.1.1.5.4": debug}
%s
  snmptrap/tcp:
    endpoint: %s
    transport: tcp
    communities: ["${env:TRAP_COMMUNITY}"]
    users:
      - user: trapuser
        security_level: auth_priv
        auth_protocol: SHA256
        auth_password: ${env:TRAP_AUTH}
        priv_protocol: AES256
        priv_password: ${env:TRAP_PRIV}
    severity: {"1.3.6.1.6.3.1.1.5.4": debug}
processors:
  batch:
`, udpAddr, trapSenderEngine, trapSenderEngine, extra, tcpAddr), sink,
		harness.Pipeline{Signal: "logs", Receivers: []string{"snmptrap", "snmptrap/tcp"}, Processors: processors})
}

func trapTools(t *testing.T) []string {
	t.Helper()
	env := harness.RequireService(t, "snmptools")
	return append(os.Environ(), "SNMPCONFPATH="+env["SNMPCONFPATH"], "SNMP_PERSISTENT_DIR="+t.TempDir())
}

func runTool(t *testing.T, env []string, tool string, args ...string) error {
	t.Helper()
	cmd := exec.Command(tool, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w: %s", tool, strings.Join(args, " "), err, out)
	}
	return nil
}

type trapRecord struct {
	body     string
	severity plog.SeverityNumber
	sevText  string
	event    string
	attrs    map[string]any
}

func trapRecords(sink *harness.Sink) []trapRecord {
	var out []trapRecord
	for _, ld := range sink.Logs.AllLogs() {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sls := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					lr := lrs.At(k)
					out = append(out, trapRecord{
						body: lr.Body().Str(), severity: lr.SeverityNumber(), sevText: lr.SeverityText(),
						event: lr.EventName(), attrs: lr.Attributes().AsRaw(),
					})
				}
			}
		}
	}
	return out
}

func TestSnmptrapNetSNMP(t *testing.T) {
	tools := trapTools(t)
	sink := harness.StartSink(t)
	udpAddr := harness.Addr(harness.FreeUDPPort(t))
	tcpAddr := harness.FreeAddr(t)
	c := harness.StartCollector(t, snmptrapConfig(udpAddr, tcpAddr, sink.GRPCEndpoint, ""),
		"TRAP_COMMUNITY="+trapCommunity, "TRAP_AUTH=e2e-auth-pass", "TRAP_PRIV=e2e-priv-pass")

	linkDown := []string{"1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.31.1.1.1.1.3", "s", "Gi0/3", "1.3.6.1.2.1.2.2.1.8.3", "i", "2"}
	v3 := func(user, a, x string) []string {
		return []string{"-v3", "-u", user, "-l", "authPriv", "-a", a, "-A", "e2e-auth-pass", "-x", x, "-X", "e2e-priv-pass"}
	}
	type sent struct {
		tool, version, pdu, transport, oid, name string
		args                                     []string
	}
	cases := []sent{
		{"snmptrap", "v1", "trap", "udp", "1.3.6.1.6.3.1.1.5.3", "linkDown",
			append([]string{"-v1", "-c", trapCommunity, udpAddr, "1.3.6.1.4.1.8072.3.2.10", "10.0.0.1", "2", "0", "4711"}, linkDown...)},
		{"snmptrap", "v2c", "trap", "udp", "1.3.6.1.6.3.1.1.5.3", "linkDown",
			append([]string{"-v2c", "-c", trapCommunity, udpAddr, "4711", "1.3.6.1.6.3.1.1.5.3"}, linkDown...)},
		{"snmpinform", "v2c", "inform", "udp", "1.3.6.1.6.3.1.1.5.4", "linkUp",
			append([]string{"-v2c", "-c", trapCommunity, "-t", "3", "-r", "1", udpAddr, "4711", "1.3.6.1.6.3.1.1.5.4"}, linkDown...)},
		{"snmptrap", "v3", "trap", "udp", "1.3.6.1.6.3.1.1.5.3", "linkDown",
			append(append(v3("shauser", "SHA", "AES"), "-e", trapSenderEngine, udpAddr, "4711", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
		{"snmptrap", "v3", "trap", "udp", "1.3.6.1.6.3.1.1.5.3", "linkDown",
			append(append(v3("trapuser", "SHA-256", "AES-256"), "-e", trapSenderEngine, udpAddr, "4711", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
		{"snmpinform", "v3", "inform", "udp", "1.3.6.1.6.3.1.1.5.4", "linkUp",
			append(append(v3("shauser", "SHA", "AES"), "-t", "3", "-r", "1", udpAddr, "4711", "1.3.6.1.6.3.1.1.5.4"), linkDown...)},
		{"snmpinform", "v3", "inform", "udp", "1.3.6.1.6.3.1.1.5.4", "linkUp",
			append(append(v3("trapuser", "SHA-256", "AES-256"), "-t", "3", "-r", "1", udpAddr, "4711", "1.3.6.1.6.3.1.1.5.4"), linkDown...)},
		{"snmptrap", "v2c", "trap", "tcp", "1.3.6.1.6.3.1.1.5.3", "linkDown",
			append([]string{"-v2c", "-c", trapCommunity, "tcp:" + tcpAddr, "4711", "1.3.6.1.6.3.1.1.5.3"}, linkDown...)},
		{"snmpinform", "v2c", "inform", "tcp", "1.3.6.1.6.3.1.1.5.4", "linkUp",
			append([]string{"-v2c", "-c", trapCommunity, "-t", "3", "-r", "1", "tcp:" + tcpAddr, "4711", "1.3.6.1.6.3.1.1.5.4"}, linkDown...)},
		{"snmpinform", "v3", "inform", "tcp", "1.3.6.1.6.3.1.1.5.4", "linkUp",
			append(append(v3("trapuser", "SHA-256", "AES-256"), "-t", "3", "-r", "1", "tcp:"+tcpAddr, "4711", "1.3.6.1.6.3.1.1.5.4"), linkDown...)},
	}
	for i, s := range cases {
		// snmpinform exits 0 only when the collector acknowledged it.
		require.NoError(t, runTool(t, tools, s.tool, s.args...), "case %d", i)
		require.Eventually(t, func() bool { return len(trapRecords(sink)) == i+1 }, 15*time.Second, 20*time.Millisecond, "case %d", i)
		got := trapRecords(sink)[i]
		what := fmt.Sprintf("case %d (%s %s %s)", i, s.version, s.pdu, s.transport)
		wantSev, wantText := plog.SeverityNumberWarn, "WARN"
		if s.name == "linkUp" {
			wantSev, wantText = plog.SeverityNumberDebug, "DEBUG" // from the severity map
		}
		assert.Equal(t, "snmp.trap", got.event, what)
		assert.Equal(t, wantSev, got.severity, what)
		assert.Equal(t, wantText, got.sevText, what)
		assert.Equal(t, s.name+" from 127.0.0.1: ifIndex=3 ifName=Gi0/3 ifOperStatus=down"+v1Suffix(s.version), got.body, what)
		a := got.attrs
		port, ok := a["network.peer.port"].(int64)
		assert.True(t, ok && port > 0 && port < 65536, "%s: port %v", what, a["network.peer.port"])
		want := map[string]any{
			"snmp.trap.oid": s.oid, "snmp.trap.name": s.name, "snmp.version": s.version, "snmp.pdu.type": s.pdu,
			"network.peer.address": "127.0.0.1", "network.peer.port": port,
			"sysUpTime": int64(4711), "ifIndex": int64(3), "ifName": "Gi0/3", "ifOperStatus": int64(2),
		}
		if s.version == "v1" {
			want["snmpTrapAddress"] = "10.0.0.1"
			want["snmpTrapEnterprise"] = "1.3.6.1.4.1.8072.3.2.10"
		}
		assert.Equal(t, want, a, what)
		for k, v := range a {
			assert.NotContains(t, fmt.Sprint(v), trapCommunity, "%s: attribute %s holds the community", what, k)
		}
	}
	assert.Equal(t, float64(len(cases)), c.Metric(t, "otelcol_receiver_snmptrap_traps_accepted", nil))

	// Refused senders: each reason is counted per message and logged once.
	bad := []struct {
		reason string
		tool   string
		args   []string
	}{
		{"unknown_community", "snmptrap", append([]string{"-v2c", "-c", "wrong-community", udpAddr, "", "1.3.6.1.6.3.1.1.5.3"}, linkDown...)},
		{"unknown_user", "snmptrap", append(append([]string{"-v3", "-u", "mallory", "-l", "authPriv", "-a", "SHA", "-A", "e2e-auth-pass", "-x", "AES", "-X", "e2e-priv-pass"}, "-e", trapSenderEngine, udpAddr, "", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
		{"wrong_digest", "snmptrap", append(append([]string{"-v3", "-u", "shauser", "-l", "authPriv", "-a", "SHA", "-A", "not-the-auth-pass", "-x", "AES", "-X", "e2e-priv-pass"}, "-e", trapSenderEngine, udpAddr, "", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
		{"decryption_error", "snmptrap", append(append([]string{"-v3", "-u", "shauser", "-l", "authPriv", "-a", "SHA", "-A", "e2e-auth-pass", "-x", "AES", "-X", "not-the-priv-pass"}, "-e", trapSenderEngine, udpAddr, "", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
		{"unknown_engine_id", "snmptrap", append(append([]string{"-v3", "-u", "shauser", "-l", "authPriv", "-a", "SHA", "-A", "e2e-auth-pass", "-x", "AES", "-X", "e2e-priv-pass"}, "-e", "0x8000000009090909", udpAddr, "", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
		{"unsupported_security_level", "snmptrap", append(append([]string{"-v3", "-u", "shauser", "-l", "authNoPriv", "-a", "SHA", "-A", "e2e-auth-pass"}, "-e", trapSenderEngine, udpAddr, "", "1.3.6.1.6.3.1.1.5.3"), linkDown...)},
	}
	for _, b := range bad {
		for range 3 {
			require.NoError(t, runTool(t, tools, b.tool, b.args...))
		}
		require.Eventually(t, func() bool {
			return c.Metric(t, "otelcol_receiver_snmptrap_messages_dropped", map[string]string{"reason": b.reason}) == 3
		}, 10*time.Second, 50*time.Millisecond, b.reason)
		assert.Equal(t, 1, strings.Count(c.Output(), `"reason": "`+b.reason+`"`), "%s: one log line per source and reason per minute\n%s", b.reason, c.Output())
	}
	assert.Len(t, trapRecords(sink), len(cases), "refused traps never reach the pipeline")
	assert.NotContains(t, c.Output(), "wrong-community")
	assert.NotContains(t, c.Output(), trapCommunity)
}

func v1Suffix(version string) string {
	if version == "v1" {
		return " snmpTrapAddress=10.0.0.1 snmpTrapEnterprise=1.3.6.1.4.1.8072.3.2.10"
	}
	return ""
}

// TestSnmptrapLoad sends v2c traps at 10k/s for 3 s, a tenth with a wrong
// community, and checks that the internal metrics account for every one.
func TestSnmptrapLoad(t *testing.T) {
	sink := harness.StartSink(t)
	udpAddr := harness.Addr(harness.FreeUDPPort(t))
	c := harness.StartCollector(t, snmptrapConfig(udpAddr, harness.FreeAddr(t), sink.GRPCEndpoint, "    rate_limit: {per_source: \"0\"}", "batch"),
		"TRAP_COMMUNITY="+trapCommunity, "TRAP_AUTH=e2e-auth-pass", "TRAP_PRIV=e2e-priv-pass")
	good := v2cTrapBytes(trapCommunity)
	bad := v2cTrapBytes("wrong-community")
	conn, err := net.Dial("udp", udpAddr)
	require.NoError(t, err)
	defer conn.Close()
	const rate, seconds = 10000, 3
	sent, sentBad := 0, 0
	cpu0 := c.Metric(t, "otelcol_process_cpu_seconds", nil)
	start := time.Now()
	for sent < rate*seconds {
		// Pace by the clock: catch up to where 10k/s should be.
		due := min(int(time.Since(start).Seconds()*rate)+1, rate*seconds)
		for ; sent < due; sent++ {
			msg := good
			if sent%10 == 9 {
				msg, sentBad = bad, sentBad+1
			}
			_, err := conn.Write(msg)
			require.NoError(t, err)
		}
		time.Sleep(time.Millisecond)
	}
	elapsed := time.Since(start)
	t.Logf("sent %d traps in %s (%.0f/s), %d with a wrong community", sent, elapsed, float64(sent)/elapsed.Seconds(), sentBad)
	var received, accepted, dropped float64
	require.Eventually(t, func() bool {
		text := c.MetricsText(t)
		received = harness.SumSamples(text, "otelcol_receiver_snmptrap_messages_received", nil)
		accepted = harness.SumSamples(text, "otelcol_receiver_snmptrap_traps_accepted", nil)
		dropped = harness.SumSamples(text, "otelcol_receiver_snmptrap_messages_dropped", nil)
		return accepted+dropped == float64(sent)
	}, 30*time.Second, 200*time.Millisecond, "accepted+dropped must add up to what was sent (kernel drops would show here)")
	cpu := c.Metric(t, "otelcol_process_cpu_seconds", nil) - cpu0
	t.Logf("received %.0f accepted %.0f dropped %.0f; collector CPU %.2f s = %.1f µs per trap (%.0f traps per CPU-second, OTLP export included)",
		received, accepted, dropped, cpu, cpu/float64(sent)*1e6, float64(sent)/cpu)
	assert.Equal(t, float64(sent), received)
	assert.Equal(t, float64(sentBad), c.Metric(t, "otelcol_receiver_snmptrap_messages_dropped", map[string]string{"reason": "unknown_community"}))
	require.Eventually(t, func() bool { return float64(sink.Logs.LogRecordCount()) == accepted }, 30*time.Second, 100*time.Millisecond)
}

// distribution/snmptrap.yaml merged over the default config stores traps
// from net-snmp in the local store.
func TestSnmptrapOverlayIntoLocalStore(t *testing.T) {
	tools := trapTools(t)
	base := readDistributionConfig(t, "config.yaml")
	overlay := readDistributionConfig(t, "snmptrap.yaml")
	api := harness.FreeAddr(t)
	trapAddr := harness.Addr(harness.FreeUDPPort(t))
	c := harness.NewCollector(t, base,
		"EMS_OTLP_GRPC_ENDPOINT="+harness.FreeAddr(t),
		"EMS_OTLP_HTTP_ENDPOINT="+harness.FreeAddr(t),
		"EMS_LOCAL_STORE_ENDPOINT="+api,
		"EMS_TRAP_ENDPOINT="+trapAddr,
		"EMS_TRAP_COMMUNITY="+trapCommunity)
	overlayPath := filepath.Join(c.Dir, "snmptrap.yaml")
	require.NoError(t, os.WriteFile(overlayPath, []byte(overlay), 0o600))
	c.Args = []string{"--config", overlayPath}
	c.Start(t)

	require.NoError(t, runTool(t, tools, "snmpinform", "-v2c", "-c", trapCommunity, "-t", "3", "-r", "1", trapAddr, "4711",
		"1.3.6.1.6.3.1.1.5.3", "1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.2.2.1.8.3", "i", "2"))
	var page struct {
		Count int             `json:"count"`
		Data  json.RawMessage `json:"data"`
	}
	require.Eventually(t, func() bool {
		return getJSON(t, "http://"+api+"/api/v1/logs?q=linkDown", &page) == 200 && page.Count == 1
	}, 30*time.Second, 200*time.Millisecond, "the trap is stored")
	rec := string(page.Data)
	assert.Contains(t, rec, "linkDown from 127.0.0.1: ifIndex=3 ifOperStatus=down")
	assert.Contains(t, rec, `"eventName":"snmp.trap"`)
	assert.Contains(t, rec, `{"key":"network.peer.address","value":{"stringValue":"127.0.0.1"}}`, "masking leaves the sender's address")
	assert.NotContains(t, c.Output(), trapCommunity)
}

// TestSnmptrapRateLimit floods from one source: the bucket lets the burst
// and the sustained rate through, counts the rest, and logs it once.
func TestSnmptrapRateLimit(t *testing.T) {
	sink := harness.StartSink(t)
	udpAddr := harness.Addr(harness.FreeUDPPort(t))
	c := harness.StartCollector(t, snmptrapConfig(udpAddr, harness.FreeAddr(t), sink.GRPCEndpoint, "    rate_limit: {per_source: 100/s, burst: 200}", "batch"),
		"TRAP_COMMUNITY="+trapCommunity, "TRAP_AUTH=e2e-auth-pass", "TRAP_PRIV=e2e-priv-pass")
	conn, err := net.Dial("udp", udpAddr)
	require.NoError(t, err)
	defer conn.Close()
	msg := v2cTrapBytes(trapCommunity)
	const sent = 3000
	start := time.Now()
	for i := range sent {
		_, err := conn.Write(msg)
		require.NoError(t, err)
		if i%100 == 99 {
			time.Sleep(time.Millisecond) // stay within the socket buffer
		}
	}
	elapsed := time.Since(start)
	var accepted, limited float64
	require.Eventually(t, func() bool {
		text := c.MetricsText(t)
		accepted = harness.SumSamples(text, "otelcol_receiver_snmptrap_traps_accepted", nil)
		limited = harness.SumSamples(text, "otelcol_receiver_snmptrap_messages_dropped", map[string]string{"reason": "rate_limited"})
		return accepted+limited == sent
	}, 30*time.Second, 200*time.Millisecond)
	t.Logf("sent %d in %s: accepted %.0f, rate_limited %.0f", sent, elapsed, accepted, limited)
	assert.GreaterOrEqual(t, accepted, 200.0, "the burst passes")
	assert.LessOrEqual(t, accepted, 200+100*elapsed.Seconds()+1, "no more than burst + rate × time")
	assert.Equal(t, 1, strings.Count(c.Output(), `"reason": "rate_limited"`), "logged once")
	require.Eventually(t, func() bool { return float64(sink.Logs.LogRecordCount()) == accepted }, 30*time.Second, 100*time.Millisecond)
}
