package dbms

import (
	"crypto/tls"
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Engine is a database server product.
type Engine string

// The engines the package reads.
const (
	PostgreSQL Engine = "postgresql"
	MySQL      Engine = "mysql"
	MariaDB    Engine = "mariadb"
)

// Settings describe one server to monitor.
type Settings struct {
	// Name identifies the target in errors.
	Name string
	// Engine is the server's product.
	Engine Engine
	// Endpoint is host:port or a unix socket path (PostgreSQL: the socket
	// directory, or the socket file .s.PGSQL.PORT in it).
	Endpoint string
	// Username and Password authenticate the monitoring user.
	Username string
	Password string
	// Databases to read per-database data from; empty means all the server
	// has, less ExcludeDatabases.
	Databases        []string
	ExcludeDatabases []string
	// TLS is the client TLS configuration; nil connects in plain text.
	TLS *tls.Config
	// QueryTimeout bounds every statement, on the server where the engine
	// can (statement_timeout, max_statement_time, max_execution_time) and
	// on the client.
	QueryTimeout time.Duration
	// MaxConns bounds the connections of each pool (one pool per database
	// for PostgreSQL, one per server for MySQL/MariaDB).
	MaxConns int
}

// SystemName is the db.system.name of the engine.
func (s *Settings) SystemName() string {
	if s.Engine == PostgreSQL {
		return "postgresql"
	}
	return string(s.Engine)
}

// Address splits the endpoint into server.address and server.port; a unix
// socket has its path as address and the engine's default port.
func (s *Settings) Address() (string, int) {
	def := 3306
	if s.Engine == PostgreSQL {
		def = 5432
	}
	if s.isSocket() {
		if s.Engine == PostgreSQL {
			dir, port := pgSocket(s.Endpoint)
			return dir, port
		}
		return s.Endpoint, def
	}
	host, port, err := net.SplitHostPort(s.Endpoint)
	if err != nil {
		return s.Endpoint, def
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		return host, def
	}
	return host, p
}

func (s *Settings) isSocket() bool { return strings.HasPrefix(s.Endpoint, "/") }

// pgSocket returns the socket directory and port of a PostgreSQL socket
// path given as a directory or as the .s.PGSQL.PORT file.
func pgSocket(path string) (string, int) {
	base := filepath.Base(path)
	if p, ok := strings.CutPrefix(base, ".s.PGSQL."); ok {
		if n, err := strconv.Atoi(p); err == nil {
			return filepath.Dir(path), n
		}
	}
	return path, 5432
}

// Validate checks the settings, naming the field at fault.
func (s *Settings) Validate() error {
	switch s.Engine {
	case PostgreSQL, MySQL, MariaDB:
	default:
		return fmt.Errorf("engine: %q is not postgresql, mysql or mariadb", s.Engine)
	}
	if s.Endpoint == "" {
		return fmt.Errorf("endpoint: required")
	}
	if !s.isSocket() {
		if _, _, err := net.SplitHostPort(s.Endpoint); err != nil {
			return fmt.Errorf("endpoint: %q is neither host:port nor a socket path", s.Endpoint)
		}
	}
	if s.Username == "" {
		return fmt.Errorf("username: required")
	}
	if s.QueryTimeout <= 0 {
		return fmt.Errorf("query_timeout: must be positive")
	}
	return nil
}

// wanted reports whether per-database data of db is read.
func (s *Settings) wanted(db string) bool {
	if slices.Contains(s.ExcludeDatabases, db) {
		return false
	}
	return len(s.Databases) == 0 || slices.Contains(s.Databases, db)
}

func (s *Settings) maxConns() int {
	if s.MaxConns <= 0 {
		return 2
	}
	return s.MaxConns
}

// clientTimeout is how long the client waits for a statement: a little
// more than the server-side limit, so that the server cancels first and
// the connection stays usable.
func (s *Settings) clientTimeout() time.Duration { return s.QueryTimeout + time.Second }

// tlsFor returns the TLS configuration for a connection to host: the
// configured one, verifying the server's certificate against host unless a
// server name is set or verification is off.
func (s *Settings) tlsFor(host string) *tls.Config {
	if s.TLS == nil {
		return nil
	}
	c := s.TLS.Clone()
	if c.ServerName == "" && !c.InsecureSkipVerify && !strings.HasPrefix(host, "/") {
		c.ServerName = host
	}
	return c
}
