package dbms

import (
	"context"
	"time"
)

// rowSet is what both drivers' result sets offer to a row loop.
type rowSet interface {
	Next() bool
	Err() error
}

// eachRow runs one statement (open) bounded by timeout and calls scan for
// each row; closeRows releases the result set.
func eachRow[R rowSet](ctx context.Context, timeout time.Duration, open func(context.Context) (R, error), closeRows func(R), scan func(R) error) error {
	qctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rows, err := open(qctx)
	if err != nil {
		return err
	}
	defer closeRows(rows)
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
