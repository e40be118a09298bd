package corpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
)

// gen draws values from a seeded source, so a corpus is reproducible.
type gen struct{ r *rand.Rand }

func (g gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

func (g gen) chars(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

const (
	upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	alnum       = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b64url      = alnum + "-_"
	lowerHex    = "0123456789abcdef"
)

// luhnDigit returns the check digit that makes body+digit pass Luhn.
func luhnDigit(body string) byte {
	sum := 0
	double := true
	for i := len(body) - 1; i >= 0; i-- {
		v := int(body[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// cardDigits returns a Luhn-valid number (valid=true) or one that fails Luhn.
func (g gen) cardDigits(valid bool) string {
	prefix := g.pick("4", "51", "52", "53", "54", "55", "2221", "2720", "34", "37", "6011", "65", "3528", "9410", "62")
	n := 16
	if prefix == "34" || prefix == "37" {
		n = 15
	}
	body := prefix + g.digits(n-1-len(prefix))
	c := luhnDigit(body)
	if !valid {
		c = '0' + (c-'0'+1+byte(g.r.IntN(9)))%10
	}
	return body + string(c)
}

func (g gen) card() string {
	d := g.cardDigits(true)
	switch g.r.IntN(3) {
	case 0:
		return d
	default:
		sep := g.pick(" ", "-")
		if len(d) == 15 {
			return d[:4] + sep + d[4:10] + sep + d[10:]
		}
		return d[:4] + sep + d[4:8] + sep + d[8:12] + sep + d[12:]
	}
}

// rrn returns a Korean registration number with a real date. Numbers issued
// since 2020 have a random last digit; older ones a mod-11 check digit.
func (g gen) rrn() string {
	year := 1940 + g.r.IntN(80)
	month := 1 + g.r.IntN(12)
	day := 1 + g.r.IntN(28)
	foreign := g.r.IntN(5) == 0
	var sex int
	switch {
	case year < 2000 && !foreign:
		sex = 1 + g.r.IntN(2)
	case !foreign:
		sex = 3 + g.r.IntN(2)
	case year < 2000:
		sex = 5 + g.r.IntN(2)
	default:
		sex = 7 + g.r.IntN(2)
	}
	body := fmt.Sprintf("%02d%02d%02d%d%s", year%100, month, day, sex, g.digits(5))
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * w[i]
	}
	c := (11 - sum%11) % 10
	if foreign {
		c = (c + 2) % 10
	}
	withCheck := g.r.IntN(3) > 0
	if !withCheck {
		c = g.r.IntN(10)
	}
	full := fmt.Sprintf("%s%d", body, c)
	if withCheck && g.r.IntN(4) == 0 {
		return full // undashed only with a valid check digit
	}
	return full[:6] + "-" + full[6:]
}

func (g gen) phone() string {
	switch g.r.IntN(7) {
	case 0:
		return "010-" + g.digits(4) + "-" + g.digits(4)
	case 1:
		return "010" + g.digits(8)
	case 2:
		return "02-" + g.digits(3+g.r.IntN(2)) + "-" + g.digits(4)
	case 3:
		return g.pick("031", "051", "062", "042") + "-" + g.digits(3) + "-" + g.digits(4)
	case 4:
		return "+82-10-" + g.digits(4) + "-" + g.digits(4)
	case 5:
		return "+82 10 " + g.digits(4) + " " + g.digits(4)
	default:
		return "+1 415 555 " + g.digits(4)
	}
}

func (g gen) email() string {
	user := g.pick("john.doe", "kim.minsu", "lee_jiwoo", "park+news", "admin", "hong.gildong", "j.smith") + g.digits(g.r.IntN(3))
	return user + "@" + g.pick("example.com", "naver.com", "gmail.com", "corp.example.co.kr", "daum.net", "mail.test.org")
}

func (g gen) jwt() string {
	enc := base64.RawURLEncoding
	h := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	p := enc.EncodeToString(fmt.Appendf(nil, `{"sub":"%s","iat":%d}`, g.digits(8), 1700000000+g.r.IntN(1e8)))
	return h + "." + p + "." + g.chars(43, b64url)
}

func (g gen) accessKey() string {
	if g.r.IntN(4) == 0 {
		return "ghp_" + g.chars(36, alnum)
	}
	return g.pick("AKIA", "ASIA") + g.chars(16, upperDigits)
}

func (g gen) bearerToken() string { return g.chars(20, alnum) + g.digits(4) + g.chars(8, b64url) }

func (g gen) basicCredential() string {
	return base64.StdEncoding.EncodeToString([]byte(g.pick("admin", "svc_app", "monitor") + ":" + g.password()))
}

// password returns a distinctive secret value (so a survivor is found by substring).
func (g gen) password() string {
	return g.chars(3, "ABCDEFGHJKLMNPQRSTUVWXYZ") + g.digits(2) + g.pick("#", "!", "$", "_", "%") + g.chars(6, alnum)
}

// urlPassword is a password as it appears in a URL (no reserved characters).
func (g gen) urlPassword() string {
	return g.chars(3, "ABCDEFGHJKLMNPQRSTUVWXYZ") + g.digits(2) + g.pick("!", "$", "_", "~") + g.chars(6, alnum)
}

func (g gen) ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", 10+g.r.IntN(200), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254))
}

// Look-alikes.

func (g gen) version() string {
	return fmt.Sprintf("%d.%d.%d", 1+g.r.IntN(20), g.r.IntN(30), g.r.IntN(50))
}

func (g gen) oid() string {
	return "1.3.6.1." + g.pick("2.1.2.2.1.10.", "4.1.2021.10.1.3.", "2.1.1.3.", "4.1.9.9.109.1.1.1.1.") + fmt.Sprint(1+g.r.IntN(64))
}

func (g gen) uuid() string {
	h := g.chars(32, lowerHex)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
}

// epochMillis is a realistic timestamp between 2024 and late 2026.
func (g gen) epochMillis() string { return fmt.Sprint(1704067200000 + g.r.Int64N(90_000_000_000)) }

func (g gen) orderID() string {
	return g.pick("ORD-", "INV-", "order_", "PO-") + g.digits(g.pick2(8, 16))
}

func (g gen) pick2(a, b int) int {
	if g.r.IntN(2) == 0 {
		return a
	}
	return b
}

func (g gen) longNumber() string { return g.cardDigits(false) }

// bizNumber is a Korean business registration number (NNN-NN-NNNNN).
func (g gen) bizNumber() string { return g.digits(3) + "-" + g.digits(2) + "-" + g.digits(5) }

func (g gen) traceID() string { return g.chars(32, lowerHex) }

func (g gen) isoTime() string {
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03d+09:00", 1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(1000))
}

func (g gen) clfTime() string {
	return fmt.Sprintf("%02d/%s/2024:%02d:%02d:%02d +0900", 1+g.r.IntN(28), g.pick("Jan", "Feb", "Mar", "Oct"), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60))
}

func (g gen) sha256Hex() string { return g.chars(64, lowerHex) }

func (g gen) mac() string {
	h := g.chars(12, lowerHex)
	return h[0:2] + ":" + h[2:4] + ":" + h[4:6] + ":" + h[6:8] + ":" + h[8:10] + ":" + h[10:12]
}

// isbn is an ISBN-13 with dashes (not a card: groups of 1-2 digits).
func (g gen) isbn() string {
	return "978-" + g.digits(1) + "-" + g.digits(2) + "-" + g.digits(6) + "-" + g.digits(1)
}

func (g gen) podName() string {
	return g.word() + "-" + g.chars(10, "bcdfghjklmnpqrstvwxz2456789") + "-" + g.chars(5, "bcdfghjklmnpqrstvwxz2456789")
}

func (g gen) duration() string { return fmt.Sprintf("%d.%03ds", g.r.IntN(60), g.r.IntN(1000)) }

func (g gen) word() string {
	return g.pick("checkout", "login", "search", "profile", "orders", "cart", "health", "metrics")
}
