package dbmsreceiver

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/config/configtls"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/internal/targetconfig"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver/internal/metadata"
)

// Config is the dbms receiver's configuration.
type Config struct {
	// Schedule holds collection_interval, max_concurrent, jitter and
	// max_backoff.
	targetpoll.Schedule `mapstructure:",squash"`
	// QueryTimeout is the default bound of every statement.
	QueryTimeout time.Duration `mapstructure:"query_timeout"`
	// MaxConnections bounds each connection pool (one per database read on
	// PostgreSQL, one per server on MySQL/MariaDB).
	MaxConnections int `mapstructure:"max_connections"`
	// Credentials are named credentials that targets reference.
	Credentials targetconfig.Credentials[Credential] `mapstructure:"credentials"`
	// Targets are the servers to monitor.
	Targets []Target `mapstructure:"targets"`
	// CustomQueries run on every target of a matching engine.
	CustomQueries []CustomQuery `mapstructure:"custom_queries"`
	// MetricsBuilderConfig enables or disables metrics and resource attributes.
	metadata.MetricsBuilderConfig `mapstructure:",squash"`

	_ struct{}
}

// Credential is a monitoring user.
type Credential struct {
	Username string              `mapstructure:"username"`
	Password configopaque.String `mapstructure:"password"`
}

// Target is one server.
type Target struct {
	// Name identifies the target in logs and the dbms.target resource
	// attribute; it defaults to the endpoint.
	Name string `mapstructure:"name"`
	// Engine is postgresql, mysql or mariadb.
	Engine string `mapstructure:"engine"`
	// Endpoint is host:port or a unix socket path.
	Endpoint string `mapstructure:"endpoint"`
	// Credential names an entry of credentials; Username and Password are
	// the inline alternative.
	Credential string              `mapstructure:"credential"`
	Username   string              `mapstructure:"username"`
	Password   configopaque.String `mapstructure:"password"`
	// Databases to read; empty means all the server has.
	Databases        []string `mapstructure:"databases"`
	ExcludeDatabases []string `mapstructure:"exclude_databases"`
	// TLS is the client TLS setup; insecure: true connects in plain text.
	TLS configtls.ClientConfig `mapstructure:"tls"`
	// QueryTimeout and Interval override the receiver's defaults.
	QueryTimeout time.Duration `mapstructure:"query_timeout"`
	Interval     time.Duration `mapstructure:"interval"`
	// QuerySamples and TopQueries emit query events as logs.
	QuerySamples EventConfig `mapstructure:"query_samples"`
	TopQueries   EventConfig `mapstructure:"top_queries"`
}

// EventConfig switches a kind of query event on and sets how often it is read.
type EventConfig struct {
	Enabled bool `mapstructure:"enabled"`
	// Interval is the time between two reads; 0 means every scrape.
	Interval time.Duration `mapstructure:"interval"`
	// Limit bounds the events of one read (top queries: the top N).
	Limit int `mapstructure:"limit"`
}

// CustomQuery is a user statement whose rows become metrics or logs.
type CustomQuery struct {
	// Name identifies the query in errors and logs.
	Name string `mapstructure:"name"`
	// Engines restricts the query to targets of these engines (empty: all).
	Engines []string `mapstructure:"engines"`
	SQL     string   `mapstructure:"sql"`
	// Interval and Timeout default to the target's.
	Interval time.Duration `mapstructure:"interval"`
	Timeout  time.Duration `mapstructure:"timeout"`
	// Metrics turns each row into data points.
	Metrics []CustomMetric `mapstructure:"metrics"`
	// Logs turns each row into a log record.
	Logs *CustomLogs `mapstructure:"logs"`
}

// CustomMetric maps a value column to a metric.
type CustomMetric struct {
	Name             string   `mapstructure:"name"`
	ValueColumn      string   `mapstructure:"value_column"`
	AttributeColumns []string `mapstructure:"attribute_columns"`
	// Type is gauge or sum (a cumulative, monotonic counter).
	Type        string `mapstructure:"type"`
	Unit        string `mapstructure:"unit"`
	Description string `mapstructure:"description"`
}

// CustomLogs maps rows to log records.
type CustomLogs struct {
	BodyColumn       string   `mapstructure:"body_column"`
	AttributeColumns []string `mapstructure:"attribute_columns"`
	// TrackingColumn is a column that grows with each new row (an id or a
	// timestamp; the statement orders its rows by it); the last row's value
	// is kept in Storage and bound to the statement's only placeholder ($1
	// or ?), so a restart resumes instead of repeating.
	TrackingColumn string `mapstructure:"tracking_column"`
	// TrackingStart is the value used before anything was stored.
	TrackingStart string `mapstructure:"tracking_start"`
	// Storage is the storage extension that keeps the tracking value.
	Storage *component.ID `mapstructure:"storage"`
}

// Validate checks the configuration and names the offending field.
func (cfg *Config) Validate() error {
	errs := cfg.Schedule.Check()
	if cfg.QueryTimeout <= 0 {
		errs = append(errs, errors.New("query_timeout: must be positive"))
	}
	if cfg.MaxConnections < 0 {
		errs = append(errs, errors.New("max_connections: must not be negative"))
	}
	for name, c := range cfg.Credentials {
		if c.Username == "" {
			errs = append(errs, fmt.Errorf("credentials::%s::username: required", name))
		}
	}
	errs = append(errs, targetconfig.CheckTargets(cfg.Targets, func(t *Target) string { return t.Name }, cfg.Credentials,
		func(t *Target) (targetconfig.TargetInfo, error) {
			set, err := cfg.settings(t)
			if err != nil {
				return targetconfig.TargetInfo{Credential: t.Credential}, err
			}
			_, err = targetconfig.Override("interval", t.Interval, cfg.CollectionInterval)
			errs := []error{err}
			for _, ev := range []struct {
				key string
				c   EventConfig
			}{{"query_samples", t.QuerySamples}, {"top_queries", t.TopQueries}} {
				if ev.c.Interval < 0 || ev.c.Limit < 0 {
					errs = append(errs, fmt.Errorf("%s: interval and limit must not be negative", ev.key))
				}
			}
			return targetconfig.TargetInfo{Name: set.Name, Credential: t.Credential}, errors.Join(errs...)
		}, nil)...)
	for i := range cfg.CustomQueries {
		if err := cfg.CustomQueries[i].validate(); err != nil {
			errs = append(errs, fmt.Errorf("custom_queries[%d]: %w", i, err))
		}
	}
	return errors.Join(errs...)
}

func (q *CustomQuery) validate() error {
	if q.Name == "" {
		return errors.New("name: required")
	}
	if q.SQL == "" {
		return fmt.Errorf("(%s) sql: required", q.Name)
	}
	for _, e := range q.Engines {
		if e != string(dbms.PostgreSQL) && e != string(dbms.MySQL) && e != string(dbms.MariaDB) {
			return fmt.Errorf("(%s) engines: %q is not postgresql, mysql or mariadb", q.Name, e)
		}
	}
	if (len(q.Metrics) == 0) == (q.Logs == nil) {
		return fmt.Errorf("(%s): exactly one of metrics and logs is required", q.Name)
	}
	for j, m := range q.Metrics {
		if m.Name == "" || m.ValueColumn == "" {
			return fmt.Errorf("(%s) metrics[%d]: name and value_column are required", q.Name, j)
		}
		if m.Type != "gauge" && m.Type != "sum" {
			return fmt.Errorf("(%s) metrics[%d] (%s): type: %q is not gauge or sum", q.Name, j, m.Name, m.Type)
		}
	}
	if q.Logs != nil {
		if q.Logs.BodyColumn == "" {
			return fmt.Errorf("(%s) logs::body_column: required", q.Name)
		}
		if q.Logs.TrackingColumn != "" && q.Logs.Storage == nil {
			return fmt.Errorf("(%s) logs::storage: required with tracking_column", q.Name)
		}
	}
	if q.Interval < 0 || q.Timeout < 0 {
		return fmt.Errorf("(%s) interval, timeout: must not be negative", q.Name)
	}
	return nil
}

// settings resolves a target's credentials and defaults into engine
// settings (TLS is loaded at Start).
func (cfg *Config) settings(t *Target) (dbms.Settings, error) {
	s := dbms.Settings{
		Name:             t.Name,
		Engine:           dbms.Engine(t.Engine),
		Endpoint:         t.Endpoint,
		Username:         t.Username,
		Password:         string(t.Password),
		Databases:        t.Databases,
		ExcludeDatabases: t.ExcludeDatabases,
		QueryTimeout:     t.QueryTimeout,
		MaxConns:         cfg.MaxConnections,
	}
	if s.Name == "" {
		s.Name = t.Endpoint
	}
	var err error
	if s.QueryTimeout, err = targetconfig.Override("query_timeout", t.QueryTimeout, cfg.QueryTimeout); err != nil {
		return s, err
	}
	c, err := cfg.Credentials.Resolve(t.Credential, Credential{Username: t.Username, Password: t.Password})
	if err != nil {
		return s, err
	}
	s.Username, s.Password = c.Username, string(c.Password)
	if err := s.Validate(); err != nil {
		return s, err
	}
	if err := t.TLS.Validate(); err != nil {
		return s, fmt.Errorf("tls: %w", err)
	}
	return s, nil
}

func (cfg *Config) interval(t *Target) time.Duration {
	if t.Interval > 0 {
		return t.Interval
	}
	return cfg.CollectionInterval
}
