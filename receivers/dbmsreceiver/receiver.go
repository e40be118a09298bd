package dbmsreceiver

import (
	"context"
	"errors"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/internal/deliver"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver/internal/metadata"
)

var healthNames = targetpoll.HealthNames{Up: "dbms.up", Duration: "dbms.scrape.duration"}

// dbmsReceiver scrapes the configured servers. One instance serves both
// the metrics and the logs pipeline of a receiver ID.
type dbmsReceiver struct {
	set       receiver.Settings
	cfg       *Config
	metrics   consumer.Metrics
	logs      consumer.Logs
	telemetry *metadata.TelemetryBuilder
	send      *deliver.Sender
	targets   []*target
	sched     *targetpoll.Scheduler

	mu      sync.Mutex
	started int
}

var (
	sharedMu  sync.Mutex
	instances = map[*Config]*dbmsReceiver{}
)

// shared returns the one receiver of a configuration, so that its metrics
// and logs pipelines share the servers' pools and schedule.
func shared(set receiver.Settings, cfg *Config) *dbmsReceiver {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if r, ok := instances[cfg]; ok {
		return r
	}
	r := &dbmsReceiver{set: set, cfg: cfg}
	instances[cfg] = r
	return r
}

// Start connects nothing yet: each target opens its pool on its first poll.
func (r *dbmsReceiver) Start(ctx context.Context, host component.Host) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.started++
	if r.started > 1 {
		return nil
	}
	tb, err := metadata.NewTelemetryBuilder(r.set.TelemetrySettings)
	if err != nil {
		return err
	}
	r.telemetry = tb
	if r.send, err = deliver.NewSender(r.set, "sql", "database"); err != nil {
		return err
	}
	targets := make([]targetpoll.Target, len(r.cfg.Targets))
	for i := range r.cfg.Targets {
		t := &r.cfg.Targets[i]
		set, err := r.cfg.settings(t)
		if err != nil {
			return err
		}
		if !t.TLS.Insecure {
			set.TLS, err = t.TLS.LoadTLSConfig(ctx)
			if err != nil {
				return err
			}
		}
		tg := newTarget(r.cfg, t, set, r.set)
		tg.queryErrors = func(ctx context.Context, n int) { r.telemetry.ReceiverDbmsQueryErrors.Add(ctx, int64(n)) }
		tg.customs.dropped = func(ctx context.Context, n int) { r.telemetry.ReceiverDbmsRecordsDropped.Add(ctx, int64(n)) }
		if err := tg.customs.bind(ctx, host, r.set.ID); err != nil {
			return err
		}
		r.targets = append(r.targets, tg)
		targets[i] = targetpoll.Target{
			Name:     set.Name,
			Interval: tg.interval,
			Timeout:  tg.interval,
			Poller:   tg,
		}
	}
	r.sched, err = r.cfg.Launch(ctx, r.set.Logger, "database scrapes", targets, r.deliver)
	return err
}

// deliver adds dbms.up and dbms.scrape.duration to the server's resource
// and hands metrics and logs on.
func (r *dbmsReceiver) deliver(ctx context.Context, res targetpoll.Result) {
	r.telemetry.ReceiverDbmsScrapes.Add(ctx, 1)
	if !res.Up {
		r.telemetry.ReceiverDbmsScrapeFailures.Add(ctx, 1)
	}
	t := r.targets[res.Index]
	md := res.Output.Metrics
	var ms pmetric.MetricSlice
	if rms := md.ResourceMetrics(); rms.Len() > 0 {
		if _, perDB := rms.At(0).Resource().Attributes().Get("db.namespace"); !perDB && rms.At(0).ScopeMetrics().Len() > 0 {
			ms = rms.At(0).ScopeMetrics().At(0).Metrics()
		}
	}
	if ms == (pmetric.MetricSlice{}) {
		rm := pmetric.NewResourceMetrics()
		t.resource().CopyTo(rm.Resource())
		sm := rm.ScopeMetrics().AppendEmpty()
		sm.Scope().SetName(metadata.ScopeName)
		sm.Scope().SetVersion(r.set.BuildInfo.Version)
		ms = sm.Metrics()
		// The server's resource goes first.
		all := pmetric.NewResourceMetricsSlice()
		rm.MoveTo(all.AppendEmpty())
		md.ResourceMetrics().MoveAndAppendTo(all)
		all.MoveAndAppendTo(md.ResourceMetrics())
	}
	targetpoll.AppendHealth(ms, healthNames, res)
	if r.metrics != nil {
		r.send.Metrics(ctx, r.metrics, res.Target, md)
	}
	if ld := res.Output.Logs; r.logs != nil && ld.LogRecordCount() > 0 {
		r.send.Logs(ctx, r.logs, res.Target, ld)
	}
}

// Shutdown stops scraping and closes the pools (the scheduler waits for
// scrapes in flight first). It is safe without Start.
func (r *dbmsReceiver) Shutdown(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.started > 1 {
		r.started--
		return nil
	}
	r.started = 0
	sharedMu.Lock()
	delete(instances, r.cfg)
	sharedMu.Unlock()
	var errs []error
	if r.sched != nil {
		errs = append(errs, r.sched.Shutdown(ctx))
		r.sched = nil
		r.set.Logger.Info("stopped database scrapes")
	}
	r.targets = nil
	if r.telemetry != nil {
		r.telemetry.Shutdown()
		r.telemetry = nil
	}
	return errors.Join(errs...)
}
