package masking

import (
	"net/netip"
	"strings"
)

// isLocalChar reports whether c may appear in an e-mail local part.
func isLocalChar(c byte) bool {
	return isWord(c) || c == '.' || c == '%' || c == '+' || c == '-'
}

// fileExtensions are "TLDs" that make name@2x.png a file name, not an address.
var fileExtensions = []string{"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "json", "html", "java", "class", "jar", "log"}

// scanEmail matches an address around the '@' at position at, looking back
// no further than last.
func scanEmail(s string, at, last int) (int, int) {
	a := at
	for a > last && isLocalChar(s[a-1]) && at-a < 64 {
		a--
	}
	for a < at && !is(s[a], clsAlnum) {
		a++ // a local part starts with a letter or digit
	}
	if a == at || s[at-1] == '.' {
		return 0, 0
	}
	// Domain: labels of [A-Za-z0-9-] separated by dots; the last is a TLD.
	j := at + 1
	labels := 0
	tldStart, tldAlpha := 0, true
	end := 0
	for j < len(s) && labels < 16 {
		ls := j
		for j < len(s) && (is(s[j], clsAlnum) || s[j] == '-') {
			j++
		}
		if j == ls || s[ls] == '-' || s[j-1] == '-' {
			break
		}
		labels++
		tldStart, end = ls, j
		tldAlpha = true
		for k := ls; k < j; k++ {
			if !is(s[k], clsAlpha) {
				tldAlpha = false
				break
			}
		}
		if j+1 < len(s) && s[j] == '.' && is(s[j+1], clsAlnum) {
			j++
			continue
		}
		break
	}
	if labels < 2 || !tldAlpha || end-tldStart < 2 || end-tldStart > 24 {
		return 0, 0
	}
	if end < len(s) && (s[end] == '_' || s[end] == '@') {
		return 0, 0
	}
	tld := s[tldStart:end]
	for _, ext := range fileExtensions {
		if len(tld) == len(ext) && hasPrefixFold(tld, 0, ext) {
			return 0, 0
		}
	}
	return a, end
}

// scanJWT matches header.payload.signature at i, where both JSON parts are
// base64url of a JSON object ("eyJ").
func scanJWT(s string, i int) int {
	if !hasPrefixFoldExact(s, i, "eyJ") {
		return 0
	}
	j := i
	for part := range 3 {
		ps := j
		for j < len(s) && is(s[j], clsB64URL) {
			j++
		}
		l := j - ps
		if part < 2 {
			if l < 10 || (part == 1 && !hasPrefixFoldExact(s, ps, "eyJ")) || j >= len(s) || s[j] != '.' {
				return 0
			}
			j++
		}
	}
	if j < len(s) && (s[j] == '.' || s[j] == '=') {
		return 0
	}
	return j
}

// hasPrefixFoldExact is a case-sensitive prefix test at i.
func hasPrefixFoldExact(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// accessKeyFormats are the access-key prefixes and how many characters of
// which class follow them.
var accessKeyFormats = []struct {
	prefix string
	n      int
	cls    uint8
}{
	{"AKIA", 16, clsUpper | clsDigit}, // AWS long-term access key id
	{"ASIA", 16, clsUpper | clsDigit}, // AWS temporary access key id
	{"AIza", 35, clsB64URL},           // Google API key
	{"ghp_", 36, clsAlnum},            // GitHub personal access token
	{"gho_", 36, clsAlnum},
	{"ghu_", 36, clsAlnum},
	{"ghs_", 36, clsAlnum},
	{"ghr_", 36, clsAlnum},
}

// scanAccessKey matches an access key id at word start i.
func scanAccessKey(s string, i int) int {
	for _, f := range accessKeyFormats {
		if !hasPrefixFoldExact(s, i, f.prefix) {
			continue
		}
		j := i + len(f.prefix)
		e := j
		for e < len(s) && e-j < f.n && is(s[e], f.cls) {
			e++
		}
		if e-j == f.n && (e == len(s) || !is(s[e], f.cls|clsWord)) {
			return e
		}
	}
	return 0
}

// scanAuth matches the credentials after "Bearer " or "Basic " at word
// start i. Without "Authorization" just before, a bearer token must look
// random (16+ characters with letters and digits) and basic credentials
// must decode to user:password.
func scanAuth(s string, i int) (int, int) {
	var basic bool
	switch {
	case hasPrefixFold(s, i, "bearer"):
		i += len("bearer")
	case hasPrefixFold(s, i, "basic"):
		i += len("basic")
		basic = true
	default:
		return 0, 0
	}
	if i >= len(s) || s[i] != ' ' {
		return 0, 0
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	a := i
	letters, digits := false, false
	for i < len(s) && (is(s[i], clsB64URL|clsB64) || s[i] == '.' || s[i] == '~') {
		letters = letters || is(s[i], clsAlpha)
		digits = digits || isDigit(s[i])
		i++
	}
	for i < len(s) && s[i] == '=' {
		i++
	}
	if i == a || (i < len(s) && isWord(s[i])) {
		return 0, 0
	}
	tok := s[a:i]
	if afterAuthorization(s, a) {
		return a, i
	}
	if basic {
		if basicDecodesToPair(tok) {
			return a, i
		}
		return 0, 0
	}
	if len(tok) >= 16 && letters && digits {
		return a, i
	}
	return 0, 0
}

// afterAuthorization reports whether "authorization" appears in the 40
// bytes before the scheme word that ends just before tokenStart.
func afterAuthorization(s string, tokenStart int) bool {
	lo := max(0, tokenStart-48)
	const w = "authorization"
	for k := tokenStart - len(w); k >= lo; k-- {
		if hasPrefixFold(s, k, w) {
			return true
		}
	}
	return false
}

// basicDecodesToPair decodes standard base64 without allocating and reports
// whether the text is printable and contains ':'.
func basicDecodesToPair(tok string) bool {
	if len(tok) < 8 || len(tok) > 512 || len(tok)%4 != 0 {
		return false
	}
	colon := false
	var acc uint32
	bits := 0
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		var v byte
		switch {
		case c >= 'A' && c <= 'Z':
			v = c - 'A'
		case c >= 'a' && c <= 'z':
			v = c - 'a' + 26
		case c >= '0' && c <= '9':
			v = c - '0' + 52
		case c == '+':
			v = 62
		case c == '/':
			v = 63
		case c == '=':
			return colon
		default:
			return false
		}
		acc = acc<<6 | uint32(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			b := byte(acc >> bits)
			if b < 0x20 || b == 0x7f {
				return false
			}
			colon = colon || b == ':'
		}
	}
	return colon
}

// scanKeyValue matches the value of key=value, key: value, "key": "value"
// at the separator position p when the key is a secret key.
func (m *Masker) scanKeyValue(s string, p, last int) (int, int) {
	sep := s[p]
	if p+1 < len(s) && (s[p+1] == sep || (sep == ':' && s[p+1] == '/')) {
		return 0, 0 // "==", "::", "://"
	}
	// Key: back over spaces, a closing quote, then the name.
	k := p
	for k > last && k > p-3 && s[k-1] == ' ' {
		k--
	}
	if k > last && (s[k-1] == '"' || s[k-1] == '\'') {
		k--
	}
	ke := k
	for k > last && ke-k < 128 && (isWord(s[k-1]) || s[k-1] == '.' || s[k-1] == '-') {
		k--
	}
	if k == ke || !m.secret.match(s[k:ke]) {
		return 0, 0
	}
	if k >= len(hashPrefix) && s[k-len(hashPrefix):k] == hashPrefix {
		return 0, 0 // the name inside our own [HASH:name:…] mask
	}
	if m.touchesMask(s, k, k) {
		return 0, 0 // the key is in the kept tail of a partial mask
	}
	return valueAfter(s, p+1)
}

// scanURLPassword matches the password of scheme://user:password@host at
// the ':' of "://" (database DSNs, proxy URLs).
func scanURLPassword(s string, p int) (int, int) {
	if len(s)-p < 6 || s[p+1] != '/' || s[p+2] != '/' {
		return 0, 0
	}
	// The authority ends at the first '/', '?', '#', space or quote; the
	// userinfo at its last '@'.
	j := p + 3
	at, colon := -1, -1
	for ; j < len(s) && j-p < 512; j++ {
		c := s[j]
		if c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || is(c, clsSpace) {
			break
		}
		switch c {
		case '@':
			at = j
		case ':':
			if at < 0 && colon < 0 {
				colon = j
			}
		}
	}
	if at < 0 || colon < 0 || colon > at || colon+1 == at || isMaskToken(s[colon+1:at]) {
		return 0, 0
	}
	return colon + 1, at
}

// scanPrivateKey matches the body of a PEM private key block at i, between
// "-----BEGIN … PRIVATE KEY-----" and "-----END"; an unterminated block is
// masked to the end of the string.
func scanPrivateKey(s string, i int) (int, int) {
	const begin, end = "-----BEGIN ", "-----END"
	if !strings.HasPrefix(s[i:], begin) {
		return 0, 0
	}
	h := strings.Index(s[i+len(begin):min(len(s), i+len(begin)+64)], "-----")
	if h < 0 {
		return 0, 0
	}
	label := s[i+len(begin) : i+len(begin)+h]
	if !strings.HasSuffix(label, "PRIVATE KEY") {
		return 0, 0
	}
	a := i + len(begin) + h + len("-----")
	e := strings.Index(s[a:], end)
	if e < 0 {
		e = len(s)
	} else {
		e += a
	}
	if e == a || isMaskToken(strings.TrimSpace(s[a:e])) {
		return 0, 0
	}
	return a, e
}

// authSchemes are values that are followed by the actual credential.
var authSchemes = []string{"bearer", "basic", "token", "digest", "negotiate", "apikey"}

// valueAfter returns the value that starts at j (after spaces): a quoted
// string without its quotes, or an unquoted token. Values that are already
// masks, empty, nested objects or JSON null are not matched.
func valueAfter(s string, j int) (int, int) {
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j >= len(s) {
		return 0, 0
	}
	var a, e int
	switch q := s[j]; q {
	case '"', '\'':
		a = j + 1
		e = a
		for e < len(s) && s[e] != q {
			if s[e] == '\\' {
				e++
			}
			e++
		}
		e = min(e, len(s))
	case '{', '[', ',', ';', '&', ')', '}', ']', '<', '>':
		return 0, 0
	default:
		a = j
		e = unquotedEnd(s, a)
		// "Authorization: Bearer xyz": the credential is the next token.
		for _, sc := range authSchemes {
			if e-a == len(sc) && hasPrefixFold(s, a, sc) && e+1 < len(s) && s[e] == ' ' {
				a = e + 1
				e = unquotedEnd(s, a)
				break
			}
		}
	}
	v := s[a:e]
	if e == a || v == "null" || isMaskToken(v) {
		return 0, 0
	}
	return a, e
}

func unquotedEnd(s string, e int) int {
	for e < len(s) {
		switch s[e] {
		case ' ', '\t', '\r', '\n', ',', ';', '&', '"', '\'', ')', '}', ']', '<', '>':
			return e
		}
		e++
	}
	return e
}

// quoted handles a quote at i: SQL "PASSWORD 'x'" and "IDENTIFIED BY 'x'".
func (m *Masker) quoted(s string, i, last int) (Kind, int, int) {
	k := i
	for k > last && (s[k-1] == ' ' || s[k-1] == '(') {
		k--
	}
	if k == i {
		return 0, 0, 0 // a quote glued to a word closes a string, it does not open one
	}
	we := k
	for k > last && is(s[k-1], clsAlpha) {
		k--
	}
	word := s[k:we]
	ok := len(word) == 8 && hasPrefixFold(word, 0, "password")
	if !ok && len(word) == 2 && hasPrefixFold(word, 0, "by") {
		for k > last && s[k-1] == ' ' {
			k--
		}
		ok = k-10 >= last && hasPrefixFold(s, k-10, "identified") && (k-10 == 0 || !isWord(s[k-11]))
	}
	if !ok || m.touchesMask(s, k, k) {
		return 0, 0, 0
	}
	a, e := valueAfter(s, i)
	if e == 0 {
		return 0, 0, 0
	}
	return Secret, a, e
}

// scanIPv6 matches an IPv6 address around the ':' at p.
func scanIPv6(s string, p, last int) (int, int) {
	a := p
	for a > last && p-a < 40 && (is(s[a-1], clsHex) || s[a-1] == ':') {
		a--
	}
	if a > 0 && (isWord(s[a-1]) || s[a-1] == '.' || s[a-1] == '*') {
		return 0, 0 // '*': the kept tail of a partial mask, e.g. ****::1
	}
	e := p
	colons := 0
	for e < len(s) && e-a < 45 && (is(s[e], clsHex) || s[e] == ':' || s[e] == '.') {
		if s[e] == ':' {
			colons++
		}
		e++
	}
	// A sentence may end in '.', a message in "addr: ..."; never trim "::".
	if e > p && s[e-1] == '.' {
		e--
	} else if e > p && e >= 2 && s[e-1] == ':' && s[e-2] != ':' && (e == len(s) || s[e] == ' ') {
		e--
	}
	if colons < 2 || (e < len(s) && isWord(s[e])) {
		return 0, 0
	}
	// Cheap shape check before the parser (whose errors allocate): eight
	// groups, or seven with an embedded IPv4, unless "::" compresses them.
	v := s[a:e]
	if !strings.Contains(v, "::") && colons != 7 && !(colons == 6 && strings.Contains(v, ".")) {
		return 0, 0
	}
	addr, err := netip.ParseAddr(v)
	if err != nil || !addr.Is6() {
		return 0, 0
	}
	return a, e
}
