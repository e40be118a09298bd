// Package components lists otelcol-ems's own components. The ocb manifest
// (builder-config.yaml) must import exactly these; a test checks both agree.
//
// To add a component, append its NewFactory to the matching list below and
// add an entry with the same import path to builder-config.yaml.
package components

import (
	"reflect"
	"runtime"
	"strings"

	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/receiver"

	"github.com/otelcol-ems/otelcol-ems/receivers/snmpreceiver"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver"
	"github.com/otelcol-ems/otelcol-ems/receivers/wasreceiver"

	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver"

	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension"

	"github.com/otelcol-ems/otelcol-ems/exporters/archiveexporter"
	"github.com/otelcol-ems/otelcol-ems/exporters/durableotlpexporter"
	"github.com/otelcol-ems/otelcol-ems/exporters/localstoreexporter"
	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension"

	"github.com/otelcol-ems/otelcol-ems/connectors/thresholdconnector"
	"github.com/otelcol-ems/otelcol-ems/exporters/alertmanagerexporter"
	"github.com/otelcol-ems/otelcol-ems/processors/thresholdprocessor"
)

var (
	receivers = []func() receiver.Factory{
		snmpreceiver.NewFactory,
		snmptrapreceiver.NewFactory,
		wasreceiver.NewFactory,
		dbmsreceiver.NewFactory,
	}

	processors = []func() processor.Factory{
		maskingprocessor.NewFactory,
		thresholdprocessor.NewFactory,
	}

	exporters = []func() exporter.Factory{
		localstoreexporter.NewFactory,
		archiveexporter.NewFactory,
		alertmanagerexporter.NewFactory,
		durableotlpexporter.NewFactory,
	}

	extensions = []func() extension.Factory{
		badgerstorageextension.NewFactory,
		localstoreextension.NewFactory,
	}

	connectors = []func() connector.Factory{
		thresholdconnector.NewFactory,
	}
)

// Receivers returns the factories of the project's own receivers.
func Receivers() []receiver.Factory { return build(receivers) }

// Processors returns the factories of the project's own processors.
func Processors() []processor.Factory { return build(processors) }

// Exporters returns the factories of the project's own exporters.
func Exporters() []exporter.Factory { return build(exporters) }

// Extensions returns the factories of the project's own extensions.
func Extensions() []extension.Factory { return build(extensions) }

// Connectors returns the factories of the project's own connectors.
func Connectors() []connector.Factory { return build(connectors) }

// ImportPaths returns, per component kind ("receivers", "processors",
// "exporters", "extensions", "connectors"), the Go import paths of the
// packages that define the project's own components.
func ImportPaths() map[string][]string {
	return map[string][]string{
		"receivers":  paths(receivers),
		"processors": paths(processors),
		"exporters":  paths(exporters),
		"extensions": paths(extensions),
		"connectors": paths(connectors),
	}
}

func build[F any](news []func() F) []F {
	out := make([]F, 0, len(news))
	for _, n := range news {
		out = append(out, n())
	}
	return out
}

func paths[F any](news []func() F) []string {
	out := make([]string, 0, len(news))
	for _, n := range news {
		out = append(out, packageOf(n))
	}
	return out
}

// packageOf returns the import path of the package that declares fn, from its
// symbol name "path/to/pkg.NewFactory".
func packageOf(fn any) string {
	name := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name()
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return name
	}
	return name[:slash+1+dot]
}
