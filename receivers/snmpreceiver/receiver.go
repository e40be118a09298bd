package snmpreceiver

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/internal/deliver"
	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmpreceiver/internal/metadata"
)

// snmpReceiver polls the configured targets and hands their metrics on.
type snmpReceiver struct {
	set       receiver.Settings
	cfg       *Config
	next      consumer.Metrics
	telemetry *metadata.TelemetryBuilder
	send      *deliver.Sender
	devices   []device
	pollers   []*snmp.Poller
	targets   []*target
	sched     *targetpoll.Scheduler
}

func newReceiver(set receiver.Settings, cfg *Config, next consumer.Metrics) (*snmpReceiver, error) {
	profiles, err := cfg.loadProfiles()
	if err != nil {
		return nil, err
	}
	r := &snmpReceiver{set: set, cfg: cfg, next: next}
	for i := range cfg.Targets {
		d, err := cfg.device(&cfg.Targets[i], profiles)
		if err != nil {
			return nil, err
		}
		d.ScopeName = metadata.ScopeName
		d.ScopeVersion = set.BuildInfo.Version
		r.devices = append(r.devices, d)
	}
	return r, nil
}

// Start compiles the targets' profiles and starts polling.
func (r *snmpReceiver) Start(ctx context.Context, _ component.Host) error {
	tb, err := metadata.NewTelemetryBuilder(r.set.TelemetrySettings)
	if err != nil {
		return err
	}
	r.telemetry = tb
	if r.send, err = deliver.NewSender(r.set, "snmp", "SNMP"); err != nil {
		return err
	}
	targets := make([]targetpoll.Target, len(r.devices))
	r.pollers = make([]*snmp.Poller, len(r.devices))
	r.targets = make([]*target, len(r.devices))
	for i := range r.devices {
		p, err := snmp.NewPoller(r.devices[i].Device)
		if err != nil {
			return err
		}
		r.pollers[i] = p
		r.targets[i] = &target{r: r, p: p, health: metadata.NewMetricsBuilder(r.cfg.MetricsBuilderConfig, r.set),
			last: pcommon.NewMap()}
		targets[i] = targetpoll.Target{
			Name:     r.devices[i].name,
			Interval: r.devices[i].interval,
			Timeout:  pollTimeout(&r.devices[i]),
			Poller:   r.targets[i],
		}
	}
	r.sched, err = r.cfg.Launch(ctx, r.set.Logger, "SNMP polls", targets, r.deliver)
	return err
}

// pollTimeout bounds a whole poll: its interval, but at least three
// requests' worth of timeouts and retries, so that a short interval does not
// turn a slow answer into a timeout.
func pollTimeout(d *device) time.Duration {
	return max(d.interval, 3*d.Conn.Timeout*time.Duration(d.Conn.Retries+1))
}

// target adapts one device's poller to the scheduler, which closes it
// once its last poll has returned. Its fields other than r and p are used
// only from the target's Deliver calls, which never run concurrently.
type target struct {
	r *snmpReceiver
	p *snmp.Poller
	// health builds snmp.up and snmp.poll.duration.
	health *metadata.MetricsBuilder
	// last is the resource of the last poll that returned data; a failed
	// poll reports on it, so that its health points carry the same
	// identity (host.name, snmp.sys.*) as the target's data.
	last  pcommon.Map
	known bool
}

func (t *target) Poll(ctx context.Context) (targetpoll.Output, error) {
	md, st, err := t.p.Poll(ctx, time.Now())
	tb := t.r.telemetry
	tb.ReceiverSnmpPdusSent.Add(ctx, st.PDUs)
	tb.ReceiverSnmpVarbindsReceived.Add(ctx, int64(st.Varbinds))
	tb.ReceiverSnmpPollPdus.Record(ctx, st.PDUs)
	if st.Dropped > 0 {
		tb.ReceiverSnmpValuesDropped.Add(ctx, int64(st.Dropped))
	}
	if st.Rejected > 0 {
		tb.ReceiverSnmpResponsesRejected.Add(ctx, st.Rejected)
	}
	if snmp.KindOf(err) == snmp.KindNoSuchObject {
		err = targetpoll.Partial(err)
	}
	return targetpoll.Output{Metrics: md}, err
}

func (t *target) Close(context.Context) error { return t.p.Close() }

// deliver adds snmp.up and snmp.poll.duration to a poll's metrics, on the
// resource of the target's data (the last known one when the poll failed),
// and sends them on.
func (r *snmpReceiver) deliver(ctx context.Context, res targetpoll.Result) {
	r.telemetry.ReceiverSnmpPolls.Add(ctx, 1)
	if !res.Up {
		r.telemetry.ReceiverSnmpPollFailures.Add(ctx, 1)
	}
	t := r.targets[res.Index]
	md := res.Output.Metrics
	var ms pmetric.MetricSlice
	if md.ResourceMetrics().Len() == 0 {
		rm := md.ResourceMetrics().AppendEmpty()
		if t.known {
			t.last.CopyTo(rm.Resource().Attributes())
		} else {
			snmp.PutAttributes(rm.Resource().Attributes(), r.devices[res.Index].Resource)
		}
		sm := rm.ScopeMetrics().AppendEmpty()
		sm.Scope().SetName(metadata.ScopeName)
		sm.Scope().SetVersion(r.set.BuildInfo.Version)
		ms = sm.Metrics()
	} else {
		rm := md.ResourceMetrics().At(0)
		rm.Resource().Attributes().CopyTo(t.last)
		t.known = true
		ms = rm.ScopeMetrics().At(0).Metrics()
	}
	ts := pcommon.NewTimestampFromTime(res.Start.Add(res.Duration))
	up := int64(0)
	if res.Up {
		up = 1
	}
	t.health.RecordSnmpUpDataPoint(ts, up)
	t.health.RecordSnmpPollDurationDataPoint(ts, res.Duration.Seconds())
	if hm := t.health.Emit(); hm.ResourceMetrics().Len() > 0 {
		hm.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().MoveAndAppendTo(ms)
	}
	// Accepted and refused points go to the standard receiver metrics.
	r.send.Metrics(ctx, r.next, res.Target, md)
}

// Shutdown stops polling and closes the sessions once their polls have
// returned. It is safe without Start.
func (r *snmpReceiver) Shutdown(ctx context.Context) error {
	var errs []error
	if r.sched != nil {
		errs = append(errs, r.sched.Shutdown(ctx))
		r.set.Logger.Info("stopped SNMP polls")
	} else {
		// Start failed before the scheduler existed: nothing polled.
		for _, p := range r.pollers {
			if p != nil {
				errs = append(errs, p.Close())
			}
		}
	}
	if r.telemetry != nil {
		r.telemetry.Shutdown()
	}
	return errors.Join(errs...)
}
