package durableotlpexporter

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"go.opentelemetry.io/collector/pipeline"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"
	"google.golang.org/grpc"

	"github.com/otelcol-ems/otelcol-ems/exporters/durableotlpexporter/internal/metadata"
)

var errNotStarted = errors.New("durable_otlp: the exporter is not running")

// durableExporter is one signal's exporter: its own storage client, queue,
// gRPC connection and senders.
type durableExporter struct {
	cfg    *Config
	set    exporter.Settings
	signal pipeline.Signal
	ops    signalOps
	tel    *metadata.TelemetryBuilder

	client storage.Client
	q      atomic.Pointer[queue]
	conn   *grpc.ClientConn
	cancel context.CancelFunc
	wg     sync.WaitGroup

	logRefused, logRetry, logDrop, logReject rateLimit
}

func newExporter(cfg *Config, set exporter.Settings, signal pipeline.Signal) (*durableExporter, error) {
	ops, err := opsFor(signal)
	if err != nil {
		return nil, err
	}
	tel, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	return &durableExporter{cfg: cfg, set: set, signal: signal, ops: ops, tel: tel}, nil
}

func (e *durableExporter) Capabilities() consumer.Capabilities {
	return consumer.Capabilities{MutatesData: false}
}

func (e *durableExporter) Start(ctx context.Context, host component.Host) error {
	ext, ok := host.GetExtensions()[e.cfg.Storage]
	if !ok {
		return fmt.Errorf("storage: extension %q not found (add it to service::extensions)", e.cfg.Storage)
	}
	se, ok := ext.(storage.Extension)
	if !ok {
		return fmt.Errorf("storage: extension %q is not a storage extension", e.cfg.Storage)
	}
	client, err := se.GetClient(ctx, component.KindExporter, e.set.ID, e.signal.String())
	if err != nil {
		return fmt.Errorf("storage: extension %q gave no client: %w", e.cfg.Storage, err)
	}
	e.client = client
	q, err := openQueue(ctx, client, e.cfg.MaxQueueMiB<<20)
	if err != nil {
		return fmt.Errorf("storage %q: %w", e.cfg.Storage, err)
	}
	conn, err := e.cfg.ClientConfig.ToClientConn(ctx, host.GetExtensions(), e.set.TelemetrySettings)
	if err != nil {
		return fmt.Errorf("endpoint %q: %w", e.cfg.ClientConfig.Endpoint, err)
	}
	e.conn = conn
	gauges := []struct {
		reg func(metric.Int64Callback) error
		v   *atomic.Int64
	}{
		{e.tel.RegisterDurableOtlpQueueSizeCallback, &q.size},
		{e.tel.RegisterDurableOtlpQueueBytesCallback, &q.bytes},
		{e.tel.RegisterDurableOtlpQueueItemsCallback, &q.items},
	}
	for _, g := range gauges {
		v := g.v
		if err := g.reg(func(_ context.Context, o metric.Int64Observer) error { o.Observe(v.Load()); return nil }); err != nil {
			return err
		}
	}
	e.q.Store(q)
	runCtx, cancel := context.WithCancel(context.Background())
	e.cancel = cancel
	for range e.cfg.NumConsumers {
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			e.run(runCtx, q)
		}()
	}
	e.set.Logger.Info("Durable OTLP exporter started",
		zap.String("endpoint", e.cfg.ClientConfig.Endpoint), zap.Stringer("storage", e.cfg.Storage),
		zap.Int64("queued_requests", q.size.Load()), zap.Int64("queued_bytes", q.bytes.Load()))
	return nil
}

// Shutdown stops the senders; what is queued stays in the storage and is
// sent after the next start.
func (e *durableExporter) Shutdown(ctx context.Context) error {
	q := e.q.Swap(nil)
	if e.cancel != nil {
		e.cancel()
	}
	done := make(chan struct{})
	go func() { e.wg.Wait(); close(done) }()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = fmt.Errorf("durable_otlp: senders still running at shutdown: %w", ctx.Err())
	}
	if e.conn != nil {
		err = errors.Join(err, e.conn.Close())
	}
	if e.client != nil {
		err = errors.Join(err, e.client.Close(ctx))
	}
	if q != nil {
		e.set.Logger.Info("Durable OTLP exporter stopped", zap.Int64("queued_requests", q.size.Load()))
	}
	e.tel.Shutdown()
	return err
}

func (e *durableExporter) ConsumeLogs(ctx context.Context, ld plog.Logs) error {
	n := ld.LogRecordCount()
	if n == 0 {
		return nil
	}
	req, err := plogotlp.NewExportRequestFromLogs(ld).MarshalProto()
	if err != nil {
		return consumerPermanent(err)
	}
	return e.store(ctx, n, req)
}

func (e *durableExporter) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	n := td.SpanCount()
	if n == 0 {
		return nil
	}
	req, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	if err != nil {
		return consumerPermanent(err)
	}
	return e.store(ctx, n, req)
}

func (e *durableExporter) ConsumeMetrics(ctx context.Context, md pmetric.Metrics) error {
	n := md.DataPointCount()
	if n == 0 {
		return nil
	}
	req, err := pmetricotlp.NewExportRequestFromMetrics(md).MarshalProto()
	if err != nil {
		return consumerPermanent(err)
	}
	return e.store(ctx, n, req)
}

// store appends one request to the queue. A refusal (full storage, full
// queue, storage error) goes back to the caller, who keeps the data: the
// OTLP receiver answers its client with a retryable error.
func (e *durableExporter) store(ctx context.Context, n int, req []byte) error {
	q := e.q.Load()
	if q == nil {
		return errNotStarted
	}
	if err := q.offer(ctx, n, req); err != nil {
		e.tel.DurableOtlpRefusedItems.Add(ctx, int64(n))
		if e.logRefused.allow() {
			e.set.Logger.Warn("Durable OTLP exporter refused data: the queue could not store it (logged at most every 10 s)",
				zap.Stringer("storage", e.cfg.Storage), zap.Int("items", n), zap.Error(err))
		}
		if errors.Is(err, storage.ErrStorageFull) {
			return fmt.Errorf("durable_otlp: storage %q is full: %w", e.cfg.Storage, err)
		}
		return fmt.Errorf("durable_otlp: storing in %q: %w", e.cfg.Storage, err)
	}
	e.tel.DurableOtlpStoredItems.Add(ctx, int64(n))
	return nil
}

// rateLimit lets one log line through per 10 s.
type rateLimit struct{ next atomic.Int64 }

func (r *rateLimit) allow() bool {
	now := time.Now().UnixNano()
	next := r.next.Load()
	return now >= next && r.next.CompareAndSwap(next, now+int64(10*time.Second))
}
