package runner

import (
	"fmt"
	"math"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold"
)

// EventName is the event name of every alert transition.
const EventName = "alert.state_change"

// Attribute keys of alert events. Every other attribute of an event is a
// label of the alert (the series' attributes and the rule's labels).
const (
	AttrName             = "alert.name"
	AttrState            = "alert.state"
	AttrPreviousState    = "alert.previous_state"
	AttrSeverity         = "alert.severity"
	AttrPreviousSeverity = "alert.previous_severity"
	AttrValue            = "alert.value"
	AttrThreshold        = "alert.threshold"
	AttrFingerprint      = "alert.fingerprint"
	AttrActiveAt         = "alert.active_at"
	AttrFiredAt          = "alert.fired_at"
	AttrNoData           = "alert.no_data"
	AttrFlapping         = "alert.flapping"
	// AttrAnnotationPrefix precedes each rendered annotation's name.
	AttrAnnotationPrefix = "alert.annotation."
	// AttrEvaluationInterval tells a sender how often the rules run.
	AttrEvaluationInterval = "alert.evaluation_interval"
)

func severityOf(ev *threshold.Event) (plog.SeverityNumber, string) {
	if ev.State == threshold.StateFiring {
		if ev.Severity == threshold.SeverityCritical {
			return plog.SeverityNumberError, "ERROR"
		}
		return plog.SeverityNumberWarn, "WARN"
	}
	return plog.SeverityNumberInfo, "INFO"
}

func putTime(m pcommon.Map, k string, ns int64) {
	if ns > 0 {
		m.PutStr(k, time.Unix(0, ns).UTC().Format(time.RFC3339Nano))
	}
}

// eventLogs renders events as one log record each.
func eventLogs(events []threshold.Event, scope string, interval time.Duration, observed time.Time) plog.Logs {
	ld := plog.NewLogs()
	sl := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	sl.Scope().SetName(scope)
	for i := range events {
		ev := &events[i]
		lr := sl.LogRecords().AppendEmpty()
		lr.SetEventName(EventName)
		lr.SetTimestamp(pcommon.Timestamp(ev.Time))
		lr.SetObservedTimestamp(pcommon.NewTimestampFromTime(observed))
		num, text := severityOf(ev)
		lr.SetSeverityNumber(num)
		lr.SetSeverityText(text)
		body := ev.Annotations["summary"]
		if body == "" {
			body = fmt.Sprintf("%s %s", ev.Rule, ev.State)
			if ev.Severity != "" {
				body += " (" + ev.Severity + ")"
			}
			if !math.IsNaN(ev.Value) {
				body += fmt.Sprintf(": value %g, threshold %g", ev.Value, ev.Threshold)
			}
		}
		lr.Body().SetStr(body)
		a := lr.Attributes()
		for _, l := range ev.Labels {
			a.PutStr(l.Key, l.Value)
		}
		for k, v := range ev.RuleLabels {
			a.PutStr(k, v)
		}
		a.PutStr(AttrName, ev.Rule)
		a.PutStr(AttrState, ev.State)
		a.PutStr(AttrPreviousState, ev.PreviousState)
		if ev.Severity != "" {
			a.PutStr(AttrSeverity, ev.Severity)
		}
		if ev.PreviousSeverity != "" && ev.PreviousSeverity != ev.Severity {
			a.PutStr(AttrPreviousSeverity, ev.PreviousSeverity)
		}
		if !math.IsNaN(ev.Value) {
			a.PutDouble(AttrValue, ev.Value)
		}
		if !math.IsNaN(ev.Threshold) {
			a.PutDouble(AttrThreshold, ev.Threshold)
		}
		a.PutStr(AttrFingerprint, threshold.FormatFingerprint(ev.Fingerprint))
		putTime(a, AttrActiveAt, ev.ActiveAt)
		putTime(a, AttrFiredAt, ev.FiredAt)
		if ev.NoData {
			a.PutBool(AttrNoData, true)
		}
		if ev.Flapping {
			a.PutBool(AttrFlapping, true)
		}
		a.PutInt(AttrEvaluationInterval, int64(interval/time.Second))
		for k, v := range ev.Annotations {
			a.PutStr(AttrAnnotationPrefix+k, v)
		}
	}
	return ld
}

// stateMetrics renders the active alerts as one gauge point each, value 1,
// with alertname, severity, state and the alert's labels.
func stateMetrics(alerts []threshold.Alert, name, scope string, now time.Time) pmetric.Metrics {
	md := pmetric.NewMetrics()
	sm := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty()
	sm.Scope().SetName(scope)
	m := sm.Metrics().AppendEmpty()
	m.SetName(name)
	m.SetUnit("1")
	m.SetDescription("Active alerts (pending or firing) of the threshold rules, one point each with value 1.")
	dps := m.SetEmptyGauge().DataPoints()
	ts := pcommon.NewTimestampFromTime(now)
	for i := range alerts {
		al := &alerts[i]
		dp := dps.AppendEmpty()
		dp.SetTimestamp(ts)
		dp.SetIntValue(1)
		a := dp.Attributes()
		for _, l := range al.Labels {
			a.PutStr(l.Key, l.Value)
		}
		for k, v := range al.RuleLabels {
			a.PutStr(k, v)
		}
		a.PutStr("alertname", al.Rule)
		a.PutStr("severity", al.Severity)
		a.PutStr("state", al.State)
		a.PutStr(AttrFingerprint, threshold.FormatFingerprint(al.Fingerprint))
	}
	return md
}
