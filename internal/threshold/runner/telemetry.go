package runner

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// telemetry registers the internal metrics; the engine's counters are read
// at collection time, so ingestion pays nothing for them.
func (r *Runner) telemetry() error {
	mp := r.set.Telemetry.MeterProvider
	if mp == nil {
		return nil
	}
	m := mp.Meter("github.com/otelcol-ems/otelcol-ems/internal/threshold/runner")
	var err error
	if r.events, err = m.Int64Counter("otelcol_threshold_events", metric.WithUnit("{event}"),
		metric.WithDescription("Alert state transitions emitted.")); err != nil {
		return err
	}
	if r.failed, err = m.Int64Counter("otelcol_threshold_output_failed", metric.WithUnit("{item}"),
		metric.WithDescription("Alert events and state points the next consumer refused.")); err != nil {
		return err
	}
	points, err := m.Int64ObservableCounter("otelcol_threshold_points", metric.WithUnit("{point}"),
		metric.WithDescription("Data points ingested, once per matching rule."))
	if err != nil {
		return err
	}
	refused, err := m.Int64ObservableCounter("otelcol_threshold_refused_points", metric.WithUnit("{point}"),
		metric.WithDescription("Data points refused: reason=max_series (a new series past max_series), out_of_order, unsupported_kind."))
	if err != nil {
		return err
	}
	dropped, err := m.Int64ObservableCounter("otelcol_threshold_dropped_samples", metric.WithUnit("{sample}"),
		metric.WithDescription("Samples dropped from a window before they left it, because their series held max_samples_per_series."))
	if err != nil {
		return err
	}
	series, err := m.Int64ObservableGauge("otelcol_threshold_series", metric.WithUnit("{series}"),
		metric.WithDescription("Source series tracked now."))
	if err != nil {
		return err
	}
	reasons := [3]metric.ObserveOption{
		metric.WithAttributes(reasonAttr("max_series")),
		metric.WithAttributes(reasonAttr("out_of_order")),
		metric.WithAttributes(reasonAttr("unsupported_kind")),
	}
	r.reg, err = m.RegisterCallback(func(_ context.Context, o metric.Observer) error {
		st := r.eng.Stats()
		r.mu.Lock()
		skipped := r.conv.skipped
		r.mu.Unlock()
		o.ObserveInt64(points, int64(st.Points))
		o.ObserveInt64(refused, int64(st.RefusedSeries), reasons[0])
		o.ObserveInt64(refused, int64(st.OutOfOrder), reasons[1])
		o.ObserveInt64(refused, int64(st.KindMismatch+skipped), reasons[2])
		o.ObserveInt64(dropped, int64(st.DroppedSamples))
		o.ObserveInt64(series, int64(st.Series))
		return nil
	}, points, refused, dropped, series)
	return err
}

func reasonAttr(v string) attribute.KeyValue { return attribute.String("reason", v) }
