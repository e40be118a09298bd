package masking

import (
	"hash/maphash"
	"sync/atomic"
)

// classCache remembers the classes of the identifiers the lexicon was
// asked about: keys, labels and column names repeat from line to line
// (the keys of a JSON log, the fields of an access log), and classes costs
// a pass with look-ups per byte. It is shared by every goroutine using the
// Masker, so each slot is filled once, atomically, and never changed. Its
// entries are allocated with it (about 130 KB per Masker, with the slots):
// filling it allocates nothing. Only identifiers seen twice are let in, so
// one-off words (ids, hex strings) do not take the entries; an identifier
// that finds no free slot or entry is computed each time, as without the
// cache.
type classCache struct {
	seed  maphash.Seed
	slots [classSlots]atomic.Pointer[classEntry]
	// seen admits an identifier on its second look only (a fingerprint
	// per slot).
	seen [seenSlots]atomic.Uint32
	// entries are allocated with the cache and handed out once each
	// (next): filling the cache allocates nothing.
	entries []classEntry
	next    atomic.Int32
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
	classSlots   = 4096 // a power of two
	seenSlots    = 8192 // a power of two
	classEntries = 2048 // entries at most: half the slots
	// maxCachedIdent is the longest identifier cached; longer ones are
	// rare to repeat.
	maxCachedIdent = 32
	// allClasses are the classes a word can have; what classes finds for
	// one want is what it finds for all, restricted to want.
	allClasses = keySecret | keyToken | keyBank | keyCode | keyRRN
)

func newClassCache() *classCache {
	return &classCache{seed: maphash.MakeSeed(), entries: make([]classEntry, classEntries)}
}

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
		if k := c.next.Add(1) - 1; k < classEntries {
			// Filled before it is published by the swap; an entry whose
			// swaps both fail is wasted.
			e := &c.entries[k]
			e.n, e.class = uint8(len(ident)), cl
			copy(e.ident[:], ident)
			if e1 != nil || !s1.CompareAndSwap(nil, e) {
				s2.CompareAndSwap(nil, e)
			}
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
