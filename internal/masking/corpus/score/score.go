// Package score measures a masking function against a generated corpus's
// ground truth: planted secrets that leak, look-alikes that were altered,
// clean lines that changed, and lines that change again when masked twice.
//
// The rule is independent of the detectors. A secret leaks when its value
// survives, or when a window of 60 % of it (at least 6 bytes) survives that
// did not occur elsewhere in the input line. A look-alike is altered when
// the output holds fewer copies of it than the input.
package score

import (
	"fmt"
	"sort"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Secret is one planted value: Kind is the detector that must find it,
// Class a finer label for per-class reporting.
type Secret struct {
	Kind, Class, Value string
}

// LookAlike is a value that must come through unchanged; Class may be empty.
type LookAlike struct {
	Class, Value string
}

// Case is one input line with its ground truth.
type Case struct {
	Format     string
	Text       string
	Secrets    []Secret
	LookAlikes []LookAlike
}

// FromLine makes a Case of a generated line; classes is parallel to
// l.Secrets, lookClasses to l.LookAlikes (nil: no look-alike classes).
func FromLine(l corpus.Line, classes, lookClasses []string) Case {
	c := Case{Format: l.Format, Text: l.Text}
	for i, s := range l.Secrets {
		c.Secrets = append(c.Secrets, Secret{Kind: s.Kind, Class: classes[i], Value: s.Value})
	}
	for i, la := range l.LookAlikes {
		lc := ""
		if lookClasses != nil {
			lc = lookClasses[i]
		}
		c.LookAlikes = append(c.LookAlikes, LookAlike{Class: lc, Value: la})
	}
	return c
}

// Tally counts planted values and the failed ones (leaked or altered).
type Tally struct {
	Planted, Failed int
}

// Result is the outcome of Run.
type Result struct {
	Lines, Secrets, Leaked, LookAlikes, Altered int
	CleanLines, CleanChanged, NotIdempotent     int

	ByKind, ByClass, ByFormat   map[string]*Tally // secrets
	LookByFormat, LookByClass   map[string]*Tally // look-alikes
	LeakExamples, AlterExamples map[string][]string
}

// Examples is how many failures per class Run keeps as examples.
const Examples = 2

// Leaks reports whether secret, planted in the line in, survives in out.
func Leaks(secret, in, out string) bool {
	if strings.Contains(out, secret) {
		return true
	}
	k := max(6, (len(secret)*6+9)/10)
	if k >= len(secret) {
		return false
	}
	ambient := strings.ReplaceAll(in, secret, "\x00")
	for i := 0; i+k <= len(secret); i++ {
		w := secret[i : i+k]
		if strings.Contains(out, w) && !strings.Contains(ambient, w) {
			return true
		}
	}
	return false
}

func tally(m map[string]*Tally, k string) *Tally {
	if m[k] == nil {
		m[k] = &Tally{}
	}
	return m[k]
}

// Run masks every case once (and its output once more, for idempotence)
// and scores the output against the ground truth.
func Run(cases []Case, mask func(string) string) Result {
	r := Result{
		ByKind: map[string]*Tally{}, ByClass: map[string]*Tally{}, ByFormat: map[string]*Tally{},
		LookByFormat: map[string]*Tally{}, LookByClass: map[string]*Tally{},
		LeakExamples: map[string][]string{}, AlterExamples: map[string][]string{},
	}
	for _, c := range cases {
		r.Lines++
		out := mask(c.Text)
		if mask(out) != out {
			r.NotIdempotent++
		}
		if len(c.Secrets) == 0 {
			r.CleanLines++
			if out != c.Text {
				r.CleanChanged++
			}
		}
		for _, s := range c.Secrets {
			r.Secrets++
			ts := []*Tally{tally(r.ByKind, s.Kind), tally(r.ByClass, s.Class), tally(r.ByFormat, c.Format)}
			leaked := Leaks(s.Value, c.Text, out)
			if leaked {
				r.Leaked++
				if len(r.LeakExamples[s.Class]) < Examples {
					r.LeakExamples[s.Class] = append(r.LeakExamples[s.Class], fmt.Sprintf("[%s] %q in %q", c.Format, s.Value, out))
				}
			}
			for _, t := range ts {
				t.Planted++
				if leaked {
					t.Failed++
				}
			}
		}
		for _, la := range c.LookAlikes {
			r.LookAlikes++
			ts := []*Tally{tally(r.LookByFormat, c.Format)}
			if la.Class != "" {
				ts = append(ts, tally(r.LookByClass, la.Class))
			}
			altered := strings.Count(out, la.Value) < strings.Count(c.Text, la.Value)
			if altered {
				r.Altered++
				key := c.Format
				if la.Class != "" {
					key = la.Class
				}
				if len(r.AlterExamples[key]) < Examples {
					r.AlterExamples[key] = append(r.AlterExamples[key], fmt.Sprintf("[%s] %q in %q", c.Format, la.Value, out))
				}
			}
			for _, t := range ts {
				t.Planted++
				if altered {
					t.Failed++
				}
			}
		}
	}
	return r
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// AlteredRate is the share of look-alikes altered, from 0 to 1.
func (r Result) AlteredRate() float64 { return pct(r.Altered, r.LookAlikes) / 100 }

// Summary is a plain-text report: totals, then tables per detector, class
// and format, then examples of each failed class.
func (r Result) Summary(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d lines; secrets %d, leaked %d (%.2f%%); look-alikes %d, altered %d (%.3f%%); clean lines %d, changed %d; not idempotent %d\n",
		name, r.Lines, r.Secrets, r.Leaked, pct(r.Leaked, r.Secrets), r.LookAlikes, r.Altered, pct(r.Altered, r.LookAlikes),
		r.CleanLines, r.CleanChanged, r.NotIdempotent)
	table := func(title, what string, m map[string]*Tally) {
		if len(m) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n| %s | planted | %s | %% |\n|---|---:|---:|---:|\n", title, what)
		for _, k := range sortedKeys(m) {
			fmt.Fprintf(&b, "| %s | %d | %d | %.2f |\n", k, m[k].Planted, m[k].Failed, pct(m[k].Failed, m[k].Planted))
		}
	}
	table("detector", "leaked", r.ByKind)
	table("secret class", "leaked", r.ByClass)
	table("format (secrets)", "leaked", r.ByFormat)
	table("look-alike class", "altered", r.LookByClass)
	table("format (look-alikes)", "altered", r.LookByFormat)
	examples := func(what string, m map[string][]string) {
		for _, k := range sortedKeys(m) {
			for _, e := range m[k] {
				fmt.Fprintf(&b, "%s %s: %s\n", what, k, e)
			}
		}
	}
	b.WriteString("\n")
	examples("leak", r.LeakExamples)
	examples("altered", r.AlterExamples)
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Digits returns the ASCII digits of s, in order: what a checksum (Luhn,
// the RRN check digit) of a planted value reads.
func Digits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}
