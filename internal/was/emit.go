package was

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// Emitter collects the data points of one poll into one resource and scope,
// one metric per name.
type Emitter struct {
	ms      pmetric.MetricSlice
	byName  map[string]pmetric.Metric
	now     pcommon.Timestamp
	start   pcommon.Timestamp
	Metrics pmetric.Metrics
	// Resource holds the resource attributes of the poll's data.
	Resource pcommon.Map
}

// NewEmitter starts metrics for one poll at now; start is the start time
// of cumulative sums.
func NewEmitter(scopeName, scopeVersion string, start, now pcommon.Timestamp) *Emitter {
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.Scope().SetName(scopeName)
	sm.Scope().SetVersion(scopeVersion)
	return &Emitter{ms: sm.Metrics(), byName: map[string]pmetric.Metric{}, now: now, start: start,
		Metrics: md, Resource: rm.Resource().Attributes()}
}

// MetricSlice is where the poll's metrics go (to append health metrics).
func (e *Emitter) MetricSlice() pmetric.MetricSlice { return e.ms }

// point appends a data point to the named metric, creating the metric on
// first use.
func (e *Emitter) point(name, desc, unit string, kind metricKind) pmetric.NumberDataPoint {
	m, ok := e.byName[name]
	if !ok {
		m = e.ms.AppendEmpty()
		m.SetName(name)
		m.SetDescription(desc)
		m.SetUnit(unit)
		switch kind {
		case kindGauge:
			m.SetEmptyGauge()
		default:
			s := m.SetEmptySum()
			s.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
			s.SetIsMonotonic(kind == kindCounter)
		}
		e.byName[name] = m
	}
	var dp pmetric.NumberDataPoint
	if m.Type() == pmetric.MetricTypeGauge {
		dp = m.Gauge().DataPoints().AppendEmpty()
	} else {
		dp = m.Sum().DataPoints().AppendEmpty()
		dp.SetStartTimestamp(e.start)
	}
	dp.SetTimestamp(e.now)
	return dp
}

// Int appends an integer data point with attributes given as key, value
// pairs.
func (e *Emitter) Int(name, desc, unit string, kind metricKind, v int64, kv ...string) {
	dp := e.point(name, desc, unit, kind)
	dp.SetIntValue(v)
	for i := 0; i+1 < len(kv); i += 2 {
		dp.Attributes().PutStr(kv[i], kv[i+1])
	}
}

// Double appends a floating-point data point.
func (e *Emitter) Double(name, desc, unit string, kind metricKind, v float64, kv ...string) {
	dp := e.point(name, desc, unit, kind)
	dp.SetDoubleValue(v)
	for i := 0; i+1 < len(kv); i += 2 {
		dp.Attributes().PutStr(kv[i], kv[i+1])
	}
}
