package journal

import (
	"bytes"
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// journalBatch applies ops through the journal: one record appended to the
// active segment, the writes applied to the active overlay. It reports false
// when the batch does not fit in a segment and must go to Badger directly.
//
// The whole batch runs under the journal's mutex, so batches are atomic and
// isolated from each other. With durability: always it then waits for a sync
// of the segment that started after its record was written; batches that
// wait at the same time share it.
func (s *Store) journalBatch(ctx context.Context, prefix []byte, ops []Op) (bool, error) {
	j := s.j
	need, writes := 0, 0
	for _, op := range ops {
		if op.Type != OpGet {
			need += len(prefix) + len(op.Key) + len(op.Value)
			writes++
		}
	}
	need = maxRecordSize(writes, need)
	if need > j.size-segmentHeaderSize-sealRecordSize-terminatorSize {
		return false, nil
	}

	j.mu.Lock()
	// Room first, before anything is read: waiting releases the mutex.
	for waited := false; writes > 0 && j.seg.room() < need; waited = true {
		if err := ctx.Err(); err != nil {
			j.mu.Unlock()
			return true, err
		}
		if waited && j.flushErr != nil {
			err := j.flushErr
			j.mu.Unlock()
			return true, fmt.Errorf("badger_storage: the journal is full and flushing it to badger fails: %w", err)
		}
		j.kickFlush()
		j.room.Wait()
	}
	t := &journalTarget{j: j, db: s.db}
	c := &change{sizes: make([]sizeUpdate, 0, len(ops)), big: len(ops) > maxCachedBatch}
	err := s.apply(ctx, prefix, ops, t, c)
	if err == nil && len(t.writes) > 0 {
		err = t.commit()
	}
	t.discard()
	if err != nil {
		j.mu.Unlock()
		return true, err
	}
	s.account(c)
	j.mu.Unlock()

	if len(t.writes) > 0 && s.cfg.Durability == badgerdb.DurabilityAlways {
		if err := s.always.wait(); err != nil {
			return true, fmt.Errorf("badger_storage: sync: %w", err)
		}
	}
	return true, nil
}

// journalTarget reads through the batch's own writes, the active and the
// flushing overlay, then Badger; it collects writes until commit. j.mu is held.
type journalTarget struct {
	j      *journal
	db     *badger.DB
	txn    *badger.Txn // read-only, opened on the first read that reaches Badger
	writes []journalWrite
}

func (t *journalTarget) get(key []byte) ([]byte, error) {
	for i := len(t.writes) - 1; i >= 0; i-- {
		if w := t.writes[i]; bytes.Equal(w.key, key) {
			return copyValue(w.value, w.del), nil
		}
	}
	for _, o := range []*overlay{t.j.active, t.j.flushing} {
		if e, ok := o.lookup(key); ok {
			return copyValue(e.value, e.del), nil
		}
	}
	return get(t.read(), key)
}

func (t *journalTarget) size(key []byte) (int64, bool, error) {
	for _, o := range []*overlay{t.j.active, t.j.flushing} {
		if e, ok := o.lookup(key); ok {
			if e.del {
				return 0, false, nil
			}
			return int64(len(key) + len(e.value)), true, nil
		}
	}
	return lookupSize(t.read(), key)
}

func (t *journalTarget) set(key, value []byte, existed bool) error {
	// The overlay keeps the value past the call: the caller may reuse its slice.
	v := make([]byte, len(value))
	copy(v, value)
	t.writes = append(t.writes, journalWrite{key: key, value: v, existed: existed})
	return nil
}

func (t *journalTarget) del(key []byte) error {
	t.writes = append(t.writes, journalWrite{key: key, del: true})
	return nil
}

func (t *journalTarget) read() *badger.Txn {
	if t.txn == nil {
		t.txn = t.db.NewTransaction(false)
	}
	return t.txn
}

func (t *journalTarget) discard() {
	if t.txn != nil {
		t.txn.Discard()
	}
}

// commit appends the batch's record to the active segment and applies its
// writes to the active overlay. Room was checked before the batch ran.
func (t *journalTarget) commit() error {
	j := t.j
	var err error
	if j.scratch, err = j.seg.appendFramed(encodeBatch(startRecord(j.scratch), t.writes)); err != nil {
		return fmt.Errorf("badger_storage: writing journal segment %s: %w", j.seg.path, err)
	}
	for _, w := range t.writes {
		if w.del {
			j.active.remove(w.key)
		} else {
			j.active.set(w.key, w.value, w.existed)
		}
	}
	return nil
}

// copyValue returns a copy of an overlay value for a caller, nil for a
// tombstone and a non-nil empty slice for an empty value.
func copyValue(v []byte, del bool) []byte {
	if del {
		return nil
	}
	c := make([]byte, len(v))
	copy(c, v)
	return c
}
