package targetpoll

import (
	"errors"

	"go.uber.org/zap"
)

// Classifier is implemented by errors that name their class (for example
// "timeout" or "authentication failure"); the class, not the message,
// decides whether a target's state changed.
type Classifier interface {
	Class() string
}

type partialError struct{ err error }

func (p *partialError) Error() string { return p.err.Error() }
func (p *partialError) Unwrap() error { return p.err }

// Partial marks err as a partial failure: the target answered, so it is up,
// but some data is missing.
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

// classOf names the state a poll result puts its target in.
func classOf(err error) string {
	if err == nil {
		return "ok"
	}
	prefix := "down: "
	if IsPartial(err) {
		prefix = "partial: "
	}
	var c Classifier
	if errors.As(err, &c) {
		return prefix + c.Class()
	}
	return prefix + err.Error()
}

// state remembers what a target's last poll looked like, so that only
// changes are logged. Each line's message names the target: the collector's
// log sampler keys on the message, so one target's line is never dropped
// because another target logged the same words.
type state struct {
	class    string
	failures int
}

func (s *state) observe(log *zap.Logger, target string, r Result) {
	if r.Up {
		s.failures = 0
	} else {
		s.failures++
	}
	class := classOf(r.Err)
	if class == s.class {
		return
	}
	first := s.class == ""
	s.class = class
	switch {
	case r.Err == nil && !first:
		log.Info("target "+target+" recovered", zap.String("target", target))
	case r.Err == nil:
	case r.Up:
		log.Warn("target "+target+" answers but data is missing", zap.String("target", target), zap.Error(r.Err))
	default:
		log.Error("target "+target+" is down; will keep polling and log again when its state changes",
			zap.String("target", target), zap.Error(r.Err))
	}
}
