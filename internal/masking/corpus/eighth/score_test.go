package eighth_test

import (
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/contact"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/eighth"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

func cases(seed uint64, n int) []score.Case {
	return contact.Cases(eighth.Generate(seed, n), func(l eighth.Line) (corpus.Line, []string, []string) {
		return l.Line, l.Classes, l.LookClasses
	})
}

// TestEighthCorpusStrict is the first-contact score of the engine on the
// eighth corpus (contact.FirstContact): every detector on, 0 leaks, at most
// 0.5 % altered look-alikes, idempotent. It runs only with MASKING_EIGHTH=1;
// MASKING_CORPUS_LINES and MASKING_SEED change the corpus.
func TestEighthCorpusStrict(t *testing.T) {
	contact.FirstContact(t, contact.Corpus{Name: "eighth", Env: "MASKING_EIGHTH", Seed: eighth.DefaultSeed, Lines: eighth.DefaultLines, Cases: cases})
}

// The corpus's kinds are the engine's detector names (this does not run
// the engine).
func TestKindsAreDetectors(t *testing.T) {
	t.Parallel()
	contact.CheckKinds(t, cases(eighth.DefaultSeed, 2000))
}
