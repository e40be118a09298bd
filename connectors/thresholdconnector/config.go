package thresholdconnector

import "github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"

// Config is the connector's configuration: storage, evaluation_interval,
// max_series, state_metric and rules (see README.md). Validate names the
// failing field and rule.
type Config = runner.Config
