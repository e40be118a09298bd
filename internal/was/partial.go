package was

import "errors"

// partialError marks a poll whose target answered but left data out.
type partialError struct{ err error }

func (p *partialError) Error() string { return p.err.Error() }
func (p *partialError) Unwrap() error { return p.err }

// Class is the class of the first wrapped error of this package.
func (p *partialError) Class() string {
	if c := ClassOf(p.err); c != "" {
		return c
	}
	return p.err.Error()
}

// Partial marks err as a partial failure.
func Partial(err error) error {
	if err == nil {
		return nil
	}
	return &partialError{err: err}
}

// IsPartial reports whether err was marked with Partial.
func IsPartial(err error) bool {
	var p *partialError
	return errors.As(err, &p)
}
