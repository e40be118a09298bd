package masking

// hasPrefixAt is a case-sensitive prefix test at i.
func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// scanJWT matches header.payload.signature at i, where both JSON parts are
// base64url of a JSON object ("eyJ").
func scanJWT(s string, i int) int {
	if !hasPrefixAt(s, i, "eyJ") {
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
			if l < 10 || (part == 1 && !hasPrefixAt(s, ps, "eyJ")) || j >= len(s) || s[j] != '.' {
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

// accessKeyFormats are the access-key prefixes and how many characters of
// which class follow them.
var accessKeyFormats = []struct {
	prefix  string
	n       int
	cls     uint8
	atLeast bool // n is a minimum (up to 128)
}{
	{"AKIA", 16, clsUpper | clsDigit, false}, // AWS long-term access key id
	{"ASIA", 16, clsUpper | clsDigit, false}, // AWS temporary access key id
	{"AIza", 35, clsB64URL, false},           // Google API key
	{"ghp_", 36, clsAlnum, false},            // GitHub personal access token
	{"gho_", 36, clsAlnum, false},
	{"ghu_", 36, clsAlnum, false},
	{"ghs_", 36, clsAlnum, false},
	{"ghr_", 36, clsAlnum, false},
	{"sk_live_", 24, clsAlnum, true}, // Stripe secret and restricted keys
	{"rk_live_", 24, clsAlnum, true},
	{"sk_test_", 24, clsAlnum, true},
	{"glpat-", 20, clsB64URL, false}, // GitLab personal access token
}

// scanAccessKey matches an access key id at word start i.
func scanAccessKey(s string, i int) int {
	if len(s)-i < 20 {
		return 0 // shorter than any key (AKIA and 16)
	}
	// Every prefix has a second byte of 'K', 'I', 'S', 'h', 'k' or 'l':
	// most words are rejected here, before the list.
	switch s[i+1] {
	case 'K', 'I', 'S', 'h', 'k', 'l':
	default:
		return 0
	}
	for _, f := range accessKeyFormats {
		if s[i] != f.prefix[0] || !hasPrefixAt(s, i, f.prefix) {
			continue
		}
		j := i + len(f.prefix)
		limit := f.n
		if f.atLeast {
			limit = 128
		}
		e := j
		for e < len(s) && e-j < limit && is(s[e], f.cls) {
			e++
		}
		if (e-j == f.n || (f.atLeast && e-j > f.n)) && (e == len(s) || !is(s[e], f.cls|clsWord)) {
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

// awsSecretAfter matches a 40-character AWS secret access key that follows
// an access key id ending at e, after one to four separator bytes.
func awsSecretAfter(s string, e int) (int, int) {
	j := e
	for j < len(s) && j-e < 4 {
		switch s[j] {
		case ' ', '\t', ',', ':', ';', '|', '/', '"', '\'', '=':
			j++
			continue
		}
		break
	}
	if j == e {
		return 0, 0
	}
	a := j
	var seen uint8
	for j < len(s) && j-a <= 40 && is(s[j], clsB64) {
		seen |= class[s[j]] & (clsDigit | clsUpper | clsLower)
		j++
	}
	if j-a != 40 || seen != clsDigit|clsUpper|clsLower || (j < len(s) && (isWord(s[j]) || s[j] == '=')) {
		return 0, 0
	}
	return a, j
}
