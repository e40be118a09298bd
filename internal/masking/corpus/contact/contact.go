// Package contact runs the masking engine on a generated corpus for the
// corpora's score tests: the strict masker, the one-time first-contact
// score (run only when its environment variable is set, and recorded before
// anyone tunes on the corpus), and the check that a corpus's kinds are the
// engine's detector names. The scoring rule itself is corpus/score's.
package contact

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

// Cases makes scoring cases of a corpus's lines; parts returns a line's
// corpus.Line and its secret and look-alike classes (see score.FromLine).
func Cases[L any](lines []L, parts func(L) (corpus.Line, []string, []string)) []score.Case {
	cs := make([]score.Case, len(lines))
	for i, l := range lines {
		cs[i] = score.FromLine(parts(l))
	}
	return cs
}

// Strict returns a mask function with every built-in detector on (the
// `strict` preset) and the default secret keys.
func Strict(t testing.TB) func(string) string {
	t.Helper()
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors(), SecretKeys: masking.DefaultSecretKeys})
	require.NoError(t, err)
	counts := make([]int64, m.NumCounters())
	return func(s string) string {
		out, _ := m.MaskString("", s, counts)
		return out
	}
}

// EnvUint is the positive integer in the environment variable name, or def.
func EnvUint(name string, def uint64) uint64 {
	if v, err := strconv.ParseUint(os.Getenv(name), 10, 64); err == nil && v > 0 {
		return v
	}
	return def
}

// Corpus is a corpus under first contact.
type Corpus struct {
	// Name names it in the summary ("fifth").
	Name string
	// Env is the variable that must be "1" for the score to run
	// ("MASKING_FIFTH").
	Env string
	// Seed and Lines are the scored run's defaults; MASKING_SEED and
	// MASKING_CORPUS_LINES override them.
	Seed  uint64
	Lines int
	// Cases generates n lines of seed as scoring cases.
	Cases func(seed uint64, n int) []score.Case
}

// FirstContact scores the strict engine on c: 0 leaked secrets, at most
// 0.5 % altered look-alikes, and masking twice changes nothing. Without
// c.Env=1 it skips, saying so: the first run is a one-time event the lead
// performs, and its result is recorded before anyone tunes on it. It is
// expected to fail if the engine does not generalise; the summary printed
// to stdout says where.
func FirstContact(t *testing.T, c Corpus) {
	t.Helper()
	if os.Getenv(c.Env) != "1" {
		t.Skipf("set %s=1 to score the engine on the %s corpus (a one-time first contact, run by the lead)", c.Env, c.Name)
	}
	seed, n := EnvUint("MASKING_SEED", c.Seed), int(EnvUint("MASKING_CORPUS_LINES", uint64(c.Lines)))
	r := score.Run(c.Cases(seed, n), Strict(t))
	fmt.Println(r.Summary(fmt.Sprintf("%s (seed %d, %d lines, strict)", c.Name, seed, n)))
	assert.Zero(t, r.Leaked, "leaked secrets")
	assert.LessOrEqual(t, r.AlteredRate(), 0.005, "altered look-alikes")
	assert.Zero(t, r.NotIdempotent, "masking twice changes nothing")
}

// CheckKinds checks that every secret of cases has a detector name as its
// kind. It reads the names only; it does not run the engine.
func CheckKinds(t *testing.T, cases []score.Case) {
	t.Helper()
	names := map[string]bool{}
	for _, k := range masking.KindNames() {
		names[k] = true
	}
	for _, c := range cases {
		for _, s := range c.Secrets {
			require.True(t, names[s.Kind], "kind %q is a detector name", s.Kind)
		}
	}
}
