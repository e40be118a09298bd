//go:build integration

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/plogtest"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/pmetrictest"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/ptracetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// passThroughConfig is OTLP in, batch, OTLP out to the sink.
func passThroughConfig(grpcIn, sinkEndpoint, batch string) string {
	return harness.SinkConfig(fmt.Sprintf(`receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
processors:
  batch:
%s
`, grpcIn, batch), sinkEndpoint,
		harness.Pipeline{Signal: "traces", Receivers: []string{"otlp"}, Processors: []string{"batch"}},
		harness.Pipeline{Signal: "metrics", Receivers: []string{"otlp"}, Processors: []string{"batch"}},
		harness.Pipeline{Signal: "logs", Receivers: []string{"otlp"}, Processors: []string{"batch"}})
}

func TestOTLPPassThroughUnchanged(t *testing.T) {
	sink := harness.StartSink(t)
	in := harness.FreeAddr(t)
	harness.StartCollector(t, passThroughConfig(in, sink.GRPCEndpoint, "    timeout: 100ms"))
	client := harness.NewOTLPClient(t, in)
	base := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

	traces := harness.GenTraces("checkout", 20, base)
	logs := harness.GenLogs("checkout", 30, base, true)
	metrics := harness.GenMetrics("checkout", 5, base)
	require.NoError(t, client.SendTraces(traces))
	require.NoError(t, client.SendLogs(logs))
	require.NoError(t, client.SendMetrics(metrics))

	require.Eventually(t, func() bool {
		return sink.Traces.SpanCount() == 20 && sink.Logs.LogRecordCount() == 30 && sink.Metrics.DataPointCount() == 15
	}, 30*time.Second, 50*time.Millisecond, "spans=%d logs=%d points=%d",
		sink.Traces.SpanCount(), sink.Logs.LogRecordCount(), sink.Metrics.DataPointCount())

	require.Len(t, sink.Traces.AllTraces(), 1)
	require.NoError(t, ptracetest.CompareTraces(traces, sink.Traces.AllTraces()[0]))
	require.Len(t, sink.Logs.AllLogs(), 1)
	require.NoError(t, plogtest.CompareLogs(logs, sink.Logs.AllLogs()[0]))
	require.Len(t, sink.Metrics.AllMetrics(), 1)
	require.NoError(t, pmetrictest.CompareMetrics(metrics, sink.Metrics.AllMetrics()[0]))
}

// What the collector accepted before SIGTERM must be exported during
// shutdown, not lost: the batch processor holds everything (huge batch, long
// timeout) until shutdown flushes it.
func TestSIGTERMFlushesAcceptedData(t *testing.T) {
	sink := harness.StartSink(t)
	in := harness.FreeAddr(t)
	c := harness.StartCollector(t, passThroughConfig(in, sink.GRPCEndpoint,
		"    timeout: 1h\n    send_batch_size: 1000000\n    send_batch_max_size: 0"))
	client := harness.NewOTLPClient(t, in)
	base := time.Now()

	const batches, perBatch = 10, 100
	for i := 0; i < batches; i++ {
		require.NoError(t, client.SendLogs(harness.GenLogs("svc", perBatch, base, false)))
	}
	require.NoError(t, client.SendTraces(harness.GenTraces("svc", 40, base)))
	accepted := c.Metric(t, "otelcol_receiver_accepted_log_records", map[string]string{"receiver": "otlp"})
	require.Equal(t, float64(batches*perBatch), accepted)
	// Nothing has left yet: the batch processor is holding it.
	assert.Equal(t, 0, sink.Logs.LogRecordCount())

	require.Equal(t, 0, c.Stop(), "clean shutdown exits 0")
	assert.Equal(t, batches*perBatch, sink.Logs.LogRecordCount(), "accepted logs flushed on SIGTERM")
	assert.Equal(t, 40, sink.Traces.SpanCount(), "accepted spans flushed on SIGTERM")
	assert.Contains(t, c.Output(), "Shutdown complete")
}
