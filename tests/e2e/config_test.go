//go:build integration

package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

func TestBadConfigExitsNamingTheField(t *testing.T) {
	tests := []struct {
		name   string
		config string
		want   []string
	}{
		{
			name: "unknown key",
			config: `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:0
exporters:
  debug:
    verbositty: basic
service:
  pipelines:
    logs: {receivers: [otlp], exporters: [debug]}
`,
			want: []string{"verbositty", "debug"},
		},
		{
			name: "invalid value",
			config: `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:0
processors:
  batch:
    send_batch_size: 100
    send_batch_max_size: 10
exporters:
  debug: {}
service:
  pipelines:
    logs: {receivers: [otlp], processors: [batch], exporters: [debug]}
`,
			want: []string{"send_batch_max_size", "batch"},
		},
		{
			name: "unknown component",
			config: `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:0
exporters:
  nosuchexporter: {}
service:
  pipelines:
    logs: {receivers: [otlp], exporters: [nosuchexporter]}
`,
			want: []string{"nosuchexporter"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := harness.RunUntilExit(t, tt.config, 60*time.Second)
			assert.NotEqual(t, 0, code, out)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			code, out = harness.Validate(t, tt.config)
			assert.NotEqual(t, 0, code, out)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
		})
	}
}
