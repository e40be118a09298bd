package masking

import (
	"strings"
	"unicode/utf8"
)

// Trigger bits.
const (
	trWordNumeric uint16 = 1 << iota // digit at a word start
	trWordAlpha                      // letter at a word start that may begin a token
	trAt                             // '@'
	trAssign                         // '=' or ':'
	trQuote                          // '\''
	trPlus                           // '+'
	trWord                           // any word byte: the scanner skips whole words
	trSecretPunct                    // '-' (PEM private key blocks), '>' (XML elements)
	trLabel                          // first letter of a token label word ("token 9f8e…")
	trSQL                            // 'V'/'v': an SQL VALUES list
	trPercent                        // '%' or '\\': a percent- or \\u-encoded value
	trNative                         // lead byte of a non-ASCII secret label ("비밀번호는 …")
	trDollar                         // '$': a crypt(3) password hash
)

func (m *Masker) buildTriggers() {
	for c := range 256 {
		if isWord(byte(c)) {
			m.trigger[c] |= trWord
		}
	}
	e := &m.enabled
	if e[PaymentCard] || e[KRRRN] || e[Phone] || e[IPv4] || e[BankAccount] {
		for c := '0'; c <= '9'; c++ {
			m.trigger[c] |= trWordNumeric
		}
	}
	if e[AccessKey] {
		for _, c := range keyFirstBytes() {
			m.trigger[c] |= trWordAlpha
		}
	}
	if e[JWT] {
		m.trigger['e'] |= trWordAlpha
	}
	if e[AuthHeader] {
		for _, c := range "Bb" {
			m.trigger[c] |= trWordAlpha
		}
	}
	if e[Email] {
		m.trigger['@'] |= trAt
	}
	if e[Secret] || e[IPv6] {
		m.trigger['='] |= trAssign
		m.trigger[':'] |= trAssign
	}
	if e[Secret] {
		m.trigger['-'] |= trSecretPunct
		m.trigger['>'] |= trSecretPunct
		m.trigger['&'] |= trSecretPunct
		m.trigger['\''] |= trQuote
		m.trigger['"'] |= trQuote
		for c := range 128 {
			if (m.lex.labelFirst[lower(byte(c))]&(keyToken|keySecret|keyCode) != 0 || m.lex.phraseFirst[lower(byte(c))]) && is(byte(c), clsAlpha) {
				m.trigger[c] |= trLabel
			}
		}
	}
	if e[Secret] {
		for _, w := range m.lex.native {
			if w.class&(keySecret|keyCode) != 0 && w.w[0] >= 0xc0 {
				m.trigger[w.w[0]] |= trNative
			}
		}
	}
	if e[Secret] {
		m.trigger['$'] |= trDollar
	}
	if e[Secret] || e[BankAccount] {
		m.trigger['V'] |= trSQL
		m.trigger['v'] |= trSQL
	}
	if e[Email] || e[Phone] || e[Secret] {
		m.trigger['%'] |= trPercent
		m.trigger['\\'] |= trPercent // \u0040 in JSON
	}
	if e[Phone] || e[Secret] {
		m.trigger['+'] |= trPlus
	}
	if e[Email] {
		m.trigger['&'] |= trSecretPunct // &#64; in HTML
	}
}

// scan appends the built-in detectors' matches in s[from:] to ms, left to
// right, without overlaps. kc is what the key of the value implies.
func (m *Masker) scan(s string, from int, kc keyClass, ms []Match) []Match {
	last := from // end of the previous match: scanners never look back past it
	n := len(s)
	// Text without '[' and '*' holds no mask, so no value touches one;
	// looked at once, at the first match.
	var plain maskState
	act := &m.trigger
	for i := from; i < n; {
		// Skip bytes that neither start a word nor trigger a scanner.
		t := act[s[i]]
		for t == 0 {
			if i++; i == n {
				return ms
			}
			t = act[s[i]]
		}
		if t&trWord != 0 {
			// i starts a word (the loop skips whole words).
			if t&trSQL != 0 && i+5 < n && lower(s[i+5]) == 's' { // "VALUES"
				if out, end := m.sqlValues(s, i, last, ms); end > 0 {
					ms, i, last = out, end, end
					continue
				}
			}
			if t&(trWordNumeric|trWordAlpha) != 0 {
				var k Kind
				var a, e int
				if t&trWordNumeric != 0 {
					k, a, e = m.numeric(s, i, last, kc)
				} else {
					k, a, e = m.alpha(s, i)
				}
				if e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
					ms = append(ms, Match{k, a, e})
					i, last = e, e
					if k == AccessKey && m.enabled[Secret] {
						// An AWS secret access key right after its key id.
						if a, e := awsSecretAfter(s, i); e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
							ms = append(ms, Match{Secret, a, e})
							i, last = e, e
						}
					}
					continue
				}
			}
			ws := i
			for i++; i < n && isWord(s[i]); i++ {
			}
			if m.opaque && (i-ws >= 8 || i < n && (s[i] == '+' || s[i] == '/' || s[i] == '-')) {
				if e := m.opaqueAt(s, ws); e > 0 && !m.touchesMask(s, ws, e) {
					ms = append(ms, Match{Secret, ws, e})
					i, last = e, e
					continue
				}
			}
			if i+1 >= n || m.kinds&keySecret == 0 {
				continue
			}
			if c := s[i]; c != ' ' {
				if (isTableDelim(c) || c == '\n' || c == '\r' || c == '\\') && i-ws > 1 && s[i-2] < 0x80 && s[i-1] < 0x80 &&
					m.lex.last2[lower(s[i-2])][lower(s[i-1])]&(keySecret|keyToken|keyCode) != 0 {
					// A header row: id,email,password\n7,kim@…,Xk9#…
					fs := ws // the whole name: db.signing.key
					for fs > last+1 && ws-fs < 64 && (s[fs-1] == '.' || s[fs-1] == '-') && isWord(s[fs-2]) {
						for fs--; fs > last && isWord(s[fs-1]); fs-- {
						}
					}
					var cells [8]Match
					out, end := cells[:0], 0
					if c := m.classify(s[fs:i]) & (keySecret | keyToken | keyCode); c != 0 {
						out, end = m.tableColumn(s, fs, i, last, c, cells[:0])
					}
					if end > 0 {
						// The other fields are text for every detector.
						prev := i
						var pre [4]Match
						for _, c := range out {
							ms = append(append(ms, m.sub(s[:c.Start], prev, kc, pre[:0])...), c)
							prev = c.End
						}
						ms = append(ms, m.sub(s[:end], prev, kc, pre[:0])...)
						i, last = end, end
						continue
					}
				}
				if c == '/' || c == '~' {
					// A token as the path segment after /token/, /reset/…,
					// or an Azure AD client secret (xxx8Q~…).
					a, e := 0, 0
					if c == '/' {
						a, e = m.pathToken(s, ws, i)
					} else if m.enabled[AccessKey] {
						a, e = azureSecret(s, ws, i)
					}
					if e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
						ms = append(ms, Match{Secret, a, e})
						i, last = e, e
					}
				}
				continue
			}
			if positionalFirst[s[ws]] {
				// rabbitmqctl add_user u X, htpasswd -b f u X, net user u X
				if a, e := positionalPassword(s, ws); e > 0 && (a == e || !m.touchesMaskIn(&plain, s, a, e)) {
					if a < e {
						ms = append(ms, Match{Secret, a, e})
					}
					i, last = e, e
					continue
				}
			}
			if m.bound != nil && i+1 < n && s[i] == ' ' && len(m.bound.morphemes) > 0 {
				// Deny by default: a configuration directive "name value" on
				// a line of its own (requirepass X, auth_pass X, db-secret X).
				if a, e := m.directive(s, ws, i, last); e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
					ms = append(ms, Match{Secret, a, e})
					i, last = e, e
					continue
				}
			}
			if (t&trLabel != 0 || i-ws > 1 && s[i-2] < 0x80 && m.lex.last2[lower(s[i-2])][lower(s[i-1])]&(keySecret|keyCode) != 0 || ws > 0 && (s[ws-1] == '-' || s[ws-1] == '.')) &&
				(ws > 0 && (s[ws-1] == '-' || s[ws-1] == '.') || m.mayLabel(s, ws, i)) &&
				(mayHoldValue(s, i) || i-ws == 4 && (s[ws:i] == "AUTH" || i >= 18 && hasPrefixFold(s, i-18, "sentinel auth-pass")) || m.lex.phraseStart(s, ws)) &&
				(t&trLabel != 0 || ws > 0 && (s[ws-1] == '-' || s[ws-1] == '.') || m.lex.mayEndWord(s[ws:i], keySecret|keyCode)) {
				ks := ws
				for ks > last && ws-ks < 64 && (s[ks-1] == '-' || s[ks-1] == '.') && ks > 1 && isWord(s[ks-2]) {
					for ks--; ks > last && isWord(s[ks-1]); ks-- {
					}
				}
				a, e := m.label(s, ks, i, t&trLabel != 0 || ks < ws)
				if e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
					ms = append(ms, Match{Secret, a, e})
					i, last = e, e
				}
			}
			continue
		}
		if t&trNative != 0 {
			// A run of non-ASCII text holding a secret label, then a space
			// and a password-shaped value: "임시 비밀번호는 Xy7#… 입니다".
			r := i
			for r < n && s[r] >= 0x80 {
				r++
			}
			ls := i // an ASCII word glued before: "OTP코드 482913"
			for ls > last && i-ls < 16 && isWord(s[ls-1]) {
				ls--
			}
			if c := m.lex.classes(s[ls:r], keySecret|keyCode); c != 0 && r+1 < n && (s[r] == ' ' || s[r] == '(' || s[r] == '[') && !m.touchesMaskIn(&plain, s, i, i) {
				if a, e := secretAfterLabel(s, r, c); e > 0 && (passwordShaped(s[a:e]) || (c&keyCode != 0 || pinCode(s[a:e])) && digitCode(s[a:e])) && !m.touchesMaskIn(&plain, s, a, e) {
					ms = append(ms, Match{Secret, a, e})
					i, last = e, e
					continue
				}
				if a, e := nativeWordsThenValue(s, r); e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
					ms = append(ms, Match{Secret, a, e})
					i, last = e, e
					continue
				}
			}
			i = r
			continue
		}
		if t&trPercent != 0 {
			if kc&scanRaw != 0 {
				i++
				continue
			}
			if out, end := m.percent(s, i, last, kc, ms); end > 0 {
				ms, i, last = out, end, end
				continue
			}
			i++
			continue
		}
		var k Kind
		var a, e int
		switch {
		case t&trAt != 0:
			k = Email
			if a, e = scanEmail(s, i, 1, last); e == 0 && m.enabled[Secret] {
				k = Secret
				a, e = dsnPassword(s, i, last) // user:password@tcp(db:3306)/x
				if e == 0 {
					a, e = oracleLogin(s, i, last) // sqlplus app/pw@//db:1521/x
				}
			}
		case t&trAssign != 0:
			k, a, e = m.assign(s, i, last)
			if e > 0 && a > i+3 && hasPrefixAt(s, i, "://") && !m.touchesMaskIn(&plain, s, a, e) {
				// A URL password: the user part before it is text too.
				var pre [4]Match
				ms = append(ms, m.sub(s[:a-1], i+3, kc, pre[:0])...)
			}
		case t&trQuote != 0:
			k, a, e = m.quoted(s, i, last)
			if e > 0 && a > i+8 && hasPrefixFold(s, i+1, "auth\"") && !m.touchesMaskIn(&plain, s, a, e) {
				// Redis AUTH "user" "password": the user argument is text
				// too (a second pass, which no longer matches the masked
				// password, scans it).
				var pre [4]Match
				ms = append(ms, m.sub(s[:a-1], i+6, kc, pre[:0])...)
			}
		case t&trPlus != 0:
			k, a = Phone, i
			if m.enabled[Phone] {
				e = scanE164(s, i)
			}
			if e == 0 && m.enabled[Secret] {
				k = Secret
				a, e = m.plusSpaced(s, i, last) // Body=Your+code+is+655512
			}
		case t&trDollar != 0:
			k = Secret
			a, e = cryptHashAt(s, i) // kim:$6$salt$… (shadow, htpasswd)
		case t&trSecretPunct != 0:
			k = Secret
			if s[i] == '-' {
				// Both need their first byte: "-----BEGIN ", and a command
				// line's option after a space or a quote, or the "-mode" of
				// a device's key keyword (authentication-mode sha KEY).
				if i+1 < n && s[i+1] == '-' {
					a, e = scanPrivateKey(s, i)
				}
				if e == 0 && (i == 0 || cliBefore[s[i-1]] || i+1 < n && s[i+1] == 'm') {
					a, e = m.cliPassword(s, i)
				}
				if e == 0 {
					a, e = binderValue(s, i) // binding parameter [3] as [VARCHAR] - [Xk9#…]
				}
			} else if s[i] == '&' {
				if m.enabled[Secret] {
					a, e = m.scanEscapedXMLElement(s, i, last)
				}
				if e == 0 && m.enabled[Email] {
					if w := entityAt(s, i); w > 0 {
						k = Email
						a, e = scanEmail(s, i, w, last) // kim&#64;example.com
					}
				}
			} else if s[i] == '>' && i > 0 && s[i-1] == '-' {
				a, e = m.keyValue(s, i-1, i+1, last) // password -> value
			} else {
				a, e = m.scanXMLElement(s, i, last)
			}
		}
		if e > 0 && !m.touchesMaskIn(&plain, s, a, e) {
			ms = append(ms, Match{k, a, e})
			i, last = e, e
			continue
		}
		i++
	}
	return ms
}

// numeric tries the detectors that start with a digit at word start i. The
// shape of the first run of digits (its length l and the byte after it)
// decides which scanners can match at all; most numbers in logs (status
// codes, sizes, durations, dates, versions) fail these tests at once.
func (m *Masker) numeric(s string, i, last int, kc keyClass) (Kind, int, int) {
	e0 := digitsAt(s, i)
	l := e0 - i
	var next byte
	if e0 < len(s) {
		next = s[e0]
	}
	e := &m.enabled
	sep := next == '-' || next == ' ' || next == '.' || next == ')'
	if l < 13 && !(l >= 10 && (s[i] == '0' || e[BankAccount])) && !sep {
		return 0, 0, 0
	}
	if e[IPv4] && l <= 3 && next == '-' {
		if end := scanDashedIPv4(s, i); end > 0 {
			return IPv4, i, end // ip-10-1-2-3.ec2.internal
		}
	}
	if !numericBoundaryBefore(s, i) {
		return 0, 0, 0
	}
	if e[KRRRN] && ((l == 6 && next == '-') || (l == 13 && !timeKey(s, i) && !idRun(s, i, l))) {
		policy := m.checkDigit
		if kc&keyRRN != 0 && policy == CheckDigitLenient {
			policy = CheckDigitIgnore
		}
		if end := scanRRN(s, i, policy); end > 0 {
			return KRRRN, i, end
		}
	}
	if e[Phone] && s[i] == '0' && l >= 2 {
		if end := scanKRPhone(s, i); end > 0 && !(end == e0 && idNumberKey(s, i)) {
			if i > last && s[i-1] == '(' && e0 < len(s) && s[e0] == ')' {
				return Phone, i - 1, end // (02) 123-4567: the parenthesis too
			}
			return Phone, i, end
		}
		if l >= 4 && l <= 5 && s[i+1] == '0' { // 0082-…, not 007-44-36728 (a business number)
			if end := scanIntl00(s, i); end > 0 {
				return Phone, i, end
			}
		}
	}
	if e[PaymentCard] && (l >= 13 && !idRun(s, i, l) && !negativeNumber(s, i) || (l >= 3 && l <= 6 && (next == ' ' || next == '-'))) {
		if end := scanCard(s, i); end > 0 {
			return PaymentCard, i, end
		}
	}
	if e[BankAccount] && ((l >= minBankDigits && l <= maxBankDigits) || (l >= 3 && l <= 6 && next == '-')) {
		if end := scanBankAccount(s, i); end > 0 && m.bankContext(s, i, last, kc, end-i > l) {
			return BankAccount, i, end
		}
	}
	if e[Phone] && l == 3 && next == ')' && i > last && s[i-1] == '(' && !(i >= 3 && (s[i-2] == ' ' || s[i-2] == '-') && (isDigit(s[i-3]) || s[i-3] == ']' && maskEndsAt(s, i-2))) {
		// Not after a country code: "+1 (415) …" is an E.164 number (nor
		// after our mask of one).
		if end := scanNANP(s, i); end > 0 {
			return Phone, i - 1, end // (415) 555-2671
		}
	}
	if e[Phone] && l >= 10 && l <= 13 {
		if end := keyedPhone(s, i, e0); end > 0 {
			return Phone, i, end // to=4155552671, "msisdn":"821012345678"
		}
	}
	if e[IPv4] && l <= 3 && next == '.' && !productVersion(s, i) {
		if end := scanIPv4(s, i); end > 0 && !netmask(s[i:end]) {
			return IPv4, i, end
		}
	}
	return 0, 0, 0
}

// alpha tries the detectors that start with a letter at word start i.
func (m *Masker) alpha(s string, i int) (Kind, int, int) {
	e := &m.enabled
	if s[i] == 'e' && e[JWT] {
		if end := scanJWT(s, i); end > 0 {
			return JWT, i, end
		}
	}
	if e[AccessKey] {
		if end := scanAccessKey(s, i); end > 0 {
			return AccessKey, i, end
		}
	}
	if e[AuthHeader] && s[i]|0x20 == 'b' { // Bearer, Basic
		if a, end := scanAuth(s, i); end > 0 {
			return AuthHeader, a, end
		}
	}
	return 0, 0, 0
}

// assign handles '=' and ':' at i: key=value secrets, then IPv6.
func (m *Masker) assign(s string, i, last int) (Kind, int, int) {
	if m.enabled[Secret] {
		if a, e := m.scanKeyValue(s, i, last); e > 0 {
			return Secret, a, e
		}
		if s[i] == ':' && i > 0 && isDigit(s[i-1]) {
			if a, e := telegramToken(s, i); e > 0 {
				return Secret, a, e
			}
		}
		if a, e := scanURLPassword(s, i); e > 0 && !m.touchesMask(s, i, i) {
			return Secret, a, e
		}
		if a, e := scanOracleThin(s, i); e > 0 {
			return Secret, a, e
		}
	}
	if m.enabled[IPv6] && s[i] == ':' {
		if a, e := scanIPv6(s, i, last); e > 0 {
			return IPv6, a, e
		}
	}
	return 0, 0, 0
}

// touchesMask reports whether s[a:e] holds or directly touches a mask this package
// wrote: "[REDACTED:…]", "[HASH:…]" or a run of at least minStars stars. A
// value that was blocked by its neighbour in the first pass ("0000::ASIA…",
// "*******h@x.io") must stay blocked once that neighbour is masked, or
// masking would not be idempotent.
//
// The kept tail of a Partial mask is original text, so a value may not start
// within maxKeep characters after a star run either ("****:0@0.AAA").
func (m *Masker) touchesMask(s string, a, e int) bool {
	if e > a && maskByte(s[a:e]) && containsMask(s[a:e]) {
		return true // a value holding our mask was masked in part before
	}
	// Our masks, directly or across one punctuation byte ("0.0.0.0-[…]").
	if a > 0 && s[a-1] == ']' && maskEndsAt(s, a) {
		return true
	}
	if a > 1 && isPunct(s[a-1]) && s[a-2] == ']' && maskEndsAt(s, a-1) {
		return true
	}
	if e < len(s) && (maskStartsAt(s, e) || (isPunct(s[e]) && maskStartsAt(s, e+1))) {
		return true
	}
	if m.maxKeep >= 0 {
		// A star run ending within maxKeep+1 characters before a.
		j := a
		for k := 0; k <= m.maxKeep+1 && j > 0; k++ {
			if j >= minStars && s[j-minStars:j] == "****" {
				return true
			}
			_, size := utf8.DecodeLastRuneInString(s[:j])
			j -= size
		}
	}
	return false
}

// maskStartsAt reports whether one of our masks starts at j.
func maskStartsAt(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	if c := s[j]; c != '[' && c != '*' {
		return false
	}
	r := s[j:]
	return strings.HasPrefix(r, redactPrefix) || strings.HasPrefix(r, hashPrefix) || strings.HasPrefix(r, "****")
}

// isPunct reports whether c is ASCII punctuation (not a word byte, not space).
func isPunct(c byte) bool { return c > ' ' && c < 0x7f && !isWord(c) }

// maskEndsAt reports whether a mask token ends just before a (s[a-1] == ']').
func maskEndsAt(s string, a int) bool {
	for j := a - 2; j >= 0 && j >= a-64; j-- {
		switch s[j] {
		case ']':
			return false
		case '[':
			return strings.HasPrefix(s[j:], redactPrefix) || strings.HasPrefix(s[j:], hashPrefix)
		}
	}
	return false
}

// label matches the value after the word s[ws:i] (a space follows) when
// the word, or a phrase it starts, is a secret, token or code label.
// first says that the word's first byte starts some label word.
func (m *Masker) label(s string, ws, i int, first bool) (int, int) {
	if i >= 18 && hasPrefixFold(s, i-18, "sentinel auth-pass") {
		return sentinelAuthPass(s, i) // sentinel auth-pass <master-name> <password>
	}
	if i-ws == 2 && hasPrefixFold(s, ws, "by") {
		return identifiedBy(s, ws, i) // CREATE USER u IDENTIFIED BY secret
	}
	if m.enabled[JWT] && s[i+1] == 'e' && scanJWT(s, i+1) > 0 {
		return 0, 0 // "token eyJ…": reported by its own detector
	}
	le := i
	if first {
		le = m.lex.phraseEnd(s, ws, i) // "api key sk_…"
		if le == i && m.lex.word(s[ws:i], keyToken) {
			if a, e := m.tokenAfterLabel(s, i); e > 0 {
				return a, e
			}
		}
	}
	c := m.lex.classes(s[ws:le], keySecret|keyCode|keyToken)
	if c == 0 || ws > 0 && s[ws-1] == '/' || m.touchesMask(s, ws, ws) {
		return 0, 0
	}
	a, e := 0, 0
	if c&(keySecret|keyCode) != 0 {
		a, e = secretAfterLabel(s, le, c)
	}
	if e == 0 && i-ws == 4 && s[ws:i] == "AUTH" {
		return redisAuthWords(s, i) // Redis: AUTH user secret
	}
	if e == 0 && c&(keySecret|keyToken) != 0 && le < len(s) && s[le] == ' ' {
		return m.tokenAfterLabel(s, le) // refresh_token KGtk…=, db.sid 25e0…
	}
	return a, e
}
