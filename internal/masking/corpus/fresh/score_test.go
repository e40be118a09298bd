package fresh_test

import (
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/contact"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/fresh"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

func cases(seed uint64, n int) []score.Case {
	return contact.Cases(fresh.Generate(seed, n), func(l fresh.Line) (corpus.Line, []string, []string) {
		return l.Line, l.Classes, l.LookClasses
	})
}

// TestFreshCorpusStrict is the first-contact score of the engine on the
// fresh corpus (contact.FirstContact): every detector on, 0 leaks, at most
// 0.5 % altered look-alikes, idempotent. It runs only with MASKING_FRESH=1;
// MASKING_CORPUS_LINES and MASKING_SEED change the corpus.
func TestFreshCorpusStrict(t *testing.T) {
	contact.FirstContact(t, contact.Corpus{Name: "fresh", Env: "MASKING_FRESH", Seed: fresh.DefaultSeed, Lines: fresh.DefaultLines, Cases: cases})
}

// The corpus's kinds are the engine's detector names (this does not run
// the engine).
func TestKindsAreDetectors(t *testing.T) {
	t.Parallel()
	contact.CheckKinds(t, cases(fresh.DefaultSeed, 2000))
}
