package localstoreextension

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// Config is the local_store extension's configuration.
type Config struct {
	// API is the HTTP server of the query API (endpoint, TLS, CORS...).
	API confighttp.ServerConfig `mapstructure:"api"`
	// BearerToken, when set, is required as "Authorization: Bearer <token>"
	// on every API request. Set it from the environment: ${env:VAR}. A key
	// that is present but empty (an unset variable) fails validation rather
	// than serving the API without authentication.
	BearerToken configopaque.String `mapstructure:"bearer_token"`
	// bearerTokenSet records that the key was present.
	bearerTokenSet bool
	// Stores are the stores this extension owns, by name.
	Stores map[string]StoreConfig `mapstructure:"stores"`
	// MemoryLimitMiB is the Go soft memory limit (as GOMEMLIMIT) the
	// extension sets for the collector process at start when none is set;
	// 0 leaves it alone. Default 200.
	MemoryLimitMiB int64 `mapstructure:"memory_limit_mib"`
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
	// Compression of the store's tables: snappy (default), none or zstd.
	// Snappy writes fewer bytes, which is what ingest is bound by; it costs
	// some memory while compacting.
	Compression store.Compression `mapstructure:"compression"`
	// SyncInterval is the group-commit period of interval durability
	// (default 1s).
	SyncInterval time.Duration `mapstructure:"sync_interval"`
	// CheckInterval is how often retention and max_size are enforced
	// (default 10s).
	CheckInterval time.Duration `mapstructure:"check_interval"`
	// MinFreeMiB is the free space kept on the directory's filesystem:
	// below it writes are refused (retryably) until space returns. 0, the
	// default, derives it from the memory settings and the tables' size.
	MinFreeMiB int64 `mapstructure:"min_free_mib"`
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

// maxRetention bounds max_age: ten years. Records are filed under their
// time in nanoseconds, so the retention must stay well inside 1970..2262.
const maxRetention = 10 * 365 * 24 * time.Hour

// newDefaultStoreConfig is the configuration of a store before the user's
// keys are applied.
func newDefaultStoreConfig() StoreConfig {
	o := store.NewDefaultOptions("")
	return StoreConfig{
		MaxAge:        RetentionConfig{Traces: defaultMaxAge, Logs: defaultMaxAge, Metrics: defaultMaxAge},
		Durability:    o.Durability,
		Compression:   o.Compression,
		SyncInterval:  o.SyncInterval,
		CheckInterval: o.CheckInterval,
		Memory:        defaultMemory(),
	}
}

// defaultMemory is the shared Badger memory setting with smaller memtables:
// a store flushes each memtable into one table whose builder holds it whole,
// twice over while compressing, and Badger pools up to 8 builders at their
// largest, so the memtable size drives the memory of sustained ingest. 2 MiB
// (tables of 1.25 MiB): Badger's builder buffers in the node pipeline at 20k
// logs/s 84 MB against 112-125 with 4 MiB, at the same CPU per record (issue
// 12, session 3; 4 MiB had been 93-97 MiB of live heap against 131-169 with 8).
func defaultMemory() badgerdb.MemoryConfig {
	m := badgerdb.NewDefaultMemoryConfig()
	m.MemTableSizeMiB = 2
	return m
}

// Unmarshal applies the user's keys over the defaults, so that each store
// in the map starts from them.
func (c *StoreConfig) Unmarshal(conf *confmap.Conf) error {
	*c = newDefaultStoreConfig()
	return conf.Unmarshal(c)
}

// options turns a store's config into store options.
func (c StoreConfig) options() store.Options {
	o := store.NewDefaultOptions(c.Directory)
	o.MaxAge = map[store.Signal]time.Duration{store.Traces: c.MaxAge.Traces, store.Logs: c.MaxAge.Logs, store.Metrics: c.MaxAge.Metrics}
	o.MaxSize = c.MaxSizeMiB << 20
	o.Durability = c.Durability
	o.Compression = c.Compression
	o.SyncInterval = c.SyncInterval
	o.CheckInterval = c.CheckInterval
	o.MinFree = c.MinFreeMiB << 20
	o.Memory = c.Memory
	return o
}

// minBudgetMemtables is how many memtables' worth of disk max_size must at
// least allow: the memtables' write-ahead logs count against the budget.
const minBudgetMemtables = 4

// Validate checks one store's settings; durability and memory validate
// themselves.
func (c *StoreConfig) Validate() error {
	var errs []error
	if c.Directory == "" {
		errs = append(errs, errors.New("directory must be set"))
	}
	for _, a := range []struct {
		name string
		d    time.Duration
	}{{"traces", c.MaxAge.Traces}, {"logs", c.MaxAge.Logs}, {"metrics", c.MaxAge.Metrics}} {
		errs = append(errs, badgerdb.CheckDuration("max_age::"+a.name, a.d, time.Second, maxRetention))
	}
	if c.Durability == badgerdb.DurabilityInterval {
		errs = append(errs, badgerdb.CheckDuration("sync_interval", c.SyncInterval, time.Millisecond, time.Hour))
	}
	errs = append(errs,
		badgerdb.CheckDuration("check_interval", c.CheckInterval, time.Millisecond, 24*time.Hour),
		badgerdb.CheckMiB("max_size_mib", c.MaxSizeMiB, 0, badgerdb.MaxMiB),
		badgerdb.CheckMiB("min_free_mib", c.MinFreeMiB, 0, badgerdb.MaxMiB),
	)
	if minMiB := minBudgetMemtables * int64(c.Memory.NumMemtables) * c.Memory.MemTableSizeMiB; c.MaxSizeMiB > 0 && c.MaxSizeMiB < minMiB {
		errs = append(errs, fmt.Errorf("max_size_mib %d is too small for %d memtables of %d MiB: allow at least %d MiB",
			c.MaxSizeMiB, c.Memory.NumMemtables, c.Memory.MemTableSizeMiB, minMiB))
	}
	return errors.Join(errs...)
}

// Validate checks what spans stores; each store validates itself.
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
	dirs := map[string]string{} // resolved directory -> store name
	for _, n := range names {
		d := c.Stores[n].Directory
		if d == "" {
			continue
		}
		field := "stores::" + n + "::directory"
		resolved, err := badgerdb.CheckDirectory(d, badgerdb.KindLocalStore)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", field, err))
			continue
		}
		if err := badgerdb.CheckShared(resolved, badgerdb.KindLocalStore, "local_store store "+strconv.Quote(n)); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", field, err))
		}
		for other, on := range dirs {
			if rel := badgerdb.Overlap(resolved, other); rel != "" {
				errs = append(errs, fmt.Errorf("%s %s %s the directory of store %q (%s); each store needs a directory of its own, apart from the others",
					field, d, rel, on, c.Stores[on].Directory))
			}
		}
		dirs[resolved] = n
	}
	if c.API.NetAddr.Endpoint == "" {
		errs = append(errs, errors.New("api::endpoint must be set"))
	}
	if c.bearerTokenSet && c.BearerToken == "" {
		errs = append(errs, errors.New("bearer_token is present but empty (is its environment variable unset?); set a token, or remove the key to serve the query API without authentication"))
	}
	errs = append(errs, badgerdb.CheckMiB("memory_limit_mib", c.MemoryLimitMiB, 0, badgerdb.MaxMiB))
	return errors.Join(errs...)
}

// Unmarshal notes whether bearer_token is present, since an unset
// ${env:VAR} leaves it empty like an absent key.
func (c *Config) Unmarshal(conf *confmap.Conf) error {
	if err := conf.Unmarshal(c); err != nil {
		return err
	}
	c.bearerTokenSet = conf.IsSet("bearer_token")
	return nil
}
