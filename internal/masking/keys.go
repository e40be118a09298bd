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

// secretKeys matches key names against the Secret detector's list,
// case-insensitively and on name-part boundaries.
type secretKeys struct {
	keys []string // lower case
	// first holds, for each lower-case byte, whether a key starts with it.
	first [256]bool
}

func newSecretKeys(list []string) secretKeys {
	var s secretKeys
	for _, k := range list {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		s.keys = append(s.keys, k)
		s.first[k[0]] = true
	}
	return s
}

// isPartSep reports whether c separates parts of a key name.
func isPartSep(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':'
}

// match reports whether ident contains a configured key as a whole name part.
func (s *secretKeys) match(ident string) bool {
	if len(ident) == 0 || len(ident) > 128 {
		return false
	}
	for p := 0; p < len(ident); p++ {
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
