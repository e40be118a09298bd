//go:build ninthwip

package ninth

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// gen draws the random parts of values.
type gen struct{ r *rand.Rand }

const (
	lower  = "abcdefghijklmnopqrstuvwxyz"
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digit  = "0123456789"
	hexd   = "0123456789abcdef"
	alnum  = lower + upper + digit
	b64url = alnum + "-_"
)

func (g gen) num(lo, hi int) string { return fmt.Sprint(lo + g.r.IntN(hi-lo+1)) }
func (g gen) n(lo, hi int) int      { return lo + g.r.IntN(hi-lo+1) }

func (g gen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

func (g gen) from(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

func (g gen) digits(n int) string { return g.from(digit, n) }
func (g gen) hex(n int) string    { return g.from(hexd, n) }

func (g gen) user() string {
	return g.pick("jkim", "minsu.lee", "sarah.o", "dev-ops", "park.jy", "a.novak", "chen.wei", "ops_bot", "hyejin", "r.santos") + g.num(1, 99)
}

func (g gen) email() string {
	return g.user() + "@" + g.pick("example.com", "corp.example.kr", "mail.example.org", "shop.example.co.kr", "team.example.net")
}

func (g gen) pubIPv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", g.pick4(), g.n(0, 255), g.n(0, 255), g.n(1, 254))
}

func (g gen) pick4() int {
	for {
		a := g.n(11, 223)
		if a != 127 && a != 100 && a != 169 && a != 172 && a != 192 {
			return a
		}
	}
}

func (g gen) privIPv4() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", g.n(0, 255), g.n(0, 255), g.n(1, 254))
	case 1:
		return fmt.Sprintf("172.%d.%d.%d", g.n(16, 31), g.n(0, 255), g.n(1, 254))
	}
	return fmt.Sprintf("192.168.%d.%d", g.n(0, 255), g.n(1, 254))
}

func (g gen) ipv4() string {
	if g.r.IntN(2) == 0 {
		return g.pubIPv4()
	}
	return g.privIPv4()
}

func (g gen) ipv6() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("2001:db8:%x:%x::%x", g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff))
	case 1:
		return fmt.Sprintf("fe80::%x:%x:%x:%x", g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff))
	}
	return fmt.Sprintf("2406:5a00:%x:%x:%x:%x:%x:%x", g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff), g.n(1, 0xffff))
}

// password is printable without quotes, backslashes, spaces, '@', '%' or
// '&', so it can sit in JSON, URLs, SQL and XML attributes unescaped.
func (g gen) password() string {
	return g.from(upper, 1) + g.from(lower, g.n(3, 6)) + g.from(digit, g.n(2, 4)) + g.from("!#*-_.", 1) + g.from(alnum, g.n(2, 5))
}

// urlPassword is alphanumeric, safe in a URL's userinfo.
func (g gen) urlPassword() string { return g.from(upper, 1) + g.from(alnum, g.n(9, 15)) }

func (g gen) opaque(n int) string { return g.from(alnum, n) }

func (g gen) jwt() string {
	h := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"` + g.pick("RS256", "HS256", "ES256") + `","typ":"JWT"}`))
	p := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"sub":"%s","iat":%d,"exp":%d}`, g.user(), 1796000000+g.r.IntN(1000000), 1797000000+g.r.IntN(1000000))))
	return h + "." + p + "." + g.from(b64url, 43)
}

// rrn is a 주민등록번호 with a real birth date and a valid check digit.
func (g gen) rrn() string {
	y := g.n(1950, 2015)
	m, d := g.n(1, 12), g.n(1, 28)
	sex := g.n(1, 2)
	if y >= 2000 {
		sex += 2
	}
	s := fmt.Sprintf("%02d%02d%02d%d%s", y%100, m, d, sex, g.digits(5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, c := range s {
		sum += int(c-'0') * w[i]
	}
	check := (11 - sum%11) % 10
	return s[:6] + "-" + s[6:] + fmt.Sprint(check)
}

func (g gen) krMobile(sep string) string {
	return "010" + sep + g.from("23456789", 1) + g.digits(3) + sep + g.digits(4)
}

func (g gen) intlPhone() string {
	switch g.r.IntN(4) {
	case 0:
		return "+82 10-" + g.from("23456789", 1) + g.digits(3) + "-" + g.digits(4)
	case 1:
		return "+1 (" + g.from("2345678", 1) + g.digits(2) + ") 555-0" + g.digits(3)
	case 2:
		return "+44 20 7946 0" + g.digits(3)
	}
	return "+81-90-" + g.digits(4) + "-" + g.digits(4)
}

func luhnDigit(s string) byte {
	sum := 0
	for i := range len(s) {
		n := int(s[len(s)-1-i] - '0')
		if i%2 == 0 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return byte('0' + (10-sum%10)%10)
}

// card returns a Luhn-valid card number and its brand.
func (g gen) card() (string, string) {
	var p, brand string
	n := 16
	switch g.r.IntN(4) {
	case 0:
		p, brand = "4"+g.digits(5), "visa"
	case 1:
		p, brand = g.pick("51", "53", "55")+g.digits(4), "mastercard"
	case 2:
		p, brand, n = g.pick("34", "37")+g.digits(4), "amex", 15
	default:
		p, brand = "9"+g.pick("410", "430", "490")+g.digits(2), "kr_local"
	}
	p += g.digits(n - 1 - len(p))
	return p + string(luhnDigit(p)), brand
}

// notCard is 16 digits that fail the Luhn check.
func (g gen) notCard() string {
	p := "4" + g.digits(14)
	c := luhnDigit(p)
	return p + string('0'+(c-'0'+1+byte(g.r.IntN(8)))%10)
}

func grouped(pan, sep string) string {
	if len(pan) == 15 {
		return pan[:4] + sep + pan[4:10] + sep + pan[10:]
	}
	var parts []string
	for i := 0; i < len(pan); i += 4 {
		parts = append(parts, pan[i:min(i+4, len(pan))])
	}
	return strings.Join(parts, sep)
}

// accessKey returns a prefixed provider key and its family.
func (g gen) accessKey() (string, string) {
	switch g.r.IntN(5) {
	case 0:
		return "AKIA" + g.from(upper+"234567", 16), "aws"
	case 1:
		return "ghp_" + g.opaque(36), "github"
	case 2:
		return "xoxb-" + g.digits(11) + "-" + g.digits(12) + "-" + g.opaque(24), "slack"
	case 3:
		return "sk_live_" + g.opaque(24), "stripe"
	}
	return "AIza" + g.from(b64url, 35), "google"
}

func (g gen) awsSecret() string { return g.from(alnum+"/+", 40) }

func (g gen) basic() string {
	return base64.StdEncoding.EncodeToString([]byte(g.user() + ":" + g.password()))
}

var banks = []struct{ name, layout string }{
	{"국민은행", "######-##-######"}, {"신한은행", "###-###-######"}, {"우리은행", "####-###-######"},
	{"하나은행", "###-######-#####"}, {"농협", "###-####-####-##"}, {"기업은행", "###-######-##-###"},
	{"카카오뱅크", "3333-##-#######"}, {"토스뱅크", "1000-####-####"},
}

func (g gen) bank() (string, string) {
	bk := banks[g.r.IntN(len(banks))]
	var sb strings.Builder
	for _, c := range bk.layout {
		if c == '#' {
			sb.WriteString(g.digits(1))
		} else {
			sb.WriteRune(c)
		}
	}
	return bk.name, sb.String()
}

// Look-alike values.

func (g gen) uuid() string {
	h := g.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + g.pick("8", "9", "a", "b") + h[17:20] + "-" + h[20:]
}
func (g gen) version() string { return g.num(1, 9) + "." + g.num(0, 30) + "." + g.num(0, 40) }
func (g gen) duration() string {
	return g.pick(g.num(1, 999)+"ms", g.num(1, 59)+"."+g.digits(3)+"s", g.num(1, 900)+"µs")
}
func (g gen) orderID() string { return g.pick("ORD-", "INV-", "PO-", "DOC-") + "2026" + g.digits(8) }
func (g gen) epochMs() string { return "17966" + g.digits(8) }
func (g gen) sha256() string  { return g.hex(64) }
func (g gen) serial() string  { return g.pick("SN", "FGT60F", "PA-") + g.from(upper+digit, 10) }
func (g gen) oid() string {
	return "1.3.6.1.4.1." + g.num(1000, 60000) + "." + g.num(1, 20) + "." + g.num(1, 9)
}
func (g gen) amount() string { return g.num(1, 999) + "," + g.digits(3) }
func (g gen) clock() string  { return fmt.Sprintf("%02d:%02d:%02d", g.n(0, 23), g.n(0, 59), g.n(0, 59)) }
func (g gen) day() string    { return g.pick("01", "02") }
func (g gen) iso() string    { return "2026-12-" + g.day() + "T" + g.clock() }
func (g gen) dt() string     { return "2026-12-" + g.day() + " " + g.clock() }
func (g gen) host() string {
	return g.pick("web", "api", "db", "mq", "edge") + g.num(1, 40) + "." + g.pick("prod", "stg") + ".internal"
}
func (g gen) commit() string { return g.hex(40) }
func (g gen) pid() string    { return g.num(100, 65000) }
