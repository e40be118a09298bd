package runner

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/component"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

// Config is what users write for a threshold connector or processor.
type Config struct {
	// Storage names a storage extension that keeps the alert state across
	// restarts; without it a restart starts from inactive.
	Storage *component.ID `mapstructure:"storage"`
	// EvaluationInterval is how often the rules are evaluated.
	EvaluationInterval time.Duration `mapstructure:"evaluation_interval"`
	// MaxSeries bounds the source series tracked over all rules.
	MaxSeries int `mapstructure:"max_series"`
	// MaxSamplesPerSeries bounds the samples one series keeps for one rule.
	MaxSamplesPerSeries int `mapstructure:"max_samples_per_series"`
	// StateMetric is the name of the gauge of active alerts.
	StateMetric string `mapstructure:"state_metric"`
	// Rules are the alerting rules.
	Rules []threshold.Rule `mapstructure:"rules"`
}

// NewDefaultConfig returns the defaults: 15 s evaluation, 100,000 series.
func NewDefaultConfig() *Config {
	return &Config{EvaluationInterval: 15 * time.Second, MaxSeries: 100_000, MaxSamplesPerSeries: DefaultMaxSamplesPerSeries, StateMetric: DefaultStateMetric}
}

// DefaultMaxSamplesPerSeries keeps 17 minutes of points at one per
// second in a window (64 KiB per series and rule at most).
const DefaultMaxSamplesPerSeries = 4096

// DefaultStateMetric is the gauge of active alerts, modelled on Prometheus's ALERTS.
const DefaultStateMetric = "ems.alert.state"

// Validate checks the config; every error names the field.
func (c *Config) Validate() error {
	var errs []error
	if c.EvaluationInterval <= 0 {
		errs = append(errs, fmt.Errorf("evaluation_interval: must be positive, got %s", c.EvaluationInterval))
	}
	if c.MaxSeries < 0 {
		errs = append(errs, fmt.Errorf("max_series: must not be negative, got %d", c.MaxSeries))
	}
	if c.MaxSamplesPerSeries < 0 {
		errs = append(errs, fmt.Errorf("max_samples_per_series: must not be negative, got %d", c.MaxSamplesPerSeries))
	}
	if c.StateMetric == "" {
		errs = append(errs, errors.New("state_metric: must not be empty"))
	}
	if len(c.Rules) == 0 {
		errs = append(errs, errors.New("rules: at least one rule is required"))
	}
	if err := threshold.ValidateRules(c.Rules); err != nil {
		errs = append(errs, fmt.Errorf("rules: %w", err))
	}
	return errors.Join(errs...)
}
