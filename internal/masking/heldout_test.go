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

// requireStrictClean masks lines with every detector on (the strict
// preset) and requires 0 surviving secrets and at most 0.5% altered
// look-alikes; the score is logged by class.
func requireStrictClean(t *testing.T, name string, lines []corpus.Line) {
	t.Helper()
	s := strictScore(t, lines)
	logScore(t, name, s)
	require.Greater(t, s.Secrets, 1000)
	assert.Zero(t, s.Leaks, "first leak: %s", s.FirstLeak)
	assert.LessOrEqual(t, float64(s.Altered), 0.005*float64(s.LookAlikes), "first altered: %s", s.FirstAltered)
}

// TestHeldOutCorpus reports on the corpus written before any tuning.
func TestHeldOutCorpus(t *testing.T) {
	t.Parallel()
	requireStrictClean(t, "held-out", heldout.Generate(1, corpusSize(), 0.5))
}

// TestExistingCorpusStrict is the existing corpus with every detector on.
func TestExistingCorpusStrict(t *testing.T) {
	t.Parallel()
	requireStrictClean(t, "existing, strict", corpus.Generate(1, corpusSize(), 0.4))
}

// TestBlindCorpus reports on the third corpus, written after the held-out
// set had revealed two fixes.
func TestBlindCorpus(t *testing.T) {
	t.Parallel()
	requireStrictClean(t, "blind", blind.Generate(1, corpusSize(), 0.5))
}

// TestContextCorpus is the tuning set of the context layer.
func TestContextCorpus(t *testing.T) {
	t.Parallel()
	requireStrictClean(t, "context (tuning)", corpus.GenerateContext(21, corpusSize(), 0.5))
}
