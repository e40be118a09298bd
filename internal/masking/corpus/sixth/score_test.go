package sixth_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/sixth"
)

func cases(lines []sixth.Line) []score.Case {
	cs := make([]score.Case, len(lines))
	for i, l := range lines {
		cs[i] = score.FromLine(l.Line, l.Classes, l.LookClasses)
	}
	return cs
}

func envInt(name string, def uint64) uint64 {
	if v, err := strconv.ParseUint(os.Getenv(name), 10, 64); err == nil && v > 0 {
		return v
	}
	return def
}

// TestSixthCorpusStrict is the first-contact score of the engine on the
// sixth corpus: every detector on (preset strict), 0 leaks and at most
// 0.5 % altered look-alikes. It runs only with MASKING_SIXTH=1: the first
// run is a one-time event the lead performs after the merge, and its result
// is recorded before anyone tunes on it. MASKING_CORPUS_LINES (default
// 50,000) and MASKING_SEED (default 1) change the corpus.
func TestSixthCorpusStrict(t *testing.T) {
	if os.Getenv("MASKING_SIXTH") != "1" {
		t.Skip("set MASKING_SIXTH=1 to score the engine on the sixth corpus (a one-time first contact, run by the lead)")
	}
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors(), SecretKeys: masking.DefaultSecretKeys})
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	mask := func(s string) string {
		out, _ := m.MaskString("", s, counts)
		return out
	}
	seed, n := envInt("MASKING_SEED", sixth.DefaultSeed), int(envInt("MASKING_CORPUS_LINES", sixth.DefaultLines))
	r := score.Run(cases(sixth.Generate(seed, n)), mask)
	fmt.Println(r.Summary(fmt.Sprintf("sixth (seed %d, strict)", seed)))
	assert.Zero(t, r.Leaked, "leaked secrets")
	assert.LessOrEqual(t, r.AlteredRate(), 0.005, "altered look-alikes")
	assert.Zero(t, r.NotIdempotent, "masking twice changes nothing")
}

// The corpus's kinds are the engine's detector names (this does not run
// the engine).
func TestKindsAreDetectors(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for _, k := range masking.KindNames() {
		names[k] = true
	}
	for _, l := range sixth.Generate(sixth.DefaultSeed, 2000) {
		for _, s := range l.Secrets {
			require.True(t, names[s.Kind], "kind %q", s.Kind)
		}
	}
}
