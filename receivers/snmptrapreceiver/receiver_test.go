package snmptrapreceiver

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver/internal/metadatatest"
)

func TestReceiverEndToEnd(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig().(*Config)
	cfg.Endpoint = "127.0.0.1:0"
	cfg.Communities = []configopaque.String{"s3cret"}
	sink := new(consumertest.LogsSink)
	rcv, err := NewFactory().CreateLogs(context.Background(), receivertest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, rcv.Start(context.Background(), componenttest.NewNopHost()))
	defer func() { require.NoError(t, rcv.Shutdown(context.Background())) }()

	conn, err := net.Dial("udp", rcv.(*trapReceiver).Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write(benchV2c(t, "s3cret"))
	require.NoError(t, err)
	require.Eventually(t, func() bool { return sink.LogRecordCount() == 1 }, 5*time.Second, 5*time.Millisecond)
	lr := sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	assert.Equal(t, "linkDown from 127.0.0.1: ifIndex=3 ifName=Gi0/3 ifOperStatus=down", lr.Body().Str())
	v, _ := lr.Attributes().Get("snmp.version")
	assert.Equal(t, "v2c", v.Str())
}

func TestShutdownWithoutStart(t *testing.T) {
	t.Parallel()
	rcv, err := NewFactory().CreateLogs(context.Background(), receivertest.NewNopSettings(metadata.Type), createDefaultConfig(), consumertest.NewNop())
	require.NoError(t, err)
	require.NoError(t, rcv.Shutdown(context.Background()))
}

func TestStartFailsOnBusyPort(t *testing.T) {
	t.Parallel()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	defer pc.Close()
	cfg := createDefaultConfig().(*Config)
	cfg.Endpoint = pc.LocalAddr().String()
	rcv, err := NewFactory().CreateLogs(context.Background(), receivertest.NewNopSettings(metadata.Type), cfg, consumertest.NewNop())
	require.NoError(t, err)
	err = rcv.Start(context.Background(), componenttest.NewNopHost())
	require.Error(t, err)
	assert.Contains(t, err.Error(), cfg.Endpoint)
	require.NoError(t, rcv.Shutdown(context.Background()))
}

func benchV2c(t testing.TB, community string) []byte {
	t.Helper()
	p := &gosnmp.SnmpPacket{
		Version: gosnmp.Version2c, Community: community, PDUType: gosnmp.SNMPv2Trap, RequestID: 1,
		Variables: []gosnmp.SnmpPDU{
			{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uint32(4711)},
			{Name: ".1.3.6.1.6.3.1.1.4.1.0", Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.6.3.1.1.5.3"},
			{Name: ".1.3.6.1.2.1.2.2.1.1.3", Type: gosnmp.Integer, Value: 3},
			{Name: ".1.3.6.1.2.1.31.1.1.1.1.3", Type: gosnmp.OctetString, Value: []byte("Gi0/3")},
			{Name: ".1.3.6.1.2.1.2.2.1.8.3", Type: gosnmp.Integer, Value: 2},
		},
	}
	b, err := p.MarshalMsg()
	require.NoError(t, err)
	return b
}

func TestReceiverTelemetry(t *testing.T) {
	t.Parallel()
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	cfg := createDefaultConfig().(*Config)
	cfg.Endpoint = "127.0.0.1:0"
	cfg.Communities = []configopaque.String{"s3cret"}
	sink := new(consumertest.LogsSink)
	rcv, err := NewFactory().CreateLogs(context.Background(), metadatatest.NewSettings(tt), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, rcv.Start(context.Background(), componenttest.NewNopHost()))
	conn, err := net.Dial("udp", rcv.(*trapReceiver).Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	for _, c := range []string{"s3cret", "public", "public", "s3cret"} {
		_, err = conn.Write(benchV2c(t, c))
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { return sink.LogRecordCount() == 2 }, 5*time.Second, 5*time.Millisecond)
	require.NoError(t, rcv.Shutdown(context.Background()))
	metadatatest.AssertEqualReceiverSnmptrapMessagesReceived(t, tt, []metricdata.DataPoint[int64]{{Value: 4}},
		metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualReceiverSnmptrapTrapsAccepted(t, tt, []metricdata.DataPoint[int64]{{Value: 2}},
		metricdatatest.IgnoreTimestamp())
	metadatatest.AssertEqualReceiverSnmptrapMessagesDropped(t, tt, []metricdata.DataPoint[int64]{
		{Value: 2, Attributes: attribute.NewSet(attribute.String("reason", "unknown_community"))},
	}, metricdatatest.IgnoreTimestamp())
}
