//go:build ninthwip

package ninth

import (
	"math/rand/v2"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Line is one generated line with per-value classes.
type Line struct {
	corpus.Line
	Classes     []string // parallel to Line.Secrets
	LookClasses []string // parallel to Line.LookAlikes
}

// DefaultLines and DefaultSeed are the size and seed of the scored run.
const (
	DefaultLines = 50000
	DefaultSeed  = 1
)

// Syntax is how a format's lines parse, for the generator's checks.
type Syntax int

// Syntaxes of formats.
const (
	Text Syntax = iota
	JSON
	CSV
)

type format struct {
	name   string
	syntax Syntax
	write  func(*builder)
}

// formats is filled by the family files in a fixed order, so a seed always
// gives the same corpus.
var formats = concat(opsFormats, secFormats, appFormats, krFormats)

func concat(groups ...[]format) []format {
	var out []format
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// Formats lists the format names in generation order.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// SyntaxOf says how lines of the format parse; ok is false for an unknown name.
func SyntaxOf(name string) (s Syntax, ok bool) {
	for _, f := range formats {
		if f.name == name {
			return f.syntax, true
		}
	}
	return Text, false
}

// Generate returns n lines from seed, the formats in rotation.
func Generate(seed uint64, n int) []Line {
	g := gen{rand.New(rand.NewPCG(seed, 0x6e696e74))}
	out := make([]Line, 0, n)
	for i := range n {
		f := formats[i%len(formats)]
		b := &builder{gen: g}
		b.l.Format = f.name
		f.write(b)
		out = append(out, b.finish())
	}
	return out
}
