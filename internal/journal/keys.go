package journal

import "encoding/binary"

// Key namespaces. Every client key starts with clientNamespace; the reclaim
// marker lives outside it, so no client can see or collide with it.
const (
	clientNamespace = 'c'
	markerNamespace = 'r'
)

// reclaimMarker is written and dropped to make Badger flush its memtables.
var reclaimMarker = []byte{markerNamespace, 'f', 'l', 'u', 's', 'h'}

// Prefix returns the key prefix of one client named by parts (the extension
// passes the component kind, ID and storage name). Each part is written with
// its length in front, so no client's prefix is a prefix of another's
// whatever characters the parts contain.
func Prefix(parts ...string) []byte {
	p := []byte{clientNamespace}
	for _, s := range parts {
		p = binary.AppendUvarint(p, uint64(len(s)))
		p = append(p, s...)
	}
	return p
}

// join returns prefix+key in a new slice; Badger keeps the slice until commit.
func join(prefix []byte, key string) []byte {
	k := make([]byte, len(prefix)+len(key))
	copy(k, prefix)
	copy(k[len(prefix):], key)
	return k
}
