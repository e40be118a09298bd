package store

import (
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// MetricQuery selects the points of one metric.
type MetricQuery struct {
	// Name is the metric name; required.
	Name string
	// Start and End bound the point time (inclusive); zero is open.
	Start, End time.Time
	// Attrs must all match, each on the point's or the resource's attributes.
	Attrs map[string]string
	// Limit is the page size in points; it must be positive.
	Limit int
	// After continues a previous page.
	After *Cursor
}

// MetricResult is one page of points, oldest first.
type MetricResult struct {
	// Metrics holds the points grouped by resource, scope and metric.
	Metrics pmetric.Metrics
	// Points is the number of data points in Metrics.
	Points int
	// Series is the number of distinct resource and attribute sets.
	Series int
	// Next is where the next page starts; nil on the last page.
	Next *Cursor
}

// QueryMetrics returns a page of the points of q.Name that match q.
func (s *Store) QueryMetrics(q MetricQuery) (MetricResult, error) {
	if q.Name == "" {
		return MetricResult{}, errors.New("name is required")
	}
	if q.Limit <= 0 {
		return MetricResult{}, errors.New("limit must be positive")
	}
	rd, err := s.newReader()
	if err != nil {
		return MetricResult{}, err
	}
	defer rd.close()
	start, end := timeRange(q.Start, q.End)
	asm := &metricAssembler{rd: rd, out: pmetric.NewMetrics(), dst: map[metricDest]pmetric.Metric{}, dicts: map[uint64]pmetric.ResourceMetrics{}, outRM: map[uint64]pmetric.ResourceMetrics{}, series: map[string]struct{}{}}
	pg := &page{limit: q.Limit}
	fromTS, fromSeq := seekFrom(start, q.After)
	name := cleanName(q.Name)
	for _, b := range s.bucketsIn(Metrics, fromTS, end) {
		more, err := rd.scanRecords(Metrics, b, name, fromTS, fromSeq, end, func(r ref, v []byte) (bool, error) {
			dict, _, payload, err := decodeValueHeader(v)
			if err != nil {
				return true, nil
			}
			md, err := asm.um.UnmarshalMetrics(payload)
			if err != nil || md.ResourceMetrics().Len() != 1 || md.ResourceMetrics().At(0).ScopeMetrics().Len() != 1 ||
				md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().Len() != 1 {
				return true, nil
			}
			m := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics().At(0)
			attrs := pointAttributes(m)
			res, err := asm.resource(b, dict)
			if err != nil {
				return false, err
			}
			if !matchAttrs(q.Attrs, attrs, res.Resource().Attributes()) {
				return true, nil
			}
			if pg.full() {
				return false, nil
			}
			asm.add(dict, m, attrs)
			pg.took(r)
			return true, nil
		})
		if err != nil {
			return MetricResult{}, err
		}
		if !more {
			break
		}
	}
	return MetricResult{Metrics: asm.out, Points: pg.count, Series: len(asm.series), Next: pg.next}, nil
}

// matchAttrs reports whether every wanted key has its value on the point or,
// failing that, on the resource.
func matchAttrs(want map[string]string, point, resource pcommon.Map) bool {
	for k, v := range want {
		if a, ok := point.Get(k); ok && a.AsString() == v {
			continue
		}
		if a, ok := resource.Get(k); ok && a.AsString() == v {
			continue
		}
		return false
	}
	return true
}

// pointAttributes returns the attributes of the single point of m.
func pointAttributes(m pmetric.Metric) pcommon.Map {
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		return m.Gauge().DataPoints().At(0).Attributes()
	case pmetric.MetricTypeSum:
		return m.Sum().DataPoints().At(0).Attributes()
	case pmetric.MetricTypeHistogram:
		return m.Histogram().DataPoints().At(0).Attributes()
	case pmetric.MetricTypeExponentialHistogram:
		return m.ExponentialHistogram().DataPoints().At(0).Attributes()
	case pmetric.MetricTypeSummary:
		return m.Summary().DataPoints().At(0).Attributes()
	}
	return pcommon.NewMap()
}

type metricDest struct {
	dict uint64
	typ  pmetric.MetricType
}

// metricAssembler rebuilds OTLP metrics from stored points: one metric per
// resource, scope and type, holding all its points.
type metricAssembler struct {
	rd     *reader
	out    pmetric.Metrics
	um     pmetric.ProtoUnmarshaler
	dicts  map[uint64]pmetric.ResourceMetrics // resource and scope, no metrics
	outRM  map[uint64]pmetric.ResourceMetrics // the same in out
	dst    map[metricDest]pmetric.Metric
	series map[string]struct{}
}

// resource returns the output resource (with its scope) of a dictionary id,
// creating it on first use.
func (a *metricAssembler) resource(bucket int64, dict uint64) (pmetric.ResourceMetrics, error) {
	if rm, ok := a.dicts[dict]; ok {
		return rm, nil
	}
	rm := pmetric.NewResourceMetrics()
	sm := rm.ScopeMetrics().AppendEmpty()
	p, err := a.rd.dict(Metrics, bucket, dict)
	if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
		return rm, err
	}
	if err == nil {
		if d, err := a.um.UnmarshalMetrics(p); err == nil && d.ResourceMetrics().Len() == 1 && d.ResourceMetrics().At(0).ScopeMetrics().Len() == 1 {
			drm := d.ResourceMetrics().At(0)
			drm.Resource().CopyTo(rm.Resource())
			rm.SetSchemaUrl(drm.SchemaUrl())
			drm.ScopeMetrics().At(0).Scope().CopyTo(sm.Scope())
			sm.SetSchemaUrl(drm.ScopeMetrics().At(0).SchemaUrl())
		}
	}
	a.dicts[dict] = rm
	return rm, nil
}

// add appends the single point of m under its resource, scope and metric.
func (a *metricAssembler) add(dict uint64, m pmetric.Metric, attrs pcommon.Map) {
	a.series[seriesKey(dict, attrs)] = struct{}{}
	key := metricDest{dict, m.Type()}
	dst, ok := a.dst[key]
	if !ok {
		rm, ok := a.outRM[dict]
		if !ok {
			rm = a.out.ResourceMetrics().AppendEmpty()
			a.dicts[dict].CopyTo(rm)
			a.outRM[dict] = rm
		}
		dst = rm.ScopeMetrics().At(0).Metrics().AppendEmpty()
		m.CopyTo(dst)
		a.dst[key] = dst
		return
	}
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		m.Gauge().DataPoints().MoveAndAppendTo(dst.Gauge().DataPoints())
	case pmetric.MetricTypeSum:
		m.Sum().DataPoints().MoveAndAppendTo(dst.Sum().DataPoints())
	case pmetric.MetricTypeHistogram:
		m.Histogram().DataPoints().MoveAndAppendTo(dst.Histogram().DataPoints())
	case pmetric.MetricTypeExponentialHistogram:
		m.ExponentialHistogram().DataPoints().MoveAndAppendTo(dst.ExponentialHistogram().DataPoints())
	case pmetric.MetricTypeSummary:
		m.Summary().DataPoints().MoveAndAppendTo(dst.Summary().DataPoints())
	}
}

// seriesKey identifies a series: its resource and scope, and its attributes.
func seriesKey(dict uint64, attrs pcommon.Map) string {
	parts := make([]string, 0, attrs.Len())
	for k, v := range attrs.All() {
		parts = append(parts, k+"="+v.AsString())
	}
	sort.Strings(parts)
	return string(putU64(nil, dict)) + strings.Join(parts, "\x00")
}

// MetricName is a metric name with the type of its points.
type MetricName struct {
	Name string
	Type pmetric.MetricType
}

// MetricNames returns the names of the metrics with points in the store,
// sorted.
func (s *Store) MetricNames() ([]MetricName, error) {
	rd, err := s.newReader()
	if err != nil {
		return nil, err
	}
	defer rd.close()
	seen := map[string]pmetric.MetricType{}
	it := rd.iter(Metrics, true)
	for _, b := range s.bucketsIn(Metrics, 0, math.MaxUint64) {
		prefix := kindPrefix(Metrics, b, kindName)
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			name := string(it.Item().Key()[len(prefix):])
			typ := pmetric.MetricTypeEmpty
			_ = it.Item().Value(func(v []byte) error {
				if len(v) == 1 {
					typ = pmetric.MetricType(v[0])
				}
				return nil
			})
			seen[name] = typ
		}
	}
	out := make([]MetricName, 0, len(seen))
	for n, t := range seen {
		out = append(out, MetricName{Name: n, Type: t})
	}
	slices.SortFunc(out, func(a, b MetricName) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}
