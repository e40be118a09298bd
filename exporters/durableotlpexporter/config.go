package durableotlpexporter

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configgrpc"
	"go.opentelemetry.io/collector/config/configretry"
)

// Config is the durable_otlp exporter's configuration. The gRPC client keys
// (endpoint, tls, headers, compression, keepalive, auth, balancer_name, …)
// are upstream's configgrpc ones, flat as in the otlp_grpc exporter.
type Config struct {
	// Timeout bounds one send attempt of one request.
	Timeout time.Duration `mapstructure:"timeout"`
	// RetryOnFailure is the backoff for retryable errors. MaxElapsedTime 0
	// (the default here) retries until the backend accepts the request.
	RetryOnFailure configretry.BackOffConfig `mapstructure:"retry_on_failure"`
	// Storage is the ID of the storage extension that holds the queue.
	Storage component.ID `mapstructure:"storage"`
	// NumConsumers is the number of requests sent in parallel.
	NumConsumers int `mapstructure:"num_consumers"`
	// MaxQueueMiB bounds the bytes of requests waiting in the queue (0: only
	// the storage's own budget bounds it).
	MaxQueueMiB int64 `mapstructure:"max_queue_mib"`

	ClientConfig configgrpc.ClientConfig `mapstructure:",squash"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// Validate checks the exporter's own keys; configgrpc and configretry
// validate theirs.
func (c *Config) Validate() error {
	var errs []error
	if c.ClientConfig.Endpoint == "" {
		errs = append(errs, errors.New(`endpoint: required, the backend's OTLP/gRPC address (host:port)`))
	}
	if c.Storage == (component.ID{}) {
		errs = append(errs, errors.New(`storage: required, the ID of a storage extension (e.g. badger_storage) that holds the queue`))
	}
	if c.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("timeout: must be positive, got %s", c.Timeout))
	}
	if c.NumConsumers < 1 || c.NumConsumers > 64 {
		errs = append(errs, fmt.Errorf("num_consumers: must be between 1 and 64, got %d", c.NumConsumers))
	}
	if c.RetryOnFailure.Enabled && c.RetryOnFailure.InitialInterval <= 0 {
		// Retrying without a pause would spin on a dead backend.
		errs = append(errs, fmt.Errorf("retry_on_failure.initial_interval: must be positive when retry_on_failure is enabled, got %s", c.RetryOnFailure.InitialInterval))
	}
	if c.MaxQueueMiB < 0 {
		errs = append(errs, fmt.Errorf("max_queue_mib: must be 0 (no bound of its own) or positive, got %d", c.MaxQueueMiB))
	}
	return errors.Join(errs...)
}
