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

// keyFormat is a well-known credential shape: a fixed prefix, then min to
// max characters of one alphabet. The prefixes come from the providers'
// documented token formats (the same families secret scanners look for).
type keyFormat struct {
	prefix   string
	min, max int   // characters after the prefix
	cls      uint8 // their alphabet
	dots     bool  // '.' may occur in the body too (SendGrid)
	mixed    bool  // letters and digits, or both cases: rejects words and names
}

// accessKeyFormats are the token families recognised anywhere in text.
var accessKeyFormats = []keyFormat{
	{prefix: "AKIA", min: 16, max: 16, cls: clsUpper | clsDigit}, // AWS access key ids
	{prefix: "ASIA", min: 16, max: 16, cls: clsUpper | clsDigit},
	{prefix: "ABIA", min: 16, max: 16, cls: clsUpper | clsDigit},
	{prefix: "ACCA", min: 16, max: 16, cls: clsUpper | clsDigit},
	{prefix: "AIza", min: 35, max: 35, cls: clsB64URL},                // Google API key
	{prefix: "ya29.", min: 20, max: 512, cls: clsB64URL, mixed: true}, // Google OAuth access token
	{prefix: "ghp_", min: 36, max: 36, cls: clsAlnum},                 // GitHub
	{prefix: "gho_", min: 36, max: 36, cls: clsAlnum},
	{prefix: "ghu_", min: 36, max: 36, cls: clsAlnum},
	{prefix: "ghs_", min: 36, max: 36, cls: clsAlnum},
	{prefix: "ghr_", min: 36, max: 36, cls: clsAlnum},
	{prefix: "github_pat_", min: 22, max: 255, cls: clsWord, mixed: true},
	{prefix: "glpat-", min: 20, max: 64, cls: clsB64URL}, // GitLab
	{prefix: "gldt-", min: 20, max: 64, cls: clsB64URL},
	{prefix: "glrt-", min: 20, max: 64, cls: clsB64URL},
	{prefix: "glptt-", min: 20, max: 64, cls: clsB64URL},
	{prefix: "sk_live_", min: 24, max: 128, cls: clsAlnum}, // Stripe
	{prefix: "rk_live_", min: 24, max: 128, cls: clsAlnum},
	{prefix: "pk_live_", min: 24, max: 128, cls: clsAlnum},
	{prefix: "sk_test_", min: 24, max: 128, cls: clsAlnum},
	{prefix: "rk_test_", min: 24, max: 128, cls: clsAlnum},
	{prefix: "whsec_", min: 24, max: 128, cls: clsAlnum},
	{prefix: "sk-", min: 32, max: 255, cls: clsB64URL, mixed: true},   // OpenAI, Anthropic (sk-proj-, sk-ant-…)
	{prefix: "xoxb-", min: 10, max: 255, cls: clsB64URL, mixed: true}, // Slack
	{prefix: "xoxp-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "xoxa-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "xoxo-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "xoxr-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "xoxs-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "xoxe-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "xapp-", min: 10, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "SG.", min: 60, max: 80, cls: clsB64URL, dots: true, mixed: true}, // SendGrid
	{prefix: "npm_", min: 36, max: 36, cls: clsAlnum},                          // npm
	{prefix: "pypi-AgE", min: 50, max: 512, cls: clsB64URL},                    // PyPI
	{prefix: "hf_", min: 30, max: 40, cls: clsAlnum, mixed: true},              // Hugging Face
	{prefix: "dop_v1_", min: 64, max: 64, cls: clsHex},                         // DigitalOcean
	{prefix: "doo_v1_", min: 64, max: 64, cls: clsHex},
	{prefix: "dor_v1_", min: 64, max: 64, cls: clsHex},
	{prefix: "shpat_", min: 32, max: 32, cls: clsHex}, // Shopify
	{prefix: "shpss_", min: 32, max: 32, cls: clsHex},
	{prefix: "shpca_", min: 32, max: 32, cls: clsHex},
	{prefix: "shppa_", min: 32, max: 32, cls: clsHex},
	{prefix: "SK", min: 32, max: 32, cls: clsHex, mixed: true},     // Twilio API key
	{prefix: "glsa_", min: 32, max: 64, cls: clsWord, mixed: true}, // Grafana
	{prefix: "glc_", min: 32, max: 400, cls: clsB64URL, mixed: true},
	{prefix: "dckr_pat_", min: 20, max: 64, cls: clsB64URL, mixed: true}, // Docker Hub
	{prefix: "lin_api_", min: 40, max: 40, cls: clsAlnum},                // Linear
	{prefix: "sq0atp-", min: 22, max: 22, cls: clsB64URL},                // Square
	{prefix: "sq0csp-", min: 43, max: 43, cls: clsB64URL},
	{prefix: "xkeysib-", min: 64, max: 96, cls: clsB64URL},           // Brevo
	{prefix: "rubygems_", min: 48, max: 48, cls: clsHex},             // RubyGems
	{prefix: "dapi", min: 32, max: 32, cls: clsHex, mixed: true},     // Databricks
	{prefix: "hvs.", min: 24, max: 255, cls: clsB64URL, mixed: true}, // HashiCorp Vault
	{prefix: "hvb.", min: 24, max: 255, cls: clsB64URL, mixed: true},
	{prefix: "PMAK-", min: 59, max: 59, cls: clsB64URL}, // Postman
	{prefix: "pul-", min: 40, max: 40, cls: clsHex},     // Pulumi
	{prefix: "AGE-SECRET-KEY-1", min: 58, max: 58, cls: clsUpper | clsDigit},
}

// keyStarts says which first two bytes begin some access key format, so a
// word is rejected with one table look-up.
var keyStarts = func() (t [128][128]bool) {
	for _, f := range accessKeyFormats {
		t[f.prefix[0]][f.prefix[1]] = true
	}
	return t
}()

// keyFirstBytes are the first bytes of the access key formats: the word
// starts the scanner has to look at.
func keyFirstBytes() []byte {
	var out []byte
	seen := [128]bool{}
	for _, f := range accessKeyFormats {
		if c := f.prefix[0]; !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// scanAccessKey matches an access key or token of a well-known format at
// word start i.
func scanAccessKey(s string, i int) int {
	if len(s)-i < 14 || s[i] >= 0x80 || s[i+1] >= 0x80 || !keyStarts[s[i]][s[i+1]] {
		return 0
	}
	for fi := range accessKeyFormats {
		f := &accessKeyFormats[fi]
		if s[i] != f.prefix[0] || s[i+1] != f.prefix[1] || !hasPrefixAt(s, i, f.prefix) {
			continue
		}
		j := i + len(f.prefix)
		e := j
		var seen uint8
		for e < len(s) && e-j <= f.max && (is(s[e], f.cls) || f.dots && s[e] == '.') {
			seen |= class[s[e]] & (clsDigit | clsUpper | clsLower)
			e++
		}
		n := e - j
		if n < f.min || n > f.max || (e < len(s) && (is(s[e], f.cls|clsWord) || f.dots && s[e] == '.')) {
			continue
		}
		if f.mixed && (seen&clsDigit == 0 || seen&clsAlpha == 0) && seen&clsAlpha != clsAlpha {
			continue // a word or a name (sk-learn-…), not a token
		}
		return e
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
