package snmp

import (
	"errors"
	"fmt"
	"path/filepath"
)

// LoadProfiles returns the built-in profiles followed by the user profiles
// that the glob patterns match; a user profile replaces a built-in one of
// the same name. A pattern that matches nothing is an error.
func LoadProfiles(patterns []string) ([]*Profile, error) {
	var out []*Profile
	index := map[string]int{}
	put := func(p *Profile) {
		if i, ok := index[p.Name]; ok {
			out[i] = p
			return
		}
		index[p.Name] = len(out)
		out = append(out, p)
	}
	for _, n := range BuiltinProfileNames() {
		p, err := BuiltinProfile(n)
		if err != nil {
			return nil, err
		}
		put(p)
	}
	var errs []error
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil {
			errs = append(errs, fmt.Errorf("profile_files: %q: %w", pattern, err))
			continue
		}
		if len(files) == 0 {
			errs = append(errs, fmt.Errorf("profile_files: %q matches no file", pattern))
		}
		for _, f := range files {
			p, err := LoadProfileFile(f)
			if err != nil {
				errs = append(errs, fmt.Errorf("profile_files: %w", err))
				continue
			}
			put(p)
		}
	}
	return out, errors.Join(errs...)
}
