package durableotlpexporter

import (
	"fmt"

	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"go.opentelemetry.io/collector/pipeline"
)

// signalOps is what differs between logs, traces and metrics: the OTLP
// service method and how to read its response's partial success.
type signalOps struct {
	method string
	// rejected decodes an Export*ServiceResponse and returns the items the
	// backend rejected and its message.
	rejected func(resp []byte) (int64, string, error)
}

func opsFor(s pipeline.Signal) (signalOps, error) {
	switch s {
	case pipeline.SignalLogs:
		return signalOps{method: "/opentelemetry.proto.collector.logs.v1.LogsService/Export", rejected: func(b []byte) (int64, string, error) {
			r := plogotlp.NewExportResponse()
			if err := r.UnmarshalProto(b); err != nil {
				return 0, "", err
			}
			return r.PartialSuccess().RejectedLogRecords(), r.PartialSuccess().ErrorMessage(), nil
		}}, nil
	case pipeline.SignalTraces:
		return signalOps{method: "/opentelemetry.proto.collector.trace.v1.TraceService/Export", rejected: func(b []byte) (int64, string, error) {
			r := ptraceotlp.NewExportResponse()
			if err := r.UnmarshalProto(b); err != nil {
				return 0, "", err
			}
			return r.PartialSuccess().RejectedSpans(), r.PartialSuccess().ErrorMessage(), nil
		}}, nil
	case pipeline.SignalMetrics:
		return signalOps{method: "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", rejected: func(b []byte) (int64, string, error) {
			r := pmetricotlp.NewExportResponse()
			if err := r.UnmarshalProto(b); err != nil {
				return 0, "", err
			}
			return r.PartialSuccess().RejectedDataPoints(), r.PartialSuccess().ErrorMessage(), nil
		}}, nil
	}
	return signalOps{}, fmt.Errorf("durable_otlp: signal %s is not supported", s)
}
