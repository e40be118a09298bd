package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// ErrClosed is returned by operations on a closed store.
var ErrClosed = errors.New("store is closed")

// Store is one local unified store: a Badger database with time-bucketed keys
// for traces, logs and metrics. It is safe for concurrent use.
type Store struct {
	db      *badger.DB
	opts    Options
	width   map[Signal]int64 // bucket width in ns per signal
	logger  *zap.Logger
	syncer  *badgerdb.Syncer
	space   *badgerdb.SpaceGuard
	release func() // ends the claim on the directory

	absDir           string
	pagesUnsupported atomic.Bool

	seq       atomic.Uint64
	closed    atomic.Bool
	diskUsage atomic.Int64

	mu      sync.Mutex
	buckets map[Signal]map[int64]struct{}
	stats   map[statKey]*resStat
	dirty   map[statKey]struct{}

	// maintMu serialises retention, budget and stats flushes.
	maintMu sync.Mutex
	// dropMu lets writes wait while a DropPrefix runs: Badger refuses writes
	// during a drop instead of queueing them.
	dropMu sync.RWMutex
	stop   chan struct{}
	wg     sync.WaitGroup

	dictSeen dictSeen

	// segs holds the blocks (segments.go); Badger holds their keys and
	// pointers.
	segs *segments
	// inline writes blocks into Badger, each bounded by blockBytes, as the
	// store did before segments (tests use it to write that format).
	inline bool
	// codec compresses the blocks of segments.
	codec byte

	counters Counters
}

// Counters are cumulative counts of the store's work, for internal metrics.
type Counters struct {
	// Written counts records stored.
	Written atomic.Int64
	// Expired counts records refused because they were already older than
	// their retention when they arrived.
	Expired atomic.Int64
	// BucketsDropped counts buckets removed by retention or the budget.
	BucketsDropped atomic.Int64
	// BudgetDrops counts buckets removed because of max_size.
	BudgetDrops atomic.Int64
	// TooDeep counts records refused because they nest too deep to be read
	// back.
	TooDeep atomic.Int64
}

// Open opens (or creates) the store in opts.Dir and starts its retention
// loop. While the filesystem has less free space than opening needs
// (badgerdb.MinFree), it waits for space, logging once, until ctx ends.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := checkWritable(opts.Dir); err != nil {
		return nil, err
	}
	if opts.Owner == "" {
		opts.Owner = "a local_store store"
	}
	release, err := badgerdb.Claim(opts.Dir, badgerdb.KindLocalStore, opts.Owner)
	if err != nil {
		return nil, fmt.Errorf("store directory: %w", err)
	}
	bo := badgerOptions(opts)
	if err := badgerdb.WaitForSpace(ctx, opts.Dir, badgerdb.MinFree(bo), time.Second, opts.Logger); err != nil {
		release()
		return nil, fmt.Errorf("opening store in directory %s: %w", opts.Dir, err)
	}
	// A corrupt or half-written directory is moved aside (and what can be
	// read is salvaged) instead of failing every start.
	db, rec, err := badgerdb.OpenOrRecover(bo, opts.Logger)
	if err != nil {
		release()
		return nil, fmt.Errorf("opening store in directory %s: %w", opts.Dir, err)
	}
	if rec.Recovered() {
		// The salvaged pointers name the segments, which the move took along.
		if err := os.Rename(filepath.Join(rec.MovedTo, segDir), filepath.Join(opts.Dir, segDir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			opts.Logger.Warn("cannot move the block segments back from the recovered directory; their records are lost",
				zap.String("from", rec.MovedTo), zap.Error(err))
		}
	}
	segs, err := openSegments(opts.Dir)
	if err != nil {
		_ = db.Close()
		release()
		return nil, err
	}
	absDir, err := filepath.Abs(opts.Dir)
	if err != nil {
		_ = db.Close()
		release()
		return nil, err
	}
	s := &Store{
		absDir:  absDir,
		db:      db,
		opts:    opts,
		width:   map[Signal]int64{},
		logger:  opts.Logger,
		buckets: map[Signal]map[int64]struct{}{},
		stats:   map[statKey]*resStat{},
		dirty:   map[statKey]struct{}{},
		stop:    make(chan struct{}),
		space:   badgerdb.NewSpaceGuard(absDir, opts.floor(bo), opts.Logger),
		release: release,
		segs:    segs,
	}
	if opts.Compression != CompressionNone {
		s.codec = codecS2
	}
	for _, sig := range Signals {
		s.width[sig] = int64(BucketWidth(opts.MaxAge[sig]))
		s.buckets[sig] = map[int64]struct{}{}
	}
	// Sequence numbers only grow, also across restarts: no process writes more
	// than one record per nanosecond.
	s.seq.Store(uint64(time.Now().UnixNano()))
	if err := s.load(); err != nil {
		_ = db.Close()
		_ = segs.close()
		release()
		return nil, fmt.Errorf("reading store in directory %s: %w", opts.Dir, err)
	}
	if err := segs.dropOrphans(func(id segID) bool {
		_, ok := s.buckets[id.sig][id.bucket]
		return ok
	}); err != nil {
		opts.Logger.Warn("cannot delete block segments of dropped buckets", zap.String("directory", opts.Dir), zap.Error(err))
	}
	if opts.Durability == badgerdb.DurabilityInterval {
		s.syncer = badgerdb.StartSyncerFunc(s.sync, opts.SyncInterval, opts.Logger)
	}
	if size, err := badgerdb.DirSize(opts.Dir); err == nil {
		s.diskUsage.Store(size)
	}
	s.wg.Add(1)
	go s.maintain()
	return s, nil
}

// OpenNeeds returns the free disk space opening a store with opts needs;
// Open waits for it.
func OpenNeeds(opts Options) int64 { return badgerdb.MinFree(badgerOptions(opts)) }

// badgerOptions are the shared memory-bounded options with the store's
// choices:
//   - values stay in the LSM tree: they are block pointers (the blocks are
//     in segment files, segments.go), dictionary entries, trace index
//     entries and counts, all small, so dropping a bucket frees them without
//     value-log GC (the value threshold only shrinks with small memtables,
//     where Badger requires it);
//   - tables have the same size at every level, because a table builder holds
//     its whole table in memory and Badger's default doubles the table size at
//     each level;
//   - that size is 5/8 of a memtable: a builder starts with one buffer of
//     twice the table size and doubles it when a table does not fit, and the
//     builders' allocators are pooled (8 of them) at their largest size. A
//     flushed memtable (up to ~1.25 memtables of blocks) then fits the first
//     buffer; with 2 MiB tables it grew every pooled allocator to 4+8+16 MiB
//     (8 MiB memtables). With compression a builder also takes ~1.17× every
//     block for its compressed copy, and counts a table's capacity in
//     compressed bytes, so it takes a second buffer anyway (~6× the table
//     size in all): the memtable size is what bounds this memory, which is
//     why the local_store extension defaults to 4 MiB memtables (issue 12);
//   - four level-0 tables before compacting into the base level instead of
//     two: half the L0 compactions (+10% ingest measured, see README);
//   - no conflict detection: the store writes only through WriteBatch and
//     reads only in read-only transactions, so there is nothing to detect,
//     and detecting costs a hash and a map entry per key, kept by Badger's
//     oracle while older reads are open.
func badgerOptions(opts Options) badger.Options {
	bo := badgerdb.Options(opts.Dir, opts.Memory, opts.Logger).WithCompression(opts.Compression.badger())
	bo.TableSizeMultiplier = 1
	bo.BaseTableSize = max(bo.MemTableSize*5/8, 1<<20)
	bo.NumLevelZeroTables = 4
	bo.DetectConflicts = false
	if maxBatch := bo.MemTableSize * 15 / 100; bo.ValueThreshold > maxBatch/2 {
		bo = bo.WithValueThreshold(maxBatch / 2)
	}
	return bo
}

// checkWritable creates dir and proves a file can be written in it, so that a
// bad directory fails at start with a message that names it.
func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("store directory %s cannot be created: %w", dir, err)
	}
	probe := filepath.Join(dir, ".write-probe")
	if err := os.WriteFile(probe, nil, 0o600); err != nil {
		return fmt.Errorf("store directory %s is not writable: %w", dir, err)
	}
	return os.Remove(probe)
}

// load finds the buckets on disk and the resource counts they hold.
func (s *Store) load() error {
	return s.db.View(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		it := txn.NewIterator(opts)
		defer it.Close()
		for _, sig := range Signals {
			for it.Seek([]byte{byte(sig)}); it.ValidForPrefix([]byte{byte(sig)}); {
				_, b, err := bucketOf(it.Item().Key())
				if err != nil {
					return err
				}
				s.buckets[sig][b] = struct{}{}
				if err := s.loadStats(txn, sig, b); err != nil {
					return err
				}
				it.Seek(bucketPrefix(sig, b+1))
			}
		}
		return nil
	})
}

// Close stops the retention loop, saves the resource counts, syncs and closes
// the database. It is safe to call more than once.
func (s *Store) Close() error {
	if !s.closed.CompareAndSwap(false, true) {
		return nil
	}
	close(s.stop)
	s.wg.Wait()
	var errs []error
	errs = append(errs, s.flushStats())
	if s.syncer != nil {
		errs = append(errs, s.syncer.Stop())
	} else {
		errs = append(errs, s.sync())
	}
	errs = append(errs, s.db.Close(), s.segs.close())
	s.release()
	return errors.Join(errs...)
}

// sync makes every committed write durable: the segments first, so that no
// pointer reaches the disk before its block.
func (s *Store) sync() error {
	if err := s.segs.sync(); err != nil {
		return err
	}
	return badgerdb.Sync(s.db, s.opts.Dir)
}

// blockMax is the bound of a block's raw value.
func (s *Store) blockMax() int {
	if s.inline {
		return blockBytes(s.db.Opts())
	}
	return segBlockMax
}

// Counters returns the store's work counters.
func (s *Store) Counters() *Counters { return &s.counters }

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.opts.Dir }

// bucketStart is the start (ns) of the bucket of width ns holding ts.
func bucketStart(ts uint64, width int64) int64 { return int64(ts) - int64(ts)%width }

// noteBucket remembers bucket b (its start, ns) of signal sig, for queries
// and retention; a batch computes it from its bucket width.
func (s *Store) noteBucket(sig Signal, b int64) {
	s.mu.Lock()
	s.buckets[sig][b] = struct{}{}
	s.mu.Unlock()
}

// bucketsIn returns the buckets of sig that overlap [start, end] (ns), oldest
// first.
func (s *Store) bucketsIn(sig Signal, start, end uint64) []int64 {
	w := s.width[sig]
	s.mu.Lock()
	out := make([]int64, 0, len(s.buckets[sig]))
	for b := range s.buckets[sig] {
		if uint64(b+w) > start && uint64(b) <= end {
			out = append(out, b)
		}
	}
	s.mu.Unlock()
	slices.Sort(out)
	return out
}

// nextSeq returns a fresh sequence number.
func (s *Store) nextSeq() uint64 { return s.seq.Add(1) }
