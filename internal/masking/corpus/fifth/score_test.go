package fifth_test

import (
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/contact"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/fifth"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

func cases(seed uint64, n int) []score.Case {
	return contact.Cases(fifth.Generate(seed, n), func(l fifth.Line) (corpus.Line, []string, []string) {
		return l.Line, l.Classes, l.LookClasses
	})
}

// TestFifthCorpusStrict is the first-contact score of the engine on the
// fifth corpus (contact.FirstContact): every detector on, 0 leaks, at most
// 0.5 % altered look-alikes, idempotent. It runs only with MASKING_FIFTH=1;
// MASKING_CORPUS_LINES and MASKING_SEED change the corpus.
func TestFifthCorpusStrict(t *testing.T) {
	contact.FirstContact(t, contact.Corpus{Name: "fifth", Env: "MASKING_FIFTH", Seed: fifth.DefaultSeed, Lines: fifth.DefaultLines, Cases: cases})
}

// The corpus's kinds are the engine's detector names (this does not run
// the engine).
func TestKindsAreDetectors(t *testing.T) {
	t.Parallel()
	contact.CheckKinds(t, cases(fifth.DefaultSeed, 2000))
}
