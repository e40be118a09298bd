package was

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// points returns the data points of the named metric in ms.
func points(ms pmetric.MetricSlice, name string) []pmetric.NumberDataPoint {
	var out []pmetric.NumberDataPoint
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i)
		if m.Name() != name {
			continue
		}
		var dps pmetric.NumberDataPointSlice
		if m.Type() == pmetric.MetricTypeGauge {
			dps = m.Gauge().DataPoints()
		} else {
			dps = m.Sum().DataPoints()
		}
		for j := 0; j < dps.Len(); j++ {
			out = append(out, dps.At(j))
		}
	}
	return out
}

// value finds the value of the point of name whose attributes include
// attrs; ok is false when there is none.
func value(ms pmetric.MetricSlice, name string, attrs map[string]string) (float64, bool) {
next:
	for _, dp := range points(ms, name) {
		for k, v := range attrs {
			if got, ok := dp.Attributes().Get(k); !ok || got.AsString() != v {
				continue next
			}
		}
		if dp.ValueType() == pmetric.NumberDataPointValueTypeInt {
			return float64(dp.IntValue()), true
		}
		return dp.DoubleValue(), true
	}
	return 0, false
}

func metricOf(ms pmetric.MetricSlice, name string) (pmetric.Metric, bool) {
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Name() == name {
			return ms.At(i), true
		}
	}
	return pmetric.Metric{}, false
}

// want is an expected data point: metric name, attributes it must have,
// value.
type want struct {
	name  string
	attrs map[string]string
	v     float64
}

// assertPoints checks each expected point in ms.
func assertPoints(t *testing.T, ms pmetric.MetricSlice, wants []want) {
	t.Helper()
	for _, w := range wants {
		v, ok := value(ms, w.name, w.attrs)
		if assert.True(t, ok, "%s %v", w.name, w.attrs) {
			assert.InDelta(t, w.v, v, 1e-9, "%s %v", w.name, w.attrs)
		}
	}
}
