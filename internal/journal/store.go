package journal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

var errClosed = errors.New("badger_storage: the storage is closed")

// Store owns one Badger database and what is shared by all of its clients:
// the journal, live-data accounting, the size bound and space reclaim.
type Store struct {
	db     *badger.DB
	cfg    Config
	logger *zap.Logger
	obs    Observer
	j      *journal   // write-ahead journal in front of the database
	always *groupSync // always: group commit of the journal, before Batch returns
	sizes  *sizeCache // sizes of recently used keys, for the live counters
	space  *badgerdb.SpaceGuard
	// release ends the claim on the directory.
	release func()

	// gate is held shared by every batch and exclusively by space reclaim,
	// which must not run next to writes (badger refuses writes while it drops
	// a prefix, and a flatten under steady writes may never finish). The
	// journal's flusher is kept out of a reclaim by the journal's flushMu.
	gate   sync.RWMutex
	closed bool

	liveKeys  atomic.Int64 // keys stored by clients
	liveBytes atomic.Int64 // their key and value bytes
	diskBytes atomic.Int64 // directory size at the last measurement
	pending   atomic.Int64 // bytes written since the last measurement
	maxBytes  int64

	reclaimNow chan struct{}
	stop       chan struct{}
	done       sync.WaitGroup
}

// Open opens (or recovers) the database in cfg.Directory, replays the
// journal into it and starts the journal's and the maintenance loops. It
// waits, until ctx ends, for the free space the replay needs.
func Open(ctx context.Context, cfg Config, set Settings) (_ *Store, err error) {
	logger, obs := set.Logger, set.Observer
	if logger == nil {
		logger = zap.NewNop()
	}
	if obs == nil {
		obs = NopObserver{}
	}
	if cfg.CreateDirectory {
		if err := os.MkdirAll(cfg.Directory, 0o750); err != nil {
			return nil, fmt.Errorf("badger_storage: creating directory %s: %w", cfg.Directory, err)
		}
	}
	if fi, err := os.Stat(cfg.Directory); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("badger_storage: directory %s is not usable (create it, or set create_directory: true): %w", cfg.Directory, err)
	}
	release, err := badgerdb.Claim(cfg.Directory, badgerdb.KindBadgerStorage, set.Owner)
	if err != nil {
		return nil, fmt.Errorf("badger_storage: directory: %w", err)
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	opts := badgerdb.Options(cfg.Directory, cfg.Memory, logger).
		// Clients own disjoint key ranges and exporterhelper serialises each
		// queue's batches, so conflict tracking would be pure overhead.
		WithDetectConflicts(false).
		// Values above 8 KiB (a queue item is a whole OTLP request) go to the
		// value log: written once instead of again by every compaction. This
		// is what makes 64 KiB items several times faster than file_storage.
		WithValueThreshold(valueThreshold)
	// Replaying the journal writes up to its size into Badger as well.
	need := badgerdb.MinFree(opts) + journalSegments*int64(segmentSizeFor(cfg.MaxBytes))
	if err := badgerdb.WaitForSpace(ctx, cfg.Directory, need, time.Second, logger); err != nil {
		return nil, fmt.Errorf("badger_storage: opening %s: %w", cfg.Directory, err)
	}
	db, rec, err := badgerdb.OpenOrRecover(opts, logger)
	if err != nil {
		return nil, fmt.Errorf("badger_storage: opening %s: %w", cfg.Directory, err)
	}
	if rec.Recovered() {
		obs.Recovered(rec.Salvaged)
	}

	s := &Store{
		db:         db,
		cfg:        cfg,
		logger:     logger,
		obs:        obs,
		maxBytes:   cfg.MaxBytes,
		sizes:      newSizeCache(),
		space:      badgerdb.NewSpaceGuard(cfg.Directory, cfg.floor(opts), logger),
		release:    release,
		reclaimNow: make(chan struct{}, 1),
		stop:       make(chan struct{}),
	}
	from := cfg.Directory
	if rec.Recovered() {
		from = rec.MovedTo // the fresh directory has no journal yet
	}
	j, replayed, err := s.openJournal(from)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("badger_storage: replaying the journal of %s: %w", cfg.Directory, err)
	}
	s.j = j
	obs.Replayed(replayed.records, replayed.torn)
	if err := s.countLive(); err != nil {
		_ = errors.Join(j.closeFiles(), db.Close())
		return nil, fmt.Errorf("badger_storage: reading %s: %w", cfg.Directory, err)
	}
	s.measure()
	s.always = newGroupSync(func() error { return j.sync() })
	j.start()
	s.done.Add(1)
	go s.maintain()
	logger.Info("Badger storage opened",
		zap.String("directory", cfg.Directory), zap.String("durability", string(cfg.Durability)),
		zap.Int64("live_entries", s.liveKeys.Load()), zap.Int64("live_bytes", s.liveBytes.Load()),
		zap.Int64("disk_bytes", s.diskBytes.Load()),
		zap.Int("journal_records_replayed", replayed.records), zap.Int("journal_segments_replayed", replayed.segments))
	return s, nil
}

// countLive sets the live counters from the keys on disk.
func (s *Store) countLive() error {
	var keys, size int64
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		o.Prefix = []byte{clientNamespace}
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			keys++
			size += int64(len(it.Item().Key())) + it.Item().ValueSize()
		}
		return nil
	})
	s.liveKeys.Store(keys)
	s.liveBytes.Store(size)
	s.sizes.reset()
	return err
}

// full returns why new keys are refused: ErrFull when the size bound is
// reached, an error wrapping both it and badgerdb.ErrDiskFull
// while the filesystem's free space is below the floor; nil otherwise.
func (s *Store) full() error {
	if s.maxBytes > 0 && s.diskBytes.Load()+s.pending.Load() >= s.maxBytes {
		return ErrFull
	}
	if s.space.Below() {
		return fmt.Errorf("%w: %w", ErrFull, s.space.Refuse())
	}
	return nil
}

// Close stops the loops, writes the journal to the database, syncs and
// closes it. Safe to call twice.
func (s *Store) Close() error {
	closed, err := s.shutdown(true)
	if closed {
		s.logger.Info("Badger storage closed", zap.String("directory", s.cfg.Directory))
	}
	return err
}

// shutdown stops the loops and closes the journal's files and the database,
// writing the journal to the database first when drain is set (without, the
// store is left as a kill -9 leaves it). It reports false when the store was
// already closed.
func (s *Store) shutdown(drain bool) (bool, error) {
	s.gate.Lock()
	if s.closed {
		s.gate.Unlock()
		return false, nil
	}
	s.closed = true
	s.gate.Unlock()

	close(s.stop)
	s.done.Wait()
	s.j.stopLoops()
	s.j.flushMu.Lock()
	s.j.mu.Lock()
	var errs []error
	if drain {
		errs = append(errs, s.j.drainLocked())
	}
	errs = append(errs, s.j.closeFiles())
	s.j.mu.Unlock()
	s.j.flushMu.Unlock()
	errs = append(errs, s.db.Close())
	s.release()
	return true, errors.Join(errs...)
}

// view runs fn in a read transaction unless the store is closed, after
// writing what the journal holds to the database.
func (s *Store) view(fn func(*badger.Txn) error) error {
	s.gate.RLock()
	defer s.gate.RUnlock()
	if s.closed {
		return errClosed
	}
	if err := s.flushJournal(); err != nil {
		return err
	}
	return s.db.View(fn)
}

// flushJournal writes everything the journal holds to the database.
func (s *Store) flushJournal() error {
	unlock, err := s.j.drained()
	unlock()
	return err
}

// valueThreshold is the value size from which values go to the value log.
var valueThreshold int64 = 8 << 10
