//go:build integration

package dbmsreceiver

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.uber.org/zap/zapcore"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

func myTarget(env map[string]string, name string) Target {
	t := Target{Name: name, Engine: "mariadb", Endpoint: env["HOST"] + ":" + env["PORT"],
		Username: env["USER"], Password: configopaque.String(env["PASSWORD"])}
	t.TLS.Insecure = true
	return t
}

func TestMariaDBMetricsFollowTheTestsOwnWork(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "mariadb")
	root := myRoot(t, env)
	db := randName("dbms_it_")
	myExec(t, root, "CREATE DATABASE "+db)
	t.Cleanup(func() { _, _ = root.Exec("DROP DATABASE IF EXISTS " + db) })
	myExec(t, root, "CREATE TABLE "+db+".items (id int PRIMARY KEY, v text) ENGINE=InnoDB")

	run := start(t, func(c *Config) {
		tg := myTarget(env, "maria")
		tg.QuerySamples = EventConfig{Enabled: true}
		c.Targets = []Target{tg}
		c.Metrics.MysqlCommands.Enabled = true
	})
	first := run.sink.waitScrapes(t, "maria", 0, 1)
	assert.Equal(t, 1.0, mustPoint(t, first, "dbms.up", "", nil))
	// Uptime is in whole seconds: 0 when this test started the server.
	up0 := mustPoint(t, first, "mysql.uptime", "", nil)
	assert.GreaterOrEqual(t, up0, 0.0)
	assert.Equal(t, 134217728.0, mustPoint(t, first, "mysql.buffer_pool.limit", "", nil))
	assert.Greater(t, mustPoint(t, first, "mysql.threads", "", map[string]string{"kind": "connected"}), 0.0)
	// MariaDB 10.6 and later dropped Innodb_rows_*: no mysql.row_operations;
	// the handler counters carry the row writes.
	_, rowOps := point(first, "mysql.row_operations", "", nil)
	assert.False(t, rowOps)
	ins0 := mustPoint(t, first, "mysql.handlers", "", map[string]string{"kind": "write"})
	cmd0 := mustPoint(t, first, "mysql.commands", "", map[string]string{"command": "insert"})
	_, galera := point(first, "mysql.galera.cluster.size", "", nil)
	assert.False(t, galera, "no Galera metrics without wsrep")
	// Not a replica: no replication channel.
	_, isReplica := point(first, "mysql.replica.io_running", "", nil)
	assert.False(t, isReplica)

	const n = 30
	for i := range n {
		myExec(t, root, "INSERT INTO "+db+".items VALUES (?, 'x')", i)
	}
	from := len(run.sink.scrapes("maria"))
	md := run.sink.waitScrapes(t, "maria", from, 1)
	// The server is shared: other tests may insert too, so at least n.
	assert.GreaterOrEqual(t, mustPoint(t, md, "mysql.handlers", "", map[string]string{"kind": "write"})-ins0, float64(n))
	assert.GreaterOrEqual(t, mustPoint(t, md, "mysql.commands", "", map[string]string{"command": "insert"})-cmd0, float64(n))
	assert.GreaterOrEqual(t, mustPoint(t, md, "mysql.uptime", "", nil), up0)

	// A slow statement is a query sample without its literals.
	done := make(chan error, 1)
	go func() {
		_, err := root.ExecContext(context.Background(), "SELECT SLEEP(4), 'bob@example.com' AS who FROM "+db+".items WHERE id = 7")
		done <- err
	}()
	var rec map[string]any
	require.Eventually(t, func() bool {
		for _, lr := range run.sink.records("maria", eventQuerySample) {
			a := lr.Attributes().AsRaw()
			if strings.Contains(a["db.query.text"].(string), "SLEEP") {
				rec = a
				return true
			}
		}
		return false
	}, 20*time.Second, 100*time.Millisecond)
	require.NoError(t, <-done)
	assert.Equal(t, "SELECT SLEEP(?), ? AS who FROM "+db+".items WHERE id = ?", rec["db.query.text"])
	assert.Equal(t, "mariadb", rec["db.system.name"])
	assert.Equal(t, "root", rec["user.name"])
	assert.Equal(t, "localhost", rec["network.peer.address"])
}

func TestMariaDBErrorsNameTheTargetAndTheGrant(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "mariadb")
	root := myRoot(t, env)
	user := randName("nogrant_")
	myExec(t, root, "CREATE USER '"+user+"'@'%' IDENTIFIED BY 'pw-"+user+"'")
	t.Cleanup(func() { _, _ = root.Exec("DROP USER IF EXISTS '" + user + "'@'%'") })

	run := start(t, func(c *Config) {
		bad := myTarget(env, "maria-badpw")
		bad.Password = "wrong"
		weak := myTarget(env, "maria-nogrant")
		weak.Username, weak.Password = user, configopaque.String("pw-"+user)
		dialect := myTarget(env, "maria-as-mysql")
		dialect.Engine = "mysql"
		c.Targets = []Target{bad, weak, dialect}
	})
	run.sink.waitScrapes(t, "maria-as-mysql", 0, 3)
	run.sink.waitScrapes(t, "maria-badpw", 0, 3)
	weakMD := run.sink.waitScrapes(t, "maria-nogrant", 0, 3)
	assert.Equal(t, 0.0, mustPoint(t, run.sink.scrapes("maria-badpw")[2], "dbms.up", "", nil))
	assert.Equal(t, 1.0, mustPoint(t, weakMD, "dbms.up", "", nil))
	assert.Greater(t, mustPoint(t, weakMD, "mysql.uptime", "", nil), 0.0)

	lines := map[string][]string{}
	for _, e := range run.logs.All() {
		if tgt, ok := e.ContextMap()["target"].(string); ok && e.Level >= zapcore.WarnLevel {
			lines[tgt] = append(lines[tgt], e.ContextMap()["error"].(string))
		}
	}
	require.Len(t, lines["maria-badpw"], 1)
	assert.Contains(t, lines["maria-badpw"][0], "dbms target maria-badpw: authentication failed (connect): check username and password")
	require.Len(t, lines["maria-as-mysql"], 1)
	assert.Contains(t, lines["maria-as-mysql"][0], "dbms target maria-as-mysql: unsupported server version (connect): the server does not know a session variable of its engine; check engine: mysql or mariadb")
	require.Len(t, lines["maria-nogrant"], 1)
	assert.Contains(t, lines["maria-nogrant"][0], "permission denied (SHOW ALL REPLICAS STATUS): grant SLAVE MONITOR")
	assert.Contains(t, lines["maria-nogrant"][0], "permission denied (information_schema.innodb_trx): grant PROCESS")
}

func TestMariaDBPoolKeepsItsConnections(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "mariadb")
	root := myRoot(t, env)
	// A user of its own, so that other tests' connections to the shared
	// server (same monitoring user, run in parallel) do not count.
	user := randName("pool_")
	myExec(t, root, fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY '%s'", user, env["PASSWORD"]))
	t.Cleanup(func() { _, _ = root.Exec(fmt.Sprintf("DROP USER IF EXISTS '%s'@'%%'", user)) })
	myExec(t, root, fmt.Sprintf("GRANT PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT ON *.* TO '%s'@'%%'", user))
	run := start(t, func(c *Config) {
		tg := myTarget(env, "maria-pool")
		tg.Username = user
		c.Targets = []Target{tg}
		c.CollectionInterval = 200 * time.Millisecond
	})
	ids := func() string {
		var out []string
		rows, err := root.Query("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? ORDER BY ID", user)
		require.NoError(t, err)
		defer rows.Close()
		for rows.Next() {
			var id string
			require.NoError(t, rows.Scan(&id))
			out = append(out, id)
		}
		return strings.Join(out, ",")
	}
	run.sink.waitScrapes(t, "maria-pool", 0, 2)
	before := ids()
	require.NotEmpty(t, before)
	from := len(run.sink.scrapes("maria-pool"))
	run.sink.waitScrapes(t, "maria-pool", from, 20)
	assert.Equal(t, before, ids(), "no new connections across 20 scrapes")
	assert.Equal(t, 1, run.r.targets[0].openConns())
}

func TestMariaDBBlockedStatementNamesTheBlocker(t *testing.T) {
	t.Parallel()
	env := harness.RequireService(t, "mariadb")
	root := myRoot(t, env)
	db := randName("dbms_it_")
	myExec(t, root, "CREATE DATABASE "+db)
	t.Cleanup(func() { _, _ = root.Exec("DROP DATABASE IF EXISTS " + db) })
	myExec(t, root, "CREATE TABLE "+db+".acct (id int PRIMARY KEY, balance int) ENGINE=InnoDB")
	myExec(t, root, "INSERT INTO "+db+".acct VALUES (1, 100)")

	ctx := context.Background()
	holder, err := root.Conn(ctx)
	require.NoError(t, err)
	defer holder.Close()
	var holderID int64
	require.NoError(t, holder.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&holderID))
	myExec(t, holder, "BEGIN")
	myExec(t, holder, "UPDATE "+db+".acct SET balance = 0 WHERE id = 1")
	waiter, err := root.Conn(ctx)
	require.NoError(t, err)
	defer waiter.Close()
	done := make(chan error, 1)
	go func() {
		_, err := waiter.ExecContext(ctx, "UPDATE "+db+".acct SET balance = balance - 25 WHERE id = 1")
		done <- err
	}()

	run := start(t, func(c *Config) {
		tg := myTarget(env, "maria-blocked")
		tg.QuerySamples = EventConfig{Enabled: true}
		c.Targets = []Target{tg}
	})
	var rec map[string]any
	require.Eventually(t, func() bool {
		for _, lr := range run.sink.records("maria-blocked", eventQuerySample) {
			a := lr.Attributes().AsRaw()
			if a["mysql.blocking.thread_ids"] != "" && a["db.query.text"] == "UPDATE "+db+".acct SET balance = balance - ? WHERE id = ?" {
				rec = a
				return true
			}
		}
		return false
	}, 20*time.Second, 100*time.Millisecond)
	myExec(t, holder, "ROLLBACK")
	require.NoError(t, <-done)
	assert.Equal(t, strconv.FormatInt(holderID, 10), rec["mysql.blocking.thread_ids"])
	assert.Equal(t, "innodb_row", rec["mysql.blocking.lock.type"])
	assert.Equal(t, "Updating", rec["mysql.state"])
}
