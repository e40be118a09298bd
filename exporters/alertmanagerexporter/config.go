package alertmanagerexporter

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/config/configretry"
	"go.opentelemetry.io/collector/exporter/exporterhelper"
)

// Config is the alertmanager exporter's configuration.
type Config struct {
	// Alertmanagers each get every alert (an HA pair, say). Each is an HTTP
	// client config: endpoint (the base URL), headers, tls, timeout, auth.
	Alertmanagers []confighttp.ClientConfig `mapstructure:"alertmanagers"`
	// ResendInterval is how often firing and recently resolved alerts are re-sent.
	ResendInterval time.Duration `mapstructure:"resend_interval"`
	// ResolvedResendFor is how long resolved alerts keep being re-sent.
	ResolvedResendFor time.Duration `mapstructure:"resolved_resend_for"`
	// EvaluationInterval of the rules, for endsAt; 0 takes it from the events.
	EvaluationInterval time.Duration `mapstructure:"evaluation_interval"`
	// GeneratorURL is sent as every alert's generatorURL.
	GeneratorURL string `mapstructure:"generator_url"`
	// Storage keeps the alerts being re-sent across restarts; by default the
	// sending queue's storage, if any.
	Storage *component.ID `mapstructure:"storage"`

	QueueConfig configoptional.Optional[exporterhelper.QueueBatchConfig] `mapstructure:"sending_queue"`
	RetryConfig configretry.BackOffConfig                                `mapstructure:"retry_on_failure"`
}

// Validate checks the config; errors name the field.
func (c *Config) Validate() error {
	var errs []error
	if len(c.Alertmanagers) == 0 {
		errs = append(errs, errors.New("alertmanagers: at least one Alertmanager is required"))
	}
	for i, am := range c.Alertmanagers {
		u, err := url.Parse(am.Endpoint)
		switch {
		case am.Endpoint == "":
			errs = append(errs, fmt.Errorf("alertmanagers[%d].endpoint: required", i))
		case err != nil:
			errs = append(errs, fmt.Errorf("alertmanagers[%d].endpoint: %w", i, err))
		case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
			errs = append(errs, fmt.Errorf("alertmanagers[%d].endpoint: %q is not an http(s) URL", i, u.Redacted()))
		}
	}
	if c.ResendInterval <= 0 {
		errs = append(errs, fmt.Errorf("resend_interval: must be positive, got %s", c.ResendInterval))
	}
	if c.ResolvedResendFor < 0 {
		errs = append(errs, fmt.Errorf("resolved_resend_for: must not be negative, got %s", c.ResolvedResendFor))
	}
	if c.EvaluationInterval < 0 {
		errs = append(errs, fmt.Errorf("evaluation_interval: must not be negative, got %s", c.EvaluationInterval))
	}
	return errors.Join(errs...)
}

// storageID is where the alert table lives.
func (c *Config) storageID() *component.ID {
	if c.Storage != nil {
		return c.Storage
	}
	if q := c.QueueConfig.Get(); q != nil && c.QueueConfig.HasValue() {
		return q.StorageID
	}
	return nil
}
