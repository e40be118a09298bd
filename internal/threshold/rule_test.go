package threshold

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func okRule() Rule {
	return Rule{Name: "HighCPU", Metric: "cpu", Warning: &Condition{Op: ">", Value: 0.8}}
}

func TestRuleValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		modify func(r *Rule)
		err    string
	}{
		{"ok", func(*Rule) {}, ""},
		{"no name", func(r *Rule) { r.Name = "" }, `rule for metric "cpu": name: required`},
		{"bad name", func(r *Rule) { r.Name = "high cpu" }, `rule "high cpu": name: must match`},
		{"no metric", func(r *Rule) { r.Metric = "" }, `rule "HighCPU": metric: required`},
		{"aggregate", func(r *Rule) { r.Aggregate = "median" }, `rule "HighCPU": aggregate: "median" is not one of`},
		{"quantile", func(r *Rule) { r.Aggregate = AggQuantile; r.Quantile = 1.5 }, `aggregate: quantile 1.5 is not in [0, 1]`},
		{"op", func(r *Rule) { r.Warning.Op = "=>" }, `rule "HighCPU": warning: op "=>" is not one of`},
		{"no condition", func(r *Rule) { r.Warning = nil }, `warning: a rule needs warning, critical or both`},
		{"NaN", func(r *Rule) { r.Critical = &Condition{Op: ">", Value: math.NaN()} }, `critical: value is NaN`},
		{"regexp", func(r *Rule) { r.MatchRE = map[string]string{"state": "("} }, `rule "HighCPU": match: state: error parsing regexp`},
		{"resource regexp", func(r *Rule) { r.ResourceMatchRE = map[string]string{"host.name": "["} }, `resource_match: host.name:`},
		{"window", func(r *Rule) { r.Window = -time.Second }, `window: must not be negative`},
		{"for", func(r *Rule) { r.For = -time.Second }, `for: must not be negative`},
		{"group_by", func(r *Rule) { r.GroupBy = []string{"a", "a"} }, `group_by: duplicate attribute`},
		{"flapping", func(r *Rule) { r.Flapping = &Flapping{Window: time.Minute, MaxChanges: 1} }, `flapping.max_changes: must be at least 2`},
		{"no_data", func(r *Rule) { r.NoData = &NoData{After: time.Minute, Severity: "page"} }, `no_data.severity: "page" is not warning or critical`},
		{"no_data after", func(r *Rule) { r.NoData = &NoData{} }, `no_data.after: must be positive`},
		{"label", func(r *Rule) { r.Labels = map[string]string{"severity": "x"} }, `labels: "severity" is set by the engine`},
		{"template parse", func(r *Rule) { r.Annotations = map[string]string{"summary": "{{ .Value "} }, `rule "HighCPU": annotations: summary: template: summary:1: unclosed action`},
		{"template field", func(r *Rule) { r.Annotations = map[string]string{"summary": "{{ .Nope }}"} }, `can't evaluate field Nope`},
		{"template func", func(r *Rule) { r.Annotations = map[string]string{"summary": "{{ humanize .Labels }}"} }, `cannot humanize map[string]string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := okRule()
			tt.modify(&r)
			err := r.Validate()
			if tt.err == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestValidateRulesDuplicateName(t *testing.T) {
	t.Parallel()
	err := ValidateRules([]Rule{okRule(), okRule()})
	require.ErrorContains(t, err, `rules[1] "HighCPU": name: used by another rule`)
}

func TestHumanize(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]string{0: "0", 1: "1", 999: "999", 1234: "1.234k", 1234567: "1.235M", 0.5: "500m", 0.0000012: "1.2u", -2500: "-2.5k"} {
		got, err := humanize(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, "humanize(%v)", in)
	}
	for in, want := range map[float64]string{0.853: "85.3%", 1: "100%", 0: "0%"} {
		got, err := humanizePercentage(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	for in, want := range map[float64]string{0: "0s", 59: "59s", 60: "1m", 3725: "1h 2m 5s", 90061: "1d 1h 1m 1s", 0.25: "250ms", 0.000002: "2us", -61: "-1m 1s"} {
		got, err := humanizeDuration(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, "humanizeDuration(%v)", in)
	}
	_, err := humanize("abc")
	require.Error(t, err)
}

func TestFingerprintStable(t *testing.T) {
	t.Parallel()
	// A fixed value: fingerprints are persisted and sent to Alertmanager, so
	// they must not change between versions or processes.
	fp := fingerprint("HighCPU", []Label{{Name: "host_name", Value: "db-1"}})
	assert.Equal(t, "f3aa75983915d4fd", FormatFingerprint(fp))
	assert.Equal(t, identityHash([]KV{{"a", "1"}}, []KV{{"b", "2"}, {"c", "3"}}), identityHash([]KV{{"a", "1"}}, []KV{{"c", "3"}, {"b", "2"}}))
	assert.NotEqual(t, identityHash([]KV{{"a", "1"}}, nil), identityHash(nil, []KV{{"a", "1"}}))
}

func TestSnapshotGarbage(t *testing.T) {
	t.Parallel()
	e, err := New(Config{Rules: []Rule{okRule()}})
	require.NoError(t, err)
	_, err = e.Restore([]byte("{"), 1)
	require.ErrorContains(t, err, "alert state:")
	_, err = e.Restore([]byte(`{"version":99}`), 1)
	require.ErrorContains(t, err, "version 99")
	evs, err := e.Restore(nil, 1)
	require.NoError(t, err)
	assert.Empty(t, evs)
}
