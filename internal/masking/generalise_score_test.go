package masking_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/blind"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/fifth"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/fresh"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/heldout"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/pairs"
	cscore "github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/sixth"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/third"
)

func plainCases(lines []corpus.Line) []cscore.Case {
	cs := make([]cscore.Case, len(lines))
	for i, l := range lines {
		classes := make([]string, len(l.Secrets))
		for k, s := range l.Secrets {
			classes[k] = s.Kind
		}
		cs[i] = cscore.FromLine(l, classes, nil)
	}
	return cs
}

// generaliseSets are every corpus the project has, at the sizes of the
// generalisation report: the tuned ones and the pairs report half.
func generaliseSets() []struct {
	name  string
	cases []cscore.Case
} {
	var fr, th, fi1, fi2, si []cscore.Case
	for _, l := range sixth.Generate(sixth.DefaultSeed, sixth.DefaultLines) {
		si = append(si, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
	}
	for _, l := range fifth.Generate(1, fifth.DefaultLines) {
		fi1 = append(fi1, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
	}
	for _, l := range fifth.Generate(2, fifth.DefaultLines) {
		fi2 = append(fi2, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
	}
	for _, l := range fresh.Generate(1, 50000) {
		fr = append(fr, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
	}
	for _, l := range third.Generate(1, 50000, 0.5) {
		th = append(th, cscore.FromLine(l.Line, l.Classes, nil))
	}
	return []struct {
		name  string
		cases []cscore.Case
	}{
		{"original (seed 1)", plainCases(corpus.Generate(1, 50000, 0.4))},
		{"context (seed 21)", plainCases(corpus.GenerateContext(21, 50000, 0.5))},
		{"held-out (seed 1)", plainCases(heldout.Generate(1, 50000, 0.5))},
		{"blind (seed 1)", plainCases(blind.Generate(1, 50000, 0.5))},
		{"third (seed 1)", th},
		{"fresh (seed 1)", fr},
		{"pairs tune (seed 1)", pairs.Generate(pairs.Tune, 1, pairs.DefaultLines)},
		{"pairs report (seed 7)", pairs.Generate(pairs.Report, 7, pairs.DefaultLines)},
		{"fifth (seed 1)", fi1},
		{"fifth (seed 2)", fi2},
		{"sixth (seed 1)", si},
	}
}

// TestGeneraliseReport prints, per corpus, leaks and altered look-alikes
// with the strict preset, and with the context-free opaque-token rule on
// top; MASKING_GENERALISE=1 runs it (the numbers of
// docs/benchmarks/masking-generalise-2026-12-02.md).
func TestGeneraliseReport(t *testing.T) {
	if os.Getenv("MASKING_GENERALISE") != "1" {
		t.Skip("set MASKING_GENERALISE=1 to print the generalisation report")
	}
	cfgs := []struct {
		name string
		cfg  masking.Config
	}{
		{"strict", masking.Config{Detectors: masking.StrictDetectors()}},
		{"strict+opaque_tokens", masking.Config{Detectors: masking.StrictDetectors(), OpaqueTokens: true}},
		{"strict, no deny_by_default", masking.Config{Detectors: noDenyByDefault()}},
	}
	for _, set := range generaliseSets() {
		for _, c := range cfgs {
			m, err := masking.New(c.cfg)
			require.NoError(t, err)
			counts := make([]int64, m.NumCounters())
			r := cscore.Run(set.cases, func(s string) string {
				out, _ := m.MaskString("", s, counts)
				return out
			})
			fmt.Printf("| %s | %s | %d | %d | %d (%.3f%%) | %d | %d (%.3f%%) | %d of %d | %d |\n", set.name, c.name, r.Lines, r.Secrets, r.Leaked,
				100*float64(r.Leaked)/float64(max(1, r.Secrets)), r.LookAlikes, r.Altered, 100*r.AlteredRate(), r.CleanChanged, r.CleanLines, r.NotIdempotent)
			if os.Getenv("MASKING_GENERALISE_DETAIL") == "1" && c.name != "strict" && set.name != "pairs report (seed 7)" {
				for k, ex := range r.AlterExamples {
					fmt.Println("  altered", k, ex)
				}
			}
		}
	}
}

// TestGeneraliseSeeds scores the strict preset on other seeds of every
// generated corpus (MASKING_GENERALISE_SEEDS=1): a rule that holds on one
// seed only would be a rule about that seed's values.
func TestGeneraliseSeeds(t *testing.T) {
	if os.Getenv("MASKING_GENERALISE_SEEDS") != "1" {
		t.Skip("set MASKING_GENERALISE_SEEDS=1 to score other seeds")
	}
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors()})
	require.NoError(t, err)
	for _, seed := range []uint64{2, 3} {
		var fr, th, fi, si []cscore.Case
		for _, l := range sixth.Generate(seed, sixth.DefaultLines) {
			si = append(si, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
		}
		for _, l := range fresh.Generate(seed, 50000) {
			fr = append(fr, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
		}
		for _, l := range third.Generate(seed, 50000, 0.5) {
			th = append(th, cscore.FromLine(l.Line, l.Classes, nil))
		}
		for _, l := range fifth.Generate(seed+1, fifth.DefaultLines) {
			fi = append(fi, cscore.FromLine(l.Line, l.Classes, l.LookClasses))
		}
		sets := []struct {
			name  string
			cases []cscore.Case
		}{
			{"original", plainCases(corpus.Generate(seed, 50000, 0.4))},
			{"context", plainCases(corpus.GenerateContext(seed+20, 50000, 0.5))},
			{"held-out", plainCases(heldout.Generate(seed, 50000, 0.5))},
			{"blind", plainCases(blind.Generate(seed, 50000, 0.5))},
			{"third", th},
			{"fresh", fr},
			{"pairs tune", pairs.Generate(pairs.Tune, seed+1, pairs.DefaultLines)},
			{"pairs report", pairs.Generate(pairs.Report, seed+7, pairs.DefaultLines)},
			{fmt.Sprintf("fifth (seed %d)", seed+1), fi},
			{"sixth", si},
		}
		for _, set := range sets {
			counts := make([]int64, m.NumCounters())
			r := cscore.Run(set.cases, func(s string) string {
				out, _ := m.MaskString("", s, counts)
				return out
			})
			fmt.Printf("| %s | %d | %d | %d | %d (%.3f%%) | %d | %d (%.3f%%) | %d of %d | %d |\n", set.name, seed, r.Lines, r.Secrets, r.Leaked,
				100*float64(r.Leaked)/float64(max(1, r.Secrets)), r.LookAlikes, r.Altered, 100*r.AlteredRate(), r.CleanChanged, r.CleanLines, r.NotIdempotent)
			if os.Getenv("MASKING_GENERALISE_DETAIL") == "1" {
				for k, ex := range r.LeakExamples {
					fmt.Println("  leak", k, ex)
				}
				for k, ex := range r.AlterExamples {
					fmt.Println("  altered", k, ex)
				}
			}
		}
	}
}

// noDenyByDefault is the strict preset without deny-by-default and random
// values: what the strict preset was before them.
func noDenyByDefault() []masking.Detector {
	ds := masking.StrictDetectors()
	for i := range ds {
		ds[i].DenyByDefault, ds[i].RandomValues = false, false
	}
	return ds
}
