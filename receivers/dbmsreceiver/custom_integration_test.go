//go:build integration

package dbmsreceiver

import (
	"context"
	"testing"
	"time"

	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/storage/filestorage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

type extHost struct {
	component.Host
	ext map[component.ID]component.Component
}

func (h extHost) GetExtensions() map[component.ID]component.Component { return h.ext }

// fileStorage starts contrib's file_storage on dir.
func fileStorage(t *testing.T, dir string) (component.ID, component.Host) {
	t.Helper()
	f := filestorage.NewFactory()
	cfg := f.CreateDefaultConfig().(*filestorage.Config)
	cfg.Directory = dir
	id := component.NewID(f.Type())
	ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), cfg)
	require.NoError(t, err)
	host := extHost{Host: componenttest.NewNopHost(), ext: map[component.ID]component.Component{id: ext}}
	require.NoError(t, ext.Start(context.Background(), host))
	t.Cleanup(func() { require.NoError(t, ext.Shutdown(context.Background())) })
	return id, host
}

func bodies(recs []plog.LogRecord) []string {
	var out []string
	for _, lr := range recs {
		out = append(out, lr.Body().Str())
	}
	return out
}

func TestCustomQueriesMetricsAndResumingLogs(t *testing.T) {
	env := harness.RequireService(t, "postgres")
	db := pgDatabase(t, env)
	admin := pgAdmin(t, env, db)
	pgExec(t, admin, "CREATE TABLE audit (id int PRIMARY KEY, msg text, actor text)")
	pgExec(t, admin, "CREATE TABLE queue (name text, depth int)")
	pgExec(t, admin, "INSERT INTO queue VALUES ('billing', 7), ('mail', 3)")
	pgExec(t, admin, "GRANT SELECT ON audit, queue TO "+env["USER"])
	for i := 1; i <= 3; i++ {
		pgExec(t, admin, "INSERT INTO audit VALUES ($1::int, 'event ' || $1::text, 'alice')", i)
	}
	storeDir := t.TempDir()
	edit := func(storage component.ID) func(*Config) {
		return func(c *Config) {
			c.Targets = []Target{pgTarget(env, "pg-custom", db)}
			c.CustomQueries = []CustomQuery{
				{Name: "queues", SQL: "SELECT name, depth FROM queue ORDER BY name",
					Metrics: []CustomMetric{{Name: "app.queue.depth", ValueColumn: "depth", AttributeColumns: []string{"name"}, Type: "gauge", Unit: "{message}"}}},
				{Name: "audit", Engines: []string{"postgresql"}, SQL: "SELECT id, msg, actor FROM audit WHERE id > $1::int ORDER BY id",
					Logs: &CustomLogs{BodyColumn: "msg", AttributeColumns: []string{"actor"}, TrackingColumn: "id", TrackingStart: "0", Storage: &storage}},
			}
		}
	}

	// First run: the three rows, and the queue depths.
	id, host := fileStorage(t, storeDir)
	run := startOn(t, host, edit(id))
	require.Eventually(t, func() bool { return len(run.sink.records("pg-custom", "")) >= 3 }, 30*time.Second, 100*time.Millisecond)
	md := run.sink.scrapes("pg-custom")
	last := md[len(md)-1]
	assert.Equal(t, 7.0, mustPoint(t, last, "app.queue.depth", "", map[string]string{"name": "billing"}))
	assert.Equal(t, 3.0, mustPoint(t, last, "app.queue.depth", "", map[string]string{"name": "mail"}))
	from := len(run.sink.scrapes("pg-custom"))
	run.sink.waitScrapes(t, "pg-custom", from, 2)
	recs := run.sink.records("pg-custom", "")
	assert.Equal(t, []string{"event 1", "event 2", "event 3"}, bodies(recs), "later scrapes do not repeat rows")
	assert.Equal(t, "alice", recs[0].Attributes().AsRaw()["actor"])
	assert.Equal(t, "audit", recs[0].Attributes().AsRaw()["dbms.query.name"])
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(t, run.r.Shutdown(ctx))
	require.NoError(t, run.r.Shutdown(ctx)) // the logs side; the cleanup's are no-ops then
	_ = host.GetExtensions()[id].Shutdown(ctx)

	// Rows added while the collector was down; a restart resumes after 3.
	pgExec(t, admin, "INSERT INTO audit VALUES (4, 'event 4', 'bob'), (5, 'event 5', 'bob')")
	id2, host2 := fileStorage(t, storeDir)
	run2 := startOn(t, host2, edit(id2))
	require.Eventually(t, func() bool { return len(run2.sink.records("pg-custom", "")) >= 2 }, 30*time.Second, 100*time.Millisecond)
	from = len(run2.sink.scrapes("pg-custom"))
	run2.sink.waitScrapes(t, "pg-custom", from, 1)
	assert.Equal(t, []string{"event 4", "event 5"}, bodies(run2.sink.records("pg-custom", "")))
}
