//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package archiveexporter provides the archive exporter: tamper-evident,
// signed, append-only retention of log records (access records) on the
// node, verified with the ems-archive command.
package archiveexporter
