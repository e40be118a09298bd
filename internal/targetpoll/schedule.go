package targetpoll

import (
	"context"
	"errors"
	"time"

	"go.uber.org/zap"
)

// Schedule is the part of a polling receiver's configuration that every
// receiver shares. Receivers embed it with `mapstructure:",squash"`, so the
// keys stay at the top level of their YAML.
type Schedule struct {
	// CollectionInterval is the default time between the starts of two
	// polls of a target.
	CollectionInterval time.Duration `mapstructure:"collection_interval"`
	// MaxConcurrent limits targets polled at the same time.
	MaxConcurrent int `mapstructure:"max_concurrent"`
	// Jitter spreads the targets' phases, pinned to the wall clock, over
	// this fraction of the interval.
	Jitter float64 `mapstructure:"jitter"`
	// MaxBackoff caps the poll interval of a target that keeps failing.
	MaxBackoff time.Duration `mapstructure:"max_backoff"`
}

// Check returns one error per invalid field, named as in the YAML.
func (s Schedule) Check() []error {
	var errs []error
	if s.CollectionInterval <= 0 {
		errs = append(errs, errors.New("collection_interval: must be positive"))
	}
	if s.MaxConcurrent <= 0 {
		errs = append(errs, errors.New("max_concurrent: must be positive"))
	}
	if s.Jitter < 0 || s.Jitter > 1 {
		errs = append(errs, errors.New("jitter: must be between 0 and 1"))
	}
	if s.MaxBackoff < 0 {
		errs = append(errs, errors.New("max_backoff: must not be negative"))
	}
	return errs
}

// Launch builds a scheduler for targets with the schedule's settings, logs
// that polling starts ("starting " + what) and starts it.
func (s Schedule) Launch(ctx context.Context, logger *zap.Logger, what string, targets []Target, deliver func(context.Context, Result)) (*Scheduler, error) {
	sched, err := New(Settings{
		Logger:        logger,
		MaxConcurrent: s.MaxConcurrent,
		Jitter:        s.Jitter,
		MaxBackoff:    s.MaxBackoff,
		Deliver:       deliver,
	}, targets)
	if err != nil {
		return nil, err
	}
	logger.Info("starting "+what, zap.Int("targets", len(targets)))
	sched.Start(ctx)
	return sched, nil
}
