package snmpreceiver

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
	"github.com/otelcol-ems/otelcol-ems/internal/snmp/snmpsim"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmpreceiver/internal/metadatatest"
)

// recorder keeps, per snmp.target, the snmp.up values received in order.
type recorder struct {
	mu  sync.Mutex
	up  map[string][]int64
	mds map[string]pmetric.Metrics
}

func newRecorder() *recorder {
	return &recorder{up: map[string][]int64{}, mds: map[string]pmetric.Metrics{}}
}

func (r *recorder) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (r *recorder) ConsumeMetrics(_ context.Context, md pmetric.Metrics) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	rm := md.ResourceMetrics().At(0)
	target, _ := rm.Resource().Attributes().Get("snmp.target")
	ms := rm.ScopeMetrics().At(0).Metrics()
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Name() == "snmp.up" {
			r.up[target.Str()] = append(r.up[target.Str()], ms.At(i).Gauge().DataPoints().At(0).IntValue())
		}
	}
	r.mds[target.Str()] = md
	return nil
}

func (r *recorder) count(target string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.up[target])
}

func (r *recorder) snapshot() (map[string][]int64, map[string]pmetric.Metrics) {
	r.mu.Lock()
	defer r.mu.Unlock()
	up := map[string][]int64{}
	for k, v := range r.up {
		up[k] = append([]int64(nil), v...)
	}
	mds := map[string]pmetric.Metrics{}
	for k, v := range r.mds {
		mds[k] = v
	}
	return up, mds
}

// silentUDP is a UDP socket that reads and never answers: a dead agent
// that times out (a closed port would be refused at once).
func silentUDP(t *testing.T) string {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := c.ReadFromUDP(buf); err != nil {
				return
			}
		}
	}()
	return "udp://" + c.LocalAddr().String()
}

func TestShutdownWithoutStart(t *testing.T) {
	t.Parallel()
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.Targets = []Target{{Endpoint: "udp://127.0.0.1:161", Inline: Credential{Version: "v2c", Community: "public"}}}
	r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(NewFactory().Type()), cfg, newRecorder())
	require.NoError(t, err)
	require.NoError(t, r.Shutdown(context.Background()))
}

// healthOf returns, for each batch a consumer got, the snmp.up value and
// the batch's resource attributes.
func healthOf(t *testing.T, mds []pmetric.Metrics) (ups []int64, res []map[string]any) {
	t.Helper()
	for _, md := range mds {
		require.Equal(t, 1, md.ResourceMetrics().Len())
		rm := md.ResourceMetrics().At(0)
		ms := rm.ScopeMetrics().At(0).Metrics()
		var names []string
		for i := 0; i < ms.Len(); i++ {
			m := ms.At(i)
			names = append(names, m.Name())
			switch m.Name() {
			case "snmp.up":
				assert.Equal(t, "1", m.Unit())
				ups = append(ups, m.Gauge().DataPoints().At(0).IntValue())
			case "snmp.poll.duration":
				assert.Equal(t, "s", m.Unit())
				assert.GreaterOrEqual(t, m.Gauge().DataPoints().At(0).DoubleValue(), 0.0)
			}
		}
		require.Subset(t, names, []string{"snmp.up", "snmp.poll.duration"})
		res = append(res, rm.Resource().Attributes().AsRaw())
	}
	return ups, res
}

// TestHealthKeepsTheTargetsResource polls a simulated agent, then stops it:
// snmp.up = 0 lands on the resource snmp.up = 1 had, with the device's
// host.name and snmp.sys.* that only a successful poll can learn.
func TestHealthKeepsTheTargetsResource(t *testing.T) {
	t.Parallel()
	sim, err := snmpsim.StartResponder(map[string]*snmpsim.MIB{"public": snmpsim.NewMIB(snmpsim.System("edge-rtr7", 4200))}, 1)
	require.NoError(t, err)
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.CollectionInterval = 20 * time.Millisecond
	cfg.Timeout = time.Second
	cfg.Retries = 0
	cfg.Jitter = 0
	cfg.MaxBackoff = 0
	cfg.Profiles = []string{"system"}
	cfg.Targets = []Target{{Name: "edge", Endpoint: sim.Endpoint(), Inline: Credential{Version: "v2c", Community: "public"}}}
	require.NoError(t, cfg.Validate())
	sink := new(consumertest.MetricsSink)
	r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(NewFactory().Type()), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
	defer func() { require.NoError(t, r.Shutdown(context.Background())) }()
	require.Eventually(t, func() bool { return sink.DataPointCount() > 0 }, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, sim.Close()) // the device goes away: port unreachable
	require.Eventually(t, func() bool {
		ups, _ := healthOf(t, sink.AllMetrics())
		return len(ups) > 0 && ups[len(ups)-1] == 0
	}, 10*time.Second, 5*time.Millisecond)

	ups, res := healthOf(t, sink.AllMetrics())
	require.Equal(t, int64(1), ups[0])
	up := res[0]
	assert.Equal(t, "edge-rtr7", up["host.name"])
	assert.Equal(t, "simulated switch", up["snmp.sys.descr"])
	assert.Equal(t, int64(mustPort(t, sim.Endpoint())), up["server.port"], "server.port is an int")
	for i := range ups {
		if ups[i] == 0 {
			assert.Equal(t, up, res[i], "batch %d: snmp.up = 0 on the same resource as snmp.up = 1", i)
		}
	}
}

// TestHealthOfANeverReachedTarget: before any answer the resource is what
// the config says.
func TestHealthOfANeverReachedTarget(t *testing.T) {
	t.Parallel()
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.CollectionInterval = time.Hour
	cfg.Timeout = time.Second
	cfg.Jitter = 0
	cfg.Targets = []Target{{Name: "gone", Endpoint: "udp://127.0.0.1:9", Inline: Credential{Version: "v2c", Community: "public"}}}
	ups, res := healthOf(t, firstPoll(t, cfg, receivertest.NewNopSettings(NewFactory().Type())))
	assert.Equal(t, []int64{0}, ups)
	assert.Equal(t, map[string]any{"snmp.target": "gone", "server.address": "127.0.0.1", "server.port": int64(9),
		"network.transport": "udp"}, res[0])
}

// TestHealthMetricsCanBeDisabled: `metrics: snmp.poll.duration: enabled:
// false` leaves snmp.up alone.
func TestHealthMetricsCanBeDisabled(t *testing.T) {
	t.Parallel()
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.CollectionInterval = time.Hour
	cfg.Jitter = 0
	cfg.Metrics.SnmpPollDuration.Enabled = false
	cfg.Targets = []Target{{Name: "gone", Endpoint: "udp://127.0.0.1:9", Inline: Credential{Version: "v2c", Community: "public"}}}
	ms := firstPoll(t, cfg, receivertest.NewNopSettings(NewFactory().Type()))[0].ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	require.Equal(t, 1, ms.Len())
	assert.Equal(t, "snmp.up", ms.At(0).Name())
}

// firstPoll runs a receiver until it delivers its first batch, shuts it
// down and returns that batch.
func firstPoll(t *testing.T, cfg *Config, set receiver.Settings) []pmetric.Metrics {
	t.Helper()
	sink := new(consumertest.MetricsSink)
	r, err := NewFactory().CreateMetrics(context.Background(), set, cfg, sink)
	require.NoError(t, err)
	require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
	require.Eventually(t, func() bool { return len(sink.AllMetrics()) > 0 }, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, r.Shutdown(context.Background()))
	return sink.AllMetrics()[:1]
}

func mustPort(t *testing.T, endpoint string) uint16 {
	t.Helper()
	_, _, port, err := snmp.ParseEndpoint(endpoint)
	require.NoError(t, err)
	return port
}

// echoUDP sends every datagram back as it came: a misbehaving responder
// that gosnmp alone would take for the agent.
func echoUDP(t *testing.T) string {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	done := make(chan struct{})
	t.Cleanup(func() { _ = c.Close(); <-done })
	go func() {
		defer close(done)
		buf := make([]byte, 65536)
		for {
			n, addr, err := c.ReadFromUDP(buf)
			if err != nil {
				return
			}
			_, _ = c.WriteToUDP(buf[:n], addr)
		}
	}()
	return "udp://" + c.LocalAddr().String()
}

// TestEchoedRequestIsAnInvalidResponse: the echo is no answer; the target
// is down with "invalid response", logged once and counted.
func TestEchoedRequestIsAnInvalidResponse(t *testing.T) {
	t.Parallel()
	tt := componenttest.NewTelemetry()
	defer func() { require.NoError(t, tt.Shutdown(context.Background())) }()
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.CollectionInterval = time.Hour
	cfg.Jitter = 0
	cfg.Profiles = []string{"system"}
	cfg.Targets = []Target{{Name: "echo", Endpoint: echoUDP(t), Inline: Credential{Version: "v2c", Community: "public"}}}
	core, logs := observer.New(zapcore.InfoLevel)
	set := metadatatest.NewSettings(tt)
	set.Logger = zap.New(core)
	ups, _ := healthOf(t, firstPoll(t, cfg, set))
	assert.Equal(t, []int64{0}, ups)
	down := logs.FilterMessage("target echo is down; will keep polling and log again when its state changes").All()
	require.Len(t, down, 1)
	assert.Contains(t, down[0].ContextMap()["error"], "invalid response (PDU type GetRequest instead of GetResponse")
	assert.NotContains(t, down[0].ContextMap()["error"], "public")
	metadatatest.AssertEqualReceiverSnmpResponsesRejected(t, tt, []metricdata.DataPoint[int64]{{Value: 1}},
		metricdatatest.IgnoreTimestamp())
}
