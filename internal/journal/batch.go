package journal

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// change is what a batch does to the live counters and the size cache.
type change struct {
	keys, bytes, written int64
	sizes                []sizeUpdate // sizes the batch left, in order
	// big batches index sizes by key instead of scanning them
	big    bool
	bySize map[string]int64
}

// maxCachedBatch is the largest batch that uses the size cache; a larger one
// (a Walk's result) looks every key up in Badger and indexes its own writes.
const maxCachedBatch = 8

// target is where a batch reads and writes: a Badger transaction (the direct
// path) or the journal. The batch's own accounting (batch.go) is the same
// for both.
type target interface {
	// get returns key's value as the batch sees it, its own writes included.
	get(key []byte) ([]byte, error)
	// size returns the stored size (key and value) of a key the batch has
	// not written, and whether it exists.
	size(key []byte) (int64, bool, error)
	// set writes key; existed is whether it exists right before.
	set(key, value []byte, existed bool) error
	// del deletes key, which exists right before (apply skips missing keys).
	del(key []byte) error
}

// batch applies ops to the keys under prefix atomically, so a queue's
// metadata and item change together. Get results are filled in place (nil
// for a missing key) and see the batch's own earlier writes.
//
// A batch goes to the journal (batch_journal.go) unless it is larger than a
// journal segment; then, as without a journal, it goes to Badger in one
// transaction, or in several when it is too large for one (far beyond what
// exporterhelper issues).
//
// When the size bound is reached, a batch that would create a key is refused
// as a whole with ErrFull; overwrites and deletes still pass,
// so a full queue can drain.
func (s *Store) Batch(ctx context.Context, prefix []byte, ops []Op) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.gate.RLock()
	defer s.gate.RUnlock()
	if s.closed {
		return errClosed
	}
	if done, err := s.journalBatch(ctx, prefix, ops); done {
		return err
	}
	return s.directBatch(ctx, prefix, ops)
}

// apply runs ops against t and accounts for them in c.
func (s *Store) apply(ctx context.Context, prefix []byte, ops []Op, t target, c *change) error {
	full := s.full()
	for i := range ops {
		op := &ops[i]
		key := join(prefix, op.Key)
		var err error
		switch op.Type {
		case OpGet:
			if op.Value, err = t.get(key); err == nil && !c.big {
				c.note(key, op.Value, op.Value == nil)
			}
		case OpSet:
			var old int64
			var exists bool
			if old, exists, err = s.sizeOf(t, c, key); err != nil {
				break
			}
			if !exists && full != nil {
				s.refuse()
				return full
			}
			if err = t.set(key, op.Value, exists); err == nil {
				c.bytes += int64(len(key)+len(op.Value)) - old
				c.written += int64(len(key) + len(op.Value))
				if !exists {
					c.keys++
				}
				c.note(key, op.Value, false)
			}
		case OpDelete:
			var old int64
			var exists bool
			if old, exists, err = s.sizeOf(t, c, key); err != nil || !exists {
				break
			}
			if err = t.del(key); err == nil {
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
	return nil
}

// account applies a committed change to the counters and the size cache.
func (s *Store) account(c *change) {
	s.sizes.apply(c.sizes)
	s.liveKeys.Add(c.keys)
	s.liveBytes.Add(c.bytes)
	s.pending.Add(c.written)
	s.space.Wrote(c.written)
}

// directBatch applies ops to Badger in one transaction (several when it is
// too large for one), after the journal's content went to Badger; the
// journal stays locked meanwhile, so no batch sees Badger without it.
func (s *Store) directBatch(ctx context.Context, prefix []byte, ops []Op) error {
	unlock, err := s.j.drained()
	defer unlock()
	if err != nil {
		return err
	}
	t := &txnTarget{s: s, txn: s.db.NewTransaction(true)}
	defer func() { t.txn.Discard() }()
	t.c = &change{sizes: make([]sizeUpdate, 0, len(ops)), big: len(ops) > maxCachedBatch}
	if err := s.apply(ctx, prefix, ops, t, t.c); err != nil {
		return err
	}
	if err := s.commit(t.txn, t.c); err != nil {
		return err
	}
	if s.cfg.Durability != badgerdb.DurabilityNever && t.wrote {
		if err := badgerdb.Sync(s.db, s.cfg.Directory); err != nil {
			return fmt.Errorf("badger_storage: sync: %w", err)
		}
	}
	return nil
}

// txnTarget is a Badger transaction as a batch's target.
type txnTarget struct {
	s     *Store
	txn   *badger.Txn
	c     *change
	wrote bool
}

func (t *txnTarget) get(key []byte) ([]byte, error) { return get(t.txn, key) }

func (t *txnTarget) size(key []byte) (int64, bool, error) { return lookupSize(t.txn, key) }

func (t *txnTarget) set(key, value []byte, _ bool) error {
	t.wrote = true
	return t.s.write(&t.txn, t.c, key, value, false)
}

func (t *txnTarget) del(key []byte) error {
	t.wrote = true
	return t.s.write(&t.txn, t.c, key, nil, true)
}

// write sets or deletes key in the transaction. On ErrTxnTooBig it commits
// what it has and starts a new transaction.
func (s *Store) write(txn **badger.Txn, c *change, key, value []byte, del bool) error {
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
func (s *Store) commit(txn *badger.Txn, c *change) error {
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("badger_storage: commit: %w", err)
	}
	s.account(c)
	return nil
}

func (s *Store) refuse() {
	s.obs.WriteRefused()
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
// the size cache in a small batch, else from the target.
func (s *Store) sizeOf(t target, c *change, key []byte) (int64, bool, error) {
	if n, ok := c.pending(key); ok {
		return max(n, 0), n >= 0, nil
	}
	if !c.big {
		if n, ok := s.sizes.get(key); ok {
			return n, true, nil
		}
	}
	return t.size(key)
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
