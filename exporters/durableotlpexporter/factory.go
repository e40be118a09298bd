package durableotlpexporter

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configcompression"
	"go.opentelemetry.io/collector/config/configgrpc"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/config/configretry"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/pipeline"

	"github.com/otelcol-ems/otelcol-ems/exporters/durableotlpexporter/internal/metadata"
)

// NewFactory returns the durable_otlp exporter factory.
func NewFactory() exporter.Factory {
	return exporter.NewFactory(metadata.Type, createDefaultConfig,
		exporter.WithTraces(createTraces, metadata.TracesStability),
		exporter.WithLogs(createLogs, metadata.LogsStability),
		exporter.WithMetrics(createMetrics, metadata.MetricsStability))
}

func createDefaultConfig() component.Config {
	client := configgrpc.NewDefaultClientConfig()
	// The same client defaults as the otlp_grpc exporter.
	client.Compression = configcompression.TypeGzip
	client.WriteBufferSize = 512 * 1024
	client.Keepalive = configoptional.None[configgrpc.KeepaliveClientConfig]()
	retry := configretry.NewDefaultBackOffConfig()
	// A store-and-forward exporter keeps data until the backend takes it.
	retry.MaxElapsedTime = 0
	return &Config{
		Timeout:        5 * time.Second,
		RetryOnFailure: retry,
		NumConsumers:   2,
		ClientConfig:   client,
	}
}

func createLogs(_ context.Context, set exporter.Settings, cfg component.Config) (exporter.Logs, error) {
	return newExporter(cfg.(*Config), set, pipeline.SignalLogs)
}

func createTraces(_ context.Context, set exporter.Settings, cfg component.Config) (exporter.Traces, error) {
	return newExporter(cfg.(*Config), set, pipeline.SignalTraces)
}

func createMetrics(_ context.Context, set exporter.Settings, cfg component.Config) (exporter.Metrics, error) {
	return newExporter(cfg.(*Config), set, pipeline.SignalMetrics)
}
