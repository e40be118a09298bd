package journal

import (
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// Config is what a store is opened with; the extension fills it from its
// validated configuration.
type Config struct {
	// Directory holds the Badger database and the journal.
	Directory string
	// CreateDirectory creates Directory (mode 0750) when it does not exist.
	CreateDirectory bool
	// Durability is when written data is forced to disk.
	Durability badgerdb.Durability
	// SyncInterval is the group-commit period of the interval policy.
	SyncInterval time.Duration
	// MaxBytes bounds the directory's size; 0 means unbounded.
	MaxBytes int64
	// MinFreeBytes is the free space kept on the filesystem; 0 derives it
	// from the memory settings (badgerdb.NewDefaultFloor).
	MinFreeBytes int64
	// ReclaimInterval is how often the store checks whether to reclaim space.
	ReclaimInterval time.Duration
	// MinGarbageBytes is how much deleted data must be on disk before a reclaim.
	MinGarbageBytes int64
	// Memory sets Badger's memory use.
	Memory badgerdb.MemoryConfig
}

// Settings are what the caller passes besides the configuration.
type Settings struct {
	// Owner names who holds the directory (badgerdb.Claim).
	Owner string
	// Logger receives start, stop and failure messages; nil means none.
	Logger *zap.Logger
	// Observer is told what the store does; nil means NopObserver.
	Observer Observer
}

// floor is the free-space floor for a database opened with opts.
func (c *Config) floor(opts badger.Options) badgerdb.Floor {
	f := badgerdb.NewDefaultFloor(opts).WithBudget(c.MaxBytes)
	if c.MinFreeBytes > 0 {
		return f.WithMinFree(c.MinFreeBytes)
	}
	return f
}
