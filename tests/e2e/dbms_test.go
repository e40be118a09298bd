//go:build integration

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// dbmsConfig polls the shared PostgreSQL and MariaDB servers; the passwords
// come from the environment.
func dbmsConfig(pg, my map[string]string, sink string) string {
	return harness.SinkConfig(fmt.Sprintf(`receivers:
  dbms:
    collection_interval: 1s
    jitter: 0
    targets:
      - name: pg
        engine: postgresql
        endpoint: %s:%s
        username: %s
        password: ${env:E2E_PG_PASSWORD}
        databases: [postgres]
        tls: {insecure: true}
        query_samples: {enabled: true}
      - name: maria
        engine: mariadb
        endpoint: %s:%s
        username: %s
        password: ${env:E2E_MY_PASSWORD}
        tls: {insecure: true}
`, pg["HOST"], pg["PORT"], pg["USER"], my["HOST"], my["PORT"], my["USER"]), sink,
		harness.Pipeline{Signal: "metrics", Receivers: []string{"dbms"}},
		harness.Pipeline{Signal: "logs", Receivers: []string{"dbms"}})
}

// dbmsPoints collects every data point of the sink by target and metric.
func dbmsPoints(mds []pmetric.Metrics) map[string]map[string][]pmetric.NumberDataPoint {
	out := map[string]map[string][]pmetric.NumberDataPoint{}
	for _, md := range mds {
		for i := 0; i < md.ResourceMetrics().Len(); i++ {
			rm := md.ResourceMetrics().At(i)
			tgt, ok := rm.Resource().Attributes().Get("dbms.target")
			if !ok {
				continue
			}
			if out[tgt.Str()] == nil {
				out[tgt.Str()] = map[string][]pmetric.NumberDataPoint{}
			}
			ms := rm.ScopeMetrics().At(0).Metrics()
			for k := 0; k < ms.Len(); k++ {
				m := ms.At(k)
				dps := testutil.NumberPoints(m)
				for d := 0; d < dps.Len(); d++ {
					out[tgt.Str()][m.Name()] = append(out[tgt.Str()][m.Name()], dps.At(d))
				}
			}
		}
	}
	return out
}

func TestDBMSReceiverInTheCollector(t *testing.T) {
	pg := harness.RequireService(t, "postgres")
	my := harness.RequireService(t, "mariadb")
	sink := harness.StartSink(t)
	col := harness.StartCollector(t, dbmsConfig(pg, my, sink.GRPCEndpoint),
		"E2E_PG_PASSWORD="+pg["PASSWORD"], "E2E_MY_PASSWORD="+my["PASSWORD"])

	require.Eventually(t, func() bool {
		p := dbmsPoints(sink.Metrics.AllMetrics())
		return len(p["pg"]["dbms.up"]) >= 2 && len(p["maria"]["dbms.up"]) >= 2
	}, 60*time.Second, 100*time.Millisecond)
	p := dbmsPoints(sink.Metrics.AllMetrics())
	for _, tgt := range []string{"pg", "maria"} {
		up := p[tgt]["dbms.up"]
		assert.Equal(t, int64(1), up[len(up)-1].IntValue(), tgt)
		assert.NotEmpty(t, p[tgt]["dbms.scrape.duration"], tgt)
	}
	assert.NotEmpty(t, p["pg"]["postgresql.commits"])
	assert.NotEmpty(t, p["pg"]["postgresql.bgwriter.buffers.allocated"])
	assert.NotEmpty(t, p["maria"]["mysql.uptime"])
	assert.NotEmpty(t, p["maria"]["mysql.buffer_pool.pages"])

	// A slow statement becomes a query sample log record, literals removed.
	c, err := pgx.Connect(context.Background(), fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=postgres sslmode=disable",
		pg["HOST"], pg["PORT"], pg["ADMIN_USER"], pg["ADMIN_PASSWORD"]))
	require.NoError(t, err)
	defer c.Close(context.Background())
	_, err = c.Exec(context.Background(), "SELECT pg_sleep(3), 'e2e-4111111111111111'")
	require.NoError(t, err)
	var text string
	require.Eventually(t, func() bool {
		for _, ld := range sink.Logs.AllLogs() {
			if text = sampleText(ld, "pg_sleep"); text != "" {
				return true
			}
		}
		return false
	}, 30*time.Second, 100*time.Millisecond)
	assert.Equal(t, "SELECT pg_sleep(?), ?", text)

	assert.NotContains(t, col.Output(), pg["PASSWORD"], "secrets stay out of the collector's log")
	assert.Equal(t, 0, col.Stop(), "clean shutdown: pools closed, no poll left hanging")
}

func sampleText(ld plog.Logs, contains string) string {
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		sls := ld.ResourceLogs().At(i).ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			for k := 0; k < sls.At(j).LogRecords().Len(); k++ {
				lr := sls.At(j).LogRecords().At(k)
				if lr.EventName() != "db.server.query_sample" {
					continue
				}
				if v, ok := lr.Attributes().Get("db.query.text"); ok && strings.Contains(v.Str(), contains) {
					return v.Str()
				}
			}
		}
	}
	return ""
}
