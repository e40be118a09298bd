package masking

// isLocalChar reports whether c may appear in an e-mail local part.
func isLocalChar(c byte) bool {
	return isWord(c) || c == '.' || c == '%' || c == '+' || c == '-'
}

// fileExtensions are "TLDs" that make name@2x.png a file name, not an address.
var fileExtensions = []string{"png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "json", "html", "java", "class", "jar", "log"}

// scanEmail matches an address around the '@' at position at, looking back
// no further than last.
// The '@' is width bytes wide (an HTML entity such as "&#64;" is 5).
func scanEmail(s string, at, width, last int) (int, int) {
	a := at
	for a > last && isLocalChar(s[a-1]) && at-a < 64 {
		a--
	}
	for a < at && !is(s[a], clsAlnum) {
		a++ // a local part starts with a letter or digit
	}
	if a == at || s[at-1] == '.' {
		return 0, 0
	}
	// Domain: labels of [A-Za-z0-9-] separated by dots; the last is a TLD.
	j := at + width
	labels := 0
	tldStart, tldAlpha := 0, true
	end := 0
	for j < len(s) && labels < 16 {
		ls := j
		for j < len(s) && (is(s[j], clsAlnum) || s[j] == '-') {
			j++
		}
		if j == ls || s[ls] == '-' || s[j-1] == '-' {
			break
		}
		labels++
		tldStart, end = ls, j
		tldAlpha = true
		for k := ls; k < j; k++ {
			if !is(s[k], clsAlpha) {
				tldAlpha = false
				break
			}
		}
		if j+1 < len(s) && s[j] == '.' && is(s[j+1], clsAlnum) {
			j++
			continue
		}
		break
	}
	if labels < 2 || !tldAlpha || end-tldStart < 2 || end-tldStart > 24 {
		return 0, 0
	}
	if end < len(s) && (s[end] == '_' || s[end] == '@') {
		return 0, 0
	}
	tld := s[tldStart:end]
	for _, ext := range fileExtensions {
		if len(tld) == len(ext) && hasPrefixFold(tld, 0, ext) {
			return 0, 0
		}
	}
	return a, end
}

// entityAt returns the length of an HTML entity for '@' at i ("&#64;",
// "&#x40;", "&commat;"), or 0.
func entityAt(s string, i int) int {
	for _, ent := range []string{"&#64;", "&#x40;", "&#X40;", "&commat;"} {
		if hasPrefixAt(s, i, ent) {
			return len(ent)
		}
	}
	return 0
}
