package snmp

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed profiles/*.yaml
var builtinFS embed.FS

var builtin = sync.OnceValues(func() (map[string]*Profile, error) {
	entries, err := builtinFS.ReadDir("profiles")
	if err != nil {
		return nil, err
	}
	out := make(map[string]*Profile, len(entries))
	for _, e := range entries {
		data, err := builtinFS.ReadFile(path.Join("profiles", e.Name()))
		if err != nil {
			return nil, err
		}
		p, err := ParseProfile(data)
		if err != nil {
			return nil, fmt.Errorf("built-in %s: %w", e.Name(), err)
		}
		if want := strings.TrimSuffix(e.Name(), ".yaml"); p.Name != want {
			return nil, fmt.Errorf("built-in %s: name %q does not match the file", e.Name(), p.Name)
		}
		out[p.Name] = p
	}
	return out, nil
})

// BuiltinProfile returns the built-in profile of that name.
func BuiltinProfile(name string) (*Profile, error) {
	m, err := builtin()
	if err != nil {
		return nil, err
	}
	p, ok := m[name]
	if !ok {
		return nil, fmt.Errorf("no built-in profile %q (have %s)", name, strings.Join(BuiltinProfileNames(), ", "))
	}
	return p, nil
}

// BuiltinProfileNames lists the built-in profiles, sorted.
func BuiltinProfileNames() []string {
	m, _ := builtin()
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
