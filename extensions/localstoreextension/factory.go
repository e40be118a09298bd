package localstoreextension

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/extension"

	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension/internal/metadata"
)

// defaultEndpoint keeps the query API on the loopback interface.
const defaultEndpoint = "127.0.0.1:13180"

// NewFactory returns the local_store extension factory.
func NewFactory() extension.Factory {
	return extension.NewFactory(metadata.Type, createDefaultConfig, create, metadata.ExtensionStability)
}

func createDefaultConfig() component.Config {
	api := confighttp.NewDefaultServerConfig()
	api.NetAddr.Endpoint = defaultEndpoint
	return &Config{API: api, Stores: map[string]StoreConfig{}, MemoryLimitMiB: defaultMemoryLimitMiB}
}

func create(_ context.Context, set extension.Settings, cfg component.Config) (extension.Extension, error) {
	return newExtension(cfg.(*Config), set), nil
}
