package testutil

import "go.opentelemetry.io/collector/pdata/pmetric"

// NumberPoints returns the data points of a gauge or a sum, and none for a
// metric of another type.
func NumberPoints(m pmetric.Metric) pmetric.NumberDataPointSlice {
	switch m.Type() {
	case pmetric.MetricTypeSum:
		return m.Sum().DataPoints()
	case pmetric.MetricTypeGauge:
		return m.Gauge().DataPoints()
	}
	return pmetric.NewNumberDataPointSlice()
}
