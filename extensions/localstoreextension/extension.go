package localstoreextension

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// StoreProvider is what the local_store exporter needs from this extension:
// an open store by name. Stores are open between Start and Shutdown.
type StoreProvider interface {
	Store(name string) (*store.Store, error)
}

// localStore is the extension: it owns the stores and the API server.
type localStore struct {
	cfg    *Config
	set    extension.Settings
	logger *zap.Logger

	mu     sync.RWMutex
	stores map[string]*store.Store

	server    *http.Server
	serveDone chan struct{}
	telemetry *metadata.TelemetryBuilder
}

var (
	_ extension.Extension = (*localStore)(nil)
	_ StoreProvider       = (*localStore)(nil)
)

func newExtension(cfg *Config, set extension.Settings) *localStore {
	return &localStore{cfg: cfg, set: set, logger: set.Logger, stores: map[string]*store.Store{}}
}

// Store returns the open store called name.
func (e *localStore) Store(name string) (*store.Store, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	s, ok := e.stores[name]
	if !ok {
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
	for _, name := range e.storeNames() {
		opts := e.cfg.Stores[name].options()
		opts.Logger = e.logger.With(zap.String("store", name))
		opts.Owner = fmt.Sprintf("store %q of %s", name, e.set.ID)
		s, err := store.Open(ctx, opts)
		if err != nil {
			_ = e.closeStores()
			return fmt.Errorf("local_store: store %q: %w", name, err)
		}
		e.mu.Lock()
		e.stores[name] = s
		e.mu.Unlock()
		e.logger.Info("local store opened", zap.String("store", name), zap.String("directory", opts.Dir),
			zap.Duration("max_age_traces", opts.MaxAge[store.Traces]), zap.Duration("max_age_logs", opts.MaxAge[store.Logs]),
			zap.Duration("max_age_metrics", opts.MaxAge[store.Metrics]), zap.Int64("max_size_mib", opts.MaxSize>>20),
			zap.String("durability", string(opts.Durability)))
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
