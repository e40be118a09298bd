package dbmsreceiver

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/internal/masking"
)

// The EventNames of contrib's postgresql and mysql receivers.
const (
	eventQuerySample = "db.server.query_sample"
	eventTopQuery    = "db.server.top_query"
	defaultLimit     = 20
)

// events reads a target's query samples and top queries when they are due
// and turns them into log records.
type events struct {
	t        *target
	masker   *masking.Masker
	counts   []int64
	samples  EventConfig
	top      EventConfig
	nextSamp time.Time
	nextTop  time.Time
	// prevTop holds the last cumulative counters, for the deltas.
	prevTop map[string]dbms.TopQuery
	hasTop  bool
}

func newEvents(t *target, _ receiver.Settings) *events {
	// The default detectors with the Redact action; the same engine as the
	// masking processor, so a literal that escaped normalisation is masked.
	m, err := masking.New(masking.Config{Detectors: masking.DefaultDetectors(), SecretKeys: masking.DefaultSecretKeys})
	if err != nil {
		panic(err) // the built-in configuration is valid; a test covers it
	}
	return &events{t: t, masker: m, counts: make([]int64, m.NumCounters()),
		samples: t.tcfg.QuerySamples, top: t.tcfg.TopQueries}
}

func (e *events) due(c EventConfig, next *time.Time, now time.Time) bool {
	if !c.Enabled || now.Before(*next) {
		return false
	}
	iv := c.Interval
	if iv <= 0 {
		iv = e.t.interval
	}
	// A little early is still due: scrapes land on a grid that may not
	// divide the event interval exactly.
	*next = now.Add(iv - iv/10)
	return true
}

func limitOf(c EventConfig) int {
	if c.Limit > 0 {
		return c.Limit
	}
	return defaultLimit
}

// poll reads the events that are due; failures come back as dbms.Errors.
func (e *events) poll(ctx context.Context, now time.Time) (plog.Logs, error) {
	doSamples := e.due(e.samples, &e.nextSamp, now)
	doTop := e.due(e.top, &e.nextTop, now)
	if !doSamples && !doTop {
		return plog.Logs{}, nil
	}
	ld, recs := e.t.newLogs()
	ts := pcommon.NewTimestampFromTime(now)
	var errs dbms.Errors
	add := func(err error) {
		if de := new(dbms.Error); err != nil && errors.As(err, &de) {
			errs = append(errs, de)
		}
	}
	if doSamples {
		var ss []dbms.QuerySample
		var err error
		if e.t.pg != nil {
			ss, err = e.t.pg.Samples(ctx, limitOf(e.samples))
		} else {
			ss, err = e.t.my.Samples(ctx, limitOf(e.samples))
		}
		add(err)
		for i := range ss {
			e.sampleRecord(recs.AppendEmpty(), ts, &ss[i])
		}
	}
	if doTop {
		var qs []dbms.TopQuery
		var err error
		if e.t.pg != nil {
			qs, err = e.t.pg.TopQueries(ctx)
		} else {
			qs, err = e.t.my.TopQueries(ctx)
		}
		add(err)
		if err == nil {
			for _, d := range e.deltas(qs, limitOf(e.top)) {
				e.topRecord(recs.AppendEmpty(), ts, &d)
			}
		}
	}
	if len(errs) > 0 {
		return ld, errs
	}
	return ld, nil
}

// deltas turns cumulative counters into what happened since the last
// read and keeps the limit statements that took the most time. The first
// read only sets the baseline.
func (e *events) deltas(qs []dbms.TopQuery, limit int) []dbms.TopQuery {
	prev := e.prevTop
	e.prevTop = make(map[string]dbms.TopQuery, len(qs))
	for _, q := range qs {
		e.prevTop[q.Database+"\x00"+q.User+"\x00"+q.QueryID] = q
	}
	had := e.hasTop
	e.hasTop = true
	if !had {
		return nil
	}
	var out []dbms.TopQuery
	for _, q := range qs {
		p, ok := prev[q.Database+"\x00"+q.User+"\x00"+q.QueryID]
		if ok && q.Calls < p.Calls {
			ok = false // statistics were reset: the counters are the delta
		}
		if ok {
			q.Calls -= p.Calls
			q.Rows -= p.Rows
			q.SharedHit -= p.SharedHit
			q.SharedRead -= p.SharedRead
			q.SharedDirtied -= p.SharedDirtied
			q.SharedWritten -= p.SharedWritten
			q.TempRead -= p.TempRead
			q.TempWritten -= p.TempWritten
			q.RowsExamined -= p.RowsExamined
			q.RowsSent -= p.RowsSent
			q.TotalExecMs -= p.TotalExecMs
			q.TotalPlanMs -= p.TotalPlanMs
		}
		if q.Calls > 0 {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, func(a, b dbms.TopQuery) int { return cmp.Compare(b.TotalExecMs, a.TotalExecMs) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// queryText normalises and masks a statement.
func (e *events) queryText(q string) string {
	n := dbms.Normalize(q, e.t.pg == nil)
	out, _ := e.masker.MaskString("db.query.text", n, e.counts)
	return out
}

func (e *events) sampleRecord(lr plog.LogRecord, ts pcommon.Timestamp, s *dbms.QuerySample) {
	lr.SetTimestamp(ts)
	lr.SetObservedTimestamp(ts)
	lr.SetEventName(eventQuerySample)
	a := lr.Attributes()
	a.PutStr("db.system.name", e.t.set.SystemName())
	a.PutStr("db.namespace", s.Database)
	a.PutStr("db.query.text", e.queryText(s.Query))
	a.PutStr("user.name", s.User)
	a.PutStr("network.peer.address", s.ClientAddr)
	a.PutInt("network.peer.port", s.ClientPort)
	if e.t.pg != nil {
		a.PutStr("postgresql.state", s.State)
		a.PutInt("postgresql.pid", s.PID)
		a.PutStr("postgresql.application_name", s.Application)
		a.PutStr("postgresql.client_hostname", s.ClientHostname)
		a.PutStr("postgresql.query_start", s.QueryStart)
		a.PutStr("postgresql.wait_event", s.WaitEvent)
		a.PutStr("postgresql.wait_event_type", s.WaitEventType)
		a.PutStr("postgresql.query_id", s.QueryID)
		a.PutDouble("postgresql.total_exec_time", s.DurationMs)
		a.PutStr("postgresql.blocking.pids", s.BlockingPIDs)
		a.PutStr("postgresql.blocking.start_time", s.WaitStart)
		a.PutInt("postgresql.blocking.wait_duration", s.WaitSeconds)
		a.PutStr("postgresql.blocking.lock.mode", s.LockMode)
		a.PutStr("postgresql.blocking.lock.type", s.LockType)
		a.PutStr("postgresql.blocking.lock.relation", s.LockRelation)
		a.PutStr("postgresql.blocking.transaction.start_time", s.TransactionStart)
		return
	}
	a.PutInt("mysql.thread_id", s.PID)
	a.PutStr("mysql.state", s.State)
	a.PutStr("mysql.command", s.WaitEvent)
	a.PutDouble("mysql.duration", s.DurationMs)
	a.PutStr("mysql.blocking.thread_ids", s.BlockingPIDs)
	a.PutStr("mysql.blocking.lock.type", s.LockType)
}

func (e *events) topRecord(lr plog.LogRecord, ts pcommon.Timestamp, q *dbms.TopQuery) {
	lr.SetTimestamp(ts)
	lr.SetObservedTimestamp(ts)
	lr.SetEventName(eventTopQuery)
	a := lr.Attributes()
	a.PutStr("db.system.name", e.t.set.SystemName())
	a.PutStr("db.namespace", q.Database)
	a.PutStr("db.query.text", e.queryText(q.Query))
	if e.t.pg != nil {
		a.PutInt("postgresql.calls", q.Calls)
		a.PutInt("postgresql.rows", q.Rows)
		a.PutInt("postgresql.shared_blks_dirtied", q.SharedDirtied)
		a.PutInt("postgresql.shared_blks_hit", q.SharedHit)
		a.PutInt("postgresql.shared_blks_read", q.SharedRead)
		a.PutInt("postgresql.shared_blks_written", q.SharedWritten)
		a.PutInt("postgresql.temp_blks_read", q.TempRead)
		a.PutInt("postgresql.temp_blks_written", q.TempWritten)
		a.PutStr("postgresql.queryid", q.QueryID)
		a.PutStr("postgresql.rolname", q.User)
		a.PutDouble("postgresql.total_exec_time", q.TotalExecMs)
		a.PutDouble("postgresql.total_plan_time", q.TotalPlanMs)
		return
	}
	a.PutStr("mysql.digest", q.QueryID)
	a.PutInt("mysql.calls", q.Calls)
	a.PutInt("mysql.rows_affected", q.Rows)
	a.PutInt("mysql.rows_sent", q.RowsSent)
	a.PutInt("mysql.rows_examined", q.RowsExamined)
	a.PutDouble("mysql.total_exec_time", q.TotalExecMs)
}
