package masking

import (
	"hash/maphash"
	"sync/atomic"
)

// classCache remembers the classes of the identifiers the lexicon was
// asked about: keys, labels and column names repeat from line to line
// (the keys of a JSON log, the fields of an access log), and classes costs
// a pass with look-ups per byte. It is shared by every goroutine using the
// Masker, so each slot is filled once, atomically, and never changed: the
// cache costs at most one allocation per slot in a Masker's life, only
// identifiers seen twice are let in, and a clean line costs no allocation
// once its identifiers are in. An identifier whose two slots are taken is
// computed each time, as without the cache.
type classCache struct {
	seed  maphash.Seed
	slots [classSlots]atomic.Pointer[classEntry]
	// seen admits an identifier on its second look only (a fingerprint
	// per slot, no allocation): ids, hex strings and other one-off words
	// would otherwise take the slots and cost allocations.
	seen [seenSlots]atomic.Uint32
}

type classEntry struct {
	// ident is a copy (an identifier is a substring of a log line), in
	// the entry itself: one allocation per entry.
	ident [maxCachedIdent]byte
	n     uint8
	class keyClass
}

func (e *classEntry) is(ident string) bool {
	return e != nil && int(e.n) == len(ident) && string(e.ident[:e.n]) == ident
}

const (
	classSlots = 4096 // a power of two
	seenSlots  = 8192 // a power of two
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
	if e1.is(ident) {
		return e1.class
	}
	e2 := s2.Load()
	if e2.is(ident) {
		return e2.class
	}
	cl := compute(ident, allClasses)
	if (e1 == nil || e2 == nil) && c.admit(h) {
		e := &classEntry{n: uint8(len(ident)), class: cl}
		copy(e.ident[:], ident)
		if e1 != nil || !s1.CompareAndSwap(nil, e) {
			s2.CompareAndSwap(nil, e)
		}
	}
	return cl
}

// admit reports whether the identifier of hash h was seen before (its
// fingerprint is in its seen slot); if not, it records it.
func (c *classCache) admit(h uint64) bool {
	s := &c.seen[(h>>20)&(seenSlots-1)]
	fp := uint32(h>>32) | 1
	if s.Load() == fp {
		return true
	}
	s.Store(fp)
	return false
}
