package seventh_test

import (
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/contact"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/seventh"
)

func cases(seed uint64, n int) []score.Case {
	return contact.Cases(seventh.Generate(seed, n), func(l seventh.Line) (corpus.Line, []string, []string) {
		return l.Line, l.Classes, l.LookClasses
	})
}

// TestSeventhCorpusStrict is the first-contact score of the engine on the
// seventh corpus (contact.FirstContact): every detector on, 0 leaks, at
// most 0.5 % altered look-alikes, idempotent. It runs only with
// MASKING_SEVENTH=1; MASKING_CORPUS_LINES and MASKING_SEED change the
// corpus. The first run is the lead's, recorded before anyone tunes.
func TestSeventhCorpusStrict(t *testing.T) {
	contact.FirstContact(t, contact.Corpus{Name: "seventh", Env: "MASKING_SEVENTH", Seed: seventh.DefaultSeed, Lines: seventh.DefaultLines, Cases: cases})
}

// The corpus's kinds are the engine's detector names (this reads the
// names only; it does not run the engine).
func TestKindsAreDetectors(t *testing.T) {
	t.Parallel()
	contact.CheckKinds(t, cases(seventh.DefaultSeed, 3000))
}
