package snmptrapreceiver

import (
	"net/netip"
	"testing"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/snmptrap"
	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

func loadConfig(t *testing.T, name string) *Config {
	return testutil.LoadConfig[*Config](t, NewFactory(), name)
}

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	cfg := loadConfig(t, "")
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, "[::1]:10162", cfg.Endpoint)
	assert.Equal(t, 10000, cfg.QueueSize, "default kept")
	users, err := cfg.users()
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Equal(t, snmptrap.User{
		Name: "trapuser", Level: gosnmp.AuthPriv, AuthProtocol: gosnmp.SHA256, AuthPassword: "${env:TRAP_AUTH}",
		PrivProtocol: gosnmp.AES256, PrivPassword: "${env:TRAP_PRIV}", EngineIDs: [][]byte{{0x80, 0, 0, 0, 1, 2, 3, 4}},
	}, users[0])
	nets, err := cfg.networks()
	require.NoError(t, err)
	assert.Equal(t, []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.1/32")}, nets)
	rate, err := parseRate(cfg.RateLimit.PerSource)
	require.NoError(t, err)
	assert.InDelta(t, 200.0, rate, 0)
	assert.Equal(t, 400, cfg.RateLimit.Burst)
	sev, err := cfg.severities()
	require.NoError(t, err)
	assert.Equal(t, map[string]snmptrap.Severity{"1.3.6.1.6.3.1.1.5.3": snmptrap.SeverityWarn, "1.3.6.1.6.3.1.1.5.4": snmptrap.SeverityInfo}, sev)
}

func TestDefaultConfig(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig().(*Config)
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, "127.0.0.1:162", cfg.Endpoint, "listens on localhost unless configured")
	assert.Empty(t, cfg.Communities, "v1/v2c refused unless configured")
}

func TestValidateNamesTheField(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "bad"))
	require.Error(t, err)
	for _, want := range []string{
		"endpoint:", "transport:", "communities[0]:", "users[0] (u1): auth_protocol:", "users[0] (u1): auth_password:",
		"users[0] (u1): engine_ids[0]:", "users[0] (u1): engine_ids[1]:", "allowed_networks[0]:",
		"rate_limit::per_source:", "rate_limit::burst:", "severity::1.3.6.1.6.3.1.1.5.3:", "engine_id:",
		"queue_size:", "profile_files:",
	} {
		assert.Contains(t, err.Error(), want)
	}
	assert.NotContains(t, err.Error(), "long-enough-password", "passwords never appear in errors")
}

func TestParseRate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]float64{"": 0, "0": 0, "200/s": 200, "120/min": 2, "3/m": 0.05, " 10 / sec ": 10} {
		got, err := parseRate(in)
		require.NoError(t, err, in)
		assert.InDelta(t, want, got, 1e-9, in)
	}
	for _, in := range []string{"200", "x/s", "-1/s", "5/hour"} {
		_, err := parseRate(in)
		assert.Error(t, err, in)
	}
}
