package wasreceiver

import (
	"context"
	"encoding/pem"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-ems/otelcol-ems/receivers/wasreceiver/internal/metadata"
)

// TestReceiverPollsAndReportsHealth runs the receiver against an nginx
// stub_status page served by the test and a closed port: the live target
// delivers its metrics with was.up 1 on its own resource, the dead one an
// empty resource with was.up 0, and both keep being polled.
func TestReceiverPollsAndReportsHealth(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("Active connections: 3 \nserver accepts handled requests\n 10 10 42 \nReading: 0 Writing: 1 Waiting: 2 \n"))
	}))
	t.Cleanup(srv.Close)
	cfg := createDefaultConfig().(*Config)
	cfg.CollectionInterval = 50 * time.Millisecond
	cfg.Jitter = 0
	cfg.Targets = []Target{{Name: "edge", Kind: "nginx"}, {Name: "gone", Kind: "nginx"}}
	cfg.Targets[0].ClientConfig.Endpoint = srv.URL + "/status"
	cfg.Targets[1].ClientConfig.Endpoint = "http://127.0.0.1:1/status"
	require.NoError(t, cfg.Validate())

	sink := new(consumertest.MetricsSink)
	r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
	require.Eventually(t, func() bool { return up(sink.AllMetrics(), "edge", 1) >= 2 && up(sink.AllMetrics(), "gone", 0) >= 2 },
		10*time.Second, 10*time.Millisecond)
	require.NoError(t, r.Shutdown(context.Background()))

	for _, md := range sink.AllMetrics() {
		rm := md.ResourceMetrics().At(0)
		target, _ := rm.Resource().Attributes().Get("was.target")
		ms := rm.ScopeMetrics().At(0).Metrics()
		names := map[string]pmetric.Metric{}
		for i := 0; i < ms.Len(); i++ {
			names[ms.At(i).Name()] = ms.At(i)
		}
		require.Contains(t, names, "was.scrape.duration")
		if target.Str() == "edge" {
			assert.Equal(t, int64(42), names["nginx.requests"].Sum().DataPoints().At(0).IntValue())
			assert.Equal(t, 4, names["nginx.connections_current"].Sum().DataPoints().Len())
		} else {
			assert.Len(t, names, 2, "a failed poll has only the health metrics")
			port, _ := rm.Resource().Attributes().Get("server.port")
			assert.Equal(t, int64(1), port.Int())
		}
	}
}

func up(mds []pmetric.Metrics, target string, want int64) int {
	n := 0
	for _, md := range mds {
		rm := md.ResourceMetrics().At(0)
		if v, _ := rm.Resource().Attributes().Get("was.target"); v.Str() != target {
			continue
		}
		ms := rm.ScopeMetrics().At(0).Metrics()
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Name() == "was.up" && ms.At(i).Gauge().DataPoints().At(0).IntValue() == want {
				n++
			}
		}
	}
	return n
}

func TestShutdownWithoutStart(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig().(*Config)
	r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(metadata.Type), cfg, consumertest.NewNop())
	require.NoError(t, err)
	require.NoError(t, r.Shutdown(context.Background()))
}

// TestReceiverTLS reads an https status page with the server's certificate
// given in tls::ca_file (confighttp): up; without it: down with the TLS fix.
func TestReceiverTLS(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("Active connections: 1 \nserver accepts handled requests\n 1 1 7 \nReading: 0 Writing: 1 Waiting: 0 \n"))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	srv.StartTLS()
	t.Cleanup(srv.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600))

	cfg := createDefaultConfig().(*Config)
	cfg.CollectionInterval = 50 * time.Millisecond
	cfg.Jitter = 0
	cfg.Targets = []Target{{Name: "trusted", Kind: "nginx"}, {Name: "untrusted", Kind: "nginx"}}
	for i := range cfg.Targets {
		cfg.Targets[i].ClientConfig = confighttp.NewDefaultClientConfig()
		cfg.Targets[i].ClientConfig.Endpoint = srv.URL + "/status"
	}
	cfg.Targets[0].ClientConfig.TLS.CAFile = ca
	require.NoError(t, cfg.Validate())

	core, logs := observer.New(zapcore.InfoLevel)
	set := receivertest.NewNopSettings(metadata.Type)
	set.Logger = zap.New(core)
	sink := new(consumertest.MetricsSink)
	r, err := NewFactory().CreateMetrics(context.Background(), set, cfg, sink)
	require.NoError(t, err)
	require.NoError(t, r.Start(context.Background(), componenttest.NewNopHost()))
	require.Eventually(t, func() bool {
		return up(sink.AllMetrics(), "trusted", 1) >= 1 && up(sink.AllMetrics(), "untrusted", 0) >= 1
	},
		10*time.Second, 10*time.Millisecond)
	require.NoError(t, r.Shutdown(context.Background()))
	down := logs.FilterMessage("target untrusted is down; will keep polling and log again when its state changes").All()
	require.Len(t, down, 1)
	assert.Contains(t, down[0].ContextMap()["error"], "check tls::ca_file")
}
