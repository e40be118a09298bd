package third_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/contact"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/third"
)

// The scoring rule lives in corpus/score (shared with the fresh corpus).

func cases(lines []third.Line) []score.Case {
	cs := make([]score.Case, len(lines))
	for i, l := range lines {
		cs[i] = score.FromLine(l.Line, l.Classes, nil)
	}
	return cs
}

func corpusSize() int {
	if v, err := strconv.Atoi(os.Getenv("MASKING_CORPUS_LINES")); err == nil && v > 0 {
		return v
	}
	return 25000
}

// TestThirdCorpusStrict is the acceptance score on formats the engine was
// not tuned on: every detector on, 0 leaks, at most 0.5 % altered look-alikes.
func TestThirdCorpusStrict(t *testing.T) {
	t.Parallel()
	r := score.Run(cases(third.Generate(corpusSeed(), corpusSize(), 0.5)), contact.Strict(t))
	t.Log(r.Summary("third"))
	assert.Zero(t, r.Leaked, "leaked secrets")
	assert.LessOrEqual(t, float64(r.Altered), 0.005*float64(r.LookAlikes), "altered look-alikes")
	assert.Zero(t, r.NotIdempotent, "masking twice changes nothing")
}

// The scorer itself: a leak is found whole or in part, a mask is not a leak.
func TestScorer(t *testing.T) {
	t.Parallel()
	in := "user=minji.kim@naver.com ip=10.1.2.3 v=Chrome/124.0.0.0"
	assert.True(t, score.Leaks("minji.kim@naver.com", in, in))
	assert.True(t, score.Leaks("minji.kim@naver.com", in, "user=[REDACTED:email].kim@naver.com"))
	assert.False(t, score.Leaks("minji.kim@naver.com", in, "user=[REDACTED:email] ip=10.1.2.3"))
	assert.False(t, score.Leaks("minji.kim@naver.com", in+" naver.com", "user=minji[REDACTED:email] naver.com"))
}

// corpusSeed is 1 (the first-contact seed) unless MASKING_CORPUS_SEED says otherwise.
func corpusSeed() uint64 {
	if v, err := strconv.ParseUint(os.Getenv("MASKING_CORPUS_SEED"), 10, 64); err == nil {
		return v
	}
	return 1
}
