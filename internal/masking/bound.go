package masking

import "strings"

// Deny by default (Detector.DenyByDefault, on in the strict preset): a
// value bound to a name by a pair syntax the engine already reads
// (key=value, key: value, JSON, XML attributes, query strings, SQL
// columns, attribute keys) is a secret when its name holds a secret
// morpheme anywhere (user_pin, t_key, dbPass, smtpPw, x-auth, 비밀값) and
// the value is not plainly something else; the lexicon only knows whole
// secret words. A name whose last part is safe (key_id, token_type,
// cookie_name, pin_length, session_timeout) names a property, and a name
// with a "public" part a public value.

// DefaultSecretMorphemes is the default list of name parts that make a
// bound value a secret under deny-by-default. An ASCII morpheme matches a
// whole name part (split at '_', '-', '.', spaces and camel-case steps),
// its plural, or the end of a glued part of two more letters or more
// (dbpass, smtppw, apikey); "code" matches only a name that is "code"
// alone (status_code, zipcode are properties). Korean morphemes match
// anywhere in a name.
var DefaultSecretMorphemes = []string{
	"pass", "pwd", "pw", "passwd", "password", "pin", "secret", "token", "key", "auth", "cred", "cookie", "session", "sess",
	"sig", "otp", "cert", "priv", "salt", "code", "psk", "nonce", "sid", "jwt", "bearer", "cipher",
	"비밀", "암호", "인증", "패스", "토큰", "세션",
}

// DefaultSafeKeys is the default list of last name parts that keep a bound
// value under deny-by-default: ids, traces, digests, versions and the
// properties of a secret rather than the secret (key_id, token_type,
// cookie_name, pin_length).
var DefaultSafeKeys = []string{
	"id", "ids", "uuid", "guid", "trace", "span", "request", "correlation", "hash", "digest", "etag", "checksum", "crc", "commit", "sha",
	"version", "ver", "build", "revision", "rev", "release", "fingerprint", "thumbprint", "serial", "issuer", "subject", "host", "port",
	"count", "type", "name", "length", "len", "size", "expiry", "expires", "expired", "ttl", "limit", "used", "hint", "policy", "age",
	"required", "valid", "enabled", "file", "path", "dir", "min", "max", "url", "uri", "endpoint", "ref", "arn", "scope", "scopes",
	"source", "provider", "lifetime", "issued", "algorithm", "alg", "format", "strength", "status", "state", "mode", "method",
	"location", "store", "manager", "rotation", "rotated", "last", "duration", "timeout", "at", "ms", "sec", "seconds", "prompt",
	"field", "label", "kind", "header", "param", "error", "errors", "reason", "result", "check", "history", "attempts", "retries",
	"failures", "failed", "created", "updated", "date", "time", "days", "bits", "scheme", "exception", "level", "index", "idx",
	"usage", "ok", "success", "flag", "flags", "class", "handler", "plugin", "module", "server", "client", "user", "username",
	"md5", "sha1", "sha256", "sha384", "sha512", "ed25519", "rsa", "ecdsa", // a digest after its algorithm (SHA256:…)
	"login", "account", "owner", "alias", "group", "role", "domain", "realm", "region", "zone", "env", "tag", "tags",
	// keys that identify a record rather than open it (two last parts)
	"payment_key", "primary_key", "partition_key", "sort_key", "range_key", "routing_key", "idempotency_key", "cache_key",
	"object_key", "foreign_key", "row_key", "shard_key", "message_key", "dedup_key", "lookup_key", "bucket_key", "s3_key",
	"index_key", "unique_key", "order_key", "record_key", "item_key", "event_key", "tenant_key", "group_key", "map_key", "join_key",
}

// bound holds the deny-by-default vocabularies; nil when it is off.
type bound struct {
	morphemes []string // ASCII, lower case
	native    []string // non-ASCII, matched anywhere
	safe      map[string]struct{}
	random    bool // values that look random are secrets under any name that is not safe
}

func newBound(morphemes, safe []string) *bound {
	b := &bound{safe: make(map[string]struct{}, len(safe))}
	for _, w := range morphemes {
		w = strings.ToLower(strings.TrimSpace(w))
		switch {
		case w == "":
		case !asciiName(w):
			b.native = append(b.native, w)
		default:
			b.morphemes = append(b.morphemes, w)
		}
	}
	for _, w := range safe {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			b.safe[w] = struct{}{}
		}
	}
	return b
}

// maxBoundParts is how many name parts deny-by-default reads.
const maxBoundParts = 12

// match returns the morpheme of name ("" for none) when name is bound to
// secrets: a part holds a morpheme, no part is "public" or "pub", and the
// last part is not safe. Parts are split at non-alphanumeric bytes and
// camel-case steps; a run of capitals stays one part (DBPass: "db",
// "pass"; PIN: "pin").
func (b *bound) match(name string) string {
	if len(name) == 0 || len(name) > 128 {
		return ""
	}
	var starts, ends [maxBoundParts]uint8
	n := 0
	native := false
	for p := 0; p < len(name) && n < maxBoundParts; {
		c := name[p]
		if c >= 0x80 {
			native = true
		}
		if !is(c, clsAlnum) {
			p++
			continue
		}
		q := p + 1
		for q < len(name) && is(name[q], clsAlnum) {
			if is(name[q], clsUpper) && is(name[q-1], clsLower) {
				break // camelCase step
			}
			if is(name[q], clsLower) && is(name[q-1], clsUpper) && q-1 > p {
				q-- // "DBPass": the capital before a lower-case letter starts the next part
				break
			}
			q++
		}
		starts[n], ends[n] = uint8(p), uint8(q)
		n++
		p = q
	}
	found := ""
	for k := 0; k < n; k++ {
		part := name[starts[k]:ends[k]]
		if len(part) == 3 && hasPrefixFold(part, 0, "pub") || len(part) == 6 && hasPrefixFold(part, 0, "public") {
			return ""
		}
		if found == "" {
			found = b.partMorpheme(part, n == 1)
		}
	}
	if found == "" && native {
		for _, w := range b.native {
			if strings.Contains(name, w) {
				found = w
				break
			}
		}
	}
	if found == "" || n > 1 && (b.safePart(name[starts[n-1]:ends[n-1]]) || b.safePair(name[starts[n-2]:ends[n-2]], name[starts[n-1]:ends[n-1]])) {
		return ""
	}
	return found
}

// partMorpheme returns the morpheme that part (one name part) is, is the
// plural of or ends with; alone says the part is the whole name.
func (b *bound) partMorpheme(part string, alone bool) string {
	for _, w := range b.morphemes {
		switch {
		case len(part) == len(w) && hasPrefixFold(part, 0, w):
		case len(part) == len(w)+1 && hasPrefixFold(part, 0, w) && part[len(w)]|0x20 == 's':
		case w == "code":
			continue // only "code" itself: status_code, zipcode, encode are no secrets
		case len(part) >= len(w)+2 && len(w) >= 2 && hasPrefixFold(part, len(part)-len(w), w) && !gluedWord(part):
		default:
			continue
		}
		if w == "code" && !alone {
			continue
		}
		return w
	}
	return ""
}

// gluedWords are English words that end in a morpheme without naming a
// secret (bypass, monkey, spin).
var gluedWords = []string{"bypass", "compass", "surpass", "overpass", "underpass", "monkey", "turkey", "hockey", "whiskey", "jockey",
	"donkey", "spin", "bespin", "turnkey", "passkey", "hotkey", "passes", "design", "unsig", "oauth"}

func gluedWord(part string) bool {
	for _, w := range gluedWords {
		if len(part) == len(w) && hasPrefixFold(part, 0, w) {
			return w != "oauth" && w != "passkey" // an OAuth value and a passkey are secrets
		}
	}
	return false
}

// safePart reports whether a name's last part names a property.
func (b *bound) safePart(part string) bool {
	if len(part) > 16 {
		return false
	}
	var buf [16]byte
	for k := 0; k < len(part); k++ {
		buf[k] = lower(part[k])
	}
	_, ok := b.safe[string(buf[:len(part)])]
	return ok
}

// safePair reports whether a name's last two parts, joined with '_', are
// safe (paymentKey, routing-key).
func (b *bound) safePair(p1, p2 string) bool {
	if len(p1)+len(p2) > 31 {
		return false
	}
	var buf [32]byte
	n := 0
	for k := 0; k < len(p1); k++ {
		buf[n] = lower(p1[k])
		n++
	}
	buf[n] = '_'
	n++
	for k := 0; k < len(p2); k++ {
		buf[n] = lower(p2[k])
		n++
	}
	_, ok := b.safe[string(buf[:n])]
	return ok
}

// boundSecret reports whether v, bound to a name that holds the morpheme
// w, is a secret: not a placeholder, a plain word, a number (a pin, an
// otp or a code of 4-12 digits is one), a UUID, a date, time, version or
// address, a path or URL, or an e-mail address.
func boundSecret(w, v string) bool {
	if v == "" || len(v) > 512 || isPlaceholder(v) || plainValue(v) || isUUID(v) || containsMask(v) {
		return false
	}
	digits, numeric := 0, true
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case isDigit(c):
			digits++
		case c == '.' || c == '-' || c == ':' || c == '/' || c == ' ' || c == '+' || c == ',' || c == 'T' || c == 'Z':
		default:
			numeric = false
		}
	}
	if numeric {
		if digits == len(v) && digits >= 4 && digits <= 12 {
			switch w {
			case "pin", "otp", "code", "pass", "pwd", "pw", "passwd", "password", "secret", "비밀", "암호", "인증", "패스":
				return true
			}
		}
		return false // a count, a port, a date, a time, a version or an address
	}
	if identifierLike(v) {
		return false // user_profile_20240301_v2, PAYMENT_DECLINED_51, user:42:profile
	}
	if strings.Contains(v, "://") || looksLikePath(v) || strings.IndexByte(v, '@') > 0 && strings.IndexByte(v, '.') > 0 && !strings.ContainsAny(v, " :") {
		return false
	}
	if eq := strings.IndexByte(v, '='); eq >= 0 && strings.TrimRight(v[eq:], "=") != "" {
		return false // pairs of their own (Set-Cookie: sid=…; Path=/): each is read at its '='
	}
	if strings.IndexByte(v, ':') >= 0 && !colonPassword(v) {
		return false // a key and a value (user:42), a host and port
	}
	if strings.IndexByte(v, ' ') >= 0 && !passwordShaped(strings.ReplaceAll(v, " ", "")) {
		return false // prose
	}
	return true
}

// boundValue matches, under deny-by-default, the value that starts at vs
// after the name key (at k in s) when the name holds a secret morpheme.
func (m *Masker) boundValue(s string, k int, key string, vs int) (int, int) {
	w := m.bound.match(key)
	if w == "" && m.bound.random && !m.bound.safeName(key) {
		return m.randomBound(s, k, vs)
	}
	if w == "" || k >= len(hashPrefix) && s[k-len(hashPrefix):k] == hashPrefix || m.touchesMask(s, k, k) {
		return 0, 0
	}
	a, e := valueAfter(s, vs)
	if e == 0 || !boundSecret(w, s[a:e]) || m.touchesMask(s, a, e) || resourceName(s[a:e]) || prefixedHexID(s[a:e]) {
		return 0, 0
	}
	return a, e
}

// safeName reports whether name's last part (or last two) is safe.
func (b *bound) safeName(name string) bool {
	e := len(name)
	for e > 0 && !is(name[e-1], clsAlnum) {
		e--
	}
	p := e
	for p > 0 && is(name[p-1], clsAlnum) && !(p < e && is(name[p], clsUpper) && is(name[p-1], clsLower)) {
		p--
	}
	if p == e || publicName(name) {
		return true
	}
	if b.safePart(name[p:e]) {
		return true
	}
	q := p
	for q > 0 && !is(name[q-1], clsAlnum) {
		q--
	}
	r := q
	for r > 0 && is(name[r-1], clsAlnum) && !(r < q && is(name[r], clsUpper) && is(name[r-1], clsLower)) {
		r--
	}
	return r < q && b.safePair(name[r:q], name[p:e])
}

// publicName reports whether name has a part "public" or "pub"
// (PublicKey, pub_key): its value is published.
func publicName(name string) bool {
	for p := 0; p+3 <= len(name); p++ {
		if (p == 0 || !is(name[p-1], clsLower) || is(name[p], clsUpper)) && hasPrefixFold(name, p, "pub") {
			e := p + 3
			if e+3 <= len(name) && hasPrefixFold(name, e, "lic") {
				e += 3
			}
			if e == len(name) || !is(name[e], clsLower) {
				return true
			}
		}
	}
	return false
}

// randomBound matches a value after vs that looks random (randomValue)
// under a name with no morpheme.
func (m *Masker) randomBound(s string, k, vs int) (int, int) {
	if k >= len(hashPrefix) && s[k-len(hashPrefix):k] == hashPrefix || m.touchesMask(s, k, k) {
		return 0, 0
	}
	a, e := valueAfter(s, vs)
	if e == 0 || !randomValue(s[a:e]) || m.touchesMask(s, a, e) || resourceName(s[a:e]) || prefixedHexID(s[a:e]) {
		return 0, 0
	}
	return a, e
}

// randomValue reports whether v looks like a random credential: token
// shaped (16+ token bytes mixing letters and digits), all three of upper
// case, lower case and digits, not hexadecimal (digests and ids), not a
// UUID, not dotted or slashed (versions, paths, host names).
func randomValue(v string) bool {
	if !tokenShaped(v) || !mixedCase(v) || isUUID(v) || strings.ContainsAny(v, "./:") {
		return false
	}
	if eq := strings.IndexByte(v, '='); eq >= 0 && strings.TrimRight(v[eq:], "=") != "" {
		return false // a pair of its own
	}
	if identifierLike(v) {
		return false // words joined: Your+login+code+is+…, order_ready_2024
	}
	if p := strings.IndexByte(v, '_'); p >= 2 && p <= 5 && strings.IndexFunc(v[:p], func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
		return false // a typed object id: cus_…, ch_…, evt_… (secret families are access_key's)
	}
	for k := 0; k < len(v); k++ {
		if !is(v[k], clsHex) && v[k] != '-' {
			return true
		}
	}
	return false
}

// boundWord stands for the morpheme of a keyBound class in boundSecret:
// one that takes digit codes or one that does not.
func boundWord(kc keyClass) string {
	if kc&keyBoundCode != 0 {
		return "pin"
	}
	return "key"
}

// identifierLike reports whether v is words joined by separators ('_',
// '-', '.', ':', '+', '/'): two parts or more of three or more letters in
// one case (or capitalised), like names, codes and prose, not a random
// credential (9IvCp-oYe0v-676 has no such part).
func identifierLike(v string) bool {
	words := 0
	for p := 0; p < len(v); {
		q := p
		for q < len(v) && !(v[q] == '_' || v[q] == '-' || v[q] == '.' || v[q] == ':' || v[q] == '+' || v[q] == '/') {
			q++
		}
		if q-p >= 3 && wordPart(v[p:q]) {
			words++
		}
		p = q + 1
	}
	return words >= 2
}

// wordPart reports whether w is letters in one case, or a capital and
// lower-case letters.
func wordPart(w string) bool {
	upper, lower := 0, 0
	for k := 0; k < len(w); k++ {
		switch {
		case is(w[k], clsUpper):
			upper++
		case is(w[k], clsLower):
			lower++
		default:
			return false
		}
	}
	return upper == 0 || lower == 0 || upper == 1 && is(w[0], clsUpper)
}

// directive matches, under deny-by-default, the value of a configuration
// directive on a line of its own, "name value" (redis.conf requirepass X,
// keepalived auth_pass X, a property file's db-secret X), whose name ends
// at the space at i and holds a secret morpheme: the value must be the
// line's last word and look like a password or a token.
func (m *Masker) directive(s string, ws, i, last int) (int, int) {
	ns := ws
	for ns > last && i-ns < 64 && (isWord(s[ns-1]) || s[ns-1] == '-' || s[ns-1] == '.') {
		ns--
	}
	for k := ns; k > 0; k-- {
		c := s[k-1]
		if c == '\n' {
			break
		}
		if c != ' ' && c != '\t' {
			return 0, 0 // not the first word of its line
		}
	}
	if i-ns < 3 || !is(s[ns], clsAlpha) {
		return 0, 0
	}
	if m.lex.classes(s[ns:i], keySecret|keyToken|keyCode) != 0 {
		return 0, 0 // a lexicon word: the label layer reads it ("token eyJ…" is the jwt detector's)
	}
	w := m.bound.match(s[ns:i])
	if w == "" {
		return 0, 0
	}
	if m.enabled[JWT] && scanJWT(s, i+1) > 0 {
		return 0, 0
	}
	a := i + 1
	e := a
	for e < len(s) && s[e] > ' ' && e-a < 256 {
		e++
	}
	if e == a || e < len(s) && s[e] != '\n' && s[e] != '\r' {
		return 0, 0 // more words follow: prose, not a directive
	}
	if v := s[a:e]; !boundSecret(w, v) || !strongShaped(v) || v[0] == '"' || v[0] == '\'' {
		return 0, 0
	}
	return a, e
}
