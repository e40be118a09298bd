package localstoreexporter

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/exporters/localstoreexporter/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// storeExporter writes one signal into a store found at start.
type storeExporter struct {
	cfg       *Config
	provider  localstoreextension.StoreProvider
	store     atomic.Pointer[store.Store]
	telemetry *metadata.TelemetryBuilder
	attrs     metric.MeasurementOption
	logger    *zap.Logger
	// deepLogged is set once a too-deep refusal was logged.
	deepLogged atomic.Bool
}

func newExporter(cfg *Config, set exporter.Settings) (*storeExporter, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	return &storeExporter{cfg: cfg, telemetry: tb, logger: set.Logger,
		attrs: metric.WithAttributes(attribute.String("store", cfg.Store))}, nil
}

// start finds the extension by its component ID and the store in it.
func (e *storeExporter) start(_ context.Context, host component.Host) error {
	ext, ok := host.GetExtensions()[e.cfg.Extension]
	if !ok {
		return fmt.Errorf("local_store exporter: extension %q is not configured; add it under extensions: and service::extensions", e.cfg.Extension)
	}
	p, ok := ext.(localstoreextension.StoreProvider)
	if !ok {
		return fmt.Errorf("local_store exporter: extension %q is not a local_store extension", e.cfg.Extension)
	}
	e.provider = p
	if _, err := e.target(); err != nil && !errors.Is(err, localstoreextension.ErrStoreNotReady) {
		return err
	}
	return nil
}

// target returns the store; one that waits for disk space to open is
// looked up again on each write until it is open.
func (e *storeExporter) target() (*store.Store, error) {
	if s := e.store.Load(); s != nil {
		return s, nil
	}
	s, err := e.provider.Store(e.cfg.Store)
	if err != nil {
		return nil, fmt.Errorf("local_store exporter: %w", err)
	}
	e.store.Store(s)
	return s, nil
}

// done turns a write result into the exporter's answer: expired records are
// counted; a write error is permanent once the store is closed.
func (e *storeExporter) done(ctx context.Context, sig store.Signal, res store.WriteResult, err error) error {
	if res.Expired > 0 {
		e.telemetry.LocalStoreRecordsExpired.Add(ctx, int64(res.Expired), e.attrs,
			metric.WithAttributes(attribute.String("signal", sig.String())))
	}
	if res.TooDeep > 0 {
		e.telemetry.LocalStoreRecordsTooDeep.Add(ctx, int64(res.TooDeep), e.attrs,
			metric.WithAttributes(attribute.String("signal", sig.String())))
		if e.deepLogged.CompareAndSwap(false, true) {
			e.logger.Warn("Refused records whose values nest too deep to be read back; counted in otelcol_local_store_records_too_deep, logged once",
				zap.String("store", e.cfg.Store), zap.Stringer("signal", sig), zap.Int("records", res.TooDeep))
		}
	}
	if errors.Is(err, store.ErrClosed) {
		return consumererror.NewPermanent(err)
	}
	return err
}

func (e *storeExporter) pushTraces(ctx context.Context, td ptrace.Traces) error {
	s, err := e.target()
	if err != nil {
		return err
	}
	res, err := s.WriteTraces(ctx, td)
	return e.done(ctx, store.Traces, res, err)
}

func (e *storeExporter) pushLogs(ctx context.Context, ld plog.Logs) error {
	s, err := e.target()
	if err != nil {
		return err
	}
	res, err := s.WriteLogs(ctx, ld)
	return e.done(ctx, store.Logs, res, err)
}

func (e *storeExporter) pushMetrics(ctx context.Context, md pmetric.Metrics) error {
	s, err := e.target()
	if err != nil {
		return err
	}
	res, err := s.WriteMetrics(ctx, md)
	return e.done(ctx, store.Metrics, res, err)
}
