package masking

import (
	"strings"
	"unsafe"
)

// scanKeyValue matches the value of key=value, key: value, "key": "value",
// key := value, key => value at the separator position p when the key is
// a secret key.
func (m *Masker) scanKeyValue(s string, p, last int) (int, int) {
	sep := s[p]
	if sep == ':' && p+2 < len(s) && s[p+1] == ' ' && s[p+2] == '[' {
		if a, e := radiusLogin(s, p); e > 0 {
			return a, e
		}
	}
	if p+1 < len(s) && (s[p+1] == sep || (sep == ':' && s[p+1] == '/')) {
		if sep == ':' && s[p+1] == ':' && p+2 < len(s) && s[p+2] == ' ' && p > 0 && isWord(s[p-1]) {
			// LDIF: "userPassword:: e1NTSEF9…" holds the value in base64.
			return m.keyValue(s, p, p+2, last)
		}
		return 0, 0 // "==", "::", "://"
	}
	if sep == ':' && p > 5 && (s[p-2] == '/' || s[p-5] == '/') && (s[p-1]|0x20 == 'r' || s[p-1]|0x20 == 'u') {
		if a, e := netUsePassword(s, p, last); e > 0 {
			return a, e // net use \\h\s /user:D\u PASSWORD
		}
	}
	vs := p + 1
	if sep == '=' && vs < len(s) && s[vs] == '>' {
		vs++ // Ruby and PHP hashes: "key"=>"value", 'key' => 'value'
	} else if sep == ':' && vs < len(s) && s[vs] == '=' {
		vs++ // Go and Pascal: password := "…"
	}
	return m.keyValue(s, p, vs, last)
}

// keyValue matches the value that starts at vs after a separator at p
// when the key before p is a secret, token or code key.
func (m *Masker) keyValue(s string, p, vs, last int) (int, int) {
	// Key: back over an escaping backslash (CEF "pw\=…"), spaces, a
	// closing quote, then the name.
	k := p
	if s[p] == '=' && k > last && s[k-1] == '\\' {
		k--
	}
	for k > last && k > p-3 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k > last && (s[k-1] == '"' || s[k-1] == '\'') {
		k--
		for k > last && s[k-1] == '\\' {
			k-- // an escaped quote: {\"pwd\":\"…\"} inside a string
		}
	}
	var kc keyClass
	if k > last+1 && s[k-1] == ']' {
		// A bracketed key: user[password]=…, passwd[0]=…, PHP's
		// ["password"]=> and [password] =>.
		ke, j := k-1, k-1
		if s[ke-1] == '"' || s[ke-1] == '\'' {
			ke--
			j--
		}
		for j > last && ke-j < 64 && isKeyByte(s[j-1]) {
			j--
		}
		js := j
		if j > last+1 && j < ke && (s[j-1] == '"' || s[j-1] == '\'') {
			js--
		}
		if js > last && j < ke && s[js-1] == '[' {
			kc = m.lex.classes(s[j:ke], keySecret|keyToken|keyCode)
			k = js - 1
		}
	}
	ke := k
	for k > last && ke-k < 128 && isKeyByte(s[k-1]) {
		k--
	}
	if k == ke && kc == 0 {
		return 0, 0
	}
	key := s[k:ke]
	if len(key) > 3 && key[0] == '-' && key[1] == 'D' && (k == 0 || s[k-1] == ' ') {
		key = key[2:] // a Java system property: -Ddb.password=…, -Dauthkey=…
	}
	if kc == 0 {
		kc = m.lex.classes(key, keySecret|keyToken|keyCode)
		if kc != 0 && publicKeyName(key) {
			return 0, 0 // .NET PublicKeyToken=b77a5c561934e089 is published
		}
	}
	if kc == 0 && k > last+1 && s[k-1] == ' ' && k < ke && key[0] < 0x80 {
		// A phrase: "API key: …", "verification code: …".
		ws := k - 1
		for ws > last && k-ws < 32 && is(s[ws-1], clsAlpha) {
			ws--
		}
		if ws < k-1 && (ws == 0 || !isWord(s[ws-1])) {
			if pe := m.lex.phraseEnd(s, ws, k-1); pe == ke {
				kc = m.lex.classes(s[ws:ke], keySecret|keyCode)
				k = ws
			}
		}
	}
	if kc == 0 && s[p] == '=' && len(key) > 0 {
		kc = m.cefLabelClass(s, key)
	}
	if kc == 0 && len(key) >= 5 && (key[len(key)-1]|0x20 == 'd' || key[len(key)-1]|0x20 == 't' || key[len(key)-1]|0x20 == 'e') && gluedSecret(key) {
		// LDAPPWD=…, DBPASSWORD=…: a glued name ending in a password word;
		// only a password-shaped value (nopassword=true is a flag).
		if a, e := valueAfter(s, vs); e > 0 && passwordShaped(s[a:e]) && !containsMask(s[a:e]) && !looksLikePath(s[a:e]) && !workingDirectory(key, s[a:e]) && !m.touchesMask(s, a, e) {
			return a, e
		}
		return 0, 0
	}
	if kc == 0 && len(key) == 5 && hasPrefixFold(key, 0, "value") {
		kc = m.pairLabelClass(s, k)
	}
	if kc == 0 && len(key) == 4 && s[p] == '=' && key == "name" {
		return m.formDataPart(s, vs)
	}
	queryKey := false
	if kc == 0 && s[p] == '=' && k > 0 && (s[k-1] == '?' || s[k-1] == '&' || s[k-1] == '#') && queryTokenKey(key) {
		kc, queryKey = keyToken, true // an OAuth code or an API key in a URL: ?code=4/0AX4…, ?key=…
	}
	if kc == 0 && len(key) > 5 && hasPrefixFold(key, 0, "user_") && strings.Contains(s[max(0, k-512):k], "LoginModule") {
		kc = keySecret // JAAS PlainLoginModule and DigestLoginModule: user_alice="alice-secret"
	}
	if kc == 0 && len(key) == 5 && hasPrefixFold(key, 0, "value") && isoPINField(s, k) {
		kc = keySecret // ISO 8583 field 52, PIN data: <field id="52" value="…"/>
	}
	if kc == 0 && m.bound != nil {
		if a, e := m.boundValue(s, k, key, vs); e > 0 {
			return a, e
		}
	}
	if kc == 0 && s[p] == '=' && len(key) == 3 && hasPrefixFold(key, 0, "key") && (k == 0 || s[k-1] == ' ' || s[k-1] == '&' || s[k-1] == '?') {
		// A bare key= holding a long random value: an API key (SMS and
		// payment gateways: "send key=e3yjbmeu0wizt9c0…"). Cache keys and
		// names (key=user:42, key=summer-sale) have separators or words.
		if a, e := valueAfter(s, vs); e > 0 && randomKey(s[a:e]) && !m.touchesMask(s, a, e) {
			return a, e
		}
	}
	if kc == 0 && len(key) > 0 && (key[0] >= 0x80 || s[p] == ':' && p+1 < len(s) && s[p+1] == ' ' && is(key[0], clsAlpha)) {
		// A secret or code word up to three words back, before a predicate
		// or a name: "임시 비밀번호 발급: Xy7#…", "OTP 번호: 552211",
		// "Password for user bob: Xk9…". The value must look random (after
		// a Korean key: like a password; "비밀번호 변경: 완료" is a status), or
		// be a digit code after a code word.
		c, ws := m.labelBefore(s, k, last)
		if c == 0 {
			return 0, 0
		}
		if a, e := valueAfter(s, vs); e > 0 && !m.touchesMask(s, a, e) && !m.touchesMask(s, ws, ws) && !containsMask(s[a:e]) {
			v := s[a:e]
			if strings.IndexByte(v, '=') >= 0 || qualified(" "+key, 0) {
				return 0, 0 // "password policy: minLength=12"
			}
			if strongShaped(v) || key[0] >= 0x80 && passwordShaped(v) || c&keyCode != 0 && digitCode(v) {
				return a, e
			}
		}
		return 0, 0
	}
	if kc == 0 {
		return 0, 0
	}
	if k >= len(hashPrefix) && s[k-len(hashPrefix):k] == hashPrefix {
		return 0, 0 // the name inside our own [HASH:name:…] mask
	}
	if m.touchesMask(s, k, k) {
		return 0, 0 // the key is in the kept tail of a partial mask
	}
	a, e := valueAfter(s, vs)
	if e == 0 || isPlaceholder(s[a:e]) || containsMask(s[a:e]) {
		return 0, 0 // a value masked in part was not a secret in the first pass
	}
	v := s[a:e]
	if v[0] == '(' && e < len(s) && s[e] == ')' && allDigits(v[1:]) {
		return 0, 0 // a request number: "Auth: (5659) Login incorrect"
	}
	if prefixedHexID(v) || cmdletCall(s, a, e) {
		return 0, 0 // a Twilio SM… resource id; $pw = ConvertTo-SecureString '…' (the argument is the secret)
	}
	switch {
	case kc&keySecret != 0:
	case kc&keyToken != 0 && queryKey && m.bound != nil && len(key) == 4 && digitCode(v):
		// strict: a one-time code in a URL (/reset?email=…&code=436930)
	case kc&keyToken != 0 && queryKey && !mixedCase(v):
		return 0, 0 // ?key=summer-sale-2024
	case kc&keyToken != 0 && (tokenShaped(v) || percentTokenShaped(v)):
	case kc&keyToken != 0 && clusterSession(v) > 0:
		e = a + clusterSession(v) // the server ids after '!' are no secret
	case kc&keyCode != 0 && !plainValue(v):
	default:
		return 0, 0 // a token key with a plain value: session=expired
	}
	if workingDirectory(key, v) || looksLikePath(v) || resourceName(v) {
		return 0, 0 // PWD=/home/x, private_key=/etc/ssl/key.pem, kmsKey=arn:aws:kms:…
	}
	return a, e
}

// publicKeyName reports whether a key names something public: a public
// key or its token (PublicKeyToken, public_key_token, publicKey).
func publicKeyName(key string) bool {
	for p := 0; p+9 <= len(key); p++ {
		if hasPrefixFold(key, p, "public") && (hasPrefixFold(key, p+6, "key") || p+10 <= len(key) && isPartSep(key[p+6]) && hasPrefixFold(key, p+7, "key")) {
			return true
		}
	}
	return false
}

// clusterSession returns the length of the session token in v when v is a
// session id with the server ids a cluster appends after '!' (WebLogic:
// JSESSIONID=<token>!1234!5678): a token, then only '!' and digits; else 0.
func clusterSession(v string) int {
	b := strings.IndexByte(v, '!')
	if b < 0 || b+1 == len(v) || !tokenShaped(v[:b]) {
		return 0
	}
	for k := b; k < len(v); k++ {
		if v[k] != '!' && !isDigit(v[k]) {
			return 0
		}
	}
	return b
}

// passwordShaped reports whether v looks like a password: 6 to 64
// printable ASCII bytes with at least two of letters, digits and symbols.
func passwordShaped(v string) bool {
	if len(v) < 6 || len(v) > 64 {
		return false
	}
	var letter, digit, symbol bool
	for k := 0; k < len(v); k++ {
		c := v[k]
		switch {
		case c <= ' ' || c >= 0x7f:
			return false
		case is(c, clsAlpha):
			letter = true
		case isDigit(c):
			digit = true
		default:
			symbol = true
		}
	}
	return (letter && digit) || (letter && symbol) || (digit && symbol)
}

// workingDirectory reports whether key=v is the shell's working directory
// (PWD=/home/deploy in sudo and environment dumps), not a password: the
// upper-case variable name and an absolute path.
func workingDirectory(key, v string) bool {
	return (key == "PWD" || key == "OLDPWD") && (v[0] == '/' || v[0] == '~')
}

// quoted handles a quote at i: SQL "PASSWORD 'x'" and "IDENTIFIED BY 'x'".
func (m *Masker) quoted(s string, i, last int) (Kind, int, int) {
	if a, e := redisAuth(s, i); e > 0 {
		return Secret, a, e
	}
	if a, e := m.quotedPair(s, i, last); e > 0 {
		return Secret, a, e
	}
	if i+6 < len(s) && s[i+1] == '-' {
		if a, e := quotedShortPassword(s, i); e > 0 {
			return Secret, a, e // '-u' 'icinga' '-p' '…'
		}
	}
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
		k = withPlugin(s, k, last) // IDENTIFIED WITH sha256_password BY '…'
		ok = k-10 >= last && hasPrefixFold(s, k-10, "identified") && (k-10 == 0 || !isWord(s[k-11]))
	}
	if !ok && we < i && s[we] == '(' && k > last && (k == 0 || !isWord(s[k-1])) {
		// A function or attribute call with a secret name: MQSC
		// LDAPPWD('…'), PASSWORD('…'), SET_SECRET("…").
		ok = m.classify(word)&keySecret != 0 || gluedSecret(word)
	}
	if !ok && len(word) == 12 && hasPrefixFold(word, 0, "securestring") && k > 0 && s[k-1] == '-' {
		ok = true // PowerShell: ConvertTo-SecureString '…' -AsPlainText
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

// scanURLPassword matches the password of scheme://user:password@host at
// the ':' of "://" (database DSNs, proxy URLs).
func scanURLPassword(s string, p int) (int, int) {
	if len(s)-p < 6 || s[p+1] != '/' || s[p+2] != '/' {
		return 0, 0
	}
	// The authority ends at the first '/', space or quote; the userinfo at
	// its last '@' (passwords with a raw '@', '#' or '?' are common:
	// shop:P@ss82#@host). A '?' or '#' ends it only when no '@' follows.
	at, colon := -1, -1
	for j := p + 3; j < len(s) && j-p < 512; j++ {
		c := s[j]
		if c == '/' || c == '"' || c == '\'' || c == '<' || c == '>' || is(c, clsSpace) {
			break
		}
		if c == '@' {
			at = j
		} else if c == ':' && colon < 0 {
			colon = j
		}
	}
	if at < 0 || colon < 0 || colon > at || colon+1 == at || isMaskToken(s[colon+1:at]) {
		return 0, 0
	}
	// A user name never contains '@', brackets, stars (a partial mask), or
	// the '?' and '#' of a query or fragment; a ':' inside our
	// [REDACTED:…] mask is not the user:password separator. A ';' after
	// the ':' is a JDBC property list (sqlserver://host:1433;user=sa;…),
	// whose password= the key=value scanner masks.
	if strings.ContainsAny(s[p+3:colon], "@[]*?#") || strings.IndexByte(s[colon+1:at], ';') >= 0 {
		return 0, 0
	}
	if q := strings.IndexByte(s[colon+1:at], '?'); q > 0 && digitsAt(s, colon+1) == colon+1+q && queryParamAt(s, colon+2+q) {
		return 0, 0 // host:8080?next=a@b: a port, then a query holding '@'
	}
	return colon + 1, at
}

// scanOracleThin matches the password of an Oracle thin JDBC URL at the
// ':' after "thin" (jdbc:oracle:thin:user/password@//host:1521/SVC or
// …@host:1521:SID): the password runs to the last '@' of the URL, which
// may itself hold '@'.
func scanOracleThin(s string, p int) (int, int) {
	if p < 4 || !hasPrefixFold(s, p-4, "thin") {
		return 0, 0
	}
	j := p + 1
	for j < len(s) && j-p < 64 && isKeyByte(s[j]) && s[j] != '/' {
		j++
	}
	if j == p+1 || j >= len(s) || s[j] != '/' {
		return 0, 0
	}
	at := -1
	for k := j + 1; k < len(s) && k-j < 256; k++ {
		c := s[k]
		if c == '"' || c == '\'' || c == '<' || c == '>' || is(c, clsSpace) || c == '/' && k+1 < len(s) && s[k+1] == '/' {
			break
		}
		if c == '@' {
			at = k
		}
	}
	if at <= j+1 || isMaskToken(s[j+1:at]) || containsMask(s[j+1:at]) {
		return 0, 0
	}
	return j + 1, at
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
	if !strings.HasSuffix(label, "PRIVATE KEY") && !strings.HasSuffix(label, "PRIVATE KEY BLOCK") { // RSA, EC, OPENSSH, ENCRYPTED, PGP … BLOCK
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

// scanXMLElement matches the text of <password>…</password> (any secret
// key as the element name, namespace prefixes and attributes allowed:
// <wsse:Password Type="…">…</wsse:Password>) at the '>' at p.
func (m *Masker) scanXMLElement(s string, p, last int) (int, int) {
	lt := p - 1
	for lt > last && p-lt < 256 && s[lt] != '<' && s[lt] != '>' {
		lt--
	}
	if lt < last || lt < 0 || s[lt] != '<' || s[p-1] == '/' || containsMask(s[lt:p]) {
		return 0, 0 // a mask inside the tag: a match there blocked the first pass
	}
	return m.xmlText(s, lt+1, p, p+1, "<")
}

// xmlText matches the text from a up to close when the element whose name
// starts at n (its start tag ending at p) is a secret key.
func (m *Masker) xmlText(s string, n, p, a int, close string) (int, int) {
	ne := n
	for ne < p && ne-n < 128 && (isWord(s[ne]) || s[ne] == '.' || s[ne] == '-' || s[ne] == ':' || s[ne] >= 0x80) {
		ne++
	}
	if ne == n || ne < p && s[ne] != ' ' || m.touchesMask(s, n, n) {
		return 0, 0
	}
	c := m.classify(s[n:ne]) & (keySecret | keyCode | keyToken)
	if c == 0 && ne < p {
		c = m.attrLabelClass(s[ne:p]) // <entry key="password">…</entry>
	}
	if c == 0 {
		return 0, 0
	}
	e := strings.Index(s[a:min(len(s), a+1024)], close)
	if e == 0 && close == "<" {
		// The value in one child element: <void property="password"><string>…</string>.
		if ce := strings.IndexByte(s[a:min(len(s), a+32)], '>'); ce > 1 && s[a+1] != '/' && !strings.ContainsAny(s[a+1:a+ce], " /<") {
			a += ce + 1
			e = strings.Index(s[a:min(len(s), a+1024)], close)
		}
	}
	if e <= 0 {
		return 0, 0
	}
	e += a
	if v := s[a:e]; strings.TrimSpace(v) == "" || isPlaceholder(v) ||
		!(c&keySecret != 0 || c&keyCode != 0 && !plainValue(v) || c&keyToken != 0 && tokenShaped(v)) {
		return 0, 0 // a token key (<sid>, <sessionId>) holds a token
	}
	return a, e
}

// attrLabelClass returns the secret or code class of the name that a tag's
// key=, name= or id= attribute gives its text: <entry key="password">,
// <param name="db.password">.
func (m *Masker) attrLabelClass(attrs string) keyClass {
	for _, at := range []string{" key=", " name=", " id=", " property=", " Name=", " Key="} {
		j := strings.Index(attrs, at)
		if j < 0 || j+len(at)+2 > len(attrs) {
			continue
		}
		q := attrs[j+len(at)]
		if q != '"' && q != '\'' {
			continue
		}
		v := attrs[j+len(at)+1:]
		if e := strings.IndexByte(v, q); e > 0 {
			if c := m.lex.classes(v[:e], keySecret|keyCode); c != 0 {
				return c
			}
		}
	}
	return 0
}

// scanEscapedXMLElement is scanXMLElement for XML escaped into text:
// &lt;password&gt;…&lt;/password&gt;, at the '&' at p.
func (m *Masker) scanEscapedXMLElement(s string, p, last int) (int, int) {
	if !hasPrefixAt(s, p, "&gt;") || p < 5 {
		return 0, 0
	}
	lo := max(last, p-256)
	lt := strings.LastIndex(s[lo:p], "&lt;")
	if lt < 0 {
		return 0, 0
	}
	lt += lo
	if s[p-1] == '/' || strings.Contains(s[lt:p], "&gt;") || containsMask(s[lt:p]) {
		return 0, 0
	}
	return m.xmlText(s, lt+4, p, p+4, "&lt;")
}

// authSchemes are values that are followed by the actual credential.
var authSchemes = []string{"bearer", "basic", "token", "negotiate", "apikey"}

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
	case '\\':
		// An escaped quote opens a string inside a string: "{\"pwd\":\"x\"}".
		r := j
		for r < len(s) && s[r] == '\\' {
			r++
		}
		if r >= len(s) || s[r] != '"' {
			return 0, 0
		}
		a = r + 1
		if k := strings.Index(s[a:], s[j:r+1]); k >= 0 {
			e = a + k
		} else {
			e = len(s)
		}
	case '[':
		// A one-element list: Go's map[X-Api-Key:[abc…]], ["…"].
		if maskStartsAt(s, j) || j+2 >= len(s) {
			return 0, 0
		}
		b := j + 1
		q := s[b]
		if q == '"' || q == '\'' {
			b++
		}
		e = b
		for e < len(s) && e-b < 512 && s[e] != ']' && s[e] != '"' && s[e] != '\'' && s[e] != ' ' && s[e] != ',' && s[e] != '[' {
			e++
		}
		if q == '"' || q == '\'' {
			if e >= len(s) || s[e] != q {
				return 0, 0
			}
			if e+1 >= len(s) || s[e+1] != ']' {
				return 0, 0
			}
		} else if e >= len(s) || s[e] != ']' {
			return 0, 0
		}
		a = b
		if upstreamMask(s[j : e+1]) {
			return 0, 0 // [FILTERED]
		}
	case '{':
		// An LDAP or Dovecot password scheme: userPassword: {SSHA}W6ph…
		if e := schemePrefix(s, j); e > 0 {
			a, e = j, unquotedEnd(s, e)
			if e > a && !isMaskToken(s[a:e]) {
				return a, e
			}
		}
		return 0, 0
	case ',', ';', '&', ')', '}', ']', '<', '>':
		return 0, 0
	default:
		if (q == 'b' || q == 'u' || q == 'r') && j+1 < len(s) && (s[j+1] == '\'' || s[j+1] == '"') {
			return valueAfter(s, j+1) // Python: b'…', u'…'
		}
		if n := phpVisibility(s, j); n > 0 {
			return valueAfter(s, n) // var_dump: ["password":protected]=> string(8) "…"
		}
		if hasPrefixAt(s, j, "string(") {
			// PHP var_dump: ["password"]=> string(8) "…"
			if r := strings.IndexByte(s[j:min(len(s), j+16)], ')'); r > 0 && j+r+2 < len(s) && s[j+r+1] == ' ' && s[j+r+2] == '"' {
				return valueAfter(s, j+r+2)
			}
		}
		if hasPrefixAt(s, j, "!!") {
			// A YAML tag: api_key: !!str …
			if t := unquotedEnd(s, j); t+1 < len(s) && s[t] == ' ' {
				return valueAfter(s, t+1)
			}
		}
		a = j
		e = unquotedEnd(s, a)
		// "Authorization: Bearer xyz": the credential is the next token.
		for _, sc := range authSchemes {
			if e-a == len(sc) && hasPrefixFold(s, a, sc) && e+1 < len(s) && s[e] == ' ' {
				a = e + 1
				e = unquotedEnd(s, a)
				if hasPrefixFold(s, a, `token="`) {
					// Rails: Authorization: Token token="…"
					a += 7
					if q := strings.IndexByte(s[a:], '"'); q > 0 {
						e = a + q
					}
				}
				break
			}
		}
	}
	v := s[a:e]
	if e == a || v == "null" || isMaskToken(v) || upstreamMask(v) {
		return 0, 0
	}
	return a, e
}

// upstreamMask reports whether v is a placeholder another tool wrote in
// place of a secret: [FILTERED] (Rails), [REDACTED], [MASKED], <hidden>.
func upstreamMask(v string) bool {
	if len(v) < 3 || len(v) > 24 || !(v[0] == '[' && v[len(v)-1] == ']' || v[0] == '<' && v[len(v)-1] == '>') {
		return false
	}
	for k := 1; k < len(v)-1; k++ {
		if !is(v[k], clsAlpha) && v[k] != '_' && v[k] != ' ' {
			return false
		}
	}
	return true
}

func unquotedEnd(s string, e int) int {
	for e < len(s) {
		switch s[e] {
		case ' ', '\t', '\r', '\n', ',', ';', '"', '\'', ')', '}', ']', '<', '>':
			return e
		case '\\':
			if hasPrefixAt(s, e, `\r\n`) || hasPrefixAt(s, e, `\n`) && e+2 < len(s) && is(s[e+2], clsAlpha|clsSpace) || hasPrefixAt(s, e, `\t`) {
				return e // an escaped line break or tab in dumped text
			}
		case '&':
			if queryParamAt(s, e+1) || xmlEntityAt(s, e) {
				return e // the next parameter of a query string; &#13;&#10; or &amp; in XML text
			}
		case '|':
			if pipeFieldAt(s, e) {
				return e // the next field of a pipe-separated record
			}
		}
		e++
	}
	return e
}

// radiusLogin matches the password of FreeRADIUS's authentication log
// with auth_badpass or auth_goodpass on, "Login incorrect (…): [user/pw]"
// or "Login OK: [user/pw]", at the ':' at p before the bracket.
func radiusLogin(s string, p int) (int, int) {
	lo := max(0, p-160)
	if !strings.Contains(s[lo:p], "Login incorrect") && !strings.Contains(s[lo:p], "Login OK") {
		return 0, 0
	}
	b := p + 3
	end := strings.IndexByte(s[b:min(len(s), b+320)], ']')
	if end <= 0 {
		return 0, 0
	}
	end += b
	slash := strings.IndexByte(s[b:end], '/')
	if slash <= 0 {
		return 0, 0
	}
	a := b + slash + 1
	if a >= end || s[a] == '<' || isPlaceholder(s[a:end]) || containsMask(s[a:end]) {
		return 0, 0 // [bob/<via Auth-Type = eap>]: no password logged
	}
	return a, end
}

// isoPINField reports whether the "value" key at k belongs to an element
// whose id is 52, ISO 8583's PIN data field, as jPOS dumps it:
// <field id="52" value="…"/>.
func isoPINField(s string, k int) bool {
	lo := max(0, k-24)
	j := strings.LastIndex(s[lo:k], "id=")
	if j < 0 {
		return false
	}
	j += lo + 3
	if j < k && (s[j] == '"' || s[j] == '\'') {
		j++
	}
	return hasPrefixAt(s, j, "52") && j+2 < len(s) && !isDigit(s[j+2]) && strings.LastIndex(s[max(0, k-64):k], "<field") >= 0
}

// xmlEntityAt reports whether an XML character or entity reference
// starts at the '&' at e: &#13;, &#x0A;, &amp;, &lt;, &gt;, &quot;, &apos;.
func xmlEntityAt(s string, e int) bool {
	if e+3 >= len(s) {
		return false
	}
	if s[e+1] == '#' {
		k := e + 2
		if k < len(s) && (s[k] == 'x' || s[k] == 'X') {
			k++
		}
		d := k
		for k < len(s) && k-d < 6 && is(s[k], clsHex) {
			k++
		}
		return k > d && k < len(s) && s[k] == ';'
	}
	for _, n := range []string{"amp;", "lt;", "gt;", "quot;", "apos;"} {
		if hasPrefixAt(s, e+1, n) {
			return true
		}
	}
	return false
}

// pipeFieldAt reports whether the '|' at e separates fields: another '|'
// follows within 64 bytes with no space between (…&password=X|200|766|…).
func pipeFieldAt(s string, e int) bool {
	for k := e + 1; k < len(s) && k-e <= 64; k++ {
		switch s[k] {
		case '|':
			return k > e+1
		case ' ', '\t':
			return false
		}
	}
	return false
}

// queryParamAt reports whether a query parameter name and '=' (or another
// '&') start at j: "a=1&b=2", not the '&' inside "RHq&375PGxS".
func queryParamAt(s string, j int) bool {
	k := j
	for k < len(s) && k-j < 64 && (isWord(s[k]) || s[k] == '.' || s[k] == '-' || s[k] == '[' || s[k] == ']' || s[k] == '%') {
		k++
	}
	return k < len(s) && k > j && (s[k] == '=' || s[k] == '&')
}

// cefLabelClass returns the classes of the label that a CEF custom
// extension key (cs1…cs6, flexString1…2) is given elsewhere in the record:
// "cs1Label=apiToken cs1=…".
func (m *Masker) cefLabelClass(s, key string) keyClass {
	n := len(key)
	if n < 3 || n > 11 || !isDigit(key[n-1]) || !(n == 3 && key[0] == 'c' && key[1] == 's' || n == 11 && key[:10] == "flexString") {
		return 0
	}
	var buf [24]byte
	lbl := append(append(buf[:0], key...), "Label="...)
	j := strings.Index(s, unsafe.String(&lbl[0], len(lbl)))
	if j < 0 {
		return 0
	}
	a := j + len(lbl)
	e := a
	for e < len(s) && e-a < 64 && s[e] != ' ' {
		e++
	}
	return m.lex.classes(s[a:e], keySecret|keyToken)
}

// percentTokenShaped reports whether v, with its %XX escapes removed, is
// token-shaped: signed cookies such as connect.sid=s%3A….
func percentTokenShaped(v string) bool {
	if len(v) > 512 || strings.IndexByte(v, '%') < 0 {
		return false
	}
	var buf [512]byte
	n := 0
	for k := 0; k < len(v); k++ {
		if v[k] == '%' && k+2 < len(v) && unhex(v[k+1]) != 0xff && unhex(v[k+2]) != 0xff {
			k += 2
			continue
		}
		buf[n] = v[k]
		n++
	}
	return n > 0 && tokenShaped(unsafe.String(&buf[0], n))
}

// redisAuth matches the password of a Redis AUTH command as MONITOR logs
// it, at the quote that opens "AUTH": `] "AUTH" "password"` or `] "AUTH"
// "user" "password"`.
func redisAuth(s string, i int) (int, int) {
	// MONITOR writes the command after the client: [0 10.1.2.3:5123] "AUTH".
	if s[i] != '"' || i+7 > len(s) || !hasPrefixFold(s, i+1, "auth") || s[i+5] != '"' || i < 2 || s[i-1] != ' ' || s[i-2] != ']' || maskEndsAt(s, i-1) {
		return 0, 0 // the ']' must close the client, not our mask
	}
	a, e := -1, -1
	j := i + 6
	for arg := 0; arg < 2 && j+1 < len(s) && s[j] == ' ' && s[j+1] == '"'; arg++ {
		b := j + 2
		c := b
		for c < len(s) && s[c] != '"' {
			if s[c] == '\\' {
				c++
			}
			c++
		}
		if c >= len(s) {
			break
		}
		a, e = b, c
		j = c + 1
	}
	if e <= a || isMaskToken(s[a:e]) {
		return 0, 0
	}
	return a, e
}

// identifiedBy matches the unquoted password of SQL "IDENTIFIED BY secret"
// (Oracle, MySQL), whose BY is s[ws:i]; quoted ones are found at the quote.
func identifiedBy(s string, ws, i int) (int, int) {
	if ws > 0 && s[ws-1] == ' ' {
		ws = withPlugin(s, ws-1, 0) + 1 // IDENTIFIED WITH plugin BY secret
	}
	if ws < 11 || s[ws-1] != ' ' || !hasPrefixFold(s, ws-11, "identified") || ws > 11 && isWord(s[ws-12]) {
		return 0, 0
	}
	a := i + 1
	e := a
	for e < len(s) && s[e] > ' ' && s[e] != ';' && s[e] != ',' && s[e] != ')' && s[e] != '\'' && s[e] != '"' {
		e++
	}
	if e == a || e < len(s) && (s[e] == '\'' || s[e] == '"') || plainValue(s[a:e]) || containsMask(s[a:e]) {
		return 0, 0 // quoted, or a keyword: IDENTIFIED BY PASSWORD '*…'
	}
	return a, e
}

// labelBefore returns the classes (secret, token or code) of the nearest
// label among the three words before the key that starts at k (words
// separated by single spaces, 48 bytes at most, not before last) and where
// it starts.
func (m *Masker) labelBefore(s string, k, last int) (keyClass, int) {
	lo := max(last, k-48)
	j := k
	if j > lo && (s[j-1] == '(' || s[j-1] == '[') {
		j-- // "(임시: …"
	}
	for w := 0; w < 3 && j > lo+1 && s[j-1] == ' '; w++ {
		// Words end at spaces; a quote, '=', ':' or a brace before one
		// starts a field: {"msg":"패스워드 발급: …"}.
		we := j - 1
		ws := we
		for ws > lo && !labelDelim(s[ws-1]) && we-ws < 32 {
			ws--
		}
		if ws == we || ws > 0 && !labelDelim(s[ws-1]) {
			return 0, 0 // no word, or only part of one (cut by the window or a match)
		}
		if containsMask(s[ws:we]) {
			return 0, 0 // our mask: a match there blocked the first pass
		}
		t := ws
		for t < we && (s[t] == '(' || s[t] == '[') {
			t++ // "(임시: …"
		}
		l := &m.lex
		if t < we && (s[we-1] >= 0x80 || we-t > 1 && l.last2[lower(s[we-2])&0x7f][lower(s[we-1])&0x7f] != 0) {
			if c := l.classes(s[t:we], keySecret|keyToken|keyCode); c != 0 {
				return c, t
			}
		}
		if ws == 0 || s[ws-1] != ' ' {
			return 0, 0 // the start of the text or of the field
		}
		j = ws
	}
	return 0, 0
}

// labelDelim reports whether c ends the words labelBefore reads: a space,
// or what opens a field.
func labelDelim(c byte) bool { return labelDelims[c] }

var labelDelims = func() (t [256]bool) {
	for _, c := range " \"'=:{,;\t\n" {
		t[c] = true
	}
	return t
}()

// strongShaped reports whether v looks random enough to be a secret
// wherever it stands: token-shaped, or password-shaped with a symbol or
// with upper case, lower case and digits ("Xk9mz2Qw", not "user01").
func strongShaped(v string) bool {
	if tokenShaped(v) {
		return true
	}
	if !passwordShaped(v) {
		return false
	}
	var seen uint8
	symbol := false
	for k := 0; k < len(v); k++ {
		seen |= class[v[k]] & (clsDigit | clsUpper | clsLower)
		symbol = symbol || !is(v[k], clsAlnum)
	}
	return symbol || seen == clsDigit|clsUpper|clsLower
}

// formDataPart matches the value of a multipart form field named by a
// secret key: `Content-Disposition: form-data; name="password"`, a blank
// line, then the value on its own line. vs is just after "name=".
func (m *Masker) formDataPart(s string, vs int) (int, int) {
	a, e := valueAfter(s, vs)
	if e == 0 || m.lex.classes(s[a:e], keySecret|keyCode) == 0 {
		return 0, 0
	}
	j := e
	if j < len(s) && s[j] == '"' {
		j++
	}
	for _, blank := range []string{"\r\n\r\n", "\n\n"} {
		if hasPrefixAt(s, j, blank) {
			b := j + len(blank)
			f := b
			for f < len(s) && s[f] != '\r' && s[f] != '\n' {
				f++
			}
			if f == b || isPlaceholder(s[b:f]) || containsMask(s[b:f]) || m.touchesMask(s, b, f) {
				return 0, 0
			}
			return b, f
		}
	}
	return 0, 0
}

// containsMask reports whether v holds one of our masks (or a star run
// that may be a partial one).
func containsMask(v string) bool {
	return strings.Contains(v, redactPrefix) || strings.Contains(v, hashPrefix) || strings.Contains(v, "****")
}
