//go:build integration

package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// Issue 15 end to end: the built collector takes OTLP metrics, the threshold
// connector raises alerts from them, and the alertmanager exporter delivers
// them to a real pair of Alertmanagers (tests/services/alertmanager.sh).

func thresholdConfig(otlp, sink, am1, am2, run string) string {
	return fmt.Sprintf(`%s  badger_storage:
    directory: ${env:EMS_DIR}/state
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
connectors:
  threshold:
    storage: badger_storage
    evaluation_interval: 500ms
    rules:
      - name: HighCPU
        metric: system.cpu.utilization
        match: {state: user}
        resource_match: {host.name: "db-*"}
        aggregate: avg
        window: 2s
        group_by: [host.name]
        warning: {op: ">", value: 0.8}
        critical: {op: ">", value: 0.9}
        recover: {op: "<", value: 0.7}
        for: 1s
        labels: {team: dba, run: "%s"}
        annotations:
          summary: "CPU of {{ .Labels.host_name }} is {{ .Value | humanizePercentage }} (threshold {{ .Threshold }})"
exporters:
  alertmanager:
    alertmanagers:
      - endpoint: %s
      - endpoint: %s
    resend_interval: 1s
    sending_queue:
      enabled: true
      storage: badger_storage
    retry_on_failure:
      initial_interval: 100ms
      max_interval: 1s
  otlp_grpc:
    endpoint: %s
    tls:
      insecure: true
service:
  extensions: [health_check, badger_storage]
  pipelines:
    metrics/in:
      receivers: [otlp]
      exporters: [threshold]
    logs/alerts:
      receivers: [threshold]
      exporters: [alertmanager, otlp_grpc]
    metrics/alerts:
      receivers: [threshold]
      exporters: [otlp_grpc]
%s`, harness.ExtensionsYAML, otlp, run, am1, am2, sink, harness.TelemetryYAML)
}

// amAlert is what GET /api/v2/alerts returns (gettableAlert), in part.
type amAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	StartsAt    time.Time         `json:"startsAt"`
	EndsAt      time.Time         `json:"endsAt"`
	UpdatedAt   time.Time         `json:"updatedAt"`
	Fingerprint string            `json:"fingerprint"`
}

func activeAlerts(t *testing.T, base, run string) []amAlert {
	t.Helper()
	q := url.Values{"filter": {fmt.Sprintf("run=%q", run)}, "active": {"true"}, "silenced": {"false"}, "inhibited": {"false"}}
	resp, err := http.Get(base + "/api/v2/alerts?" + q.Encode())
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var out []amAlert
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return out
}

func cpuMetrics(host string, v float64) pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("host.name", host)
	m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("system.cpu.utilization")
	dps := m.SetEmptyGauge().DataPoints()
	now := pcommon.NewTimestampFromTime(time.Now())
	for _, st := range []struct {
		state string
		v     float64
	}{{"user", v}, {"idle", 1 - v}} {
		dp := dps.AppendEmpty()
		dp.SetTimestamp(now)
		dp.SetDoubleValue(st.v)
		dp.Attributes().PutStr("state", st.state)
	}
	return md
}

// alertEvents returns the alert events the sink got, as "state severity".
func alertEvents(s *harness.Sink) []plog.LogRecord {
	var out []plog.LogRecord
	for _, ld := range s.Logs.AllLogs() {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sls := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					if lrs.At(k).EventName() == "alert.state_change" {
						out = append(out, lrs.At(k))
					}
				}
			}
		}
	}
	return out
}

func attr(lr plog.LogRecord, k string) string {
	v, _ := lr.Attributes().Get(k)
	return v.AsString()
}

func countState(evs []plog.LogRecord, state string) int {
	n := 0
	for _, ev := range evs {
		if attr(ev, "alert.state") == state {
			n++
		}
	}
	return n
}

func stateGaugePoints(s *harness.Sink) int {
	n := 0
	for _, md := range s.Metrics.AllMetrics() {
		rms := md.ResourceMetrics()
		for i := 0; i < rms.Len(); i++ {
			sms := rms.At(i).ScopeMetrics()
			for j := 0; j < sms.Len(); j++ {
				ms := sms.At(j).Metrics()
				for k := 0; k < ms.Len(); k++ {
					if ms.At(k).Name() == "ems.alert.state" {
						n += ms.At(k).Gauge().DataPoints().Len()
					}
				}
			}
		}
	}
	return n
}

func TestThresholdAlertmanager(t *testing.T) {
	am := harness.RequireService(t, "alertmanager")
	t.Run("sigterm", func(t *testing.T) { thresholdScenario(t, am, func(c *harness.Collector) { c.Stop() }) })
	// SIGKILL right after the alert fired: the state was saved after the
	// evaluation that fired it.
	t.Run("sigkill", func(t *testing.T) { thresholdScenario(t, am, func(c *harness.Collector) { c.Kill() }) })
}

func thresholdScenario(t *testing.T, am map[string]string, stopCollector func(*harness.Collector)) {
	buf := make([]byte, 6)
	_, _ = rand.Read(buf)
	run := hex.EncodeToString(buf)
	sink := harness.StartSink(t)
	otlp := harness.FreeAddr(t)
	c := harness.StartCollector(t, thresholdConfig(otlp, sink.GRPCEndpoint, am["URL"], am["URL2"], run))
	client := harness.NewOTLPClient(t, otlp)

	// A sender in the background, as a receiver would see a host.
	var value atomic.Value
	value.Store(0.95)
	stop := make(chan struct{})
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				_ = client.SendMetrics(cpuMetrics("db-1", value.Load().(float64)))
				_ = client.SendMetrics(cpuMetrics("web-1", 0.99)) // resource_match excludes it
			}
		}
	}()
	defer func() { close(stop); <-sent }()

	// Crossing the threshold: the alert shows in both Alertmanagers.
	var fired amAlert
	for _, base := range []string{am["URL"], am["URL2"]} {
		require.Eventually(t, func() bool { return len(activeAlerts(t, base, run)) == 1 }, 30*time.Second, 200*time.Millisecond, "alert in %s", base)
		a := activeAlerts(t, base, run)[0]
		assert.Equal(t, map[string]string{"alertname": "HighCPU", "severity": "critical", "host_name": "db-1", "team": "dba", "run": run}, a.Labels, base)
		assert.Equal(t, "CPU of db-1 is 95% (threshold 0.9)", a.Annotations["summary"], base)
		assert.True(t, a.EndsAt.After(time.Now()), "endsAt in the future")
		fired = a
	}
	evs := alertEvents(sink)
	require.Equal(t, 1, countState(evs, "firing"), "one firing event")
	var firing plog.LogRecord
	for _, ev := range evs {
		if attr(ev, "alert.state") == "firing" {
			firing = ev
		}
	}
	assert.Equal(t, plog.SeverityNumberError, firing.SeverityNumber())
	assert.Equal(t, "CPU of db-1 is 95% (threshold 0.9)", firing.Body().Str())
	assert.Equal(t, "HighCPU", attr(firing, "alert.name"))
	assert.Equal(t, "pending", attr(firing, "alert.previous_state"))
	assert.Equal(t, "critical", attr(firing, "alert.severity"))
	v, _ := firing.Attributes().Get("alert.value")
	assert.InDelta(t, 0.95, v.Double(), 1e-9)
	assert.Equal(t, "0.9", attr(firing, "alert.threshold"))
	assert.Equal(t, "db-1", attr(firing, "host.name"))
	assert.Len(t, attr(firing, "alert.fingerprint"), 16)
	require.Eventually(t, func() bool { return stateGaugePoints(sink) > 0 }, 10*time.Second, 100*time.Millisecond, "state gauge")

	// A restart neither re-fires nor loses the alert.
	stopCollector(c)
	c.Start(t)
	time.Sleep(4 * time.Second)
	evs = alertEvents(sink)
	assert.Equal(t, 1, countState(evs, "firing"), "no new firing event after the restart")
	assert.Equal(t, 0, countState(evs, "resolved"), "not resolved by the restart")
	for _, base := range []string{am["URL"], am["URL2"]} {
		got := activeAlerts(t, base, run)
		require.Len(t, got, 1, base)
		assert.Equal(t, fired.Fingerprint, got[0].Fingerprint, "the same alert")
		assert.True(t, got[0].StartsAt.Equal(fired.StartsAt), "startsAt kept: %s vs %s", got[0].StartsAt, fired.StartsAt)
		assert.True(t, got[0].UpdatedAt.After(fired.UpdatedAt), "re-sent after the restart")
	}

	// Below the recovery value: resolved in both.
	value.Store(0.5)
	for _, base := range []string{am["URL"], am["URL2"]} {
		require.Eventually(t, func() bool { return len(activeAlerts(t, base, run)) == 0 }, 30*time.Second, 200*time.Millisecond, "resolved in %s", base)
	}
	evs = alertEvents(sink)
	require.Equal(t, 1, countState(evs, "resolved"))
	for _, ev := range evs {
		if attr(ev, "alert.state") == "resolved" {
			assert.Equal(t, plog.SeverityNumberInfo, ev.SeverityNumber())
			assert.Equal(t, "0.7", attr(ev, "alert.threshold"))
		}
	}
	// Both Alertmanagers took posts; the rules counted their points and
	// refused none.
	assert.Positive(t, c.Metric(t, "otelcol_exporter_alertmanager_alerts_sent", map[string]string{"server_address": strings.TrimPrefix(am["URL2"], "http://")}))
	assert.Positive(t, c.Metric(t, "otelcol_threshold_points", nil))
	assert.Equal(t, 1.0, c.Metric(t, "otelcol_threshold_series", nil), "db-1's user state only")
	assert.Zero(t, c.Metric(t, "otelcol_threshold_refused_points", nil))
}

// distribution/alerts.yaml merged over the default config is valid.
func TestThresholdDistributionConfig(t *testing.T) {
	dist := filepath.Join(harness.RepoRoot(), "distribution")
	out, err := exec.Command(harness.Binary(t), "validate", "--config", filepath.Join(dist, "config.yaml"),
		"--config", filepath.Join(dist, "alerts.yaml")).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// A template error fails at start and names the rule and the field.
func TestThresholdBadTemplateFailsValidation(t *testing.T) {
	cfg := strings.Replace(thresholdConfig("127.0.0.1:1", "127.0.0.1:2", "http://127.0.0.1:3", "http://127.0.0.1:4", "x"),
		"{{ .Value | humanizePercentage }}", "{{ .Value | humanizePercent }}", 1)
	code, out := harness.Validate(t, cfg)
	assert.NotEqual(t, 0, code)
	assert.Contains(t, out, `rule "HighCPU": annotations: summary: template: summary:1: function "humanizePercent" not defined`)
}

// The threshold processor in the built collector: metrics pass through and
// the state gauge follows them down the pipeline.
func TestThresholdProcessor(t *testing.T) {
	sink := harness.StartSink(t)
	otlp := harness.FreeAddr(t)
	cfg := fmt.Sprintf(`%sreceivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
processors:
  threshold:
    evaluation_interval: 200ms
    rules:
      - name: HighCPU
        metric: system.cpu.utilization
        match: {state: user}
        group_by: [host.name]
        critical: {op: ">", value: 0.9}
exporters:
  otlp_grpc:
    endpoint: %s
    tls:
      insecure: true
service:
  extensions: [health_check]
  pipelines:
    metrics:
      receivers: [otlp]
      processors: [threshold]
      exporters: [otlp_grpc]
%s`, harness.ExtensionsYAML, otlp, sink.GRPCEndpoint, harness.TelemetryYAML)
	harness.StartCollector(t, cfg)
	client := harness.NewOTLPClient(t, otlp)
	require.NoError(t, client.SendMetrics(cpuMetrics("db-7", 0.97)))
	require.Eventually(t, func() bool { return stateGaugePoints(sink) > 0 }, 20*time.Second, 100*time.Millisecond)
	var names []string
	var attrs map[string]any
	for _, md := range sink.Metrics.AllMetrics() {
		m := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0)
		names = append(names, m.Name())
		if m.Name() == "ems.alert.state" {
			attrs = m.Gauge().DataPoints().At(0).Attributes().AsRaw()
		}
	}
	assert.Contains(t, names, "system.cpu.utilization", "the input passes through")
	assert.Equal(t, "HighCPU", attrs["alertname"])
	assert.Equal(t, "critical", attrs["severity"])
	assert.Equal(t, "firing", attrs["state"])
	assert.Equal(t, "db-7", attrs["host.name"])
}
