// Package targetpoll runs polls of many targets for the pull receivers
// (SNMP, DBMS, WAS): each target on its own schedule, phases spread so that
// a thousand targets do not fire in the same millisecond, a limit on polls in
// flight, backoff for dead targets, per-target up and duration metrics, and
// one log line per state change instead of one per failed poll.
package targetpoll
