package store

import (
	"context"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

type bucketName struct {
	bucket int64
	name   string
}

// metricWriter stores metric data points one by one, each with its metric's
// name, description, unit and type.
type metricWriter struct {
	b     *batch
	m     pmetric.ProtoMarshaler
	names map[bucketName]struct{}
}

// WriteMetrics stores every data point of md, filed under its metric name and
// timestamp.
func (s *Store) WriteMetrics(ctx context.Context, md pmetric.Metrics) (WriteResult, error) {
	b, err := s.newBatch(ctx, Metrics)
	if err != nil {
		return WriteResult{}, err
	}
	w := &metricWriter{b: b, names: map[bucketName]struct{}{}}
	renc := newResourceEncoder()
	dictScratch := pmetric.NewMetrics()
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		rm := md.ResourceMetrics().At(i)
		res, err := renc.encode(rm.Resource())
		if err != nil {
			w.b.abort()
			return WriteResult{}, err
		}
		resDeep := attrsTooDeep(rm.Resource().Attributes())
		for j := 0; j < rm.ScopeMetrics().Len(); j++ {
			sm := rm.ScopeMetrics().At(j)
			if resDeep || attrsTooDeep(sm.Scope().Attributes()) {
				w.b.deep(true, pointCount(sm.Metrics()))
				continue
			}
			dict, err := w.dict(dictScratch, rm, sm)
			if err != nil {
				w.b.abort()
				return WriteResult{}, err
			}
			for k := 0; k < sm.Metrics().Len(); k++ {
				if err := w.metric(res, dict, sm.Metrics().At(k)); err != nil {
					w.b.abort()
					return WriteResult{}, err
				}
			}
		}
	}
	return w.b.commit(ctx)
}

// metric stores the points of one metric.
func (w *metricWriter) metric(res *resourceInfo, dict *dictInfo, src pmetric.Metric) error {
	name := cleanName(src.Name())
	one := pmetric.NewMetrics()
	om := one.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	om.SetName(src.Name())
	om.SetDescription(src.Description())
	om.SetUnit(src.Unit())
	src.Metadata().CopyTo(om.Metadata())
	emit := func(ts, start pcommon.Timestamp, attrs pcommon.Map) error {
		if w.b.deep(attrsTooDeep(attrs), 1) {
			return nil
		}
		t, ok := w.b.keyTime(ts, start)
		if !ok {
			return nil
		}
		payload, err := w.m.MarshalMetrics(one)
		if err != nil {
			return err
		}
		bucket, err := w.b.add(t, res, dict, pcommon.NewTraceIDEmpty(), byte(src.Type()), name, payload)
		if err != nil {
			return err
		}
		if _, ok := w.names[bucketName{bucket, name}]; !ok {
			w.names[bucketName{bucket, name}] = struct{}{}
			return w.b.wb.Set(nameKey(bucket, name), []byte{byte(src.Type())})
		}
		return nil
	}
	switch src.Type() {
	case pmetric.MetricTypeGauge:
		dps := src.Gauge().DataPoints()
		odp := om.SetEmptyGauge().DataPoints().AppendEmpty()
		for i := 0; i < dps.Len(); i++ {
			dps.At(i).CopyTo(odp)
			if err := emit(odp.Timestamp(), odp.StartTimestamp(), odp.Attributes()); err != nil {
				return err
			}
		}
	case pmetric.MetricTypeSum:
		os := om.SetEmptySum()
		os.SetAggregationTemporality(src.Sum().AggregationTemporality())
		os.SetIsMonotonic(src.Sum().IsMonotonic())
		dps := src.Sum().DataPoints()
		odp := os.DataPoints().AppendEmpty()
		for i := 0; i < dps.Len(); i++ {
			dps.At(i).CopyTo(odp)
			if err := emit(odp.Timestamp(), odp.StartTimestamp(), odp.Attributes()); err != nil {
				return err
			}
		}
	case pmetric.MetricTypeHistogram:
		oh := om.SetEmptyHistogram()
		oh.SetAggregationTemporality(src.Histogram().AggregationTemporality())
		dps := src.Histogram().DataPoints()
		odp := oh.DataPoints().AppendEmpty()
		for i := 0; i < dps.Len(); i++ {
			dps.At(i).CopyTo(odp)
			if err := emit(odp.Timestamp(), odp.StartTimestamp(), odp.Attributes()); err != nil {
				return err
			}
		}
	case pmetric.MetricTypeExponentialHistogram:
		oh := om.SetEmptyExponentialHistogram()
		oh.SetAggregationTemporality(src.ExponentialHistogram().AggregationTemporality())
		dps := src.ExponentialHistogram().DataPoints()
		odp := oh.DataPoints().AppendEmpty()
		for i := 0; i < dps.Len(); i++ {
			dps.At(i).CopyTo(odp)
			if err := emit(odp.Timestamp(), odp.StartTimestamp(), odp.Attributes()); err != nil {
				return err
			}
		}
	case pmetric.MetricTypeSummary:
		dps := src.Summary().DataPoints()
		odp := om.SetEmptySummary().DataPoints().AppendEmpty()
		for i := 0; i < dps.Len(); i++ {
			dps.At(i).CopyTo(odp)
			if err := emit(odp.Timestamp(), odp.StartTimestamp(), odp.Attributes()); err != nil {
				return err
			}
		}
	}
	return nil
}

// dict encodes a resource and scope pair without metrics.
func (w *metricWriter) dict(scratch pmetric.Metrics, rm pmetric.ResourceMetrics, sm pmetric.ScopeMetrics) (*dictInfo, error) {
	scratch.ResourceMetrics().RemoveIf(func(pmetric.ResourceMetrics) bool { return true })
	drm := scratch.ResourceMetrics().AppendEmpty()
	rm.Resource().CopyTo(drm.Resource())
	drm.SetSchemaUrl(rm.SchemaUrl())
	dsm := drm.ScopeMetrics().AppendEmpty()
	sm.Scope().CopyTo(dsm.Scope())
	dsm.SetSchemaUrl(sm.SchemaUrl())
	p, err := w.m.MarshalMetrics(scratch)
	if err != nil {
		return nil, err
	}
	return &dictInfo{id: hash64(p), proto: p}, nil
}

// pointCount is how many data points ms hold.
func pointCount(ms pmetric.MetricSlice) int {
	n := 0
	for i := 0; i < ms.Len(); i++ {
		switch m := ms.At(i); m.Type() {
		case pmetric.MetricTypeGauge:
			n += m.Gauge().DataPoints().Len()
		case pmetric.MetricTypeSum:
			n += m.Sum().DataPoints().Len()
		case pmetric.MetricTypeHistogram:
			n += m.Histogram().DataPoints().Len()
		case pmetric.MetricTypeExponentialHistogram:
			n += m.ExponentialHistogram().DataPoints().Len()
		case pmetric.MetricTypeSummary:
			n += m.Summary().DataPoints().Len()
		}
	}
	return n
}
