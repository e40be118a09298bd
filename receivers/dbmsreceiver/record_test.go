package dbmsreceiver

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/receiver/receivertest"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
)

func testTarget(t testing.TB, engine string) *target {
	t.Helper()
	cfg := createDefaultConfig().(*Config)
	cfg.Metrics.MysqlReplicaTimeBehindSource.Enabled = true
	tc := Target{Name: "t1", Engine: engine, Endpoint: "db.example:3306", Username: "u"}
	cfg.Targets = []Target{tc}
	set, err := cfg.settings(&cfg.Targets[0])
	require.NoError(t, err)
	return newTarget(cfg, &cfg.Targets[0], set, receivertest.NewNopSettings(typ))
}

func TestGaleraOnlyWithAProvider(t *testing.T) {
	t.Parallel()
	tg := testTarget(t, "mariadb")
	ts := pcommon.NewTimestampFromTime(time.Unix(100, 0))
	// What MariaDB reports without Galera: placeholders.
	tg.recordMySQL(ts, &dbms.MySQLStats{Status: map[string]string{"wsrep_cluster_size": "0", "wsrep_ready": "OFF", "wsrep_provider_name": ""}})
	md := tg.mb.Emit()
	_, ok := point(md, "mysql.galera.cluster.size", "", nil)
	assert.False(t, ok)

	tg.recordMySQL(ts, &dbms.MySQLStats{Status: map[string]string{"wsrep_provider_name": "Galera", "wsrep_cluster_size": "3",
		"wsrep_ready": "ON", "wsrep_local_state": "4", "wsrep_flow_control_paused": "0.125", "wsrep_local_recv_queue": "7"},
		Replicas: []dbms.MySQLReplica{{Channel: "east", IORunning: true, SecondsBehind: 5}, {Channel: "west", SecondsBehind: -1}}})
	md = tg.mb.Emit()
	for name, want := range map[string]float64{"mysql.galera.cluster.size": 3, "mysql.galera.ready": 1, "mysql.galera.local_state": 4,
		"mysql.galera.flow_control.paused": 0.125, "mysql.galera.recv_queue": 7} {
		v, ok := point(md, name, "", nil)
		assert.True(t, ok, name)
		assert.Equal(t, want, v, name)
	}
	v, _ := point(md, "mysql.replica.io_running", "", map[string]string{"mysql.replica.channel": "east"})
	assert.Equal(t, 1.0, v)
	v, _ = point(md, "mysql.replica.time_behind_source", "", map[string]string{"mysql.replica.channel": "east"})
	assert.Equal(t, 5.0, v)
	_, ok = point(md, "mysql.replica.time_behind_source", "", map[string]string{"mysql.replica.channel": "west"})
	assert.False(t, ok, "NULL lag is no point")
	res := md.ResourceMetrics().At(0).Resource().Attributes().AsRaw()
	assert.Equal(t, map[string]any{"db.system.name": "mariadb", "server.address": "db.example", "server.port": int64(3306), "dbms.target": "t1"}, res)
}

func TestTopQueryDeltas(t *testing.T) {
	t.Parallel()
	e := testTarget(t, "postgresql").events
	q := func(id string, calls int64, ms float64) dbms.TopQuery {
		return dbms.TopQuery{Database: "d", User: "u", QueryID: id, Calls: calls, TotalExecMs: ms}
	}
	assert.Empty(t, e.deltas([]dbms.TopQuery{q("a", 10, 100), q("b", 5, 50)}, 10), "the first read is the baseline")
	got := e.deltas([]dbms.TopQuery{q("a", 12, 130), q("b", 5, 50), q("c", 1, 500)}, 10)
	require.Len(t, got, 2, "b did not run")
	assert.Equal(t, "c", got[0].QueryID, "most time first")
	assert.Equal(t, int64(2), got[1].Calls)
	assert.Equal(t, 30.0, got[1].TotalExecMs)
	got = e.deltas([]dbms.TopQuery{q("a", 1, 3), q("c", 2, 600)}, 1)
	require.Len(t, got, 1, "limit")
	assert.Equal(t, "c", got[0].QueryID)
	got = e.deltas([]dbms.TopQuery{q("a", 4, 9)}, 5)
	assert.Equal(t, int64(3), got[0].Calls)
}

func TestQueryTextIsNormalisedThenMasked(t *testing.T) {
	t.Parallel()
	e := testTarget(t, "postgresql").events
	assert.Equal(t, "SELECT * FROM t WHERE card = ?", e.queryText("SELECT * FROM t WHERE card = '4111 1111 1111 1111'"))
	// A quoted identifier is not a literal, so normalisation keeps it; the
	// masking engine still redacts the e-mail address in it.
	out := e.queryText(`SELECT 1 AS "alice@example.com"`)
	assert.NotContains(t, out, "alice@example.com")
	assert.Contains(t, out, "SELECT ? AS")
}
