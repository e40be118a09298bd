//go:build integration

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.yaml.in/yaml/v3"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// snmpGet reads objects from the agent with net-snmp's snmpget (v2c) and
// returns their numeric values in order.
func snmpGet(t *testing.T, env map[string]string, oids ...string) []float64 {
	t.Helper()
	args := append([]string{"-v2c", "-c", env["COMMUNITY"], "-Oqvt", "127.0.0.1:" + env["PORT"]}, oids...)
	cmd := exec.Command("snmpget", args...)
	cmd.Env = append(os.Environ(), "SNMPCONFPATH="+env["DIR"])
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "snmpget: %s", out)
	var vals []float64
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		v, err := strconv.ParseFloat(strings.Fields(line)[0], 64)
		require.NoError(t, err, line)
		vals = append(vals, v)
	}
	return vals
}

// snmpView is what the sink holds for one target: resource attributes and
// every data point by metric name.
type snmpView struct {
	resource map[string]any
	points   map[string][]pmetric.NumberDataPoint
}

func snmpTargets(md []pmetric.Metrics) map[string]snmpView {
	out := map[string]snmpView{}
	for _, m := range md {
		for i := 0; i < m.ResourceMetrics().Len(); i++ {
			rm := m.ResourceMetrics().At(i)
			target, ok := rm.Resource().Attributes().Get("snmp.target")
			if !ok {
				continue
			}
			v := snmpView{resource: rm.Resource().Attributes().AsRaw(), points: map[string][]pmetric.NumberDataPoint{}}
			ms := rm.ScopeMetrics().At(0).Metrics()
			for k := 0; k < ms.Len(); k++ {
				dps := pmetric.NewNumberDataPointSlice()
				switch ms.At(k).Type() {
				case pmetric.MetricTypeSum:
					dps = ms.At(k).Sum().DataPoints()
				case pmetric.MetricTypeGauge:
					dps = ms.At(k).Gauge().DataPoints()
				}
				for d := 0; d < dps.Len(); d++ {
					v.points[ms.At(k).Name()] = append(v.points[ms.At(k).Name()], dps.At(d))
				}
			}
			if prev, ok := out[target.Str()]; ok && len(v.points) < len(prev.points) && v.points["snmp.up"] == nil {
				continue
			}
			// Keep the latest poll of each target, and count its polls.
			out[target.Str()] = v
		}
	}
	return out
}

func num(dp pmetric.NumberDataPoint) float64 {
	if dp.ValueType() == pmetric.NumberDataPointValueTypeInt {
		return float64(dp.IntValue())
	}
	return dp.DoubleValue()
}

func pointWith(dps []pmetric.NumberDataPoint, attrs map[string]string) (pmetric.NumberDataPoint, bool) {
next:
	for _, dp := range dps {
		for k, want := range attrs {
			if v, ok := dp.Attributes().Get(k); !ok || v.AsString() != want {
				continue next
			}
		}
		return dp, true
	}
	return pmetric.NumberDataPoint{}, false
}

func countUp(md []pmetric.Metrics, target string, up int64) int {
	n := 0
	for _, m := range md {
		for i := 0; i < m.ResourceMetrics().Len(); i++ {
			rm := m.ResourceMetrics().At(i)
			if v, _ := rm.Resource().Attributes().Get("snmp.target"); v.Str() != target {
				continue
			}
			ms := rm.ScopeMetrics().At(0).Metrics()
			for k := 0; k < ms.Len(); k++ {
				if ms.At(k).Name() == "snmp.up" && ms.At(k).Gauge().DataPoints().At(0).IntValue() == up {
					n++
				}
			}
		}
	}
	return n
}

// TestSNMPReceiverEndToEnd runs the built collector with the snmp receiver
// against a real net-snmp agent over SNMPv3 authPriv (SHA-256/AES-256) next
// to a dead target, exports to the OTLP sink and checks the values against
// snmpget.
func TestSNMPReceiverEndToEnd(t *testing.T) {
	env := harness.RequireService(t, "snmpd")
	sink := harness.StartSink(t)
	closed := harness.FreeUDPPort(t)
	cfg := harness.SinkConfig(fmt.Sprintf(`receivers:
  snmp:
    collection_interval: 1s
    jitter: 0
    timeout: 2s
    retries: 0
    credentials:
      v3:
        version: v3
        user: %s
        security_level: auth_priv
        auth_protocol: SHA256
        auth_password: ${env:SNMP_AUTH_PASSWORD}
        priv_protocol: AES256
        priv_password: ${env:SNMP_PRIV_PASSWORD}
    targets:
      - name: agent
        endpoint: %s
        credential: v3
        profiles: [system, if_mib, host_resources, ucd]
      - name: dead
        endpoint: udp://127.0.0.1:%d
        credential: v3
        profiles: [system]
`, env["V3_USER256"], env["ENDPOINT"], closed), sink.GRPCEndpoint,
		harness.Pipeline{Signal: "metrics", Receivers: []string{"snmp"}})

	oids := []string{"1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.31.1.1.1.6.1", "1.3.6.1.2.1.25.2.3.1.6.1", "1.3.6.1.2.1.25.2.3.1.4.1"}
	before := snmpGet(t, env, oids...)
	c := harness.StartCollector(t, cfg,
		"SNMP_AUTH_PASSWORD="+env["V3_AUTH_PASSWORD256"], "SNMP_PRIV_PASSWORD="+env["V3_PRIV_PASSWORD256"])
	require.Eventually(t, func() bool {
		md := sink.Metrics.AllMetrics()
		return countUp(md, "agent", 1) >= 2 && countUp(md, "dead", 0) >= 2
	}, 60*time.Second, 100*time.Millisecond, "output:\n%s", c.Output())
	after := snmpGet(t, env, oids...)

	view := snmpTargets(sink.Metrics.AllMetrics())
	agent := view["agent"]
	assert.Equal(t, "test-snmpd", agent.resource["snmp.sys.name"])
	assert.Equal(t, "127.0.0.1", agent.resource["server.address"])

	uptime := num(agent.points["snmp.uptime"][0])
	assert.GreaterOrEqual(t, uptime, before[0]/100)
	assert.LessOrEqual(t, uptime, after[0]/100)

	lo, ok := pointWith(agent.points["hw.network.io"], map[string]string{"hw.id": "1", "network.io.direction": "receive"})
	require.True(t, ok)
	assert.GreaterOrEqual(t, num(lo), before[1])
	assert.LessOrEqual(t, num(lo), after[1])
	assert.Equal(t, "lo", func() string { v, _ := lo.Attributes().Get("hw.name"); return v.Str() }())

	ram, ok := pointWith(agent.points["snmp.storage.size"], map[string]string{"snmp.storage.index": "1"})
	require.True(t, ok)
	assert.Positive(t, num(ram))
	used, ok := pointWith(agent.points["snmp.storage.used"], map[string]string{"snmp.storage.index": "1"})
	require.True(t, ok)
	lowUsed, highUsed := min(before[2], after[2])*after[3], max(before[2], after[2])*after[3]
	assert.InDelta(t, (lowUsed+highUsed)/2, num(used), (highUsed-lowUsed)/2+0.02*highUsed)
	assert.NotEmpty(t, agent.points["system.cpu.time"])
	assert.NotEmpty(t, agent.points["system.process.count"])

	dead := view["dead"]
	assert.Equal(t, int64(0), dead.points["snmp.up"][0].IntValue())
	assert.NotEmpty(t, dead.points["snmp.poll.duration"])

	// One error line for the dead target, however many polls failed, and
	// no password in the output.
	out := c.Output()
	assert.Equal(t, 1, strings.Count(out, `"target": "dead"`)+strings.Count(out, `"target":"dead"`), out)
	assert.Contains(t, out, "connection refused")
	assert.NotContains(t, out, env["V3_AUTH_PASSWORD256"])
	assert.NotContains(t, out, env["V3_PRIV_PASSWORD256"])

	// Self-telemetry: request PDUs are counted.
	assert.Positive(t, c.Metric(t, "otelcol_receiver_snmp_pdus_sent", nil))
	assert.Positive(t, c.Metric(t, "otelcol_receiver_snmp_poll_failures", nil))
}

// TestSNMPConfigValidation runs `otelcol-ems validate` on a bad snmp
// configuration: it fails and names each bad field, and prints no secret.
func TestSNMPConfigValidation(t *testing.T) {
	cfg := `receivers:
  snmp:
    credentials:
      v3:
        version: v3
        user: monitor
        security_level: auth_priv
        auth_protocol: SHA256
        auth_password: ${env:SNMP_AUTH_PASSWORD}
        priv_protocol: AES512
        priv_password: short
    targets:
      - name: core
        endpoint: udp://127.0.0.1:161
        credential: v3
        profiles: [system, if-mib]
exporters:
  debug: {}
service:
  pipelines:
    metrics:
      receivers: [snmp]
      exporters: [debug]
`
	code, out := harness.Validate(t, cfg, "SNMP_AUTH_PASSWORD=the-auth-secret")
	assert.NotEqual(t, 0, code, out)
	for _, want := range []string{
		`targets[0] (core): profiles: unknown profile "if-mib"`,
		`targets[0] (core): priv_protocol: "AES512" is not one of`,
		`targets[0] (core): priv_password: required, at least 8 characters`,
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "the-auth-secret")
}

// shippedLogging returns the `service::telemetry::logs` section of the
// shipped distribution/config.yaml, indented to sit under `telemetry:`.
func shippedLogging(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(harness.RepoRoot(), "distribution", "config.yaml"))
	require.NoError(t, err)
	var cfg struct {
		Service struct {
			Telemetry struct {
				Logs map[string]any `yaml:"logs"`
			} `yaml:"telemetry"`
		} `yaml:"service"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &cfg))
	require.NotEmpty(t, cfg.Service.Telemetry.Logs, "the shipped config sets service::telemetry::logs")
	out, err := yaml.Marshal(map[string]any{"logs": cfg.Service.Telemetry.Logs})
	require.NoError(t, err)
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		b.WriteString("    " + line + "\n")
	}
	return b.String()
}

// TestSNMPStateChangeLogsSurviveSampling runs the built collector with the
// shipped config's logging (the collector samples repeated messages: 10 per
// tick, then 1 in 100) and 40 targets that fail at once. Every target's
// reason must be logged, exactly once.
func TestSNMPStateChangeLogsSurviveSampling(t *testing.T) {
	const n = 40
	// The harness's telemetry section with the shipped logging in place of
	// its own.
	harnessLogs := "    logs:\n      level: info\n"
	require.Contains(t, harness.TelemetryYAML, harnessLogs)
	telemetry := strings.Replace(harness.TelemetryYAML, harnessLogs, shippedLogging(t), 1)
	var targets strings.Builder
	for i := range n {
		fmt.Fprintf(&targets, "      - {name: dead-%02d, endpoint: \"udp://127.0.0.1:%d\"}\n", i, harness.FreeUDPPort(t))
	}
	cfg := fmt.Sprintf(`%s
receivers:
  snmp:
    collection_interval: 1s
    jitter: 0
    timeout: 1s
    retries: 0
    profiles: [system]
    credentials:
      lan: {version: v2c, community: public}
    targets:
%sexporters:
  debug:
    verbosity: basic
service:
  extensions: [health_check]
%s  pipelines:
    metrics:
      receivers: [snmp]
      exporters: [debug]
`, harness.ExtensionsYAML, strings.ReplaceAll(targets.String(), "}\n", ", credential: lan}\n"), telemetry)
	c := harness.StartCollector(t, cfg)
	down := func(i int) string { return fmt.Sprintf("target dead-%02d is down;", i) }
	require.Eventually(t, func() bool {
		out := c.Output()
		for i := range n {
			if !strings.Contains(out, down(i)) {
				return false
			}
		}
		return true
	}, 60*time.Second, 100*time.Millisecond, "every target's state change is logged; output:\n%s", c.Output())
	// A few more polls fail; still one line per target.
	require.Eventually(t, func() bool { return c.Metric(t, "otelcol_receiver_snmp_poll_failures", nil) >= 3*n },
		60*time.Second, 100*time.Millisecond)
	out := c.Output()
	for i := range n {
		require.Equal(t, 1, strings.Count(out, down(i)), "target dead-%02d", i)
	}
	assert.Contains(t, out, "connection refused")
}
