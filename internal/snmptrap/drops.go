package snmptrap

import (
	"net/netip"
	"sync"
	"time"
)

// Reason says why a message was dropped.
type Reason uint8

// Drop reasons; each is counted separately.
const (
	ReasonMalformed         Reason = iota // not an SNMP message we can decode
	ReasonNotNotification                 // a request or response, not a trap or inform
	ReasonNetworkNotAllowed               // source outside allowed_networks
	ReasonRateLimited                     // source over its rate limit
	ReasonQueueFull                       // the queue to the pipeline was full
	ReasonUnknownCommunity                // v1/v2c community not configured (or v1/v2c refused)
	ReasonUnknownUser                     // v3 user not configured
	ReasonUnknownEngineID                 // v3 engine ID not configured for the user
	ReasonWrongDigest                     // v3 authentication failed (wrong key)
	ReasonDecryption                      // v3 decryption failed (wrong privacy key)
	ReasonSecurityLevel                   // v3 security level below the user's
	ReasonNotInTimeWindow                 // v3 inform outside the time window
	ReasonSecurityModel                   // v3 security model other than USM
	ReasonPipelineRefused                 // the pipeline refused the record
	numReasons
)

var reasonNames = [numReasons]string{
	"malformed", "not_a_notification", "network_not_allowed", "rate_limited", "queue_full",
	"unknown_community", "unknown_user", "unknown_engine_id", "wrong_digest", "decryption_error",
	"unsupported_security_level", "not_in_time_window", "unknown_security_model", "pipeline_refused",
}

// String returns the reason as the internal metrics label it.
func (r Reason) String() string {
	if r < numReasons {
		return reasonNames[r]
	}
	return "unknown"
}

// Reasons lists every drop reason.
func Reasons() []Reason {
	out := make([]Reason, numReasons)
	for i := range out {
		out[i] = Reason(i)
	}
	return out
}

// logLimiter allows one log line per source and reason per interval.
type logLimiter struct {
	mu       sync.Mutex
	interval time.Duration
	last     map[logKey]time.Time
}

type logKey struct {
	addr   netip.Addr
	reason Reason
}

const maxLogKeys = 4096

func newLogLimiter(interval time.Duration) *logLimiter {
	return &logLimiter{interval: interval, last: make(map[logKey]time.Time)}
}

// allow reports whether a line for this source and reason may be logged now.
func (l *logLimiter) allow(addr netip.Addr, r Reason, now time.Time) bool {
	k := logKey{addr, r}
	l.mu.Lock()
	defer l.mu.Unlock()
	if t, ok := l.last[k]; ok && now.Sub(t) < l.interval {
		return false
	}
	if len(l.last) >= maxLogKeys {
		for key, t := range l.last {
			if now.Sub(t) >= l.interval {
				delete(l.last, key)
			}
		}
		if len(l.last) >= maxLogKeys {
			// Under a flood from many spoofed sources, stay silent rather
			// than grow without bound; the counters still count.
			return false
		}
	}
	l.last[k] = now
	return true
}
