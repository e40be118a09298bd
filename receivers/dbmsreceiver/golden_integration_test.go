//go:build integration

package dbmsreceiver

import (
	"context"
	"flag"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/pmetrictest"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

var update = flag.Bool("update", false, "rewrite the golden files from the real servers")

// compareGolden checks a scrape against testdata/integration/NAME: the
// metric set, units, types and attributes; values, times and the ports of
// private servers differ from run to run.
func compareGolden(t *testing.T, name string, md pmetric.Metrics) {
	t.Helper()
	path := filepath.Join("testdata", "integration", name)
	if *update {
		require.NoError(t, golden.WriteMetrics(t, path, md))
	}
	want, err := golden.ReadMetrics(path)
	require.NoError(t, err)
	require.NoError(t, pmetrictest.CompareMetrics(want, md,
		pmetrictest.IgnoreMetricValues(), pmetrictest.IgnoreTimestamp(), pmetrictest.IgnoreStartTimestamp(),
		pmetrictest.IgnoreResourceAttributeValue("server.port"),
		pmetrictest.IgnoreResourceMetricsOrder(), pmetrictest.IgnoreMetricsOrder(), pmetrictest.IgnoreMetricDataPointsOrder(),
		pmetrictest.IgnoreScopeVersion()))
}

func TestGoldenPostgreSQL(t *testing.T) {
	t.Setenv("EMS_PG_PORT", strconv.Itoa(harness.FreePort(t)))
	env := harness.StartService(t, "postgres")
	admin := pgAdmin(t, env, "postgres")
	pgExec(t, admin, "CREATE DATABASE shop")
	shop := pgAdmin(t, env, "shop")
	pgExec(t, shop, "CREATE TABLE orders (id int PRIMARY KEY, email text)")
	pgExec(t, shop, "INSERT INTO orders SELECT g, 'x' FROM generate_series(1, 100) g")
	require.NoError(t, shop.Close(context.Background()))
	require.NoError(t, admin.Close(context.Background()))

	run := start(t, func(c *Config) {
		c.Targets = []Target{pgTarget(env, "golden-pg", "shop")}
		c.Metrics.PostgresqlBlksHit.Enabled = true
		c.Metrics.PostgresqlBlksRead.Enabled = true
		c.Metrics.PostgresqlDeadlocks.Enabled = true
		c.Metrics.PostgresqlQueryConflicts.Enabled = true
		c.Metrics.PostgresqlSequentialScans.Enabled = true
		c.Metrics.PostgresqlTempFiles.Enabled = true
		c.Metrics.PostgresqlTempIo.Enabled = true
		c.Metrics.PostgresqlTupDeleted.Enabled = true
		c.Metrics.PostgresqlTupFetched.Enabled = true
		c.Metrics.PostgresqlTupInserted.Enabled = true
		c.Metrics.PostgresqlTupReturned.Enabled = true
		c.Metrics.PostgresqlTupUpdated.Enabled = true
	})
	compareGolden(t, "expected_postgresql.yaml", run.sink.waitScrapes(t, "golden-pg", 0, 2))
}

func TestGoldenMariaDBReplica(t *testing.T) {
	env := harness.StartService(t, "mariadb-replica")
	run := start(t, func(c *Config) {
		c.Targets = []Target{myTarget(env, "golden-maria")}
		c.Metrics.MysqlCommands.Enabled = true
		c.Metrics.MysqlConnectionCount.Enabled = true
		c.Metrics.MysqlConnectionErrors.Enabled = true
		c.Metrics.MysqlJoins.Enabled = true
		c.Metrics.MysqlQueryClientCount.Enabled = true
		c.Metrics.MysqlQueryCount.Enabled = true
		c.Metrics.MysqlQuerySlowCount.Enabled = true
		c.Metrics.MysqlReplicaSQLDelay.Enabled = true
		c.Metrics.MysqlReplicaTimeBehindSource.Enabled = true
		c.Metrics.MysqlTableOpenCache.Enabled = true
		c.Metrics.MysqlClientNetworkIo.Enabled = true
	})
	compareGolden(t, "expected_mariadb_replica.yaml", run.sink.waitScrapes(t, "golden-maria", 0, 2))
}
