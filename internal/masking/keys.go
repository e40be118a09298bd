package masking

import (
	"math/bits"
	"strings"
	"unicode"
)

// keyPatterns matches attribute keys exactly, or by prefix for entries that
// end in '*'.
type keyPatterns struct {
	exact    map[string]struct{}
	prefixes []string
}

func newKeyPatterns(list []string) keyPatterns {
	p := keyPatterns{exact: map[string]struct{}{}}
	for _, k := range list {
		if strings.HasSuffix(k, "*") {
			p.prefixes = append(p.prefixes, strings.TrimSuffix(k, "*"))
		} else {
			p.exact[k] = struct{}{}
		}
	}
	return p
}

func (p *keyPatterns) empty() bool { return len(p.exact) == 0 && len(p.prefixes) == 0 }

func (p *keyPatterns) match(key string) bool {
	if _, ok := p.exact[key]; ok {
		return true
	}
	for _, pre := range p.prefixes {
		if strings.HasPrefix(key, pre) {
			return true
		}
	}
	return false
}

// lexicon holds the key and label vocabularies (secret keys, token keys,
// bank words), each word tagged with its class, so one pass over a key
// finds every class it belongs to. ASCII words match case-insensitively on
// name parts: "password" matches "db_password" and "dbPassword" but not
// "passwords". Words with non-ASCII letters (Korean) match anywhere inside
// a key or a run of non-ASCII text, since Korean compounds carry no
// separators ("임시비밀번호", "KB국민").
type lexicon struct {
	byFirst [256][]lexWord // ASCII words by their lower-case first byte
	first   [256]keyClass  // classes of the ASCII words starting with each byte
	// labelFirst is first without the variants expandLexicon adds: the
	// first bytes of label words in prose.
	labelFirst [256]keyClass
	// last2 are the classes of the ASCII words by their last two bytes
	// (lower case).
	last2 [128][128]keyClass
	// glued are the classes of the words that may end a compound without
	// a separator ("dbpassword"), by first byte.
	glued [256]keyClass
	// pairs are the classes of the words by their first two bytes (lower
	// case; a separator as the second byte is stored as '_').
	pairs     [128][128]keyClass
	sepSecond bool // some word has a separator as its second byte
	// pairMin is the fewest bytes a word with those first two bytes (as
	// in pairs) can match (a separator inside a word may match none, at a
	// camel-case step); 0 for pairs no word starts with. A word cannot
	// start where fewer bytes are left.
	pairMin [128][128]uint8
	// phrases says which first two bytes start a phrase ("api key");
	// phraseFirst which first bytes; phraseWords are the phrases.
	phrases     [128][128]bool
	phraseFirst [128]bool
	phraseWords []lexWord
	native      []lexWord // words with non-ASCII bytes
	// nativeFirst says which UTF-8 lead and continuation byte pairs start a
	// native word, so text that cannot hold one is rejected without a
	// substring search per word.
	nativeFirst [64][64]bool
	nativeAny   bool // a native word starts with an ASCII byte: no filter
	// nativeMask holds, per lead and continuation byte pair, the native
	// words (bit i: native[i]) that start with it.
	nativeMask [64][64]uint64
	// exact holds the classes of the plain ASCII words (no separator), for
	// mayLabel.
	exact exactTable
	// cache remembers what classes found (nil: none).
	cache *classCache
}

type lexWord struct {
	w     string // lower case
	class keyClass
	fold  bool // a native word with ASCII letters: compared case-insensitively
	// second is the word's second byte, 0 when that is a separator (which
	// matches any separator or a camel step); ASCII words only.
	second byte
	plain  bool // no separator inside: compared with hasPrefixFold
}

// in reports whether the word occurs in ident.
func (k *lexWord) in(ident string) bool {
	if !k.fold {
		return strings.Contains(ident, k.w)
	}
	for p := 0; p+len(k.w) <= len(ident); p++ {
		if hasPrefixFold(ident, p, k.w) {
			return true
		}
	}
	return false
}

func (l *lexicon) add(list []string, c keyClass) {
	words, variants := expandLexicon(list)
	for _, k := range words {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		if strings.IndexFunc(k, func(r rune) bool { return r >= 0x80 }) >= 0 {
			l.native = append(l.native, lexWord{w: k, class: c, fold: strings.IndexFunc(k, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) >= 0})
			if k[0] >= 0xc0 && k[1]&0xc0 == 0x80 {
				l.nativeFirst[k[0]-0xc0][k[1]-0x80] = true
				if n := len(l.native) - 1; n < 64 {
					l.nativeMask[k[0]-0xc0][k[1]-0x80] |= 1 << n
				} else {
					l.nativeAny = true // too many words for the mask: try them all
				}
			} else {
				l.nativeAny = true
			}
			continue
		}
		if strings.IndexByte(k, ' ') > 0 && len(k) > 1 {
			// Phrases are kept apart: only text with a space can hold one,
			// and their first letters would let every word through the
			// first-byte filter.
			l.phrases[k[0]&0x7f][pairByte(k[1])] = true
			l.phraseFirst[k[0]&0x7f] = true
			l.phraseWords = append(l.phraseWords, lexWord{w: k, class: c})
			continue
		}
		w := lexWord{w: k, class: c, plain: !strings.ContainsAny(k, "_-. ")}
		if w.plain {
			l.exact.add(k, c)
		}
		if len(k) > 1 && !isPartSep(k[1]) {
			w.second = k[1]
		}
		l.byFirst[k[0]] = append(l.byFirst[k[0]], w)
		l.first[k[0]] |= c
		if !variants[k] {
			l.labelFirst[k[0]] |= c
		}
		if n := len(k); n > 1 && k[n-2] < 0x80 && k[n-1] < 0x80 {
			l.last2[k[n-2]][k[n-1]] |= c
		}
		if len(k) == 1 {
			for b := range 128 {
				l.pairs[k[0]&0x7f][b] |= c
				l.notePairMin(k[0]&0x7f, byte(b), 1)
			}
		} else {
			l.pairs[k[0]&0x7f][pairByte(k[1])] |= c
			l.sepSecond = l.sepSecond || isPartSep(k[1])
			l.notePairMin(k[0]&0x7f, pairByte(k[1]), len(k)-strings.Count(k, "_")-strings.Count(k, "-")-strings.Count(k, ".")-strings.Count(k, " "))
		}
		if len(k) >= minGluedWord && c&(keySecret|keyToken) != 0 {
			l.glued[k[0]] |= c
		}
	}
}

// isPartSep reports whether c separates parts of a key name. Non-ASCII
// bytes do too, so "KB국민" has the part "kb".
func isPartSep(c byte) bool { return partSep[c] }

var partSep = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':' || c >= 0x80
	}
	return t
}()

// classes returns the classes, among want, of the words that ident
// contains as whole name parts (ASCII) or anywhere (non-ASCII words).
func (l *lexicon) classes(ident string, want keyClass) keyClass {
	if len(ident) == 0 || len(ident) > 128 {
		return 0
	}
	if l.cache != nil && len(ident) <= maxCachedIdent {
		return l.cache.classesOf(ident, l.compute) & want
	}
	return l.compute(ident, want)
}

// compute is classes without the cache.
func (l *lexicon) compute(ident string, want keyClass) keyClass {
	var got keyClass
	ascii := true
	for p := 0; p < len(ident); p++ {
		c := ident[p]
		if c >= 0x80 {
			ascii = false
			continue
		}
		lc := lower(c)
		if l.first[lc]&want&^got == 0 {
			continue
		}
		// Left boundary: start, separator, or a lower→Upper camel-case step.
		// Inside a part, long secret and token words still end a compound
		// written in one case: "dbpassword", "DBPASSWORD", "csrftoken".
		var c1 byte // the next byte, folded, for a quick reject on the second letter
		if p+1 < len(ident) {
			c1 = pairByte(ident[p+1])
		}
		if l.pairs[lc&0x7f][c1]&want&^got == 0 && (!l.sepSecond || l.pairs[lc&0x7f]['_']&want&^got == 0) {
			continue
		}
		if !l.fits(lc, c1, len(ident)-p) {
			continue
		}
		glued := p > 0 && !isPartSep(ident[p-1]) && !(is(c, clsUpper) && is(ident[p-1], clsLower|clsDigit))
		if glued && (l.glued[lc]&want&^got == 0 || !(is(ident[p-1], clsAlpha) && is(c, clsUpper) == is(ident[p-1], clsUpper))) {
			continue
		}
		for _, k := range l.byFirst[lc] {
			if k.class&want&^got == 0 || k.second != 0 && k.second != c1 {
				continue
			}
			e := -1
			if k.plain {
				if hasPrefixFold(ident, p, k.w) {
					e = p + len(k.w)
				}
			} else {
				e = wordAt(ident, p, k.w)
			}
			if e < 0 {
				continue
			}
			if e < len(ident) && isDigit(ident[e]) && k.class&keySecret != 0 {
				// A numbered secret word ends a key too: password1,
				// password2 (Django's sign-up form).
				if d := digitsAt(ident, e); d-e <= 2 && d == len(ident) {
					e = d
				}
			}
			if glued && (len(k.w) < minGluedWord || k.class&(keySecret|keyToken) == 0) {
				continue
			}
			if e < len(ident) && k.class == keyCode && ident[e] < 0x80 {
				continue // code words end a key: db_pass, sms_otp, PIN번호, not auth_method
			}
			if e == len(ident) || ((isPartSep(ident[e]) || (is(ident[e], clsUpper) && is(ident[e-1], clsLower))) && (!qualified(ident, e) || k.class == keyToken && sessionID(k.w, ident, e))) {
				got |= k.class
			}
		}
	}
	if len(l.phraseWords) > 0 && len(ident) > 4 && strings.IndexByte(ident, ' ') > 0 {
		got |= l.phraseClasses(ident, want&^got)
	}
	if !ascii {
		if l.nativeAny {
			for i := range l.native {
				if k := &l.native[i]; k.class&want&^got != 0 && k.in(ident) {
					got |= k.class
				}
			}
			return got & want
		}
		// Only the words whose first two bytes occur in ident, each only
		// where they occur.
		for p := 0; p+1 < len(ident); p++ {
			c := ident[p]
			if c < 0xc0 || ident[p+1]&0xc0 != 0x80 {
				continue
			}
			for mask := l.nativeMask[c-0xc0][ident[p+1]-0x80]; mask != 0; mask &= mask - 1 {
				k := &l.native[bits.TrailingZeros64(mask)]
				if k.class&want&^got != 0 && strings.HasPrefix(ident[p:], k.w) {
					got |= k.class
				}
			}
		}
	}
	return got & want
}

// mayHoldNative reports whether a native word could start somewhere in w.
func (l *lexicon) mayHoldNative(w string) bool {
	if l.nativeAny {
		return true
	}
	for p := 0; p+1 < len(w); p++ {
		if w[p] >= 0xc0 && w[p+1]&0xc0 == 0x80 && l.nativeFirst[w[p]-0xc0][w[p+1]-0x80] {
			return true
		}
	}
	return false
}

// word reports whether w is, as a whole, a word of class c (ASCII
// case-insensitive, or containing a non-ASCII word); labels before a value
// are matched this way.
func (l *lexicon) word(w string, c keyClass) bool {
	if len(w) == 0 || w[0] >= 0x80 {
		if !l.mayHoldNative(w) {
			return false
		}
		for i := range l.native {
			if k := &l.native[i]; k.class&c != 0 && k.in(w) {
				return true
			}
		}
		return false
	}
	for _, k := range l.byFirst[lower(w[0])] {
		if k.class&c != 0 && len(k.w) == len(w) && hasPrefixFold(w, 0, k.w) {
			return true
		}
	}
	return false
}

// minGluedWord is the shortest secret or token word that is recognised at
// the end of a compound without a separator ("dbpassword"): shorter words
// (pwd, pw, sid, pass) would match inside ordinary words.
const minGluedWord = 5

// qualifiers are name parts after a secret key that make the value a
// property of the secret rather than the secret: token_count, secretName,
// password_expires_at.
var qualifiers = []string{"count", "type", "name", "id", "length", "len", "size", "expiry", "expires", "expired", "ttl", "limit", "used", "hint", "policy", "age", "set", "changed", "reset", "required", "valid", "enabled", "file", "path",
	"version", "ver", "min", "max", "url", "uri", "endpoint", "ref", "arn", "scope", "scopes", "source", "provider", "lifetime", "issued",
	"algorithm", "alg", "format", "strength", "status", "state", "mode", "method", "location", "store", "manager", "rotation", "rotated",
	"last", "duration", "timeout", "at", "ms", "sec", "seconds", "prompt", "field", "label", "kind", "header", "param", "error", "errors",
	"reason", "result", "check", "history", "attempts", "retries", "failures", "failed", "created", "updated", "date", "time", "days", "bits",
	"encryption", "cipher", "scheme", "exception", "storage", "complexity", "expiration", "expire", "reuse", "lockout", "mismatch", "reminder", "question"}

// qualified reports whether the name part that starts at e (after a
// separator, or at a camel-case capital) is a qualifier.
func qualified(ident string, e int) bool {
	if isPartSep(ident[e]) {
		e++
	}
	end := e
	for end < len(ident) && !isPartSep(ident[end]) && !(end > e && is(ident[end], clsUpper)) {
		end++
	}
	part := ident[e:end]
	for _, q := range qualifiers {
		if len(part) == len(q) && hasPrefixFold(part, 0, q) {
			return true
		}
	}
	return false
}

// mayEndWord reports whether the word w (ASCII word bytes) can end in a
// lexicon word of a class in want: its last two bytes end some word, so
// "db_password", "newPassword" and "dbpassword" are looked up as labels,
// while most words are rejected with one table look-up.
func (l *lexicon) mayEndWord(w string, want keyClass) bool {
	n := len(w)
	return n > 1 && w[n-2] < 0x80 && w[n-1] < 0x80 && l.last2[lower(w[n-2])][lower(w[n-1])]&want != 0 && l.classes(w, want) != 0
}

// wordAt returns the end of the lexicon word w (lower case) in ident at p,
// or -1. A separator in w ('_', '-', '.', ' ') matches any one separator in
// ident, or none at a camel-case step: "private_key" matches
// "private-key", "private.key" and "privateKey".
func wordAt(ident string, p int, w string) int {
	j := p
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c == '_' || c == '-' || c == '.' || c == ' ' {
			if j < len(ident) && (ident[j] == '_' || ident[j] == '-' || ident[j] == '.' || ident[j] == ' ') {
				j++
				continue
			}
			if j > 0 && j < len(ident) && is(ident[j], clsUpper) && is(ident[j-1], clsLower) {
				continue
			}
			return -1
		}
		if j >= len(ident) || lower(ident[j]) != c {
			return -1
		}
		j++
	}
	return j
}

// pairByte folds the second byte of a word for the pairs table: separators
// are '_', non-ASCII bytes 0x7f.
func pairByte(c byte) byte {
	switch {
	case c >= 0x80:
		return 0x7f
	case isPartSep(c):
		return '_'
	}
	return lower(c)
}

// phraseClasses returns the classes, among want, of the phrases that ident
// holds as whole name parts ("API key", "my verification code").
func (l *lexicon) phraseClasses(ident string, want keyClass) keyClass {
	var got keyClass
	for p := 0; p < len(ident); p++ {
		if p > 0 && !isPartSep(ident[p-1]) || ident[p] >= 0x80 || !l.phraseFirst[lower(ident[p])] {
			continue
		}
		for i := range l.phraseWords {
			k := &l.phraseWords[i]
			if k.class&want&^got == 0 || lower(ident[p]) != k.w[0] {
				continue
			}
			if e := wordAt(ident, p, k.w); e > 0 && (e == len(ident) || isPartSep(ident[e])) {
				got |= k.class
			}
		}
	}
	return got
}
