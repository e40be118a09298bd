package masking

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
	// The schemes' lengths: 13 digits only Visa, 14 Diners Club (30, 36,
	// 38, 39), 15 American Express (34, 37); 16 to 19 every scheme. A 14-
	// digit message id or counter that happens to pass Luhn is no card.
	switch len(d) {
	case 13:
		if d[0] != '4' {
			return false
		}
	case 14:
		if d[0] != '3' || d[1] != '0' && d[1] != '6' && d[1] != '8' && d[1] != '9' {
			return false
		}
	case 15:
		if d[0] != '3' || d[1] != '4' && d[1] != '7' {
			return false
		}
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

// negativeNumber reports whether the digits at i carry a minus sign: a '-'
// right before them that follows no letter or digit ("uniqueQualifier":
// "-9138575389034925967", a signed 64-bit id). A card number has no sign.
func negativeNumber(s string, i int) bool {
	return i > 0 && s[i-1] == '-' && (i == 1 || !is(s[i-2], clsAlnum))
}
