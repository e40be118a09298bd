package masking_test

import (
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/blind"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/heldout"
)

// logScore logs a score by class: leaks per secret kind, altered
// look-alikes per format.
func logScore(t *testing.T, name string, s Score) {
	t.Helper()
	t.Logf("%s: secrets %d, leaks %d; look-alikes %d, altered %d (%.3f%%)", name, s.Secrets, s.Leaks, s.LookAlikes, s.Altered,
		100*float64(s.Altered)/float64(max(1, s.LookAlikes)))
	kinds := make([]string, 0, len(s.SecretsByKind))
	for k := range s.SecretsByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("  secret %-13s %6d planted %5d leaked", k, s.SecretsByKind[k], s.LeaksByKind[k])
	}
	formats := make([]string, 0, len(s.LookAlikesByFormat))
	for f := range s.LookAlikesByFormat {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	for _, f := range formats {
		t.Logf("  look-alikes %-14s %6d %5d altered", f, s.LookAlikesByFormat[f], s.AlteredByFormat[f])
	}
	for _, e := range s.LeakExamples {
		t.Logf("  leak: %q", e)
	}
	for _, e := range s.AlteredExamples {
		t.Logf("  altered: %q", e)
	}
}

func strictScore(t *testing.T, lines []corpus.Line) Score {
	t.Helper()
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors()})
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	return score(lines, strictKinds(), func(in string) string {
		out, _ := m.MaskString("", in, counts)
		return out
	})
}

// TestHeldOutCorpus reports on the corpus the detectors were not tuned on,
// with every detector on (the strict preset).
func TestHeldOutCorpus(t *testing.T) {
	t.Parallel()
	s := strictScore(t, heldout.Generate(1, corpusSize(), 0.5))
	logScore(t, "held-out", s)
	require.Greater(t, s.Secrets, 1000)
	assert.Zero(t, s.Leaks, "first leak: %s", s.FirstLeak)
	assert.LessOrEqual(t, float64(s.Altered), 0.005*float64(s.LookAlikes), "first altered: %s", s.FirstAltered)
}

// TestExistingCorpusStrict is the existing corpus with every detector on.
func TestExistingCorpusStrict(t *testing.T) {
	t.Parallel()
	s := strictScore(t, corpus.Generate(1, corpusSize(), 0.4))
	logScore(t, "existing, strict", s)
	require.Greater(t, s.Secrets, 1000)
	assert.Zero(t, s.Leaks, "first leak: %s", s.FirstLeak)
	assert.LessOrEqual(t, float64(s.Altered), 0.005*float64(s.LookAlikes), "first altered: %s", s.FirstAltered)
}

// TestBlindCorpus reports on the third corpus, written after the held-out
// set had revealed two fixes and never tuned on.
func TestBlindCorpus(t *testing.T) {
	t.Parallel()
	s := strictScore(t, blind.Generate(1, corpusSize(), 0.5))
	logScore(t, "blind", s)
	require.Greater(t, s.Secrets, 1000)
	assert.Zero(t, s.Leaks, "first leak: %s", s.FirstLeak)
	assert.LessOrEqual(t, float64(s.Altered), 0.005*float64(s.LookAlikes), "first altered: %s", s.FirstAltered)
}
