package dbmsreceiver

import (
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

// point finds the value of a metric's data point on the resource whose
// db.namespace is db ("" for the server's) and whose attributes include
// attrs.
func point(md pmetric.Metrics, name, db string, attrs map[string]string) (float64, bool) {
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		rm := md.ResourceMetrics().At(i)
		ns, _ := rm.Resource().Attributes().Get("db.namespace")
		if ns.Str() != db {
			continue
		}
		for j := 0; j < rm.ScopeMetrics().Len(); j++ {
			ms := rm.ScopeMetrics().At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				m := ms.At(k)
				if m.Name() != name {
					continue
				}
				dps := testutil.NumberPoints(m)
			next:
				for d := 0; d < dps.Len(); d++ {
					dp := dps.At(d)
					for ak, av := range attrs {
						v, ok := dp.Attributes().Get(ak)
						if !ok || v.AsString() != av {
							continue next
						}
					}
					if dp.ValueType() == pmetric.NumberDataPointValueTypeInt {
						return float64(dp.IntValue()), true
					}
					return dp.DoubleValue(), true
				}
			}
		}
	}
	return 0, false
}
