//go:build integration

package dbmsreceiver

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zapcore"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// lastPoint is a metric's value in a target's latest scrape.
func (s *sink) lastPoint(target, name, db string, attrs map[string]string) (float64, bool) {
	all := s.scrapes(target)
	if len(all) == 0 {
		return 0, false
	}
	return point(all[len(all)-1], name, db, attrs)
}

func TestPostgresReplicationSeenFromPrimaryAndStandby(t *testing.T) {
	primaryEnv := harness.RequireService(t, "postgres")
	standbyEnv := harness.StartService(t, "postgres-standby")
	primary := pgAdmin(t, primaryEnv, "postgres")
	standby := pgAdmin(t, standbyEnv, "postgres")
	slot := randName("dbms_it_")
	pgExec(t, primary, "SELECT pg_create_physical_replication_slot($1, true)", slot)
	t.Cleanup(func() { _, _ = primary.Exec(context.Background(), "SELECT pg_drop_replication_slot($1)", slot) })
	db := pgDatabase(t, primaryEnv)

	run := start(t, func(c *Config) {
		c.Targets = []Target{pgTarget(primaryEnv, "pg-primary", "postgres"), pgTarget(standbyEnv, "pg-standby", "postgres")}
		c.Metrics.PostgresqlWalDelay.Enabled = true
	})
	run.sink.waitScrapes(t, "pg-standby", 0, 1)
	run.sink.waitScrapes(t, "pg-primary", 0, 1)
	up, _ := run.sink.lastPoint("pg-standby", "postgresql.standby.wal_receiver.up", "", nil)
	assert.Equal(t, 1.0, up, "the standby streams")
	paused, _ := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.paused", "", nil)
	assert.Equal(t, 0.0, paused)
	_, primaryHasStandbyMetrics := run.sink.lastPoint("pg-primary", "postgresql.standby.replay.lag", "", nil)
	assert.False(t, primaryHasStandbyMetrics)
	active, ok := run.sink.lastPoint("pg-primary", "postgresql.replication_slot.active", "",
		map[string]string{"postgresql.replication_slot.name": slot, "postgresql.replication_slot.type": "physical"})
	require.True(t, ok, "the test's slot is reported")
	assert.Equal(t, 0.0, active)

	// A commit replayed before the pause gives the replay delay a start.
	pgExec(t, primary, "SELECT txid_current()")
	require.Eventually(t, func() bool {
		_, ok := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.delay", "", nil)
		return ok
	}, 30*time.Second, 100*time.Millisecond)

	// Pause replay on the standby and write on the primary: the delay grows
	// on both sides.
	pgExec(t, standby, "SELECT pg_wal_replay_pause()")
	t.Cleanup(func() { _, _ = standby.Exec(context.Background(), "SELECT pg_wal_replay_resume()") })
	w := pgAdmin(t, primaryEnv, db)
	pgExec(t, w, "CREATE TABLE filler AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 20000) g")
	require.Eventually(t, func() bool {
		p, _ := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.paused", "", nil)
		lag, _ := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.lag", "", nil)
		delay, ok := run.sink.lastPoint("pg-primary", "postgresql.replication.data_delay", "", map[string]string{"replication_client": "127.0.0.1"})
		return p == 1 && lag > 1e6 && ok && delay > 1e6
	}, 30*time.Second, 100*time.Millisecond, "replay paused: bytes behind on the standby and on the primary")
	d1, _ := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.delay", "", nil)
	from := len(run.sink.scrapes("pg-standby"))
	run.sink.waitScrapes(t, "pg-standby", from, 2)
	d2, _ := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.delay", "", nil)
	assert.Greater(t, d2, d1, "seconds since the last replayed commit grow while replay is paused")

	pgExec(t, standby, "SELECT pg_wal_replay_resume()")
	require.Eventually(t, func() bool {
		lag, ok := run.sink.lastPoint("pg-standby", "postgresql.standby.replay.lag", "", nil)
		return ok && lag == 0
	}, 30*time.Second, 100*time.Millisecond, "the standby catches up")

	// Stopping the standby: dbms.up 0 and one line; starting it: recovery.
	pgctl := func(verb string, args ...string) {
		a := append([]string{"-u", "postgres", "--", standbyEnv["BIN"] + "/pg_ctl", "-D", standbyEnv["DIR"] + "/data", "-w"}, args...)
		out, err := exec.Command("runuser", append(a, verb)...).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	pgctl("stop", "-m", "fast")
	require.Eventually(t, func() bool {
		v, ok := run.sink.lastPoint("pg-standby", "dbms.up", "", nil)
		return ok && v == 0
	}, 30*time.Second, 100*time.Millisecond)
	from = len(run.sink.scrapes("pg-standby"))
	run.sink.waitScrapes(t, "pg-standby", from, 2)
	pgctl("start", "-l", standbyEnv["DIR"]+"/server.log", "-o",
		"-c listen_addresses=127.0.0.1 -p "+standbyEnv["PORT"]+" -k "+standbyEnv["SOCKET_DIR"]+" -c hot_standby=on")
	require.Eventually(t, func() bool {
		v, ok := run.sink.lastPoint("pg-standby", "dbms.up", "", nil)
		return ok && v == 1
	}, 30*time.Second, 100*time.Millisecond)
	var lines []string
	for _, e := range run.logs.All() {
		if e.ContextMap()["target"] == "pg-standby" {
			lines = append(lines, e.Level.String()+" "+e.Message+" "+fmtAny(e.ContextMap()["error"]))
		}
	}
	require.Len(t, lines, 2, "one line down, one line back: %v", lines)
	assert.Equal(t, zapcore.ErrorLevel.String(), lines[0][:5])
	assert.Contains(t, lines[1], "recovered")
}

func fmtAny(v any) string {
	if v == nil {
		return ""
	}
	return v.(string)
}

func TestMariaDBReplicaLagAndThreads(t *testing.T) {
	env := harness.StartService(t, "mariadb-replica")
	replica := myRoot(t, env)
	primary := myRoot(t, map[string]string{"SOCKET": env["PRIMARY_SOCKET"]})
	myExec(t, primary, "CREATE DATABASE IF NOT EXISTS app")
	myExec(t, primary, "CREATE TABLE IF NOT EXISTS app.t (id int PRIMARY KEY AUTO_INCREMENT, v text)")

	// Both statement forms read the same channel (once the replica caught
	// up with the test's own writes).
	for _, stmt := range []string{"SHOW REPLICA STATUS", "SHOW SLAVE STATUS", "SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS"} {
		var rs []dbms.MySQLReplica
		require.Eventually(t, func() bool {
			var err error
			rs, err = dbms.ReadReplicas(context.Background(), replica, stmt, 5*time.Second)
			require.NoError(t, err, stmt)
			return len(rs) == 1 && rs[0].SecondsBehind == 0
		}, 30*time.Second, 100*time.Millisecond, stmt)
		assert.Equal(t, dbms.MySQLReplica{SourceHost: "127.0.0.1", IORunning: true, SQLRunning: true, SecondsBehind: 0}, rs[0], stmt)
	}

	run := start(t, func(c *Config) {
		r := myTarget(env, "maria-replica")
		p := myTarget(env, "maria-primary")
		p.Endpoint = env["HOST"] + ":" + env["PRIMARY_PORT"]
		c.Targets = []Target{r, p}
		c.Metrics.MysqlReplicaTimeBehindSource.Enabled = true
		c.Metrics.MysqlReplicaSQLDelay.Enabled = true
	})
	ch := map[string]string{"mysql.replica.channel": ""}
	run.sink.waitScrapes(t, "maria-replica", 0, 1)
	require.Eventually(t, func() bool {
		v, ok := run.sink.lastPoint("maria-replica", "mysql.replica.time_behind_source", "", ch)
		return ok && v == 0
	}, 30*time.Second, 100*time.Millisecond)
	all := run.sink.scrapes("maria-replica")
	md := all[len(all)-1]
	assert.Equal(t, 1.0, mustPoint(t, md, "mysql.replica.io_running", "", ch))
	assert.Equal(t, 1.0, mustPoint(t, md, "mysql.replica.sql_running", "", ch))
	assert.Equal(t, 0.0, mustPoint(t, md, "mysql.replica.time_behind_source", "", ch))
	assert.Equal(t, 0.0, mustPoint(t, md, "mysql.replica.sql_delay", "", ch))
	pm := run.sink.waitScrapes(t, "maria-primary", 0, 1)
	_, primaryIsReplica := point(pm, "mysql.replica.io_running", "", nil)
	assert.False(t, primaryIsReplica)

	// Stopping the SQL thread: IO runs on, SQL does not, and the lag is
	// unknown (NULL), so no time_behind_source point.
	myExec(t, replica, "STOP SLAVE SQL_THREAD")
	require.Eventually(t, func() bool {
		sqlRun, _ := run.sink.lastPoint("maria-replica", "mysql.replica.sql_running", "", ch)
		ioRun, _ := run.sink.lastPoint("maria-replica", "mysql.replica.io_running", "", ch)
		_, lag := run.sink.lastPoint("maria-replica", "mysql.replica.time_behind_source", "", ch)
		return sqlRun == 0 && ioRun == 1 && !lag
	}, 30*time.Second, 100*time.Millisecond)

	// A delayed replica: SQL_Delay and a growing lag once the primary writes.
	myExec(t, replica, "STOP SLAVE")
	myExec(t, replica, "CHANGE MASTER TO MASTER_DELAY = 60")
	myExec(t, replica, "START SLAVE")
	t.Cleanup(func() {
		_, _ = replica.Exec("STOP SLAVE")
		_, _ = replica.Exec("CHANGE MASTER TO MASTER_DELAY = 0")
		_, _ = replica.Exec("START SLAVE")
	})
	myExec(t, primary, "INSERT INTO app.t (v) VALUES ('late')")
	require.Eventually(t, func() bool {
		delay, _ := run.sink.lastPoint("maria-replica", "mysql.replica.sql_delay", "", ch)
		lag, _ := run.sink.lastPoint("maria-replica", "mysql.replica.time_behind_source", "", ch)
		sqlRun, _ := run.sink.lastPoint("maria-replica", "mysql.replica.sql_running", "", ch)
		return delay == 60 && lag >= 2 && sqlRun == 1
	}, 30*time.Second, 200*time.Millisecond, "the delayed replica falls behind")
}
