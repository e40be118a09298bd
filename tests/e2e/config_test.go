package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// The default config must validate and run with no external service.
func TestDefaultConfigRuns(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(harness.RepoRoot(), "distribution", "config.yaml"))
	require.NoError(t, err)
	cfg := string(raw)
	code, out := harness.Validate(t, cfg)
	require.Equal(t, 0, code, out)

	grpc, http := harness.FreeAddr(t), harness.FreeAddr(t)
	c := harness.NewCollector(t, cfg,
		"EMS_OTLP_GRPC_ENDPOINT="+grpc,
		"EMS_OTLP_HTTP_ENDPOINT="+http)
	// The default config takes the health check and metrics addresses from
	// the same variables the harness sets.
	c.Start(t)
	client := harness.NewOTLPClient(t, grpc)
	require.NoError(t, client.SendLogs(harness.GenLogs("default", 5, time.Now(), false)))
	require.Eventually(t, func() bool {
		return c.Metric(t, "otelcol_exporter_sent_log_records", nil) == 5
	}, 30*time.Second, 100*time.Millisecond)
	require.Equal(t, 0, c.Stop())
	assert.True(t, strings.Contains(c.Output(), "Everything is ready"), "startup logged")
}
