package targetconfig

import (
	"errors"
	"fmt"
	"path/filepath"
)

// ProfileSource says where a receiver's profiles come from: its built-in
// ones by name, and user files in the same schema.
type ProfileSource[P any] struct {
	Builtin     []string
	LoadBuiltin func(name string) (P, error)
	LoadFile    func(path string) (P, error)
	Name        func(P) string
}

// LoadProfiles returns the built-in profiles and those of the files that
// patterns (the profile_files key) match, by name; a file's profile
// replaces a built-in one of the same name. Errors name profile_files.
func LoadProfiles[P any](src ProfileSource[P], patterns []string) (map[string]P, error) {
	list, err := LoadProfileList(src, patterns)
	if list == nil && err != nil {
		return nil, err
	}
	out := make(map[string]P, len(list))
	for _, p := range list {
		out[src.Name(p)] = p
	}
	return out, err
}

// LoadProfileList is LoadProfiles in order: the built-in profiles, then the
// files' in the order the patterns and their matches come; a profile takes
// the place of an earlier one of the same name. A pattern that matches
// nothing is an error.
func LoadProfileList[P any](src ProfileSource[P], patterns []string) ([]P, error) {
	var out []P
	index := map[string]int{}
	put := func(p P) {
		if i, ok := index[src.Name(p)]; ok {
			out[i] = p
			return
		}
		index[src.Name(p)] = len(out)
		out = append(out, p)
	}
	for _, n := range src.Builtin {
		p, err := src.LoadBuiltin(n)
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
			p, err := src.LoadFile(f)
			if err != nil {
				errs = append(errs, fmt.Errorf("profile_files: %w", err))
				continue
			}
			put(p)
		}
	}
	return out, errors.Join(errs...)
}
