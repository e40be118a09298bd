package snmp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	"github.com/gosnmp/gosnmp"
)

// ErrorKind names the class of a failed poll, in the words an operator
// searches for. It is stable and appears in logs.
type ErrorKind string

// The error kinds a poll can end with.
const (
	KindTimeout            ErrorKind = "timeout"
	KindConnectionRefused  ErrorKind = "connection refused"
	KindAuthFailure        ErrorKind = "authentication failure"
	KindUnknownUser        ErrorKind = "unknown user"
	KindDecryption         ErrorKind = "decryption error"
	KindSecurityLevel      ErrorKind = "unsupported security level"
	KindNoSuchObject       ErrorKind = "no such object"
	KindNetwork            ErrorKind = "network error"
	KindProtocol           ErrorKind = "protocol error"
	KindInvalidResponse    ErrorKind = "invalid response"
	KindAgentError         ErrorKind = "agent error"
	KindInvalidEndpoint    ErrorKind = "invalid endpoint"
	KindContextCanceled    ErrorKind = "canceled"
	kindUnclassifiedPrefix           = "error"
)

// Error is a classified SNMP failure for one target. Its message says what
// failed and what to check; it never contains a secret.
type Error struct {
	// Kind is the class of the failure.
	Kind ErrorKind
	// Hint tells the operator what to check.
	Hint string
	// Err is the underlying error.
	Err error
}

// Error implements error.
func (e *Error) Error() string {
	msg := string(e.Kind)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	if e.Err != nil && e.Kind != KindNoSuchObject {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Class returns the kind as a string; targetpoll uses it to log only when
// a target's state changes.
func (e *Error) Class() string { return string(e.Kind) }

// KindOf returns the kind of err, or "" when err is not an *Error.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

// classify turns an error from gosnmp into an *Error with a hint that fits
// the SNMP version and credentials in use.
func classify(err error, c *ConnConfig) error {
	if err == nil {
		return nil
	}
	var already *Error
	if errors.As(err, &already) {
		return err
	}
	e := &Error{Err: err}
	switch {
	case errors.Is(err, context.Canceled):
		e.Kind = KindContextCanceled
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Kind = KindConnectionRefused
		e.Hint = "nothing listens on " + c.Endpoint + "; check the address and port"
	case errors.Is(err, gosnmp.ErrWrongDigest):
		e.Kind = KindAuthFailure
		e.Hint = fmt.Sprintf("check auth_password and auth_protocol for user %q", c.User)
	case errors.Is(err, gosnmp.ErrUnknownUsername):
		e.Kind = KindUnknownUser
		e.Hint = fmt.Sprintf("the agent has no user %q", c.User)
	case errors.Is(err, gosnmp.ErrDecryption):
		e.Kind = KindDecryption
		e.Hint = fmt.Sprintf("check priv_password and priv_protocol for user %q", c.User)
	case errors.Is(err, gosnmp.ErrUnknownSecurityLevel):
		e.Kind = KindSecurityLevel
		e.Hint = fmt.Sprintf("user %q does not allow security_level %s", c.User, c.SecurityLevel)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, gosnmp.ErrMaxRetriesExceeded),
		errors.Is(err, os.ErrDeadlineExceeded), strings.Contains(err.Error(), "timeout"):
		e.Kind = KindTimeout
		if c.Version == "v3" {
			e.Hint = fmt.Sprintf("no response after %d attempt(s) of %s; check that the agent runs at %s", c.Retries+1, c.Timeout, c.Endpoint)
		} else {
			e.Hint = fmt.Sprintf("no response after %d attempt(s) of %s; wrong community or agent unreachable at %s", c.Retries+1, c.Timeout, c.Endpoint)
		}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, syscall.ENETUNREACH):
		e.Kind = KindNetwork
	default:
		e.Kind = KindProtocol
	}
	return e
}
