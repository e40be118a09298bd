package dbmsreceiver

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver/internal/metadata"
)

// customQuery is one of custom_queries, as it runs on one target.
type customQuery struct {
	q        *CustomQuery
	interval time.Duration
	timeout  time.Duration
	next     time.Time
	// store keeps the tracking column's last value (logs with tracking).
	store storage.Client
	key   string
	last  string
}

// customs runs a target's custom queries when they are due.
type customs struct {
	t     *target
	qs    []*customQuery
	start pcommon.Timestamp
	// dropped counts rows whose value could not be read as a number.
	dropped func(ctx context.Context, n int)
}

func newCustoms(t *target, cfg *Config) *customs {
	c := &customs{t: t, start: pcommon.NewTimestampFromTime(time.Now())}
	for i := range cfg.CustomQueries {
		q := &cfg.CustomQueries[i]
		if len(q.Engines) > 0 && !slices.Contains(q.Engines, string(t.set.Engine)) {
			continue
		}
		cq := &customQuery{q: q, interval: q.Interval, timeout: q.Timeout}
		if cq.interval <= 0 {
			cq.interval = t.interval
		}
		if cq.timeout <= 0 {
			cq.timeout = t.set.QueryTimeout
		}
		if q.Logs != nil {
			cq.last = q.Logs.TrackingStart
		}
		c.qs = append(c.qs, cq)
	}
	return c
}

// bind opens the storage of queries with a tracking column and reads the
// value where the last run stopped.
func (c *customs) bind(ctx context.Context, host component.Host, id component.ID) error {
	for _, cq := range c.qs {
		if cq.q.Logs == nil || cq.q.Logs.TrackingColumn == "" {
			continue
		}
		ext, ok := host.GetExtensions()[*cq.q.Logs.Storage]
		if !ok {
			return fmt.Errorf("custom_queries (%s): storage %s is not an extension of this collector", cq.q.Name, cq.q.Logs.Storage)
		}
		se, ok := ext.(storage.Extension)
		if !ok {
			return fmt.Errorf("custom_queries (%s): extension %s is not a storage extension", cq.q.Name, cq.q.Logs.Storage)
		}
		client, err := se.GetClient(ctx, component.KindReceiver, id, "custom_queries")
		if err != nil {
			return fmt.Errorf("custom_queries (%s): storage %s: %w", cq.q.Name, cq.q.Logs.Storage, err)
		}
		cq.store = client
		cq.key = c.t.set.Name + "/" + cq.q.Name
		v, err := client.Get(ctx, cq.key)
		if err != nil {
			return fmt.Errorf("custom_queries (%s): reading the tracking value: %w", cq.q.Name, err)
		}
		if v != nil {
			cq.last = string(v)
		}
	}
	return nil
}

func (c *customs) close(ctx context.Context) error {
	var errs []error
	for _, cq := range c.qs {
		if cq.store != nil {
			errs = append(errs, cq.store.Close(ctx))
			cq.store = nil
		}
	}
	return errors.Join(errs...)
}

// poll runs the queries that are due; their metrics go to md and their
// records to ld.
func (c *customs) poll(ctx context.Context, now time.Time, md pmetric.Metrics, ld plog.Logs) dbms.Errors {
	var errs dbms.Errors
	var ms pmetric.MetricSlice
	var recs plog.LogRecordSlice
	ts := pcommon.NewTimestampFromTime(now)
	for _, cq := range c.qs {
		if now.Before(cq.next) {
			continue
		}
		cq.next = now.Add(cq.interval - cq.interval/10)
		var args []any
		if cq.q.Logs != nil && cq.q.Logs.TrackingColumn != "" {
			args = []any{cq.last}
		}
		var rows *dbms.Rows
		var err error
		if c.t.pg != nil {
			rows, err = c.t.pg.Query(ctx, "custom query "+cq.q.Name, cq.q.SQL, cq.timeout, args...)
		} else {
			rows, err = c.t.my.Query(ctx, "custom query "+cq.q.Name, cq.q.SQL, cq.timeout, args...)
		}
		if err != nil {
			if e := new(dbms.Error); errors.As(err, &e) {
				errs = append(errs, e)
			}
			continue
		}
		if len(cq.q.Metrics) > 0 {
			if ms == (pmetric.MetricSlice{}) {
				ms = c.newScope(md)
			}
			if n := c.metrics(ms, ts, cq, rows); n > 0 && c.dropped != nil {
				c.dropped(ctx, n)
			}
			continue
		}
		if recs == (plog.LogRecordSlice{}) {
			rl := ld.ResourceLogs().AppendEmpty()
			c.t.resource().CopyTo(rl.Resource())
			sl := rl.ScopeLogs().AppendEmpty()
			sl.Scope().SetName(metadata.ScopeName)
			recs = sl.LogRecords()
		}
		if err := c.logs(ctx, recs, ts, cq, rows); err != nil {
			errs = append(errs, &dbms.Error{Target: c.t.set.Name, Kind: dbms.KindQuery, Query: "custom query " + cq.q.Name, Err: err})
		}
	}
	return errs
}

func (c *customs) newScope(md pmetric.Metrics) pmetric.MetricSlice {
	rm := md.ResourceMetrics().AppendEmpty()
	c.t.resource().CopyTo(rm.Resource())
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.Scope().SetName(metadata.ScopeName)
	return sm.Metrics()
}

// metrics turns rows into data points and returns how many values were
// not numbers.
func (c *customs) metrics(ms pmetric.MetricSlice, ts pcommon.Timestamp, cq *customQuery, rows *dbms.Rows) int {
	dropped := 0
	for _, def := range cq.q.Metrics {
		vcol := rows.Col(def.ValueColumn)
		m := ms.AppendEmpty()
		m.SetName(def.Name)
		m.SetUnit(def.Unit)
		m.SetDescription(def.Description)
		var dps pmetric.NumberDataPointSlice
		if def.Type == "sum" {
			s := m.SetEmptySum()
			s.SetIsMonotonic(true)
			s.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
			dps = s.DataPoints()
		} else {
			dps = m.SetEmptyGauge().DataPoints()
		}
		for _, row := range rows.Values {
			if vcol < 0 || row[vcol].Null {
				dropped++
				continue
			}
			text := strings.TrimSpace(row[vcol].Text)
			dp := pmetric.NewNumberDataPoint()
			if n, err := strconv.ParseInt(text, 10, 64); err == nil {
				dp.SetIntValue(n)
			} else if f, err := strconv.ParseFloat(text, 64); err == nil {
				dp.SetDoubleValue(f)
			} else {
				dropped++
				continue
			}
			dp.SetTimestamp(ts)
			if def.Type == "sum" {
				dp.SetStartTimestamp(c.start)
			}
			for _, a := range def.AttributeColumns {
				if i := rows.Col(a); i >= 0 {
					dp.Attributes().PutStr(a, row[i].Text)
				}
			}
			dp.MoveTo(dps.AppendEmpty())
		}
	}
	return dropped
}

// logs turns rows into records and stores the tracking column's last
// value, so that a restart resumes after it.
func (c *customs) logs(ctx context.Context, recs plog.LogRecordSlice, ts pcommon.Timestamp, cq *customQuery, rows *dbms.Rows) error {
	lc := cq.q.Logs
	body, trk := rows.Col(lc.BodyColumn), rows.Col(lc.TrackingColumn)
	if body < 0 {
		return fmt.Errorf("body_column %q is not a column of the result", lc.BodyColumn)
	}
	if lc.TrackingColumn != "" && trk < 0 {
		return fmt.Errorf("tracking_column %q is not a column of the result", lc.TrackingColumn)
	}
	for _, row := range rows.Values {
		lr := recs.AppendEmpty()
		lr.SetTimestamp(ts)
		lr.SetObservedTimestamp(ts)
		lr.Body().SetStr(row[body].Text)
		lr.Attributes().PutStr("dbms.query.name", cq.q.Name)
		for _, a := range lc.AttributeColumns {
			if i := rows.Col(a); i >= 0 {
				lr.Attributes().PutStr(a, row[i].Text)
			}
		}
		if trk >= 0 && !row[trk].Null {
			cq.last = row[trk].Text
		}
	}
	if cq.store != nil && len(rows.Values) > 0 {
		return cq.store.Set(ctx, cq.key, []byte(cq.last))
	}
	return nil
}
