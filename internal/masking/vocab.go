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

// expandLexicon returns list with the variants of its words, each once.
func expandLexicon(list []string) []string {
	out := make([]string, 0, len(list)+len(list)/2)
	seen := make(map[string]bool, len(list)*2)
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
		if strings.IndexByte(k, ' ') > 0 {
			add(strings.ReplaceAll(k, " ", "_"))
			continue
		}
		if strings.ContainsAny(k, "_-.") {
			continue
		}
		for _, p := range partWords {
			if len(k) >= len(p)+3 && strings.HasSuffix(k, p) {
				add(k[:len(k)-len(p)] + "_" + p)
				break
			}
		}
	}
	return out
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
	"login", "sso", "callback", "share", "shared", "onboarding", "setup",
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
