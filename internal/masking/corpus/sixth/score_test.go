package sixth_test

import (
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/contact"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/sixth"
)

func cases(seed uint64, n int) []score.Case {
	return contact.Cases(sixth.Generate(seed, n), func(l sixth.Line) (corpus.Line, []string, []string) {
		return l.Line, l.Classes, l.LookClasses
	})
}

// TestSixthCorpusStrict is the first-contact score of the engine on the
// sixth corpus (contact.FirstContact): every detector on, 0 leaks, at most
// 0.5 % altered look-alikes, idempotent. It runs only with MASKING_SIXTH=1;
// MASKING_CORPUS_LINES and MASKING_SEED change the corpus.
func TestSixthCorpusStrict(t *testing.T) {
	contact.FirstContact(t, contact.Corpus{Name: "sixth", Env: "MASKING_SIXTH", Seed: sixth.DefaultSeed, Lines: sixth.DefaultLines, Cases: cases})
}

// The corpus's kinds are the engine's detector names (this does not run
// the engine).
func TestKindsAreDetectors(t *testing.T) {
	t.Parallel()
	contact.CheckKinds(t, cases(sixth.DefaultSeed, 2000))
}
