//go:build integration

package e2e

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// The durable_otlp exporter in the built collector (issue 12); the
// store-and-forward guarantees it shares with otlp_grpc + sending_queue are
// in storeforward_test.go.

// rawSink is an OTLP/gRPC endpoint for all three signals that keeps what
// arrives and the authorization header it came with.
type rawSink struct {
	addr string

	mu      sync.Mutex
	logs    []plogotlp.ExportRequest
	traces  []ptraceotlp.ExportRequest
	metrics []pmetricotlp.ExportRequest
	auth    []string
}

func (s *rawSink) header(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	s.auth = append(s.auth, md.Get("authorization")...)
}

type rawLogs struct {
	plogotlp.UnimplementedGRPCServer
	s *rawSink
}

func (r rawLogs) Export(ctx context.Context, req plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.s.header(ctx)
	r.s.logs = append(r.s.logs, req)
	return plogotlp.NewExportResponse(), nil
}

type rawTraces struct {
	ptraceotlp.UnimplementedGRPCServer
	s *rawSink
}

func (r rawTraces) Export(ctx context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.s.header(ctx)
	r.s.traces = append(r.s.traces, req)
	return ptraceotlp.NewExportResponse(), nil
}

type rawMetrics struct {
	pmetricotlp.UnimplementedGRPCServer
	s *rawSink
}

func (r rawMetrics) Export(ctx context.Context, req pmetricotlp.ExportRequest) (pmetricotlp.ExportResponse, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.s.header(ctx)
	r.s.metrics = append(r.s.metrics, req)
	return pmetricotlp.NewExportResponse(), nil
}

func startRawSink(t *testing.T) *rawSink {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &rawSink{addr: lis.Addr().String()}
	srv := grpc.NewServer()
	plogotlp.RegisterGRPCServer(srv, &rawLogs{s: s})
	ptraceotlp.RegisterGRPCServer(srv, &rawTraces{s: s})
	pmetricotlp.RegisterGRPCServer(srv, &rawMetrics{s: s})
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return s
}

const durableSecret = "Bearer s3cret-token-never-logged"

func durableConfig(in, backend string) string {
	return fmt.Sprintf(`%s  badger_storage:
    directory: ${env:EMS_DIR}/queue
    memory: {value_log_file_size_mib: 16}
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
exporters:
  durable_otlp:
    endpoint: %s
    tls: {insecure: true}
    headers:
      authorization: %q
    storage: badger_storage
service:
  extensions: [health_check, badger_storage]
%s
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [durable_otlp]
    metrics:
      receivers: [otlp]
      exporters: [durable_otlp]
    logs:
      receivers: [otlp]
      exporters: [durable_otlp]
`, harness.ExtensionsYAML, in, backend, durableSecret, harness.TelemetryYAML)
}

// TestDurableOTLPForwardsEverySignalUnchanged sends traces, metrics and logs
// through durable_otlp and compares what the backend receives with what was
// sent, per signal; the configured header arrives and is never logged.
func TestDurableOTLPForwardsEverySignalUnchanged(t *testing.T) {
	sink := startRawSink(t)
	in := harness.FreeAddr(t)
	col := harness.StartCollector(t, durableConfig(in, sink.addr))
	client := harness.NewOTLPClient(t, in)
	base := time.Now()
	td, md, ld := harness.GenTraces("durable", 40, base), harness.GenMetrics("durable", 30, base), harness.GenLogs("durable", 50, base, true)
	require.NoError(t, client.SendTraces(td))
	require.NoError(t, client.SendMetrics(md))
	require.NoError(t, client.SendLogs(ld))

	require.Eventually(t, func() bool {
		sink.mu.Lock()
		defer sink.mu.Unlock()
		return len(sink.logs) == 1 && len(sink.traces) == 1 && len(sink.metrics) == 1
	}, 30*time.Second, 50*time.Millisecond)
	sink.mu.Lock()
	defer sink.mu.Unlock()
	want, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	require.NoError(t, err)
	got, err := sink.traces[0].MarshalProto()
	require.NoError(t, err)
	assert.Equal(t, want, got, "traces arrive as they were sent")
	want, err = pmetricotlp.NewExportRequestFromMetrics(md).MarshalProto()
	require.NoError(t, err)
	got, err = sink.metrics[0].MarshalProto()
	require.NoError(t, err)
	assert.Equal(t, want, got, "metrics arrive as they were sent")
	want, err = plogotlp.NewExportRequestFromLogs(ld).MarshalProto()
	require.NoError(t, err)
	got, err = sink.logs[0].MarshalProto()
	require.NoError(t, err)
	assert.Equal(t, want, got, "logs arrive as they were sent")
	assert.Equal(t, []string{durableSecret, durableSecret, durableSecret}, sink.auth)

	require.Eventually(t, func() bool {
		return col.Metric(t, "otelcol_durable_otlp_sent_items", nil) == float64(td.SpanCount()+md.DataPointCount()+ld.LogRecordCount())
	}, 10*time.Second, 100*time.Millisecond)
	assert.EqualValues(t, 3, col.Metric(t, "otelcol_durable_otlp_sent_requests", nil))
	assert.Zero(t, col.Metric(t, "otelcol_durable_otlp_queue_size", nil))
	assert.NotContains(t, col.Output(), "s3cret", "headers are secrets")
}

// TestDurableOTLPValidateNamesTheField checks `validate --config` of bad
// durable_otlp configs in the built binary.
func TestDurableOTLPValidateNamesTheField(t *testing.T) {
	good := durableConfig("127.0.0.1:4317", "backend:4317")
	for name, tc := range map[string]struct{ from, to, want string }{
		"no storage":   {"    storage: badger_storage\n", "", "storage: required"},
		"no consumers": {"    storage: badger_storage\n", "    storage: badger_storage\n    num_consumers: 0\n", "num_consumers: must be between 1 and 64, got 0"},
		"bad retry":    {"    storage: badger_storage\n", "    storage: badger_storage\n    retry_on_failure: {enabled: true, initial_interval: 0s}\n", "retry_on_failure.initial_interval: must be positive"},
		"unknown key":  {"    storage: badger_storage\n", "    storage: badger_storage\n    queue_size: 10\n", "queue_size"},
	} {
		t.Run(name, func(t *testing.T) {
			cfg := strings.Replace(good, tc.from, tc.to, 1)
			require.NotEqual(t, good, cfg)
			code, out := harness.Validate(t, cfg)
			require.NotZero(t, code, out)
			assert.Contains(t, out, "durable_otlp")
			assert.Contains(t, out, tc.want)
		})
	}
	code, out := harness.Validate(t, good)
	require.Zero(t, code, out)
}
