//go:build integration

package snmp

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/testenv"
)

// agent is a running net-snmp snmpd, started through tests/services/snmpd.sh.
type agent struct {
	env map[string]string
}

func requireAgent(t *testing.T) agent {
	t.Helper()
	return agent{env: testenv.RequireService(t, "snmpd")}
}

func (a agent) v2c() ConnConfig {
	return ConnConfig{Endpoint: a.env["ENDPOINT"], Version: "v2c", Community: a.env["COMMUNITY"],
		Timeout: time.Second, Retries: 1, MaxRepetitions: 25, MaxOIDsPerRequest: 60}
}

func (a agent) v3(suffix string) ConnConfig {
	c := a.v2c()
	c.Version, c.Community = "v3", ""
	c.User = a.env["V3_USER"+suffix]
	c.SecurityLevel = "auth_priv"
	c.AuthProtocol = a.env["V3_AUTH_PROTOCOL"+suffix]
	c.AuthPassword = a.env["V3_AUTH_PASSWORD"+suffix]
	c.PrivProtocol = a.env["V3_PRIV_PROTOCOL"+suffix]
	c.PrivPassword = a.env["V3_PRIV_PASSWORD"+suffix]
	return c
}

// snmpcmd runs a net-snmp command line tool (snmpget, snmpwalk) against the
// agent with v2c and returns its lines in -Oqn form: "OID value".
func (a agent) snmpcmd(t *testing.T, tool string, oids ...string) []string {
	t.Helper()
	args := append([]string{"-v2c", "-c", a.env["COMMUNITY"], "-Oqn", "-Oe", "-Ot", "-OU", "127.0.0.1:" + a.env["PORT"]}, oids...)
	cmd := exec.Command(tool, args...)
	cmd.Env = append(os.Environ(), "SNMPCONFPATH="+a.env["DIR"])
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s: %s", tool, out)
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

func pollOnce(t *testing.T, conn ConnConfig, profiles ...string) (pmetric.Metrics, Stats, error) {
	t.Helper()
	p, err := NewPoller(Device{Conn: conn, Profiles: mustProfiles(t, profiles...), ScopeName: "test"})
	require.NoError(t, err)
	defer p.Close()
	return p.Poll(context.Background(), time.Now())
}
