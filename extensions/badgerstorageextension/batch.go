package badgerstorageextension

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"go.opentelemetry.io/collector/extension/xextension/storage"
)

// change is what a batch does to the live counters and the size cache.
type change struct {
	keys, bytes, written int64
	vlog                 bool         // a value went to the value log
	sizes                []sizeUpdate // sizes the batch left, in order
	// big batches index sizes by key instead of scanning them
	big    bool
	bySize map[string]int64
}

// maxCachedBatch is the largest batch that uses the size cache; a larger one
// (a Walk's result) looks every key up in Badger and indexes its own writes.
const maxCachedBatch = 8

// batch applies ops to the keys under prefix in one Badger transaction, so a
// queue's metadata and item change together. Get results are filled in place
// (nil for a missing key) and see the batch's own earlier writes.
//
// When the size bound is reached, a batch that would create a key is refused
// as a whole with storage.ErrStorageFull; overwrites and deletes still pass,
// so a full queue can drain. A batch too large for one transaction (far
// beyond what exporterhelper issues) is committed in several.
func (s *store) batch(ctx context.Context, prefix []byte, ops []*storage.Operation) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.gate.RLock()
	defer s.gate.RUnlock()
	if s.closed {
		return errClosed
	}
	full := s.full()
	txn := s.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	c := change{sizes: make([]sizeUpdate, 0, len(ops)), big: len(ops) > maxCachedBatch}
	for _, op := range ops {
		if op == nil {
			continue
		}
		key := join(prefix, op.Key)
		var err error
		switch op.Type {
		case storage.Get:
			if op.Value, err = get(txn, key); err == nil && !c.big {
				c.note(key, op.Value, op.Value == nil)
			}
		case storage.Set:
			var old int64
			var exists bool
			if old, exists, err = s.sizeOf(txn, &c, key); err != nil {
				break
			}
			if !exists && full {
				s.refuse(ctx)
				return storage.ErrStorageFull
			}
			if err = s.write(&txn, &c, key, op.Value, false); err == nil {
				c.bytes += int64(len(key)+len(op.Value)) - old
				c.written += int64(len(key) + len(op.Value))
				c.vlog = c.vlog || int64(len(op.Value)) >= valueThreshold
				if !exists {
					c.keys++
				}
				c.note(key, op.Value, false)
			}
		case storage.Delete:
			var old int64
			var exists bool
			if old, exists, err = s.sizeOf(txn, &c, key); err != nil || !exists {
				break
			}
			if err = s.write(&txn, &c, key, nil, true); err == nil {
				c.keys--
				c.bytes -= old
				c.written += int64(len(key))
				c.note(key, nil, true)
			}
		default:
			err = fmt.Errorf("unknown operation type %d", op.Type)
		}
		if err != nil {
			return fmt.Errorf("badger_storage: %s: %w", opName(op.Type), err)
		}
	}
	return s.commit(txn, &c)
}

// write sets or deletes key in the transaction. On ErrTxnTooBig it commits
// what it has and starts a new transaction.
func (s *store) write(txn **badger.Txn, c *change, key, value []byte, del bool) error {
	apply := func() error {
		if del {
			return (*txn).Delete(key)
		}
		return (*txn).Set(key, value)
	}
	err := apply()
	if !errors.Is(err, badger.ErrTxnTooBig) {
		return err
	}
	if err := s.commit(*txn, c); err != nil {
		return err
	}
	*c = change{big: c.big}
	*txn = s.db.NewTransaction(true)
	return apply()
}

// commit commits txn and applies its change to the counters.
func (s *store) commit(txn *badger.Txn, c *change) error {
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("badger_storage: commit: %w", err)
	}
	s.sizes.apply(c.sizes)
	s.liveKeys.Add(c.keys)
	s.liveBytes.Add(c.bytes)
	s.pending.Add(c.written)
	if s.always != nil && c.written > 0 {
		if err := s.always.wait(c.vlog); err != nil {
			return fmt.Errorf("badger_storage: sync: %w", err)
		}
	}
	return nil
}

func (s *store) refuse(ctx context.Context) {
	s.tel.BadgerStorageWritesRefused.Add(ctx, 1)
	select {
	case s.reclaimNow <- struct{}{}:
	default:
	}
}

// get returns a copy of key's value, nil when it is missing, and a non-nil
// empty slice for an empty value.
func get(txn *badger.Txn, key []byte) ([]byte, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v, err := item.ValueCopy(nil)
	if v == nil && err == nil {
		v = []byte{}
	}
	return v, err
}

// note records key's size once the batch commits; a deleted (or missing)
// key is removed from the size cache.
func (c *change) note(key, value []byte, deleted bool) {
	size := int64(-1)
	if !deleted {
		size = int64(len(key) + len(value))
	}
	c.sizes = append(c.sizes, sizeUpdate{key: key, size: size})
	if c.big {
		if c.bySize == nil {
			c.bySize = make(map[string]int64)
		}
		c.bySize[string(key)] = size
	}
}

// pending returns the size the batch itself left for key (-1: deleted).
func (c *change) pending(key []byte) (int64, bool) {
	if c.big {
		n, ok := c.bySize[string(key)]
		return n, ok
	}
	for i := len(c.sizes) - 1; i >= 0; i-- {
		if bytes.Equal(c.sizes[i].key, key) {
			return c.sizes[i].size, true
		}
	}
	return 0, false
}

// sizeOf returns the stored size (key and value) of key and whether it
// exists: from the batch's own writes when it made any to key (Badger reports
// a size of 0 for a value written earlier in the same transaction), else from
// the size cache in a small batch, else from the transaction.
func (s *store) sizeOf(txn *badger.Txn, c *change, key []byte) (int64, bool, error) {
	if n, ok := c.pending(key); ok {
		return max(n, 0), n >= 0, nil
	}
	if !c.big {
		if n, ok := s.sizes.get(key); ok {
			return n, true, nil
		}
	}
	return lookupSize(txn, key)
}

// lookupSize returns the stored size (key and value) of key in the
// transaction and whether it exists.
func lookupSize(txn *badger.Txn, key []byte) (int64, bool, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return int64(len(key)) + item.ValueSize(), true, nil
}

func opName(t storage.OpType) string {
	switch t {
	case storage.Get:
		return "get"
	case storage.Set:
		return "set"
	case storage.Delete:
		return "delete"
	}
	return "operation"
}
