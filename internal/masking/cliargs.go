package masking

import "strings"

// Credentials in command arguments and device configuration, by family:
// a mode keyword and an algorithm before a key (SNMPv3 users), user and
// password joined by '%' or ':' in one argument, quoted argument vectors
// with short password options, and positional passwords after a named
// user option (net use … /user:D\u pw).

// modeKey matches the key after "<word>-mode <algorithm> " at the '-' at
// i when the word names authentication or privacy: Huawei VRP and H3C
// "snmp-agent usm-user v3 u authentication-mode sha KEY privacy-mode
// aes128 KEY", and the same with "auth-mode"/"priv-mode".
func modeKey(s string, i int) (int, int) {
	if !hasPrefixAt(s, i, "-mode ") {
		return 0, 0
	}
	ws := i
	for ws > 0 && i-ws < 16 && is(s[ws-1], clsAlpha) {
		ws--
	}
	w := s[ws:i]
	if !(len(w) == 14 && hasPrefixFold(w, 0, "authentication") || len(w) == 7 && hasPrefixFold(w, 0, "privacy") ||
		len(w) == 4 && (hasPrefixFold(w, 0, "auth") || hasPrefixFold(w, 0, "priv"))) {
		return 0, 0
	}
	a := algorithmAt(s, i+6)
	if a == 0 {
		return 0, 0
	}
	return argumentAt(s, a)
}

// algorithms are the hash and cipher names that stand between a key
// keyword and the key (SNMPv3, IKE, Cisco "auth sha", "priv aes 128").
var algorithms = []string{"md5", "sha", "sha1", "sha-1", "sha2", "sha224", "sha256", "sha384", "sha512", "sha-224", "sha-256", "sha-384", "sha-512",
	"sha2-224", "sha2-256", "sha2-384", "sha2-512", "hmac-md5", "hmac-sha", "hmac-sha1", "hmac-sha256", "hmacsha",
	"des", "des56", "3des", "aes", "aes128", "aes192", "aes256", "aes-128", "aes-192", "aes-256", "aes128-cfb", "aes256-cfb"}

// algorithmAt returns the position after "<algorithm> " (and a key size
// "128 ") at a, or 0 when no algorithm name stands there.
func algorithmAt(s string, a int) int {
	e := a
	for e < len(s) && e-a < 12 && (is(s[e], clsAlnum) || s[e] == '-') {
		e++
	}
	if e == a || e+1 >= len(s) || s[e] != ' ' {
		return 0
	}
	w := s[a:e]
	for _, al := range algorithms {
		if len(w) == len(al) && hasPrefixFold(w, 0, al) {
			e++
			if d := digitsAt(s, e); d-e == 3 && d+1 < len(s) && s[d] == ' ' && (s[e:d] == "128" || s[e:d] == "192" || s[e:d] == "256") {
				e = d + 1
			}
			return e
		}
	}
	return 0
}

// argumentAt returns the unquoted argument at a, up to a space, a quote
// or the end of a string, if it is no option, mask or placeholder.
func argumentAt(s string, a int) (int, int) {
	e := a
	for e < len(s) && s[e] > ' ' && s[e] != '"' && s[e] != '\'' && s[e] < 0x7f {
		e++
	}
	for e > a && s[e-1] == '\\' {
		e-- // the end of an escaped string: …KEY\")
	}
	if e == a || s[a] == '-' || isPlaceholder(s[a:e]) || containsMask(s[a:e]) || strings.Contains(s[a:e], "***") {
		return 0, 0
	}
	return a, e
}

// joinedUserPassword matches the password of a user%password (Samba's
// smbclient, rpcclient, net -U) or user:password (check_http -a, curl -u)
// argument of a user option at the '-' at i: "-U backup%Xk9", "--user=
// backup%Xk9", "-a monitor:Xk9". The user part is a name (word bytes,
// '.', '-', '\' or '@'); a percent escape (%2F) is no join.
func joinedUserPassword(s string, i int) (int, int) {
	if i+4 >= len(s) || i > 0 && s[i-1] != ' ' && s[i-1] != '\'' && s[i-1] != '"' {
		return 0, 0
	}
	var a int
	var seps string
	switch {
	case s[i+1] == 'U' && s[i+2] == ' ':
		a, seps = i+3, "%"
	case hasPrefixAt(s, i, "--user="):
		a, seps = i+7, "%"
	case hasPrefixAt(s, i, "--user "):
		a, seps = i+7, "%"
	case s[i+1] == 'a' && s[i+2] == ' ' && commandBefore(s, i, httpChecks):
		a, seps = i+3, ":"
	default:
		return 0, 0
	}
	if a < len(s) && (s[a] == '\'' || s[a] == '"') {
		a++
	}
	u := a
	for u < len(s) && u-a < 64 && (isWord(s[u]) || s[u] == '.' || s[u] == '-' || s[u] == '\\' || s[u] == '/' || s[u] == '@') {
		u++
	}
	if u == a || u+1 >= len(s) || strings.IndexByte(seps, s[u]) < 0 {
		return 0, 0
	}
	if s[u] == '%' && u+2 < len(s) && is(s[u+1], clsHex) && is(s[u+2], clsHex) && (u+3 == len(s) || !isWord(s[u+3])) {
		return 0, 0 // a%2F: an escape
	}
	vs := u + 1
	e := vs
	for e < len(s) && s[e] > ' ' && s[e] != '\'' && s[e] != '"' && s[e] < 0x7f {
		e++
	}
	if e == vs || isPlaceholder(s[vs:e]) || containsMask(s[vs:e]) || strings.Contains(s[vs:e], "***") || s[vs] == '$' {
		return 0, 0
	}
	return vs, e
}

// httpChecks are monitoring plugins whose -a option is user:password.
var httpChecks = []string{"check_http", "check_curl", "check_http.exe"}

// quotedShortPassword matches the value after a quoted short password
// option in a quoted argument vector: Icinga's "arguments: '/…/check_mysql'
// '-H' 'db' '-u' 'icinga' '-p' 'Xk9#…'", or "-p" "…". The option is -p
// or -w; a value of digits only is a port ('-p' '22').
func quotedShortPassword(s string, i int) (int, int) {
	if i+6 >= len(s) || s[i+1] != '-' || s[i+2] != 'p' && s[i+2] != 'w' || s[i+3] != s[i] || s[i+4] != ' ' || s[i+5] != s[i] {
		return 0, 0
	}
	if i > 0 && s[i-1] != ' ' && s[i-1] != '[' && s[i-1] != ',' {
		return 0, 0
	}
	// Another quoted argument before: it is a vector, not prose.
	if i < 2 || s[i-2] != s[i] && s[i-2] != ',' {
		return 0, 0
	}
	q := s[i]
	a := i + 6
	e := strings.IndexByte(s[a:], q)
	if e <= 0 || e > 128 {
		return 0, 0
	}
	e += a
	v := s[a:e]
	if allDigits(v) && len(v) <= 5 || v[0] == '-' || v[0] == '$' || isPlaceholder(v) || containsMask(v) || strings.Contains(v, "***") {
		return 0, 0
	}
	return a, e
}

func allDigits(v string) bool {
	for k := 0; k < len(v); k++ {
		if !isDigit(v[k]) {
			return false
		}
	}
	return len(v) > 0
}

// netUsePassword matches the password of "net use [drive:] \\host\share
// PASSWORD /user:DOMAIN\user" or "… /user:DOMAIN\user PASSWORD" (Windows)
// at the ':' at p of "/user:"; the password may stand before it (not
// before last). A '*' asks for the password (no secret).
func netUsePassword(s string, p, last int) (int, int) {
	if p < 6 || !(hasPrefixFold(s, p-5, "/user") || hasPrefixFold(s, p-2, "/u") && s[p-3] == ' ') || !commandBefore(s, p, netUse) {
		return 0, 0
	}
	// After the user: the next argument.
	j := p + 1
	for j < len(s) && s[j] > ' ' && s[j] != '"' {
		j++
	}
	if j+1 < len(s) && s[j] == ' ' && s[j+1] != '/' {
		a := j + 1
		e := a
		for e < len(s) && s[e] > ' ' && s[e] != '"' && s[e] != '\'' {
			e++
		}
		if v := s[a:e]; e > a && v != "*" && !isPlaceholder(v) && !containsMask(v) && v[0] != '$' && v[0] != '%' && v[0] != '-' {
			return a, e
		}
		return 0, 0
	}
	// Before the option: the argument after \\host\share.
	u := strings.LastIndexByte(s[:p], ' ')
	if u <= last {
		return 0, 0
	}
	e := u
	for e > last && s[e-1] == ' ' {
		e--
	}
	a := e
	for a > last && s[a-1] > ' ' {
		a--
	}
	if v := s[a:e]; e > a && v[0] != '\\' && v[0] != '/' && v != "*" && !(len(v) == 2 && v[1] == ':') && !isPlaceholder(v) && !containsMask(v) && !strings.Contains(v, "\\\\") {
		return a, e
	}
	return 0, 0
}

// netUse is the Windows command that takes a password argument.
var netUse = []string{"net use"}

// withPlugin returns the start of "WITH <plugin> " when it ends at k (SQL
// CREATE USER … IDENTIFIED WITH sha256_password BY '…'), else k.
func withPlugin(s string, k, last int) int {
	j := k
	for j > last && isWord(s[j-1]) {
		j--
	}
	if j == k || j < last+5 || s[j-1] != ' ' || !hasPrefixFold(s, j-5, "with") || j-5 > 0 && isWord(s[j-6]) {
		return k
	}
	j -= 5
	for j > last && s[j-1] == ' ' {
		j--
	}
	return j
}

// randomKey reports whether v looks like a generated API key: 20 to 128
// letters and digits only; from 24 characters a digit or mixed case is
// enough (names of that length have separators), below that at least
// four digits, spread (not a name with a number at its end).
func randomKey(v string) bool {
	if len(v) < 20 || len(v) > 128 {
		return false
	}
	digits, letters, changes := 0, 0, 0
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case isDigit(c):
			digits++
		case is(c, clsAlpha):
			letters++
		default:
			return false
		}
		if k > 0 && isDigit(c) != isDigit(v[k-1]) {
			changes++
		}
	}
	if len(v) >= 24 && letters >= 8 && (digits >= 1 || mixedCase(v)) {
		return true // 24+ letters and digits with no separator: no name is written so
	}
	return digits >= 4 && letters >= 8 && changes >= 6
}

// prefixedHexID reports whether v is a resource id of a documented
// prefix-and-hex shape: two upper-case letters and 32 lower-case hex
// digits (Twilio's SM…, MM…, CA…, PN… SIDs). Ids are not secrets.
func prefixedHexID(v string) bool {
	if len(v) != 34 || !is(v[0], clsUpper) || !is(v[1], clsUpper) {
		return false
	}
	for k := 2; k < len(v); k++ {
		if c := v[k]; !(isDigit(c) || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// cmdletCall reports whether the value s[a:e] is a PowerShell cmdlet name
// (Verb-Noun) followed by arguments: the variable holds what the cmdlet
// returns, and a quoted argument is matched on its own.
func cmdletCall(s string, a, e int) bool {
	if e >= len(s) || s[e] != ' ' || !is(s[a], clsUpper) {
		return false
	}
	d := strings.IndexByte(s[a:e], '-')
	if d < 3 || a+d+1 >= e || !is(s[a+d+1], clsUpper) {
		return false
	}
	for k := a; k < e; k++ {
		if !is(s[k], clsAlpha) && k != a+d {
			return false
		}
	}
	return true
}

// gluedSecret reports whether w is one word of letters, all upper or all
// lower case, glued from a prefix of at least two letters and a password
// word: LDAPPWD, DBPASSWORD, adminpasswd, SMTPSECRET. Mixed-case and
// separated names are the lexicon's.
func gluedSecret(w string) bool {
	if len(w) < 5 || len(w) > 40 {
		return false
	}
	switch w[len(w)-1] | 0x20 { // the last letter of a part below
	case 'd', 't', 'e':
	default:
		return false
	}
	up, lo := false, false
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case is(c, clsUpper):
			up = true
		case is(c, clsLower):
			lo = true
		default:
			return false
		}
	}
	if up && lo {
		return false
	}
	for _, p := range gluedSecretParts {
		if len(w) >= len(p)+2 && hasPrefixFold(w, len(w)-len(p), p) {
			return true
		}
	}
	return false
}

// gluedSecretParts end a glued password name.
var gluedSecretParts = []string{"password", "passwd", "pwd", "secret", "passphrase"}

// plusSpaced matches a secret in a form-encoded value whose spaces are
// written '+' (application/x-www-form-urlencoded: "Body=Your+verification
// +code+is+655512&To=…"), at the '+' at i before the value: the words
// before it, read with spaces, are scanned as prose for a label. It
// allocates only for a '+' between a letter and a code or password.
func (m *Masker) plusSpaced(s string, i, last int) (int, int) {
	return m.spacedProse(s, i, last, "+")
}

// spacedProse is plusSpaced for the space encoding sp ("+" or "%20") at i.
func (m *Masker) spacedProse(s string, i, last int, sp string) (int, int) {
	vs := i + len(sp)
	if i == 0 || vs+3 >= len(s) || !is(s[i-1], clsAlpha) || !is(s[vs], clsAlnum) {
		return 0, 0
	}
	e := vs
	for e < len(s) && e-vs < 80 && s[e] > ' ' && s[e] != '&' && s[e] != '+' && s[e] != '%' && s[e] != '"' && s[e] != '\'' && s[e] != '\\' && s[e] < 0x7f {
		e++
	}
	if e < len(s) && hasPrefixAt(s, e, sp) {
		return 0, 0 // a word inside the sentence, not the value
	}
	if v := s[vs:e]; !digitCode(v) && !passwordShaped(v) {
		return 0, 0
	}
	lo := i
	for lo > last && i-lo < 128 && s[lo-1] != '=' && s[lo-1] != '&' && s[lo-1] != '?' && s[lo-1] > ' ' && s[lo-1] != '"' {
		lo--
	}
	if !strings.Contains(s[lo:i], sp) {
		return 0, 0 // one word before the value: no sentence
	}
	d := strings.ReplaceAll(s[lo:e], sp, " ")
	vd := len(d) - (e - vs) // the value's start in d
	// Each word before the value as a label (not a scan of d: the scanner
	// would call itself, and its callers' match buffers would escape).
	for ws := 0; ws < vd; {
		we := ws
		for we < vd && d[we] != ' ' {
			we++
		}
		if we > ws && we < vd {
			if a, end := m.label(d, ws, we, m.trigger[d[ws]]&trLabel != 0); a == vd && end == len(d) {
				return vs, e
			}
		}
		ws = we + 1
	}
	return 0, 0
}

// snmpUserKey matches the key after "auth <hash> " or "priv <cipher>
// [size] " at word start i in an SNMPv3 user definition (Cisco IOS/NX-OS
// "snmp-server user U G v3 auth sha KEY priv aes 128 KEY").
func snmpUserKey(s string, i int) (int, int) {
	if !hasPrefixAt(s, i, "auth ") && !hasPrefixAt(s, i, "priv ") || i > 0 && isWord(s[i-1]) {
		return 0, 0
	}
	a := algorithmAt(s, i+5)
	if a == 0 || !commandBefore(s, i, snmpUserWords) {
		return 0, 0
	}
	return argumentAt(s, a)
}

// snmpUserWords introduce an SNMPv3 user definition.
var snmpUserWords = []string{"snmp-server", "v3", "snmp"}

// aaaServerKey matches the shared secret after "key [type] " at word start
// i on a RADIUS or TACACS+ server line (Cisco "radius-server host H key 7
// KEY", "tacacs server T key 0 KEY", "radius server R … key KEY").
func aaaServerKey(s string, i int) (int, int) {
	if !commandBefore(s, i, aaaServerWords) {
		return 0, 0
	}
	return argumentAt(s, ciscoType(s, i+4))
}

// aaaServerWords start a RADIUS or TACACS+ server definition.
var aaaServerWords = []string{"radius-server", "tacacs-server", "radius", "tacacs", "aaa"}
