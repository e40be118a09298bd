package masking

import "strings"

// The label layer: a secret word (a key, a label in a sentence, a phrase
// such as "api key") and then the value, whatever stands between them: a
// separator ('=', ':', ":=", "=>", "->", "\="), connecting words ("is",
// "was", "set to", "changed to"), Korean particles, quotes. What decides is
// the value: placeholders and plain words are never secrets; after a
// separator any other value under a secret word is one; after connecting
// words or a bare space it must look like a password, a token or (for code
// words) a digit code.

// placeholders are values that stand for "no secret here".
var placeholders = []string{"null", "nil", "none", "true", "false", "yes", "no", "on", "off", "undefined", "n/a", "na", "-", "(null)", "<nil>", "empty", "redacted", "filtered", "masked", "hidden", "xxx", "xxxx", "xxxxxx", "xxxxxxxx"}

// isPlaceholder reports whether v is empty, a placeholder, a mask, or a
// template variable that stands for the value (${DB_PASSWORD}, {{ x }},
// %(pw)s, #{pw}, "(sensitive value)").
func isPlaceholder(v string) bool {
	if v == "" || isMaskToken(v) || upstreamMask(v) {
		return true
	}
	if len(v) >= 2 && (v[0] == '$' && (v[1] == '{' || v[1] == '(') || v[0] == '{' && v[1] == '{' || v[0] == '%' && v[1] == '(' || v[0] == '#' && v[1] == '{') {
		return true
	}
	if v[0] == '(' && parenWords(v) {
		return true
	}
	if v == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" { // Ansible no_log
		return true
	}
	if len(v) > 9 {
		return false
	}
	for _, p := range placeholders {
		if len(v) == len(p) && hasPrefixFold(v, 0, p) {
			return true
		}
	}
	return false
}

// plainValue reports whether v is no secret under a code word: a
// placeholder, letters only up to 24 ('-' and '_' between parts: "expired",
// "Success", "FAILED", "TestLogin", "pam_unix"), an authentication method,
// Korean text, or a number of one or two digits.
func plainValue(v string) bool {
	if isPlaceholder(v) {
		return true
	}
	if v[0] >= 0x80 {
		for k := 0; k < len(v); k++ {
			if v[k] < 0x80 && v[k] != ' ' {
				return false
			}
		}
		return true // Korean predicate or status ("발송 완료")
	}
	if isDigit(v[0]) {
		return len(v) <= 2 && (len(v) == 1 || isDigit(v[1]))
	}
	if len(v) <= 20 {
		for _, w := range methodWords {
			if len(v) == len(w) && hasPrefixFold(v, 0, w) {
				return true
			}
		}
	}
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case is(c, clsAlpha):
		case (c == '-' || c == '_') && k > 0 && k < len(v)-1 && is(v[k-1], clsAlpha) && is(v[k+1], clsAlpha):
		default:
			return false
		}
	}
	return len(v) <= 24 // words, names and identifiers: "expired", "FAILED", "TestLogin"
}

// methodWords are names of authentication methods and algorithms that
// code words such as "auth" take as values (auth=SCRAM-SHA-256).
var methodWords = []string{"scram-sha-1", "scram-sha-256", "scram-sha-512", "oauth2", "oauth", "md5", "sha1", "sha256", "sha512",
	"ntlm", "ntlmv2", "kerberos", "gssapi", "publickey", "keyboard-interactive", "2fa", "mfa", "saml2", "oidc", "ldaps", "x509",
	"digest-md5", "cram-md5", "hmac-sha1", "hmac-sha256", "hmac-sha512", "plain", "login", "aws4-hmac-sha256", "webauthn", "fido2", "u2f", "totp", "hotp", "sms"}

// looksLikePath reports whether v is a file path rather than a secret:
// "/run/secrets/db", "./certs/key.pem", "~/.pgpass", "C:\\keys\\x.pfx",
// "tls/server.key". One leading '/' without another is no path
// ("/x9Tiger"), nor is a 40-character AWS secret key.
func looksLikePath(v string) bool {
	if len(v) < 3 || len(v) > 256 || awsSecretShaped(v) {
		return false
	}
	slashes := 0
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case c == '/' || c == '\\':
			slashes++
		case isWord(c) || c == '.' || c == '-' || c == '~' || c == ':':
		default:
			return false
		}
	}
	switch {
	case strings.HasPrefix(v, "./"), strings.HasPrefix(v, "../"), strings.HasPrefix(v, "~/"):
		return true
	case v[0] == '/' && slashes >= 2:
		return true
	case len(v) > 3 && v[1] == ':' && v[2] == '\\':
		return true
	}
	if dot := strings.LastIndexByte(v, '.'); dot > 0 && slashes > 0 {
		switch strings.ToLower(v[dot+1:]) {
		case "pem", "key", "crt", "cer", "p12", "pfx", "jks", "json", "txt", "conf", "yaml", "yml", "env", "properties", "keystore":
			return true
		}
	}
	return false
}

// connectors are the words that may stand between a secret label and its
// value in a sentence: "password is X", "password was reset to X".
var connectors = []string{"is", "was", "to", "set", "reset", "changed", "updated", "now", "are", "be", "will", "has", "been", "as", "becomes",
	"key", "token", "value", "string", // nouns after a label: "secret key X", "session token X"
	"read", "write"} // access after an SNMP community: "community read cipher X"

// connectorAt returns the end of a connecting word at j, or 0.
func connectorAt(s string, j int) int {
	e := j
	for e < len(s) && is(s[e], clsLower) {
		e++
	}
	if e == j || e-j > 7 || (e < len(s) && s[e] != ' ') {
		return 0
	}
	w := s[j:e]
	for _, c := range connectors {
		if c == w {
			return e
		}
	}
	return 0
}

// phraseEnd returns the end of a secret phrase ("api key", "verification
// code") that starts at the word start ws, whose first word ends at we; we
// when there is none.
func (l *lexicon) phraseEnd(s string, ws, we int) int {
	if we-ws < 2 || s[ws] >= 0x80 || !l.phrases[lower(s[ws])][pairByte(s[ws+1])] || we+1 >= len(s) || s[we] != ' ' || !is(s[we+1], clsAlpha) {
		return we
	}
	e := we + 1
	for e < len(s) && (is(s[e], clsAlpha) || s[e] == '-' || s[e] == '_') {
		e++
	}
	if e-ws > 32 {
		return we
	}
	for i := range l.phraseWords {
		if k := &l.phraseWords[i]; len(k.w) == e-ws && k.class&(keySecret|keyCode) != 0 && hasPrefixFold(s, ws, k.w) {
			return e
		}
	}
	return we
}

// secretAfterLabel matches the value after a secret label that ends at i
// (a space follows), of class kc (keySecret or keyCode): after up to three
// connecting words, a quoted string that is not a plain word, or an
// unquoted value shaped like a password or a token, or for code words a
// digit code of 4 to 8 digits: "aws_secret_access_key wJalr…",
// "password was reset to Xk9…", "임시 비밀번호는 Xy7#… 입니다",
// "비밀번호가 Abcd1234!로", `passphrase "correct horse battery staple"`.
func secretAfterLabel(s string, i int, kc keyClass) (int, int) {
	a := i
	for a < len(s) && a-i < 2 && s[a] == ' ' {
		a++
	}
	for n := 0; n < 3 && a < len(s); n++ {
		e := connectorAt(s, a)
		if e == 0 {
			break
		}
		a = e + 1
	}
	a = ciscoType(s, a) // secret 5 $1$…, password 0 Cisc0…
	if a >= len(s) {
		return 0, 0
	}
	if q := s[a]; (q == '[' || q == '(') && !maskStartsAt(s, a) && !maskStartsAt(s, a+1) {
		// A bracketed value: "인증번호 [483920]", "OTP (483920)".
		cl := byte(']')
		if q == '(' {
			cl = ')'
		}
		e := a + 1
		for e < len(s) && e-a <= 64 && s[e] > ' ' && s[e] < 0x7f && s[e] != cl {
			e++
		}
		if e >= len(s) || s[e] != cl || e == a+1 {
			return 0, 0
		}
		if v := s[a+1 : e]; passwordShaped(v) || tokenShaped(v) || kc&keyCode != 0 && digitCode(v) {
			return a + 1, e
		}
		return 0, 0
	}
	if q := s[a]; q == '"' || q == '\'' {
		e := strings.IndexByte(s[a+1:], q)
		if e <= 0 || e > 128 {
			return 0, 0
		}
		v := s[a+1 : a+1+e]
		if plainValue(v) || strings.IndexByte(v, '\\') >= 0 || strings.Contains(v, "***") {
			return 0, 0
		}
		return a + 1, a + 1 + e
	}
	e := a
	for e < len(s) && s[e] > ' ' && s[e] < 0x7f && s[e] != '"' && s[e] != '\'' && s[e] != ',' && s[e] != '(' && s[e] != ')' {
		e++
	}
	if e < len(s) && (s[e] == '"' || s[e] == '\'') {
		for e > a && s[e-1] == '\\' {
			e-- // the end of a string, escaped inside another: \"
		}
	}
	for e > a && (s[e-1] == '.' || s[e-1] == ':') {
		e-- // the end of a sentence
	}
	// The value ends at a space, punctuation, the end of a string or a
	// Korean particle glued to it ("…!로").
	if e == a || (e < len(s) && s[e] != ' ' && s[e] != ',' && s[e] != '\n' && s[e] != '\t' && s[e] != '.' && s[e] != ')' && s[e] != '"' && s[e] != '\'' && s[e] != '\\' && s[e] < 0x80 &&
		!(s[e] == '(' && e+1 < len(s) && s[e+1] >= 0x80)) { // "…(으)로"
		return 0, 0
	}
	v := s[a:e]
	if cryptHash(v) {
		return a, e
	}
	if hasPrefixFold(v, 0, "http/") || plainValue(v) {
		return 0, 0 // "token HTTP/1.1", "auth activate-service-account"
	}
	if v[0] == '/' && !awsSecretShaped(v) && !(tokenShaped(v) && !looksLikePath(v)) || v[0] == '~' || v[0] == '-' || v[0] == '$' || strings.ContainsAny(v, "=[") || strings.IndexByte(v, ':') >= 0 && !colonPassword(v) || strings.Contains(v, "***") || strings.Contains(v, "---") || looksLikeAddress(v) {
		return 0, 0 // a path, an option, a variable, an address, a key, a mask
	}
	if !(passwordShaped(v) || tokenShaped(v) || (kc&keyCode != 0 || i > 0 && s[i-1] >= 0x80 && pinCode(v)) && digitCode(v)) {
		return 0, 0 // after a Korean label a 4- or 6-digit PIN counts too: "비밀번호 4829"
	}
	return a, e
}

// digitCode reports whether v is a one-time code or PIN: 4 to 8 digits.
func digitCode(v string) bool {
	if len(v) < 4 || len(v) > 8 {
		return false
	}
	for k := 0; k < len(v); k++ {
		if !isDigit(v[k]) {
			return false
		}
	}
	return true
}

// pairNames are keys whose value names the value of a sibling "value" key:
// {"name":"password","value":"…"}, <add key="DbPassword" value="…"/>,
// Keycloak's {"type":"password","value":"…"}.
var pairNames = []string{"name", "type", "key", "param", "parameter", "field", "label", "attribute", "property", "header"}

// pairLabelClass returns the classes of the name that a "value" key at k
// is given by a sibling key in the 160 bytes before it. It reads back past
// the previous match: the name is context, and a match between the
// name and the value ("name:pw:x value:y") must not hide it on the first
// pass only (idempotence).
func (m *Masker) pairLabelClass(s string, k int) keyClass {
	lo := max(0, k-160)
	for j := k - 1; j >= lo; j-- {
		if !is(s[j], clsAlpha) || j > 0 && isWord(s[j-1]) {
			continue
		}
		for _, n := range pairNames {
			if !hasPrefixFold(s, j, n) {
				continue
			}
			// name, then quotes, spaces and one ':' or '=', then the value.
			v := j + len(n)
			seps := 0
			for v < k && (s[v] == '"' || s[v] == '\'' || s[v] == ' ' || s[v] == '\\' || s[v] == ':' || s[v] == '=') {
				if s[v] == ':' || s[v] == '=' {
					seps++
				}
				v++
			}
			if seps != 1 {
				continue
			}
			e := v
			for e < k && e-v < 64 && isKeyByte(s[e]) {
				e++
			}
			if e > v {
				return m.lex.classes(s[v:e], keySecret|keyToken|keyCode)
			}
		}
	}
	return m.parentKeyClass(s, k)
}

// parentKeyClass returns the classes of the key of the object that a
// "value" key at k opens: {"secret":{"value":"…"}}, secret: {value: …}.
func (m *Masker) parentKeyClass(s string, k int) keyClass {
	j := k
	for j > 0 && k-j < 4 && (s[j-1] == '"' || s[j-1] == '\'' || s[j-1] == '\\' || s[j-1] == ' ') {
		j--
	}
	if j == 0 || s[j-1] != '{' {
		return 0
	}
	j--
	for j > 0 && k-j < 12 && (s[j-1] == ' ' || s[j-1] == ':' || s[j-1] == '=' || s[j-1] == '"' || s[j-1] == '\'' || s[j-1] == '\\') {
		j--
	}
	e := j
	for j > 0 && e-j < 64 && isKeyByte(s[j-1]) {
		j--
	}
	if j == e {
		return 0
	}
	return m.lex.classes(s[j:e], keySecret|keyToken|keyCode)
}

// parenWords reports whether v opens a parenthesis of lower-case words
// ("(sensitive value)", "(hidden"): a tool's placeholder.
func parenWords(v string) bool {
	for k := 1; k < len(v); k++ {
		if c := v[k]; c == ')' {
			return k > 1
		} else if !is(c, clsLower) && c != ' ' {
			return false
		}
	}
	return len(v) > 1
}

// mayHoldValue reports whether what follows the space at i can be a value
// after a label: anything but a plain lower-case word that is no
// connecting word ("password for user …", "token invalid").
func mayHoldValue(s string, i int) bool {
	j := i + 1
	e := j
	for e < len(s) && is(s[e], clsLower) {
		e++
	}
	if e == j || e < len(s) && s[e] != ' ' && s[e] != ',' && s[e] != '.' && s[e] != ';' && s[e] != '\n' ||
		e+1 < len(s) && s[e] == '.' && s[e+1] != ' ' {
		return true // not a word, or "s.umoHAet…"
	}
	return connectorAt(s, j) > 0 || e == len(s) && connectorAt(s+" ", j) > 0 || encodingWordAt(s, j) // "password cipher X"
}

// phraseStart reports whether the word at ws may start a phrase.
func (l *lexicon) phraseStart(s string, ws int) bool {
	return ws+1 < len(s) && s[ws] < 0x80 && l.phrases[lower(s[ws])][pairByte(s[ws+1])]
}

// nativeWordsThenValue matches a value one or two Korean words after a
// Korean secret label that ends at the space at r: "비밀번호 재설정 코드
// 448213", "비밀번호 변경 안내: Xk9#…". The value must look random, or be a
// 4-8 digit code right after a word ending in 코드, 번호 or 자리 (code,
// number, digits).
func nativeWordsThenValue(s string, r int) (int, int) {
	j := r
	code := false
	for w := 0; w < 2 && j+1 < len(s) && s[j] == ' ' && (s[j+1] >= 0x80 || isDigit(s[j+1]) && j+2 < len(s) && s[j+2] >= 0x80); w++ {
		ws := j + 1
		e := ws
		if isDigit(s[e]) {
			e++ // "4자리"
		}
		for e < len(s) && s[e] >= 0x80 && e-ws <= 24 {
			e++
		}
		if e < len(s) && s[e] == ':' {
			return 0, 0 // a key of its own: the key=value scanner decides
		}
		word := s[ws:e]
		code = strings.HasSuffix(word, "코드") || strings.HasSuffix(word, "번호") || strings.HasSuffix(word, "자리")
		j = e
	}
	if j == r || j+1 >= len(s) || s[j] != ' ' || s[j+1] >= 0x80 {
		return 0, 0
	}
	a := j + 1
	e := a
	for e < len(s) && s[e] > ' ' && s[e] < 0x7f && s[e] != '"' && s[e] != '\'' && s[e] != ',' && s[e] != ')' {
		e++
	}
	for e > a && (s[e-1] == '.' || s[e-1] == ':') {
		e--
	}
	if e == a || e < len(s) && s[e] != ' ' && s[e] != '"' && s[e] != ',' && s[e] != '.' && s[e] != ')' && s[e] < 0x80 {
		return 0, 0
	}
	v := s[a:e]
	if containsMask(v) {
		return 0, 0
	}
	if strongShaped(v) && !looksLikeAddress(v) && !strings.ContainsAny(v, "=[") || code && digitCode(v) {
		return a, e
	}
	return 0, 0
}

// pathToken matches a token-shaped URL path segment after a segment that
// is a token or secret word, s[ws:i] with '/' before it and at i:
// "/api/token/9f8e7d6c5b4a…", "/password/reset/AbC123…" (reset is a
// connector). The segment ends at '/', '?', '#', a space or a quote.
func (m *Masker) pathToken(s string, ws, i int) (int, int) {
	// The segment may hold more words: /reset-password/, /magic-link/.
	seg := ws
	for seg > 0 && i-seg < 64 && (isWord(s[seg-1]) || s[seg-1] == '-' || s[seg-1] == '.') {
		seg--
	}
	if seg == 0 || s[seg-1] != '/' {
		return 0, 0
	}
	w := s[ws:i]
	if seg == ws {
		if a, e := webhookSecret(s, ws, i); e > 0 {
			return a, e
		}
	}
	if !pathTokenWord(w) &&
		!(len(w) > 1 && m.lex.last2[lower(w[len(w)-2])][lower(w[len(w)-1])]&(keySecret|keyToken) != 0 && m.lex.classes(s[seg:i], keySecret|keyToken) != 0) {
		return 0, 0
	}
	a := i + 1
	e := a
	for e < len(s) && e-a <= 512 && s[e] != '/' && s[e] != '?' && s[e] != '#' && s[e] != ' ' && s[e] != '"' && s[e] != '\'' && s[e] != '&' {
		e++
	}
	if !tokenShaped(s[a:e]) || m.enabled[JWT] && scanJWT(s, a) > 0 {
		return 0, 0
	}
	return a, e
}

// webhookSecret matches the secret last segment of a webhook URL whose
// path segment s[ws:i] ('/' at i) is followed by ids: Slack's
// hooks.slack.com/services/T…/B…/<secret> and Discord's (or any)
// /api/webhooks/<id>/<token>.
func webhookSecret(s string, ws, i int) (int, int) {
	var ids int
	switch w := s[ws:i]; {
	case w == "services" && ws >= 16 && hasPrefixFold(s, ws-16, "hooks.slack.com/"):
		ids = 2
	case w == "workflows" && ws >= 16 && hasPrefixFold(s, ws-16, "hooks.slack.com/"):
		ids = 3 // hooks.slack.com/workflows/T…/A…/<id>/<secret>
	case w == "triggers" && ws >= 16 && hasPrefixFold(s, ws-16, "hooks.slack.com/"):
		ids = 2
	case w == "webhooks":
		ids = 1
	default:
		return 0, 0
	}
	a := i + 1
	for range ids {
		e := a
		for e < len(s) && e-a < 64 && isKeyByte(s[e]) {
			e++
		}
		if e == a || e >= len(s) || s[e] != '/' {
			return 0, 0
		}
		a = e + 1
	}
	e := a
	for e < len(s) && e-a <= 128 && (isWord(s[e]) || s[e] == '-') {
		e++
	}
	if e-a < 16 || e < len(s) && !(s[e] == '?' || s[e] == '#' || s[e] == '"' || s[e] == '\'' || s[e] == '\\' || s[e] == '<' || s[e] == '>' || s[e] == ',' || s[e] == ')' || is(s[e], clsSpace)) {
		return 0, 0
	}
	if !tokenShaped(s[a:e]) {
		return 0, 0
	}
	return a, e
}

// azureSecret matches an Azure AD client secret, three characters, a digit
// and "Q~", then 31 to 34 of [A-Za-z0-9_~.-], whose first part is s[ws:i]
// with the '~' at i.
func azureSecret(s string, ws, i int) (int, int) {
	if i-ws != 5 || s[i-1] != 'Q' || !isDigit(s[i-2]) || ws > 0 && (isWord(s[ws-1]) || s[ws-1] == '.' || s[ws-1] == '~') {
		return 0, 0
	}
	e := i + 1
	for e < len(s) && e-i <= 35 && (isWord(s[e]) || s[e] == '~' || s[e] == '.' || s[e] == '-') {
		e++
	}
	if n := e - i - 1; n < 31 || n > 34 || e < len(s) && (isWord(s[e]) || s[e] == '~') {
		return 0, 0
	}
	return ws, e
}
