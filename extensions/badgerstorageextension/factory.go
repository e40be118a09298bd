package badgerstorageextension

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension/internal/metadata"
)

// NewFactory returns the factory of the badger_storage extension.
func NewFactory() extension.Factory {
	return extension.NewFactory(metadata.Type, func() component.Config { return createDefaultConfig() },
		func(_ context.Context, set extension.Settings, cfg component.Config) (extension.Extension, error) {
			return newExtension(set, cfg.(*Config)), nil
		}, metadata.ExtensionStability)
}
