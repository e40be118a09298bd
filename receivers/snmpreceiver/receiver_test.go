package snmpreceiver

import (
	"context"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
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

// TestDeadTargetsDoNotHoldUpLiveOnes polls the real agent together with a
// silent agent, a wrong v3 password, a wrong community and a closed port.
// The live target keeps polling while the others fail; each failure is
// logged once with its cause, and snmp.up says which targets are up.
func TestDeadTargetsDoNotHoldUpLiveOnes(t *testing.T) {
	env := harness.RequireService(t, "snmpd")
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.CollectionInterval = 200 * time.Millisecond
	cfg.Timeout = time.Second // generous: a busy machine must not turn answers into timeouts
	cfg.Retries = 0
	cfg.Jitter = 0
	cfg.MaxBackoff = time.Second
	cfg.Credentials = map[string]Credential{
		"good":          {Version: "v2c", Community: configopaque.String(env["COMMUNITY"])},
		"bad_community": {Version: "v2c", Community: "wrong-community"},
		"bad_password": {Version: "v3", User: env["V3_USER"], SecurityLevel: "auth_priv",
			AuthProtocol: "SHA", AuthPassword: "wrong-password", PrivProtocol: "AES",
			PrivPassword: configopaque.String(env["V3_PRIV_PASSWORD"])},
	}
	cfg.Targets = []Target{
		{Name: "live", Endpoint: env["ENDPOINT"], Credential: "good"},
		{Name: "silent", Endpoint: silentUDP(t), Credential: "good"},
		{Name: "bad-password", Endpoint: env["ENDPOINT"], Credential: "bad_password"},
		{Name: "bad-community", Endpoint: env["ENDPOINT"], Credential: "bad_community"},
		{Name: "closed", Endpoint: "udp://127.0.0.1:" + strconv.Itoa(harness.FreeUDPPort(t)), Credential: "good"},
	}
	require.NoError(t, cfg.Validate())

	core, logs := observer.New(zapcore.InfoLevel)
	set := receivertest.NewNopSettings(NewFactory().Type())
	set.Logger = zap.New(core)
	rec := newRecorder()
	r, err := NewFactory().CreateMetrics(context.Background(), set, cfg, rec)
	require.NoError(t, err)
	require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
	require.Eventually(t, func() bool { return rec.count("silent") >= 2 && rec.count("bad-community") >= 2 },
		30*time.Second, 20*time.Millisecond)
	require.NoError(t, r.Shutdown(context.Background()))

	up, mds := rec.snapshot()
	// The live target polled on while each silent poll waited for its timeout.
	assert.Greater(t, len(up["live"]), len(up["silent"]), "up values %v", up)
	for _, v := range up["live"] {
		assert.Equal(t, int64(1), v)
	}
	for _, dead := range []string{"silent", "bad-password", "bad-community", "closed"} {
		require.NotEmpty(t, up[dead], dead)
		for _, v := range up[dead] {
			assert.Equal(t, int64(0), v, dead)
		}
		// A failed poll still identifies its target.
		res := mds[dead].ResourceMetrics().At(0).Resource().Attributes().AsRaw()
		assert.Equal(t, "127.0.0.1", res["server.address"], dead)
	}
	assert.Greater(t, mds["live"].DataPointCount(), 20)

	want := map[string]string{
		"silent":        "timeout",
		"bad-community": "wrong community",
		"bad-password":  "authentication failure (check auth_password",
		"closed":        "connection refused",
	}
	for target, text := range want {
		down := logs.FilterMessage("target " + target + " is down; will keep polling and log again when its state changes").
			FilterFieldKey("target").Filter(func(e observer.LoggedEntry) bool {
			return e.ContextMap()["target"] == target
		}).All()
		require.Len(t, down, 1, "one log line for %s, not one per poll", target)
		assert.Contains(t, down[0].ContextMap()["error"], text, target)
		assert.NotContains(t, down[0].ContextMap()["error"], "wrong-password")
	}
	assert.Empty(t, logs.FilterField(zap.String("target", "live")).FilterMessageSnippet("is down").All())
}

func TestShutdownWithoutStart(t *testing.T) {
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.Targets = []Target{{Endpoint: "udp://127.0.0.1:161", Inline: Credential{Version: "v2c", Community: "public"}}}
	r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(NewFactory().Type()), cfg, newRecorder())
	require.NoError(t, err)
	require.NoError(t, r.Shutdown(context.Background()))
}
