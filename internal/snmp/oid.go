package snmp

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// normalizeOID returns oid in gosnmp's form, with a leading dot, after
// checking that it is a dotted list of decimal sub-identifiers.
func normalizeOID(oid string) (string, error) {
	s := strings.TrimPrefix(strings.TrimSpace(oid), ".")
	if s == "" {
		return "", errors.New("empty OID")
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return "", fmt.Errorf("OID %q has an empty sub-identifier", oid)
		}
		if _, err := strconv.ParseUint(part, 10, 32); err != nil {
			return "", fmt.Errorf("OID %q: sub-identifier %q is not a number below 2^32", oid, part)
		}
	}
	return "." + s, nil
}

// indexSuffix returns the part of name after prefix and a dot, and whether
// name lies under prefix at all.
func indexSuffix(name, prefix string) (string, bool) {
	if len(name) <= len(prefix)+1 || name[len(prefix)] != '.' || name[:len(prefix)] != prefix {
		return "", false
	}
	return name[len(prefix)+1:], true
}

// compareOIDs compares two dotted OIDs numerically, sub-identifier by
// sub-identifier, without allocating. It returns -1, 0 or 1.
func compareOIDs(a, b string) int {
	a = strings.TrimPrefix(a, ".")
	b = strings.TrimPrefix(b, ".")
	for a != "" && b != "" {
		var x, y string
		x, a = cutDot(a)
		y, b = cutDot(b)
		if len(x) != len(y) {
			if len(x) < len(y) {
				return -1
			}
			return 1
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	default:
		return 1
	}
}

func cutDot(s string) (head, rest string) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// parseUintPrefix parses the leading decimal sub-identifier of s and returns
// it with the rest of s after the dot.
func parseUintPrefix(s string) (uint64, string, bool) {
	head, rest := cutDot(s)
	if head == "" || len(head) > 10 {
		return 0, "", false
	}
	var v uint64
	for i := 0; i < len(head); i++ {
		c := head[i]
		if c < '0' || c > '9' {
			return 0, "", false
		}
		v = v*10 + uint64(c-'0')
	}
	if v > 0xFFFFFFFF {
		return 0, "", false
	}
	return v, rest, true
}
