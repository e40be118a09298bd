package harness

import (
	"context"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/receiver/receivertest"
)

// Sink is a real OTLP endpoint (gRPC and HTTP) built from the upstream
// otlpreceiver. Everything the collector under test exports lands in its
// consumertest sinks, as pdata.
type Sink struct {
	GRPCEndpoint string
	HTTPEndpoint string

	Traces  *consumertest.TracesSink
	Metrics *consumertest.MetricsSink
	Logs    *consumertest.LogsSink

	mu      sync.Mutex
	failErr error
	comps   []component.Component
	stopped bool
}

// StartSink starts an OTLP endpoint on free loopback ports; it stops when the
// test ends.
func StartSink(t testing.TB) *Sink {
	t.Helper()
	return StartSinkAt(t, FreeAddr(t), FreeAddr(t))
}

// StartSinkAt starts an OTLP endpoint on the given "host:port" addresses, for
// example to bring a backend back on the ports a collector already targets.
func StartSinkAt(t testing.TB, grpcEndpoint, httpEndpoint string) *Sink {
	t.Helper()
	s := &Sink{
		GRPCEndpoint: grpcEndpoint,
		HTTPEndpoint: httpEndpoint,
		Traces:       new(consumertest.TracesSink),
		Metrics:      new(consumertest.MetricsSink),
		Logs:         new(consumertest.LogsSink),
	}
	f := otlpreceiver.NewFactory()
	cfg := f.CreateDefaultConfig()
	conf := confmap.NewFromStringMap(map[string]any{
		"protocols": map[string]any{
			"grpc": map[string]any{"endpoint": grpcEndpoint},
			"http": map[string]any{"endpoint": httpEndpoint},
		},
	})
	if err := conf.Unmarshal(cfg); err != nil {
		t.Fatalf("configuring the OTLP sink: %v", err)
	}
	set := receivertest.NewNopSettings(f.Type())
	ctx := context.Background()
	tr, err := f.CreateTraces(ctx, set, cfg, s.tracesConsumer(t))
	if err != nil {
		t.Fatalf("creating the OTLP sink: %v", err)
	}
	me, err := f.CreateMetrics(ctx, set, cfg, s.metricsConsumer(t))
	if err != nil {
		t.Fatalf("creating the OTLP sink: %v", err)
	}
	lo, err := f.CreateLogs(ctx, set, cfg, s.logsConsumer(t))
	if err != nil {
		t.Fatalf("creating the OTLP sink: %v", err)
	}
	s.comps = []component.Component{tr, me, lo}
	for _, c := range s.comps {
		if err := c.Start(ctx, componenttest.NewNopHost()); err != nil {
			s.Stop()
			t.Fatalf("starting the OTLP sink on %s / %s: %v", grpcEndpoint, httpEndpoint, err)
		}
	}
	t.Cleanup(s.Stop)
	return s
}

// Stop shuts the endpoint down, as a backend outage would. Safe to call twice.
func (s *Sink) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return
	}
	s.stopped = true
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, c := range s.comps {
		_ = c.Shutdown(ctx)
	}
}

// FailWith makes the endpoint refuse every request with err (nil accepts
// again). Use it for fault injection next to a test with the real path.
func (s *Sink) FailWith(err error) {
	s.mu.Lock()
	s.failErr = err
	s.mu.Unlock()
}

func (s *Sink) fail() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failErr
}

// The otlpreceiver takes consumers; these route each signal to its sink
// after the fault-injection check.
func (s *Sink) tracesConsumer(t testing.TB) consumer.Traces {
	c, err := consumer.NewTraces(func(ctx context.Context, td ptrace.Traces) error {
		if err := s.fail(); err != nil {
			return err
		}
		return s.Traces.ConsumeTraces(ctx, td)
	})
	mustConsumer(t, err)
	return c
}

func (s *Sink) metricsConsumer(t testing.TB) consumer.Metrics {
	c, err := consumer.NewMetrics(func(ctx context.Context, md pmetric.Metrics) error {
		if err := s.fail(); err != nil {
			return err
		}
		return s.Metrics.ConsumeMetrics(ctx, md)
	})
	mustConsumer(t, err)
	return c
}

func (s *Sink) logsConsumer(t testing.TB) consumer.Logs {
	c, err := consumer.NewLogs(func(ctx context.Context, ld plog.Logs) error {
		if err := s.fail(); err != nil {
			return err
		}
		return s.Logs.ConsumeLogs(ctx, ld)
	})
	mustConsumer(t, err)
	return c
}

func mustConsumer(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("creating a sink consumer: %v", err)
	}
}
