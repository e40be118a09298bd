package heldout

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// src draws values; its helpers are written apart from the tuning
// corpus's so the two generators share no value shapes by construction.
type src struct{ r *rand.Rand }

func (g src) one(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g src) num(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + g.r.IntN(10)))
	}
	return b.String()
}

func (g src) str(n int, alphabet string) string {
	var b strings.Builder
	for range n {
		b.WriteByte(alphabet[g.r.IntN(len(alphabet))])
	}
	return b.String()
}

const (
	lettersDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	hexLower      = "0123456789abcdef"
	awsSecretABC  = lettersDigits + "/+"
)

// luhnCheck is the digit that completes body to a Luhn-valid number.
func luhnCheck(body string) byte {
	sum := 0
	for i := range len(body) {
		v := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return byte('0' + (10-sum%10)%10)
}

// card is a Luhn-valid card number in one of the notations payment logs use.
func (g src) card() string {
	iin := g.one("4", "4", "5", "2", "37", "6")
	n := 16
	if iin == "37" {
		n = 15
	}
	body := iin + g.num(n-1-len(iin))
	d := body + string(luhnCheck(body))
	switch g.r.IntN(4) {
	case 0:
		return d
	case 1:
		if n == 15 {
			return d[:4] + " " + d[4:10] + " " + d[10:]
		}
		return d[:4] + " " + d[4:8] + " " + d[8:12] + " " + d[12:]
	default:
		if n == 15 {
			return d[:4] + "-" + d[4:10] + "-" + d[10:]
		}
		return d[:4] + "-" + d[4:8] + "-" + d[8:12] + "-" + d[12:]
	}
}

// notCard is a 16-digit number that fails Luhn (serials, references).
func (g src) notCard() string {
	body := g.one("4", "5", "9") + g.num(14)
	c := luhnCheck(body)
	return body + string('0'+(c-'0'+1+byte(g.r.IntN(8)))%10)
}

// rrn is a registration number with a real date and a check digit.
func (g src) rrn() string {
	y := 1950 + g.r.IntN(60)
	m, d := 1+g.r.IntN(12), 1+g.r.IntN(28)
	sex := 1 + g.r.IntN(2)
	if y >= 2000 {
		sex += 2
	}
	body := fmt.Sprintf("%02d%02d%02d%d%s", y%100, m, d, sex, g.num(5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i := range 12 {
		sum += int(body[i]-'0') * w[i]
	}
	return body[:6] + "-" + body[6:] + fmt.Sprint((11-sum%11)%10)
}

// bankAccount is a Korean account number in one of the banks' layouts.
func (g src) bankAccount() string {
	switch g.r.IntN(7) {
	case 0:
		return "110-" + g.num(3) + "-" + g.num(6) // Shinhan
	case 1:
		return "3333-" + g.num(2) + "-" + g.num(7) // Kakao Bank
	case 2:
		return "1002-" + g.num(3) + "-" + g.num(6) // Woori
	case 3:
		return g.num(6) + "-" + g.num(2) + "-" + g.num(6) // KB
	case 4:
		return "3" + g.num(2) + "-" + g.num(4) + "-" + g.num(4) + "-" + g.num(2) // NongHyup
	case 5:
		return g.one("1", "2", "3") + g.num(9+g.r.IntN(4)) // bare 10-13 digits
	default:
		return g.num(3) + "-" + g.num(6) + "-" + g.num(5) // Hana
	}
}

func (g src) bankName() string {
	return g.one("국민은행", "신한은행", "우리은행", "하나은행", "농협", "IBK기업은행", "KB국민", "카카오뱅크", "토스뱅크")
}

func (g src) email() string {
	return g.one("minji.kim", "seo-yeon", "jhpark", "ops.team", "yuna_lee", "dev+alerts") + g.num(g.r.IntN(3)) + "@" +
		g.one("example.com", "example.co.kr", "mail.example.org", "corp.example.net")
}

// usPhone is a North American number in an international notation.
func (g src) usPhone() string {
	area := g.one("415", "212", "646", "312", "206")
	switch g.r.IntN(3) {
	case 0:
		return "+1 (" + area + ") 555-" + g.num(4)
	case 1:
		return "+1-" + area + "-555-" + g.num(4)
	default:
		return "+1 " + area + " 555 " + g.num(4)
	}
}

func (g src) krPhone() string {
	switch g.r.IntN(4) {
	case 0:
		return "010-" + g.num(4) + "-" + g.num(4)
	case 1:
		return "+82 10-" + g.num(4) + "-" + g.num(4)
	case 2:
		return "+82 (0)2 " + g.num(4) + " " + g.num(4)
	default:
		return "070-" + g.num(4) + "-" + g.num(4)
	}
}

func (g src) password() string {
	return g.str(2, "QWERTYUPASDFGHJKLZXCVBNM") + g.str(3, "qwertyupasdfghjkzxcvbnm") + g.num(2) + g.one("!", "#", "@", "^", "*") + g.str(4, lettersDigits)
}

func (g src) ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", g.one2(203, 198, 10, 172), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(253))
}

func (g src) one2(xs ...int) int { return xs[g.r.IntN(len(xs))] }

func (g src) ipv6() string {
	return fmt.Sprintf("2001:db8:%x:%x::%x", g.r.IntN(0xffff), g.r.IntN(0xffff), 1+g.r.IntN(0xfff))
}

func (g src) awsKeyID() string { return "AKIA" + g.str(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") }

func (g src) awsSecret() string { return g.str(40, awsSecretABC) }

// opaqueToken is a session or access token in one of the shapes services use.
func (g src) opaqueToken() string {
	switch g.r.IntN(4) {
	case 0:
		return g.str(32, hexLower) // hex
	case 1:
		return g.str(24, lettersDigits) + "-" + g.str(10, lettersDigits) // base64url-ish with a dash
	case 2:
		return g.str(8, lettersDigits) + "." + g.str(27, lettersDigits) + "." + g.str(6, lettersDigits) // dotted
	default:
		return "s." + g.str(24, lettersDigits) // Vault-style
	}
}

func (g src) jwt() string {
	e := base64.RawURLEncoding
	return e.EncodeToString([]byte(`{"alg":"RS256","kid":"`+g.num(4)+`"}`)) + "." +
		e.EncodeToString(fmt.Appendf(nil, `{"sub":"u%s","exp":%d}`, g.num(6), 1709514930+g.r.IntN(1e6))) + "." + g.str(86, lettersDigits+"-_")
}

// Look-alikes.

func (g src) uuid() string {
	h := g.str(32, hexLower)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-8" + h[17:20] + "-" + h[20:]
}

// productVersion is a four-part version that looks like an IPv4 address.
func (g src) productVersion() string {
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("Chrome/%d.0.0.0", 110+g.r.IntN(20))
	case 1:
		return fmt.Sprintf("Whale/3.%d.%d.%d", 20+g.r.IntN(10), 100+g.r.IntN(100), g.r.IntN(40))
	case 2:
		return fmt.Sprintf("v%d.%d.%d.%d", 1+g.r.IntN(9), g.r.IntN(10), g.r.IntN(10), g.r.IntN(10))
	case 3:
		return fmt.Sprintf("agent-%d.%d.%d.%d", 1+g.r.IntN(9), g.r.IntN(10), g.r.IntN(10), g.r.IntN(10))
	default:
		return fmt.Sprintf("Edg/%d.0.%d.%d", 110+g.r.IntN(20), 2000+g.r.IntN(500), g.r.IntN(100))
	}
}

// orderRef is an order or document id that carries a date and a number.
func (g src) orderRef() string {
	d := fmt.Sprintf("2024%02d%02d", 1+g.r.IntN(12), 1+g.r.IntN(28))
	switch g.r.IntN(3) {
	case 0:
		return "ORD-" + d + "-" + g.num(6)
	case 1:
		return d + "-" + g.num(7)
	default:
		return "INV" + d + g.num(5)
	}
}

func (g src) clf() string {
	return fmt.Sprintf("%02d/%s/2024:%02d:%02d:%02d +0900", 1+g.r.IntN(28), g.one("Mar", "Apr", "Nov"), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60))
}

func (g src) iso() string {
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03d+09:00", 1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(1000))
}

func (g src) pyTime() string {
	return fmt.Sprintf("2024-%02d-%02d %02d:%02d:%02d,%03d", 1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(1000))
}

func (g src) bsdTime() string {
	return fmt.Sprintf("%s %2d %02d:%02d:%02d", g.one("Mar", "Apr", "Nov"), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60))
}

func (g src) mac() string {
	h := g.str(12, hexLower)
	return h[:4] + "." + h[4:8] + "." + h[8:] // Cisco notation
}

// tracking is a courier tracking number: bare digits with no bank context.
func (g src) tracking() string { return g.one("7", "8") + g.num(11) }
