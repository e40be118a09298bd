//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package localstoreexporter provides the local_store exporter: it writes
// traces, logs and metrics into a store owned by the local_store extension.
package localstoreexporter
