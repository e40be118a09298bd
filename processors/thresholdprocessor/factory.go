package thresholdprocessor

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"
	"github.com/otelcol-ems/otelcol-ems/processors/thresholdprocessor/internal/metadata"
)

// NewFactory returns the factory of the threshold processor.
func NewFactory() processor.Factory {
	return processor.NewFactory(
		metadata.Type,
		func() component.Config { return runner.NewDefaultConfig() },
		processor.WithMetrics(createMetrics, metadata.MetricsStability),
	)
}

func createMetrics(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Metrics) (processor.Metrics, error) {
	r, err := runner.New(runner.Settings{Telemetry: set.TelemetrySettings, ID: set.ID, Kind: component.KindProcessor,
		Scope: metadata.ScopeName}, cfg.(*Config))
	if err != nil {
		return nil, err
	}
	// The state gauge goes to the same next consumer, on the evaluation timer.
	r.SetMetrics(next)
	return processorhelper.NewMetrics(ctx, set, cfg, next,
		func(_ context.Context, md pmetric.Metrics) (pmetric.Metrics, error) {
			r.Observe(md)
			return md, nil
		},
		processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: false}),
		processorhelper.WithStart(r.Start),
		processorhelper.WithShutdown(r.Shutdown))
}
