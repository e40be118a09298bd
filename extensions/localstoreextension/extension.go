package localstoreextension

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"sort"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// StoreProvider is what the local_store exporter needs from this extension:
// an open store by name. Stores are open between Start and Shutdown; one
// whose filesystem lacks the space to open it safely opens later, and until
// then Store returns an error wrapping ErrStoreNotReady.
type StoreProvider interface {
	Store(name string) (*store.Store, error)
}

// ErrStoreNotReady is wrapped by Store's error for a store that waits for
// free disk space before it opens: a retryable condition.
var ErrStoreNotReady = errors.New("store is waiting for free disk space to open")

// localStore is the extension: it owns the stores and the API server.
type localStore struct {
	cfg    *Config
	set    extension.Settings
	logger *zap.Logger

	mu      sync.RWMutex
	stores  map[string]*store.Store
	waiting map[string]bool // stores opening once space returns
	// cancel ends the waits of stores that open late; opening counts them.
	cancel  context.CancelFunc
	opening sync.WaitGroup

	server    *http.Server
	serveDone chan struct{}
	telemetry *metadata.TelemetryBuilder
}

var (
	_ extension.Extension = (*localStore)(nil)
	_ StoreProvider       = (*localStore)(nil)
)

func newExtension(cfg *Config, set extension.Settings) *localStore {
	return &localStore{cfg: cfg, set: set, logger: set.Logger, stores: map[string]*store.Store{}, waiting: map[string]bool{}, cancel: func() {}}
}

// Store returns the open store called name.
func (e *localStore) Store(name string) (*store.Store, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	s, ok := e.stores[name]
	if !ok {
		if e.waiting[name] {
			return nil, fmt.Errorf("local_store extension %s: store %q: %w", e.set.ID, name, ErrStoreNotReady)
		}
		return nil, fmt.Errorf("local_store extension %s has no store %q (stores: %v)", e.set.ID, name, e.storeNames())
	}
	return s, nil
}

func (e *localStore) storeNames() []string {
	names := make([]string, 0, len(e.cfg.Stores))
	for n := range e.cfg.Stores {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Start opens every store, then starts the query API.
func (e *localStore) Start(ctx context.Context, host component.Host) error {
	e.applyMemoryLimit(e.cfg.MemoryLimitMiB)
	bg, cancel := context.WithCancel(context.Background())
	e.cancel = cancel
	for _, name := range e.storeNames() {
		opts := e.cfg.Stores[name].options()
		opts.Logger = e.logger.With(zap.String("store", name))
		opts.Owner = fmt.Sprintf("store %q of %s", name, e.set.ID)
		if !enoughSpace(opts) {
			// Opening Badger on a full disk faults: the store opens once
			// space returns, and refuses (retryably) until then, while the
			// rest of the collector runs.
			e.mu.Lock()
			e.waiting[name] = true
			e.mu.Unlock()
			e.opening.Add(1)
			go func() {
				defer e.opening.Done()
				if err := e.open(bg, name, opts); err != nil && bg.Err() == nil {
					e.logger.Error("local store could not be opened", zap.String("store", name), zap.Error(err))
				}
			}()
			continue
		}
		if err := e.open(ctx, name, opts); err != nil {
			_ = e.closeStores()
			return err
		}
	}
	if err := e.startTelemetry(); err != nil {
		_ = e.closeStores()
		return err
	}
	ln, err := e.cfg.API.ToListener(ctx)
	if err != nil {
		_ = e.closeStores()
		return fmt.Errorf("local_store: query API cannot listen on %s: %w", e.cfg.API.NetAddr.Endpoint, err)
	}
	handler := newAPI(e, string(e.cfg.BearerToken)).handler()
	e.server, err = e.cfg.API.ToServer(ctx, host.GetExtensions(), e.set.TelemetrySettings, handler)
	if err != nil {
		_ = ln.Close()
		_ = e.closeStores()
		return fmt.Errorf("local_store: query API: %w", err)
	}
	e.serveDone = make(chan struct{})
	go func() {
		defer close(e.serveDone)
		if err := e.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			e.logger.Error("local store query API stopped", zap.Error(err))
		}
	}()
	e.logger.Info("local store query API listening", zap.String("endpoint", ln.Addr().String()),
		zap.Bool("bearer_token", e.cfg.BearerToken != ""))
	return nil
}

// enoughSpace reports whether the filesystem of the store's directory has
// what opening it needs (a directory that does not exist yet is judged by
// its nearest existing parent).
func enoughSpace(opts store.Options) bool {
	dir := opts.Dir
	for {
		free, err := badgerdb.FreeBytes(dir)
		if err == nil {
			return free >= store.OpenNeeds(opts)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return true // let the open report the problem
		}
		dir = parent
	}
}

// open opens one store and makes it available.
func (e *localStore) open(ctx context.Context, name string, opts store.Options) error {
	s, err := store.Open(ctx, opts)
	if err != nil {
		return fmt.Errorf("local_store: store %q: %w", name, err)
	}
	e.mu.Lock()
	if ctx.Err() != nil { // shut down meanwhile
		e.mu.Unlock()
		return s.Close()
	}
	e.stores[name] = s
	delete(e.waiting, name)
	e.mu.Unlock()
	e.logger.Info("local store opened", zap.String("store", name), zap.String("directory", opts.Dir),
		zap.Duration("max_age_traces", opts.MaxAge[store.Traces]), zap.Duration("max_age_logs", opts.MaxAge[store.Logs]),
		zap.Duration("max_age_metrics", opts.MaxAge[store.Metrics]), zap.Int64("max_size_mib", opts.MaxSize>>20),
		zap.String("durability", string(opts.Durability)))
	return nil
}

// startTelemetry registers the stores' internal metrics.
func (e *localStore) startTelemetry() error {
	tb, err := metadata.NewTelemetryBuilder(e.set.TelemetrySettings)
	if err != nil {
		return err
	}
	e.telemetry = tb
	each := func(f func(*store.Store) int64) metric.Int64Callback {
		return func(_ context.Context, o metric.Int64Observer) error {
			e.mu.RLock()
			defer e.mu.RUnlock()
			for name, s := range e.stores {
				o.Observe(f(s), metric.WithAttributes(attribute.String("store", name)))
			}
			return nil
		}
	}
	return errors.Join(
		tb.RegisterLocalStoreDiskUsageCallback(each(func(s *store.Store) int64 { return s.DiskUsage() })),
		tb.RegisterLocalStoreBucketsDroppedCallback(each(func(s *store.Store) int64 { return s.Counters().BucketsDropped.Load() })),
		tb.RegisterLocalStoreRecordsWrittenCallback(each(func(s *store.Store) int64 { return s.Counters().Written.Load() })),
		tb.RegisterLocalStoreWritesRefusedCallback(each(func(s *store.Store) int64 { return s.SpaceGuard().Refused() })),
	)
}

// Shutdown stops the API and closes the stores. It is safe without Start.
func (e *localStore) Shutdown(ctx context.Context) error {
	var errs []error
	if e.server != nil {
		errs = append(errs, e.server.Shutdown(ctx))
		select {
		case <-e.serveDone:
		case <-ctx.Done():
			errs = append(errs, ctx.Err())
		}
	}
	if e.telemetry != nil {
		e.telemetry.Shutdown()
	}
	e.cancel()
	e.opening.Wait()
	errs = append(errs, e.closeStores())
	e.restoreMemoryLimit()
	return errors.Join(errs...)
}

func (e *localStore) closeStores() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var errs []error
	for name, s := range e.stores {
		if err := s.Close(); err != nil {
			errs = append(errs, fmt.Errorf("closing store %q: %w", name, err))
		}
		delete(e.stores, name)
	}
	return errors.Join(errs...)
}
