package journal

// overlayEntry is what one generation of the journal did to a key: its last
// value, or a tombstone.
type overlayEntry struct {
	value []byte // owned copy; nil for a tombstone
	del   bool
	// below is whether the key exists under this generation (in the
	// generation being flushed or in Badger). A delete of a key that does not
	// exist below removes the entry instead of leaving a tombstone, so an item
	// consumed before its generation is flushed never reaches Badger.
	below bool
}

// overlay is one generation of writes kept in memory in front of Badger: the
// active one that batches write to, or the one being flushed, which stays
// readable until it is in Badger. An overlay being flushed is never written.
type overlay struct {
	m map[string]overlayEntry
}

func newOverlay() *overlay { return &overlay{m: make(map[string]overlayEntry)} }

// lookup returns key's entry in the overlay.
func (o *overlay) lookup(key []byte) (overlayEntry, bool) {
	if o == nil {
		return overlayEntry{}, false
	}
	e, ok := o.m[string(key)]
	return e, ok
}

// set records value (which the overlay now owns) for key; existed is whether
// the key exists right before this write.
func (o *overlay) set(key, value []byte, existed bool) {
	e, ok := o.m[string(key)]
	if !ok {
		e.below = existed
	}
	e.value, e.del = value, false
	o.m[string(key)] = e
}

// remove records a delete of key, which exists right before it.
func (o *overlay) remove(key []byte) {
	e, ok := o.m[string(key)]
	if ok && !e.below {
		delete(o.m, string(key)) // annihilated: it never existed below
		return
	}
	if !ok {
		e.below = true
	}
	e.value, e.del = nil, true
	o.m[string(key)] = e
}

func (o *overlay) empty() bool { return len(o.m) == 0 }
