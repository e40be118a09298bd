package masking

import "strings"

// keyPatterns matches attribute keys exactly, or by prefix for entries that
// end in '*'.
type keyPatterns struct {
	exact    map[string]struct{}
	prefixes []string
}

func newKeyPatterns(list []string) keyPatterns {
	p := keyPatterns{exact: map[string]struct{}{}}
	for _, k := range list {
		if strings.HasSuffix(k, "*") {
			p.prefixes = append(p.prefixes, strings.TrimSuffix(k, "*"))
		} else {
			p.exact[k] = struct{}{}
		}
	}
	return p
}

func (p *keyPatterns) empty() bool { return len(p.exact) == 0 && len(p.prefixes) == 0 }

func (p *keyPatterns) match(key string) bool {
	if _, ok := p.exact[key]; ok {
		return true
	}
	for _, pre := range p.prefixes {
		if strings.HasPrefix(key, pre) {
			return true
		}
	}
	return false
}

// vocab is a vocabulary of key and label words (secret keys, token keys,
// bank words). ASCII words match case-insensitively on name parts:
// "password" matches "db_password" and "dbPassword" but not "passwords".
// Words with non-ASCII letters (Korean) match anywhere inside a key or a
// run of non-ASCII text, since Korean compounds carry no separators
// ("임시비밀번호", "KB국민").
type vocab struct {
	keys []string // lower-case ASCII words
	// first holds, for each lower-case byte, whether an ASCII word starts with it.
	first  [256]bool
	native []string // words with non-ASCII bytes
}

func newVocab(list []string) vocab {
	var s vocab
	for _, k := range list {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		if strings.IndexFunc(k, func(r rune) bool { return r >= 0x80 }) >= 0 {
			s.native = append(s.native, k)
			continue
		}
		s.keys = append(s.keys, k)
		s.first[k[0]] = true
	}
	return s
}

func (s *vocab) empty() bool { return len(s.keys) == 0 && len(s.native) == 0 }

// isPartSep reports whether c separates parts of a key name. Non-ASCII
// bytes do too, so "KB국민" has the part "kb".
func isPartSep(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':' || c >= 0x80
}

// match reports whether ident contains a word of the vocabulary as a whole
// name part (ASCII) or anywhere (non-ASCII words).
func (s *vocab) match(ident string) bool {
	if len(ident) == 0 || len(ident) > 128 {
		return false
	}
	ascii := true
	for p := 0; p < len(ident); p++ {
		if ident[p] >= 0x80 {
			ascii = false
			continue
		}
		if !s.first[lower(ident[p])] {
			continue
		}
		// Left boundary: start, separator, or a lower→Upper camel-case step.
		if p > 0 && !isPartSep(ident[p-1]) && !(is(ident[p], clsUpper) && is(ident[p-1], clsLower|clsDigit)) {
			continue
		}
		for _, k := range s.keys {
			if !hasPrefixFold(ident, p, k) {
				continue
			}
			e := p + len(k)
			if e == len(ident) {
				return true
			}
			if isPartSep(ident[e]) || (is(ident[e], clsUpper) && is(ident[e-1], clsLower)) {
				if !qualified(ident, e) {
					return true
				}
			}
		}
	}
	if !ascii {
		for _, k := range s.native {
			if strings.Contains(ident, k) {
				return true
			}
		}
	}
	return false
}

// word reports whether w is, as a whole, a word of the vocabulary (ASCII
// case-insensitive); labels before a value are matched this way.
func (s *vocab) word(w string) bool {
	if len(w) == 0 || w[0] >= 0x80 {
		for _, k := range s.native {
			if strings.Contains(w, k) {
				return true
			}
		}
		return false
	}
	if !s.first[lower(w[0])] {
		return false
	}
	for _, k := range s.keys {
		if len(k) == len(w) && hasPrefixFold(w, 0, k) {
			return true
		}
	}
	return false
}

// qualifiers are name parts after a secret key that make the value a
// property of the secret rather than the secret: token_count, secretName,
// password_expires_at.
var qualifiers = []string{"count", "type", "name", "id", "length", "len", "size", "expiry", "expires", "expired", "ttl", "limit", "used", "hint", "policy", "age", "set", "changed", "reset", "required", "valid", "enabled", "file", "path"}

// qualified reports whether the name part that starts at e (after a
// separator, or at a camel-case capital) is a qualifier.
func qualified(ident string, e int) bool {
	if isPartSep(ident[e]) {
		e++
	}
	end := e
	for end < len(ident) && !isPartSep(ident[end]) && !(end > e && is(ident[end], clsUpper)) {
		end++
	}
	part := ident[e:end]
	for _, q := range qualifiers {
		if len(part) == len(q) && hasPrefixFold(part, 0, q) {
			return true
		}
	}
	return false
}
