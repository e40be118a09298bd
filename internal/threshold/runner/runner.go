package runner

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

// stateKey is the storage key of the alert state.
const stateKey = "alerts"

// Settings is what a component passes to New.
type Settings struct {
	Telemetry component.TelemetrySettings
	ID        component.ID
	Kind      component.Kind
	// Scope names the instrumentation scope of the emitted logs and metrics.
	Scope string
}

// Runner evaluates the rules of one component on a timer.
type Runner struct {
	set Settings
	cfg *Config
	eng *threshold.Engine
	log *zap.Logger

	mu   sync.Mutex // ingestion buffers
	conv converter

	logs    consumer.Logs
	metrics consumer.Metrics

	life    sync.Mutex
	refs    int
	client  storage.Client
	cancel  context.CancelFunc
	done    chan struct{}
	reg     metric.Registration
	events  metric.Int64Counter
	failed  metric.Int64Counter
	started bool
}

// New compiles the rules; Start begins evaluating.
func New(set Settings, cfg *Config) (*Runner, error) {
	eng, err := threshold.New(threshold.Config{Rules: cfg.Rules, MaxSeries: cfg.MaxSeries, MaxSamples: cfg.MaxSamplesPerSeries})
	if err != nil {
		return nil, err
	}
	return &Runner{set: set, cfg: cfg, eng: eng, log: set.Telemetry.Logger}, nil
}

// SetLogs sets where events go.
func (r *Runner) SetLogs(c consumer.Logs) { r.logs = c }

// SetMetrics sets where the state gauge goes.
func (r *Runner) SetMetrics(c consumer.Metrics) { r.metrics = c }

// HasLogs reports whether events have a consumer.
func (r *Runner) HasLogs() bool { return r.logs != nil }

// Engine returns the engine, for tests and benchmarks.
func (r *Runner) Engine() *threshold.Engine { return r.eng }

// Observe feeds metrics to the rules.
func (r *Runner) Observe(md pmetric.Metrics) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.eng.Begin(time.Now().UnixNano())
	r.conv.feed(b, md)
	b.End()
}

// Start starts evaluating; a runner shared by several components starts
// once and stops with the last Shutdown.
func (r *Runner) Start(ctx context.Context, host component.Host) error {
	r.life.Lock()
	defer r.life.Unlock()
	r.refs++
	if r.refs > 1 {
		return nil
	}
	if err := r.telemetry(); err != nil {
		return err
	}
	now := time.Now()
	if r.cfg.Storage != nil {
		client, err := StorageClient(ctx, host, *r.cfg.Storage, r.set.Kind, r.set.ID, "")
		if err != nil {
			return err
		}
		r.client = client
		data, err := client.Get(ctx, stateKey)
		if err != nil {
			return fmt.Errorf("storage: %q: reading the alert state: %w", r.cfg.Storage, err)
		}
		gone, err := r.eng.Restore(data, now.UnixNano())
		if err != nil {
			// A state we cannot read must not keep the collector down.
			r.log.Warn("Alert state not restored; starting from inactive", zap.Error(err))
		}
		r.emit(ctx, threshold.Result{Events: gone}, now)
	}
	loopCtx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	r.done = make(chan struct{})
	r.started = true
	go r.loop(loopCtx)
	r.log.Info("Threshold rules started", zap.Int("rules", len(r.cfg.Rules)), zap.Duration("evaluation_interval", r.cfg.EvaluationInterval))
	return nil
}

func (r *Runner) loop(ctx context.Context) {
	defer close(r.done)
	t := time.NewTicker(r.cfg.EvaluationInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			r.Evaluate(ctx, now)
		}
	}
}

// Evaluate runs the rules at now, emits the outcome and saves the state.
func (r *Runner) Evaluate(ctx context.Context, now time.Time) threshold.Result {
	res := r.eng.Evaluate(now.UnixNano())
	r.emit(ctx, res, now)
	if err := r.save(ctx); err != nil {
		r.log.Warn("Alert state not saved", zap.Error(err))
	}
	return res
}

func (r *Runner) emit(ctx context.Context, res threshold.Result, now time.Time) {
	if len(res.Events) > 0 && r.logs != nil {
		ld := eventLogs(res.Events, r.set.Scope, r.cfg.EvaluationInterval, now)
		if r.events != nil {
			r.events.Add(ctx, int64(len(res.Events)))
		}
		if err := r.logs.ConsumeLogs(ctx, ld); err != nil {
			r.count(ctx, len(res.Events))
			r.log.Warn("Alert events not delivered", zap.Int("events", len(res.Events)), zap.Error(err))
		}
	}
	if len(res.Active) > 0 && r.metrics != nil {
		if err := r.metrics.ConsumeMetrics(ctx, stateMetrics(res.Active, r.cfg.StateMetric, r.set.Scope, now)); err != nil {
			r.count(ctx, len(res.Active))
			r.log.Warn("Alert state metric not delivered", zap.Error(err))
		}
	}
}

func (r *Runner) count(ctx context.Context, n int) {
	if r.failed != nil {
		r.failed.Add(ctx, int64(n))
	}
}

func (r *Runner) save(ctx context.Context) error {
	if r.client == nil || !r.eng.Dirty() {
		return nil
	}
	data, err := r.eng.Snapshot()
	if err != nil {
		return err
	}
	return r.client.Set(ctx, stateKey, data)
}

// Shutdown stops the timer, saves the state and closes the storage client.
// It is safe without Start and honours the context's deadline.
func (r *Runner) Shutdown(ctx context.Context) error {
	r.life.Lock()
	defer r.life.Unlock()
	if r.refs > 0 {
		r.refs--
	}
	if r.refs > 0 {
		return nil
	}
	var errs []error
	if r.started {
		r.started = false
		r.cancel()
		select {
		case <-r.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if r.client != nil {
			data, err := r.eng.Snapshot()
			if err == nil {
				err = r.client.Set(ctx, stateKey, data)
			}
			errs = append(errs, err)
		}
	}
	// Also after a failed Start: what it opened is closed here.
	if r.client != nil {
		errs = append(errs, r.client.Close(ctx))
		r.client = nil
	}
	if r.reg != nil {
		errs = append(errs, r.reg.Unregister())
		r.reg = nil
	}
	return errors.Join(errs...)
}
