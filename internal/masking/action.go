package masking

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"hash"
	"strings"
	"sync"
	"unicode/utf8"
)

// Mask outputs start with one of these, so a second pass leaves them alone.
const (
	redactPrefix = "[REDACTED:"
	hashPrefix   = "[HASH:"
)

// pseudonym renders 80 bits of the HMAC in lower-case base32: letters and
// 2-7 only, so a pseudonym never looks like a number to a detector.
var pseudonym = base32.StdEncoding.WithPadding(base32.NoPadding)

const pseudonymBytes = 10

// isMaskToken reports whether a whole value v is masked already: a redact
// or hash token, a star mask (a log that masked it itself, as in
// password=***), or a Partial mask (see starMask). A value that merely
// starts with '*' ("*g!lfPRCo7") is a password, not a mask.
func isMaskToken(v string) bool {
	return strings.HasPrefix(v, redactPrefix) || strings.HasPrefix(v, hashPrefix) || starMask(v)
}

// starMask reports whether v is all stars, or a Partial mask: a run of at
// least minStars stars followed by a kept tail no longer than the run (a
// Partial mask never keeps more than half of a value).
func starMask(v string) bool {
	n := 0
	for n < len(v) && v[n] == '*' {
		n++
	}
	if n == 0 {
		return false
	}
	return n == len(v) || n >= minStars && utf8.RuneCountInString(v[n:]) <= n
}

// minStars is the least number of stars in a Partial mask: short values are
// padded so the mask is always recognisable (see touchesMask).
const minStars = 4

// actor writes masks; one per Masker.
type actor struct {
	hmacs sync.Pool // of hash.Hash
}

func newActor(key []byte) *actor {
	a := &actor{}
	if len(key) > 0 {
		k := append([]byte(nil), key...)
		a.hmacs.New = func() any { return hmac.New(sha256.New, k) }
	}
	return a
}

// write appends the mask of value v to b.
func (a *actor) write(b *strings.Builder, act Action, name, v string) {
	switch act.Kind {
	case Hash:
		h := a.hmacs.Get().(hash.Hash)
		h.Reset()
		h.Write([]byte(v))
		var sum [sha256.Size]byte
		h.Sum(sum[:0])
		a.hmacs.Put(h)
		var enc [32]byte
		n := pseudonym.EncodedLen(pseudonymBytes)
		pseudonym.Encode(enc[:n], sum[:pseudonymBytes])
		b.WriteString(hashPrefix)
		b.WriteString(name)
		b.WriteByte(':')
		for _, c := range enc[:n] {
			b.WriteByte(lower(c))
		}
		b.WriteByte(']')
	case Partial:
		runes := utf8.RuneCountInString(v)
		keep := min(act.KeepLast, runes)
		// Keep at most half of a value, so "pw=abcd" never shows it all.
		keep = min(keep, runes/2)
		for range max(runes-keep, minStars) {
			b.WriteByte('*')
		}
		cut := len(v)
		for range keep {
			_, size := utf8.DecodeLastRuneInString(v[:cut])
			cut -= size
		}
		b.WriteString(v[cut:])
	default:
		b.WriteString(redactPrefix)
		b.WriteString(name)
		b.WriteByte(']')
	}
}

// mask returns the mask of v alone.
func (a *actor) mask(act Action, name, v string) string {
	var b strings.Builder
	b.Grow(len(v) + len(name) + 32)
	a.write(&b, act, name, v)
	return b.String()
}
