package dbmsreceiver

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

func loadConfig(t *testing.T, name string) *Config {
	return testutil.LoadConfig[*Config](t, NewFactory(), name)
}

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	cfg := loadConfig(t, "")
	require.NoError(t, confmap.Validate(cfg))
	require.Len(t, cfg.Targets, 2)

	pg, err := cfg.settings(&cfg.Targets[0])
	require.NoError(t, err)
	assert.Equal(t, dbms.Settings{Name: "orders-primary", Engine: dbms.PostgreSQL, Endpoint: "10.0.0.5:5432",
		Username: "monitor", Password: "${env:PG_MONITOR_PASSWORD}", Databases: []string{"orders", "billing"},
		QueryTimeout: 2 * time.Second, MaxConns: 2}, pg)
	assert.Equal(t, 15*time.Second, cfg.interval(&cfg.Targets[0]))
	assert.Equal(t, EventConfig{Enabled: true, Interval: time.Minute, Limit: 20}, cfg.Targets[0].TopQueries)
	assert.True(t, cfg.Targets[0].TLS.Insecure)

	my, err := cfg.settings(&cfg.Targets[1])
	require.NoError(t, err)
	assert.Equal(t, "/run/mysqld/mysqld.sock", my.Name, "the name defaults to the endpoint")
	assert.Equal(t, 5*time.Second, my.QueryTimeout, "the receiver's default")
	assert.Equal(t, 30*time.Second, cfg.interval(&cfg.Targets[1]))
	assert.Equal(t, []string{"mysql"}, my.ExcludeDatabases)
	addr, port := my.Address()
	assert.Equal(t, "/run/mysqld/mysqld.sock", addr)
	assert.Equal(t, 3306, port)
	assert.False(t, cfg.Targets[1].TLS.Insecure, "TLS unless insecure: true")
}

func TestConfigErrorsNameTheField(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"badengine":    `targets[0] (a): engine: "oracle" is not postgresql, mysql or mariadb`,
		"duplicate":    `targets[1] (a): name "a" is used by another target; set name`,
		"nocredential": `targets[0] (a): credential: no credential named "missing" under credentials`,
		"badendpoint":  `targets[0] (a): endpoint: "no-port" is neither host:port nor a socket path`,
		"notargets":    "targets: at least one target is required",
		"customquery":  `custom_queries[0]: (q) metrics[0] (x.v): type: "counter" is not gauge or sum`,
		"customlogs":   "custom_queries[0]: (audit) logs::storage: required with tracking_column",
	} {
		err := confmap.Validate(loadConfig(t, name))
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), want, name)
	}
}
