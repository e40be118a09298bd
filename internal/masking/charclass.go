package masking

// Byte classes used by every scanner. Bytes >= 0x80 belong to no class, so
// Korean (or any non-ASCII) text next to a number is a word boundary.
const (
	clsDigit uint8 = 1 << iota
	clsUpper
	clsLower
	clsUnderscore
	clsHex
	clsB64URL // A-Z a-z 0-9 - _
	clsB64    // A-Z a-z 0-9 + / (standard base64, without '=')
	clsSpace

	clsAlpha = clsUpper | clsLower
	clsAlnum = clsAlpha | clsDigit
	clsWord  = clsAlnum | clsUnderscore
)

var class = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] |= clsDigit | clsHex | clsB64URL | clsB64
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] |= clsUpper | clsB64URL | clsB64
		t[c+'a'-'A'] |= clsLower | clsB64URL | clsB64
	}
	for _, c := range "abcdefABCDEF" {
		t[c] |= clsHex
	}
	t['_'] |= clsUnderscore | clsB64URL
	t['-'] |= clsB64URL
	t['+'] |= clsB64
	t['/'] |= clsB64
	for _, c := range " \t\r\n\f\v" {
		t[c] |= clsSpace
	}
	return t
}()

func is(c byte, cls uint8) bool { return class[c]&cls != 0 }

func isDigit(c byte) bool { return c-'0' < 10 }

func isWord(c byte) bool { return class[c]&clsWord != 0 }

// lower folds an ASCII letter to lower case.
func lower(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether s[i:] starts with the lower-case ASCII word p, ignoring case.
func hasPrefixFold(s string, i int, p string) bool {
	if len(s)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if lower(s[i+k]) != p[k] {
			return false
		}
	}
	return true
}

// wordBoundaryBefore reports whether position i starts a token: the byte
// before it is not a word byte.
func wordBoundaryBefore(s string, i int) bool { return i == 0 || !isWord(s[i-1]) }

// wordBoundaryAfter reports whether position j ends a token.
func wordBoundaryAfter(s string, j int) bool { return j >= len(s) || !isWord(s[j]) }
