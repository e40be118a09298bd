package third

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// v draws values from a seeded source; every value is built here, with no
// help from the masking engine.
type v struct{ r *rand.Rand }

const (
	digitsA = "0123456789"
	hexA    = "0123456789abcdef"
	upperA  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	alnumA  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b64A    = alnumA + "+/"
	b64uA   = alnumA + "-_"
)

func (g v) of(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g v) n(k int) string         { return g.chars(k, digitsA) }
func (g v) hex(k int) string       { return g.chars(k, hexA) }
func (g v) chars(k int, a string) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = a[g.r.IntN(len(a))]
	}
	return string(b)
}

// mixed returns k characters of a that contain at least one letter and one digit.
func (g v) mixed(k int, a string) string {
	for {
		s := g.chars(k, a)
		if strings.ContainsAny(s, digitsA) && strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			return s
		}
	}
}

// ip4 returns an address whose last octet is 2-250, so it is a host.
func (g v) ip4() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", g.r.IntN(256), g.r.IntN(256), 2+g.r.IntN(249))
	case 1:
		return fmt.Sprintf("172.%d.%d.%d", 16+g.r.IntN(16), g.r.IntN(256), 2+g.r.IntN(249))
	case 2:
		return fmt.Sprintf("192.168.%d.%d", g.r.IntN(256), 2+g.r.IntN(249))
	default:
		return fmt.Sprintf("%s.%d.%d.%d", g.of("203", "211", "121", "58", "175", "61"), g.r.IntN(256), g.r.IntN(256), 2+g.r.IntN(249))
	}
}

func (g v) ip6() string {
	if g.r.IntN(2) == 0 {
		return fmt.Sprintf("2001:db8:%x:%x::%x", g.r.IntN(65536), g.r.IntN(65536), 1+g.r.IntN(65535))
	}
	return fmt.Sprintf("2406:5900:%x:%x:%x:%x:%x:%x", g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536), g.r.IntN(65536), 1+g.r.IntN(65535))
}

// mail returns a plain address; local parts and domains avoid words that
// appear elsewhere in the templates.
func (g v) mail() string {
	local := g.of("minji.kim", "sjpark", "lee_hyun", "choi+billing", "yuna.jung", "dh.kang", "hana77", "ops-team") + g.n(g.r.IntN(3))
	return local + "@" + g.of("naver.com", "daum.net", "korea.kr", "mois.go.kr", "gmail.com", "corp.example.org", "hanmail.net")
}

// pctMail is an address as a browser puts it in a query string.
func pctMail(m string) string {
	return strings.NewReplacer("@", "%40", "+", "%2B").Replace(m)
}

// jsonMail is an address with '@' escaped as a JSON encoder may write it.
func jsonMail(m string) string { return strings.Replace(m, "@", `\u0040`, 1) }

func (g v) mobile() string {
	switch g.r.IntN(4) {
	case 0:
		return "010-" + g.n(4) + "-" + g.n(4)
	case 1:
		return "010" + g.n(8)
	case 2:
		return "010." + g.n(4) + "." + g.n(4)
	default:
		return "010 " + g.n(4) + " " + g.n(4)
	}
}

func (g v) landline() string {
	switch g.r.IntN(3) {
	case 0:
		return "02-" + g.n(3+g.r.IntN(2)) + "-" + g.n(4)
	case 1:
		return g.of("031", "032", "051", "053", "042", "044", "062", "064") + "-" + g.n(3+g.r.IntN(2)) + "-" + g.n(4)
	default:
		return "(02) " + g.n(4) + "-" + g.n(4)
	}
}

func (g v) intlPhone() string {
	switch g.r.IntN(6) {
	case 0:
		return "+1 (" + g.of("415", "206", "212", "646", "617") + ") 555-" + g.n(4)
	case 1:
		return "+1-" + g.of("415", "206", "312") + "-555-" + g.n(4)
	case 2:
		return "+44 (0)20 7946 " + g.n(4)
	case 3:
		return "+82-10-" + g.n(4) + "-" + g.n(4)
	case 4:
		return "+82 10 " + g.n(4) + " " + g.n(4)
	default:
		return "+81 (3) " + g.n(4) + "-" + g.n(4)
	}
}

func (g v) phone() string {
	switch g.r.IntN(3) {
	case 0:
		return g.mobile()
	case 1:
		return g.landline()
	default:
		return g.intlPhone()
	}
}

func luhnDigit(body string) byte {
	sum := 0
	for i := range len(body) {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func (g v) cardDigits() string {
	p := g.of("4", "51", "53", "55", "2221", "2720", "34", "37", "3528", "3589", "62", "9410", "6011")
	n := 16
	if p == "34" || p == "37" {
		n = 15
	}
	body := p + g.n(n-1-len(p))
	return body + string(luhnDigit(body))
}

func (g v) card() string {
	d := g.cardDigits()
	if g.r.IntN(3) == 0 {
		return d
	}
	sep := g.of("-", " ")
	if len(d) == 15 {
		return d[:4] + sep + d[4:10] + sep + d[10:]
	}
	return d[:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:]
}

// rrn returns a registration number with a real birth date; bare ones carry
// a valid mod-11 check digit.
func (g v) rrn(dashed bool) string {
	year := 1950 + g.r.IntN(70)
	month := 1 + g.r.IntN(12)
	day := 1 + g.r.IntN(28)
	var gd int
	if year >= 2000 {
		gd = 3 + g.r.IntN(2)
	} else {
		gd = 1 + g.r.IntN(2)
	}
	body := fmt.Sprintf("%02d%02d%02d%d%s", year%100, month, day, gd, g.n(5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i := range 12 {
		sum += int(body[i]-'0') * w[i]
	}
	c := (11 - sum%11) % 10
	s := body + fmt.Sprint(c)
	if dashed {
		return s[:6] + "-" + s[6:]
	}
	return s
}

// account returns a Korean bank account number in one of the banks' printed
// forms, or bare.
func (g v) account() string {
	switch g.r.IntN(8) {
	case 0:
		return "110-" + g.n(3) + "-" + g.n(6) // 신한
	case 1:
		return "3333-" + g.n(2) + "-" + g.n(7) // 카카오뱅크
	case 2:
		return "1002-" + g.n(3) + "-" + g.n(6) // 우리
	case 3:
		return g.n(6) + "-" + g.n(2) + "-" + g.n(6) // 국민
	case 4:
		return "3" + g.n(2) + "-" + g.n(4) + "-" + g.n(4) + "-" + g.n(2) // 농협
	case 5:
		return g.n(3) + "-" + g.n(6) + "-" + g.n(2) + "-" + g.n(3) // IBK
	case 6:
		return g.n(3) + "-" + g.n(6) + "-" + g.n(5) // 하나
	default:
		return g.of("1", "3", "9") + g.n(10+g.r.IntN(4)) // bare 11-14 digits
	}
}

func (g v) bank() string {
	return g.of("국민은행", "신한은행", "우리은행", "하나은행", "NH농협", "IBK기업은행", "카카오뱅크", "KB국민", "토스뱅크", "우체국")
}

func (g v) password() string {
	return g.mixed(3, alnumA) + g.of("!", "@", "#", "$", "^", "*", "~") + g.n(2+g.r.IntN(3)) + g.mixed(3+g.r.IntN(4), alnumA)
}

func b64u(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func (g v) jwt() string {
	h := b64u(`{"alg":"` + g.of("HS256", "RS256", "ES256") + `","typ":"JWT"}`)
	p := b64u(fmt.Sprintf(`{"sub":"%s","iat":%d,"exp":%d,"scope":"%s"}`, g.n(7), 1709500000+g.r.IntN(90000), 1709600000+g.r.IntN(90000), g.of("read", "openid profile", "admin")))
	return h + "." + p + "." + g.chars(43, b64uA)
}

func (g v) awsKeyID() string {
	return g.of("AKIA", "ASIA") + g.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
}
func (g v) awsSecret() string   { return g.mixed(40, b64A) }
func (g v) githubToken() string { return g.of("ghp_", "gho_", "ghs_") + g.mixed(36, alnumA) }
func (g v) gitlabToken() string { return "glpat-" + g.mixed(20, b64uA) }
func (g v) bearer() string      { return g.mixed(24, alnumA) + "." + g.mixed(16, b64uA) }

// opaque returns a session or API token in one of the shapes services issue.
func (g v) opaque() string {
	switch g.r.IntN(5) {
	case 0:
		return g.hex(32)
	case 1:
		return g.mixed(43, b64uA)
	case 2:
		return g.mixed(22, alnumA) + "." + g.mixed(27, b64uA)
	case 3:
		return "s." + g.mixed(24, alnumA)
	default:
		return g.mixed(40, alnumA)
	}
}

// Look-alikes.

func (g v) uuid() string {
	h := g.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + g.of("8", "9", "a", "b") + h[17:20] + "-" + h[20:]
}

func (g v) chromeUA() string {
	return fmt.Sprintf("Chrome/%d.0.0.0", 118+g.r.IntN(8))
}

func (g v) ver4() string {
	return fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(20), g.r.IntN(10), g.r.IntN(5000), g.r.IntN(10))
}

func (g v) orderID() string {
	return fmt.Sprintf("%s-2024%02d%02d-%s", g.of("ORD", "INV", "PAY", "DOC"), 1+g.r.IntN(12), 1+g.r.IntN(28), g.n(6))
}

func (g v) docNo() string {
	return fmt.Sprintf("2024%02d%02d-%s", 1+g.r.IntN(12), 1+g.r.IntN(28), g.n(7))
}

func (g v) epochMs() string { return fmt.Sprint(1709251200000 + g.r.Int64N(2_000_000_000)) }
func (g v) epochS() string  { return fmt.Sprint(1709251200 + g.r.Int64N(2_000_000)) }

func (g v) iso() string {
	return fmt.Sprintf("2024-03-%02dT%02d:%02d:%02d.%06dZ", 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(1000000))
}

func (g v) port() string { return fmt.Sprint(1024 + g.r.IntN(60000)) }

func (g v) oid() string {
	return fmt.Sprintf("1.3.6.1.4.1.%d.%d.%d", g.of2(311, 9, 2636, 12356), 1+g.r.IntN(30), 1+g.r.IntN(300))
}

func (g v) of2(xs ...int) int { return xs[g.r.IntN(len(xs))] }

func (g v) sid() string {
	return fmt.Sprintf("S-1-5-21-%d-%d-%d-%d", 1000000000+g.r.IntN(2000000000), 1000000000+g.r.IntN(2000000000), 10000000+g.r.IntN(90000000), 1000+g.r.IntN(9000))
}

func (g v) awsAccount() string { return g.of("1", "2", "3", "4", "5", "6", "7", "8", "9") + g.n(11) }
