package wasreceiver

import (
	"context"
	"errors"
	"net/http"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/internal/deliver"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/internal/was"
	"github.com/otelcol-ems/otelcol-ems/receivers/wasreceiver/internal/metadata"
)

var healthNames = targetpoll.HealthNames{Up: "was.up", Duration: "was.scrape.duration"}

// wasReceiver polls the configured targets and hands their metrics on.
type wasReceiver struct {
	set       receiver.Settings
	cfg       *Config
	next      consumer.Metrics
	targets   []was.Target
	telemetry *metadata.TelemetryBuilder
	send      *deliver.Sender
	pollers   []*target
	sched     *targetpoll.Scheduler
}

func newReceiver(set receiver.Settings, cfg *Config, next consumer.Metrics) (*wasReceiver, error) {
	profiles, err := cfg.loadProfiles()
	if err != nil {
		return nil, err
	}
	r := &wasReceiver{set: set, cfg: cfg, next: next}
	for i := range cfg.Targets {
		t, err := cfg.target(&cfg.Targets[i], profiles)
		if err != nil {
			return nil, err
		}
		t.ScopeName = metadata.ScopeName
		t.ScopeVersion = set.BuildInfo.Version
		r.targets = append(r.targets, t)
	}
	return r, nil
}

// Start builds each target's HTTP client and starts polling.
func (r *wasReceiver) Start(ctx context.Context, host component.Host) error {
	tb, err := metadata.NewTelemetryBuilder(r.set.TelemetrySettings)
	if err != nil {
		return err
	}
	r.telemetry = tb
	if r.send, err = deliver.NewSender(r.set, "http", "WAS"); err != nil {
		return err
	}
	targets := make([]targetpoll.Target, len(r.targets))
	for i := range r.targets {
		cc := r.cfg.Targets[i].ClientConfig
		if cc.Timeout <= 0 {
			cc.Timeout = r.cfg.Timeout
		}
		client, err := cc.ToClient(ctx, host.GetExtensions(), r.set.TelemetrySettings)
		if err != nil {
			return err
		}
		p, err := was.NewPoller(r.targets[i], client)
		if err != nil {
			return err
		}
		t := &target{r: r, p: p, client: client}
		r.pollers = append(r.pollers, t)
		interval := r.cfg.interval(&r.cfg.Targets[i])
		targets[i] = targetpoll.Target{
			Name:     r.targets[i].Name,
			Interval: interval,
			// Requests of one poll run one after another, each bounded by
			// the client's timeout.
			Timeout: max(cc.Timeout, min(interval, cc.Timeout*time.Duration(len(p.URLs())))),
			Poller:  t,
		}
	}
	r.sched, err = r.cfg.Launch(ctx, r.set.Logger, "WAS polls", targets, r.deliver)
	return err
}

// target adapts one engine poller to the scheduler.
type target struct {
	r      *wasReceiver
	p      *was.Poller
	client *http.Client
}

func (t *target) Poll(ctx context.Context) (targetpoll.Output, error) {
	md, st, err := t.p.Poll(ctx, time.Now())
	tb := t.r.telemetry
	tb.ReceiverWasRequests.Add(ctx, st.Requests)
	tb.ReceiverWasReceived.Add(ctx, st.Bytes)
	if st.Dropped > 0 {
		tb.ReceiverWasValuesDropped.Add(ctx, st.Dropped)
	}
	return targetpoll.Output{Metrics: md}, err
}

// Close drops the target's idle connections once its last poll returned.
func (t *target) Close(context.Context) error {
	t.client.CloseIdleConnections()
	return nil
}

// deliver adds was.up and was.scrape.duration to a poll's metrics, on the
// target's resource, and sends them on.
func (r *wasReceiver) deliver(ctx context.Context, res targetpoll.Result) {
	r.telemetry.ReceiverWasPolls.Add(ctx, 1)
	if !res.Up {
		r.telemetry.ReceiverWasPollFailures.Add(ctx, 1)
	}
	md := res.Output.Metrics
	if md.ResourceMetrics().Len() == 0 {
		// A failed poll: an empty resource with the target's identity.
		e := r.pollers[res.Index].p.NewEmitter(res.Start)
		md = e.Metrics
	}
	ms := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	targetpoll.AppendHealth(ms, healthNames, res)
	r.send.Metrics(ctx, r.next, res.Target, md)
}

// Shutdown stops polling; the scheduler closes each target after its last
// poll. It is safe without Start.
func (r *wasReceiver) Shutdown(ctx context.Context) error {
	var errs []error
	if r.sched != nil {
		errs = append(errs, r.sched.Shutdown(ctx))
		r.set.Logger.Info("stopped WAS polls")
	}
	if r.telemetry != nil {
		r.telemetry.Shutdown()
	}
	return errors.Join(errs...)
}
