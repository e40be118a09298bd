package snmptrap

import (
	"net/netip"
	"sync"
	"time"
)

// rateLimiter is a token bucket per source address.
type rateLimiter struct {
	mu      sync.Mutex
	rate    float64 // tokens per second; 0 disables the limit
	burst   float64
	buckets map[netip.Addr]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxBuckets bounds the memory a flood from many sources can take; idle
// buckets (full again) are swept when it is reached.
const maxBuckets = 65536

func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	if burst < 1 {
		burst = 1
	}
	return &rateLimiter{rate: perSecond, burst: float64(burst), buckets: make(map[netip.Addr]*bucket)}
}

// allow takes a token from addr's bucket.
func (r *rateLimiter) allow(addr netip.Addr, now time.Time) bool {
	if r == nil || r.rate <= 0 {
		return true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.buckets[addr]
	if !ok {
		if len(r.buckets) >= maxBuckets {
			r.sweep(now)
		}
		b = &bucket{tokens: r.burst, last: now}
		r.buckets[addr] = b
	}
	if d := now.Sub(b.last); d > 0 {
		b.tokens += d.Seconds() * r.rate
		if b.tokens > r.burst {
			b.tokens = r.burst
		}
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (r *rateLimiter) sweep(now time.Time) {
	full := time.Duration(r.burst / r.rate * float64(time.Second))
	for a, b := range r.buckets {
		if now.Sub(b.last) >= full {
			delete(r.buckets, a)
		}
	}
	if len(r.buckets) >= maxBuckets {
		// Every bucket is busy: start again rather than grow.
		clear(r.buckets)
	}
}
