package badgerdb

import (
	"errors"

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
	// Badger addresses a memtable's arena and a value log with 32-bit
	// offsets, and its log files are twice these sizes.
	return errors.Join(
		CheckMiB("memtable_size_mib", m.MemTableSizeMiB, 1, 1023),
		CheckRange("num_memtables", int64(m.NumMemtables), 1, 64, ""),
		CheckMiB("block_cache_size_mib", m.BlockCacheSizeMiB, 0, MaxMiB),
		CheckMiB("index_cache_size_mib", m.IndexCacheSizeMiB, 0, MaxMiB),
		CheckMiB("value_log_file_size_mib", m.ValueLogFileSizeMiB, 1, 1023),
	)
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
