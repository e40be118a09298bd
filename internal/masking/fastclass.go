package masking

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
)

// classCache remembers the classes of the identifiers the lexicon was
// asked about: keys, labels and column names repeat from line to line
// (the keys of a JSON log, the fields of an access log), and classes costs
// a pass with look-ups per byte. It is shared by every goroutine using the
// Masker, so each slot is filled once, atomically, and never changed: the
// cache costs at most two allocations per slot in a Masker's life, and a
// clean line costs none once its identifiers are in. An identifier whose
// two slots are taken is computed each time, as without the cache.
type classCache struct {
	seed  maphash.Seed
	slots [classSlots]atomic.Pointer[classEntry]
}

type classEntry struct {
	ident string // a copy: an identifier is a substring of a log line
	class keyClass
}

const (
	classSlots = 4096 // a power of two
	// maxCachedIdent is the longest identifier cached; longer ones are
	// rare to repeat.
	maxCachedIdent = 40
	// allClasses are the classes a word can have; what classes finds for
	// one want is what it finds for all, restricted to want.
	allClasses = keySecret | keyToken | keyBank | keyCode | keyRRN
)

func newClassCache() *classCache { return &classCache{seed: maphash.MakeSeed()} }

// classesOf returns every class of ident (len 1 to maxCachedIdent), from
// the cache or computed by compute and then cached.
func (c *classCache) classesOf(ident string, compute func(string, keyClass) keyClass) keyClass {
	h := maphash.String(c.seed, ident)
	s1, s2 := &c.slots[h&(classSlots-1)], &c.slots[(h>>32)&(classSlots-1)]
	e1 := s1.Load()
	if e1 != nil && e1.ident == ident {
		return e1.class
	}
	e2 := s2.Load()
	if e2 != nil && e2.ident == ident {
		return e2.class
	}
	cl := compute(ident, allClasses)
	if e1 == nil || e2 == nil {
		e := &classEntry{ident: strings.Clone(ident), class: cl}
		if e1 != nil || !s1.CompareAndSwap(nil, e) {
			s2.CompareAndSwap(nil, e)
		}
	}
	return cl
}
