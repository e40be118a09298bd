package masking

// Context-free opaque tokens (Config.OpaqueTokens): a long run of token
// bytes that mixes upper case, lower case and digits the way random
// credentials do is masked wherever it stands, with no key or label. It
// is off by default and in the strict preset, because ids of the same
// shape exist (S3 host ids, Stripe object ids, Firebase push ids); its
// false positives on every look-alike set are in the README.

// minOpaque is the shortest context-free opaque token: shorter random
// strings are too often ids.
const minOpaque = 32

// opaqueIDWords are last key parts whose values stay even when opaque:
// ids, hashes and digests named as such.
var opaqueIDWords = []string{"id", "ids", "trace", "span", "request", "correlation", "digest", "hash", "etag", "checksum", "commit", "sha",
	"revision", "rev", "build", "object", "version", "uid", "guid", "uuid", "key_id", "kid", "fingerprint", "thumbprint", "signature_id"}

// opaqueAt returns the end of a context-free opaque token that starts at
// the word start ws, or 0.
func (m *Masker) opaqueAt(s string, ws int) int {
	if ws > 0 && (isTokenByte(s[ws-1]) || s[ws-1] == '/' || s[ws-1] == '+' || s[ws-1] == '%' || s[ws-1] == '\\') {
		return 0 // inside a token, a path or an escape
	}
	if ws >= 7 && (hasPrefixFold(s, ws-7, "sha256:") || hasPrefixFold(s, ws-7, "sha512:")) || ws >= 5 && hasPrefixFold(s, ws-5, "sha1:") {
		return 0 // a key fingerprint: SHA256:k22L…
	}
	e := ws
	for e < len(s) && e-ws <= 512 && is(s[e], clsB64URL|clsB64) && s[e] != '.' {
		e++
	}
	if e-ws < minOpaque || e < len(s) && (isWord(s[e]) || s[e] == '.' || s[e] == '@' || s[e] == ':') {
		return 0
	}
	for k := 0; k < 2 && e < len(s) && s[e] == '='; k++ {
		e++ // base64 padding
	}
	if e < len(s) && (s[e] == '=' || isWord(s[e])) {
		return 0 // key=value
	}
	if !opaqueShaped(s[ws:e]) {
		return 0
	}
	if w := keyWordBefore(s, ws); w != "" && lastPartIn(w, opaqueIDWords) {
		return 0
	}
	return e
}

// opaqueShaped reports whether v looks random: upper case, lower case and
// digits, at least four of each, and class changes between neighbours at
// least every third byte (words and CamelCase identifiers change rarely).
func opaqueShaped(v string) bool {
	up, lo, dg, flips, hex := 0, 0, 0, 0, true
	var prev uint8
	for k := 0; k < len(v); k++ {
		c := v[k]
		cl := class[c] & (clsUpper | clsLower | clsDigit)
		switch {
		case is(c, clsUpper):
			up++
		case is(c, clsLower):
			lo++
		case isDigit(c):
			dg++
		}
		if !is(c, clsHex) {
			hex = false
		}
		if k > 0 && cl != prev && cl != 0 && prev != 0 {
			flips++
		}
		prev = cl
	}
	if hex || up < 4 || lo < 4 || dg < 4 || flips*3 < len(v) {
		return false
	}
	return !isUUID(v)
}

// lastPartIn reports whether the last name part of w is one of words.
func lastPartIn(w string, words []string) bool {
	p := len(w)
	for p > 0 && !isPartSep(w[p-1]) && !(p < len(w) && is(w[p], clsUpper) && is(w[p-1], clsLower)) {
		p--
	}
	part := w[p:]
	for _, v := range words {
		if len(part) == len(v) && hasPrefixFold(part, 0, v) {
			return true
		}
	}
	return false
}
