//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package thresholdprocessor evaluates alerting rules on the metrics passing
// through and adds a gauge of the active alerts to the pipeline; the
// threshold connector runs the same engine and also emits events.
package thresholdprocessor
