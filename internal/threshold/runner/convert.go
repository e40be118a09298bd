package runner

import (
	"math"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

// converter feeds pdata into an engine batch, reusing its buffers.
type converter struct {
	res     []threshold.KV
	attrs   []threshold.KV
	hist    threshold.Histogram
	point   threshold.Point
	skipped uint64 // points of kinds the engine does not read
}

func appendKV(dst []threshold.KV, m pcommon.Map) []threshold.KV {
	for k, v := range m.All() {
		s := ""
		if v.Type() == pcommon.ValueTypeStr {
			s = v.Str()
		} else {
			s = v.AsString()
		}
		dst = append(dst, threshold.KV{Key: k, Value: s})
	}
	return dst
}

// feed ingests md into b; the caller holds the batch.
func (c *converter) feed(b *threshold.Batch, md pmetric.Metrics) {
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		rm := rms.At(i)
		c.res = appendKV(c.res[:0], rm.Resource().Attributes())
		b.Resource(c.res)
		sms := rm.ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			ms := sms.At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				c.metric(b, ms.At(k))
			}
		}
	}
}

func (c *converter) metric(b *threshold.Batch, m pmetric.Metric) {
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		if b.Metric(m.Name(), threshold.Gauge) {
			c.numbers(b, m.Gauge().DataPoints())
		}
	case pmetric.MetricTypeSum:
		kind := threshold.CumulativeSum
		if m.Sum().AggregationTemporality() == pmetric.AggregationTemporalityDelta {
			kind = threshold.DeltaSum
		}
		if b.Metric(m.Name(), kind) {
			c.numbers(b, m.Sum().DataPoints())
		}
	case pmetric.MetricTypeHistogram:
		kind := threshold.CumulativeHistogram
		if m.Histogram().AggregationTemporality() == pmetric.AggregationTemporalityDelta {
			kind = threshold.DeltaHistogram
		}
		if b.Metric(m.Name(), kind) {
			c.histograms(b, m.Histogram().DataPoints())
		}
	default:
		// Exponential histograms and summaries are not ruled on.
		if b.Metric(m.Name(), threshold.Gauge) {
			c.skipped++
		}
	}
}

func (c *converter) numbers(b *threshold.Batch, dps pmetric.NumberDataPointSlice) {
	for i := 0; i < dps.Len(); i++ {
		dp := dps.At(i)
		if dp.Flags().NoRecordedValue() {
			continue
		}
		v := dp.DoubleValue()
		if dp.ValueType() == pmetric.NumberDataPointValueTypeInt {
			v = float64(dp.IntValue())
		}
		if math.IsNaN(v) {
			continue
		}
		c.attrs = appendKV(c.attrs[:0], dp.Attributes())
		c.point = threshold.Point{Attrs: c.attrs, Time: int64(dp.Timestamp()), Start: int64(dp.StartTimestamp()), Value: v}
		b.Add(&c.point)
	}
}

func (c *converter) histograms(b *threshold.Batch, dps pmetric.HistogramDataPointSlice) {
	for i := 0; i < dps.Len(); i++ {
		dp := dps.At(i)
		if dp.Flags().NoRecordedValue() || dp.BucketCounts().Len() != dp.ExplicitBounds().Len()+1 {
			continue
		}
		c.hist.Bounds = c.hist.Bounds[:0]
		for j := 0; j < dp.ExplicitBounds().Len(); j++ {
			c.hist.Bounds = append(c.hist.Bounds, dp.ExplicitBounds().At(j))
		}
		c.hist.Counts = c.hist.Counts[:0]
		for j := 0; j < dp.BucketCounts().Len(); j++ {
			c.hist.Counts = append(c.hist.Counts, dp.BucketCounts().At(j))
		}
		c.hist.Count, c.hist.Sum = dp.Count(), dp.Sum()
		c.attrs = appendKV(c.attrs[:0], dp.Attributes())
		c.point = threshold.Point{Attrs: c.attrs, Time: int64(dp.Timestamp()), Start: int64(dp.StartTimestamp()), Hist: &c.hist}
		b.Add(&c.point)
	}
}
