package store

import (
	"context"
	"fmt"

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
	b, err := s.newBatch(ctx, Metrics, md.DataPointCount())
	if err != nil {
		return WriteResult{}, err
	}
	w := &metricWriter{b: b, names: map[bucketName]struct{}{}}
	wms, err := w.cut(md)
	if err != nil {
		w.b.abort()
		return WriteResult{}, err
	}
	renc := newResourceEncoder()
	dictScratch := pmetric.NewMetrics()
	next := 0
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
			first := next
			next += sm.Metrics().Len()
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
				if err := w.metric(res, dict, sm.Metrics().At(k), &wms[first+k]); err != nil {
					w.b.abort()
					return WriteResult{}, err
				}
			}
		}
	}
	return w.b.commit(ctx)
}

// cut marshals md once and cuts its metrics and their points out of it; each
// metric must have as many points as pdata counts.
func (w *metricWriter) cut(md pmetric.Metrics) ([]wireMetric, error) {
	p, err := w.m.MarshalMetrics(md)
	if err != nil {
		return nil, err
	}
	wms, err := wireMetrics(p)
	if err == nil && len(wms) != md.MetricCount() {
		err = errWire
	}
	for i, k := 0, 0; err == nil && i < md.ResourceMetrics().Len(); i++ {
		sms := md.ResourceMetrics().At(i).ScopeMetrics()
		for j := 0; err == nil && j < sms.Len(); j++ {
			ms := sms.At(j).Metrics()
			for m := 0; m < ms.Len(); m, k = m+1, k+1 {
				if len(wms[k].points) != metricPoints(ms.At(m)) {
					err = errWire
					break
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cutting metric points out of their request: %w", err)
	}
	return wms, nil
}

// metric stores the points of one metric, wm being its encoded form.
func (w *metricWriter) metric(res *resourceInfo, dict *dictInfo, src pmetric.Metric, wm *wireMetric) error {
	name := cleanName(src.Name())
	typ := byte(src.Type())
	emit := func(i int, ts, start pcommon.Timestamp, attrs pcommon.Map) error {
		if w.b.deep(attrsTooDeep(attrs), 1) {
			return nil
		}
		t, ok := w.b.keyTime(ts, start)
		if !ok {
			return nil
		}
		bucket, err := w.b.addPoint(t, res, dict, typ, name, wm, wm.points[i])
		if err != nil {
			return err
		}
		if _, ok := w.names[bucketName{bucket, name}]; !ok {
			w.names[bucketName{bucket, name}] = struct{}{}
			return w.b.wb.Set(nameKey(bucket, name), []byte{typ})
		}
		return nil
	}
	var err error
	switch src.Type() {
	case pmetric.MetricTypeGauge:
		dps := src.Gauge().DataPoints()
		for i := 0; i < dps.Len() && err == nil; i++ {
			dp := dps.At(i)
			err = emit(i, dp.Timestamp(), dp.StartTimestamp(), dp.Attributes())
		}
	case pmetric.MetricTypeSum:
		dps := src.Sum().DataPoints()
		for i := 0; i < dps.Len() && err == nil; i++ {
			dp := dps.At(i)
			err = emit(i, dp.Timestamp(), dp.StartTimestamp(), dp.Attributes())
		}
	case pmetric.MetricTypeHistogram:
		dps := src.Histogram().DataPoints()
		for i := 0; i < dps.Len() && err == nil; i++ {
			dp := dps.At(i)
			err = emit(i, dp.Timestamp(), dp.StartTimestamp(), dp.Attributes())
		}
	case pmetric.MetricTypeExponentialHistogram:
		dps := src.ExponentialHistogram().DataPoints()
		for i := 0; i < dps.Len() && err == nil; i++ {
			dp := dps.At(i)
			err = emit(i, dp.Timestamp(), dp.StartTimestamp(), dp.Attributes())
		}
	case pmetric.MetricTypeSummary:
		dps := src.Summary().DataPoints()
		for i := 0; i < dps.Len() && err == nil; i++ {
			dp := dps.At(i)
			err = emit(i, dp.Timestamp(), dp.StartTimestamp(), dp.Attributes())
		}
	}
	return err
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
		n += metricPoints(ms.At(i))
	}
	return n
}

// metricPoints is how many data points m holds.
func metricPoints(m pmetric.Metric) int {
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		return m.Gauge().DataPoints().Len()
	case pmetric.MetricTypeSum:
		return m.Sum().DataPoints().Len()
	case pmetric.MetricTypeHistogram:
		return m.Histogram().DataPoints().Len()
	case pmetric.MetricTypeExponentialHistogram:
		return m.ExponentialHistogram().DataPoints().Len()
	case pmetric.MetricTypeSummary:
		return m.Summary().DataPoints().Len()
	}
	return 0
}
