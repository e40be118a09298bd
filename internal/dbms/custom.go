package dbms

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Rows is the result of a user statement, every value as text (NULL is
// "" with Null set).
type Rows struct {
	Columns []string
	Values  [][]Value
}

// Value is one column of one row.
type Value struct {
	Text string
	Null bool
}

// Col returns the index of a column, or -1.
func (r *Rows) Col(name string) int {
	for i, c := range r.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// Query runs a user statement on the main database with args bound to its
// placeholders ($1 on PostgreSQL), bounded by timeout on the server
// (SET LOCAL statement_timeout) and the client.
func (c *PGClient) Query(ctx context.Context, name, stmt string, timeout time.Duration, args ...any) (*Rows, error) {
	p, err := c.pool(ctx, c.main)
	if err != nil {
		return nil, classify(c.set.Name, "connect", "", err)
	}
	qctx, cancel := context.WithTimeout(ctx, timeout+time.Second)
	defer cancel()
	tx, err := p.BeginTx(qctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(qctx)) }()
	if _, err := tx.Exec(qctx, "SET LOCAL statement_timeout = "+strconv.FormatInt(timeout.Milliseconds(), 10)); err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	rows, err := tx.Query(qctx, stmt, args...)
	if err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	defer rows.Close()
	out := &Rows{}
	for _, f := range rows.FieldDescriptions() {
		out.Columns = append(out.Columns, f.Name)
	}
	for rows.Next() {
		// The simple protocol (the pools' default) returns text.
		vals := rows.RawValues()
		row := make([]Value, len(vals))
		for i, v := range vals {
			if v == nil {
				row[i] = Value{Null: true}
			} else {
				row[i] = Value{Text: string(v)}
			}
		}
		out.Values = append(out.Values, row)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	return out, nil
}

// Query runs a user statement with args bound to its ? placeholders; on
// MariaDB the server bounds it by timeout (SET STATEMENT max_statement_time
// FOR), elsewhere the session's query_timeout and the client do.
func (c *MySQLClient) Query(ctx context.Context, name, stmt string, timeout time.Duration, args ...any) (*Rows, error) {
	c.connMu.Lock()
	db := c.db
	c.connMu.Unlock()
	if db == nil {
		return nil, &Error{Target: c.set.Name, Kind: KindUnreachable, Query: "connect", Hint: "not connected"}
	}
	if c.set.Engine == MariaDB {
		stmt = "SET STATEMENT max_statement_time=" + strconv.FormatFloat(timeout.Seconds(), 'f', 3, 64) + " FOR " + stmt
	}
	qctx, cancel := context.WithTimeout(ctx, timeout+time.Second)
	defer cancel()
	rows, err := db.QueryContext(qctx, stmt, args...)
	if err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	out := &Rows{Columns: cols}
	for rows.Next() {
		raw := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range raw {
			ptrs[i] = &raw[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, classify(c.set.Name, name, "", err)
		}
		row := make([]Value, len(cols))
		for i, v := range raw {
			row[i] = Value{Text: v.String, Null: !v.Valid}
		}
		out.Values = append(out.Values, row)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(c.set.Name, name, "", err)
	}
	return out, nil
}
