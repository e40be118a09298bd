package masking_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/third"
)

// TestMemoMatchesMasker checks that a Memo returns exactly what its Masker
// returns (strings, changed flags, counters, key answers), on corpus lines
// and on their fields as short attribute-like values, each seen several
// times under several keys so that the memo answers from memory too.
func TestMemoMatchesMasker(t *testing.T) {
	t.Parallel()
	maskers := map[string]*masking.Masker{}
	def, err := masking.New(masking.Config{Detectors: masking.DefaultDetectors()})
	if err != nil {
		t.Fatal(err)
	}
	maskers["default"] = def
	strict, err := masking.New(masking.Config{
		Detectors:   masking.StrictDetectors(),
		Rules:       []masking.Rule{{Name: "emp", Pattern: `EMP-\d{6}`, Keys: []string{"user.*", "attr1"}}, {Name: "ord", Pattern: `ORD-\d+`}},
		ExcludeKeys: []string{"http.user_agent", "k8s.*"},
	})
	if err != nil {
		t.Fatal(err)
	}
	maskers["strict+rules"] = strict

	var values []string
	lines := append(corpus.Generate(3, 600, 0.5), corpus.GenerateContext(3, 300, 0.5)...)
	lines = append(lines, third.Plain(third.Generate(3, 300, 0.5))...)
	for _, l := range lines {
		values = append(values, l.Text)
		values = append(values, strings.FieldsFunc(l.Text, func(r rune) bool { return r == ' ' || r == ',' || r == '&' })...)
	}
	values = append(values, "EMP-123456", "user EMP-123456", "ORD-20240304-603457", "", "value-1-of-the-benchmark", strings.Repeat("a@b.co ", 40))
	keys := append(slices.Clone(equivKeys), "user.id", "k8s.pod.name", strings.Repeat("long_key_", 12)+"password", strings.Repeat("x", 200))

	for name, m := range maskers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			memo := m.NewMemo()
			want := make([]int64, m.NumCounters())
			got := make([]int64, m.NumCounters())
			for round := range 2 {
				for i, v := range values {
					key := keys[(i+round)%len(keys)]
					parent := equivParents[i%len(equivParents)]
					if i%3 == 0 {
						parent = ""
					}
					w, wok := m.MaskStringIn(parent, key, v, want)
					g, gok := memo.MaskStringIn(parent, key, v, got)
					if w != g || wok != gok {
						t.Fatalf("round %d key %q parent %q value %q: masker %q %v, memo %q %v", round, key, parent, v, w, wok, g, gok)
					}
					if m.Inspect(key) != memo.Inspect(key) || m.SecretKey(key) != memo.SecretKey(key) || m.ContextKey(key) != memo.ContextKey(key) {
						t.Fatalf("key %q: masker and memo disagree", key)
					}
				}
				for _, key := range keys {
					for _, parent := range append(slices.Clone(equivParents), "") {
						for _, v := range equivInts {
							w, wok := m.MaskIntIn(parent, key, v, want)
							g, gok := memo.MaskIntIn(parent, key, v, got)
							if w != g || wok != gok {
								t.Fatalf("int %d key %q parent %q: masker %q %v, memo %q %v", v, key, parent, w, wok, g, gok)
							}
						}
					}
				}
			}
			if fmt.Sprint(want) != fmt.Sprint(got) {
				t.Fatalf("counters differ: masker %v, memo %v", want, got)
			}
		})
	}
}

// TestMemoCleanValueDoesNotAllocate: a clean value, remembered or not,
// costs no allocation through a memo.
func TestMemoCleanValueDoesNotAllocate(t *testing.T) {
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors()})
	if err != nil {
		t.Fatal(err)
	}
	memo := m.NewMemo()
	counts := make([]int64, m.NumCounters())
	i := 0
	if n := testing.AllocsPerRun(200, func() {
		i++
		memo.MaskStringIn("", "attr1", "value-1-of-the-benchmark", counts)
		memo.MaskStringIn("", fmt.Sprint("k", i%3), "GET /index.html 200", counts) // misses and hits
	}); n > 1 { // fmt.Sprint allocates one
		t.Fatalf("%v allocations per run, want at most 1 (the test's own key)", n)
	}
}

// TestConcurrentMaskersAgree masks the same lines from several goroutines
// with one Masker (whose identifier cache they share and fill) and checks
// every result against a fresh Masker's; run with -race.
func TestConcurrentMaskersAgree(t *testing.T) {
	t.Parallel()
	cfg := masking.Config{Detectors: masking.StrictDetectors()}
	shared, err := masking.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lines := append(corpus.Generate(9, 300, 0.5), corpus.GenerateContext(9, 300, 0.5)...)
	want := make([]string, len(lines))
	{
		fresh, err := masking.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		counts := make([]int64, fresh.NumCounters())
		for i, l := range lines {
			want[i], _ = fresh.MaskString("", l.Text, counts)
		}
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			counts := make([]int64, shared.NumCounters())
			for k := range lines {
				i := (k + g*77) % len(lines)
				if got, _ := shared.MaskString("", lines[i].Text, counts); got != want[i] {
					errs <- fmt.Errorf("goroutine %d line %d: %q, want %q", g, i, got, want[i])
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzMemo checks a Memo against its Masker on any key, parent and value,
// each asked twice (the second time the memo may answer from memory).
func FuzzMemo(f *testing.F) {
	for i, s := range seeds() {
		f.Add(equivKeys[i%len(equivKeys)], equivParents[i%len(equivParents)], s)
	}
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors(), Rules: []masking.Rule{{Name: "emp", Pattern: `EMP-\d{6}`, Keys: []string{"user.*"}}}})
	if err != nil {
		f.Fatal(err)
	}
	memo := m.NewMemo()
	f.Fuzz(func(t *testing.T, key, parent, v string) {
		want := make([]int64, m.NumCounters())
		got := make([]int64, m.NumCounters())
		for range 2 {
			w, wok := m.MaskStringIn(parent, key, v, want)
			g, gok := memo.MaskStringIn(parent, key, v, got)
			if w != g || wok != gok || fmt.Sprint(want) != fmt.Sprint(got) {
				t.Fatalf("key %q parent %q value %q: masker %q %v %v, memo %q %v %v", key, parent, v, w, wok, want, g, gok, got)
			}
		}
		if m.Inspect(key) != memo.Inspect(key) || m.SecretKey(key) != memo.SecretKey(key) || m.ContextKey(key) != memo.ContextKey(key) {
			t.Fatalf("key %q: masker and memo disagree", key)
		}
	})
}
