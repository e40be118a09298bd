package masking

import "strings"

// Korean bank account numbers have 10 to 14 digits.
const (
	minBankDigits = 10
	maxBankDigits = 14
)

// scanBankAccount matches the shape of an account number at i: a bare run
// of 10-14 digits, or 2-4 dashed groups (first group 3-6 digits, the others
// 2-7) with 10-14 digits in all: 110-123-456789, 3333-12-3456789,
// 123456-12-123456, 123-1234-1234-12. The shape alone is not enough: the
// caller requires bank context.
func scanBankAccount(s string, i int) int {
	j, total := i, 0
	for groups := 1; ; groups++ {
		e := digitsAt(s, j)
		g := e - j
		total += g
		if total > maxBankDigits {
			return 0
		}
		more := groups < 4 && e+1 < len(s) && s[e] == '-' && isDigit(s[e+1])
		switch {
		case groups == 1 && more:
			if g < 3 || g > 6 {
				return 0
			}
		case groups == 1:
			if g < minBankDigits {
				return 0
			}
		case g < 2 || g > 7:
			return 0
		}
		if more {
			j = e + 1
			continue
		}
		if total < minBankDigits || !numericBoundaryAfter(s, e) {
			return 0
		}
		return e
	}
}

// bankShaped reports whether all of v (spaces trimmed) is an account number.
func bankShaped(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && isDigit(v[0]) && scanBankAccount(v, 0) == len(v)
}
