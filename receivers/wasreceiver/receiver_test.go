package wasreceiver

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"

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
			assert.Equal(t, "1", port.Str())
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
