package thresholdconnector

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"

	"github.com/otelcol-ems/otelcol-ems/connectors/thresholdconnector/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"
)

// NewFactory returns the factory of the threshold connector.
func NewFactory() connector.Factory {
	f := &factory{runners: map[component.ID]*runner.Runner{}}
	return connector.NewFactory(
		metadata.Type,
		func() component.Config { return runner.NewDefaultConfig() },
		connector.WithMetricsToLogs(f.createMetricsToLogs, metadata.MetricsToLogsStability),
		connector.WithMetricsToMetrics(f.createMetricsToMetrics, metadata.MetricsToMetricsStability),
	)
}

// factory shares one runner between the metrics→logs and metrics→metrics
// instances of one connector id, so the rules are evaluated once and the
// state is stored once.
type factory struct {
	mu      sync.Mutex
	runners map[component.ID]*runner.Runner
}

func (f *factory) runner(set connector.Settings, cfg *Config) (*runner.Runner, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r, ok := f.runners[set.ID]; ok {
		return r, nil
	}
	r, err := runner.New(runner.Settings{Telemetry: set.TelemetrySettings, ID: set.ID, Kind: component.KindConnector,
		Scope: metadata.ScopeName}, cfg)
	if err != nil {
		return nil, err
	}
	f.runners[set.ID] = r
	return r, nil
}

func (f *factory) release(id component.ID, r *runner.Runner) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.runners[id] == r {
		delete(f.runners, id)
	}
}

func (f *factory) createMetricsToLogs(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Logs) (connector.Metrics, error) {
	r, err := f.runner(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	r.SetLogs(next)
	return &toLogs{base: base{r: r, f: f, id: set.ID}}, nil
}

func (f *factory) createMetricsToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Metrics, error) {
	r, err := f.runner(set, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	r.SetMetrics(next)
	return &toMetrics{base: base{r: r, f: f, id: set.ID}, next: next}, nil
}
