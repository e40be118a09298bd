package dbms

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// QuerySample is a statement running at the time of the read. Query is as
// the server reports it (the caller normalises and masks it).
type QuerySample struct {
	Database, User, ClientAddr, ClientHostname, State, Application string
	Query, QueryStart, WaitEventType, WaitEvent, QueryID           string
	ClientPort, PID                                                int64
	// DurationMs is how long the statement has been running.
	DurationMs float64
	// Blocking* describe the lock the statement waits for, when it waits.
	BlockingPIDs                                                  string
	LockMode, LockType, LockRelation, WaitStart, TransactionStart string
	WaitSeconds                                                   int64
}

// TopQuery is a normalised statement's cumulative counters.
type TopQuery struct {
	Database, QueryID, Query, User                    string
	Calls, Rows, SharedHit, SharedRead, SharedDirtied int64
	SharedWritten, TempRead, TempWritten              int64
	RowsExamined, RowsSent                            int64
	TotalExecMs, TotalPlanMs                          float64
}

// Samples reads up to limit running statements of the databases read.
func (c *PGClient) Samples(ctx context.Context, limit int) ([]QuerySample, error) {
	p, err := c.pool(ctx, c.main)
	if err != nil {
		return nil, classify(c.set.Name, "connect", "", err)
	}
	dbs, err := c.databases(ctx, p)
	if err != nil {
		return nil, classify(c.set.Name, "pg_database", pgGrant, err)
	}
	// query_id and pg_locks.waitstart exist from PostgreSQL 14 on.
	queryID, waitStart := "a.query_id::text", "l.waitstart"
	if c.version < 140000 {
		queryID, waitStart = "NULL::text", "NULL::timestamptz"
	}
	var out []QuerySample
	err = c.query(ctx, p, `SELECT a.datname, coalesce(a.usename, ''), coalesce(host(a.client_addr), ''),
		coalesce(a.client_port, 0), coalesce(a.client_hostname, ''), a.pid, coalesce(a.state, ''),
		coalesce(a.application_name, ''), coalesce(a.query, ''), coalesce(to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ''),
		coalesce(a.wait_event_type, ''), coalesce(a.wait_event, ''), coalesce(`+queryID+`, ''),
		coalesce(extract(epoch FROM now() - a.query_start) * 1000, 0)::float8,
		coalesce(array_to_string(pg_blocking_pids(a.pid), ','), ''),
		coalesce(l.mode, ''), coalesce(l.locktype, ''),
		coalesce(CASE WHEN l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			THEN (SELECT relname FROM pg_class WHERE oid = l.relation) ELSE l.relation::text END, ''),
		coalesce(to_char(`+waitStart+` AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
		coalesce(to_char(a.xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
		coalesce(extract(epoch FROM now() - `+waitStart+`), 0)::bigint
		FROM pg_stat_activity a
		LEFT JOIN LATERAL (SELECT * FROM pg_locks x WHERE x.pid = a.pid AND NOT x.granted LIMIT 1) l ON true
		WHERE a.state = 'active' AND a.backend_type = 'client backend' AND a.application_name <> '`+pgAppName+`'
		  AND a.datname = ANY($1)
		ORDER BY a.query_start LIMIT $2`, func(r pgx.Rows) error {
		var s QuerySample
		if err := r.Scan(&s.Database, &s.User, &s.ClientAddr, &s.ClientPort, &s.ClientHostname, &s.PID, &s.State,
			&s.Application, &s.Query, &s.QueryStart, &s.WaitEventType, &s.WaitEvent, &s.QueryID, &s.DurationMs,
			&s.BlockingPIDs, &s.LockMode, &s.LockType, &s.LockRelation, &s.WaitStart, &s.TransactionStart,
			&s.WaitSeconds); err != nil {
			return err
		}
		out = append(out, s)
		return nil
	}, dbs, limit)
	if err != nil {
		return nil, classify(c.set.Name, "pg_stat_activity", pgGrant, err)
	}
	return out, nil
}

// TopQueries reads pg_stat_statements' cumulative counters of the
// databases read (the extension must be installed in the main database).
func (c *PGClient) TopQueries(ctx context.Context) ([]TopQuery, error) {
	p, err := c.pool(ctx, c.main)
	if err != nil {
		return nil, classify(c.set.Name, "connect", "", err)
	}
	dbs, err := c.databases(ctx, p)
	if err != nil {
		return nil, classify(c.set.Name, "pg_database", pgGrant, err)
	}
	// PostgreSQL 13 split total_time into planning and execution.
	times := "s.total_exec_time, s.total_plan_time"
	if c.version < 130000 {
		times = "s.total_time, 0::float8"
	}
	var out []TopQuery
	err = c.query(ctx, p, `SELECT d.datname, s.queryid::text, s.query, coalesce(r.rolname, ''), s.calls, s.rows,
		s.shared_blks_hit, s.shared_blks_read, s.shared_blks_dirtied, s.shared_blks_written,
		s.temp_blks_read, s.temp_blks_written, `+times+`
		FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid LEFT JOIN pg_roles r ON r.oid = s.userid
		WHERE d.datname = ANY($1) AND s.queryid IS NOT NULL`, func(r pgx.Rows) error {
		var q TopQuery
		if err := r.Scan(&q.Database, &q.QueryID, &q.Query, &q.User, &q.Calls, &q.Rows, &q.SharedHit, &q.SharedRead,
			&q.SharedDirtied, &q.SharedWritten, &q.TempRead, &q.TempWritten, &q.TotalExecMs, &q.TotalPlanMs); err != nil {
			return err
		}
		out = append(out, q)
		return nil
	}, dbs)
	if err != nil {
		e := classify(c.set.Name, "pg_stat_statements", pgGrant, err)
		if e.Kind == KindQuery && strings.Contains(err.Error(), "pg_stat_statements") {
			e.Hint = "CREATE EXTENSION pg_stat_statements in database " + c.main + " (and shared_preload_libraries)"
		}
		return nil, e
	}
	return out, nil
}

// Samples reads up to limit running statements from the process list,
// with the blocking thread of a statement waiting on an InnoDB lock.
func (c *MySQLClient) Samples(ctx context.Context, limit int) ([]QuerySample, error) {
	c.connMu.Lock()
	db := c.db
	c.connMu.Unlock()
	if db == nil {
		return nil, &Error{Target: c.set.Name, Kind: KindUnreachable, Query: "connect", Hint: "not connected"}
	}
	blockers := map[int64][]string{}
	// MariaDB and MySQL 5.7 have innodb_lock_waits; MySQL 8 does not, and
	// then the blocking session is left out.
	_ = c.query(ctx, db, `SELECT r.trx_mysql_thread_id, b.trx_mysql_thread_id
		FROM information_schema.innodb_lock_waits w
		JOIN information_schema.innodb_trx r ON r.trx_id = w.requesting_trx_id
		JOIN information_schema.innodb_trx b ON b.trx_id = w.blocking_trx_id`, func(r *sql.Rows) error {
		var waiting, blocking int64
		if err := r.Scan(&waiting, &blocking); err != nil {
			return err
		}
		blockers[waiting] = append(blockers[waiting], fmt.Sprint(blocking))
		return nil
	})
	var out []QuerySample
	err := c.query(ctx, db, fmt.Sprintf(`SELECT ID, coalesce(USER, ''), coalesce(HOST, ''), coalesce(DB, ''),
		coalesce(COMMAND, ''), TIME, coalesce(STATE, ''), INFO
		FROM information_schema.PROCESSLIST
		WHERE COMMAND NOT IN ('Sleep', 'Daemon', 'Binlog Dump') AND INFO IS NOT NULL AND ID <> CONNECTION_ID()
		ORDER BY TIME DESC LIMIT %d`, limit), func(r *sql.Rows) error {
		var s QuerySample
		var secs float64
		var cmd string
		if err := r.Scan(&s.PID, &s.User, &s.ClientAddr, &s.Database, &cmd, &secs, &s.State, &s.Query); err != nil {
			return err
		}
		if !c.set.wanted(s.Database) && s.Database != "" {
			return nil
		}
		if host, port, ok := strings.Cut(s.ClientAddr, ":"); ok {
			s.ClientAddr = host
			s.ClientPort, _ = strconv.ParseInt(port, 10, 64)
		}
		s.DurationMs = secs * 1000
		s.WaitEvent = cmd
		s.BlockingPIDs = strings.Join(blockers[s.PID], ",")
		if s.BlockingPIDs != "" {
			s.LockType = "innodb_row"
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, classify(c.set.Name, "information_schema.processlist", "PROCESS", err)
	}
	return out, nil
}

// TopQueries reads performance_schema's statement digests of the
// databases read.
func (c *MySQLClient) TopQueries(ctx context.Context) ([]TopQuery, error) {
	c.connMu.Lock()
	db := c.db
	c.connMu.Unlock()
	if db == nil {
		return nil, &Error{Target: c.set.Name, Kind: KindUnreachable, Query: "connect", Hint: "not connected"}
	}
	var out []TopQuery
	err := c.query(ctx, db, `SELECT coalesce(SCHEMA_NAME, ''), coalesce(DIGEST, ''), coalesce(DIGEST_TEXT, ''), COUNT_STAR,
		SUM_ROWS_AFFECTED, SUM_ROWS_SENT, SUM_ROWS_EXAMINED, SUM_TIMER_WAIT / 1000000000
		FROM performance_schema.events_statements_summary_by_digest WHERE DIGEST IS NOT NULL`, func(r *sql.Rows) error {
		var q TopQuery
		if err := r.Scan(&q.Database, &q.QueryID, &q.Query, &q.Calls, &q.Rows, &q.RowsSent, &q.RowsExamined, &q.TotalExecMs); err != nil {
			return err
		}
		if q.Database == "" || c.set.wanted(q.Database) {
			out = append(out, q)
		}
		return nil
	})
	if err != nil {
		return nil, classify(c.set.Name, "performance_schema.events_statements_summary_by_digest", "SELECT ON performance_schema.*", err)
	}
	return out, nil
}
