package badgerstorageextension

import (
	"errors"
	"fmt"
	"time"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/internal/journal"
)

// Config is the badger_storage extension's configuration.
type Config struct {
	// Directory holds the extension's Badger database. Each badger_storage
	// instance needs a directory of its own.
	Directory string `mapstructure:"directory"`
	// CreateDirectory creates Directory (mode 0750) when it does not exist.
	CreateDirectory bool `mapstructure:"create_directory"`
	// Durability is when written data is forced to disk: always, interval or never.
	Durability badgerdb.Durability `mapstructure:"durability"`
	// SyncInterval is the group-commit period of the interval policy.
	SyncInterval time.Duration `mapstructure:"sync_interval"`
	// MaxSizeMiB bounds the directory's size on disk; 0 means unbounded.
	// When it is reached, writes of new keys fail with storage.ErrStorageFull
	// while updates and deletes go on, so queues can still drain.
	MaxSizeMiB int64 `mapstructure:"max_size_mib"`
	// MinFreeMiB is the free space kept on the directory's filesystem: below
	// it, writes of new keys are refused (retryable, like max_size_mib) until
	// space returns. 0 (the default) derives it from the memory settings
	// (badgerdb.NewDefaultFloor).
	MinFreeMiB int64 `mapstructure:"min_free_mib"`
	// Reclaim controls how space held by deleted entries is given back.
	Reclaim ReclaimConfig `mapstructure:"reclaim"`
	// Memory sets Badger's memory use.
	Memory badgerdb.MemoryConfig `mapstructure:"memory"`
}

// ReclaimConfig controls space reclaim. Badger keeps deleted queue entries on
// disk when their delete markers sit in levels that no compaction revisits,
// so the extension checks the ratio of live to stored data itself and runs a
// full compaction when deleted data dominates.
type ReclaimConfig struct {
	// CheckInterval is how often the ratio is checked.
	CheckInterval time.Duration `mapstructure:"check_interval"`
	// MinGarbageMiB is how much deleted data must be on disk before a reclaim runs.
	MinGarbageMiB int64 `mapstructure:"min_garbage_mib"`
}

func createDefaultConfig() *Config {
	return &Config{
		Directory:       "/var/lib/otelcol-ems/badger_storage",
		CreateDirectory: true,
		Durability:      badgerdb.DurabilityInterval,
		SyncInterval:    100 * time.Millisecond,
		MaxSizeMiB:      4096,
		Reclaim: ReclaimConfig{
			CheckInterval: 10 * time.Second,
			MinGarbageMiB: 64,
		},
		Memory: defaultMemory(),
	}
}

// defaultMemory is the shared Badger memory setting with 4 MiB memtables
// instead of 16: queue items above 8 KiB (every batched request) go to the
// value log, so a memtable holds little more than keys and value pointers,
// while Badger allocates each memtable's arena whole. 4 MiB took 18 MiB off
// the node pipeline's heap at 20k logs/s (issue 12, docs/benchmarks/pipeline.md).
func defaultMemory() badgerdb.MemoryConfig {
	m := badgerdb.NewDefaultMemoryConfig()
	m.MemTableSizeMiB = 4
	return m
}

// Validate checks the configuration and names the field at fault; the
// collector validates memory (badgerdb.MemoryConfig) itself.
func (c *Config) Validate() error {
	var errs []error
	if c.Directory == "" {
		errs = append(errs, errors.New("directory must be set"))
	} else if resolved, err := badgerdb.CheckDirectory(c.Directory, badgerdb.KindBadgerStorage); err != nil {
		errs = append(errs, fmt.Errorf("directory: %w", err))
	} else if err := badgerdb.CheckShared(resolved, badgerdb.KindBadgerStorage, "a badger_storage"); err != nil {
		errs = append(errs, fmt.Errorf("directory: %w", err))
	}
	if err := c.Durability.Validate(); err != nil {
		errs = append(errs, err)
	}
	if c.Durability == badgerdb.DurabilityInterval {
		errs = append(errs, badgerdb.CheckDuration("sync_interval", c.SyncInterval, time.Millisecond, time.Hour))
	}
	errs = append(errs,
		badgerdb.CheckMiB("max_size_mib", c.MaxSizeMiB, 0, badgerdb.MaxMiB),
		badgerdb.CheckMiB("min_free_mib", c.MinFreeMiB, 0, badgerdb.MaxMiB),
		badgerdb.CheckDuration("reclaim::check_interval", c.Reclaim.CheckInterval, time.Millisecond, 24*time.Hour),
		badgerdb.CheckMiB("reclaim::min_garbage_mib", c.Reclaim.MinGarbageMiB, 1, badgerdb.MaxMiB),
	)
	return errors.Join(errs...)
}

// journal returns the engine's configuration.
func (c *Config) journal() journal.Config {
	return journal.Config{
		Directory:       c.Directory,
		CreateDirectory: c.CreateDirectory,
		Durability:      c.Durability,
		SyncInterval:    c.SyncInterval,
		MaxBytes:        c.MaxSizeMiB << 20,
		MinFreeBytes:    c.MinFreeMiB << 20,
		ReclaimInterval: c.Reclaim.CheckInterval,
		MinGarbageBytes: c.Reclaim.MinGarbageMiB << 20,
		Memory:          c.Memory,
	}
}
