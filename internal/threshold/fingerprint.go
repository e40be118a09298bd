package threshold

import "strconv"

// Deterministic hashes (no per-process seed), so keys and fingerprints
// persisted before a restart still match after it.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString folds s into h eight bytes at a time (FNV-1a for the tail);
// the identity of every point is hashed, so this is on the hot path.
func hashString(h uint64, s string) uint64 {
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ v) * 0x9e3779b97f4a7c15
		h ^= h >> 32
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	return h * fnvPrime
}

// mix finalises a hash (splitmix64) so sums of pair hashes spread well.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// identityHash is the identity of a source series: every resource and point
// attribute, independent of their order.
func identityHash(res, attrs []KV) uint64 {
	return identityWith(resourceSum(res), len(res), attrs)
}

// resourceSum is the resource's part of identityHash, computed once per
// resource rather than once per point.
func resourceSum(res []KV) uint64 {
	var sum uint64
	for i := range res {
		sum += mix(hashString(hashByte(hashString(hashByte(fnvOffset, 1), res[i].Key), 0xff), res[i].Value))
	}
	return sum
}

func identityWith(resSum uint64, nres int, attrs []KV) uint64 {
	sum := resSum
	for i := range attrs {
		sum += mix(hashString(hashByte(hashString(hashByte(fnvOffset, 2), attrs[i].Key), 0xff), attrs[i].Value))
	}
	return mix(sum + uint64(nres)<<32 + uint64(len(attrs)))
}

// groupHash is the identity of a group: the group_by attributes' values,
// looked up on the point first, then on the resource.
func groupHash(groupBy []string, res, attrs []KV) uint64 {
	h := uint64(fnvOffset)
	for _, k := range groupBy {
		h = hashString(h, k)
		v, ok := lookup(attrs, k)
		if !ok {
			v, ok = lookup(res, k)
		}
		if ok {
			h = hashByte(h, 0xfe)
			h = hashString(h, v)
		}
		h = hashByte(h, 0xff)
	}
	return h
}

// fingerprint identifies an alert: the rule name and the sorted labels.
func fingerprint(rule string, labels []Label) uint64 {
	h := hashString(uint64(fnvOffset), rule)
	for _, l := range labels {
		h = hashByte(h, 0xff)
		h = hashString(h, l.Name)
		h = hashByte(h, 0xfe)
		h = hashString(h, l.Value)
	}
	return h
}

// FormatFingerprint renders a fingerprint as 16 hex digits.
func FormatFingerprint(fp uint64) string {
	s := strconv.FormatUint(fp, 16)
	for len(s) < 16 {
		s = "0" + s
	}
	return s
}
