package badgerdb

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"go.uber.org/zap"
)

const mib = 1 << 20

// MemoryConfig sets Badger's memory options explicitly. Badger's own defaults
// (5 memtables of 64 MiB, a 256 MiB block cache) reach 0.5 to 1 GiB of RSS;
// these defaults keep an idle collector well under 256 MiB.
type MemoryConfig struct {
	// MemTableSizeMiB is the size of one memtable.
	MemTableSizeMiB int64 `mapstructure:"memtable_size_mib"`
	// NumMemtables is how many memtables may be held before writes stall.
	NumMemtables int `mapstructure:"num_memtables"`
	// BlockCacheSizeMiB is the block cache; 0 disables it.
	BlockCacheSizeMiB int64 `mapstructure:"block_cache_size_mib"`
	// IndexCacheSizeMiB bounds the table index cache; 0 keeps indexes in memory.
	IndexCacheSizeMiB int64 `mapstructure:"index_cache_size_mib"`
	// ValueLogFileSizeMiB is the size of one value log file.
	ValueLogFileSizeMiB int64 `mapstructure:"value_log_file_size_mib"`
}

// NewDefaultMemoryConfig returns the memory settings otelcol-ems uses unless
// the user overrides them.
func NewDefaultMemoryConfig() MemoryConfig {
	return MemoryConfig{
		MemTableSizeMiB:     16,
		NumMemtables:        2,
		BlockCacheSizeMiB:   32,
		IndexCacheSizeMiB:   16,
		ValueLogFileSizeMiB: 64,
	}
}

// Validate checks the memory settings.
func (m MemoryConfig) Validate() error {
	var errs []error
	if m.MemTableSizeMiB < 1 {
		errs = append(errs, fmt.Errorf("memtable_size_mib must be at least 1, got %d", m.MemTableSizeMiB))
	}
	if m.NumMemtables < 1 {
		errs = append(errs, fmt.Errorf("num_memtables must be at least 1, got %d", m.NumMemtables))
	}
	if m.BlockCacheSizeMiB < 0 {
		errs = append(errs, fmt.Errorf("block_cache_size_mib must not be negative, got %d", m.BlockCacheSizeMiB))
	}
	if m.IndexCacheSizeMiB < 0 {
		errs = append(errs, fmt.Errorf("index_cache_size_mib must not be negative, got %d", m.IndexCacheSizeMiB))
	}
	if m.ValueLogFileSizeMiB < 1 || m.ValueLogFileSizeMiB > 2047 {
		errs = append(errs, fmt.Errorf("value_log_file_size_mib must be between 1 and 2047, got %d", m.ValueLogFileSizeMiB))
	}
	return errors.Join(errs...)
}

// Options returns Badger options for dir with the memory settings applied,
// Snappy compression, two compactors and Badger's log routed to logger.
// SyncWrites is off: durability is decided by the caller's Durability policy.
func Options(dir string, mem MemoryConfig, logger *zap.Logger) badger.Options {
	opts := badger.DefaultOptions(dir).
		WithMemTableSize(mem.MemTableSizeMiB * mib).
		WithNumMemtables(mem.NumMemtables).
		WithBlockCacheSize(mem.BlockCacheSizeMiB * mib).
		WithIndexCacheSize(mem.IndexCacheSizeMiB * mib).
		WithValueLogFileSize(mem.ValueLogFileSizeMiB * mib).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithNumCompactors(2).
		WithCompression(options.Snappy).
		WithSyncWrites(false).
		WithMetricsEnabled(false)
	if logger != nil {
		opts = opts.WithLogger(newLogger(logger))
	} else {
		opts = opts.WithLogger(nil)
	}
	return opts
}
