package maskingprocessor

import (
	"context"
	"fmt"
	"sync"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor/internal/metadata"
)

// auditAttribute is the record attribute Config.Audit adds.
const auditAttribute = "masking.count"

type maskingProcessor struct {
	masker    *masking.Masker
	telemetry *metadata.TelemetryBuilder
	audit     bool
	// byCounter holds the `detector` attribute option of each engine counter.
	byCounter []metric.AddOption
	// deepOpt is the `detector` attribute of values replaced at the depth limit.
	deepOpt metric.AddOption
	passes  sync.Pool // of *pass
}

func newProcessor(set processor.Settings, cfg *Config) (*maskingProcessor, error) {
	ec, err := cfg.engineConfig()
	if err != nil {
		return nil, err
	}
	m, err := masking.New(ec)
	if err != nil {
		return nil, err
	}
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, fmt.Errorf("masking telemetry: %w", err)
	}
	p := &maskingProcessor{masker: m, telemetry: tb, audit: cfg.Audit}
	for i := range m.NumCounters() {
		p.byCounter = append(p.byCounter, metric.WithAttributeSet(attribute.NewSet(attribute.String("detector", m.CounterName(i)))))
	}
	p.deepOpt = metric.WithAttributeSet(attribute.NewSet(attribute.String("detector", depthLimitCounter)))
	p.passes.New = func() any { return &pass{memo: m.NewMemo(), counts: make([]int64, m.NumCounters())} }
	return p, nil
}

func (p *maskingProcessor) shutdown(context.Context) error {
	p.telemetry.Shutdown()
	return nil
}

// begin hands out the per-call state; finish reports its counts.
func (p *maskingProcessor) begin() *pass { return p.passes.Get().(*pass) }

func (p *maskingProcessor) finish(ctx context.Context, ps *pass) {
	for i, c := range ps.counts {
		if c > 0 {
			p.telemetry.ProcessorMaskingMasked.Add(ctx, c, p.byCounter[i])
			ps.counts[i] = 0
		}
	}
	if ps.deep > 0 {
		p.telemetry.ProcessorMaskingMasked.Add(ctx, ps.deep, p.deepOpt)
		ps.deep = 0
	}
	p.passes.Put(ps)
}

func (p *maskingProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	ps := p.begin()
	ps.logs(ld, p.audit)
	p.finish(ctx, ps)
	return ld, nil
}

func (p *maskingProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	ps := p.begin()
	ps.traces(td, p.audit)
	p.finish(ctx, ps)
	return td, nil
}

func (p *maskingProcessor) processMetrics(ctx context.Context, md pmetric.Metrics) (pmetric.Metrics, error) {
	ps := p.begin()
	ps.metrics(md)
	p.finish(ctx, ps)
	return md, nil
}
