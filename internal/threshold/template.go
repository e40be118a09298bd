package threshold

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"
)

// TemplateData is what annotation templates see.
type TemplateData struct {
	// Labels of the alert, by label name (attribute keys with dots turned
	// into underscores: host.name is .Labels.host_name).
	Labels map[string]string
	// Value is the aggregated value (NaN for no data).
	Value float64
	// Threshold is the value of the condition that decided the state.
	Threshold float64
	// Severity is warning or critical; empty for resolved and pending.
	Severity string
	// State is pending, firing or resolved.
	State string
	// Name is the rule name.
	Name string
}

var funcs = template.FuncMap{
	"humanize":           humanize,
	"humanizePercentage": humanizePercentage,
	"humanizeDuration":   humanizeDuration,
}

type templates struct {
	names []string
	t     []*template.Template
}

func compileTemplates(ann map[string]string) (*templates, error) {
	ts := &templates{}
	for k := range ann {
		ts.names = append(ts.names, k)
	}
	slices.Sort(ts.names)
	probe := TemplateData{Labels: map[string]string{}, Value: 1, Threshold: 1, Severity: SeverityWarning, State: "firing", Name: "probe"}
	for _, k := range ts.names {
		t, err := template.New(k).Funcs(funcs).Option("missingkey=zero").Parse(ann[k])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		// Executing once with sample data catches unknown fields and bad
		// function arguments at start, not at the first alert.
		if err := t.Execute(&strings.Builder{}, probe); err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		ts.t = append(ts.t, t)
	}
	return ts, nil
}

// render executes every template; a failing one yields its error text so an
// alert is never lost to a template.
func (ts *templates) render(d *TemplateData) map[string]string {
	if len(ts.t) == 0 {
		return nil
	}
	out := make(map[string]string, len(ts.t))
	var b strings.Builder
	for i, t := range ts.t {
		b.Reset()
		if err := t.Execute(&b, d); err != nil {
			out[ts.names[i]] = "template error: " + err.Error()
			continue
		}
		out[ts.names[i]] = b.String()
	}
	return out
}

func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case float32:
		return float64(x), nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	case time.Duration:
		return x.Seconds(), nil
	case string:
		return strconv.ParseFloat(x, 64)
	}
	return 0, fmt.Errorf("cannot humanize %T", v)
}

// humanize formats a number with SI prefixes: 1234567 is "1.235M".
func humanize(v any) (string, error) {
	f, err := toFloat(v)
	if err != nil {
		return "", err
	}
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Sprintf("%.4g", f), nil
	}
	abs := math.Abs(f)
	if abs >= 1 {
		prefixes := []string{"", "k", "M", "G", "T", "P", "E", "Z", "Y"}
		i := 0
		for abs >= 1000 && i < len(prefixes)-1 {
			abs /= 1000
			f /= 1000
			i++
		}
		return fmt.Sprintf("%.4g%s", f, prefixes[i]), nil
	}
	prefixes := []string{"", "m", "u", "n", "p", "f", "a", "z", "y"}
	i := 0
	for abs < 1 && i < len(prefixes)-1 {
		abs *= 1000
		f *= 1000
		i++
	}
	return fmt.Sprintf("%.4g%s", f, prefixes[i]), nil
}

// humanizePercentage formats a ratio as a percentage: 0.853 is "85.3%".
func humanizePercentage(v any) (string, error) {
	f, err := toFloat(v)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%.4g%%", f*100), nil
}

// humanizeDuration formats seconds as days, hours, minutes and seconds:
// 3725 is "1h 2m 5s"; below a second it uses ms, us, ns.
func humanizeDuration(v any) (string, error) {
	f, err := toFloat(v)
	if err != nil {
		return "", err
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Sprintf("%.4g", f), nil
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	if f < 1 {
		if f == 0 {
			return "0s", nil
		}
		for _, u := range []struct {
			s string
			m float64
		}{{"ms", 1e3}, {"us", 1e6}, {"ns", 1e9}} {
			if f*u.m >= 1 || u.s == "ns" {
				return fmt.Sprintf("%s%.4g%s", sign, f*u.m, u.s), nil
			}
		}
	}
	secs := int64(f)
	d, h, m, s := secs/86400, secs/3600%24, secs/60%60, secs%60
	var parts []string
	if d > 0 {
		parts = append(parts, fmt.Sprintf("%dd", d))
	}
	if h > 0 {
		parts = append(parts, fmt.Sprintf("%dh", h))
	}
	if m > 0 {
		parts = append(parts, fmt.Sprintf("%dm", m))
	}
	if s > 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%ds", s))
	}
	return sign + strings.Join(parts, " "), nil
}
