package was

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// Error classes: the class, not the message, decides whether a target's
// state changed (one log line per change).
const (
	ClassUnauthorized = "unauthorized"
	ClassForbidden    = "forbidden"
	ClassNotFound     = "not found"
	ClassTimeout      = "timeout"
	ClassTLS          = "tls"
	ClassRefused      = "connection refused"
	ClassHTTP         = "http status"
	ClassBadResponse  = "bad response"
	ClassNetwork      = "network"
)

// Error is a failed request to a target: which target and URL, what
// happened, and what to do about it.
type Error struct {
	Target string
	URL    string
	class  string
	Detail string
	Fix    string
	Err    error
}

func (e *Error) Error() string {
	s := fmt.Sprintf("target %s: %s: %s", e.Target, e.URL, e.Detail)
	if e.Fix != "" {
		s += " (" + e.Fix + ")"
	}
	return s
}

// Class names the kind of failure.
func (e *Error) Class() string { return e.class }

func (e *Error) Unwrap() error { return e.Err }

// ClassOf returns the class of an error from this package, or "".
func ClassOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.class
	}
	return ""
}

// transportError classifies an error of the HTTP round trip.
func transportError(target, u string, err error) *Error {
	e := &Error{Target: target, URL: u, Err: err, class: ClassNetwork, Detail: unwrapURL(err).Error()}
	var uerr x509.UnknownAuthorityError
	var herr x509.HostnameError
	var cerr x509.CertificateInvalidError
	var rerr *tls.RecordHeaderError
	var netErr net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		e.class, e.Detail = ClassTimeout, "no answer before the timeout"
		e.Fix = "is the server overloaded or the address wrong? raise timeout if it is just slow"
	case errors.As(err, &uerr) || errors.As(err, &herr) || errors.As(err, &cerr):
		e.class = ClassTLS
		e.Fix = "check tls::ca_file and the server's certificate, or set tls::insecure_skip_verify for a test server"
	case errors.As(err, &rerr) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		e.class = ClassTLS
		e.Fix = "the server does not speak TLS here: use http:// or the HTTPS port"
	case errors.Is(err, syscall.ECONNREFUSED):
		e.class = ClassRefused
		e.Fix = "is the server running and listening at the endpoint's host and port?"
	}
	return e
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// statusError classifies an HTTP error status; fix names what a source
// needs (the manager role, the status module).
func statusError(target, u string, code int, s source) *Error {
	e := &Error{Target: target, URL: u, Detail: fmt.Sprintf("HTTP %d", code), class: ClassHTTP}
	switch code {
	case 401:
		e.class, e.Detail = ClassUnauthorized, "HTTP 401 Unauthorized"
		e.Fix = "check username and password"
		if s.role != "" {
			e.Fix += "; the user needs role " + s.role
		}
	case 403:
		e.class, e.Detail = ClassForbidden, "HTTP 403 Forbidden"
		e.Fix = "the server refuses this user or address"
		if s.role != "" {
			e.Fix = "the user lacks role " + s.role + "; add it in tomcat-users.xml"
		}
	case 404:
		e.class, e.Detail = ClassNotFound, "HTTP 404 Not Found"
		e.Fix = s.missing
	default:
		if code >= 500 {
			e.Fix = "the server failed to answer; see its logs"
		}
	}
	return e
}

// source describes one endpoint of a target for error messages.
type source struct {
	role    string // the Tomcat manager role the endpoint needs
	missing string // what a 404 means
}

var (
	srcTomcatStatus = source{role: "manager-status", missing: "is the manager app deployed? (Debian: package tomcat10-admin)"}
	srcTomcatJMX    = source{role: "manager-jmx", missing: "is the manager app deployed? (Debian: package tomcat10-admin)"}
	srcJolokia      = source{missing: "is the Jolokia agent at this URL? the endpoint is the agent's full URL, e.g. http://host:8778/jolokia"}
	srcApache       = source{missing: "is mod_status enabled with a server-status handler at this path?"}
	srcNginx        = source{missing: "is a stub_status location configured at this path?"}
)

func badResponse(target, u string, err error) *Error {
	return &Error{Target: target, URL: u, class: ClassBadResponse, Detail: err.Error(), Err: err}
}
