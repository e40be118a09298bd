package targetpoll

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// Output is what one poll of a target returns; either part may be the zero
// value.
type Output struct {
	Metrics pmetric.Metrics
	Logs    plog.Logs
}

// Poller polls one target. A Poller may own resources across polls (a DB
// pool, an HTTP client). The scheduler never calls Poll of one target
// concurrently with itself, nor with its Open or Close.
type Poller interface {
	Poll(ctx context.Context) (Output, error)
}

// PollerFunc adapts a function to Poller.
type PollerFunc func(ctx context.Context) (Output, error)

// Poll calls f.
func (f PollerFunc) Poll(ctx context.Context) (Output, error) { return f(ctx) }

// Opener is optionally implemented by a Poller: Open runs before the first
// poll (and again before the next poll while it keeps failing; an Open error
// is reported as a failed, "down" poll with that error). Open and the Poll
// that follows it share the poll's timeout.
type Opener interface {
	Open(ctx context.Context) error
}

// Closer is optionally implemented by a Poller: Close runs once at Shutdown,
// after the target's poll in flight has returned (Shutdown waits for polls in
// flight before closing what they use). It runs whether or not Open ever
// succeeded, and also when Start never ran.
type Closer interface {
	Close(ctx context.Context) error
}

// Target is one thing to poll.
type Target struct {
	// Name identifies the target; it must be unique. It is the "target"
	// field of log lines and the identity hashed into the target's phase.
	Name string
	// Interval is the time between the starts of two polls.
	Interval time.Duration
	// Timeout bounds one poll (Open included).
	Timeout time.Duration
	// Poller does the work.
	Poller Poller
}

// Result is the outcome of one poll, handed to Settings.Deliver.
type Result struct {
	// Target is the target's name; Index its position in the target list.
	Target string
	Index  int
	// Output is what the poll returned. Neither part is the zero value:
	// a part the poller left unset (or a failed poll) is empty.
	Output Output
	// Err is the poll's (or Open's) error, nil on success.
	Err error
	// Up is false when the target could not be polled.
	Up bool
	// Start is when the poll started; Duration how long it took.
	Start    time.Time
	Duration time.Duration
}
