package masking

// numericBoundaryBefore reports whether a number may start at i. Digits
// after '.' belong to versions and OIDs; digits after "word-" belong to ids
// such as ORD-2024….
func numericBoundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	p := s[i-1]
	if isWord(p) || p == '.' {
		return false
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

// luhn reports whether the digits pass the Luhn check.
func luhn(d []byte) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// cardDigitsValid reports whether d (digits only) is a plausible payment
// card number: 13 to 19 digits, a major-industry digit used by card
// schemes (2-6 and 9 for Korean domestic cards; 1 is airlines and epoch
// milliseconds, 7 and 8 are fuel and telecom) and a valid Luhn check.
func cardDigitsValid(d []byte) bool {
	if len(d) < 13 || len(d) > 19 {
		return false
	}
	switch d[0] {
	case '2', '3', '4', '5', '6', '9':
	default:
		return false
	}
	return luhn(d)
}

// scanCard matches a card number at i: 13-19 digits, contiguous or in
// groups of 3-6 separated by one kind of separator (' ' or '-'). When the
// groups run on past a valid number (a card followed by another number), the
// longest valid prefix of whole groups wins.
func scanCard(s string, i int) int {
	var d [19]byte
	nd := 0
	var groupEnd [8]int // byte offset after each group
	var groupDigits [8]int
	ng := 0
	var sep byte
	j := i
	for {
		e := digitsAt(s, j)
		g := e - j
		if nd+g > 19 {
			if ng == 0 {
				return 0 // one run of more than 19 digits: not a card
			}
			break
		}
		copy(d[nd:], s[j:e])
		nd += g
		groupEnd[ng], groupDigits[ng] = e, nd
		ng++
		if ng == len(groupEnd) || e+1 >= len(s) || !isDigit(s[e+1]) {
			break
		}
		c := s[e]
		if c != ' ' && c != '-' {
			break
		}
		if sep == 0 {
			sep = c
		} else if c != sep {
			break
		}
		j = e + 1
	}
	for k := ng - 1; k >= 0; k-- {
		if groupDigits[k] < 13 {
			break
		}
		if k > 0 && !groupsFit(groupEnd[:k+1], groupDigits[:k+1]) {
			continue
		}
		end := groupEnd[k]
		if k < ng-1 && sep == '-' {
			continue // "4111-1111-1111-1111-22" is one dashed token
		}
		if !numericBoundaryAfter(s, end) {
			continue
		}
		if cardDigitsValid(d[:groupDigits[k]]) {
			return end
		}
	}
	return 0
}

// groupsFit reports whether every group has 3 to 6 digits (4-4-4-4, 4-6-5, …).
func groupsFit(_ []int, cum []int) bool {
	prev := 0
	for _, c := range cum {
		g := c - prev
		if g < 3 || g > 6 {
			return false
		}
		prev = c
	}
	return true
}

// scanRRN matches a Korean resident or foreigner registration number at i:
// YYMMDD-GNNNNNN (or 13 digits) with a real date and G in 1-8.
func scanRRN(s string, i int, policy CheckDigitPolicy) int {
	e := digitsAt(s, i)
	var d [13]byte
	dashed := false
	switch e - i {
	case 6:
		if e+8 > len(s) || s[e] != '-' || digitsAt(s, e+1) != e+8 {
			return 0
		}
		copy(d[:6], s[i:e])
		copy(d[6:], s[e+1:e+8])
		e += 8
		dashed = true
	case 13:
		copy(d[:], s[i:e])
	default:
		return 0
	}
	if !numericBoundaryAfter(s, e) || !rrnDateValid(d[:]) {
		return 0
	}
	// Undashed 13-digit numbers are mostly epoch milliseconds (17MMDD… in
	// 2024); a bare number is only taken for a birth year of 1920 or later.
	if !dashed && (d[6] == '1' || d[6] == '2' || d[6] == '5' || d[6] == '6') && d[0] < '2' {
		return 0
	}
	need := policy == CheckDigitStrict || (policy == CheckDigitLenient && !dashed)
	if need && !rrnCheckValid(d[:]) {
		return 0
	}
	return e
}

func rrnDateValid(d []byte) bool {
	g := d[6]
	var century int
	switch g {
	case '1', '2', '5', '6':
		century = 1900
	case '3', '4', '7', '8':
		century = 2000
	default:
		return false
	}
	y := century + int(d[0]-'0')*10 + int(d[1]-'0')
	mo := int(d[2]-'0')*10 + int(d[3]-'0')
	day := int(d[4]-'0')*10 + int(d[5]-'0')
	if mo < 1 || mo > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[mo]
	if mo == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return day <= days
}

// rrnCheckValid verifies the mod-11 check digit; foreigner numbers (G 5-8)
// add 2 to it.
func rrnCheckValid(d []byte) bool {
	w := [12]int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for k := range 12 {
		sum += int(d[k]-'0') * w[k]
	}
	c := (11 - sum%11) % 10
	if d[6] >= '5' {
		c = (c + 2) % 10
	}
	return c == int(d[12]-'0')
}

// scanKRPhone matches a Korean phone number at i: 01X-XXX(X)-XXXX mobile
// (also without separators), 02-, 0[3-6][1-5]- and 070- landlines with
// separators ('-', ' ' or '.', the same twice).
func scanKRPhone(s string, i int) int {
	if s[i] != '0' {
		return 0
	}
	e := digitsAt(s, i)
	n := e - i
	mobile := n >= 3 && s[i+1] == '1' && (s[i+2] == '0' || s[i+2] == '1' || s[i+2] >= '6')
	// Contiguous mobile numbers: 010 + 8 digits, 01[16-9] + 7 or 8.
	if mobile && (n == 11 || (n == 10 && s[i+2] != '0')) {
		if numericBoundaryAfter(s, e) {
			return e
		}
		return 0
	}
	switch {
	case mobile && n == 3:
	case n == 2 && s[i+1] == '2':
	case n == 3 && s[i+1] >= '3' && s[i+1] <= '6' && s[i+2] >= '1' && s[i+2] <= '5':
	case n == 3 && s[i+1] == '7' && s[i+2] == '0':
	default:
		return 0
	}
	return phoneTail(s, e)
}

// phoneTail matches sep XXX(X) sep XXXX at j, the same separator twice.
func phoneTail(s string, j int) int {
	if j+1 >= len(s) {
		return 0
	}
	sep := s[j]
	if sep != '-' && sep != ' ' && sep != '.' {
		return 0
	}
	a := j + 1
	b := digitsAt(s, a)
	if b-a < 3 || b-a > 4 || b+1 >= len(s) || s[b] != sep {
		return 0
	}
	c := digitsAt(s, b+1)
	if c-(b+1) != 4 || !numericBoundaryAfter(s, c) {
		return 0
	}
	return c
}

// scanE164 matches an international number at '+' position i: +CC and 8 to
// 15 digits in all, in groups separated by single spaces, dashes or dots (or
// one "(0)" trunk prefix). When the groups run on into something else, the
// longest run of whole groups that ends on a boundary wins.
func scanE164(s string, i int) int {
	if !wordBoundaryBefore(s, i) || i+1 >= len(s) || !isDigit(s[i+1]) || s[i+1] == '0' {
		return 0
	}
	var ends, counts [16]int
	ng := 0
	j := i + 1
	nd := 0
	for ng < len(ends) {
		e := digitsAt(s, j)
		if nd+e-j > 15 {
			break
		}
		nd += e - j
		ends[ng], counts[ng] = e, nd
		ng++
		if e+1 >= len(s) {
			break
		}
		c := s[e]
		if (c == ' ' || c == '-' || c == '.') && isDigit(s[e+1]) {
			j = e + 1
			continue
		}
		if (c == ' ' || c == '-') && e+4 < len(s) && s[e+1:e+4] == "(0)" {
			j = e + 4
			if j < len(s) && (s[j] == ' ' || s[j] == '-') {
				j++
			}
			if j >= len(s) || !isDigit(s[j]) {
				break
			}
			continue
		}
		break
	}
	for k := ng - 1; k >= 0 && counts[k] >= 8; k-- {
		if numericBoundaryAfter(s, ends[k]) {
			return ends[k]
		}
	}
	return 0
}

// scanIPv4 matches a dotted-quad address at i; OIDs and longer dotted
// numbers are left alone by the boundary checks.
func scanIPv4(s string, i int) int {
	j := i
	for k := range 4 {
		e := digitsAt(s, j)
		l := e - j
		if l == 0 || l > 3 || (l > 1 && s[j] == '0') {
			return 0
		}
		v := 0
		for _, c := range []byte(s[j:e]) {
			v = v*10 + int(c-'0')
		}
		if v > 255 {
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
	if !numericBoundaryAfter(s, j) {
		return 0
	}
	return j
}
