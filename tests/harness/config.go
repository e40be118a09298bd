package harness

import (
	"fmt"
	"strings"
)

// Pipeline is one pipeline of a SinkConfig: its signal (traces, metrics or
// logs), receivers and processors; its exporter is the sink's.
type Pipeline struct {
	Signal     string
	Receivers  []string
	Processors []string
}

// SinkConfig returns a collector configuration made of ExtensionsYAML, the
// components given as YAML (receivers:, processors:, connectors: sections),
// an otlp_grpc exporter to the sink at sinkEndpoint, and a service with
// health_check, TelemetryYAML and the pipelines, each ending in that
// exporter.
func SinkConfig(components, sinkEndpoint string, pipelines ...Pipeline) string {
	var b strings.Builder
	b.WriteString(ExtensionsYAML)
	b.WriteString(strings.TrimRight(components, "\n") + "\n")
	fmt.Fprintf(&b, "exporters:\n  otlp_grpc:\n    endpoint: %s\n    tls:\n      insecure: true\n", sinkEndpoint)
	b.WriteString("service:\n  extensions: [health_check]\n")
	b.WriteString(TelemetryYAML)
	b.WriteString("  pipelines:\n")
	for _, p := range pipelines {
		fmt.Fprintf(&b, "    %s:\n      receivers: [%s]\n", p.Signal, strings.Join(p.Receivers, ", "))
		if len(p.Processors) > 0 {
			fmt.Fprintf(&b, "      processors: [%s]\n", strings.Join(p.Processors, ", "))
		}
		b.WriteString("      exporters: [otlp_grpc]\n")
	}
	return b.String()
}
