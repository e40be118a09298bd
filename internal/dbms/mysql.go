package dbms

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"
)

// MySQLClient reads one MySQL or MariaDB server through one small pool.
type MySQLClient struct {
	set     Settings
	db      *sql.DB
	connMu  sync.Mutex
	version string
	// replicaStmts are the replication status statements to try, the
	// first that the server parses wins and is kept.
	replicaStmts []string
	// statusQuery reads the status variables (all, or those of
	// SetStatusVariables).
	statusQuery string
}

// SetStatusVariables limits what Scrape reads of SHOW GLOBAL STATUS to
// the named variables (case-insensitive), so that a scrape does not carry
// hundreds of rows nobody records. Call it before the first Scrape.
func (c *MySQLClient) SetStatusVariables(names []string) {
	if len(names) == 0 {
		c.statusQuery = "SHOW GLOBAL STATUS"
		return
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + strings.ReplaceAll(n, "'", "''") + "'"
	}
	c.statusQuery = "SHOW GLOBAL STATUS WHERE Variable_name IN (" + strings.Join(quoted, ", ") + ")"
}

// LongTransaction is the age from which an InnoDB transaction counts as
// long in MySQLStats.LongTransactions.
const LongTransaction = 60 * time.Second

// NewMySQLClient returns a client that connects on Open.
func NewMySQLClient(set Settings) *MySQLClient {
	c := &MySQLClient{set: set, statusQuery: "SHOW GLOBAL STATUS"}
	if set.Engine == MariaDB {
		// ALL ... STATUS lists every connection (channel) of multi-source
		// replication; REPLICA exists from MariaDB 10.5.1.
		c.replicaStmts = []string{"SHOW ALL REPLICAS STATUS", "SHOW ALL SLAVES STATUS"}
	} else {
		// REPLICA from MySQL 8.0.22; SLAVE before.
		c.replicaStmts = []string{"SHOW REPLICA STATUS", "SHOW SLAVE STATUS"}
	}
	return c
}

var tlsSeq struct {
	sync.Mutex
	n int
}

func (c *MySQLClient) dsn() (*mysql.Config, error) {
	cfg := mysql.NewConfig()
	cfg.User = c.set.Username
	cfg.Passwd = c.set.Password
	if c.set.isSocket() {
		cfg.Net, cfg.Addr = "unix", c.set.Endpoint
	} else {
		cfg.Net, cfg.Addr = "tcp", c.set.Endpoint
	}
	cfg.Timeout = c.set.clientTimeout()
	cfg.ReadTimeout = c.set.clientTimeout()
	cfg.WriteTimeout = c.set.clientTimeout()
	cfg.ParseTime = false
	if c.set.TLS != nil {
		tlsSeq.Lock()
		tlsSeq.n++
		name := fmt.Sprintf("dbms-%d", tlsSeq.n)
		tlsSeq.Unlock()
		host, _ := c.set.Address()
		if err := mysql.RegisterTLSConfig(name, c.set.tlsFor(host)); err != nil {
			return nil, err
		}
		cfg.TLSConfig = name
	}
	// The server cuts off any statement that runs longer: MariaDB in
	// seconds for every statement, MySQL in milliseconds for SELECTs.
	cfg.Params = map[string]string{}
	if c.set.Engine == MariaDB {
		cfg.Params["max_statement_time"] = strconv.FormatFloat(c.set.QueryTimeout.Seconds(), 'f', 3, 64)
	} else {
		cfg.Params["max_execution_time"] = strconv.FormatInt(c.set.QueryTimeout.Milliseconds(), 10)
	}
	cfg.Params["lock_wait_timeout"] = strconv.Itoa(max(1, int(c.set.QueryTimeout.Seconds())))
	return cfg, nil
}

// Open creates the pool and checks that the server answers.
func (c *MySQLClient) Open(ctx context.Context) error {
	c.connMu.Lock()
	defer c.connMu.Unlock()
	if c.db == nil {
		cfg, err := c.dsn()
		if err != nil {
			return &Error{Target: c.set.Name, Kind: KindQuery, Query: "connect", Err: err}
		}
		conn, err := mysql.NewConnector(cfg)
		if err != nil {
			return &Error{Target: c.set.Name, Kind: KindQuery, Query: "connect", Err: err}
		}
		db := sql.OpenDB(conn)
		n := c.set.maxConns()
		db.SetMaxOpenConns(n)
		db.SetMaxIdleConns(n)
		// Connections live as long as the client: no reconnects per hour.
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
		c.db = db
	}
	qctx, cancel := context.WithTimeout(ctx, c.set.clientTimeout())
	defer cancel()
	var v string
	if err := c.db.QueryRowContext(qctx, "SELECT VERSION()").Scan(&v); err != nil {
		return classify(c.set.Name, "connect", "", err)
	}
	isMaria := strings.Contains(strings.ToLower(v), "mariadb")
	if c.set.Engine == MariaDB && !isMaria {
		return &Error{Target: c.set.Name, Kind: KindUnsupported, Query: "connect",
			Hint: fmt.Sprintf("server %s is MySQL; set engine: mysql", v)}
	}
	c.version = v
	return nil
}

// Close closes the pool.
func (c *MySQLClient) Close() {
	c.connMu.Lock()
	defer c.connMu.Unlock()
	if c.db != nil {
		_ = c.db.Close()
		c.db = nil
	}
}

// OpenConns is the number of connections the pool holds.
func (c *MySQLClient) OpenConns() int {
	c.connMu.Lock()
	defer c.connMu.Unlock()
	if c.db == nil {
		return 0
	}
	return c.db.Stats().OpenConnections
}

// Version is the server's VERSION() seen at Open.
func (c *MySQLClient) Version() string { return c.version }

// MySQLStats is what one scrape of a MySQL/MariaDB server read.
type MySQLStats struct {
	// Status holds SHOW GLOBAL STATUS, names lower-cased.
	Status map[string]string
	// BufferPoolSize is innodb_buffer_pool_size in bytes.
	BufferPoolSize int64
	// Replicas holds one entry per replication channel (connection).
	Replicas []MySQLReplica
	// ReplicaStatement is the statement that read Replicas.
	ReplicaStatement string
	// Transactions is the number of open InnoDB transactions, of which
	// LongTransactions run longer than LongTransaction; OldestTransaction
	// is the age of the oldest in seconds.
	Transactions, LongTransactions int64
	OldestTransaction              float64
}

// MySQLReplica is the replication status of one channel.
type MySQLReplica struct {
	Channel, SourceHost   string
	IORunning, SQLRunning bool
	// SecondsBehind is -1 when the server reports NULL (SQL thread stopped).
	SecondsBehind int64
	SQLDelay      int64
}

// Int returns a status variable as an integer and whether it was there.
func (s *MySQLStats) Int(name string) (int64, bool) {
	v, ok := s.Status[name]
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(v, 64)
		if ferr != nil {
			return 0, false
		}
		return int64(f), true
	}
	return n, true
}

// Scrape reads the server's status. Errors follow PGClient.Scrape.
func (c *MySQLClient) Scrape(ctx context.Context) (*MySQLStats, error) {
	c.connMu.Lock()
	db := c.db
	c.connMu.Unlock()
	if db == nil {
		return nil, &Error{Target: c.set.Name, Kind: KindUnreachable, Query: "connect", Hint: "not connected"}
	}
	sc := &scrape{target: c.set.Name}
	st := &MySQLStats{Status: map[string]string{}}
	err := c.query(ctx, db, c.statusQuery, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		st.Status[strings.ToLower(k)] = v
		return nil
	})
	if err != nil {
		sc.fail("SHOW GLOBAL STATUS", "", err)
		if sc.down != nil {
			return nil, sc.down
		}
	}
	if err := c.query(ctx, db, "SELECT @@innodb_buffer_pool_size", func(r *sql.Rows) error {
		return r.Scan(&st.BufferPoolSize)
	}); err != nil {
		sc.fail("innodb_buffer_pool_size", "", err)
	}
	if err := c.query(ctx, db, fmt.Sprintf(`SELECT count(*), coalesce(sum(trx_started < now() - INTERVAL %d SECOND), 0),
		coalesce(max(timestampdiff(SECOND, trx_started, now())), 0) FROM information_schema.innodb_trx`, int(LongTransaction.Seconds())),
		func(r *sql.Rows) error {
			return r.Scan(&st.Transactions, &st.LongTransactions, &st.OldestTransaction)
		}); err != nil {
		sc.fail("information_schema.innodb_trx", "PROCESS", err)
	}
	c.replicas(ctx, db, st, sc)
	if sc.down != nil {
		return nil, sc.down
	}
	return st, sc.result()
}

func (c *MySQLClient) replicas(ctx context.Context, db *sql.DB, st *MySQLStats, sc *scrape) {
	grant := "REPLICATION CLIENT"
	if c.set.Engine == MariaDB {
		grant = "SLAVE MONITOR (MariaDB 10.5 and later; REPLICATION CLIENT before)"
	}
	var err error
	for i, stmt := range c.replicaStmts {
		st.Replicas, err = ReadReplicas(ctx, db, stmt, c.set.clientTimeout())
		if err == nil {
			st.ReplicaStatement = stmt
			// Remember the statement that works.
			c.replicaStmts = c.replicaStmts[i:]
			return
		}
		if !isSyntaxError(err) {
			break
		}
	}
	sc.fail(c.replicaStmts[0], grant, err)
}

// isSyntaxError reports whether the server did not know a statement.
func isSyntaxError(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && me.Number == 1064
}

// ReadReplicas runs a replication status statement (SHOW REPLICA STATUS,
// SHOW SLAVE STATUS, or their ALL forms on MariaDB) and returns one entry
// per channel, reading the columns under either their old or new names.
func ReadReplicas(ctx context.Context, db *sql.DB, stmt string, timeout time.Duration) ([]MySQLReplica, error) {
	qctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rows, err := db.QueryContext(qctx, stmt)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []MySQLReplica
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]sql.NullString, len(cols))
		for i, col := range cols {
			row[strings.ToLower(col)] = vals[i]
		}
		out = append(out, replicaFromRow(row))
	}
	return out, rows.Err()
}

func replicaFromRow(row map[string]sql.NullString) MySQLReplica {
	get := func(names ...string) sql.NullString {
		for _, n := range names {
			if v, ok := row[n]; ok {
				return v
			}
		}
		return sql.NullString{}
	}
	r := MySQLReplica{
		Channel:    get("channel_name", "connection_name").String,
		SourceHost: get("source_host", "master_host").String,
		IORunning:  strings.EqualFold(get("replica_io_running", "slave_io_running").String, "yes"),
		SQLRunning: strings.EqualFold(get("replica_sql_running", "slave_sql_running").String, "yes"),
	}
	r.SecondsBehind = -1
	if v := get("seconds_behind_source", "seconds_behind_master"); v.Valid {
		r.SecondsBehind, _ = strconv.ParseInt(v.String, 10, 64)
	}
	r.SQLDelay, _ = strconv.ParseInt(get("sql_delay").String, 10, 64)
	return r
}

func (c *MySQLClient) query(ctx context.Context, db *sql.DB, q string, scan func(*sql.Rows) error, args ...any) error {
	return eachRow(ctx, c.set.clientTimeout(),
		func(ctx context.Context) (*sql.Rows, error) { return db.QueryContext(ctx, q, args...) },
		func(r *sql.Rows) { _ = r.Close() }, scan)
}
