//go:build integration

package dbmsreceiver

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// topQuery finds the latest top-query record whose text is text.
func topQuery(recs []plog.LogRecord, text string) (map[string]any, bool) {
	for i := len(recs) - 1; i >= 0; i-- {
		a := recs[i].Attributes().AsRaw()
		if a["db.query.text"] == text {
			return a, true
		}
	}
	return nil, false
}

func TestPostgresTopQueriesAreDeltas(t *testing.T) {
	// A private server: pg_stat_statements needs a preload at start, and the
	// test reads exact call counts.
	t.Setenv("EMS_PG_PORT", strconv.Itoa(harness.FreePort(t)))
	env := harness.StartService(t, "postgres")
	admin := pgAdmin(t, env, "postgres")
	pgExec(t, admin, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
	pgExec(t, admin, "CREATE TABLE orders (id int, email text)")

	run := start(t, func(c *Config) {
		tg := pgTarget(env, "pg-top", "postgres")
		tg.TopQueries = EventConfig{Enabled: true, Limit: 50}
		c.Targets = []Target{tg}
		c.CollectionInterval = 2 * time.Second
	})
	run.sink.waitScrapes(t, "pg-top", 0, 1) // baseline
	for i := range 7 {
		pgExec(t, admin, "SELECT count(*) FROM orders WHERE email = 'carol@example.com' AND id = "+strconv.Itoa(i))
	}
	const text = "SELECT count(*) FROM orders WHERE email = $1 AND id = $2"
	var rec map[string]any
	require.Eventually(t, func() bool {
		var ok bool
		rec, ok = topQuery(run.sink.records("pg-top", eventTopQuery), text)
		return ok
	}, 30*time.Second, 100*time.Millisecond)
	assert.Equal(t, int64(7), rec["postgresql.calls"], "calls since the previous read")
	assert.Equal(t, "postgres", rec["postgresql.rolname"])
	assert.Equal(t, "postgres", rec["db.namespace"])
	assert.Greater(t, rec["postgresql.total_exec_time"].(float64), 0.0)
	assert.NotEmpty(t, rec["postgresql.queryid"])

	// Nothing ran since: the next reads do not report the statement again.
	n := len(run.sink.records("pg-top", eventTopQuery))
	from := len(run.sink.scrapes("pg-top"))
	run.sink.waitScrapes(t, "pg-top", from, 2)
	for _, lr := range run.sink.records("pg-top", eventTopQuery)[n:] {
		assert.NotEqual(t, text, lr.Attributes().AsRaw()["db.query.text"])
	}
}

func TestMariaDBTopQueriesFromPerformanceSchema(t *testing.T) {
	env := harness.StartService(t, "mariadb-replica")
	primary := myRoot(t, map[string]string{"SOCKET": env["PRIMARY_SOCKET"]})
	myExec(t, primary, "CREATE DATABASE IF NOT EXISTS shop")
	myExec(t, primary, "CREATE TABLE IF NOT EXISTS shop.orders (id int PRIMARY KEY, email text)")
	run := start(t, func(c *Config) {
		tg := myTarget(env, "maria-top")
		tg.Endpoint = env["HOST"] + ":" + env["PRIMARY_PORT"]
		tg.TopQueries = EventConfig{Enabled: true, Limit: 50}
		tg.ExcludeDatabases = []string{"mysql"}
		c.Targets = []Target{tg}
		c.CollectionInterval = 2 * time.Second
	})
	run.sink.waitScrapes(t, "maria-top", 0, 1)
	for i := range 4 {
		rows, err := primary.QueryContext(context.Background(), "SELECT * FROM shop.orders WHERE email = 'dave@example.com' AND id = "+strconv.Itoa(i))
		require.NoError(t, err)
		require.NoError(t, rows.Close())
	}
	var rec map[string]any
	require.Eventually(t, func() bool {
		for _, lr := range run.sink.records("maria-top", eventTopQuery) {
			a := lr.Attributes().AsRaw()
			if s, _ := a["db.query.text"].(string); strings.Contains(s, "orders") && a["mysql.calls"] == int64(4) {
				rec = a
				return true
			}
		}
		return false
	}, 30*time.Second, 100*time.Millisecond, "records: %v", run.sink.records("maria-top", eventTopQuery))
	assert.Equal(t, "SELECT * FROM `shop` . `orders` WHERE `email` = ? AND ID = ?", rec["db.query.text"])
	assert.Equal(t, "mariadb", rec["db.system.name"])
	assert.NotEmpty(t, rec["mysql.digest"])
}
