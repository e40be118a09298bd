package dbms

import (
	"context"

	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgAppName is the application_name of the receiver's sessions, which
// session counts, locks and samples leave out (they are the receiver, not
// the workload).
const pgAppName = "otelcol-ems dbms"

// pgGrant is what the PostgreSQL monitoring user needs.
const pgGrant = "pg_monitor"

// PGClient reads one PostgreSQL server. It keeps one small pool per
// database it reads (PostgreSQL connections are bound to one database) and
// reuses them across scrapes.
type PGClient struct {
	set  Settings
	mu   sync.Mutex
	main string // the database of server-wide queries
	// pools by database name; created on first use, closed when the
	// database disappears or the client closes.
	pools map[string]*pgxpool.Pool
	// version is server_version_num, read at Open.
	version int
	// monitor is false when the user lacks pg_monitor.
	monitor bool
}

// NewPGClient returns a client that connects on Open.
func NewPGClient(set Settings) *PGClient {
	main := "postgres"
	if len(set.Databases) > 0 {
		main = set.Databases[0]
	}
	return &PGClient{set: set, main: main, pools: map[string]*pgxpool.Pool{}}
}

// Version is the server_version_num seen at Open.
func (c *PGClient) Version() int { return c.version }

func (c *PGClient) poolConfig(db string) (*pgxpool.Config, error) {
	// An empty DSN would read PG* environment variables; fill in every
	// field instead.
	cfg, err := pgxpool.ParseConfig("sslmode=disable")
	if err != nil {
		return nil, err
	}
	cc := cfg.ConnConfig
	if c.set.isSocket() {
		cc.Host, cc.Port = socketHostPort(c.set.Endpoint)
	} else {
		host, port := c.set.Address()
		cc.Host, cc.Port = host, uint16(port)
	}
	cc.User = c.set.Username
	cc.Password = c.set.Password
	cc.Database = db
	cc.TLSConfig = c.set.tlsFor(cc.Host)
	cc.Fallbacks = nil
	cc.ConnectTimeout = c.set.clientTimeout()
	cc.RuntimeParams["application_name"] = pgAppName
	// The server cuts off any statement that runs longer, lock waits too.
	cc.RuntimeParams["statement_timeout"] = strconv.FormatInt(c.set.QueryTimeout.Milliseconds(), 10)
	cc.RuntimeParams["lock_timeout"] = strconv.FormatInt(c.set.QueryTimeout.Milliseconds(), 10)
	// Monitoring needs no prepared statement cache; the simple protocol
	// keeps each scrape to one round trip per query.
	cc.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	cfg.MaxConns = int32(c.set.maxConns())
	cfg.MinConns = 0
	// Connections live as long as the client: no reconnects per hour.
	cfg.MaxConnLifetime = 100 * 365 * 24 * time.Hour
	cfg.MaxConnIdleTime = 100 * 365 * 24 * time.Hour
	return cfg, nil
}

func socketHostPort(endpoint string) (string, uint16) {
	dir, port := pgSocket(endpoint)
	return dir, uint16(port)
}

func (c *PGClient) pool(ctx context.Context, db string) (*pgxpool.Pool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.pools[db]; ok {
		return p, nil
	}
	cfg, err := c.poolConfig(db)
	if err != nil {
		return nil, err
	}
	p, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	c.pools[db] = p
	return p, nil
}

// Open connects to the main database and checks the server version and
// the user's grants.
func (c *PGClient) Open(ctx context.Context) error {
	p, err := c.pool(ctx, c.main)
	if err != nil {
		return classify(c.set.Name, "connect", "", err)
	}
	qctx, cancel := context.WithTimeout(ctx, c.set.clientTimeout())
	defer cancel()
	var version int
	var monitor bool
	err = p.QueryRow(qctx, `SELECT current_setting('server_version_num')::int,
		pg_has_role(current_user, 'pg_monitor', 'USAGE')`).Scan(&version, &monitor)
	if err != nil {
		// A failed first connection leaves nothing worth keeping.
		c.closePool(c.main)
		return classify(c.set.Name, "connect", "", err)
	}
	if version < 100000 {
		c.closePool(c.main)
		return &Error{Target: c.set.Name, Kind: KindUnsupported, Query: "connect",
			Hint: fmt.Sprintf("server_version_num %d; PostgreSQL 10 or later is needed", version)}
	}
	c.version, c.monitor = version, monitor
	return nil
}

func (c *PGClient) closePool(db string) {
	c.mu.Lock()
	p := c.pools[db]
	delete(c.pools, db)
	c.mu.Unlock()
	if p != nil {
		p.Close()
	}
}

// Close closes every pool.
func (c *PGClient) Close() {
	c.mu.Lock()
	pools := c.pools
	c.pools = map[string]*pgxpool.Pool{}
	c.mu.Unlock()
	for _, p := range pools {
		p.Close()
	}
}

// OpenConns is the number of connections the client holds, for tests of
// pooling.
func (c *PGClient) OpenConns() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, p := range c.pools {
		n += int(p.Stat().TotalConns())
	}
	return n
}

// scrape collects the errors of the queries of one scrape.
type scrape struct {
	target string
	errs   Errors
	// down is set when the server could not be reached at all.
	down error
}

func (s *scrape) fail(query, grant string, err error) {
	e := classify(s.target, query, grant, err)
	if e.Kind == KindUnreachable || e.Kind == KindAuth {
		if s.down == nil {
			s.down = e
		}
		return
	}
	s.errs = append(s.errs, e)
}

// result is the scrape's error: nil, the reason the server is down, or the
// failed queries of a scrape that otherwise answered.
func (s *scrape) result() error {
	if s.down != nil {
		return s.down
	}
	if len(s.errs) > 0 {
		return s.errs
	}
	return nil
}

// query runs one statement with the client-side bound and calls scan for
// each row.
func (c *PGClient) query(ctx context.Context, p *pgxpool.Pool, sql string, scan func(pgx.Rows) error, args ...any) error {
	return eachRow(ctx, c.set.clientTimeout(),
		func(ctx context.Context) (pgx.Rows, error) { return p.Query(ctx, sql, args...) },
		pgx.Rows.Close, scan)
}

// Databases lists the databases the scrape reads, honouring databases and
// exclude_databases.
func (c *PGClient) databases(ctx context.Context, p *pgxpool.Pool) ([]string, error) {
	var all []string
	err := c.query(ctx, p, `SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn ORDER BY datname`,
		func(r pgx.Rows) error {
			var n string
			if err := r.Scan(&n); err != nil {
				return err
			}
			if c.set.wanted(n) {
				all = append(all, n)
			}
			return nil
		})
	return all, err
}

// dropGone closes the pools of databases that are no longer read.
func (c *PGClient) dropGone(dbs []string) {
	c.mu.Lock()
	var gone []string
	for db := range c.pools {
		if db != c.main && !slices.Contains(dbs, db) {
			gone = append(gone, db)
		}
	}
	c.mu.Unlock()
	for _, db := range gone {
		c.closePool(db)
	}
}

// Scrape reads the server's statistics. The error is a *Error when the
// server is down, Errors when some queries failed, nil otherwise; what
// was read is returned in every case but the first.
func (c *PGClient) Scrape(ctx context.Context) (*PGStats, error) {
	sc := &scrape{target: c.set.Name}
	p, err := c.pool(ctx, c.main)
	if err != nil {
		return nil, classify(c.set.Name, "connect", "", err)
	}
	st := &PGStats{Version: c.version}
	if !c.monitor {
		sc.errs = append(sc.errs, &Error{Target: c.set.Name, Kind: KindPermission, Query: "pg_has_role",
			Hint: fmt.Sprintf("user %q is not a member of pg_monitor (GRANT pg_monitor TO %s)", c.set.Username, c.set.Username)})
	}
	dbs, err := c.databases(ctx, p)
	if err != nil {
		sc.fail("pg_database", pgGrant, err)
		if sc.down != nil {
			return nil, sc.down
		}
	}
	c.dropGone(dbs)
	c.serverStats(ctx, p, st, sc, dbs)
	if sc.down != nil {
		return nil, sc.down
	}
	for _, db := range dbs {
		dp, err := c.pool(ctx, db)
		if err != nil {
			sc.fail("connect "+db, "CONNECT ON DATABASE "+db, err)
			continue
		}
		c.databaseStats(ctx, dp, db, st, sc)
	}
	if sc.down != nil {
		return nil, sc.down
	}
	return st, sc.result()
}
