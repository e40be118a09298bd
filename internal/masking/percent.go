package masking

import (
	"strings"
	"unsafe"
)

// maxDecoded bounds the percent-encoded span that is decoded.
const maxDecoded = 256

// isURLDelim reports whether c ends a percent-encoded query value or path
// segment.
func isURLDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '&', '?', '=', '/', '"', '\'', '<', '>', ';', ',', '[', ']', '{', '}', '|', '\\', '#':
		return true
	}
	return false
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0xff
}

// escapeAt returns the byte an escape at j encodes and the escape's length:
// %XY, or the JSON escape \u00XY; 0 when there is none.
func escapeAt(s string, j int) (byte, int) {
	switch {
	case s[j] == '%' && j+2 < len(s) && unhex(s[j+1]) != 0xff && unhex(s[j+2]) != 0xff:
		return unhex(s[j+1])<<4 | unhex(s[j+2]), 3
	case s[j] == '\\' && j+5 < len(s) && s[j+1] == 'u' && s[j+2] == '0' && s[j+3] == '0' && unhex(s[j+4]) != 0xff && unhex(s[j+5]) != 0xff:
		return unhex(s[j+4])<<4 | unhex(s[j+5]), 6
	}
	return 0, 0
}

// percent decodes the percent- or \u-encoded value around the escape at i
// (email=kim%40example.com, tel=%2B82%2010-1234-5678, kim\u0040example.com), runs the detectors
// on the decoded text and maps what they find back to the original. It
// returns end 0 when nothing was found.
func (m *Masker) percent(s string, i, last int, kc keyClass, ms []Match) ([]Match, int) {
	c0, n0 := escapeAt(s, i)
	if c0 == ' ' && n0 == 3 && m.enabled[Secret] {
		// Your%20code%20is%20482913: prose with encoded spaces.
		if a, e := m.spacedProse(s, i, last, "%20"); e > 0 && !m.touchesMask(s, a, e) {
			return append(ms, Match{Secret, a, e}), e
		}
		return ms, 0
	}
	if n0 == 0 || (c0 != '@' && c0 != '+' && c0 != '=' && c0 != ':') {
		return ms, 0
	}
	// An encoded '+' starts a phone number whose spaces may be raw or
	// form-encoded as '+': tel=%2B1 (415) 555-2671, %2B1+(415)+555-2671.
	phone := c0 == '+' && s[i] == '%' // URL encoding, where a raw '+' is a space
	a := i
	for a > last && i-a < maxDecoded/2 && !isURLDelim(s[a-1]) {
		a--
	}
	if phone {
		// The longer span may hold something raw (or nothing) where the
		// plain one, up to the first delimiter, does not: try both, in a
		// fixed order, so a second pass decides the same way.
		if out, end := m.decodeSpan(s, a, i, true, kc, ms); end > 0 {
			return out, end
		}
	}
	return m.decodeSpan(s, a, i, false, kc, ms)
}

// decodeSpan decodes s from a (the escape that triggered is at i), runs the
// detectors on the decoded text and maps their matches back; in phone
// mode raw or '+'-encoded spaces before a digit or '(' are part of it.
func (m *Masker) decodeSpan(s string, a, i int, phone bool, kc keyClass, ms []Match) ([]Match, int) {
	var dec [maxDecoded]byte
	var from, to [maxDecoded]uint16 // the original span of each decoded byte, from a
	n := 0
	for j := a; j < len(s) && n < maxDecoded; n++ {
		from[n] = uint16(j - a)
		if c, w := escapeAt(s, j); w > 0 {
			dec[n] = c
			j += w
		} else if phone && j > i && (s[j] == ' ' || s[j] == '+') && j+1 < len(s) && (isDigit(s[j+1]) || s[j+1] == '(') {
			dec[n] = ' '
			j++
		} else if isURLDelim(s[j]) {
			break
		} else {
			dec[n] = s[j]
			j++
		}
		to[n] = uint16(j - a)
	}
	// What the span says undecoded comes first: the main scan will find it
	// there, so a second pass (which may no longer decode the span the same
	// way once part of it is masked) sees the same.
	var buf [4]Match
	if n == 0 {
		return ms, 0
	}
	span := s[a : a+int(to[n-1])]
	if se := a + len(span); phone && se+1 < len(s) && (s[se] == ' ' || s[se] == '+') && maskStartsAt(s, se+1) {
		return ms, 0 // the phone span stops at our mask: it held more on the first pass
	}
	if strings.Contains(span, "****") || strings.Contains(span, redactPrefix) || strings.Contains(span, hashPrefix) ||
		m.touchesMask(s, a, a+len(span)) || len(m.sub(s[:a+len(span)], a, kc|scanRaw, buf[:0])) > 0 {
		return ms, 0 // masked already in part or next to a mask, or the raw text holds something
	}
	// The decoded text lives on this stack frame only for the scan below,
	// which keeps no reference to it.
	d := unsafe.String(&dec[0], n)
	found := m.sub(d, 0, kc, buf[:0])
	end := 0
	for _, f := range found {
		ms = append(ms, Match{f.Kind, a + int(from[f.Start]), a + int(to[f.End-1])})
		end = a + int(to[f.End-1])
	}
	return ms, end
}
