package masking_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/blind"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/fresh"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/heldout"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/third"
)

// equivKeys are the keys each line is also masked under: none, secret,
// token, bank, code, RRN, e-mail-ish, qualified and plain keys.
var equivKeys = []string{"", "password", "db.password", "user.email", "session", "refund_account.number",
	"jumin_no", "otp_code", "token_count", "attr1", "http.user_agent", "비밀번호", "X-Api-Key", "auth_method"}

// equivParents are the parents for MaskStringIn and MaskIntIn.
var equivParents = []string{"refund_account", "session", "credentials"}

var equivInts = []int64{0, 7, 1234, -98765, 4111111111111111, 1234567890, 12345678901234, 9001011234567, 1711057675812, 5555555555554444}

// TestEquivalence writes one hash per corpus and masker of everything the
// engine returns (masked strings, changed flags, counters, Find matches,
// masked integers), to the file MASKING_EQUIV names. Run it on two
// versions of the engine and compare the files: a change that is only
// about speed must leave them identical.
//
//	MASKING_EQUIV=/tmp/new.txt go test -count=1 -run TestEquivalence ./internal/masking/
func TestEquivalence(t *testing.T) {
	out := os.Getenv("MASKING_EQUIV")
	if out == "" {
		t.Skip("set MASKING_EQUIV=FILE to write the equivalence hashes")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()

	maskers := equivMaskers(t)
	for _, c := range equivCorpora(t) {
		for _, mk := range maskers {
			h := sha256.New()
			changed := 0
			for i, line := range c.lines {
				changed += equivLine(h, mk.m, line, i)
			}
			fmt.Fprintf(w, "%-22s %-15s lines=%-6d changed=%-6d %s\n", c.name, mk.name, len(c.lines), changed, hex.EncodeToString(h.Sum(nil))[:32])
		}
	}
}

type namedMasker struct {
	name string
	m    *masking.Masker
}

func equivMaskers(t *testing.T) []namedMasker {
	var out []namedMasker
	def, err := masking.New(masking.Config{Detectors: masking.DefaultDetectors()})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, namedMasker{"default", def})
	for _, a := range []struct {
		name string
		act  masking.Action
	}{
		{"strict-redact", masking.Action{Kind: masking.Redact}},
		{"strict-hash", masking.Action{Kind: masking.Hash}},
		{"strict-partial", masking.Action{Kind: masking.Partial, KeepLast: 4}},
	} {
		ds := masking.StrictDetectors()
		for i := range ds {
			ds[i].Action = a.act
		}
		m, err := masking.New(masking.Config{Detectors: ds, HashKey: []byte(strings.Repeat("0123456789abcdef", 2)), CheckDigit: masking.CheckDigitLenient})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedMasker{a.name, m})
	}
	// Single detectors: the triggers and prefilters of one scanner alone.
	for _, k := range []masking.Kind{masking.Email, masking.PaymentCard, masking.Phone, masking.Secret, masking.IPv4, masking.BankAccount} {
		numbers := k == masking.PaymentCard || k == masking.Secret || k == masking.BankAccount
		m, err := masking.New(masking.Config{Detectors: []masking.Detector{{Kind: k, Numbers: numbers}}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedMasker{"only-" + k.String(), m})
	}
	return out
}

// equivLine feeds one line through every entry point and hashes the
// results; it returns 1 when the line was changed without a key.
func equivLine(h hash.Hash, m *masking.Masker, line string, i int) int {
	counts := make([]int64, m.NumCounters())
	changed := 0
	put := func(s string, ok bool) {
		h.Write([]byte(s))
		if ok {
			h.Write([]byte{1})
		} else {
			h.Write([]byte{0})
		}
	}
	out, ok := m.MaskString("", line, counts)
	put(out, ok)
	if ok {
		changed = 1
	}
	// The second pass (idempotence is the engine's promise; its output must not change either).
	put(m.MaskString("", out, counts))
	for _, mt := range m.Find(line) {
		fmt.Fprintf(h, "%d:%d:%d;", mt.Kind, mt.Start, mt.End)
	}
	// Keys on a share of the lines: every line would make the run slow.
	if i%5 == 0 {
		for _, k := range equivKeys[1:] {
			put(m.MaskString(k, line, counts))
		}
		for _, p := range equivParents {
			put(m.MaskStringIn(p, "number", line, counts))
		}
		fmt.Fprintf(h, "sk%v ck", m.SecretKey(line))
		fmt.Fprintf(h, "%v", m.ContextKey(line))
	}
	for _, c := range counts {
		h.Write(strconv.AppendInt(nil, c, 10))
		h.Write([]byte{','})
	}
	return changed
}

type equivCorpus struct {
	name  string
	lines []string
}

func texts(ls []corpus.Line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Text
	}
	return out
}

func equivCorpora(t *testing.T) []equivCorpus {
	n := 4000
	if v, err := strconv.Atoi(os.Getenv("MASKING_EQUIV_LINES")); err == nil && v > 0 {
		n = v
	}
	var cs []equivCorpus
	for _, seed := range []uint64{1, 2, 42} {
		cs = append(cs,
			equivCorpus{fmt.Sprintf("original/%d", seed), texts(corpus.Generate(seed, n, 0.4))},
			equivCorpus{fmt.Sprintf("context/%d", seed), texts(corpus.GenerateContext(seed, n, 0.4))},
			equivCorpus{fmt.Sprintf("heldout/%d", seed), texts(heldout.Generate(seed, n, 0.4))},
			equivCorpus{fmt.Sprintf("blind/%d", seed), texts(blind.Generate(seed, n, 0.4))},
			equivCorpus{fmt.Sprintf("third/%d", seed), texts(third.Plain(third.Generate(seed, n, 0.4)))},
		)
		var fl []string
		for _, l := range fresh.Generate(seed, n) {
			fl = append(fl, l.Text)
		}
		cs = append(cs, equivCorpus{fmt.Sprintf("fresh/%d", seed), fl})
	}
	cs = append(cs, equivCorpus{"clean/43", texts(corpus.Generate(43, n, 0))})
	cs = append(cs, equivCorpus{"seeds", seeds()})
	cs = append(cs, equivCorpus{"fuzz-seeds", fuzzSeedFiles(t)})
	cs = append(cs, equivCorpus{"bench-record", benchRecordLines()})
	// Mutations of all of the above: splices, byte flips, truncations.
	var all []string
	for _, c := range cs {
		all = append(all, c.lines...)
	}
	r := rand.New(rand.NewPCG(5, 6))
	var mut []string
	for i := range 20000 {
		b := []byte(all[r.IntN(len(all))])
		switch i % 3 {
		case 0:
			o := all[r.IntN(len(all))]
			cut := r.IntN(len(b) + 1)
			b = append(b[:cut:cut], o[r.IntN(len(o)+1):]...)
		case 1:
			for range 1 + r.IntN(4) {
				if len(b) > 0 {
					b[r.IntN(len(b))] = byte(r.IntN(256))
				}
			}
		default:
			b = b[:r.IntN(len(b)+1)]
		}
		mut = append(mut, string(b))
	}
	cs = append(cs, equivCorpus{"mutations", mut})
	return cs
}

// benchRecordLines are the collector benchmark's log body and attribute
// values (tests/e2e/pipeline_bench_test.go).
func benchRecordLines() []string {
	body := strings.Repeat("user kim@example.com paid with 4111 1111 1111 1111 from 10.0.0.1; ", 5)
	out := []string{body, body[:324%len(body)]}
	for i := range 8 {
		out = append(out, fmt.Sprintf("value-%d-of-the-benchmark", i), fmt.Sprintf("attr%d", i))
	}
	return out
}

// fuzzSeedFiles reads the committed fuzz inputs.
func fuzzSeedFiles(t *testing.T) []string {
	files, err := filepath.Glob("testdata/fuzz/FuzzMaskString/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "string("); ok {
				s, err := strconv.Unquote(strings.TrimSuffix(v, ")"))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				out = append(out, s)
			}
		}
	}
	return out
}

// TestEquivInts hashes MaskInt and MaskIntIn results into the same file's
// neighbour (MASKING_EQUIV + ".ints").
func TestEquivInts(t *testing.T) {
	out := os.Getenv("MASKING_EQUIV")
	if out == "" {
		t.Skip("set MASKING_EQUIV=FILE to write the equivalence hashes")
	}
	var b strings.Builder
	for _, mk := range equivMaskers(t) {
		h := sha256.New()
		counts := make([]int64, mk.m.NumCounters())
		for _, k := range equivKeys {
			for _, v := range equivInts {
				s, ok := mk.m.MaskInt(k, v, counts)
				fmt.Fprintf(h, "%s|%v|", s, ok)
				for _, p := range equivParents {
					s, ok := mk.m.MaskIntIn(p, k, v, counts)
					fmt.Fprintf(h, "%s|%v|", s, ok)
				}
			}
		}
		fmt.Fprintf(h, "%v", counts)
		fmt.Fprintf(&b, "%-15s %s\n", mk.name, hex.EncodeToString(h.Sum(nil))[:32])
	}
	if err := os.WriteFile(out+".ints", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
