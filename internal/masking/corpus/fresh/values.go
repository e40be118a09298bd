package fresh

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Value generators. Every value is built from the seeded source of one
// line, so a seed gives the same corpus on every machine.

var (
	givenKR  = []string{"minji", "jihoon", "seoyeon", "dohyun", "yuna", "hyunwoo", "eunji", "sungmin", "jiwoo", "taeyang", "sora", "junho"}
	familyKR = []string{"kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "shin"}
	givenEN  = []string{"james", "olivia", "noah", "emma", "liam", "ava", "lucas", "mia", "ethan", "chloe"}
	familyEN = []string{"smith", "johnson", "garcia", "miller", "davis", "wilson", "moore", "taylor", "clark", "lewis"}
	domains  = []string{"naver.com", "gmail.com", "kakao.com", "daum.net", "hanmail.net", "outlook.com", "example.co.kr",
		"corp.example.com", "shop.example.kr", "mail.example.org", "yahoo.co.jp", "icloud.com"}
	nameKR   = []string{"김민지", "이지훈", "박서연", "최도현", "정유나", "강현우", "조은지", "윤성민", "장지우", "임태양"}
	banks    = []string{"국민", "신한", "우리", "하나", "농협", "IBK기업", "KB국민은행", "카카오뱅크", "토스뱅크", "케이뱅크", "우체국", "SC제일"}
	banksEN  = []string{"KB Kookmin", "Shinhan", "Woori", "Hana", "NH Nonghyup", "IBK", "KakaoBank", "Toss Bank"}
	words    = []string{"spring", "tiger", "ocean", "maple", "river", "falcon", "winter", "coffee", "lotus", "cobalt", "harbor", "summit"}
	hosts    = []string{"web01", "web02", "api-gw-1", "app-7f9c", "db-primary", "mx1", "ns1", "bastion", "worker-3", "edge-fw01"}
	services = []string{"order-service", "payment-api", "member-svc", "billing", "auth-server", "catalog", "settlement-batch", "notify"}
	paths    = []string{"/api/v1/orders", "/api/v2/members/me", "/login", "/checkout/confirm", "/graphql", "/v1/payments", "/account/refund", "/search"}
)

const (
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upperNum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	hexDigs  = "0123456789abcdef"
	b64url   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	b64std   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
)

func (t *tpl) pick(xs ...string) string { return xs[t.r.IntN(len(xs))] }
func (t *tpl) n(lo, hi int) int         { return lo + t.r.IntN(hi-lo+1) }
func (t *tpl) ns(lo, hi int) string     { return strconv.Itoa(t.n(lo, hi)) }

func (t *tpl) chars(alpha string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alpha[t.r.IntN(len(alpha))]
	}
	return string(b)
}

// mixed returns n characters of alpha with at least one letter and one digit.
func (t *tpl) mixed(alpha string, n int) string {
	for {
		s := t.chars(alpha, n)
		if strings.ContainsAny(s, "0123456789") && strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
			return s
		}
	}
}

func (t *tpl) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + t.r.IntN(10))
	}
	if b[0] == '0' {
		b[0] = '1' + byte(t.r.IntN(9))
	}
	return string(b)
}

// --- people ---

func (t *tpl) user() string {
	if t.r.IntN(3) == 0 {
		return t.pick(givenEN...) + "." + t.pick(familyEN...)
	}
	switch t.r.IntN(3) {
	case 0:
		return t.pick(givenKR...) + "." + t.pick(familyKR...)
	case 1:
		return t.pick(familyKR...) + t.pick(givenKR...) + t.ns(1, 99)
	}
	return t.pick(givenKR...)[:1] + t.pick(familyKR...) + t.ns(70, 99)
}

func (t *tpl) email() string { return t.user() + "@" + t.pick(domains...) }

// login is a user name that is not an e-mail address.
func (t *tpl) login() string { return t.pick(familyKR...) + "_" + t.pick(givenKR...) }

func (t *tpl) krName() string { return t.pick(nameKR...) }

// --- numbers with check digits ---

func luhnDigit(body string) byte {
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// cardDigits is a Luhn-valid Visa, Mastercard, Amex or JCB number.
func (t *tpl) cardDigits() string {
	var body string
	switch t.r.IntN(4) {
	case 0:
		body = "4" + t.chars("0123456789", 14)
	case 1:
		body = "5" + t.ns(1, 5) + t.chars("0123456789", 13)
	case 2:
		body = t.pick("34", "37") + t.chars("0123456789", 12)
	default:
		body = "35" + t.ns(28, 89) + t.chars("0123456789", 11)
	}
	return body + string(luhnDigit(body))
}

// card is a card number as people and systems write it.
func (t *tpl) card() string {
	d := t.cardDigits()
	switch t.r.IntN(3) {
	case 0:
		return d
	case 1:
		sep := t.pick(" ", "-")
		if len(d) == 15 {
			return d[:4] + sep + d[4:10] + sep + d[10:]
		}
		return d[:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:]
	}
	return d
}

// luhnFail is a 16-digit id that fails the Luhn check (a transaction id).
func (t *tpl) luhnFail() string {
	body := t.digits(15)
	c := luhnDigit(body)
	return body + string('0'+(c-'0'+1+byte(t.r.IntN(8)))%10)
}

// rrn is a Korean resident registration number with a real date and a
// valid check digit.
func (t *tpl) rrn(dash bool) string {
	y := t.n(1950, 2012)
	m, d := t.n(1, 12), t.n(1, 28)
	g := byte('1' + byte(t.r.IntN(2)))
	if y >= 2000 {
		g += 2
	}
	if t.r.IntN(10) == 0 { // a foreign resident
		g += 4
	}
	body := fmt.Sprintf("%02d%02d%02d%c%s", y%100, m, d, g, t.chars("0123456789", 5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * w[i]
	}
	s := body + strconv.Itoa((11-sum%11)%10)
	if dash {
		return s[:6] + "-" + s[6:]
	}
	return s
}

// --- phones ---

func (t *tpl) krMobile() string {
	a, b := t.digits(4), t.chars("0123456789", 4)
	switch t.r.IntN(4) {
	case 0:
		return "010" + a + b
	case 1:
		return "010 " + a + " " + b
	}
	return "010-" + a + "-" + b
}

func (t *tpl) krLandline() string {
	switch t.r.IntN(3) {
	case 0:
		return "02-" + t.digits(t.n(3, 4)) + "-" + t.chars("0123456789", 4)
	case 1:
		return "(02) " + t.digits(4) + "-" + t.chars("0123456789", 4)
	}
	return t.pick("031", "032", "051", "053", "062", "064") + "-" + t.digits(3) + "-" + t.chars("0123456789", 4)
}

// intlPhone returns a phone in an international notation and its class.
func (t *tpl) intlPhone() (string, string) {
	switch t.r.IntN(7) {
	case 0:
		return "+82-10-" + t.digits(4) + "-" + t.chars("0123456789", 4), "phone/intl_kr_dash"
	case 1:
		return "+82 10 " + t.digits(4) + " " + t.chars("0123456789", 4), "phone/intl_kr_space"
	case 2:
		return "+1 (" + t.ns(201, 989) + ") " + t.ns(200, 999) + "-" + t.chars("0123456789", 4), "phone/intl_na_paren"
	case 3:
		return "+1-" + t.ns(201, 989) + "-" + t.ns(200, 999) + "-" + t.chars("0123456789", 4), "phone/intl_na_dash"
	case 4:
		return "+44 20 " + t.digits(4) + " " + t.chars("0123456789", 4), "phone/intl_uk"
	case 5:
		return "+81 3-" + t.digits(4) + "-" + t.chars("0123456789", 4), "phone/intl_jp"
	}
	return "+8210" + t.digits(4) + t.chars("0123456789", 4), "phone/e164"
}

// --- bank accounts (Korean shapes) ---

func (t *tpl) bankAccount() string {
	switch t.r.IntN(6) {
	case 0:
		return "110-" + t.digits(3) + "-" + t.chars("0123456789", 6)
	case 1:
		return "3333-" + t.chars("0123456789", 2) + "-" + t.chars("0123456789", 7)
	case 2:
		return "1002-" + t.digits(3) + "-" + t.chars("0123456789", 6)
	case 3:
		return t.digits(6) + "-" + t.chars("0123456789", 2) + "-" + t.chars("0123456789", 6)
	case 4:
		return t.digits(3) + "-" + t.chars("0123456789", 4) + "-" + t.chars("0123456789", 4) + "-" + t.chars("0123456789", 2)
	}
	return t.digits(t.n(11, 14))
}

// --- addresses ---

func (t *tpl) ipv4() string {
	switch t.r.IntN(5) {
	case 0:
		return "10." + t.ns(0, 255) + "." + t.ns(0, 255) + "." + t.ns(1, 254)
	case 1:
		return "192.168." + t.ns(0, 255) + "." + t.ns(1, 254)
	case 2:
		return "172." + t.ns(16, 31) + "." + t.ns(0, 255) + "." + t.ns(1, 254)
	case 3:
		return t.pick("203.0.113.", "198.51.100.", "192.0.2.") + t.ns(1, 254)
	}
	first := t.n(11, 223)
	if first == 127 {
		first = 128
	}
	return itoa(first) + "." + t.ns(1, 255) + "." + t.ns(0, 255) + "." + t.ns(1, 254)
}

func (t *tpl) ipv6() string {
	h := func() string { return strconv.FormatInt(int64(t.n(1, 0xffff)), 16) }
	switch t.r.IntN(4) {
	case 0:
		return "2001:db8:" + h() + ":" + h() + "::" + h()
	case 1:
		return "fe80::" + h() + ":" + h() + ":" + h() + ":" + h()
	case 2:
		return "2406:5900:" + h() + ":" + h() + ":" + h() + ":" + h() + ":" + h() + ":" + h()
	}
	return "2001:db8::" + h()
}

// --- credentials ---

func (t *tpl) password() string {
	switch t.r.IntN(5) {
	case 0:
		w := t.pick(words...)
		return strings.ToUpper(w[:1]) + w[1:] + t.ns(10, 2025) + t.pick("!", "#", "@", "$", "")
	case 1:
		return t.mixed(alnum, t.n(12, 20))
	case 2:
		return t.pick(words...) + t.pick("_", ".", "-") + t.pick(words...) + t.ns(1, 99)
	case 3:
		return "P@ss" + t.chars("0123456789", 4) + t.pick("!", "#", "^")
	}
	return t.mixed(alnum+"!#%^*", t.n(10, 16))
}

// opaque is an opaque bearer or session token.
func (t *tpl) opaque() string {
	switch t.r.IntN(5) {
	case 0:
		return t.mixed(hexDigs, 40)
	case 1:
		return t.mixed(b64url, t.n(32, 48))
	case 2:
		return "hvs." + t.mixed(b64url, 24)
	case 3:
		return t.mixed(alnum, 16) + "." + t.mixed(alnum, 24)
	}
	return t.mixed(alnum, 32)
}

func (t *tpl) awsKeyID() string {
	return t.pick("AKIA", "ASIA") + t.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
}
func (t *tpl) awsSecret() string { return t.mixed(b64std, 40) }
func (t *tpl) googleKey() string { return "AIza" + t.chars(b64url, 35) }
func (t *tpl) githubPAT() string { return "ghp_" + t.mixed(alnum, 36) }
func (t *tpl) stripeKey() string { return t.pick("sk_live_", "rk_live_") + t.mixed(alnum, 24) }
func (t *tpl) gitlabPAT() string { return "glpat-" + t.mixed(alnum+"-_", 20) }
func (t *tpl) basicCred() string {
	return base64.StdEncoding.EncodeToString([]byte(t.login() + ":" + t.password()))
}
func (t *tpl) pemBody() string   { return "MIIEv" + t.chars(b64std, 60) }
func (t *tpl) hexN(n int) string { return t.chars(hexDigs, n) }
func (t *tpl) uuid() string {
	h := t.hexN(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
}
func (t *tpl) traceID() string     { return t.hexN(32) }
func (t *tpl) spanID() string      { return t.hexN(16) }
func (t *tpl) commitSHA() string   { return t.hexN(40) }
func (t *tpl) b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// jwt is a signed token with a realistic header and claims.
func (t *tpl) jwt() string {
	h := t.b64(`{"alg":"` + t.pick("HS256", "RS256", "ES256") + `","typ":"JWT"}`)
	p := t.b64(fmt.Sprintf(`{"sub":"%s","iat":%d,"exp":%d,"scope":"%s"}`, t.uuid(), 1709000000+t.n(0, 9999999), 1719000000+t.n(0, 9999999), t.pick("openid profile", "orders:read", "admin")))
	return h + "." + p + "." + t.chars(b64url, 43)
}

// --- look-alike values ---

func (t *tpl) orderID() string {
	switch t.r.IntN(4) {
	case 0:
		return "ORD-2024" + fmt.Sprintf("%02d%02d", t.n(1, 12), t.n(1, 28)) + "-" + t.digits(6)
	case 1:
		return "2024" + fmt.Sprintf("%02d%02d", t.n(1, 12), t.n(1, 28)) + "-" + t.digits(7)
	case 2:
		return "INV-2024-" + t.digits(6)
	}
	return "PO" + t.digits(10)
}

// when is a moment in 2024, for formats that print the weekday.
func (t *tpl) when() time.Time {
	return time.Unix(1704067200+t.r.Int64N(31536000), t.r.Int64N(1e9)).UTC()
}

func (t *tpl) epochMs() string { return strconv.FormatInt(1704067200000+t.r.Int64N(31536000000), 10) }
func (t *tpl) epochS() string  { return strconv.FormatInt(1704067200+t.r.Int64N(31536000), 10) }
func (t *tpl) isoTime() string {
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03dZ", t.n(1, 12), t.n(1, 28), t.n(0, 23), t.n(0, 59), t.n(0, 59), t.n(0, 999))
}
func (t *tpl) dateTime() string {
	return fmt.Sprintf("2024-%02d-%02d %02d:%02d:%02d", t.n(1, 12), t.n(1, 28), t.n(0, 23), t.n(0, 59), t.n(0, 59))
}

var months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func (t *tpl) sysTime() string {
	return fmt.Sprintf("%s %2d %02d:%02d:%02d", t.pick(months...), t.n(1, 28), t.n(0, 23), t.n(0, 59), t.n(0, 59))
}

// version4 is a four-part version whose parts are all ≤ 255 (IPv4-shaped).
func (t *tpl) version4() string {
	return t.ns(1, 30) + "." + t.ns(0, 20) + "." + t.ns(0, 99) + "." + t.ns(0, 255)
}

// chromeUA is a reduced Chrome user agent; the product token is IPv4-shaped.
func (t *tpl) chromeUA() (ua, token string) {
	v := t.ns(118, 126)
	token = "Chrome/" + v + ".0.0.0"
	switch t.r.IntN(3) {
	case 0:
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " + token + " Safari/537.36", token
	case 1:
		token = "Edg/" + v + ".0.0.0"
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v + ".0.0.0 Safari/537.36 " + token, token
	}
	return "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) " + token + " Mobile Safari/537.36", token
}

func itoa(n int) string { return strconv.Itoa(n) }
