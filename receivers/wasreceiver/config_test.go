package wasreceiver

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
	"github.com/otelcol-ems/otelcol-ems/internal/was"
)

func loadConfig(t *testing.T, name string) *Config {
	return testutil.LoadConfig[*Config](t, NewFactory(), name)
}

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	cfg := loadConfig(t, "")
	require.NoError(t, confmap.Validate(cfg))
	require.Len(t, cfg.Targets, 4)
	profiles, err := cfg.loadProfiles()
	require.NoError(t, err)

	tc, err := cfg.target(&cfg.Targets[0], profiles)
	require.NoError(t, err)
	assert.Equal(t, "shop-tomcat", tc.Name)
	assert.Equal(t, was.KindTomcat, tc.Kind)
	assert.Equal(t, "monitor", tc.Username)
	assert.True(t, tc.JMXProxy)
	assert.Equal(t, map[string]string{"service.name": "shop"}, tc.Resource)
	assert.Equal(t, 3*time.Second, cfg.Targets[0].ClientConfig.Timeout)
	assert.True(t, cfg.Targets[0].ClientConfig.Keepalive.HasValue(), "targets keep their connections open by default")
	assert.Equal(t, 30*time.Second, cfg.interval(&cfg.Targets[0]))
	// The default profiles of a tomcat target are jvm and tomcat, read
	// through one JMX proxy query per MBean domain.
	p, err := was.NewPoller(tc, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"http://10.0.0.7:8080/manager/status?XML=true",
		"http://10.0.0.7:8080/manager/jmxproxy?qry=java.lang%3A%2A",
		"http://10.0.0.7:8080/manager/jmxproxy?qry=Catalina%3A%2A",
	}, p.URLs())

	jo, err := cfg.target(&cfg.Targets[1], profiles)
	require.NoError(t, err)
	assert.Equal(t, 10*time.Second, cfg.interval(&cfg.Targets[1]))
	assert.Equal(t, "jmon", jo.Username, "from the named credential")
	assert.Equal(t, "${env:JOLOKIA_PASSWORD}", jo.Password, "confmaptest does not resolve ${env:...}; the collector does")
	assert.NotEmpty(t, jo.Profiles.Rules)

	ap, err := cfg.target(&cfg.Targets[2], profiles)
	require.NoError(t, err)
	assert.Equal(t, "http://10.0.0.9/server-status", ap.Name, "the name defaults to the endpoint")
	p, err = was.NewPoller(ap, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"http://10.0.0.9/server-status?auto"}, p.URLs())
	v, ok := cfg.Targets[3].ClientConfig.Headers.Get("X-Probe")
	assert.True(t, ok)
	assert.Equal(t, "otelcol", string(v))
}

func TestValidateNamesTheField(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "bad"))
	require.Error(t, err)
	for _, want := range []string{
		"collection_interval: must be positive",
		`targets[0] (a): kind: "weblogic" is not one of tomcat, jolokia, apache, nginx`,
		`targets[1] (b): profiles: no profile named "nope"`,
		`targets[2] (c): profiles: nginx targets have no MBeans`,
		`targets[3] (d): username: required when password is set`,
		`targets[4] (d): name "d" is used by another target`,
		`targets[4] (d): credential: no credential named "nope" under credentials`,
		`targets[5] (e): collection_interval: -1s is negative`,
	} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestValidateEndpoint(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig().(*Config)
	cfg.Targets = []Target{{Name: "x", Kind: "nginx"}}
	cfg.Targets[0].ClientConfig.Endpoint = "ftp://x/status"
	err := cfg.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `targets[0] (x): endpoint: "ftp://x/status" is not an http:// or https:// URL`)
}
