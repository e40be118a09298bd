package badgerdb

import (
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"go.uber.org/zap"
)

// Durability says when written data reaches stable storage.
type Durability string

const (
	// DurabilityAlways syncs after every write batch (fsync per commit).
	DurabilityAlways Durability = "always"
	// DurabilityInterval syncs on a timer (group commit); the default.
	DurabilityInterval Durability = "interval"
	// DurabilityNever leaves syncing to the operating system.
	DurabilityNever Durability = "never"
)

// Validate checks that d is one of the known policies.
func (d Durability) Validate() error {
	return CheckOneOf("durability", d, DurabilityAlways, DurabilityInterval, DurabilityNever)
}

// Syncer runs the group commit of the interval policy: it syncs the database
// (Sync) every interval until Stop. Errors are logged once per change of state.
type Syncer struct {
	sync     func() error
	interval time.Duration
	logger   *zap.Logger
	stop     chan struct{}
	done     sync.WaitGroup
	once     sync.Once
}

// StartSyncer starts the group-commit loop for db, opened on dir. interval
// must be positive.
func StartSyncer(db *badger.DB, dir string, interval time.Duration, logger *zap.Logger) *Syncer {
	return StartSyncerFunc(func() error { return Sync(db, dir) }, interval, logger)
}

// StartSyncerFunc starts a group-commit loop that calls sync every interval,
// for a store that keeps data beside its Badger database (sync must then
// make that durable before calling Sync). interval must be positive.
func StartSyncerFunc(sync func() error, interval time.Duration, logger *zap.Logger) *Syncer {
	s := &Syncer{sync: sync, interval: interval, logger: logger, stop: make(chan struct{})}
	s.done.Add(1)
	go s.run()
	return s
}

func (s *Syncer) run() {
	defer s.done.Done()
	t := time.NewTicker(s.interval)
	defer t.Stop()
	failing := false
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			err := s.sync()
			if err != nil && !failing {
				s.logger.Error("badger sync failed", zap.Error(err))
			} else if err == nil && failing {
				s.logger.Info("badger sync recovered")
			}
			failing = err != nil
		}
	}
}

// Stop ends the loop and performs a final sync. Safe to call more than once.
func (s *Syncer) Stop() error {
	var err error
	s.once.Do(func() {
		close(s.stop)
		s.done.Wait()
		err = s.sync()
	})
	return err
}
