package alertmanagerexporter

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/exporters/alertmanagerexporter/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/threshold/notify"
	"github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"
)

const tableKey = "alert_table"

type target struct {
	client notify.Client
	attrs  metric.MeasurementOption
}

type amExporter struct {
	cfg   *Config
	set   exporter.Settings
	log   *zap.Logger
	tel   *metadata.TelemetryBuilder
	table *notify.Table

	targets []target
	store   storage.Client
	saveMu  sync.Mutex
	cancel  context.CancelFunc
	done    chan struct{}
	now     func() time.Time
}

func newExporter(set exporter.Settings, cfg *Config) (*amExporter, error) {
	tel, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	return &amExporter{cfg: cfg, set: set, log: set.Logger, tel: tel,
		table: notify.NewTable(cfg.ResendInterval, cfg.ResolvedResendFor), now: time.Now}, nil
}

func (e *amExporter) start(ctx context.Context, host component.Host) error {
	for i := range e.cfg.Alertmanagers {
		am := &e.cfg.Alertmanagers[i]
		hc, err := am.ToClient(ctx, host.GetExtensions(), e.set.TelemetrySettings)
		if err != nil {
			return fmt.Errorf("alertmanagers[%d]: %w", i, err)
		}
		addr := am.Endpoint
		if u, err := url.Parse(am.Endpoint); err == nil {
			addr = u.Host
		}
		e.targets = append(e.targets, target{client: notify.Client{URL: am.Endpoint, HTTP: hc},
			attrs: metric.WithAttributeSet(attribute.NewSet(attribute.String("server.address", addr)))})
	}
	if id := e.cfg.storageID(); id != nil {
		client, err := runner.StorageClient(ctx, host, *id, component.KindExporter, e.set.ID, "alerts")
		if err != nil {
			return err
		}
		e.store = client
		data, err := client.Get(ctx, tableKey)
		if err != nil {
			return fmt.Errorf("storage: %q: reading the alert table: %w", id, err)
		}
		if err := e.table.Restore(data); err != nil {
			e.log.Warn("Alert table not restored; starting empty", zap.Error(err))
		}
	}
	loopCtx, cancel := context.WithCancel(context.Background())
	e.cancel = cancel
	e.done = make(chan struct{})
	// What was restored goes out at once, so a restart does not let the
	// alerts time out in Alertmanager.
	go e.resendLoop(loopCtx, e.table.Due(e.now()))
	e.log.Info("Alertmanager exporter started", zap.Int("alertmanagers", len(e.targets)), zap.Int("alerts_restored", e.table.Len()))
	return nil
}

// resendLoop sends the restored alerts, then re-sends every resend_interval.
func (e *amExporter) resendLoop(ctx context.Context, restored []notify.Alert) {
	defer close(e.done)
	t := time.NewTicker(e.cfg.ResendInterval)
	defer t.Stop()
	if len(restored) > 0 {
		if err := e.sendAll(ctx, restored); err != nil {
			e.log.Warn("Restored alerts not sent; next try in resend_interval", zap.Error(err))
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			e.resend(ctx)
		}
	}
}

func (e *amExporter) resend(ctx context.Context) {
	alerts := e.table.Due(e.now())
	if len(alerts) > 0 {
		if err := e.sendAll(ctx, alerts); err != nil {
			e.log.Warn("Alert re-send failed; next try in resend_interval", zap.Error(err))
		}
	}
	e.save(ctx)
}

// sendAll posts to every Alertmanager; it fails only when none took them,
// since the re-send loop brings the others up to date.
func (e *amExporter) sendAll(ctx context.Context, alerts []notify.Alert) error {
	var errs []error
	okCount := 0
	for i := range e.targets {
		tg := &e.targets[i]
		if err := tg.client.Send(ctx, alerts); err != nil {
			e.tel.ExporterAlertmanagerAlertsFailed.Add(ctx, int64(len(alerts)), tg.attrs)
			errs = append(errs, err)
			continue
		}
		okCount++
		e.tel.ExporterAlertmanagerAlertsSent.Add(ctx, int64(len(alerts)), tg.attrs)
	}
	if okCount > 0 {
		if len(errs) > 0 {
			e.log.Warn("Some Alertmanagers did not take the alerts; re-sends will retry", zap.Error(errors.Join(errs...)))
		}
		return nil
	}
	err := errors.Join(errs...)
	allPermanent := true
	for _, e := range errs {
		allPermanent = allPermanent && errors.Is(e, notify.ErrPermanent)
	}
	if allPermanent {
		return consumererror.NewPermanent(err)
	}
	return err
}

func (e *amExporter) push(ctx context.Context, ld plog.Logs) error {
	now := e.now()
	var alerts []notify.Alert
	ignored := 0
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		sls := rls.At(i).ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			lrs := sls.At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				u, ok := toUpdate(lrs.At(k), e.cfg.GeneratorURL, e.cfg.EvaluationInterval)
				if !ok {
					ignored++
					continue
				}
				if a, ok := e.table.Apply(u, now); ok {
					alerts = append(alerts, a)
				}
			}
		}
	}
	if ignored > 0 {
		e.tel.ExporterAlertmanagerRecordsIgnored.Add(ctx, int64(ignored))
	}
	if len(alerts) == 0 {
		return nil
	}
	e.save(ctx)
	return e.sendAll(ctx, alerts)
}

func (e *amExporter) save(ctx context.Context) {
	if e.store == nil {
		return
	}
	e.saveMu.Lock()
	defer e.saveMu.Unlock()
	data, err := e.table.Snapshot()
	if err == nil {
		err = e.store.Set(ctx, tableKey, data)
	}
	if err != nil {
		e.log.Warn("Alert table not saved", zap.Error(err))
	}
}

func (e *amExporter) shutdown(ctx context.Context) error {
	if e.cancel != nil {
		e.cancel()
		select {
		case <-e.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var errs []error
	if e.store != nil {
		e.save(ctx)
		errs = append(errs, e.store.Close(ctx))
		e.store = nil
	}
	e.tel.Shutdown()
	return errors.Join(errs...)
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }
