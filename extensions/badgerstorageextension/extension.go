package badgerstorageextension

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/journal"
)

// badgerStorage is the extension: it opens the database at Start and hands
// out one client per component and storage name.
type badgerStorage struct {
	cfg *Config
	set extension.Settings

	mu  sync.Mutex
	st  *journal.Store
	tel *metadata.TelemetryBuilder
}

var _ storage.Extension = (*badgerStorage)(nil)

func newExtension(set extension.Settings, cfg *Config) *badgerStorage {
	return &badgerStorage{cfg: cfg, set: set}
}

// Start opens the database, moving a corrupt one aside.
func (e *badgerStorage) Start(ctx context.Context, _ component.Host) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	tel, err := metadata.NewTelemetryBuilder(e.set.TelemetrySettings)
	if err != nil {
		return err
	}
	st, err := journal.Open(ctx, e.cfg.journal(), journal.Settings{
		Owner: e.set.ID.String(), Logger: e.set.Logger, Observer: telemetryObserver{tel},
	})
	if err != nil {
		tel.Shutdown()
		return err
	}
	gauge := func(v func() int64) metric.Int64Callback {
		return func(_ context.Context, o metric.Int64Observer) error { o.Observe(v()); return nil }
	}
	err = errors.Join(
		tel.RegisterBadgerStorageDiskUsageCallback(gauge(st.DiskUsage)),
		tel.RegisterBadgerStorageLiveSizeCallback(gauge(st.LiveBytes)),
		tel.RegisterBadgerStorageLiveEntriesCallback(gauge(st.LiveEntries)),
	)
	if err != nil {
		tel.Shutdown()
		return errors.Join(err, st.Close())
	}
	e.st, e.tel = st, tel
	return nil
}

// Shutdown closes the database. It is safe when Start never ran. When ctx
// ends first (a reclaim can hold the database for seconds), it returns and
// the close finishes in the background; Badger recovers from an interrupted
// close like from a crash.
func (e *badgerStorage) Shutdown(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var err error
	if e.st != nil {
		done := make(chan error, 1)
		go func(st *journal.Store) { done <- st.Close() }(e.st)
		select {
		case err = <-done:
		case <-ctx.Done():
			err = fmt.Errorf("badger_storage: closing %s: %w", e.cfg.Directory, ctx.Err())
		}
		e.st = nil
	}
	if e.tel != nil {
		e.tel.Shutdown()
		e.tel = nil
	}
	return err
}

// GetClient returns a client whose keys are kept apart from every other
// component's and storage name's.
func (e *badgerStorage) GetClient(_ context.Context, kind component.Kind, id component.ID, name string) (storage.Client, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.st == nil {
		return nil, errors.New("badger_storage: GetClient called before Start or after Shutdown")
	}
	return &client{s: e.st, prefix: journal.Prefix(kind.String(), id.String(), name)}, nil
}
