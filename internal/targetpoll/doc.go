// Package targetpoll runs polls of many targets for the pull receivers
// (SNMP, DBMS, WAS): each target on its own schedule, at a phase within its
// interval that a hash of its name pins to the wall clock (so restarts and
// other collectors keep the same spread), a limit on polls in flight,
// jittered backoff for dead targets, per-target up and duration metrics, and
// one log line per state change instead of one per failed poll.
//
// A receiver gives New one Target per thing to poll. Its Poller returns an
// Output (metrics and logs) per poll; a Poller that also implements Opener
// opens its resources (a connection pool, an HTTP client) before the first
// poll and again while that fails, and one that implements Closer is closed
// at Shutdown once its poll in flight has returned. Each Result goes to
// Settings.Deliver, where the receiver adds the health points with
// AppendHealth on the same resource as the target's data and hands the
// output on.
//
// Errors: Partial marks a poll whose target answered with some data
// missing (the target stays up); an error implementing Classifier names its
// class, so a change of wording alone is not a change of state.
package targetpoll
