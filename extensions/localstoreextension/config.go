package localstoreextension

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configopaque"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// Config is the local_store extension's configuration.
type Config struct {
	// API is the HTTP server of the query API (endpoint, TLS, CORS...).
	API confighttp.ServerConfig `mapstructure:"api"`
	// BearerToken, when set, is required as "Authorization: Bearer <token>"
	// on every API request. Set it from the environment: ${env:VAR}.
	BearerToken configopaque.String `mapstructure:"bearer_token"`
	// Stores are the stores this extension owns, by name.
	Stores map[string]StoreConfig `mapstructure:"stores"`
}

// StoreConfig configures one store. Zero values take the documented
// defaults.
type StoreConfig struct {
	// Directory holds the store's Badger database; required.
	Directory string `mapstructure:"directory"`
	// MaxAge is the retention per signal (default 24h each).
	MaxAge RetentionConfig `mapstructure:"max_age"`
	// MaxSizeMiB is the disk budget in MiB; 0 means none. Over it the oldest
	// data goes first.
	MaxSizeMiB int64 `mapstructure:"max_size_mib"`
	// Durability is always, interval (default) or never.
	Durability badgerdb.Durability `mapstructure:"durability"`
	// SyncInterval is the group-commit period of interval durability
	// (default 1s).
	SyncInterval time.Duration `mapstructure:"sync_interval"`
	// CheckInterval is how often retention and max_size are enforced
	// (default 10s).
	CheckInterval time.Duration `mapstructure:"check_interval"`
	// Memory bounds Badger's memory; zero fields take otelcol-ems defaults.
	Memory badgerdb.MemoryConfig `mapstructure:"memory"`
}

// RetentionConfig is a duration per signal.
type RetentionConfig struct {
	Traces  time.Duration `mapstructure:"traces"`
	Logs    time.Duration `mapstructure:"logs"`
	Metrics time.Duration `mapstructure:"metrics"`
}

const defaultMaxAge = 24 * time.Hour

// options turns a store's config into store options, defaults applied.
func (c StoreConfig) options() store.Options {
	o := store.NewDefaultOptions(c.Directory)
	set := func(sig store.Signal, d time.Duration) {
		if d != 0 {
			o.MaxAge[sig] = d
		}
	}
	set(store.Traces, c.MaxAge.Traces)
	set(store.Logs, c.MaxAge.Logs)
	set(store.Metrics, c.MaxAge.Metrics)
	o.MaxSize = c.MaxSizeMiB << 20
	if c.Durability != "" {
		o.Durability = c.Durability
	}
	if c.SyncInterval != 0 {
		o.SyncInterval = c.SyncInterval
	}
	if c.CheckInterval != 0 {
		o.CheckInterval = c.CheckInterval
	}
	def := badgerdb.NewDefaultMemoryConfig()
	o.Memory = c.Memory
	if o.Memory.MemTableSizeMiB == 0 {
		o.Memory.MemTableSizeMiB = def.MemTableSizeMiB
	}
	if o.Memory.NumMemtables == 0 {
		o.Memory.NumMemtables = def.NumMemtables
	}
	if o.Memory.BlockCacheSizeMiB == 0 {
		o.Memory.BlockCacheSizeMiB = def.BlockCacheSizeMiB
	}
	if o.Memory.IndexCacheSizeMiB == 0 {
		o.Memory.IndexCacheSizeMiB = def.IndexCacheSizeMiB
	}
	if o.Memory.ValueLogFileSizeMiB == 0 {
		o.Memory.ValueLogFileSizeMiB = def.ValueLogFileSizeMiB
	}
	return o
}

// minBudgetMemtables is how many memtables' worth of disk max_size must at
// least allow: the memtables' write-ahead logs count against the budget.
const minBudgetMemtables = 4

// Validate checks the configuration; errors name the store and field.
func (c *Config) Validate() error {
	var errs []error
	if len(c.Stores) == 0 {
		errs = append(errs, errors.New("stores: at least one store must be configured"))
	}
	names := make([]string, 0, len(c.Stores))
	for n := range c.Stores {
		names = append(names, n)
	}
	sort.Strings(names)
	dirs := map[string]string{}
	for _, n := range names {
		sc := c.Stores[n]
		prefix := fmt.Sprintf("stores::%s::", n)
		if sc.Directory == "" {
			errs = append(errs, fmt.Errorf("%sdirectory must be set", prefix))
		} else {
			abs, _ := filepath.Abs(sc.Directory)
			if other, ok := dirs[abs]; ok {
				errs = append(errs, fmt.Errorf("%sdirectory %s is also the directory of store %q; each store needs its own", prefix, sc.Directory, other))
			}
			dirs[abs] = n
		}
		o := sc.options()
		if o.Dir == "" {
			o.Dir = "unset" // reported above
		}
		if err := o.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s%w", prefix, err))
		}
		if o.MaxSize > 0 && o.MaxSize < minBudgetMemtables*int64(o.Memory.NumMemtables)*o.Memory.MemTableSizeMiB<<20 {
			errs = append(errs, fmt.Errorf("%smax_size_mib %d is too small for %d memtables of %d MiB: allow at least %d MiB",
				prefix, sc.MaxSizeMiB, o.Memory.NumMemtables, o.Memory.MemTableSizeMiB,
				minBudgetMemtables*int64(o.Memory.NumMemtables)*o.Memory.MemTableSizeMiB))
		}
	}
	if c.API.NetAddr.Endpoint == "" {
		errs = append(errs, errors.New("api::endpoint must be set"))
	}
	return errors.Join(errs...)
}
