package badgerstorageextension

import (
	"bytes"
	"context"
	"errors"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"go.opentelemetry.io/collector/extension/xextension/storage"
)

// client is one component's view of the store: every key it uses lives
// under its own prefix.
type client struct {
	s      *store
	prefix []byte
	closed atomic.Bool
}

var (
	_ storage.Client = (*client)(nil)
	_ storage.Walker = (*client)(nil)
)

var errClientClosed = errors.New("badger_storage: the client is closed")

func (c *client) do(ctx context.Context, ops ...*storage.Operation) error {
	if c.closed.Load() {
		return errClientClosed
	}
	return c.s.batch(ctx, c.prefix, ops)
}

// Get returns the value of key, or nil when it does not exist.
func (c *client) Get(ctx context.Context, key string) ([]byte, error) {
	op := storage.GetOperation(key)
	err := c.do(ctx, op)
	return op.Value, err
}

// Set stores value under key.
func (c *client) Set(ctx context.Context, key string, value []byte) error {
	return c.do(ctx, storage.SetOperation(key, value))
}

// Delete removes key; deleting a missing key is not an error.
func (c *client) Delete(ctx context.Context, key string) error {
	return c.do(ctx, storage.DeleteOperation(key))
}

// Batch applies ops atomically, in order; Get results are filled in place.
func (c *client) Batch(ctx context.Context, ops ...*storage.Operation) error {
	return c.do(ctx, ops...)
}

// Walk calls fn for every key of the client, then applies the operations fn
// returned in one batch. An error from fn other than storage.SkipAll stops
// the walk and nothing is applied.
func (c *client) Walk(ctx context.Context, fn storage.WalkFunc) error {
	if c.closed.Load() {
		return errClientClosed
	}
	var ops []*storage.Operation
	err := c.s.view(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = c.prefix
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			more, err := fn(string(bytes.TrimPrefix(it.Item().Key(), c.prefix)), v)
			ops = append(ops, more...)
			if errors.Is(err, storage.SkipAll) {
				return nil
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(ops) == 0 {
		return err
	}
	return c.s.batch(ctx, c.prefix, ops)
}

// Close releases the client; the database stays open for other clients.
func (c *client) Close(context.Context) error {
	c.closed.Store(true)
	return nil
}
