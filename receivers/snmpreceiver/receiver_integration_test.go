//go:build integration

package snmpreceiver

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

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
