package store

import (
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// Compression is how table blocks are compressed on disk.
type Compression string

// The compressions Badger offers.
const (
	// CompressionNone stores blocks as they are: the least memory and CPU.
	CompressionNone Compression = "none"
	// CompressionSnappy compresses blocks with Snappy: the default, since
	// ingest is bound by the bytes tables write and compactions rewrite.
	CompressionSnappy Compression = "snappy"
	// CompressionZstd compresses blocks with Zstandard.
	CompressionZstd Compression = "zstd"
)

// Validate checks that c is a known compression.
func (c Compression) Validate() error {
	return badgerdb.CheckOneOf("compression", c, CompressionNone, CompressionSnappy, CompressionZstd)
}

func (c Compression) badger() options.CompressionType {
	switch c {
	case CompressionSnappy:
		return options.Snappy
	case CompressionZstd:
		return options.ZSTD
	}
	return options.None
}

// Options configure a Store.
type Options struct {
	// Dir is the Badger directory; it is created when missing.
	Dir string
	// Memory bounds Badger's memory use.
	Memory badgerdb.MemoryConfig
	// Durability says when writes reach the disk.
	Durability badgerdb.Durability
	// SyncInterval is the group-commit period of DurabilityInterval.
	SyncInterval time.Duration
	// Compression of table blocks. Badger's table builders hold each block
	// both raw and compressed, so compression costs memory while compacting.
	Compression Compression
	// MaxAge is the retention per signal; every signal needs one.
	MaxAge map[Signal]time.Duration
	// MaxSize is the disk budget of Dir in bytes; 0 means no budget. Past it
	// the oldest buckets are dropped first.
	MaxSize int64
	// MinFree is the free space in bytes kept on the filesystem of Dir:
	// below it writes are refused with an error wrapping
	// badgerdb.ErrDiskFull until space returns. 0 takes
	// badgerdb.NewDefaultFloor of the store's Badger options.
	MinFree int64
	// CheckInterval is how often retention and the budget are enforced.
	CheckInterval time.Duration
	// Owner names the store in errors about its directory, such as another
	// database of this process claiming it.
	Owner string
	// Logger receives start, stop, drops and Badger's warnings.
	Logger *zap.Logger
	// ReleaseMappedPages unmaps the resident pages of the memory-mapped table
	// files four times a second (Linux; they stay in the page cache), so that
	// they do not count in RSS. On by default.
	ReleaseMappedPages bool
	// Now is the clock; tests replace it. Defaults to time.Now.
	Now func() time.Time
}

// NewDefaultOptions returns options for dir with a 24 h retention for every
// signal, interval durability, Snappy tables and the default memory settings.
func NewDefaultOptions(dir string) Options {
	return Options{
		Dir:                dir,
		Memory:             badgerdb.NewDefaultMemoryConfig(),
		Durability:         badgerdb.DurabilityInterval,
		Compression:        CompressionSnappy,
		SyncInterval:       time.Second,
		MaxAge:             map[Signal]time.Duration{Traces: 24 * time.Hour, Logs: 24 * time.Hour, Metrics: 24 * time.Hour},
		CheckInterval:      10 * time.Second,
		ReleaseMappedPages: true,
	}
}

// Validate checks the options.
func (o Options) Validate() error {
	var errs []error
	if o.Dir == "" {
		errs = append(errs, errors.New("directory must be set"))
	}
	if err := o.Memory.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := o.Durability.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := o.Compression.Validate(); err != nil {
		errs = append(errs, err)
	}
	if o.Durability == badgerdb.DurabilityInterval && o.SyncInterval <= 0 {
		errs = append(errs, fmt.Errorf("sync_interval must be positive with durability %q", o.Durability))
	}
	for _, s := range Signals {
		if o.MaxAge[s] < time.Second {
			errs = append(errs, fmt.Errorf("max_age of %s must be at least 1s, got %s", s, o.MaxAge[s]))
		}
	}
	if o.MaxSize < 0 {
		errs = append(errs, fmt.Errorf("max_size must not be negative, got %d", o.MaxSize))
	}
	if o.MinFree < 0 {
		errs = append(errs, fmt.Errorf("min_free must not be negative, got %d", o.MinFree))
	}
	if o.CheckInterval <= 0 {
		errs = append(errs, fmt.Errorf("check_interval must be positive, got %s", o.CheckInterval))
	}
	return errors.Join(errs...)
}

// floor is the free-space floor: MinFree, or the default for bo.
func (o Options) floor(bo badger.Options) badgerdb.Floor {
	f := badgerdb.NewDefaultFloor(bo).WithBudget(o.MaxSize)
	if o.MinFree > 0 {
		return f.WithMinFree(o.MinFree)
	}
	return f
}

// BucketWidth is the time span of one bucket for a retention of maxAge: an
// eighth of it, between one second and one hour, so that expiry frees space in
// steps of at most an eighth of the data.
func BucketWidth(maxAge time.Duration) time.Duration {
	w := (maxAge / 8).Truncate(time.Second)
	return min(max(w, time.Second), time.Hour)
}
