package deliver

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"
)

func TestSenderSendsAndLogsRefusals(t *testing.T) {
	t.Parallel()
	core, logs := observer.New(zap.DebugLevel)
	set := receivertest.NewNopSettings(component.MustNewType("snmp"))
	set.Logger = zap.New(core)
	s, err := NewSender(set, "snmp", "SNMP")
	require.NoError(t, err)

	md := pmetric.NewMetrics()
	md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty().SetEmptyGauge().DataPoints().AppendEmpty().SetIntValue(7)
	sink := new(consumertest.MetricsSink)
	s.Metrics(context.Background(), sink, "udp://a:161", md)
	require.Len(t, sink.AllMetrics(), 1)
	assert.Equal(t, 1, sink.DataPointCount())
	assert.Zero(t, logs.Len())

	s.Metrics(context.Background(), consumertest.NewErr(errors.New("queue full")), "udp://a:161", md)
	ld := plog.NewLogs()
	ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	s.Logs(context.Background(), consumertest.NewErr(errors.New("queue full")), "udp://b:161", ld)
	all := logs.All()
	require.Len(t, all, 2)
	assert.Equal(t, "next consumer refused SNMP metrics", all[0].Message)
	assert.Equal(t, "udp://a:161", all[0].ContextMap()["target"])
	assert.Equal(t, "next consumer refused SNMP events", all[1].Message)
	assert.Equal(t, "queue full", all[1].ContextMap()["error"])

	logSink := new(consumertest.LogsSink)
	s.Logs(context.Background(), logSink, "udp://b:161", ld)
	assert.Equal(t, 1, logSink.LogRecordCount())
}
