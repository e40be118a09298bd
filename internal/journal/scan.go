package journal

import (
	"bytes"
	"context"

	"github.com/dgraph-io/badger/v4"
)

// Scan calls fn for every key under prefix, in key order, with the prefix
// cut off and a copy of the value, until fn returns false or an error. It
// sees what the journal holds (it writes the journal to the database first)
// and runs in one read transaction: no batch of the store changes what it
// sees, and fn must not call Batch.
func (s *Store) Scan(ctx context.Context, prefix []byte, fn func(key string, value []byte) (bool, error)) error {
	return s.view(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = prefix
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
			more, err := fn(string(bytes.TrimPrefix(it.Item().Key(), prefix)), v)
			if err != nil || !more {
				return err
			}
		}
		return nil
	})
}

// LiveEntries returns the number of keys clients hold.
func (s *Store) LiveEntries() int64 { return s.liveKeys.Load() }

// LiveBytes returns the key and value bytes clients hold (see live).
func (s *Store) LiveBytes() int64 { return s.live() }

// DiskUsage returns the directory's size: the last measurement plus what
// was written since.
func (s *Store) DiskUsage() int64 { return s.diskBytes.Load() + s.pending.Load() }
