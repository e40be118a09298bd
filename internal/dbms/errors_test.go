package dbms

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		err  error
		kind Kind
		hint string
	}{
		{&pgconn.PgError{Code: "28P01"}, KindAuth, "check username and password"},
		{&pgconn.PgError{Code: "42501"}, KindPermission, "grant pg_monitor to the monitoring user"},
		{&pgconn.PgError{Code: "57014"}, KindTimeout, "cut off by query_timeout"},
		{&pgconn.PgError{Code: "55P03"}, KindTimeout, "cut off by query_timeout"},
		{&mysql.MySQLError{Number: 1045}, KindAuth, "check username and password"},
		{&mysql.MySQLError{Number: 1227}, KindPermission, "grant pg_monitor to the monitoring user"},
		{&mysql.MySQLError{Number: 1969}, KindTimeout, "cut off by query_timeout"},
		{fmt.Errorf("wrapped: %w", context.DeadlineExceeded), KindTimeout, ""},
		{errors.New("dial tcp 127.0.0.1:1: connect: connection refused"), KindUnreachable, ""},
		{errors.New("syntax"), KindQuery, ""},
	} {
		e := classify("db1", "q", pgGrant, c.err)
		assert.Equal(t, c.kind, e.Kind, "%v", c.err)
		assert.Equal(t, c.hint, e.Hint, "%v", c.err)
		assert.Contains(t, e.Error(), "dbms target db1: "+string(c.kind)+" (q)")
	}
}

func TestStateClasses(t *testing.T) {
	t.Parallel()
	down1 := &Error{Target: "a", Kind: KindUnreachable, Query: "connect"}
	down2 := &Error{Target: "a", Kind: KindUnreachable, Query: "pg_database"}
	assert.Equal(t, down1.Class(), down2.Class(), "down is down whichever query noticed")
	q1 := &Error{Target: "a", Kind: KindTimeout, Query: "pg_locks"}
	q2 := &Error{Target: "a", Kind: KindPermission, Query: "pg_stat_replication"}
	assert.Equal(t, Errors{q1, q2}.Class(), Errors{q2, q1}.Class())
	assert.NotEqual(t, q1.Class(), q2.Class())
	var got *Error
	assert.True(t, errors.As(Errors{q1, q2}, &got))
	assert.Equal(t, KindTimeout, KindOf(Errors{q1}))
}

func TestReplicaFromEitherColumnNames(t *testing.T) {
	t.Parallel()
	ns := func(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }
	// MySQL 8.0.22+ SHOW REPLICA STATUS.
	r := replicaFromRow(map[string]sql.NullString{"channel_name": ns("east"), "source_host": ns("10.0.0.1"),
		"replica_io_running": ns("Yes"), "replica_sql_running": ns("No"), "seconds_behind_source": {}, "sql_delay": ns("0")})
	assert.Equal(t, MySQLReplica{Channel: "east", SourceHost: "10.0.0.1", IORunning: true, SecondsBehind: -1}, r)
	// MariaDB SHOW ALL SLAVES STATUS.
	r = replicaFromRow(map[string]sql.NullString{"connection_name": ns("west"), "master_host": ns("db2"),
		"slave_io_running": ns("Connecting"), "slave_sql_running": ns("Yes"), "seconds_behind_master": ns("12"), "sql_delay": ns("30")})
	assert.Equal(t, MySQLReplica{Channel: "west", SourceHost: "db2", SQLRunning: true, SecondsBehind: 12, SQLDelay: 30}, r)
}

func TestSettings(t *testing.T) {
	t.Parallel()
	s := Settings{Engine: PostgreSQL, Endpoint: "/var/run/postgresql/.s.PGSQL.5433"}
	addr, port := s.Address()
	assert.Equal(t, "/var/run/postgresql", addr)
	assert.Equal(t, 5433, port)
	s.Endpoint = "[2001:db8::1]:6432"
	addr, port = s.Address()
	assert.Equal(t, "2001:db8::1", addr)
	assert.Equal(t, 6432, port)
	s = Settings{Databases: []string{"a", "b"}, ExcludeDatabases: []string{"b"}}
	assert.True(t, s.wanted("a"))
	assert.False(t, s.wanted("b"))
	assert.False(t, s.wanted("c"))
	s.Databases = nil
	assert.True(t, s.wanted("c"))
	assert.ErrorContains(t, (&Settings{Engine: "oracle"}).Validate(), "engine:")
	assert.ErrorContains(t, (&Settings{Engine: MySQL, Endpoint: "h:1", Username: "u"}).Validate(), "query_timeout:")
}

func TestMySQLStatsInt(t *testing.T) {
	t.Parallel()
	st := &MySQLStats{Status: map[string]string{"uptime": "42", "wsrep_flow_control_paused": "0.25", "wsrep_ready": "ON"}}
	v, ok := st.Int("uptime")
	assert.True(t, ok)
	assert.Equal(t, int64(42), v)
	_, ok = st.Int("wsrep_ready")
	assert.False(t, ok)
	_, ok = st.Int("missing")
	assert.False(t, ok)
}

func TestReplicaStatementFallsBackOnlyOnSyntaxErrors(t *testing.T) {
	t.Parallel()
	assert.True(t, isSyntaxError(fmt.Errorf("x: %w", &mysql.MySQLError{Number: 1064})))
	assert.False(t, isSyntaxError(&mysql.MySQLError{Number: 1227}), "a missing grant is reported, not hidden by the fallback")
	assert.Equal(t, []string{"SHOW REPLICA STATUS", "SHOW SLAVE STATUS"}, NewMySQLClient(Settings{Engine: MySQL}).replicaStmts)
	assert.Equal(t, []string{"SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS"}, NewMySQLClient(Settings{Engine: MariaDB}).replicaStmts)
}
