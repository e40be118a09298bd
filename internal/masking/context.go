package masking

import "strings"

// The context layer: what the key a value sits under, or the label words
// just before it, say about the value. Keys come from attribute and map
// keys (MaskString's key), from key=value, "key": value, SQL column lists
// and XML elements; labels are the words in a short window before a
// candidate, read backwards from it during the same scan (never a second
// pass over the text). The vocabularies are data: Config.SecretKeys,
// TokenKeys and BankKeys.

// contextWindow is how far back label words are looked for, in bytes
// (16 Korean syllables, or a JSON key and a bank name before it).
const contextWindow = 48

// isKeyByte reports whether c can be part of a key or label word: ASCII
// word bytes, '.', '-', and any non-ASCII byte (Korean words).
func isKeyByte(c byte) bool { return isWord(c) || c == '.' || c == '-' || c >= 0x80 }

// bankContext reports whether the number at i has bank context: its key is
// a bank key, or a bank word (key, label, bank name) stands in the window
// before it. A dashed number may have the word anywhere in the window; a
// bare digit run only in one of the two words just before it, since bare
// runs are mostly timestamps and ids. The look-back stops at the previous
// match and at our own masks (and, with partial actions, at any star), so
// a second pass sees what the first saw.
func (m *Masker) bankContext(s string, i, last int, kc keyClass, dashed bool) bool {
	if kc&keyBank != 0 || m.xmlElementClass(s, i, last, keyBank) != 0 {
		return true
	}
	lo := max(last, i-contextWindow)
	words := 0
	for j := i; j > lo; {
		for j > lo && !isKeyByte(s[j-1]) {
			if s[j-1] == ']' && maskEndsAt(s, j) || s[j-1] == '*' && m.maxKeep >= 0 {
				return false // our mask, or stars that may be a partial one
			}
			j--
		}
		we := j
		for j > lo && isKeyByte(s[j-1]) {
			j--
		}
		if we == j {
			return false
		}
		if m.lex.classes(s[j:we], keyBank) != 0 {
			return true
		}
		if words++; !dashed && words == 2 {
			return false
		}
	}
	return false
}

// xmlElementClass returns the classes, among want, of the name of the XML
// element whose text starts at i (<FromAccount bank="NH">1234…, the
// namespace prefix dropped): the element name is the key of its text,
// however many attribute words stand between.
func (m *Masker) xmlElementClass(s string, i, last int, want keyClass) keyClass {
	if i == 0 || s[i-1] != '>' || i-1 <= last {
		return 0
	}
	lo := max(last, i-256)
	lt := strings.LastIndexByte(s[lo:i-1], '<')
	if lt < 0 {
		return 0
	}
	a := lo + lt + 1
	e := a
	for e < i-1 && (isKeyByte(s[e]) || s[e] == ':') {
		if s[e] == ':' {
			a = e + 1
		}
		e++
	}
	if e == a || s[a-1] == '/' || s[i-2] == '/' {
		return 0
	}
	return m.lex.classes(s[a:e], want)
}

// isTokenByte reports whether c can be part of an opaque token.
func isTokenByte(c byte) bool {
	return is(c, clsB64URL|clsB64) || c == '.' || c == '~' || c == '='
}

// tokenShaped reports whether v looks like a credential rather than a word,
// a number or an id: 16 to 512 token bytes mixing letters and digits, not
// a UUID.
func tokenShaped(v string) bool {
	if len(v) < 16 || len(v) > 512 {
		return false
	}
	var seen uint8
	upper, lower, flips := 0, 0, 0
	for k := 0; k < len(v); k++ {
		c := v[k]
		if !isTokenByte(c) {
			return false
		}
		seen |= class[c] & (clsDigit | clsUpper | clsLower)
		if is(c, clsUpper) {
			upper++
		} else if is(c, clsLower) {
			lower++
		}
		if k > 0 && is(c, clsAlpha) && is(v[k-1], clsAlpha) && is(c, clsUpper) != is(v[k-1], clsUpper) {
			flips++
		}
	}
	if seen&clsAlpha == 0 {
		return false
	}
	// Letters only: random mixed case (s.umoHAetEelmVYNVBXTtJFYej) flips
	// case often; CamelCase words (AuthenticationFailedException) rarely.
	if seen&clsDigit == 0 && (upper < 4 || lower < 4 || flips*4 < len(v)) {
		return false
	}
	return !isUUID(v) && !hexInteger(v)
}

// hexInteger reports whether v is a 64-bit integer written in hex with a
// 0x prefix: a ZooKeeper session id (0x940e30da742dc327), a handle or an
// address, printed as a number rather than issued as a token.
func hexInteger(v string) bool {
	if len(v) < 3 || len(v) > 18 || v[0] != '0' || v[1] != 'x' && v[1] != 'X' {
		return false
	}
	for k := 2; k < len(v); k++ {
		if !is(v[k], clsHex) {
			return false
		}
	}
	return true
}

// isUUID reports whether v is 8-4-4-4-12 hex digits: a request or object id.
func isUUID(v string) bool {
	if len(v) != 36 {
		return false
	}
	for k := 0; k < 36; k++ {
		switch k {
		case 8, 13, 18, 23:
			if v[k] != '-' {
				return false
			}
		default:
			if !is(v[k], clsHex) {
				return false
			}
		}
	}
	return true
}

// tokenAfterLabel matches a token-shaped value after a token label word
// that ends at the space at i ("token 9f8e… expired").
func (m *Masker) tokenAfterLabel(s string, i int) (int, int) {
	j := i
	for j < len(s) && j-i < 2 && s[j] == ' ' {
		j++
	}
	a := j
	for j < len(s) && isTokenByte(s[j]) {
		j++
	}
	for j > a && s[j-1] == '.' {
		j-- // a sentence ends in '.'
	}
	if j < len(s) && (s[j] == '@' || s[j] == '\'' || s[j] == ':') {
		return 0, 0 // an address, a quoted word, a key
	}
	v := s[a:j]
	if v != "" && v[0] == '/' && looksLikePath(v) {
		return 0, 0 // a path (base64 may start with '/')
	}
	if eq := strings.IndexByte(v, '='); eq >= 0 && strings.TrimRight(v[eq:], "=") != "" {
		return 0, 0 // key=value, not a token with base64 padding
	}
	if !tokenShaped(v) || (m.enabled[JWT] && scanJWT(s, a) > 0) {
		return 0, 0 // JWTs are reported by their own detector
	}
	return a, j
}

// productVersion reports whether the dotted number at i is a version
// rather than an address: the version of a product token such as
// Chrome/124.0.0.0 (word, then '/'), an image tag (registry/app:1.8.3.4),
// the version field of a CEF or LEEF header, or a value whose key or label
// says version ("Version":"19.0.216.6", app_version=…, "version 19.0.0.0").
func productVersion(s string, i int) bool {
	if i < 2 {
		return false
	}
	switch p := s[i-1]; {
	case p == '/' && isWord(s[i-2]):
		// HIER_DIRECT/10.1.2.3 is an address, and so is user/10.1.2.3:51234
		// (a version has no port).
		return !codeWordBefore(s, i-1) && !quadWithPort(s, i) && !hostBeforeSlash(s, i-1)
	case p == ':' && isWord(s[i-2]):
		// name:tag with a '/' in the name: a container image reference.
		for j := i - 2; j >= 0 && i-j < 256; j-- {
			c := s[j]
			if c == '/' {
				return j == 0 || s[j-1] != '/' && s[j-1] != ':' // not the "//" of a URL
			}
			if !isWord(c) && c != '.' && c != '-' {
				break
			}
		}
	case p == '|':
		return cefVersionField(s, i)
	}
	return versionKey(s, i) || versionContext(s, i)
}

// hostBeforeSlash reports whether the word that ends at the '/' at j is a
// host name, as in Java's InetAddress.toString() form "host/1.2.3.4":
// localhost, or a lower-case DNS-like name with a dot (db1.corp.local) or
// with a dash before a part that holds a digit (kafka-0, ip-10-0-0-1).
// Product tokens (Chrome/124.0.0.0, MyApp/…, python-requests/…) have
// capitals or end in a word.
func hostBeforeSlash(s string, j int) bool {
	a := j
	for a > 0 && j-a < 253 && (is(s[a-1], clsLower) || isDigit(s[a-1]) || s[a-1] == '.' || s[a-1] == '-') {
		a--
	}
	if a == j || a > 0 && (isWord(s[a-1]) || s[a-1] == '/') || !is(s[a], clsLower) {
		return false // capitals or another name byte before: a product or a path
	}
	name := s[a:j]
	if name == "localhost" {
		return true
	}
	if dot := strings.LastIndexByte(name, '.'); dot > 0 && dot < len(name)-1 {
		for k := dot + 1; k < len(name); k++ {
			if !is(name[k], clsLower) {
				return false // a dotted number or an odd last label
			}
		}
		return true
	}
	if dash := strings.LastIndexByte(name, '-'); dash > 0 {
		for k := dash + 1; k < len(name); k++ {
			if isDigit(name[k]) {
				return true
			}
		}
	}
	return false
}

// quadWithPort reports whether the dotted quad at i is followed by
// ':' and a port number.
func quadWithPort(s string, i int) bool {
	e := scanIPv4(s, i)
	if e == 0 || e+1 >= len(s) || s[e] != ':' {
		return false
	}
	d := digitsAt(s, e+1)
	return d > e+1 && d-e-1 <= 5 && (d == len(s) || !isWord(s[d]))
}

// codeWordBefore reports whether the word ending at j is an upper-case
// code of at least four letters (HIER_DIRECT, FIRST_UP_PARENT, DIRECT), as
// in a Squid hierarchy field, rather than a product name (Chrome, curl,
// OpenSSL): a dotted quad after such a code and '/' is an address.
func codeWordBefore(s string, j int) bool {
	k := j
	for k > 0 && j-k < 32 && (is(s[k-1], clsUpper) || s[k-1] == '_') {
		k--
	}
	return j-k >= 4 && (k == 0 || !isWord(s[k-1]) && s[k-1] != '-')
}

// cefVersionField reports whether i starts the fourth field of a CEF or
// LEEF header (CEF:0|vendor|product|version|…).
func cefVersionField(s string, i int) bool {
	lo := max(0, i-256)
	h := strings.LastIndex(s[lo:i], "CEF:")
	if h < 0 {
		if h = strings.LastIndex(s[lo:i], "LEEF:"); h < 0 {
			return false
		}
	}
	return strings.Count(s[lo+h:i], "|") == 3
}

// versionKey reports whether the key or label word just before i (across
// quotes, '=', ':' and spaces) names a version.
func versionKey(s string, i int) bool {
	w := keyWordBefore(s, i)
	for p := 0; p+7 <= len(w); p++ {
		if hasPrefixFold(w, p, "version") {
			return true
		}
	}
	// The last name part decides: os_ver, fwRev, agent.build, image-tag.
	p := len(w)
	for p > 0 && !isPartSep(w[p-1]) && !(p < len(w) && is(w[p], clsUpper) && is(w[p-1], clsLower)) {
		p--
	}
	for _, v := range versionWords {
		if len(w)-p == len(v) && hasPrefixFold(w, p, v) {
			return true
		}
	}
	// "version number: 10.1.27.0", "Build no. 6.2.9200.1": a noun after a
	// version word.
	if p == 0 && versionNoun(w) {
		if ws := wordStartBefore(s, i); ws > 1 && s[ws-1] == ' ' && versionWordBefore(s, ws-1) {
			return true
		}
	}
	// A network OS name as the whole label: "BIG-IP 17.1.0.2". Only whole
	// names: the "IP" part of BIG-IP alone says address, not version.
	for _, v := range osNames {
		if len(w) == len(v) && hasPrefixFold(w, 0, v) {
			return true
		}
	}
	return false
}

// wordStartBefore returns where the word keyWordBefore(s, i) finds starts.
func wordStartBefore(s string, i int) int {
	j := i
	for k := 0; k < 4 && j > 0; k++ {
		c := s[j-1]
		if c != '"' && c != '\'' && c != '=' && c != ':' && c != ' ' && c != '\\' {
			break
		}
		j--
	}
	we := j
	for j > 0 && we-j < 64 && (isWord(s[j-1]) || s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	return j
}

// versionNoun reports whether w is a noun that follows a version word
// in a label ("version number", "build no", "release string").
func versionNoun(w string) bool {
	for _, n := range []string{"number", "no", "num", "string", "info", "id"} {
		if len(w) == len(n) && hasPrefixFold(w, 0, n) {
			return true
		}
	}
	return false
}

// osNames are appliance and network OS names that print four-part versions
// after them (F5 BIG-IP, PAN-OS, FortiOS, Junos, NX-OS, IOS-XE).
var osNames = []string{"big-ip", "pan-os", "fortios", "junos", "nx-os", "ios-xe", "ios-xr"}

// versionWords are key and label words (last name parts) that make a
// dotted number a version.
var versionWords = []string{"ver", "rev", "build", "release", "firmware", "fw", "sdk", "bios", "kernel", "driver", "tag", "revision"}

// timeKey reports whether the key or label word just before i names a
// time (rt=, devTime=, "ts":, timestamp=, created_at=): a bare 13-digit
// number there is epoch milliseconds, not a registration number.
func timeKey(s string, i int) bool {
	w := keyWordBefore(s, i)
	switch len(w) {
	case 0:
		return false
	case 1:
		return w[0] == 't' || w[0] == 'T' || w[0] == '_' // &_=1711243112258: a jQuery cache buster (epoch ms)
	case 2:
		return hasPrefixFold(w, 0, "ts") || hasPrefixFold(w, 0, "rt")
	}
	for p := 0; p+4 <= len(w); p++ {
		if hasPrefixFold(w, p, "time") || hasPrefixFold(w, p, "date") || hasPrefixFold(w, p, "epoch") || hasPrefixFold(w, p, "milli") {
			return true
		}
	}
	n := len(w)
	if n > 3 && w[n-2] == 'A' && w[n-1] == 't' && is(w[n-3], clsLower) {
		return true // createdAt, initiatedAt, expiresAt
	}
	return n > 3 && (w[n-3] == '_' || w[n-3] == '.') && hasPrefixFold(w, n-2, "at") || n > 3 && (w[n-3] == '_' || w[n-3] == '.') && hasPrefixFold(w, n-2, "ts")
}

// idRun reports whether the run of l digits at i is an id, a sequence
// number or a timestamp rather than a card or registration number, whatever
// its check digit: its key or label names an id (support_id=, TID :,
// "SCN 52…", tid 41…, span, trace), it is the decimal span after a 32-hex
// trace id (x-cloud-trace-context: <trace>/<span>), or it is a 14-digit
// date-time (releases/20241112232943). A Luhn check passes one number in
// ten, so it is no context for a long digit run on its own.
func idRun(s string, i, l int) bool {
	if l == 14 && dateDigits(s[i:i+8]) {
		return true
	}
	if i >= 33 && s[i-1] == '/' {
		h := 0
		for h < 32 && is(s[i-2-h], clsHex) {
			h++
		}
		if h == 32 && (i-34 < 0 || !is(s[i-34], clsHex)) {
			return true
		}
	}
	return lastPartIn(keyWordBefore(s, i), idWords)
}

// idWords are key and label words (last name parts) that make a digit run
// an id or a sequence number.
var idWords = []string{"id", "tid", "pid", "scn", "xid", "txid", "span", "trace", "thread", "support", "seq", "sequence"}

// dateDigits reports whether the eight digits d are a date, YYYYMMDD in
// 1970-2099.
func dateDigits(d string) bool {
	y := (int(d[0]-'0')*10+int(d[1]-'0'))*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	mo := int(d[4]-'0')*10 + int(d[5]-'0')
	dd := int(d[6]-'0')*10 + int(d[7]-'0')
	return y >= 1970 && y <= 2099 && mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31
}

// keyWordBefore returns the key or label word that ends just before i,
// across at most four quotes, backslashes, '=', ':' and spaces; "" when
// the number is glued to a word.
func keyWordBefore(s string, i int) string {
	j := i
	for k := 0; k < 4 && j > 0; k++ {
		c := s[j-1]
		if c != '"' && c != '\'' && c != '=' && c != ':' && c != ' ' && c != '\\' {
			break
		}
		j--
	}
	we := j
	for j > 0 && we-j < 64 && (isWord(s[j-1]) || s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	if we == i {
		return ""
	}
	return s[j:we]
}

// looksLikeAddress reports whether v has an '@' followed by a dotted domain.
func looksLikeAddress(v string) bool {
	at := strings.IndexByte(v, '@')
	return at >= 0 && strings.IndexByte(v[at:], '.') > 0
}

// awsSecretShaped reports whether v has the shape of an AWS secret access
// key: 40 standard base64 characters mixing upper case, lower case and
// digits (it may start with '/', unlike a path it has no words).
func awsSecretShaped(v string) bool {
	if len(v) != 40 {
		return false
	}
	var seen uint8
	for k := 0; k < len(v); k++ {
		if !is(v[k], clsB64) {
			return false
		}
		seen |= class[v[k]] & (clsDigit | clsUpper | clsLower)
		if v[k] == '/' || v[k] == '+' {
			seen |= clsDigit // a key of letters and '/' or '+' only: about 1 in 800 has no digit
		}
	}
	return seen == clsDigit|clsUpper|clsLower
}
