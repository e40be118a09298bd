package dbmsreceiver

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver/internal/metadata"
)

// target polls one server: a targetpoll.Poller with Open and Close, owning
// the server's pools and its MetricsBuilder.
type target struct {
	set      dbms.Settings
	cfg      *Config
	tcfg     *Target
	interval time.Duration
	pg       *dbms.PGClient
	my       *dbms.MySQLClient
	mb       *metadata.MetricsBuilder
	address  string
	port     int64
	// queryErrors counts failed queries of partial scrapes.
	queryErrors func(ctx context.Context, n int)
	events      *events
	customs     *customs
}

func newTarget(cfg *Config, t *Target, set dbms.Settings, rs receiver.Settings) *target {
	tg := &target{set: set, cfg: cfg, tcfg: t, interval: cfg.interval(t)}
	addr, port := set.Address()
	tg.address, tg.port = addr, int64(port)
	tg.mb = metadata.NewMetricsBuilder(cfg.MetricsBuilderConfig, rs)
	if set.Engine == dbms.PostgreSQL {
		tg.pg = dbms.NewPGClient(set)
	} else {
		tg.my = dbms.NewMySQLClient(set)
		tg.my.SetStatusVariables(mysqlStatusNames())
	}
	tg.events = newEvents(tg, rs)
	tg.customs = newCustoms(tg, cfg)
	return tg
}

// Open connects and checks the server (targetpoll retries it while it fails).
func (t *target) Open(ctx context.Context) error {
	if t.pg != nil {
		return t.pg.Open(ctx)
	}
	return t.my.Open(ctx)
}

// Close closes the target's pools.
func (t *target) Close(ctx context.Context) error {
	if t.pg != nil {
		t.pg.Close()
	} else {
		t.my.Close()
	}
	return t.customs.close(ctx)
}

// openConns is the number of connections the target's pools hold.
func (t *target) openConns() int {
	if t.pg != nil {
		return t.pg.OpenConns()
	}
	return t.my.OpenConns()
}

// Poll scrapes the server's metrics and, when due, its query events. A
// failed query leaves the others' data in the output and makes the poll
// partial; an unreachable server fails it.
func (t *target) Poll(ctx context.Context) (targetpoll.Output, error) {
	ts := pcommon.NewTimestampFromTime(time.Now())
	var err error
	if t.pg != nil {
		var st *dbms.PGStats
		st, err = t.pg.Scrape(ctx)
		if st != nil {
			t.recordPG(ts, st)
		}
	} else {
		var st *dbms.MySQLStats
		st, err = t.my.Scrape(ctx)
		if st != nil {
			t.recordMySQL(ts, st)
		}
	}
	out := targetpoll.Output{Metrics: t.mb.Emit()}
	var down *dbms.Error
	if errors.As(err, &down) && !isQueryErrors(err) {
		return out, err
	}
	logs, eerr := t.events.poll(ctx, time.Now())
	if logs == (plog.Logs{}) {
		logs = plog.NewLogs()
	}
	var qerrs dbms.Errors
	errors.As(err, &qerrs)
	qerrs = append(qerrs, t.customs.poll(ctx, time.Now(), out.Metrics, logs)...)
	if logs.LogRecordCount() > 0 {
		out.Logs = logs
	}
	if eerr != nil {
		var more dbms.Errors
		if errors.As(eerr, &more) {
			qerrs = append(qerrs, more...)
		} else if e := new(dbms.Error); errors.As(eerr, &e) {
			qerrs = append(qerrs, e)
		}
	}
	if len(qerrs) > 0 {
		if t.queryErrors != nil {
			t.queryErrors(ctx, len(qerrs))
		}
		return out, targetpoll.Partial(qerrs)
	}
	return out, nil
}

func isQueryErrors(err error) bool {
	var es dbms.Errors
	return errors.As(err, &es)
}

// emit closes the resource of the data points recorded since the last
// emit: the server's (db == "") or one database's.
func (t *target) emit(db string) {
	rb := t.mb.NewResourceBuilder()
	t.fillResource(rb, db)
	t.mb.EmitForResource(metadata.WithResource(rb.Emit()))
}

func (t *target) fillResource(rb *metadata.ResourceBuilder, db string) {
	rb.SetDbSystemName(t.set.SystemName())
	rb.SetServerAddress(t.address)
	rb.SetServerPort(t.port)
	rb.SetDbmsTarget(t.set.Name)
	if db != "" {
		rb.SetDbNamespace(db)
	}
}

// resource is the server's resource, for the health metrics and events.
func (t *target) resource() pcommon.Resource {
	rb := t.mb.NewResourceBuilder()
	t.fillResource(rb, "")
	return rb.Emit()
}

// logsOf wraps log records into the target's resource.
func (t *target) newLogs() (plog.Logs, plog.LogRecordSlice) {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	t.resource().CopyTo(rl.Resource())
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName(metadata.ScopeName)
	return ld, sl.LogRecords()
}
