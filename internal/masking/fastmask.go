package masking

import (
	"strings"
	"unicode/utf8"
)

// buildMasks prebuilds the redact masks, so apply writes one string per
// match instead of three pieces.
func (m *Masker) buildMasks() {
	for k := range NumKinds {
		if m.actions[k].Kind == Redact {
			m.redacted[k] = redactPrefix + kindNames[k] + "]"
		}
	}
}

// maskLen is the length of the mask actor.write writes for mt (an upper
// bound for Partial, whose stars stand for runes).
func (m *Masker) maskLen(mt Match) int {
	if tok := m.redacted[mt.Kind]; tok != "" {
		return len(tok)
	}
	act, name := m.actions[mt.Kind], kindNames[mt.Kind]
	switch act.Kind {
	case Hash:
		return len(hashPrefix) + len(name) + 1 + pseudonymLen + 1
	case Partial:
		return max(mt.End-mt.Start, minStars) + utf8.UTFMax*min(act.KeepLast, mt.End-mt.Start)
	}
	return len(redactPrefix) + len(name) + 1
}

// pseudonymLen is the length of a hash pseudonym in base32.
var pseudonymLen = pseudonym.EncodedLen(pseudonymBytes)

// maskByte reports whether v holds a byte every mask holds ('[' or '*'):
// most matched values hold neither, and containsMask then need not look.
func maskByte(v string) bool {
	return strings.IndexByte(v, '[') >= 0 || strings.IndexByte(v, '*') >= 0
}

// cliBefore are the bytes a command-line option may follow (see cliPassword).
var cliBefore = [256]bool{' ': true, '\t': true, '"': true, '\'': true}

// notePairMin records that a word starting with the pair (a, b) matches at
// least n bytes.
func (l *lexicon) notePairMin(a, b byte, n int) {
	n = max(1, min(n, 255))
	if m := l.pairMin[a][b]; m == 0 || int(m) > n {
		l.pairMin[a][b] = uint8(n)
	}
}

// fits reports whether some word starting with lc (lower case) and then c1
// (a pairByte) fits in rest bytes; words with a separator as their second
// byte may start there too.
func (l *lexicon) fits(lc, c1 byte, rest int) bool {
	if m := l.pairMin[lc&0x7f][c1]; m != 0 && int(m) <= rest {
		return true
	}
	if l.sepSecond {
		if m := l.pairMin[lc&0x7f]['_']; m != 0 && int(m) <= rest {
			return true
		}
	}
	return false
}

// maskState says whether a scan's text may hold a mask: unknown until
// its first match needs to know.
type maskState uint8

const (
	maskUnknown maskState = iota
	maskNone              // no '[' or '*' in the text: nothing touches a mask
	maskMaybe
)

// touchesMaskIn is touchesMask for a scan that remembers in st whether its
// text holds '[' or '*' at all.
func (m *Masker) touchesMaskIn(st *maskState, s string, a, e int) bool {
	if *st == maskUnknown {
		*st = maskNone
		if maskByte(s) {
			*st = maskMaybe
		}
	}
	return *st == maskMaybe && m.touchesMask(s, a, e)
}
