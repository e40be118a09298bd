package thresholdprocessor

import "github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"

// Config is the processor's configuration, the same as the threshold
// connector's: storage, evaluation_interval, max_series, state_metric and
// rules (see README.md).
type Config = runner.Config
