package was

import (
	"fmt"
	"strings"
)

// ObjectName is a parsed JMX object name: a domain and key properties.
type ObjectName struct {
	Domain string
	Keys   map[string]string
}

// ParseObjectName parses "domain:key=value,key=value". Quoted values keep
// their quotes, as JMX does.
func ParseObjectName(s string) (ObjectName, error) {
	on := ObjectName{Keys: map[string]string{}}
	err := parseObjectNameInto(s, &on)
	return on, err
}

// parseObjectNameInto parses s into on, reusing on.Keys (cleared first).
func parseObjectNameInto(s string, on *ObjectName) error {
	clear(on.Keys)
	domain, rest, ok := strings.Cut(s, ":")
	if !ok || rest == "" {
		return fmt.Errorf("object name %q: want domain:key=value[,key=value]", s)
	}
	on.Domain = domain
	// Key properties split at commas outside quoted values.
	quoted := false
	start := 0
	for i := 0; i <= len(rest); i++ {
		if i < len(rest) {
			switch rest[i] {
			case '\\':
				if quoted {
					i++
				}
				continue
			case '"':
				quoted = !quoted
				continue
			case ',':
				if quoted {
					continue
				}
			default:
				continue
			}
		}
		kv := rest[start:min(i, len(rest))]
		start = i + 1
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			if kv == "*" {
				on.Keys["*"] = ""
				continue
			}
			return fmt.Errorf("object name %q: key property %q has no '='", s, kv)
		}
		on.Keys[k] = v
	}
	return nil
}

// Pattern is an MBean name pattern: a domain glob and key properties whose
// values may be globs; a trailing ",*" allows further keys.
type Pattern struct {
	Text string
	on   ObjectName
	open bool
}

// ParsePattern parses an MBean pattern such as
// "Catalina:type=Manager,context=*,host=*" or "java.lang:type=GarbageCollector,*".
func ParsePattern(s string) (Pattern, error) {
	on, err := ParseObjectName(s)
	if err != nil {
		return Pattern{}, err
	}
	p := Pattern{Text: s, on: on}
	if _, ok := on.Keys["*"]; ok {
		p.open = true
		delete(on.Keys, "*")
	}
	return p, nil
}

// Domain is the pattern's domain (possibly a glob).
func (p Pattern) Domain() string { return p.on.Domain }

// Match reports whether an object name matches the pattern.
func (p Pattern) Match(on ObjectName) bool {
	if !glob(p.on.Domain, on.Domain) {
		return false
	}
	if !p.open && len(on.Keys) != len(p.on.Keys) {
		return false
	}
	for k, pv := range p.on.Keys {
		v, ok := on.Keys[k]
		if !ok {
			return false
		}
		if !glob(pv, v) {
			return false
		}
	}
	return true
}

// Bean is one MBean's name and the attributes read from it. Values are
// float64, bool, string, or map[string]any for composite data.
type Bean struct {
	Name  ObjectName
	Attrs map[string]any
}

// glob matches s against a JMX pattern value: '*' is any run of characters
// ('/' included, unlike path.Match), '?' any one character.
func glob(pattern, s string) bool {
	px, sx := 0, 0
	star, mark := -1, 0
	for sx < len(s) {
		switch {
		case px < len(pattern) && (pattern[px] == '?' || pattern[px] == s[sx]):
			px++
			sx++
		case px < len(pattern) && pattern[px] == '*':
			star, mark = px, sx
			px++
		case star >= 0:
			px = star + 1
			mark++
			sx = mark
		default:
			return false
		}
	}
	for px < len(pattern) && pattern[px] == '*' {
		px++
	}
	return px == len(pattern)
}
