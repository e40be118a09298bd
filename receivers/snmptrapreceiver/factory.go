package snmptrapreceiver

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver/internal/metadata"
)

// NewFactory returns the factory of the snmptrap receiver.
func NewFactory() receiver.Factory {
	return receiver.NewFactory(metadata.Type, createDefaultConfig,
		receiver.WithLogs(createLogs, metadata.LogsStability))
}

func createDefaultConfig() component.Config {
	return &Config{
		Endpoint:  "127.0.0.1:162",
		Transport: "udp",
		RateLimit: RateLimit{PerSource: "1000/s", Burst: 2000},
		QueueSize: 10000,
	}
}

func createLogs(_ context.Context, set receiver.Settings, cfg component.Config, next consumer.Logs) (receiver.Logs, error) {
	return newReceiver(set, cfg.(*Config), next)
}
