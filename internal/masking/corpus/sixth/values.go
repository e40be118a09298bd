package sixth

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// v draws the values the templates plant: secrets and look-alikes.
type v struct{ r *rand.Rand }

func (g v) n(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g v) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g v) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

func (g v) from(alpha string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alpha[g.r.IntN(len(alpha))]
	}
	return string(b)
}

const (
	lower  = "abcdefghijklmnopqrstuvwxyz"
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digit  = "0123456789"
	alnum  = lower + upper + digit
	hexlc  = "0123456789abcdef"
	b64url = alnum + "-_"
)

func (g v) hex(n int) string { return g.from(hexlc, n) }

// mixed is a random token with at least one of each class.
func (g v) mixed(n int) string {
	for {
		s := g.from(alnum, n)
		if strings.ContainsAny(s, lower) && strings.ContainsAny(s, upper) && strings.ContainsAny(s, digit) {
			return s
		}
	}
}

var (
	givenEN  = []string{"james", "olivia", "noah", "emma", "liam", "ava", "lucas", "mia", "ethan", "sophia", "daniel", "grace"}
	familyEN = []string{"smith", "johnson", "brown", "garcia", "miller", "davis", "wilson", "taylor", "clark", "lewis"}
	romanKR  = []string{"minsu.kim", "jiyoung.lee", "seojun.park", "hayoon.choi", "doyun.jung", "yuna.kang", "jiho.cho", "sumin.yoon", "kim.hyunwoo", "lee.soyeon"}
	domains  = []string{"example.com", "example.co.kr", "contoso.com", "corp.example.net", "mail.example.org", "fabrikam.co.kr", "hanbit-shop.co.kr", "example.kr"}
	korNames = []string{"김민수", "이지영", "박서준", "최하윤", "정도윤", "강유나", "조지호", "윤수민", "장현우", "임소연"}
	cities   = []string{"서울특별시 강남구 테헤란로 152", "경기도 성남시 분당구 판교역로 235", "부산광역시 해운대구 센텀중앙로 79", "대구광역시 수성구 달구벌대로 2450"}
)

func (g v) user() string {
	if g.r.IntN(2) == 0 {
		return g.pick(romanKR...)
	}
	return g.pick(givenEN...) + "." + g.pick(familyEN...)
}

func (g v) login() string { return strings.ReplaceAll(g.user(), ".", "") + g.digits(g.n(0, 2)) }

func (g v) email() string { return g.user() + "@" + g.pick(domains...) }

// pw is a password a person or a generator would set.
func (g v) pw() string {
	switch g.r.IntN(4) {
	case 0:
		return g.pick("Summer", "Winter", "Seoul", "Welcome", "Qwer", "Hanbit", "Spring", "Dragon") + g.digits(g.n(2, 4)) + g.pick("!", "#", "*", "%", "")
	case 1:
		return g.mixed(g.n(10, 16))
	case 2:
		return g.from(lower, 3) + g.pick("#", "!", "_", "*") + g.mixed(6) + g.digits(2)
	default:
		return g.mixed(5) + "-" + g.mixed(5) + "-" + g.digits(3)
	}
}

func (g v) awsKeyID() string  { return g.pick("AKIA", "ASIA") + g.from(upper+"234567", 16) }
func (g v) awsSecret() string { return g.from(alnum+"/+", 40) }

func b64u(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func (g v) jwt() string {
	h := b64u(fmt.Sprintf(`{"alg":"%s","typ":"JWT"}`, g.pick("HS256", "RS256", "ES256")))
	p := b64u(fmt.Sprintf(`{"sub":"%s","iat":%d,"exp":%d,"scope":"%s"}`, g.login(), 1764600000+g.n(0, 99999), 1764700000+g.n(0, 99999), g.pick("read write", "openid profile", "api")))
	return h + "." + p + "." + g.from(b64url, 43)
}

// token is an opaque session or API token in one of the usual encodings.
func (g v) token() string {
	switch g.r.IntN(4) {
	case 0:
		return g.hex(g.n(32, 64))
	case 1:
		return g.from(b64url, g.n(22, 43)) + g.digits(1) + g.from(upper, 1)
	case 2:
		return g.mixed(8) + "." + g.mixed(24)
	default:
		return base64.StdEncoding.EncodeToString([]byte(g.from(alnum, 30)))
	}
}

func (g v) wgKey() string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(g.r.IntN(256))
	}
	return base64.StdEncoding.EncodeToString(b)
}

func (g v) basic(user, pw string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pw))
}

// luhn completes a card number with its check digit.
func luhn(prefix string, n int) string {
	s := []byte(prefix)
	for len(s) < n-1 {
		s = append(s, '0')
	}
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return string(s) + string(byte('0'+(10-sum%10)%10))
}

func (g v) card() (raw string, class string) {
	switch g.r.IntN(5) {
	case 0:
		return luhn("4"+g.digits(14), 16), "visa"
	case 1:
		return luhn(fmt.Sprint(g.n(51, 55))+g.digits(13), 16), "mastercard"
	case 2:
		return luhn(g.pick("34", "37")+g.digits(12), 15), "amex"
	case 3:
		return luhn("35"+fmt.Sprint(g.n(28, 89))+g.digits(11), 16), "jcb"
	default:
		return luhn(g.pick("9410", "9430", "9490")+g.digits(11), 16), "kr_local"
	}
}

func group(s string, sizes []int, sep string) string {
	var parts []string
	for _, n := range sizes {
		parts = append(parts, s[:n])
		s = s[n:]
	}
	return strings.Join(parts, sep)
}

// cardText writes a card number contiguous or in its usual groups.
func (g v) cardText() (string, string) {
	c, class := g.card()
	switch g.r.IntN(3) {
	case 0:
		return c, class + "/plain"
	default:
		sep := g.pick(" ", "-")
		if len(c) == 15 {
			return group(c, []int{4, 6, 5}, sep), class + "/grouped"
		}
		return group(c, []int{4, 4, 4, 4}, sep), class + "/grouped"
	}
}

// rrn is a resident registration number with a real date and a valid check digit.
func (g v) rrn(dash bool) string {
	y := g.n(1950, 2012)
	m, d := g.n(1, 12), g.n(1, 28)
	gd := 1 + g.r.IntN(2)
	if y >= 2000 {
		gd += 2
	}
	s := fmt.Sprintf("%02d%02d%02d%d%s", y%100, m, d, gd, g.digits(5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, c := range s {
		sum += int(c-'0') * w[i]
	}
	s += fmt.Sprint((11 - sum%11) % 10)
	if dash {
		return s[:6] + "-" + s[6:]
	}
	return s
}

type bank struct {
	name  string
	sizes []int
}

var banks = []bank{
	{"국민은행", []int{6, 2, 6}}, {"신한은행", []int{3, 3, 6}}, {"우리은행", []int{4, 3, 6}},
	{"하나은행", []int{3, 6, 5}}, {"농협", []int{3, 4, 4, 2}}, {"카카오뱅크", []int{4, 2, 7}},
	{"IBK기업은행", []int{3, 6, 2, 3}}, {"토스뱅크", []int{4, 4, 4}},
}

// account is a bank name and an account number in that bank's layout.
func (g v) account(dash bool) (string, string) {
	b := banks[g.r.IntN(len(banks))]
	total := 0
	for _, n := range b.sizes {
		total += n
	}
	d := fmt.Sprint(g.n(1, 9)) + g.digits(total-1)
	switch b.name {
	case "신한은행":
		d = "110" + d[3:]
	case "우리은행":
		d = "1002" + d[4:]
	case "카카오뱅크":
		d = "3333" + d[4:]
	case "토스뱅크":
		d = "1000" + d[4:]
	}
	if !dash {
		return b.name, d
	}
	return b.name, group(d, b.sizes, "-")
}

func (g v) mobile() string { return "010-" + g.digits(4) + "-" + g.digits(4) }

// phone returns a phone number and its class.
func (g v) phone() (string, string) {
	nxx := func() string { return fmt.Sprint(g.n(2, 9)) + g.digits(2) }
	switch g.r.IntN(9) {
	case 0:
		return g.mobile(), "kr_mobile"
	case 1:
		return "010" + g.digits(8), "kr_mobile_bare"
	case 2:
		return g.pick("02", "031", "051", "032", "042") + "-" + fmt.Sprint(g.n(2, 9)) + g.digits(g.n(2, 3)) + "-" + g.digits(4), "kr_landline"
	case 3:
		return "+82-10-" + g.digits(4) + "-" + g.digits(4), "kr_intl"
	case 4:
		return "+82 10 " + g.digits(4) + " " + g.digits(4), "kr_intl_space"
	case 5:
		return "+1 (" + nxx() + ") " + nxx() + "-" + g.digits(4), "na_intl_paren"
	case 6:
		return "(" + nxx() + ") " + nxx() + "-" + g.digits(4), "na_paren"
	case 7:
		return "+1-" + nxx() + "-" + nxx() + "-" + g.digits(4), "na_intl_dash"
	default:
		return g.pick("+44 20 7946 "+g.digits(4), "+81 3-"+g.digits(4)+"-"+g.digits(4), "+49 30 "+g.digits(8), "+65 "+g.digits(4)+" "+g.digits(4)), "intl"
	}
}

func (g v) ipv4() string {
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", g.n(0, 255), g.n(0, 255), g.n(1, 254))
	case 1:
		return fmt.Sprintf("192.168.%d.%d", g.n(0, 255), g.n(1, 254))
	case 2:
		return fmt.Sprintf("172.%d.%d.%d", g.n(16, 31), g.n(0, 255), g.n(1, 254))
	case 3:
		return fmt.Sprintf("%s.%d.%d", g.pick("211.234", "121.134", "58.120", "175.223", "61.75"), g.n(0, 255), g.n(1, 254))
	default:
		return fmt.Sprintf("%s.%d", g.pick("203.0.113", "198.51.100", "192.0.2"), g.n(1, 254))
	}
}

func (g v) ipv6() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("2001:db8:%x:%x::%x", g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff))
	case 1:
		return fmt.Sprintf("2406:5900:%x:%x:%x:%x:%x:%x", g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff))
	default:
		return fmt.Sprintf("fe80::%x:%x:%x:%x", g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff))
	}
}

// Look-alikes.

func (g v) uuid() string {
	h := g.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + g.pick("8", "9", "a", "b") + h[17:20] + "-" + h[20:]
}

func (g v) quad() string {
	return fmt.Sprintf("%d.%d.%d.%d", g.n(1, 30), g.n(0, 40), g.n(0, 250), g.n(1, 200))
}

// version is a product token or tag whose number is shaped like IPv4.
func (g v) version() string {
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("Chrome/%d.0.0.0", g.n(118, 131))
	case 1:
		return "Whale/" + g.quad()
	case 2:
		return "v" + g.quad()
	case 3:
		return "agent-" + g.quad()
	case 4:
		return fmt.Sprintf("Edg/%d.0.0.0", g.n(118, 131))
	default:
		return "build " + g.quad()
	}
}

func (g v) orderID() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("ORD-2026%02d%02d-%s", g.n(1, 12), g.n(1, 28), g.digits(6))
	case 1:
		return fmt.Sprintf("2026%02d%02d-%s", g.n(1, 12), g.n(1, 28), g.digits(7))
	default:
		return "INV-" + g.digits(4) + "-" + g.digits(6)
	}
}

func (g v) epochMs() string { return fmt.Sprint(int64(1764600000000) + int64(g.r.IntN(90000000))) }
func (g v) epoch() string   { return fmt.Sprint(1764600000 + g.r.IntN(90000)) }
func (g v) dur() string     { return fmt.Sprintf("%dms", g.n(1, 9999)) }
func (g v) sha256() string  { return g.hex(64) }
func (g v) sha1() string    { return g.hex(40) }
func (g v) traceID() string { return g.hex(32) }
func (g v) spanID() string  { return g.hex(16) }
