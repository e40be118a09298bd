package localstoreexporter

import (
	"errors"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/exporter/exporterhelper"
)

// Config is the local_store exporter's configuration.
type Config struct {
	// Extension is the component ID of the local_store extension that owns
	// the store, e.g. local_store or local_store/node.
	Extension component.ID `mapstructure:"extension"`
	// Store is the store's name in that extension.
	Store string `mapstructure:"store"`
	// Timeout bounds one write.
	Timeout exporterhelper.TimeoutConfig `mapstructure:",squash"`
	// Queue is an optional sending queue; off by default, so that a slow disk
	// pushes back on the pipeline instead of filling memory.
	Queue configoptional.Optional[exporterhelper.QueueBatchConfig] `mapstructure:"sending_queue"`
}

// Validate checks the configuration.
func (c *Config) Validate() error {
	var errs []error
	if c.Extension.Type().String() == "" {
		errs = append(errs, errors.New("extension must name the local_store extension, e.g. local_store"))
	}
	if c.Store == "" {
		errs = append(errs, errors.New("store must name a store of the extension, e.g. default"))
	}
	return errors.Join(errs...)
}
