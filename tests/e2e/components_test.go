//go:build integration

package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/otelcol-ems/otelcol-ems/internal/components"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

type listed struct {
	Name   string `yaml:"name"`
	Module string `yaml:"module"`
}

type componentsOutput struct {
	Receivers  []listed `yaml:"receivers"`
	Processors []listed `yaml:"processors"`
	Exporters  []listed `yaml:"exporters"`
	Extensions []listed `yaml:"extensions"`
	Connectors []listed `yaml:"connectors"`
}

// `otelcol-ems components` must list every component of the manifest, and
// our own ones with the types the code defines.
func TestBinaryListsEveryComponent(t *testing.T) {
	out, err := exec.Command(harness.Binary(t), "components").Output()
	require.NoError(t, err)
	var got componentsOutput
	require.NoError(t, yaml.Unmarshal(out, &got))

	m, err := components.LoadManifest(filepath.Join(harness.RepoRoot(), "builder-config.yaml"))
	require.NoError(t, err)

	own := map[string][]string{}
	for _, f := range components.Receivers() {
		own["receivers"] = append(own["receivers"], f.Type().String())
	}
	for _, f := range components.Processors() {
		own["processors"] = append(own["processors"], f.Type().String())
	}
	for _, f := range components.Exporters() {
		own["exporters"] = append(own["exporters"], f.Type().String())
	}
	for _, f := range components.Extensions() {
		own["extensions"] = append(own["extensions"], f.Type().String())
	}
	for _, f := range components.Connectors() {
		own["connectors"] = append(own["connectors"], f.Type().String())
	}

	check := func(kind string, entries []components.ManifestEntry, list []listed) {
		// One manifest entry may carry several components of the same module
		// (an extension and an exporter of one package are separate entries).
		assert.Lenf(t, list, len(entries), "%s: manifest has %d entries, binary lists %d", kind, len(entries), len(list))
		modules := map[string]bool{}
		var ownNames []string
		for _, l := range list {
			modules[l.Module] = true
			if strings.HasPrefix(l.Module, "github.com/otelcol-ems/otelcol-ems") {
				ownNames = append(ownNames, l.Name)
			}
		}
		for _, e := range entries {
			assert.Truef(t, modules[e.GoMod], "%s: %q is in the manifest but not in the binary", kind, e.GoMod)
		}
		want := append([]string{}, own[kind]...)
		sort.Strings(want)
		sort.Strings(ownNames)
		if len(want) == 0 {
			want = nil
		}
		assert.Equalf(t, want, ownNames, "%s: own components in the binary", kind)
	}
	check("receivers", m.Receivers, got.Receivers)
	check("processors", m.Processors, got.Processors)
	check("exporters", m.Exporters, got.Exporters)
	check("extensions", m.Extensions, got.Extensions)
	check("connectors", m.Connectors, got.Connectors)
}

// The upstream components users write into almost every config are in the
// binary under the type names their configs use (issue 18). Names that
// changed to snake_case in v0.165 keep their old spelling as an alias.
func TestBinaryHasContribComponents(t *testing.T) {
	out, err := exec.Command(harness.Binary(t), "components").Output()
	require.NoError(t, err)
	var got componentsOutput
	require.NoError(t, yaml.Unmarshal(out, &got))
	names := func(list []listed) []string {
		var n []string
		for _, l := range list {
			n = append(n, l.Name)
		}
		return n
	}
	want := map[string]struct {
		list  []listed
		types []string
	}{
		"receivers":  {got.Receivers, []string{"prometheus", "kubeletstats"}},
		"processors": {got.Processors, []string{"filter", "transform", "attributes", "resource", "k8s_attributes", "resource_detection"}},
		"exporters":  {got.Exporters, []string{"prometheus"}},
		"connectors": {got.Connectors, []string{"count", "span_metrics"}},
	}
	for kind, w := range want {
		for _, typ := range w.types {
			assert.Containsf(t, names(w.list), typ, "%s: %s is in the binary", kind, typ)
		}
	}

	// The old spellings still load.
	code, msg := harness.Validate(t, `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:0
  prometheus:
    config:
      scrape_configs:
        - job_name: self
          static_configs: [{targets: ["127.0.0.1:1"]}]
processors:
  k8sattributes: {}
  resourcedetection:
    detectors: [env]
exporters:
  debug: {}
connectors:
  spanmetrics: {}
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [k8sattributes, resourcedetection]
      exporters: [spanmetrics]
    metrics:
      receivers: [prometheus, spanmetrics]
      exporters: [debug]
`)
	assert.Equal(t, 0, code, "k8sattributes, resourcedetection and spanmetrics still load:\n%s", msg)
}

// The count and span_metrics connectors turn traces that arrive over OTLP
// into metrics in the same collector.
func TestConnectorsCountAndSpanMetrics(t *testing.T) {
	sink := harness.StartSink(t)
	grpc := harness.FreeAddr(t)
	cfg := fmt.Sprintf(`%s
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
connectors:
  count: {}
  span_metrics:
    histogram:
      explicit:
        buckets: [1ms, 10ms, 100ms]
    metrics_flush_interval: 200ms
exporters:
  otlp_grpc:
    endpoint: %s
    tls:
      insecure: true
service:
  extensions: [health_check]
%s
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [count, span_metrics]
    metrics:
      receivers: [count, span_metrics]
      exporters: [otlp_grpc]
`, harness.ExtensionsYAML, grpc, sink.GRPCEndpoint, harness.TelemetryYAML)
	c := harness.StartCollector(t, cfg)
	client := harness.NewOTLPClient(t, grpc)
	require.NoError(t, client.SendTraces(harness.GenTraces("checkout", 12, time.Now())))

	var spanCount, calls float64
	var buckets []uint64
	require.Eventuallyf(t, func() bool {
		spanCount, calls, buckets = 0, 0, nil
		for _, md := range sink.Metrics.AllMetrics() {
			for _, m := range metricsNamed(md, "trace.span.count") {
				for i := 0; i < m.Sum().DataPoints().Len(); i++ {
					spanCount += float64(m.Sum().DataPoints().At(i).IntValue())
				}
			}
			for _, m := range metricsNamed(md, "traces.span.metrics.calls") {
				// Cumulative: the latest flush holds the total per span name.
				calls = 0
				for i := 0; i < m.Sum().DataPoints().Len(); i++ {
					calls += float64(m.Sum().DataPoints().At(i).IntValue())
				}
			}
			for _, m := range metricsNamed(md, "traces.span.metrics.duration") {
				buckets = m.Histogram().DataPoints().At(0).BucketCounts().AsRaw()
			}
		}
		return spanCount == 12 && calls == 12 && buckets != nil
	}, 30*time.Second, 100*time.Millisecond, "count: %v spans, span_metrics: %v calls; output:\n%s", spanCount, calls, c.Output())
	// Every span lasts 5 ms: one in the (1ms, 10ms] bucket.
	assert.Equal(t, []uint64{0, 1, 0, 0}, buckets)
}
