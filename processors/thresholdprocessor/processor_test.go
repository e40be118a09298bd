package thresholdprocessor

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

func lag(v float64) pmetric.Metrics {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	rm.Resource().Attributes().PutStr("db.instance", "pg-1")
	m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	m.SetName("postgresql.replication.lag")
	dp := m.SetEmptyGauge().DataPoints().AppendEmpty()
	dp.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
	dp.SetDoubleValue(v)
	return md
}

func TestPassThroughAndStateGauge(t *testing.T) {
	t.Parallel()
	f := NewFactory()
	cfg := f.CreateDefaultConfig().(*Config)
	cfg.EvaluationInterval = 20 * time.Millisecond
	cfg.StateMetric = "ems.alert.state"
	cfg.Rules = []threshold.Rule{{Name: "ReplicationLag", Metric: "postgresql.replication.lag",
		Critical: &threshold.Condition{Op: ">", Value: 30}}}
	require.NoError(t, cfg.Validate())
	sink := new(consumertest.MetricsSink)
	p, err := f.CreateMetrics(context.Background(), processortest.NewNopSettings(f.Type()), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeMetrics(context.Background(), lag(45)))

	first := sink.AllMetrics()[0].ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0)
	assert.Equal(t, "postgresql.replication.lag", first.Name(), "the input passes through")
	var dp pmetric.NumberDataPoint
	require.Eventually(t, func() bool {
		for _, md := range sink.AllMetrics() {
			m := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0)
			if m.Name() == "ems.alert.state" && m.Gauge().DataPoints().Len() == 1 {
				dp = m.Gauge().DataPoints().At(0)
				return true
			}
		}
		return false
	}, 5*time.Second, 10*time.Millisecond)
	for k, want := range map[string]string{"alertname": "ReplicationLag", "severity": "critical", "state": "firing", "db.instance": "pg-1"} {
		v, _ := dp.Attributes().Get(k)
		assert.Equal(t, want, v.AsString(), k)
	}
	require.NoError(t, p.Shutdown(context.Background()))
}
