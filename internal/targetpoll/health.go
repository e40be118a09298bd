package targetpoll

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// HealthNames name the per-target health metrics of one receiver, for
// example snmp.up and snmp.poll.duration.
type HealthNames struct {
	Up       string
	Duration string
}

// AppendHealth appends the up gauge (1 or 0) and the poll duration gauge
// (seconds) of a poll result to ms.
func AppendHealth(ms pmetric.MetricSlice, names HealthNames, r Result) {
	ts := pcommon.NewTimestampFromTime(r.Start.Add(r.Duration))
	up := ms.AppendEmpty()
	up.SetName(names.Up)
	up.SetDescription("1 when the last poll of the target succeeded, else 0.")
	up.SetUnit("1")
	dp := up.SetEmptyGauge().DataPoints().AppendEmpty()
	dp.SetTimestamp(ts)
	if r.Up {
		dp.SetIntValue(1)
	} else {
		dp.SetIntValue(0)
	}
	d := ms.AppendEmpty()
	d.SetName(names.Duration)
	d.SetDescription("Time the last poll of the target took.")
	d.SetUnit("s")
	dd := d.SetEmptyGauge().DataPoints().AppendEmpty()
	dd.SetTimestamp(ts)
	dd.SetDoubleValue(r.Duration.Seconds())
}
