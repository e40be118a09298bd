package masking

import "strings"

// Vocabulary variants. Key and label vocabularies are data; the lexicon
// matches an ASCII word on name parts, so a word written in one form is
// extended to the forms the same name takes elsewhere:
//
//   - a phrase is also a compound name: "signing key" matches signing_key,
//     signingKey, SIGNING-KEY and signing.key as well as the prose label;
//   - a glued word that ends in a secret-bearing part is also the
//     separated name: "accountkey" matches account_key and AccountKey,
//     "userpw" user_pw, "sessionid" session_id.

// partWords are the name parts that split a glued word ("account"+"key").
var partWords = []string{"password", "passwd", "secret", "token", "key", "pass", "pwd", "pw", "code", "pin", "id", "sig"}

// expandLexicon returns list with the variants of its words, each once,
// and which of them are variants.
func expandLexicon(list []string) ([]string, map[string]bool) {
	out := make([]string, 0, len(list)+len(list)/2)
	seen := make(map[string]bool, len(list)*2)
	variants := map[string]bool{}
	words := make(map[string]bool, len(list))
	for _, k := range list {
		words[strings.ToLower(strings.TrimSpace(k))] = true
	}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, k := range list {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		add(k)
		if !asciiName(k) {
			continue
		}
		// A variant whose last part is a word of the list already matches
		// as that part (db_password): it is not added.
		if sp := strings.LastIndexByte(k, ' '); sp > 0 {
			if v := strings.ReplaceAll(k, " ", "_"); !words[k[sp+1:]] && !seen[v] {
				variants[v] = true
				add(v)
			}
			continue
		}
		if strings.ContainsAny(k, "_-.") {
			continue
		}
		for _, p := range partWords {
			if len(k) >= len(p)+3 && strings.HasSuffix(k, p) {
				if v := k[:len(k)-len(p)] + "_" + p; !words[p] && !seen[v] {
					variants[v] = true
					add(v)
				}
				break
			}
		}
	}
	return out, variants
}

// asciiName reports whether w holds only ASCII letters, digits, spaces and
// name separators.
func asciiName(w string) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k]; !(is(c, clsAlnum) || c == ' ' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// pathTokenWords are URL path segments after which a token-shaped segment
// is a one-time secret: password reset, e-mail verification, invitation,
// magic-link and webhook URLs (/reset-password/<token>,
// /invite/accept/<token>, /hooks/<token>). Segments that name secrets or
// tokens (/token/…, /api-key/…) come from the lexicon.
var pathTokenWords = []string{
	"reset", "verify", "verification", "confirm", "confirmation", "activate", "activation", "invite", "invitation", "accept",
	"magic", "link", "webhook", "webhooks", "hook", "hooks", "unsubscribe", "recover", "recovery", "approve", "claim", "signin",
	"login", "sso", "callback", "share", "shared", "onboarding", "setup", "incomingwebhook",
}

// pathTokenWord reports whether w (a path segment's last word) is one of
// pathTokenWords, ignoring case.
func pathTokenWord(w string) bool {
	for _, p := range pathTokenWords {
		if len(w) == len(p) && hasPrefixFold(w, 0, p) {
			return true
		}
	}
	return false
}

// sessionID reports whether the token word w, ending in ident at e, is
// "session" and the part after it "id": a session id is the session's
// secret (session_id, sessionId), while key_id or secret_id name one.
func sessionID(w, ident string, e int) bool {
	if w != "session" {
		return false
	}
	if isPartSep(ident[e]) {
		e++
	}
	return e+2 == len(ident) && hasPrefixFold(ident, e, "id") || e+2 < len(ident) && hasPrefixFold(ident, e, "id") && isPartSep(ident[e+2])
}

// colonPassword reports whether v, a password-shaped value after a label
// that holds a ':', is a password ("qfz@54:cppF") rather than a key and a
// value (type:bearer), a host and port (db1:5432), a URL or a digest
// (sha256:…).
func colonPassword(v string) bool {
	if strings.Contains(v, "//") {
		return false
	}
	for _, h := range []string{"sha1:", "sha256:", "sha384:", "sha512:", "md5:"} {
		if hasPrefixFold(v, 0, h) {
			return false
		}
	}
	c := strings.IndexByte(v, ':')
	l, r := v[:c], v[c+1:]
	if r == "" || l == "" || digitsAt(r, 0) == len(r) {
		return false
	}
	return !(identLike(l) && identLike(r))
}

// identLike reports whether w is letters and underscores only.
func identLike(w string) bool {
	for k := 0; k < len(w); k++ {
		if !is(w[k], clsAlpha) && w[k] != '_' && w[k] != '-' {
			return false
		}
	}
	return true
}

// ciscoType skips the encryption type that Cisco IOS and FortiOS write between
// a secret keyword and its value ("enable secret 5 $1$…", "username admin
// password 0 Cisc0…", "key 7 0822455D0A16") at a: one digit, a space,
// then more text.
func ciscoType(s string, a int) int {
	if a+2 < len(s) && isDigit(s[a]) && s[a+1] == ' ' && s[a+2] > ' ' && (a == 0 || s[a-1] == ' ') {
		return a + 2
	}
	if hasPrefixAt(s, a, "ENC ") && a+4 < len(s) && s[a+4] > ' ' {
		return a + 4 // FortiOS: set password ENC …
	}
	// Huawei VRP and H3C "password cipher|simple|irreversible-cipher …",
	// Aruba "password plaintext|ciphertext …": the value's encoding.
	if encodingWordAt(s, a) {
		return strings.IndexByte(s[a:], ' ') + a + 1
	}
	return a
}

// encodingWordAt reports whether an encoding word and a space, then a
// value, stand at a.
func encodingWordAt(s string, a int) bool {
	if a >= len(s) || a > 0 && s[a-1] != ' ' {
		return false
	}
	switch lower(s[a]) {
	case 'c', 's', 'i', 'p', 'e', 'h', 'u', 'a':
	default:
		return false
	}
	for _, w := range encodingWords {
		if hasPrefixFold(s, a, w) && a+len(w)+1 < len(s) && s[a+len(w)] == ' ' && s[a+len(w)+1] > ' ' {
			return true
		}
	}
	return false
}

// cryptHash reports whether v is a crypt(3) password hash: $1$ (MD5),
// $5$, $6$ (SHA-2), $2a$/$2b$/$2y$ (bcrypt), $y$ (yescrypt), $argon2…,
// Cisco $8$ and $9$. A hash is as sensitive as the password (it can be
// cracked offline).
func cryptHash(v string) bool {
	if len(v) < 12 || v[0] != '$' {
		return false
	}
	k := 1
	for k < len(v) && k < 10 && (is(v[k], clsAlnum)) {
		k++
	}
	if k == 1 || k >= len(v) || v[k] != '$' {
		return false
	}
	id := v[1:k]
	switch id {
	case "1", "2a", "2b", "2y", "5", "6", "7", "8", "9", "y", "gy", "argon2i", "argon2id", "argon2d", "apr1", "sha1", "md5":
		return strings.Count(v, "$") >= 2 && len(v)-k > 8
	}
	return false
}

// schemePrefix returns the end of an LDAP-style password scheme at j,
// {SSHA}, {SHA512-CRYPT}, {PBKDF2-SHA256}, {CRYPT}, or 0.
func schemePrefix(s string, j int) int {
	k := j + 1
	for k < len(s) && k-j < 24 && (is(s[k], clsUpper|clsDigit) || s[k] == '-' || s[k] == '.') {
		k++
	}
	if k-j < 3 || k+1 >= len(s) || s[k] != '}' || s[k+1] <= ' ' {
		return 0
	}
	return k + 1
}

// phpVisibility returns where the value starts after a PHP var_dump or
// print_r property visibility at j (`"password":protected]=> string(8)
// "…"`, `[password:protected] => …`), or 0.
func phpVisibility(s string, j int) int {
	for _, v := range []string{"protected", "private", "public"} {
		if !hasPrefixAt(s, j, v) {
			continue
		}
		k := j + len(v)
		switch {
		case hasPrefixAt(s, k, "]=>"):
			return k + 3
		case hasPrefixAt(s, k, "] => "):
			return k + 5
		}
	}
	return 0
}

// repeatedOption returns where the quoted value starts when the option
// before the quoted name at i (" -si 'password'") is repeated at j before
// it (" -si '…'"), or 0: script arguments passed as name and value pairs
// (Commvault qoperation execscript -si).
func repeatedOption(s string, i, j int) int {
	if j+2 >= len(s) || s[j] != '-' || i < 3 || s[i-1] != ' ' {
		return 0
	}
	b := i - 1
	for b > 0 && i-1-b < 16 && s[b-1] != ' ' {
		b--
	}
	opt := s[b : i-1]
	if len(opt) < 2 || opt[0] != '-' || !hasPrefixAt(s, j, opt) || j+len(opt)+1 >= len(s) || s[j+len(opt)] != ' ' {
		return 0
	}
	return j + len(opt) + 1
}

// quotedPair matches the second of two quoted words when the first is a
// secret name: Redis MONITOR `"CONFIG" "SET" "requirepass" "…"`, argument
// lists (`"--password" "…"`), at the quote at i that opens the name.
func (m *Masker) quotedPair(s string, i, last int) (int, int) {
	if i+4 >= len(s) || i > 0 && s[i-1] != ' ' && s[i-1] != '[' && s[i-1] != ',' {
		return 0, 0
	}
	q := s[i]
	if c := s[i+1]; c != '-' && (c >= 0x80 || m.lex.first[lower(c)]&keySecret == 0) {
		return 0, 0
	}
	e := i + 1
	for e < len(s) && e-i < 48 && (isWord(s[e]) || s[e] == '-' || s[e] == '.') {
		e++
	}
	if e+3 >= len(s) || s[e] != q || s[e+1] != ' ' && !(s[e+1] == ',' && s[e+2] == ' ') {
		return 0, 0 // a name, then a space or ", " (a JSON key ends in ':')
	}
	n := s[i+1 : e]
	for len(n) > 0 && n[0] == '-' {
		n = n[1:]
	}
	j := e + 1
	if s[j] == ',' {
		j++
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if o := repeatedOption(s, i, j); o > 0 {
		j = o // -si 'password' -si '…': the option that passed the name passes its value
	}
	if j >= len(s) || s[j] != q || n == "" || m.touchesMask(s, i, i) {
		return 0, 0
	}
	if m.classify(n)&keySecret == 0 {
		return 0, 0 // code words (AUTH, pin) have their own rules
	}
	if m.enabled[AccessKey] && scanAccessKey(s, i+1) == e {
		return 0, 0 // 'AKIA…7PW5', '…': a key id (its "PW" is no name part), matched on its own
	}
	a := j + 1
	b := a
	for b < len(s) && b-a < 256 && s[b] != q {
		if s[b] == '\\' {
			b++
		}
		b++
	}
	if b >= len(s) || b == a {
		return 0, 0
	}
	v := s[a:b]
	if isMaskToken(v) || upstreamMask(v) || !hasAlnum(v) {
		return 0, 0
	}
	return a, b
}

// oracleCommands take an Oracle connect string user/password@service.
var oracleCommands = []string{"sqlplus", "rman", "exp", "imp", "expdp", "impdp", "sqlldr", "dgmgrl", "tkprof", "wrap", "userid="}

// oracleLogin matches the password of an Oracle connect string,
// user/password@//host:port/service (EZConnect) or user/password@tns after
// an Oracle tool, at an '@' at at; the password may hold '@' itself.
func oracleLogin(s string, at, last int) (int, int) {
	for k := at + 1; k < len(s) && s[k] > ' ' && s[k] != '"' && s[k] != '\''; k++ {
		if s[k] == '@' {
			return 0, 0 // the last '@' ends the password
		}
	}
	ez := hasPrefixAt(s, at+1, "//")
	ts := at
	for ts > last && at-ts < 128 && s[ts-1] > ' ' && s[ts-1] != '"' && s[ts-1] != '\'' && s[ts-1] != '=' && s[ts-1] != '(' {
		ts--
	}
	sl := strings.IndexByte(s[ts:at], '/')
	if sl <= 0 {
		return 0, 0
	}
	for k := ts; k < ts+sl; k++ {
		if !isWord(s[k]) && s[k] != '$' && s[k] != '.' && s[k] != '-' {
			return 0, 0
		}
	}
	a := ts + sl + 1
	if a >= at || strings.IndexByte(s[a:at], '/') >= 0 {
		return 0, 0
	}
	if !ez && !(at+1 < len(s) && is(s[at+1], clsAlpha) && commandBefore(s, ts, oracleCommands)) {
		return 0, 0
	}
	if isMaskToken(s[a:at]) || containsMask(s[a:at]) {
		return 0, 0
	}
	return a, at
}

// binderValue matches a bound SQL parameter that Hibernate logs without
// its column, when the value is shaped like a password (letters, digits
// and a symbol or both cases: not a name, an e-mail, a date or an order
// number): "binding parameter [3] as [VARCHAR] - [Xk9#…]" (Hibernate 5)
// and "binding parameter (3:VARCHAR) <- [Xk9#…]" (Hibernate 6), at the '-'.
func binderValue(s string, i int) (int, int) {
	var a int
	switch {
	case i >= 2 && s[i-1] == ' ' && s[i-2] == ']' && hasPrefixAt(s, i+1, " ["):
		a = i + 3
	case i >= 1 && s[i-1] == '<' && hasPrefixAt(s, i+1, " ["):
		a = i + 3
	default:
		return 0, 0
	}
	lo := max(0, i-64)
	if !strings.Contains(s[lo:i], "binding parameter") {
		return 0, 0
	}
	e := strings.IndexByte(s[a:min(len(s), a+130)], ']')
	if e <= 0 {
		return 0, 0
	}
	e += a
	if v := s[a:e]; !randomShaped(v) || containsMask(v) {
		return 0, 0
	}
	return a, e
}

// randomShaped reports whether v, with no other context, looks like a
// password: 8 to 64 bytes without spaces holding letters and digits and
// either a symbol that names, dates and ids do not use or both cases.
func randomShaped(v string) bool {
	if len(v) < 8 || len(v) > 64 || strings.IndexByte(v, '@') > 0 && strings.IndexByte(v, '.') > 0 {
		return false
	}
	var up, lo, dg, sym bool
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case c <= ' ' || c >= 0x7f:
			return false
		case is(c, clsUpper):
			up = true
		case is(c, clsLower):
			lo = true
		case isDigit(c):
			dg = true
		case strings.IndexByte("!#$%^&*+=?~", c) >= 0:
			sym = true
		}
	}
	if !dg || !up && !lo {
		return false
	}
	if sym {
		return true
	}
	// Without a symbol, random case: product names (iPhone15Pro,
	// Win11Pro23H2) change class far less often.
	flips := 0
	for k := 1; k < len(v); k++ {
		if class[v[k]]&(clsUpper|clsLower|clsDigit) != class[v[k-1]]&(clsUpper|clsLower|clsDigit) {
			flips++
		}
	}
	return up && lo && dg && flips*3 >= 2*(len(v)-1)
}

// mixedCase reports whether v has upper case, lower case and digits.
func mixedCase(v string) bool {
	var seen uint8
	for k := 0; k < len(v); k++ {
		seen |= class[v[k]] & (clsUpper | clsLower | clsDigit)
	}
	return seen == clsUpper|clsLower|clsDigit
}

// telegramToken matches a Telegram bot token, <bot id>:<about 35 bytes>, at its
// ':' at i: https://api.telegram.org/bot123456789:AAH…/sendMessage.
func telegramToken(s string, i int) (int, int) {
	if i+31 > len(s) || i < 6 || s[i] != ':' || !isDigit(s[i-1]) {
		return 0, 0
	}
	d := i
	for d > 0 && i-d < 11 && isDigit(s[d-1]) {
		d--
	}
	bot := d >= 4 && hasPrefixAt(s, d-4, "/bot")
	if bot && i-d < 6 || !bot && (i-d < 8 || s[i+1] != 'A' || s[i+2] != 'A') {
		return 0, 0
	}
	if !bot && d > 0 && !(s[d-1] == ' ' || s[d-1] == '=' || s[d-1] == '"' || s[d-1] == '\'' || s[d-1] == ':') {
		return 0, 0
	}
	e := i + 1
	for e < len(s) && (isWord(s[e]) || s[e] == '-') {
		e++
	}
	if n := e - i - 1; n < 30 || n > 46 || !tokenShaped(s[i+1:e]) {
		return 0, 0
	}
	return i + 1, e
}

// queryTokenKeys are query parameter names whose token-shaped values are
// secrets in a URL only: the OAuth authorization code, API keys.
var queryTokenKeys = []string{"code", "key", "apikey", "auth", "access_code", "oauth_code"}

func queryTokenKey(k string) bool {
	for _, w := range queryTokenKeys {
		if len(k) == len(w) && hasPrefixFold(k, 0, w) {
			return true
		}
	}
	return false
}

// resourceName reports whether v names a key rather than holding one: an
// AWS ARN or a Google Cloud resource path (encryptionKey=arn:aws:kms:…,
// "kmsKeyName":"projects/p/locations/l/keyRings/r/cryptoKeys/k").
func resourceName(v string) bool {
	return strings.HasPrefix(v, "arn:aws") || strings.HasPrefix(v, "projects/") && strings.Count(v, "/") >= 3
}

// cryptHashAt matches a crypt(3) password hash at the '$' at i, wherever
// it stands: /etc/shadow and htpasswd lines (kim:$6$salt$…:19000:…),
// Juniper $9$…, Cisco $8$/$9$. It ends at a field delimiter.
func cryptHashAt(s string, i int) (int, int) {
	if i+12 > len(s) || i > 0 && (isWord(s[i-1]) || s[i-1] == '$' || s[i-1] == '\\') {
		return 0, 0
	}
	e := i + 1
	for e < len(s) && e-i <= 256 && (is(s[e], clsAlnum) || s[e] == '.' || s[e] == '/' || s[e] == '$' || s[e] == '=' || s[e] == '+' || s[e] == '-') {
		e++
	}
	if !cryptHash(s[i:e]) && !(hasPrefixAt(s, i, "$9$") && e-i >= 12 && strings.Count(s[i:e], "$") == 2) {
		return 0, 0
	}
	if strings.Count(s[i:e], "$") < 3 && !hasPrefixAt(s, i, "$9$") {
		return 0, 0
	}
	return i, e
}

// pinCode reports whether the digit code v after a Korean secret label is
// a PIN (an account or card password, "비밀번호 4829") rather than a year.
func pinCode(v string) bool {
	return (len(v) == 4 || len(v) == 6) && !(len(v) == 4 && (v[:2] == "19" || v[:2] == "20"))
}

// encodingWords name how a device stores the password that follows them.
var encodingWords = []string{"cipher", "simple", "irreversible-cipher", "plaintext", "ciphertext", "plain", "encrypted", "hash", "sha256", "unencrypted", "ascii-text"}
