package snmpreceiver

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

func loadConfig(t *testing.T, name string) *Config {
	return testutil.LoadConfig[*Config](t, NewFactory(), name)
}

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	cfg := loadConfig(t, "")
	require.NoError(t, confmap.Validate(cfg))
	assert.Equal(t, 30*time.Second, cfg.CollectionInterval)
	require.Len(t, cfg.Targets, 3)

	profiles, err := cfg.loadProfiles()
	require.NoError(t, err)
	d0, err := cfg.device(&cfg.Targets[0], profiles)
	require.NoError(t, err)
	assert.Equal(t, "core-sw1", d0.name)
	assert.Equal(t, 60*time.Second, d0.interval)
	assert.Equal(t, "v3", d0.Conn.Version)
	assert.Equal(t, "SHA256", d0.Conn.AuthProtocol)
	assert.Len(t, d0.Profiles, 3)

	d1, err := cfg.device(&cfg.Targets[1], profiles)
	require.NoError(t, err)
	assert.Equal(t, "udp://[2001:db8::1]:161", d1.name)
	assert.Equal(t, "2001:db8::1", d1.Resource["server.address"])
	assert.Equal(t, 30*time.Second, d1.interval)
	// confmaptest does not resolve ${env:...}; the collector does.
	assert.Equal(t, "${env:SNMP_COMMUNITY}", d1.Conn.Community)

	d2, err := cfg.device(&cfg.Targets[2], profiles)
	require.NoError(t, err)
	assert.Equal(t, "tcp", d2.Resource["network.transport"])
	assert.Equal(t, 2*time.Second, d2.Conn.Timeout)
	assert.Equal(t, 0, d2.Conn.Retries)
}

func TestValidateNamesTheField(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "bad"))
	require.Error(t, err)
	for _, want := range []string{
		"collection_interval: must be positive",
		"targets[0]: auth_protocol: \"SHA999\"",
		"targets[0]: auth_password: required, at least 8 characters",
		"targets[0]: priv_protocol",
		"max_repetitions: must be between 1 and 255",
		"targets[1]: credential: no credential named \"missing\"",
		"targets[2]: profiles: unknown profile \"nope\"",
	} {
		assert.Contains(t, err.Error(), want)
	}

	err = confmap.Validate(loadConfig(t, "empty"))
	require.ErrorContains(t, err, "targets: at least one target is required")
}

func TestSecretsStayOutOfErrors(t *testing.T) {
	t.Parallel()
	cfg := loadConfig(t, "")
	cfg.Credentials["lan_v2c"] = Credential{Version: "v2c", Community: "s3cret-community"}
	cfg.Credentials["monitor_v3"] = Credential{Version: "v3", User: "monitor", SecurityLevel: "auth_priv",
		AuthProtocol: "SHA999", AuthPassword: "auth-s3cret", PrivProtocol: "AES", PrivPassword: "priv-s3cret"}
	cfg.Targets[0].Endpoint = "udp://192.0.2.10:0"
	cfg.Targets[1].Endpoint = "udp://192.0.2.11:0"
	err := confmap.Validate(cfg)
	require.Error(t, err)
	for _, secret := range []string{"s3cret-community", "auth-s3cret", "priv-s3cret"} {
		assert.NotContains(t, err.Error(), secret)
	}
}

func TestProfileFiles(t *testing.T) {
	t.Parallel()
	cfg := loadConfig(t, "custom")
	require.NoError(t, confmap.Validate(cfg))
	profiles, err := cfg.loadProfiles()
	require.NoError(t, err)
	d, err := cfg.device(&cfg.Targets[0], profiles)
	require.NoError(t, err)
	require.Len(t, d.Profiles, 2)
	assert.Equal(t, "ip_addresses", d.Profiles[1].Name)

	err = confmap.Validate(loadConfig(t, "badprofile"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "typo.yaml")
	assert.Contains(t, err.Error(), "valu_map")
	assert.Contains(t, err.Error(), `"testdata/nothing-here/*.yaml" matches no file`)
}

// TestValidateCatchesBadOverridesAndUnusedCredentials: a negative
// per-target interval or timeout is an error, not silently the default, and
// a credential no target references is still checked.
func TestValidateCatchesBadOverridesAndUnusedCredentials(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "overrides"))
	require.Error(t, err)
	for _, want := range []string{
		"targets[0] (a): interval: -100ms is negative",
		"targets[1] (b): timeout: -1s is negative",
		"credentials::spare_v3: user: required for version v3",
		"credentials::spare_v2c: community: required for version v2c",
	} {
		assert.Contains(t, err.Error(), want)
	}
	assert.NotContains(t, err.Error(), "credentials::lan", "a referenced credential is checked with its targets")
	assert.Len(t, strings.Split(err.Error(), "\n"), 4, "one line per problem:\n%v", err)
}
