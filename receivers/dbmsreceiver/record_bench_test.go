package dbmsreceiver

import (
	"fmt"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
)

// mysqlBenchStats is a MariaDB-sized status: every recorded variable set.
func mysqlBenchStats() *dbms.MySQLStats {
	st := &dbms.MySQLStats{Status: map[string]string{}, BufferPoolSize: 128 << 20}
	for i, n := range mysqlStatusNames() {
		st.Status[n] = fmt.Sprint(1000 + i)
	}
	st.Status["wsrep_provider_name"] = ""
	return st
}

// BenchmarkRecordMySQL records one MySQL scrape with the MetricsBuilder;
// BenchmarkRecordMySQLFloor builds the same points with pdata alone (one
// metric per name, the attribute per point), the floor of any recording.
func BenchmarkRecordMySQL(b *testing.B) {
	tg := testTarget(b, "mariadb")
	st := mysqlBenchStats()
	ts := pcommon.NewTimestampFromTime(time.Now())
	var points int
	b.ReportAllocs()
	for b.Loop() {
		tg.recordMySQL(ts, st)
		points = tg.mb.Emit().DataPointCount()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*points), "ns/point")
	b.ReportMetric(float64(points), "points")
}

func BenchmarkRecordMySQLFloor(b *testing.B) {
	tg := testTarget(b, "mariadb")
	st := mysqlBenchStats()
	tg.recordMySQL(pcommon.NewTimestampFromTime(time.Now()), st)
	want := tg.mb.Emit()
	ts := pcommon.NewTimestampFromTime(time.Now())
	var points int
	b.ReportAllocs()
	for b.Loop() {
		md := pmetric.NewMetrics()
		rm := md.ResourceMetrics().AppendEmpty()
		want.ResourceMetrics().At(0).Resource().CopyTo(rm.Resource())
		ms := rm.ScopeMetrics().AppendEmpty().Metrics()
		src := want.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
		for i := 0; i < src.Len(); i++ {
			m := ms.AppendEmpty()
			m.SetName(src.At(i).Name())
			m.SetUnit(src.At(i).Unit())
			var in, out pmetric.NumberDataPointSlice
			if src.At(i).Type() == pmetric.MetricTypeSum {
				in, out = src.At(i).Sum().DataPoints(), m.SetEmptySum().DataPoints()
			} else {
				in, out = src.At(i).Gauge().DataPoints(), m.SetEmptyGauge().DataPoints()
			}
			for d := 0; d < in.Len(); d++ {
				dp := out.AppendEmpty()
				dp.SetTimestamp(ts)
				dp.SetIntValue(in.At(d).IntValue())
				in.At(d).Attributes().Range(func(k string, v pcommon.Value) bool {
					dp.Attributes().PutStr(k, v.Str())
					return true
				})
			}
		}
		points = md.DataPointCount()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*points), "ns/point")
	b.ReportMetric(float64(points), "points")
}
