package alertmanagerexporter

import (
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold/notify"
	"github.com/otelcol-ems/otelcol-ems/internal/threshold/runner"
)

// toUpdate reads one alert event; ok is false for records that are not a
// firing or resolved alert event.
func toUpdate(lr plog.LogRecord, generatorURL string, defaultInterval time.Duration) (notify.Update, bool) {
	if lr.EventName() != runner.EventName {
		return notify.Update{}, false
	}
	a := lr.Attributes()
	name := str(a, runner.AttrName)
	state := str(a, runner.AttrState)
	if name == "" || (state != "firing" && state != "resolved") {
		return notify.Update{}, false
	}
	u := notify.Update{Firing: state == "firing", Labels: map[string]string{"alertname": name},
		Annotations: map[string]string{}, GeneratorURL: generatorURL, EvaluationInterval: defaultInterval}
	for k, v := range a.All() {
		switch {
		case strings.HasPrefix(k, runner.AttrAnnotationPrefix):
			u.Annotations[strings.TrimPrefix(k, runner.AttrAnnotationPrefix)] = v.AsString()
		case k == runner.AttrSeverity:
			u.Labels["severity"] = v.AsString()
		case k == runner.AttrEvaluationInterval && defaultInterval == 0:
			u.EvaluationInterval = time.Duration(v.Int()) * time.Second
		case strings.HasPrefix(k, "alert."):
		default:
			u.Labels[labelName(k)] = v.AsString()
		}
	}
	if _, ok := u.Annotations["summary"]; !ok && lr.Body().AsString() != "" {
		u.Annotations["summary"] = lr.Body().AsString()
	}
	u.Key = str(a, runner.AttrFingerprint)
	if u.Key == "" {
		u.Key = labelsKey(u.Labels)
	}
	u.At = lr.Timestamp().AsTime()
	if lr.Timestamp() == 0 {
		u.At = lr.ObservedTimestamp().AsTime()
	}
	if t, err := time.Parse(time.RFC3339Nano, str(a, runner.AttrFiredAt)); err == nil {
		u.StartsAt = t
	}
	return u, true
}

func str(m pcommon.Map, k string) string {
	if v, ok := m.Get(k); ok {
		return v.AsString()
	}
	return ""
}

// labelName turns an attribute key into an Alertmanager label name.
func labelName(k string) string {
	b := []byte(k)
	for i, c := range b {
		ok := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (i > 0 && c >= '0' && c <= '9')
		if !ok {
			b[i] = '_'
		}
	}
	return string(b)
}

func labelsKey(ls map[string]string) string {
	var b strings.Builder
	for _, k := range sortedKeys(ls) {
		b.WriteString(k)
		b.WriteByte(0xff)
		b.WriteString(ls[k])
		b.WriteByte(0xfe)
	}
	return b.String()
}
