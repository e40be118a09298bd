//go:build integration

package dbmsreceiver

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.uber.org/zap/zapcore"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

func pgTarget(env map[string]string, name string, dbs ...string) Target {
	t := Target{Name: name, Engine: "postgresql", Endpoint: env["HOST"] + ":" + env["PORT"],
		Username: env["USER"], Password: configopaque.String(env["PASSWORD"]), Databases: dbs}
	t.TLS.Insecure = true
	return t
}

func TestPostgresMetricsFollowTheTestsOwnWork(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "postgres")
	db := pgDatabase(t, env)
	admin := pgAdmin(t, env, db)
	pgExec(t, admin, "CREATE TABLE items (id int PRIMARY KEY, v text)")

	run := start(t, func(c *Config) {
		c.Targets = []Target{pgTarget(env, "pg", db)}
		c.Metrics.PostgresqlDatabaseLocks.Enabled = true
	})
	first := run.sink.waitScrapes(t, "pg", 0, 1)
	assert.Equal(t, 1.0, mustPoint(t, first, "dbms.up", "", nil))
	assert.Greater(t, mustPoint(t, first, "dbms.scrape.duration", "", nil), 0.0)
	assert.Equal(t, 100.0, mustPoint(t, first, "postgresql.connection.max", "", nil))
	assert.Equal(t, 1.0, mustPoint(t, first, "postgresql.database.count", "", nil))
	assert.Equal(t, 1.0, mustPoint(t, first, "postgresql.table.count", db, nil))
	commits0 := mustPoint(t, first, "postgresql.commits", db, nil)

	const n = 25
	for i := range n {
		pgExec(t, admin, "INSERT INTO items VALUES ($1, 'x')", i)
	}
	// Statistics reach the server's shared memory within a second or so.
	var last float64
	require.Eventually(t, func() bool {
		md := run.sink.scrapes("pg")
		m := md[len(md)-1]
		ins, _ := point(m, "postgresql.operations", db, map[string]string{"operation": "ins", "db.collection.name": "public.items"})
		live, _ := point(m, "postgresql.rows", db, map[string]string{"state": "live", "db.collection.name": "public.items"})
		last, _ = point(m, "postgresql.commits", db, nil)
		return ins == n && live == n
	}, 30*time.Second, 100*time.Millisecond)
	// Each insert committed once; the receiver's own reads of the database
	// commit too (a dozen statements a scrape), so the growth is bounded
	// by what the test did plus those.
	assert.GreaterOrEqual(t, last-commits0, float64(n))
	assert.Less(t, last-commits0, float64(n+300))

	// A lock the test holds shows in postgresql.database.locks.
	tx, err := admin.Begin(context.Background())
	require.NoError(t, err)
	_, err = tx.Exec(context.Background(), "LOCK TABLE items IN ROW EXCLUSIVE MODE")
	require.NoError(t, err)
	from := len(run.sink.scrapes("pg"))
	require.Eventually(t, func() bool {
		all := run.sink.scrapes("pg")
		if len(all) <= from {
			return false
		}
		v, ok := point(all[len(all)-1], "postgresql.database.locks", db,
			map[string]string{"relation": "items", "mode": "RowExclusiveLock", "lock_type": "relation"})
		return ok && v >= 1
	}, 30*time.Second, 100*time.Millisecond)
	require.NoError(t, tx.Rollback(context.Background()))
	assert.Greater(t, mustPoint(t, first, "postgresql.db_size", db, nil), 1e6)
}

func TestPostgresLockedCatalogIsCutOffAndTheRestReports(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "postgres")
	db := pgDatabase(t, env)
	admin := pgAdmin(t, env, db)
	pgExec(t, admin, "CREATE TABLE items (id int PRIMARY KEY, v text)")
	pgExec(t, admin, "INSERT INTO items VALUES (1, 'a')")

	// Session A holds an ACCESS EXCLUSIVE lock: pg_relation_size (table
	// and index sizes) waits for it, and so does session B's UPDATE.
	holder := pgAdmin(t, env, db)
	var holderPID int
	require.NoError(t, holder.QueryRow(context.Background(), "SELECT pg_backend_pid()").Scan(&holderPID))
	tx, err := holder.Begin(context.Background())
	require.NoError(t, err)
	_, err = tx.Exec(context.Background(), "LOCK TABLE items IN ACCESS EXCLUSIVE MODE")
	require.NoError(t, err)
	waiter := pgAdmin(t, env, db)
	updated := make(chan error, 1)
	go func() {
		_, err := waiter.Exec(context.Background(), "UPDATE items SET v = 'alice@example.com' WHERE id = 42")
		updated <- err
	}()
	defer func() {
		_ = tx.Rollback(context.Background())
		require.NoError(t, <-updated)
	}()

	run := start(t, func(c *Config) {
		tg := pgTarget(env, "pg-locked", db)
		tg.QueryTimeout = time.Second
		tg.QuerySamples = EventConfig{Enabled: true}
		c.Targets = []Target{tg}
		c.CollectionInterval = 3 * time.Second
	})
	md := run.sink.waitScrapes(t, "pg-locked", 0, 1)
	// Up, with the database-wide metrics, but no table sizes.
	assert.Equal(t, 1.0, mustPoint(t, md, "dbms.up", "", nil))
	assert.Greater(t, mustPoint(t, md, "postgresql.commits", db, nil), 0.0)
	_, hasSize := point(md, "postgresql.table.size", db, nil)
	assert.False(t, hasSize, "the locked table's size cannot be read")
	assert.Less(t, mustPoint(t, md, "dbms.scrape.duration", "", nil), 2.9, "the wait was cut off by query_timeout")

	var warn string
	require.Eventually(t, func() bool {
		for _, e := range run.logs.All() {
			if e.Level == zapcore.WarnLevel {
				warn = e.ContextMap()["error"].(string)
				return true
			}
		}
		return false
	}, 10*time.Second, 50*time.Millisecond)
	assert.Contains(t, warn, "dbms target pg-locked: timeout (pg_stat_user_tables "+db+")")
	// The table statistics wait on the lock (LOCK TABLE leaves the indexes
	// alone): one failed query a scrape, counted.
	assert.GreaterOrEqual(t, run.counter(t, "otelcol_receiver_dbms_query_errors"), int64(1))
	assert.Equal(t, int64(0), run.counter(t, "otelcol_receiver_dbms_scrape_failures"))
	assert.GreaterOrEqual(t, run.counter(t, "otelcol_receiver_dbms_scrapes"), int64(1))

	// The waiting UPDATE is a query sample: literals removed, the blocking
	// session and the lock named.
	var rec map[string]any
	require.Eventually(t, func() bool {
		for _, lr := range run.sink.records("pg-locked", eventQuerySample) {
			a := lr.Attributes().AsRaw()
			if strings.HasPrefix(a["db.query.text"].(string), "UPDATE") {
				rec = a
				return true
			}
		}
		return false
	}, 20*time.Second, 100*time.Millisecond)
	assert.Equal(t, "UPDATE items SET v = ? WHERE id = ?", rec["db.query.text"])
	assert.Equal(t, db, rec["db.namespace"])
	assert.Equal(t, "postgres", rec["user.name"])
	assert.Equal(t, "postgresql", rec["db.system.name"])
	assert.Equal(t, "127.0.0.1", rec["network.peer.address"])
	assert.Equal(t, strconv.Itoa(holderPID), rec["postgresql.blocking.pids"])
	assert.Equal(t, "items", rec["postgresql.blocking.lock.relation"])
	assert.Equal(t, "relation", rec["postgresql.blocking.lock.type"])
	assert.Equal(t, "RowExclusiveLock", rec["postgresql.blocking.lock.mode"])
	assert.Equal(t, "Lock", rec["postgresql.wait_event_type"])
}

func TestPostgresErrorsNameTheTargetAndTheGrant(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "postgres")
	admin := pgAdmin(t, env, "postgres")
	role := randName("nogrant_")
	pgExec(t, admin, "CREATE ROLE "+role+" LOGIN PASSWORD 'pw-"+role+"'")
	t.Cleanup(func() { _, _ = admin.Exec(context.Background(), "DROP ROLE IF EXISTS "+role) })

	run := start(t, func(c *Config) {
		bad := pgTarget(env, "pg-badpw", "postgres")
		bad.Password = "wrong"
		weak := pgTarget(env, "pg-nogrant", "postgres")
		weak.Username, weak.Password = role, configopaque.String("pw-"+role)
		gone := pgTarget(env, "pg-gone", "postgres")
		gone.Endpoint = harness.FreeAddr(t)
		c.Targets = []Target{bad, weak, gone}
	})
	for _, name := range []string{"pg-badpw", "pg-nogrant", "pg-gone"} {
		run.sink.waitScrapes(t, name, 0, 3)
	}
	assert.Equal(t, 0.0, mustPoint(t, run.sink.scrapes("pg-badpw")[2], "dbms.up", "", nil))
	assert.Equal(t, 0.0, mustPoint(t, run.sink.scrapes("pg-gone")[2], "dbms.up", "", nil))
	weakMD := run.sink.scrapes("pg-nogrant")[2]
	assert.Equal(t, 1.0, mustPoint(t, weakMD, "dbms.up", "", nil))
	assert.Greater(t, mustPoint(t, weakMD, "postgresql.commits", "postgres", nil), 0.0)

	lines := map[string][]string{}
	for _, e := range run.logs.All() {
		if tgt, ok := e.ContextMap()["target"].(string); ok && e.Level >= zapcore.WarnLevel {
			lines[tgt] = append(lines[tgt], e.ContextMap()["error"].(string))
		}
	}
	// One line per state change, however many scrapes failed.
	require.Len(t, lines["pg-badpw"], 1)
	assert.Contains(t, lines["pg-badpw"][0], "dbms target pg-badpw: authentication failed (connect): check username and password")
	assert.NotContains(t, lines["pg-badpw"][0], "wrong", "the password stays out of logs")
	require.Len(t, lines["pg-nogrant"], 1)
	assert.Contains(t, lines["pg-nogrant"][0], "permission denied (pg_has_role): user \""+role+"\" is not a member of pg_monitor")
	require.Len(t, lines["pg-gone"], 1)
	assert.Contains(t, lines["pg-gone"][0], "dbms target pg-gone: unreachable (connect)")
}

func TestPostgresPoolKeepsItsConnections(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "postgres")
	db := pgDatabase(t, env)
	admin := pgAdmin(t, env, "postgres")
	run := start(t, func(c *Config) {
		c.Targets = []Target{pgTarget(env, "pg-pool", db)}
		c.CollectionInterval = 200 * time.Millisecond
	})
	backends := func() []string {
		var out []string
		rows, err := admin.Query(context.Background(), `SELECT pid::text || '@' || backend_start::text FROM pg_stat_activity
			WHERE application_name = 'otelcol-ems dbms' AND datname = $1 ORDER BY 1`, db)
		require.NoError(t, err)
		out, err = pgx.CollectRows(rows, pgx.RowTo[string])
		require.NoError(t, err)
		return out
	}
	run.sink.waitScrapes(t, "pg-pool", 0, 2) // warm-up
	before := backends()
	require.NotEmpty(t, before)
	from := len(run.sink.scrapes("pg-pool"))
	run.sink.waitScrapes(t, "pg-pool", from, 20)
	assert.Equal(t, before, backends(), "no new connections across 20 scrapes")
	assert.LessOrEqual(t, len(before), 2)
}

// Shutdown does not wait for a scrape stuck behind a lock (contrib #50757):
// the scrape's context ends and the driver cancels the statement.
func TestPostgresShutdownDuringALockedScrape(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "postgres")
	db := pgDatabase(t, env)
	admin := pgAdmin(t, env, db)
	pgExec(t, admin, "CREATE TABLE items (id int PRIMARY KEY)")
	tx, err := admin.Begin(context.Background())
	require.NoError(t, err)
	defer func() { _ = tx.Rollback(context.Background()) }()
	_, err = tx.Exec(context.Background(), "LOCK TABLE items IN ACCESS EXCLUSIVE MODE")
	require.NoError(t, err)

	run := start(t, func(c *Config) {
		tg := pgTarget(env, "pg-stuck", db)
		tg.QueryTimeout = time.Minute
		c.Targets = []Target{tg}
		c.CollectionInterval = 2 * time.Minute
	})
	// Wait until the scrape is waiting on the lock.
	probe := pgAdmin(t, env, "postgres")
	require.Eventually(t, func() bool {
		var n int
		require.NoError(t, probe.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
			WHERE application_name = 'otelcol-ems dbms' AND datname = $1 AND wait_event_type = 'Lock'`, db).Scan(&n))
		return n == 1
	}, 30*time.Second, 50*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	began := time.Now()
	require.NoError(t, run.r.Shutdown(ctx))
	assert.Less(t, time.Since(began), 5*time.Second)
	assert.Empty(t, run.sink.scrapes("pg-stuck"), "the cut-off scrape is not delivered")
	require.NoError(t, run.r.Shutdown(ctx)) // the logs side
}

func TestPostgresExcludeDatabasesEverywhere(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "postgres")
	kept, hidden := pgDatabase(t, env), pgDatabase(t, env)
	run := start(t, func(c *Config) {
		// Both listed, one excluded: exclusion wins. (Not "all databases":
		// the server is shared, and holding connections to other tests'
		// databases would get in the way of their DROP DATABASE.)
		tg := pgTarget(env, "pg-exclude", kept, hidden)
		tg.ExcludeDatabases = []string{hidden}
		tg.QuerySamples = EventConfig{Enabled: true, Limit: 100}
		c.Targets = []Target{tg}
	})
	slow := func(db string, done chan<- error) {
		c := pgAdmin(t, env, db)
		go func() {
			_, err := c.Exec(context.Background(), "SELECT pg_sleep(3), '"+db+"'")
			done <- err
		}()
	}
	doneKept, doneHidden := make(chan error, 1), make(chan error, 1)
	slow(kept, doneKept)
	slow(hidden, doneHidden)
	require.Eventually(t, func() bool {
		for _, lr := range run.sink.records("pg-exclude", eventQuerySample) {
			if lr.Attributes().AsRaw()["db.namespace"] == kept {
				return true
			}
		}
		return false
	}, 20*time.Second, 100*time.Millisecond)
	require.NoError(t, <-doneKept)
	require.NoError(t, <-doneHidden)
	for _, lr := range run.sink.records("pg-exclude", eventQuerySample) {
		assert.NotEqual(t, hidden, lr.Attributes().AsRaw()["db.namespace"], "no sample of an excluded database")
	}
	md := run.sink.scrapes("pg-exclude")
	last := md[len(md)-1]
	_, ok := point(last, "postgresql.commits", kept, nil)
	assert.True(t, ok)
	_, ok = point(last, "postgresql.commits", hidden, nil)
	assert.False(t, ok, "no metrics of an excluded database")
}
