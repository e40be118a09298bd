package thresholdconnector

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"
)

type base struct {
	r  *runner.Runner
	f  *factory
	id component.ID
}

func (b *base) Start(ctx context.Context, host component.Host) error { return b.r.Start(ctx, host) }

func (b *base) Shutdown(ctx context.Context) error {
	err := b.r.Shutdown(ctx)
	b.f.release(b.id, b.r)
	return err
}

// toLogs is the metrics→logs side: it feeds the rules.
type toLogs struct{ base }

func (c *toLogs) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (c *toLogs) ConsumeMetrics(_ context.Context, md pmetric.Metrics) error {
	c.r.Observe(md)
	return nil
}

// toMetrics is the metrics→metrics side: it passes the metrics on, and
// feeds the rules only when no metrics→logs side does (both receive the
// same data).
type toMetrics struct {
	base
	next consumer.Metrics
}

func (c *toMetrics) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (c *toMetrics) ConsumeMetrics(ctx context.Context, md pmetric.Metrics) error {
	if !c.r.HasLogs() {
		c.r.Observe(md)
	}
	return c.next.ConsumeMetrics(ctx, md)
}
