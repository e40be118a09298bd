package masking

import "hash/maphash"

// Memo remembers, for one goroutine, what its Masker decided about the
// keys and the short clean values it has seen, so that telemetry, whose
// attribute keys and many of whose values repeat from record to record,
// is classified and scanned once rather than per record. Every result is
// the Masker's own: the Masker is a pure function of its config, so a memo
// changes how fast, never what. A Memo is not safe for concurrent use;
// hold one per goroutine (e.g. in a sync.Pool).
type Memo struct {
	m    *Masker
	seed maphash.Seed
	keys [memoKeys]memoKey
	// last is the key looked up last: a walk asks Inspect, then masks
	// the value under the same key.
	last memoKey
	// clean holds values that MaskString left unchanged, under their key
	// class (and their key, when rules, which match keys, exist).
	clean [memoValues]memoValue
}

const (
	memoKeys   = 256 // direct-mapped entries; a power of two
	memoValues = 1024
	// memoMaxKey and memoMaxValue bound what is remembered: longer keys
	// and values are rare to repeat, and the memo keeps them alive.
	memoMaxKey   = 96
	memoMaxValue = 128
)

type memoKey struct {
	key     string
	class   keyClass
	inspect bool
	ok      bool
}

type memoValue struct {
	s, key string
	class  keyClass
	ok     bool
}

// NewMemo returns an empty memo for m.
func (m *Masker) NewMemo() *Memo { return &Memo{m: m, seed: maphash.MakeSeed()} }

// key returns the entry of key, computing it on a miss.
func (c *Memo) key(key string) memoKey {
	if c.last.ok && c.last.key == key {
		return c.last
	}
	if len(key) > memoMaxKey {
		return memoKey{key: key, class: c.m.classify(key), inspect: c.m.Inspect(key), ok: true}
	}
	e := &c.keys[maphash.String(c.seed, key)&(memoKeys-1)]
	if !e.ok || e.key != key {
		*e = memoKey{key: key, class: c.m.classify(key), inspect: c.m.Inspect(key), ok: true}
	}
	c.last = *e
	return *e
}

// class is Masker.classify, remembered ("" has none).
func (c *Memo) class(key string) keyClass {
	if key == "" {
		return 0
	}
	return c.key(key).class
}

// Inspect is Masker.Inspect, remembered.
func (c *Memo) Inspect(key string) bool { return c.key(key).inspect }

// SecretKey is Masker.SecretKey, remembered.
func (c *Memo) SecretKey(key string) bool { return c.class(key)&keySecret != 0 }

// ContextKey is Masker.ContextKey, remembered.
func (c *Memo) ContextKey(key string) bool { return c.class(key)&(keyBank|keyToken) != 0 }

// MaskStringIn is Masker.MaskStringIn; a short value it found clean under
// the same key class (and key, with rules) before is returned at once.
func (c *Memo) MaskStringIn(parent, key, s string, counts []int64) (string, bool) {
	kc := c.class(key)
	if kc == 0 && parent != "" {
		kc = parentClass(c.class(parent))
	}
	if len(s) > memoMaxValue || s == "" {
		return c.m.maskClassed(kc, key, s, counts)
	}
	rkey := "" // the key matters beyond its class only to rules
	if len(c.m.rules) > 0 {
		rkey = key
	}
	h := maphash.String(c.seed, s) ^ uint64(kc)*0x9e3779b97f4a7c15
	if rkey != "" {
		h ^= maphash.String(c.seed, rkey) * 0xbf58476d1ce4e5b9
	}
	e := &c.clean[h&(memoValues-1)]
	if e.ok && e.class == kc && e.s == s && e.key == rkey {
		return s, false
	}
	out, changed := c.m.maskClassed(kc, key, s, counts)
	if !changed {
		*e = memoValue{s: s, key: rkey, class: kc, ok: true}
	}
	return out, changed
}

// MaskIntIn is Masker.MaskIntIn with the key classes remembered.
func (c *Memo) MaskIntIn(parent, key string, v int64, counts []int64) (string, bool) {
	return c.m.maskIntClassed(c.class(key), c.class(parent), v, counts)
}
