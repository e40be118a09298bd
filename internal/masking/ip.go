package masking

import (
	"net/netip"
	"strings"
)

// scanIPv4 matches a dotted-quad address at i; OIDs and longer dotted
// numbers are left alone by the boundary checks.
func scanIPv4(s string, i int) int {
	j := i
	for k := range 4 {
		e := octet(s, j, false)
		if e == 0 && j < len(s) && s[j] == '0' && zeroPadded(s, i) {
			e = octet(s, j, true)
		}
		if e == 0 {
			return 0
		}
		j = e
		if k < 3 {
			if j >= len(s) || s[j] != '.' {
				return 0
			}
			j++
		}
	}
	if !numericBoundaryAfter(s, j) && !db2AppIDTail(s, j) {
		return 0
	}
	return j
}

// db2AppIDTail reports whether the dotted quad ending at j is the address
// of a Db2 application id (APPID: 192.168.1.10.50001.240101093015): a port
// of up to five digits and a 12-digit timestamp follow it. An OID or a
// longer version has short parts there.
func db2AppIDTail(s string, j int) bool {
	if j >= len(s) || s[j] != '.' {
		return false
	}
	e := digitsAt(s, j+1)
	if l := e - j - 1; l == 0 || l > 5 || e >= len(s) || s[e] != '.' {
		return false
	}
	f := digitsAt(s, e+1)
	return f-e-1 == 12 && (f == len(s) || !isWord(s[f]) && s[f] != '.')
}

// scanIPv6 matches an IPv6 address around the ':' at p.
func scanIPv6(s string, p, last int) (int, int) {
	a := p
	for a > last && p-a < 40 && (is(s[a-1], clsHex) || s[a-1] == ':') {
		a--
	}
	prefixed := false
	if a >= 3 && a+2 < p && s[a] == '6' && s[a+1] == ':' && hasPrefixFold(s, a-3, "ipv") {
		a += 2 // Samba's "ipv6:2001:db8::1:445", as its "ipv4:10.1.2.3:445"
		prefixed = true
	}
	if a > 0 && (isWord(s[a-1]) || s[a-1] == '.' || s[a-1] == '*') {
		return 0, 0 // '*': the kept tail of a partial mask, e.g. ****::1
	}
	e := p
	colons := 0
	for e < len(s) && e-a < 45 && (is(s[e], clsHex) || s[e] == ':' || s[e] == '.') {
		if s[e] == ':' {
			colons++
		}
		e++
	}
	// A sentence may end in '.', a message in "addr: ..."; never trim "::".
	if e > p && s[e-1] == '.' {
		e--
	} else if e > p && e >= 2 && s[e-1] == ':' && s[e-2] != ':' && (e == len(s) || s[e] == ' ') {
		e--
	}
	if colons < 2 || (e < len(s) && isWord(s[e])) {
		return 0, 0
	}
	// Cheap shape check before the parser (whose errors allocate): eight
	// groups, or seven with an embedded IPv4, unless "::" compresses them.
	v := s[a:e]
	if !strings.Contains(v, "::") && colons != 7 && !(colons == 6 && strings.Contains(v, ".")) {
		return 0, 0
	}
	if !strings.ContainsAny(v, "0123456789") {
		return 0, 0 // letters only ("CEF::|…", "dead::beef"): a word, not an address in a log
	}
	addr, err := netip.ParseAddr(v)
	if err != nil && prefixed {
		// "ipv6:ADDR:PORT": the last group is a decimal port.
		if c := strings.LastIndexByte(v, ':'); c > 0 && c+1 < len(v) && allDigits(v[c+1:]) {
			addr, err = netip.ParseAddr(v[:c])
		}
	}
	if err != nil || !addr.Is6() {
		return 0, 0
	}
	return a, e
}

// netmask reports whether the dotted quad v is a subnet mask (255.255.255.0,
// 255.255.240.0): it starts with 255 and its bits are contiguous ones. A
// mask names no host.
func netmask(v string) bool {
	if len(v) < 7 || v[:4] != "255." {
		return false
	}
	var bits uint32
	n := 0
	for k := 0; k <= len(v); k++ {
		if k == len(v) || v[k] == '.' {
			bits = bits<<8 | uint32(n)
			n = 0
			continue
		}
		n = n*10 + int(v[k]-'0')
	}
	inv := ^bits
	return inv&(inv+1) == 0 // ones then zeros
}

// zeroPadded reports whether the dotted quad at i is written with every
// part in three digits (010.001.020.003), as some firewalls and mainframe
// logs print addresses: a version has no leading zeros in all four parts.
func zeroPadded(s string, i int) bool {
	if i+15 > len(s) {
		return false
	}
	for k := range 4 {
		p := i + 4*k
		if digitsAt(s, p) != p+3 || k < 3 && s[p+3] != '.' {
			return false
		}
	}
	return true
}

// scanDashedIPv4 matches an address written with dashes in a host name:
// ip-10-1-2-3.ec2.internal (AWS), 10-1-2-3.default.pod.cluster.local
// (Kubernetes), at the first digit i. The quad must follow "ip-" or be the
// first label of a name of at least three labels, its parts without
// leading zeros: dashed dates, codes and ids stay.
func scanDashedIPv4(s string, i int) int {
	j := i
	for k := range 4 {
		if j = octet(s, j, false); j == 0 {
			return 0
		}
		if k < 3 {
			if j >= len(s) || s[j] != '-' {
				return 0
			}
			j++
		}
	}
	if j < len(s) && (isWord(s[j]) || s[j] == '-') {
		return 0
	}
	if i >= 3 && hasPrefixFold(s, i-3, "ip-") && (i == 3 || !isWord(s[i-4]) && s[i-4] != '-') {
		return j
	}
	if i > 0 && (isWord(s[i-1]) || s[i-1] == '-' || s[i-1] == '.') {
		return 0
	}
	// A host name: two more labels, the first one starting with a letter.
	if j+1 >= len(s) || s[j] != '.' || !is(s[j+1], clsAlpha) {
		return 0
	}
	e := j + 1
	for e < len(s) && (isWord(s[e]) || s[e] == '-') {
		e++
	}
	if e+1 >= len(s) || s[e] != '.' || !is(s[e+1], clsAlpha) {
		return 0
	}
	return j
}

// octet returns the end of a decimal octet (0 to 255) at j, or 0; a
// leading zero only when padded.
func octet(s string, j int, padded bool) int {
	e := digitsAt(s, j)
	l := e - j
	if l == 0 || l > 3 || l > 1 && s[j] == '0' && !padded {
		return 0
	}
	v := 0
	for _, c := range []byte(s[j:e]) {
		v = v*10 + int(c-'0')
	}
	if v > 255 {
		return 0
	}
	return e
}
