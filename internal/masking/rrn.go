package masking

// rrnKeys are key and column words that name a registration number
// (jumin_no, rrn, 주민번호): under them the lenient policy accepts an
// undashed number without its check digit too, as it does a dashed one.
var rrnKeys = []string{"jumin", "juminno", "rrn", "resident_no", "resident_number", "주민번호", "주민등록번호"}

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
