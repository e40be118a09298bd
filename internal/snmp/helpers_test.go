package snmp

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

func mustProfiles(t *testing.T, names ...string) []*Profile {
	t.Helper()
	var out []*Profile
	for _, n := range names {
		p, err := BuiltinProfile(n)
		require.NoError(t, err)
		out = append(out, p)
	}
	return out
}

// points returns the data points of a metric keyed by a data point
// attribute's value (or "" when key is "").
func points(md pmetric.Metrics, name, key string, match map[string]string) map[string]pmetric.NumberDataPoint {
	out := map[string]pmetric.NumberDataPoint{}
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		sms := rms.At(i).ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			ms := sms.At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				m := ms.At(k)
				if m.Name() != name {
					continue
				}
				var dps pmetric.NumberDataPointSlice
				if m.Type() == pmetric.MetricTypeSum {
					dps = m.Sum().DataPoints()
				} else {
					dps = m.Gauge().DataPoints()
				}
			next:
				for d := 0; d < dps.Len(); d++ {
					dp := dps.At(d)
					for mk, mv := range match {
						if v, ok := dp.Attributes().Get(mk); !ok || v.AsString() != mv {
							continue next
						}
					}
					label := ""
					if key != "" {
						v, _ := dp.Attributes().Get(key)
						label = v.AsString()
					}
					out[label] = dp
				}
			}
		}
	}
	return out
}

func value(dp pmetric.NumberDataPoint) float64 {
	if dp.ValueType() == pmetric.NumberDataPointValueTypeInt {
		return float64(dp.IntValue())
	}
	return dp.DoubleValue()
}
