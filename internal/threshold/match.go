package threshold

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// KV is one attribute as the engine sees it: the key and the value as a string.
type KV struct {
	Key   string
	Value string
}

func lookup(attrs []KV, key string) (string, bool) {
	for i := range attrs {
		if attrs[i].Key == key {
			return attrs[i].Value, true
		}
	}
	return "", false
}

// matcher tests one attribute: exactly, by a `*` glob, or by an anchored RE2.
type matcher struct {
	key   string
	exact string
	parts []string // glob pieces between the stars
	re    *regexp.Regexp
}

func compileMatchers(exact, re map[string]string) ([]matcher, error) {
	var out []matcher
	for k, v := range exact {
		m := matcher{key: k, exact: v}
		if strings.Contains(v, "*") {
			m.parts = strings.Split(v, "*")
		}
		out = append(out, m)
	}
	for k, v := range re {
		r, err := regexp.Compile("^(?:" + v + ")$")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		out = append(out, matcher{key: k, re: r})
	}
	// Deterministic order: the cheapest tests first.
	slices.SortFunc(out, func(a, b matcher) int {
		ca, cb := a.cost(), b.cost()
		if ca != cb {
			return ca - cb
		}
		return strings.Compare(a.key, b.key)
	})
	return out, nil
}

func (m *matcher) cost() int {
	switch {
	case m.re != nil:
		return 2
	case m.parts != nil:
		return 1
	}
	return 0
}

func (m *matcher) matches(v string) bool {
	switch {
	case m.re != nil:
		return m.re.MatchString(v)
	case m.parts != nil:
		return globMatch(m.parts, v)
	}
	return v == m.exact
}

// globMatch matches v against a pattern split at its stars.
func globMatch(parts []string, v string) bool {
	if !strings.HasPrefix(v, parts[0]) {
		return false
	}
	v = v[len(parts[0]):]
	last := len(parts) - 1
	for _, p := range parts[1:last] {
		i := strings.Index(v, p)
		if i < 0 {
			return false
		}
		v = v[i+len(p):]
	}
	return strings.HasSuffix(v, parts[last])
}

func matchAll(ms []matcher, attrs []KV) bool {
	for i := range ms {
		v, ok := lookup(attrs, ms[i].key)
		if !ok || !ms[i].matches(v) {
			return false
		}
	}
	return true
}
