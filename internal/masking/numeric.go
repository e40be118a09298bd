package masking

// numericBoundaryBefore reports whether a number may start at i. Digits
// after '.' belong to versions and OIDs; digits after "word-" belong to ids
// such as ORD-2024….
func numericBoundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	p := s[i-1]
	if isWord(p) {
		return false
	}
	if p == '.' {
		// An ellipsis ends what stands before: "a[x]...10.1.2.3[y]".
		return i >= 3 && s[i-2] == '.' && s[i-3] == '.'
	}
	if p == '-' && i >= 2 && isWord(s[i-2]) {
		return false
	}
	return true
}

// numericBoundaryAfter reports whether a number may end at j: not inside a
// word, an e-mail local part, a dotted number or a dashed id.
func numericBoundaryAfter(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	c := s[j]
	if isWord(c) || c == '@' {
		return false
	}
	if (c == '.' || c == '-') && j+1 < len(s) && isDigit(s[j+1]) {
		return false
	}
	return true
}

// digitsAt returns the end of the run of digits starting at i.
func digitsAt(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
