package harness

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func TestSinkConfig(t *testing.T) {
	t.Parallel()
	cfg := SinkConfig("receivers:\n  otlp:\n    protocols: {grpc: {endpoint: 127.0.0.1:4317}}\nprocessors:\n  batch:\n", "127.0.0.1:9999",
		Pipeline{Signal: "traces", Receivers: []string{"otlp"}, Processors: []string{"batch"}},
		Pipeline{Signal: "logs", Receivers: []string{"otlp", "filelog"}})
	var got struct {
		Extensions map[string]any `yaml:"extensions"`
		Receivers  map[string]any `yaml:"receivers"`
		Processors map[string]any `yaml:"processors"`
		Exporters  map[string]struct {
			Endpoint string         `yaml:"endpoint"`
			TLS      map[string]any `yaml:"tls"`
		} `yaml:"exporters"`
		Service struct {
			Extensions []string       `yaml:"extensions"`
			Telemetry  map[string]any `yaml:"telemetry"`
			Pipelines  map[string]struct {
				Receivers  []string `yaml:"receivers"`
				Processors []string `yaml:"processors"`
				Exporters  []string `yaml:"exporters"`
			} `yaml:"pipelines"`
		} `yaml:"service"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(cfg), &got), cfg)
	assert.Contains(t, got.Extensions, "health_check")
	assert.Contains(t, got.Receivers, "otlp")
	assert.Contains(t, got.Processors, "batch")
	assert.Equal(t, "127.0.0.1:9999", got.Exporters["otlp_grpc"].Endpoint)
	assert.Equal(t, true, got.Exporters["otlp_grpc"].TLS["insecure"])
	assert.Equal(t, []string{"health_check"}, got.Service.Extensions)
	assert.Contains(t, got.Service.Telemetry, "metrics")
	require.Len(t, got.Service.Pipelines, 2)
	assert.Equal(t, []string{"otlp"}, got.Service.Pipelines["traces"].Receivers)
	assert.Equal(t, []string{"batch"}, got.Service.Pipelines["traces"].Processors)
	assert.Equal(t, []string{"otlp", "filelog"}, got.Service.Pipelines["logs"].Receivers)
	assert.Empty(t, got.Service.Pipelines["logs"].Processors)
	assert.Equal(t, []string{"otlp_grpc"}, got.Service.Pipelines["logs"].Exporters)
}
