package masking

import "strings"

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
		if phoneEnd(s, i, e) {
			return e
		}
		return 0
	}
	if contiguousLandline(s, i, n) && phoneEnd(s, i, e) && !idRun(s, i, n) && !timeKey(s, i) {
		return e // 0212345678, 0311234567: a dialled landline
	}
	switch {
	case mobile && n == 3:
	case n == 2 && s[i+1] == '2':
	case n == 3 && s[i+1] >= '3' && s[i+1] <= '6' && s[i+2] >= '1' && s[i+2] <= '5':
	case n == 3 && s[i+1] == '7' && s[i+2] == '0':
	default:
		return 0
	}
	// "(02) 123-4567": the area code in parentheses, then XXX(X)-XXXX.
	if i > 0 && s[i-1] == '(' && e+2 < len(s) && s[e] == ')' {
		j := e + 1
		if s[j] == ' ' {
			j++
		}
		b := digitsAt(s, j)
		if b-j >= 3 && b-j <= 4 && b+5 <= len(s) && (s[b] == '-' || s[b] == ' ') {
			if c := digitsAt(s, b+1); c-(b+1) == 4 && numericBoundaryAfter(s, c) {
				return c
			}
		}
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
// 15 digits in all, in groups separated by single spaces, dashes or dots (a
// group may stand in parentheses: "(0)" trunk prefixes, area codes). When the groups run on into something else, the
// longest run of whole groups that ends on a boundary wins.
func scanE164(s string, i int) int { return scanE164From(s, i, i+1) }

// scanIntl00 matches a number dialled with the international prefix 00
// instead of '+' (0082-10-1234-5678, 0044 20 7946 0958) at i: 00, a
// country code of one to three digits, then a separator.
func scanIntl00(s string, i int) int {
	if i+4 >= len(s) || s[i] != '0' || s[i+1] != '0' || s[i+2] == '0' {
		return 0
	}
	cc := digitsAt(s, i+2) - (i + 2)
	if cc < 1 || cc > 3 || i+2+cc >= len(s) || (s[i+2+cc] != '-' && s[i+2+cc] != ' ' && s[i+2+cc] != '.') {
		return 0
	}
	return scanE164From(s, i, i+2)
}

// scanE164From is scanE164 for a number that starts at i (a '+' or the
// international prefix) and whose country code starts at j.
func scanE164From(s string, i, j0 int) int {
	if !wordBoundaryBefore(s, i) || j0 >= len(s) || !isDigit(s[j0]) || s[j0] == '0' {
		return 0
	}
	var ends, counts [16]int
	ng := 0
	j := j0
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
		// A group in parentheses: the "(0)" trunk prefix (not dialled from
		// abroad, so not counted) or an area code, +1 (415) 555-2671.
		if (c == ' ' || c == '-') && e+3 < len(s) && s[e+1] == '(' && isDigit(s[e+2]) {
			pe := digitsAt(s, e+2)
			if pe-(e+2) > 4 || pe >= len(s) || s[pe] != ')' {
				break
			}
			if s[e+2:pe] != "0" {
				if nd += pe - (e + 2); nd > 15 {
					break
				}
			}
			j = pe + 1
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
		if phoneEnd(s, i, ends[k]) {
			return ends[k]
		}
	}
	return 0
}

// scanNANP matches a North American number written with its area code in
// parentheses, (NXX) NXX-XXXX, at the area code at i (after the '('): the
// area code and exchange start with 2-9, the line is four digits.
func scanNANP(s string, i int) int {
	if s[i] < '2' || i+13 > len(s) || s[i+3] != ')' {
		return 0
	}
	j := i + 4
	if s[j] == ' ' {
		j++
	}
	if digitsAt(s, j)-j != 3 || s[j] < '2' || j+8 > len(s) || (s[j+3] != '-' && s[j+3] != '.' && s[j+3] != ' ') {
		return 0
	}
	k := j + 4
	if e := digitsAt(s, k); e-k == 4 && numericBoundaryAfter(s, e) {
		return e
	}
	return 0
}

// contiguousLandline reports whether the n digits at i are a Korean
// landline written without separators: 02 and eight digits, a 0[3-6][1-5]
// area code or 070 and seven or eight digits; the subscriber part starts
// with 2-9 (no exchange starts with 0 or 1).
func contiguousLandline(s string, i, n int) bool {
	switch {
	case n == 10 && s[i+1] == '2':
		return s[i+2] >= '2'
	case (n == 10 || n == 11) && s[i+1] >= '3' && s[i+1] <= '6' && s[i+2] >= '1' && s[i+2] <= '5':
		return s[i+3] >= '2'
	case n == 11 && s[i+1] == '7' && s[i+2] == '0':
		return s[i+3] >= '2'
	}
	return false
}

// phoneEnd reports whether a phone number that starts at i may end at j:
// on a numeric boundary, or before the '@' of a dialled SIP or channel
// address (sip:+15136108988@10.0.0.1, PJSIP/01012345678@trunk) whose
// host part is not an e-mail domain (an e-mail address is the e-mail
// detector's).
func phoneEnd(s string, i, j int) bool {
	if numericBoundaryAfter(s, j) {
		return true
	}
	if j+1 >= len(s) || s[j] != '@' || !is(s[j+1], clsAlnum) {
		return false
	}
	if _, e := scanEmail(s, j, 1, i); e > 0 && !ipv4Host(s, j+1) {
		return false
	}
	return true
}

// ipv4Host reports whether a dotted quad starts at j (a SIP host).
func ipv4Host(s string, j int) bool { return scanIPv4(s, j) > 0 }

// keyedPhone matches a bare phone number without '+' or separators, the
// run of digits s[i:e], under a phone key or label (to=, from=, caller,
// recipient, msisdn, phone, mobile, …): ten digits of a North American
// number (area code and exchange start with 2-9), eleven with its 1, or
// 11-13 digits of an international number without '+' (821012345678).
// Epoch seconds and milliseconds start with 1 and fail these shapes.
func keyedPhone(s string, i, e int) int {
	n := e - i
	if !phoneEnd(s, i, e) {
		return 0
	}
	if w := keyWordBefore(s, i); !lastPartIn(w, phoneKeys) && !(len(w) >= 9 && hasPrefixFold(w, len(w)-9, "caller") && (w[len(w)-3] == '-' || w[len(w)-3] == '_') && hasPrefixFold(w, len(w)-2, "id")) {
		return 0 // Caller-ID, caller_id
	}
	switch {
	case n == 10 && s[i] >= '2' && s[i+3] >= '2':
	case n == 11 && s[i] == '1' && s[i+1] >= '2' && s[i+4] >= '2':
	case n >= 11 && n <= 13 && s[i] >= '2':
	default:
		return 0
	}
	return e
}

// phoneKeys are key and label words (last name parts) whose value is a
// phone number.
var phoneKeys = []string{"phone", "tel", "telephone", "mobile", "cell", "cellphone", "msisdn", "caller", "callee", "callerid", "recipient", "receiver",
	"sender", "to", "from", "ani", "dnis", "cli", "fax", "sms", "destination", "dest", "dst", "src", "calling", "called", "hp", "handphone"}

// idNumberWords are last key and label parts that make a bare digit run
// an identifier, not a phone number: commit=0281778064, "id":"01936134785",
// SCN 01789954726 (Oracle's system change number), seq=….
var idNumberWords = []string{"id", "ids", "commit", "scn", "lsn", "seq", "sequence", "sha", "revision", "rev", "build", "uid", "serial", "xid", "txid"}

// phoneNameParts are name parts that make an id a phone number (caller_id).
var phoneNameParts = []string{"caller", "calling", "called", "station", "phone", "tel", "mobile", "msisdn", "contact", "fax", "sms", "cell"}

// idNumberKey reports whether the key or label word before the bare digit
// run at i names an identifier (and no phone).
func idNumberKey(s string, i int) bool {
	w := keyWordBefore(s, i)
	if w == "" || !lastPartIn(w, idNumberWords) {
		return false
	}
	lw := strings.ToLower(w)
	for _, p := range phoneNameParts {
		if strings.Contains(lw, p) {
			return false
		}
	}
	return true
}
