package targetconfig

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Credentials is a receiver's `credentials:` section: credentials by name,
// which targets reference with `credential: NAME`.
type Credentials[C comparable] map[string]C

// Resolve returns the credential of a target that references ref (empty
// when it references none) and carries inline (the zero C when it carries
// none). Setting both, or referencing a name that does not exist, is an
// error under the key "credential". With neither, the zero C and no error
// are returned: the receiver says which of its keys is required.
func (cs Credentials[C]) Resolve(ref string, inline C) (C, error) {
	var zero C
	if ref == "" {
		return inline, nil
	}
	if inline != zero {
		return zero, errors.New("credential: set either credential or the inline credential keys, not both")
	}
	c, ok := cs[ref]
	if !ok {
		return zero, fmt.Errorf("credential: no credential named %q under credentials", ref)
	}
	return c, nil
}

// Unreferenced returns, sorted, the names of the credentials that none of
// refs (the targets' `credential:` values) names. A receiver checks these on
// their own, since no target's check covers them.
func (cs Credentials[C]) Unreferenced(refs []string) []string {
	var out []string
	for name := range cs {
		if !slices.Contains(refs, name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// CheckUnreferenced checks with check each credential that none of refs
// names (see Unreferenced) and returns its errors under the credential's
// path: a typo in a credential no target uses yet must not wait until one
// does.
func (cs Credentials[C]) CheckUnreferenced(refs []string, check func(C) error) []error {
	var errs []error
	for _, name := range cs.Unreferenced(refs) {
		errs = append(errs, PrefixEach(CredentialPath(name), check(cs[name]))...)
	}
	return errs
}

// ErrNoTargets is the error of a receiver configured with no target.
var ErrNoTargets = errors.New("targets: at least one target is required")

// CredentialPath is the field path of a named credential in errors:
// "credentials::NAME".
func CredentialPath(name string) string { return "credentials::" + name }

// Where names target i in errors: "targets[i] (name)", or "targets[i]"
// when the target has no name.
func Where(i int, name string) string {
	if name == "" {
		return fmt.Sprintf("targets[%d]", i)
	}
	return fmt.Sprintf("targets[%d] (%s)", i, name)
}

// Override resolves a per-target duration that overrides a receiver-wide
// one: unset (0) gives def; a negative value is an error naming key.
func Override(key string, v, def time.Duration) (time.Duration, error) {
	switch {
	case v < 0:
		return def, fmt.Errorf("%s: %v is negative; leave it unset for the receiver's default", key, v)
	case v == 0:
		return def, nil
	default:
		return v, nil
	}
}

// Names checks that target names are unique.
type Names map[string]bool

// Add records name and reports an error naming where when another target
// already has it.
func (n Names) Add(where, name string) error {
	if n[name] {
		return fmt.Errorf("%s: name %q is used by another target; set name", where, name)
	}
	n[name] = true
	return nil
}

// PrefixEach prefixes every error joined in err (errors.Join, at any
// depth) with "prefix: ", so that each line of the final message names its
// field path. A nil err gives nil.
func PrefixEach(prefix string, err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, PrefixEach(prefix, e)...)
		}
		return out
	}
	return []error{fmt.Errorf("%s: %w", prefix, err)}
}

// TargetInfo is what CheckTargets learns of one target from the receiver's
// own check.
type TargetInfo struct {
	// Name is the target's resolved name (its name key or its default),
	// which must be unique; empty skips the uniqueness check.
	Name string
	// Credential is the name the target references under credentials.
	Credential string
}

// CheckTargets is the part of a receiver's Validate that every receiver
// shares: at least one target (ErrNoTargets); check for each, whose errors
// are prefixed with the target's path (Where of label); unique names; and,
// unless checkCred is nil, checkCred for every credential that no target
// references (CheckUnreferenced).
func CheckTargets[T any, C comparable](targets []T, label func(*T) string, creds Credentials[C],
	check func(*T) (TargetInfo, error), checkCred func(C) error,
) []error {
	var errs []error
	if len(targets) == 0 {
		errs = append(errs, ErrNoTargets)
	}
	names := Names{}
	refs := make([]string, len(targets))
	for i := range targets {
		t := &targets[i]
		where := Where(i, label(t))
		info, err := check(t)
		refs[i] = info.Credential
		errs = append(errs, PrefixEach(where, err)...)
		if info.Name == "" {
			continue
		}
		if err := names.Add(where, info.Name); err != nil {
			errs = append(errs, err)
		}
	}
	if checkCred != nil {
		errs = append(errs, creds.CheckUnreferenced(refs, checkCred)...)
	}
	return errs
}
