package thresholdconnector

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-ems/otelcol-ems/connectors/thresholdconnector/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

func TestLoadConfig(t *testing.T) {
	t.Parallel()
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	tests := []struct {
		name string
		err  string
	}{
		{"", ""},
		{"bad_template", `rule "Bad": annotations: summary: template: summary:1: function "nope" not defined`},
		{"bad_interval", "evaluation_interval: must be positive, got 0s"},
		{"no_rules", "rules: at least one rule is required"},
		{"bad_op", `rule "A": critical: op "=>" is not one of > >= < <= == !=`},
		{"bad_samples", "max_samples_per_series: must not be negative, got -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := NewFactory().CreateDefaultConfig()
			sub, err := cm.Sub(component.NewIDWithName(metadata.Type, tt.name).String())
			require.NoError(t, err)
			require.NoError(t, sub.Unmarshal(cfg))
			err = cfg.(*Config).Validate()
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			c := cfg.(*Config)
			assert.Equal(t, "badger_storage", c.Storage.String())
			assert.Equal(t, 5000, c.MaxSeries)
			assert.Equal(t, 4096, c.MaxSamplesPerSeries, "the default")
			r := c.Rules[0]
			assert.Equal(t, map[string]string{"host.name": "db-*"}, r.ResourceMatch)
			assert.Equal(t, &threshold.Condition{Op: "<", Value: 0.7}, r.Recover)
			assert.Equal(t, 2*time.Minute, r.KeepFiringFor)
			assert.Equal(t, &threshold.Flapping{Window: 10 * time.Minute, MaxChanges: 4}, r.Flapping)
			assert.Equal(t, &threshold.NoData{After: 10 * time.Minute, Severity: "warning"}, r.NoData)
		})
	}
}
