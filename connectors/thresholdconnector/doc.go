//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package thresholdconnector evaluates alerting rules on the metrics of the
// pipelines it exports for and emits the alert transitions as log events and,
// optionally, the metrics plus a gauge of the active alerts.
package thresholdconnector
