//go:build integration

package e2e

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// The service scripts that the DBMS and WAS receivers' tests stand on must
// bring up real servers with the monitoring users they need.

func TestServicePostgres(t *testing.T) {
	env := harness.RequireService(t, "postgres")
	cmd := exec.Command("psql", "-h", env["HOST"], "-p", env["PORT"], "-U", env["USER"], "-d", "postgres",
		"-tAc", "SELECT current_user || ',' || pg_has_role(current_user, 'pg_monitor', 'member')")
	cmd.Env = append(os.Environ(), "PGPASSWORD="+env["PASSWORD"])
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Equal(t, env["USER"]+",true", strings.TrimSpace(string(out)))
}

func TestServiceMariaDB(t *testing.T) {
	env := harness.RequireService(t, "mariadb")
	out, err := exec.Command("mariadb", "--no-defaults", "-h", env["HOST"], "-P", env["PORT"],
		"-u", env["USER"], "-p"+env["PASSWORD"], "-N", "-e", "SHOW GRANTS").CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Contains(t, string(out), "PROCESS")
	// MariaDB 10.11 shows REPLICATION CLIENT by its new name.
	assert.Contains(t, string(out), "BINLOG MONITOR")
}

func TestServiceTomcat(t *testing.T) {
	env := harness.RequireService(t, "tomcat")
	req, err := http.NewRequest(http.MethodGet, env["STATUS_URL"], nil)
	require.NoError(t, err)
	req.SetBasicAuth(env["USER"], env["PASSWORD"])
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), "<jvm>")
	assert.Contains(t, string(body), "requestInfo")
}
