package badgerstorageextension

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"go.opentelemetry.io/collector/extension/xextension/storage"

	"github.com/otelcol-ems/otelcol-ems/internal/journal"
)

// client is one component's view of the store: every key it uses lives
// under its own prefix.
type client struct {
	s      *journal.Store
	prefix []byte
	closed atomic.Bool
}

var (
	_ storage.Client = (*client)(nil)
	_ storage.Walker = (*client)(nil)
)

var errClientClosed = errors.New("badger_storage: the client is closed")

// smallBatch is the largest batch converted without allocating: the
// persistent queue's batches have two or three operations.
const smallBatch = 4

func (c *client) do(ctx context.Context, ops ...*storage.Operation) error {
	if c.closed.Load() {
		return errClientClosed
	}
	return c.apply(ctx, ops)
}

// apply runs ops as one engine batch and copies Get results back.
func (c *client) apply(ctx context.Context, ops []*storage.Operation) error {
	var buf [smallBatch]journal.Op
	jops := buf[:0]
	if len(ops) > smallBatch {
		jops = make([]journal.Op, 0, len(ops))
	}
	for _, op := range ops {
		if op == nil {
			continue
		}
		t, err := opType(op.Type)
		if err != nil {
			return err
		}
		jops = append(jops, journal.Op{Type: t, Key: op.Key, Value: op.Value})
	}
	err := c.s.Batch(ctx, c.prefix, jops)
	i := 0
	for _, op := range ops {
		if op == nil {
			continue
		}
		if op.Type == storage.Get {
			op.Value = jops[i].Value
		}
		i++
	}
	if errors.Is(err, journal.ErrFull) {
		return fullError{err}
	}
	return err
}

func opType(t storage.OpType) (journal.OpType, error) {
	switch t {
	case storage.Get:
		return journal.OpGet, nil
	case storage.Set:
		return journal.OpSet, nil
	case storage.Delete:
		return journal.OpDelete, nil
	}
	return 0, fmt.Errorf("badger_storage: operation: unknown operation type %d", t)
}

// fullError is the engine's journal.ErrFull as storage.ErrStorageFull, which
// exporterhelper's persistent queue recognises.
type fullError struct{ err error }

func (e fullError) Error() string        { return e.err.Error() }
func (e fullError) Unwrap() error        { return e.err }
func (e fullError) Is(target error) bool { return target == storage.ErrStorageFull }

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
	err := c.s.Scan(ctx, c.prefix, func(key string, value []byte) (bool, error) {
		more, err := fn(key, value)
		ops = append(ops, more...)
		if errors.Is(err, storage.SkipAll) {
			return false, nil
		}
		return err == nil, err
	})
	if err != nil || len(ops) == 0 {
		return err
	}
	return c.apply(ctx, ops)
}

// Close releases the client; the database stays open for other clients.
func (c *client) Close(context.Context) error {
	c.closed.Store(true)
	return nil
}
