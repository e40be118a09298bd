package thresholdconnector

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension"
	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

type host struct {
	ext map[component.ID]component.Component
}

func (h host) GetExtensions() map[component.ID]component.Component { return h.ext }

var storageID = component.MustNewID("badger_storage")

func startStorage(t *testing.T, dir string) extension.Extension {
	f := badgerstorageextension.NewFactory()
	cfg := f.CreateDefaultConfig()
	cfg.(*badgerstorageextension.Config).Directory = dir
	ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), cfg)
	require.NoError(t, err)
	require.NoError(t, ext.Start(context.Background(), host{}))
	return ext
}

func cpu(v float64) pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("host.name", "db-1")
	m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("system.cpu.utilization")
	dp := m.SetEmptyGauge().DataPoints().AppendEmpty()
	dp.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
	dp.SetDoubleValue(v)
	dp.Attributes().PutStr("state", "user")
	return md
}

func testConfig() *Config {
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.Storage = &storageID
	cfg.EvaluationInterval = 20 * time.Millisecond
	cfg.Rules = []threshold.Rule{{
		Name: "HighCPU", Metric: "system.cpu.utilization", Match: map[string]string{"state": "user"},
		GroupBy: []string{"host.name"}, Window: time.Minute,
		Warning: &threshold.Condition{Op: ">", Value: 0.8}, Recover: &threshold.Condition{Op: "<", Value: 0.7},
		Labels:      map[string]string{"team": "dba"},
		Annotations: map[string]string{"summary": "CPU of {{ .Labels.host_name }} is {{ .Value | humanizePercentage }}"},
	}}
	require.NoError(nil, cfg.Validate())
	return cfg
}

type pair struct {
	logs, metrics connector.Metrics
	logSink       *consumertest.LogsSink
	metricSink    *consumertest.MetricsSink
}

func startPair(t *testing.T, h component.Host) *pair {
	f := NewFactory()
	set := connectortest.NewNopSettings(f.Type())
	set.ID = component.NewID(f.Type()) // both sides and both runs: one id
	cfg := testConfig()
	p := &pair{logSink: new(consumertest.LogsSink), metricSink: new(consumertest.MetricsSink)}
	var err error
	p.logs, err = f.CreateMetricsToLogs(context.Background(), set, cfg, p.logSink)
	require.NoError(t, err)
	p.metrics, err = f.CreateMetricsToMetrics(context.Background(), set, cfg, p.metricSink)
	require.NoError(t, err)
	require.NoError(t, p.logs.Start(context.Background(), h))
	require.NoError(t, p.metrics.Start(context.Background(), h))
	return p
}

func (p *pair) consume(t *testing.T, md pmetric.Metrics) {
	// The collector fans the same data out to both sides.
	require.NoError(t, p.logs.ConsumeMetrics(context.Background(), md))
	require.NoError(t, p.metrics.ConsumeMetrics(context.Background(), md))
}

func (p *pair) shutdown(t *testing.T) {
	require.NoError(t, p.logs.Shutdown(context.Background()))
	require.NoError(t, p.metrics.Shutdown(context.Background()))
}

func events(s *consumertest.LogsSink) []plog.LogRecord {
	var out []plog.LogRecord
	for _, ld := range s.AllLogs() {
		lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for i := 0; i < lrs.Len(); i++ {
			out = append(out, lrs.At(i))
		}
	}
	return out
}

func get(lr plog.LogRecord, k string) string {
	v, ok := lr.Attributes().Get(k)
	if !ok {
		return "<missing>"
	}
	return v.AsString()
}

func stateGauge(s *consumertest.MetricsSink) []pmetric.NumberDataPoint {
	var out []pmetric.NumberDataPoint
	for _, md := range s.AllMetrics() {
		m := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0)
		if m.Name() != "ems.alert.state" {
			continue
		}
		for i := 0; i < m.Gauge().DataPoints().Len(); i++ {
			out = append(out, m.Gauge().DataPoints().At(i))
		}
	}
	return out
}

func TestEventsStateGaugeAndRestart(t *testing.T) {
	dir := t.TempDir()
	ext := startStorage(t, dir)
	h := host{ext: map[component.ID]component.Component{storageID: ext}}
	p := startPair(t, h)

	p.consume(t, cpu(0.95))
	require.Eventually(t, func() bool { return len(events(p.logSink)) == 1 }, 5*time.Second, 10*time.Millisecond)
	ev := events(p.logSink)[0]
	assert.Equal(t, "alert.state_change", ev.EventName())
	assert.Equal(t, plog.SeverityNumberWarn, ev.SeverityNumber())
	assert.Equal(t, "CPU of db-1 is 95%", ev.Body().Str())
	for k, want := range map[string]string{
		"alert.name": "HighCPU", "alert.state": "firing", "alert.previous_state": "inactive",
		"alert.severity": "warning", "alert.value": "0.95", "alert.threshold": "0.8",
		"host.name": "db-1", "team": "dba", "alert.annotation.summary": "CPU of db-1 is 95%",
	} {
		assert.Equal(t, want, get(ev, k), k)
	}
	fp := get(ev, "alert.fingerprint")
	assert.Len(t, fp, 16)

	// The metrics side passes the input on and adds the state gauge.
	require.Eventually(t, func() bool { return len(stateGauge(p.metricSink)) > 0 }, 5*time.Second, 10*time.Millisecond)
	dp := stateGauge(p.metricSink)[0]
	assert.Equal(t, int64(1), dp.IntValue())
	for k, want := range map[string]string{"alertname": "HighCPU", "severity": "warning", "state": "firing", "host.name": "db-1", "alert.fingerprint": fp} {
		v, _ := dp.Attributes().Get(k)
		assert.Equal(t, want, v.AsString(), k)
	}
	assert.Equal(t, "system.cpu.utilization", p.metricSink.AllMetrics()[0].ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0).Name())

	// Restart: the alert continues without a new event.
	p.shutdown(t)
	require.NoError(t, ext.Shutdown(context.Background()))
	ext = startStorage(t, dir)
	h = host{ext: map[component.ID]component.Component{storageID: ext}}
	p = startPair(t, h)
	p.consume(t, cpu(0.9))
	require.Eventually(t, func() bool { return len(stateGauge(p.metricSink)) > 0 }, 5*time.Second, 10*time.Millisecond)
	v, _ := stateGauge(p.metricSink)[0].Attributes().Get("state")
	assert.Equal(t, "firing", v.Str())
	assert.Empty(t, events(p.logSink), "no event after the restart")

	// Recovery resolves it, with the same fingerprint.
	p.consume(t, cpu(0.5))
	require.Eventually(t, func() bool { return len(events(p.logSink)) == 1 }, 5*time.Second, 10*time.Millisecond)
	ev = events(p.logSink)[0]
	assert.Equal(t, "resolved", get(ev, "alert.state"))
	assert.Equal(t, plog.SeverityNumberInfo, ev.SeverityNumber())
	assert.Equal(t, fp, get(ev, "alert.fingerprint"))
	assert.Equal(t, "0.7", get(ev, "alert.threshold"))
	p.shutdown(t)
	require.NoError(t, ext.Shutdown(context.Background()))
}

func TestMissingStorage(t *testing.T) {
	f := NewFactory()
	c, err := f.CreateMetricsToLogs(context.Background(), connectortest.NewNopSettings(f.Type()), testConfig(), new(consumertest.LogsSink))
	require.NoError(t, err)
	err = c.Start(context.Background(), host{})
	require.ErrorContains(t, err, `storage: extension "badger_storage" not found`)
	require.NoError(t, c.Shutdown(context.Background()))
}

func TestShutdownWithoutStart(t *testing.T) {
	f := NewFactory()
	c, err := f.CreateMetricsToMetrics(context.Background(), connectortest.NewNopSettings(f.Type()), testConfig(), new(consumertest.MetricsSink))
	require.NoError(t, err)
	require.NoError(t, c.Shutdown(context.Background()))
}
