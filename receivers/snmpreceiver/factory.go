package snmpreceiver

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmpreceiver/internal/metadata"
)

// NewFactory returns the factory of the snmp receiver.
func NewFactory() receiver.Factory {
	return receiver.NewFactory(metadata.Type, createDefaultConfig,
		receiver.WithMetrics(createMetrics, metadata.MetricsStability))
}

func createDefaultConfig() component.Config {
	return &Config{
		Schedule:             targetpoll.Schedule{CollectionInterval: 60 * time.Second, MaxConcurrent: 64, Jitter: 1, MaxBackoff: 10 * time.Minute},
		Timeout:              5 * time.Second,
		Retries:              2,
		MaxRepetitions:       25,
		MaxOIDsPerRequest:    60,
		Profiles:             []string{"system", "if_mib"},
		MetricsBuilderConfig: metadata.NewDefaultMetricsBuilderConfig(),
	}
}

func createMetrics(_ context.Context, set receiver.Settings, cfg component.Config, next consumer.Metrics) (receiver.Metrics, error) {
	return newReceiver(set, cfg.(*Config), next)
}
