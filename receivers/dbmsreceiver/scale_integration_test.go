//go:build integration

package dbmsreceiver

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFiftyTargets scrapes 50 targets (25 databases on the shared
// PostgreSQL, 25 targets on the shared MariaDB) at a 10 s interval for
// DBMS_SCALE_SECONDS (default 60) after a warm-up round, and reports the
// receiver process's CPU, the CPU per target scrape, allocations per data
// point and the connections the servers saw opened after warm-up. Run it
// with -benchtime=1x.
func BenchmarkFiftyTargets(b *testing.B) {
	b.ReportAllocs()
	secs := 60
	if s, err := strconv.Atoi(os.Getenv("DBMS_SCALE_SECONDS")); err == nil {
		secs = s
	}
	pg := harness.RequireService(b, "postgres")
	my := harness.RequireService(b, "mariadb")
	admin, err := pgx.Connect(context.Background(), fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=postgres sslmode=disable",
		pg["HOST"], pg["PORT"], pg["ADMIN_USER"], pg["ADMIN_PASSWORD"]))
	require.NoError(b, err)
	defer admin.Close(context.Background())
	var targets []Target
	for i := range 25 {
		db := fmt.Sprintf("dbms_scale_%02d", i)
		_, _ = admin.Exec(context.Background(), "CREATE DATABASE "+db)
		c, err := pgx.Connect(context.Background(), fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=%s sslmode=disable",
			pg["HOST"], pg["PORT"], pg["ADMIN_USER"], pg["ADMIN_PASSWORD"], db))
		require.NoError(b, err)
		_, _ = c.Exec(context.Background(), "CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, v text); CREATE INDEX IF NOT EXISTS t_v ON t (v)")
		_ = c.Close(context.Background())
		targets = append(targets, pgTarget(pg, "pg-"+db, db))
		targets = append(targets, myTarget(my, fmt.Sprintf("maria-%02d", i)))
	}
	defer func() {
		for i := range 25 {
			_, _ = admin.Exec(context.Background(), fmt.Sprintf("DROP DATABASE IF EXISTS dbms_scale_%02d WITH (FORCE)", i))
		}
	}()
	myConns := func() int64 {
		db, err := sql.Open("mysql", "root@unix("+my["SOCKET"]+")/")
		require.NoError(b, err)
		defer db.Close()
		var k string
		var v int64
		require.NoError(b, db.QueryRow("SHOW GLOBAL STATUS LIKE 'Connections'").Scan(&k, &v))
		return v
	}
	pgBackends := func() map[string]bool {
		rows, err := admin.Query(context.Background(), `SELECT pid::text || backend_start::text FROM pg_stat_activity WHERE application_name = 'otelcol-ems dbms'`)
		require.NoError(b, err)
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		require.NoError(b, err)
		out := map[string]bool{}
		for _, id := range ids {
			out[id] = true
		}
		return out
	}

	for b.Loop() {
		run := start(b, func(c *Config) {
			c.CollectionInterval = 10 * time.Second
			c.Jitter = 1
			c.Targets = targets
		})
		for _, tg := range targets {
			run.sink.waitScrapes(b, tg.Name, 0, 1) // warm-up: every pool open
		}
		count := func() (scrapes, points int) {
			run.sink.mu.Lock()
			defer run.sink.mu.Unlock()
			for _, mds := range run.sink.metrics {
				scrapes += len(mds)
				for _, md := range mds {
					points += md.DataPointCount()
				}
			}
			return scrapes, points
		}
		conns0, backends0 := myConns(), pgBackends()
		scr0, dp0 := count()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		cpu0, wall0 := cpuTime(), time.Now()
		time.Sleep(time.Duration(secs) * time.Second)
		cpu, wall := cpuTime()-cpu0, time.Since(wall0)
		runtime.ReadMemStats(&m1)
		scr1, dp1 := count()
		// myConns itself opens one connection per call.
		newMy := myConns() - conns0 - 1
		newPG := 0
		for id := range pgBackends() {
			if !backends0[id] {
				newPG++
			}
		}
		scrapes, points := scr1-scr0, dp1-dp0
		b.ReportMetric(100*cpu.Seconds()/wall.Seconds(), "cpu%")
		b.ReportMetric(float64(cpu.Microseconds())/float64(scrapes), "cpu-us/scrape")
		b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/float64(points), "allocs/point")
		b.ReportMetric(float64(scrapes), "scrapes")
		b.ReportMetric(float64(points)/float64(scrapes), "points/scrape")
		b.ReportMetric(float64(newPG+int(newMy))*3600/wall.Seconds(), "new-conns/hour")
		b.Logf("%d scrapes, %d points in %v; cpu %v; new connections after warm-up: postgresql %d, mariadb %d",
			scrapes, points, wall.Round(time.Second), cpu, newPG, newMy)
	}
}
