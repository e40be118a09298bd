package harness

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// OTLPClient sends OTLP over gRPC to a collector, as an instrumented
// application would.
type OTLPClient struct {
	conn    *grpc.ClientConn
	traces  ptraceotlp.GRPCClient
	metrics pmetricotlp.GRPCClient
	logs    plogotlp.GRPCClient
}

// NewOTLPClient connects to endpoint ("host:port") without TLS; the
// connection closes when the test ends.
func NewOTLPClient(t testing.TB, endpoint string) *OTLPClient {
	t.Helper()
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatalf("OTLP client for %s: %v", endpoint, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return &OTLPClient{
		conn:    conn,
		traces:  ptraceotlp.NewGRPCClient(conn),
		metrics: pmetricotlp.NewGRPCClient(conn),
		logs:    plogotlp.NewGRPCClient(conn),
	}
}

func sendCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

// SendTraces exports td and returns the collector's answer.
func (c *OTLPClient) SendTraces(td ptrace.Traces) error {
	ctx, cancel := sendCtx()
	defer cancel()
	_, err := c.traces.Export(ctx, ptraceotlp.NewExportRequestFromTraces(td))
	return err
}

// SendMetrics exports md and returns the collector's answer.
func (c *OTLPClient) SendMetrics(md pmetric.Metrics) error {
	ctx, cancel := sendCtx()
	defer cancel()
	_, err := c.metrics.Export(ctx, pmetricotlp.NewExportRequestFromMetrics(md))
	return err
}

// SendLogs exports ld and returns the collector's answer.
func (c *OTLPClient) SendLogs(ld plog.Logs) error {
	ctx, cancel := sendCtx()
	defer cancel()
	_, err := c.logs.Export(ctx, plogotlp.NewExportRequestFromLogs(ld))
	return err
}
