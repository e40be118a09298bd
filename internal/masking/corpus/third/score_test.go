package third_test

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/third"
)

// The scoring is independent of the detectors: a secret leaks when its value
// survives, or when a window of 60 % of it (at least 6 bytes) survives that
// did not occur elsewhere in the input line; a look-alike is altered when
// the output holds fewer copies of it than the input.

type tally struct{ planted, leaked int }

type result struct {
	lines, secrets, leaked, lookAlikes, altered, cleanLines, cleanChanged, notIdempotent int
	byClass, byKind                                                                      map[string]*tally
	lookByFormat                                                                         map[string]*tally
	leakExamples                                                                         map[string][]string
	alterExamples                                                                        map[string][]string
}

func leaks(secret, in, out string) bool {
	if strings.Contains(out, secret) {
		return true
	}
	k := max(6, (len(secret)*6+9)/10)
	if k >= len(secret) {
		return false
	}
	ambient := strings.ReplaceAll(in, secret, "\x00")
	for i := 0; i+k <= len(secret); i++ {
		w := secret[i : i+k]
		if strings.Contains(out, w) && !strings.Contains(ambient, w) {
			return true
		}
	}
	return false
}

func score(lines []third.Line, mask func(string) string) result {
	r := result{byClass: map[string]*tally{}, byKind: map[string]*tally{}, lookByFormat: map[string]*tally{},
		leakExamples: map[string][]string{}, alterExamples: map[string][]string{}}
	get := func(m map[string]*tally, k string) *tally {
		if m[k] == nil {
			m[k] = &tally{}
		}
		return m[k]
	}
	for _, l := range lines {
		r.lines++
		out := mask(l.Text)
		if mask(out) != out {
			r.notIdempotent++
		}
		if len(l.Secrets) == 0 {
			r.cleanLines++
			if out != l.Text {
				r.cleanChanged++
			}
		}
		for i, s := range l.Secrets {
			r.secrets++
			c, k := get(r.byClass, l.Classes[i]), get(r.byKind, s.Kind)
			c.planted++
			k.planted++
			if leaks(s.Value, l.Text, out) {
				r.leaked++
				c.leaked++
				k.leaked++
				if len(r.leakExamples[l.Classes[i]]) < 2 {
					r.leakExamples[l.Classes[i]] = append(r.leakExamples[l.Classes[i]], fmt.Sprintf("%q in %q", s.Value, out))
				}
			}
		}
		f := get(r.lookByFormat, l.Format)
		for _, la := range l.LookAlikes {
			r.lookAlikes++
			f.planted++
			if strings.Count(out, la) < strings.Count(l.Text, la) {
				r.altered++
				f.leaked++
				if len(r.alterExamples[l.Format]) < 2 {
					r.alterExamples[l.Format] = append(r.alterExamples[l.Format], fmt.Sprintf("%q in %q", la, out))
				}
			}
		}
	}
	return r
}

func keys(m map[string]*tally) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (r result) log(t *testing.T) {
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	t.Logf("third: %d lines; secrets %d, leaked %d (%.2f%%); look-alikes %d, altered %d (%.3f%%); clean lines %d, changed %d; not idempotent %d",
		r.lines, r.secrets, r.leaked, pct(r.leaked, r.secrets), r.lookAlikes, r.altered, pct(r.altered, r.lookAlikes), r.cleanLines, r.cleanChanged, r.notIdempotent)
	for _, k := range keys(r.byKind) {
		t.Logf("  detector %-13s %7d planted %6d leaked", k, r.byKind[k].planted, r.byKind[k].leaked)
	}
	for _, k := range keys(r.byClass) {
		t.Logf("  class %-28s %7d planted %6d leaked", k, r.byClass[k].planted, r.byClass[k].leaked)
	}
	for _, k := range keys(r.lookByFormat) {
		t.Logf("  look-alikes %-18s %7d %6d altered", k, r.lookByFormat[k].planted, r.lookByFormat[k].leaked)
	}
	for _, k := range sortedKeys(r.leakExamples) {
		for _, e := range r.leakExamples[k] {
			t.Logf("  leak %s: %s", k, e)
		}
	}
	for _, k := range sortedKeys(r.alterExamples) {
		for _, e := range r.alterExamples[k] {
			t.Logf("  altered %s: %s", k, e)
		}
	}
}

func sortedKeys(m map[string][]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func corpusSize() int {
	if v, err := strconv.Atoi(os.Getenv("MASKING_CORPUS_LINES")); err == nil && v > 0 {
		return v
	}
	return 25000
}

func strictMasker(t *testing.T) func(string) string {
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors(), SecretKeys: masking.DefaultSecretKeys})
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	return func(s string) string {
		out, _ := m.MaskString("", s, counts)
		return out
	}
}

// TestThirdCorpusStrict is the acceptance score on formats the engine was
// not tuned on: every detector on, 0 leaks, at most 0.5 % altered look-alikes.
func TestThirdCorpusStrict(t *testing.T) {
	t.Parallel()
	r := score(third.Generate(corpusSeed(), corpusSize(), 0.5), strictMasker(t))
	r.log(t)
	assert.Zero(t, r.leaked, "leaked secrets")
	assert.LessOrEqual(t, float64(r.altered), 0.005*float64(r.lookAlikes), "altered look-alikes")
	assert.Zero(t, r.notIdempotent, "masking twice changes nothing")
}

// The scorer itself: a leak is found whole or in part, a mask is not a leak.
func TestScorer(t *testing.T) {
	t.Parallel()
	in := "user=minji.kim@naver.com ip=10.1.2.3 v=Chrome/124.0.0.0"
	assert.True(t, leaks("minji.kim@naver.com", in, in))
	assert.True(t, leaks("minji.kim@naver.com", in, "user=[REDACTED:email].kim@naver.com"))
	assert.False(t, leaks("minji.kim@naver.com", in, "user=[REDACTED:email] ip=10.1.2.3"))
	assert.False(t, leaks("minji.kim@naver.com", in+" naver.com", "user=minji[REDACTED:email] naver.com"))
}

// corpusSeed is 1 (the first-contact seed) unless MASKING_CORPUS_SEED says otherwise.
func corpusSeed() uint64 {
	if v, err := strconv.ParseUint(os.Getenv("MASKING_CORPUS_SEED"), 10, 64); err == nil {
		return v
	}
	return 1
}
