package snmp

import "strings"

// parseIndexPart takes one index component off idx (the OID suffix of a
// row) and returns it as an attribute value with the rest of idx.
func parseIndexPart(ip IndexPart, idx string) (attrVal, string, bool) {
	switch ip.Type {
	case "int":
		v, rest, ok := parseUintPrefix(idx)
		if ip.Format == "string" {
			// The sub-identifier's own text: no allocation.
			return attrVal{s: strings.TrimSuffix(idx[:len(idx)-len(rest)], ".")}, rest, ok
		}
		return attrVal{i: int64(v), isInt: true}, rest, ok
	case "ipv4":
		end := 0
		for range 4 {
			_, r, ok := parseUintPrefix(idx[end:])
			if !ok {
				return attrVal{}, "", false
			}
			end = len(idx) - len(r)
		}
		s := strings.TrimSuffix(idx[:end], ".")
		return attrVal{s: s}, idx[end:], true
	case "string":
		n, rest, ok := parseUintPrefix(idx)
		if !ok || n > 255 {
			return attrVal{}, "", false
		}
		return octets(rest, int(n))
	case "implied_string":
		return octets(idx, -1)
	}
	return attrVal{}, "", false
}

// octets decodes n sub-identifiers (all of them when n < 0) as bytes.
func octets(idx string, n int) (attrVal, string, bool) {
	var buf [256]byte
	b := buf[:0]
	rest := idx
	for (n < 0 && rest != "") || len(b) < n {
		v, r, ok := parseUintPrefix(rest)
		if !ok || v > 255 || len(b) == len(buf) {
			return attrVal{}, "", false
		}
		b = append(b, byte(v))
		rest = r
	}
	if printable(b) {
		return attrVal{s: string(b)}, rest, true
	}
	return attrVal{s: hexColon(b)}, rest, true
}
