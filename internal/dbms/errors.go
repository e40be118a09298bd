package dbms

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
)

// Kind is the class of a failure, used to log once per state change.
type Kind string

// The kinds of failure the receiver reports.
const (
	KindUnreachable Kind = "unreachable"
	KindAuth        Kind = "authentication failed"
	KindPermission  Kind = "permission denied"
	KindTimeout     Kind = "timeout"
	KindUnsupported Kind = "unsupported server version"
	KindQuery       Kind = "query failed"
)

// Error is a failure of one target, or of one query of a target's scrape.
type Error struct {
	// Target names the target.
	Target string
	// Kind classes the failure.
	Kind Kind
	// Query names what was being read ("connect", "pg_stat_database", ...).
	Query string
	// Hint says what to do, for example which grant is missing.
	Hint string
	// Err is the driver's error.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "dbms target %s: %s", e.Target, e.Kind)
	if e.Query != "" {
		fmt.Fprintf(&b, " (%s)", e.Query)
	}
	if e.Hint != "" {
		fmt.Fprintf(&b, ": %s", e.Hint)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Class names the state the error puts its target in: the kind (and, for
// a failed query of a server that answers, the query), not the driver's
// message, which may carry changing details. A server that is down is
// down whichever statement noticed it first.
func (e *Error) Class() string {
	switch e.Kind {
	case KindUnreachable, KindAuth, KindUnsupported:
		return string(e.Kind)
	}
	return string(e.Kind) + " " + e.Query
}

// Errors are the failed queries of a scrape that otherwise answered.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Class joins the classes of the failed queries, sorted, so the same set of
// failures is the same state.
func (es Errors) Class() string {
	cs := make([]string, len(es))
	for i, e := range es {
		cs[i] = e.Class()
	}
	sort.Strings(cs)
	return strings.Join(cs, ", ")
}

// Unwrap gives errors.Is/As access to each failure.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// KindOf returns the kind of err, or "" when it carries none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

// classify turns a driver error into an Error of the target. grant is what
// the monitoring user needs for the query, named when permission is denied.
func classify(target, query, grant string, err error) *Error {
	var own *Error
	if errors.As(err, &own) {
		return own
	}
	e := &Error{Target: target, Query: query, Err: err, Kind: KindQuery}
	var pgErr *pgconn.PgError
	var myErr *mysql.MySQLError
	var netErr net.Error
	switch {
	case errors.As(err, &pgErr):
		switch {
		case pgErr.Code == "28P01" || pgErr.Code == "28000":
			e.Kind = KindAuth
			e.Hint = "check username and password"
		case pgErr.Code == "42501":
			e.Kind = KindPermission
		case pgErr.Code == "57014" || pgErr.Code == "55P03":
			e.Kind = KindTimeout
			e.Hint = "cut off by query_timeout"
		case pgErr.Code == "3D000":
			e.Hint = "the database does not exist"
		}
	case errors.As(err, &myErr):
		switch myErr.Number {
		case 1045:
			e.Kind = KindAuth
			e.Hint = "check username and password"
		case 1044, 1142, 1143, 1227, 1370:
			e.Kind = KindPermission
		case 1969, 3024, 1317:
			e.Kind = KindTimeout
			e.Hint = "cut off by query_timeout"
		case 1193:
			// The session variable of the other dialect (max_statement_time
			// vs max_execution_time) is unknown to the server.
			e.Kind = KindUnsupported
			e.Hint = "the server does not know a session variable of its engine; check engine: mysql or mariadb"
		}
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = KindTimeout
	case errors.As(err, &netErr) && netErr.Timeout():
		e.Kind = KindTimeout
	case isConnectError(err):
		e.Kind = KindUnreachable
	}
	if e.Kind == KindPermission && grant != "" {
		e.Hint = "grant " + grant + " to the monitoring user"
	}
	return e
}

func isConnectError(err error) bool {
	var ce *pgconn.ConnectError
	var opErr *net.OpError
	return errors.As(err, &ce) || errors.As(err, &opErr) || errors.Is(err, mysql.ErrInvalidConn) ||
		strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "no such file or directory")
}
