package masking_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// corpusSize is scaled by MASKING_CORPUS_LINES for long runs.
func corpusSize() int {
	if v, err := strconv.Atoi(os.Getenv("MASKING_CORPUS_LINES")); err == nil && v > 0 {
		return v
	}
	return 20000
}

// Score is the ground-truth result of masking a corpus.
type Score struct {
	Secrets, Leaks          int
	LookAlikes, Altered     int
	LeaksByKind             map[string]int
	SecretsByKind           map[string]int
	AlteredByFormat         map[string]int
	LookAlikesByFormat      map[string]int
	FirstLeak, FirstAltered string
	LeakExamples            []string
	AlteredExamples         []string
}

// score masks every line with mask and checks it against the ground truth;
// secrets of kinds not in kinds are ignored.
func score(lines []corpus.Line, kinds map[string]bool, mask func(string) string) Score {
	s := Score{LeaksByKind: map[string]int{}, SecretsByKind: map[string]int{}, AlteredByFormat: map[string]int{}, LookAlikesByFormat: map[string]int{}}
	for _, l := range lines {
		out := mask(l.Text)
		for _, sec := range l.Secrets {
			if !kinds[sec.Kind] {
				continue
			}
			s.Secrets++
			s.SecretsByKind[sec.Kind]++
			if strings.Contains(out, sec.Value) {
				s.Leaks++
				s.LeaksByKind[sec.Kind]++
				if len(s.LeakExamples) < 10 {
					s.LeakExamples = append(s.LeakExamples, sec.Kind+": "+sec.Value+" in "+out)
				}
				if s.FirstLeak == "" {
					s.FirstLeak = sec.Kind + ": " + sec.Value + " in " + out
				}
			}
		}
		for _, la := range l.LookAlikes {
			s.LookAlikes++
			s.LookAlikesByFormat[l.Format]++
			if !strings.Contains(out, la) {
				s.Altered++
				s.AlteredByFormat[l.Format]++
				if len(s.AlteredExamples) < 10 {
					s.AlteredExamples = append(s.AlteredExamples, la+" in "+out)
				}
				if s.FirstAltered == "" {
					s.FirstAltered = la + " in " + out
				}
			}
		}
	}
	return s
}

func TestCorpusGroundTruth(t *testing.T) {
	m, err := masking.New(masking.Config{Detectors: masking.DefaultDetectors()})
	require.NoError(t, err)
	kinds := map[string]bool{}
	for _, d := range masking.DefaultDetectors() {
		kinds[d.Kind.String()] = true
	}
	lines := corpus.Generate(1, corpusSize(), 0.4)
	counts := make([]int64, m.NumCounters())
	s := score(lines, kinds, func(in string) string {
		out, _ := m.MaskString("", in, counts)
		return out
	})
	t.Logf("secrets %d, leaks %d %v; look-alikes %d, altered %d (%.3f%%)", s.Secrets, s.Leaks, s.LeaksByKind,
		s.LookAlikes, s.Altered, 100*float64(s.Altered)/float64(s.LookAlikes))
	require.Greater(t, s.Secrets, 1000)
	assert.Zero(t, s.Leaks, "first leak: %s", s.FirstLeak)
	assert.LessOrEqual(t, float64(s.Altered), 0.005*float64(s.LookAlikes), "first altered: %s", s.FirstAltered)
}

func TestCorpusWithIPs(t *testing.T) {
	ds := append(masking.DefaultDetectors(), masking.Detector{Kind: masking.IPv4})
	m, err := masking.New(masking.Config{Detectors: ds})
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	s := score(corpus.Generate(2, 2000, 0.4), map[string]bool{"ipv4": true}, func(in string) string {
		out, _ := m.MaskString("", in, counts)
		return out
	})
	require.Greater(t, s.Secrets, 100)
	assert.Zero(t, s.Leaks, "first leak: %s", s.FirstLeak)
	assert.LessOrEqual(t, float64(s.Altered), 0.005*float64(s.LookAlikes), "first altered: %s", s.FirstAltered)
}

// strictKinds are the detector names of StrictDetectors.
func strictKinds() map[string]bool {
	kinds := map[string]bool{}
	for _, d := range masking.StrictDetectors() {
		kinds[d.Kind.String()] = true
	}
	return kinds
}
