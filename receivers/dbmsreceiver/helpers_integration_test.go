//go:build integration

package dbmsreceiver

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// sink keeps every scrape's metrics and logs, per target.
type sink struct {
	mu      sync.Mutex
	metrics map[string][]pmetric.Metrics
	logs    map[string][]plog.Logs
}

func (s *sink) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func targetOf(res pcommon.Resource) string {
	v, _ := res.Attributes().Get("dbms.target")
	return v.Str()
}

func (s *sink) ConsumeMetrics(_ context.Context, md pmetric.Metrics) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if md.ResourceMetrics().Len() > 0 {
		n := targetOf(md.ResourceMetrics().At(0).Resource())
		s.metrics[n] = append(s.metrics[n], md)
	}
	return nil
}

func (s *sink) ConsumeLogs(_ context.Context, ld plog.Logs) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ld.ResourceLogs().Len() > 0 {
		n := targetOf(ld.ResourceLogs().At(0).Resource())
		s.logs[n] = append(s.logs[n], ld)
	}
	return nil
}

// scrapes returns the target's scrapes so far.
func (s *sink) scrapes(target string) []pmetric.Metrics {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]pmetric.Metrics(nil), s.metrics[target]...)
}

// waitScrapes waits until the target has n more scrapes than it had at
// from, and returns the last.
func (s *sink) waitScrapes(t testing.TB, target string, from, n int) pmetric.Metrics {
	t.Helper()
	require.Eventually(t, func() bool { return len(s.scrapes(target)) >= from+n }, 60*time.Second, 50*time.Millisecond,
		"target %s: waiting for %d scrapes", target, n)
	all := s.scrapes(target)
	return all[len(all)-1]
}

// records returns the log records of one event name for a target.
func (s *sink) records(target, event string) []plog.LogRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []plog.LogRecord
	for _, ld := range s.logs[target] {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sls := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					if lrs.At(k).EventName() == event { // "" selects custom query records
						out = append(out, lrs.At(k))
					}
				}
			}
		}
	}
	return out
}

type running struct {
	r    *dbmsReceiver
	sink *sink
	logs *observer.ObservedLogs
	tel  *componenttest.Telemetry
}

// counter is the sum of an internal int64 counter of the receiver.
func (r *running) counter(t testing.TB, name string) int64 {
	t.Helper()
	m, err := r.tel.GetMetric(name)
	if err != nil {
		return 0
	}
	var n int64
	for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
		n += dp.Value
	}
	return n
}

// start runs a receiver with the given targets at a short interval.
func start(t testing.TB, edit func(*Config)) *running {
	t.Helper()
	return startOn(t, componenttest.NewNopHost(), edit)
}

// startOn runs a receiver on a host (one with extensions, for storage).
func startOn(t testing.TB, host component.Host, edit func(*Config)) *running {
	t.Helper()
	cfg := createDefaultConfig().(*Config)
	cfg.CollectionInterval = time.Second
	cfg.Jitter = 0
	cfg.MaxBackoff = 0
	edit(cfg)
	require.NoError(t, cfg.Validate())
	core, logs := observer.New(zapcore.InfoLevel)
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
	set := receivertest.NewNopSettings(typ)
	set.TelemetrySettings = tel.NewTelemetrySettings()
	set.ID = component.NewID(typ) // stable, as across collector restarts
	set.Logger = zap.New(core)
	s := &sink{metrics: map[string][]pmetric.Metrics{}, logs: map[string][]plog.Logs{}}
	f := NewFactory()
	mr, err := f.CreateMetrics(context.Background(), set, cfg, s)
	require.NoError(t, err)
	lr, err := f.CreateLogs(context.Background(), set, cfg, s)
	require.NoError(t, err)
	require.NoError(t, mr.Start(context.Background(), host))
	require.NoError(t, lr.Start(context.Background(), host))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		require.NoError(t, lr.Shutdown(ctx))
		require.NoError(t, mr.Shutdown(ctx))
	})
	return &running{r: mr.(*dbmsReceiver), sink: s, logs: logs, tel: tel}
}

func mustPoint(t *testing.T, md pmetric.Metrics, name, db string, attrs map[string]string) float64 {
	t.Helper()
	v, ok := point(md, name, db, attrs)
	require.True(t, ok, "no %s point for database %q with %v", name, db, attrs)
	return v
}

func randName(prefix string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// pgAdmin connects as the service's superuser over TCP.
func pgAdmin(t *testing.T, env map[string]string, db string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=%s sslmode=disable",
		env["HOST"], env["PORT"], env["ADMIN_USER"], env["ADMIN_PASSWORD"], db))
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close(context.Background()) })
	return c
}

func pgExec(t *testing.T, c *pgx.Conn, sql string, args ...any) {
	t.Helper()
	_, err := c.Exec(context.Background(), sql, args...)
	require.NoError(t, err, sql)
}

// pgDatabase creates a database of the test's own on a shared server and
// drops it at the end.
func pgDatabase(t *testing.T, env map[string]string) string {
	t.Helper()
	name := randName("dbms_it_")
	admin := pgAdmin(t, env, "postgres")
	pgExec(t, admin, "CREATE DATABASE "+name)
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=postgres sslmode=disable",
			env["HOST"], env["PORT"], env["ADMIN_USER"], env["ADMIN_PASSWORD"]))
		if err == nil {
			_, _ = c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			_ = c.Close(context.Background())
		}
	})
	return name
}

// myRoot connects as root through the server's socket.
func myRoot(t *testing.T, env map[string]string) *sql.DB {
	t.Helper()
	cfg := mysql.NewConfig()
	cfg.User, cfg.Net, cfg.Addr = "root", "unix", env["SOCKET"]
	cfg.MultiStatements = true
	conn, err := mysql.NewConnector(cfg)
	require.NoError(t, err)
	db := sql.OpenDB(conn)
	t.Cleanup(func() { _ = db.Close() })
	require.NoError(t, db.Ping())
	return db
}

func myExec(t *testing.T, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, q string, args ...any) {
	t.Helper()
	_, err := db.ExecContext(context.Background(), q, args...)
	require.NoError(t, err, q)
}
