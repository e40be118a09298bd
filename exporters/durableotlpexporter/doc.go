//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package durableotlpexporter provides the durable_otlp exporter: it stores
// each request as the OTLP protobuf bytes it marshals once, in a storage
// extension, and forwards those same bytes to an OTLP/gRPC backend.
package durableotlpexporter
