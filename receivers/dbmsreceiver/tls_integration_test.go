//go:build integration

package dbmsreceiver

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

func TestPostgresTLS(t *testing.T) {
	t.Setenv("EMS_PG_PORT", strconv.Itoa(harness.FreePort(t)))
	env := harness.StartService(t, "postgres")
	// A self-signed certificate for 127.0.0.1, then ssl = on (a reload is enough).
	dir := t.TempDir()
	crt, key := filepath.Join(dir, "server.crt"), filepath.Join(dir, "server.key")
	out, err := exec.Command("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
		"-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", crt).CombinedOutput()
	require.NoError(t, err, "%s", out)
	data := filepath.Join(env["DIR"], "data")
	for _, f := range []string{crt, key} {
		out, err := exec.Command("install", "-o", "postgres", "-m", "0600", f, data).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	admin := pgAdmin(t, env, "postgres")
	pgExec(t, admin, "ALTER SYSTEM SET ssl = on")
	pgExec(t, admin, "SELECT pg_reload_conf()")

	run := start(t, func(c *Config) {
		verified := pgTarget(env, "pg-tls", "postgres")
		verified.TLS.Insecure = false
		verified.TLS.CAFile = crt
		plain := pgTarget(env, "pg-plain", "postgres")
		c.Targets = []Target{verified, plain}
	})
	ok := assert.Eventually(t, func() bool {
		v, ok := run.sink.lastPoint("pg-tls", "dbms.up", "", nil)
		return ok && v == 1
	}, 30*time.Second, 100*time.Millisecond)
	require.True(t, ok, "logs: %v", logLines(run))
	run.sink.waitScrapes(t, "pg-plain", 0, 1)
	var withTLS, without int
	require.NoError(t, admin.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE s.ssl), count(*) FILTER (WHERE NOT s.ssl)
		FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'otelcol-ems dbms'`).Scan(&withTLS, &without))
	assert.GreaterOrEqual(t, withTLS, 1, "the tls target's connection is encrypted")
	assert.GreaterOrEqual(t, without, 1, "insecure: true stays plain")
}

func logLines(r *running) []string {
	var out []string
	for _, e := range r.logs.All() {
		out = append(out, e.Message+" "+fmtAny(e.ContextMap()["error"]))
	}
	return out
}
