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
