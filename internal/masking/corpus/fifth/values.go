package fifth

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Value makers. They return raw strings; the templates decide whether a
// value is planted as a secret (gen.s) or kept as a look-alike (gen.l).

const (
	digitsA  = "0123456789"
	lowerHex = "0123456789abcdef"
	upperHex = "0123456789ABCDEF"
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upperNum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b64url   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	b64std   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	lowerNum = "abcdefghijklmnopqrstuvwxyz0123456789"
)

type rnd struct{ r *rand.Rand }

func (g rnd) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g rnd) n(lo, hi int) int         { return lo + g.r.IntN(hi-lo+1) }
func (g rnd) chance(p float64) bool    { return g.r.Float64() < p }
func (g rnd) num(lo, hi int) string    { return strconv.Itoa(g.n(lo, hi)) }

func (g rnd) chars(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

func (g rnd) digits(n int) string { return g.chars(n, digitsA) }

// mixed returns n characters of alphabet holding at least one letter and
// one digit (what a generated token really looks like at that length).
func (g rnd) mixed(n int, alphabet string) string {
	for {
		s := g.chars(n, alphabet)
		if strings.ContainsAny(s, digitsA) && strings.IndexFunc(s, func(c rune) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }) >= 0 {
			return s
		}
	}
}

// ---- people ----

var (
	givenRoman  = []string{"minsu", "jiwoo", "seoyeon", "hyunwoo", "jiho", "soyeon", "dongha", "eunji", "taeyang", "yuna", "junho", "haneul", "sora", "kyungmin", "daeun"}
	familyRoman = []string{"kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon"}
	namesKo     = []string{"김민수", "이지우", "박서연", "최현우", "정지호", "강소연", "조동하", "윤은지", "장태양", "임유나", "한준호", "오하늘"}
	westGiven   = []string{"james", "olivia", "liam", "emma", "noah", "ava", "mason", "sophia", "lucas", "mia", "ethan", "harper"}
	westFamily  = []string{"smith", "johnson", "brown", "garcia", "miller", "davis", "wilson", "moore", "taylor", "clark"}
	mailDomains = []string{"naver.com", "gmail.com", "hanmail.net", "kakao.com", "daum.net", "outlook.com", "nate.com", "hanbit-logis.co.kr", "mirae-pay.co.kr", "seoul-clinic.or.kr", "acme-corp.com", "northwind.io", "contoso.com", "example-bank.co.kr"}
	hosts       = []string{"api", "app01", "web-02", "gw", "edge-3", "core", "db-main", "auth", "pay", "mq01"}
)

func (g rnd) userID() string {
	return g.pick(givenRoman...) + g.pick("", "_", ".") + g.pick(familyRoman...) + g.num(1, 99)
}
func (g rnd) nameKo() string { return g.pick(namesKo...) }

// email is a plain address: local@domain.
func (g rnd) email() string {
	switch g.r.IntN(4) {
	case 0:
		return g.pick(givenRoman...) + "." + g.pick(familyRoman...) + "@" + g.pick(mailDomains...)
	case 1:
		return g.pick(familyRoman...) + g.pick(givenRoman...) + g.num(70, 99) + "@" + g.pick(mailDomains...)
	case 2:
		return g.pick(westGiven...) + "." + g.pick(westFamily...) + "@" + g.pick(mailDomains...)
	default:
		return g.pick(givenRoman...) + "_" + g.num(1, 9999) + "@" + g.pick(mailDomains...)
	}
}

// ---- phones ----

func (g rnd) krMobileParts() (string, string) { return g.digits(4), g.digits(4) }

// krMobile: 010-1234-5678 or 01012345678 or 010.1234.5678.
func (g rnd) krMobile(sep string) string {
	a, b := g.krMobileParts()
	return "010" + sep + a + sep + b
}

func (g rnd) krMobileIntl() string {
	a, b := g.krMobileParts()
	switch g.r.IntN(3) {
	case 0:
		return "+82-10-" + a + "-" + b
	case 1:
		return "+82 10 " + a + " " + b
	default:
		return "+8210" + a + b
	}
}

func (g rnd) krLandline() string {
	switch g.r.IntN(3) {
	case 0:
		return "02-" + g.num(200, 999) + "-" + g.digits(4)
	case 1:
		return "031-" + g.num(200, 999) + "-" + g.digits(4)
	default:
		return "(02) " + g.num(2000, 9999) + "-" + g.digits(4)
	}
}

// naParts returns an area code and exchange with N = 2-9, and a line number.
func (g rnd) naParts() (string, string, string) {
	return g.num(2, 9) + g.digits(2), g.num(2, 9) + g.digits(2), g.digits(4)
}

func (g rnd) naPhone() (string, string) {
	a, e, l := g.naParts()
	switch g.r.IntN(5) {
	case 0:
		return "+1 (" + a + ") " + e + "-" + l, "phone/na_intl_paren"
	case 1:
		return "(" + a + ") " + e + "-" + l, "phone/na_paren"
	case 2:
		return "+1-" + a + "-" + e + "-" + l, "phone/na_intl_dash"
	case 3:
		return "+1." + a + "." + e + "." + l, "phone/na_intl_dot"
	default:
		return "+1" + a + e + l, "phone/e164"
	}
}

func (g rnd) intlPhone() string {
	switch g.r.IntN(5) {
	case 0:
		return "+44 20 " + g.num(7000, 8999) + " " + g.digits(4)
	case 1:
		return "+81 3-" + g.digits(4) + "-" + g.digits(4)
	case 2:
		return "+49 30 " + g.digits(8)
	case 3:
		return "+86 138 " + g.digits(4) + " " + g.digits(4)
	default:
		return "+65 " + g.num(6, 9) + g.digits(3) + " " + g.digits(4)
	}
}

func (g rnd) e164() string {
	if g.chance(0.5) {
		a, b := g.krMobileParts()
		return "+8210" + a + b
	}
	a, e, l := g.naParts()
	return "+1" + a + e + l
}

// ---- Korean registration numbers ----

var rrnWeights = []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}

func rrnCheck(d12 string) byte {
	s := 0
	for i := range 12 {
		s += int(d12[i]-'0') * rrnWeights[i]
	}
	return byte('0' + (11-s%11)%10)
}

// rrn returns YYMMDD and GNNNNNN with a real date and a valid check digit.
func (g rnd) rrn() (string, string) {
	year := g.n(1950, 2012)
	month := g.n(1, 12)
	day := g.n(1, 28)
	gd := byte('1')
	if year >= 2000 {
		gd = '3'
	}
	if g.chance(0.5) {
		gd++
	}
	front := fmt.Sprintf("%02d%02d%02d", year%100, month, day)
	body := front + string(gd) + g.digits(5)
	return front, string(gd) + body[7:] + string(rrnCheck(body))
}

// ---- payment cards ----

func luhn(body string) byte {
	s := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		s += d
	}
	return byte('0' + (10-s%10)%10)
}

// cardDigits returns a Luhn-valid number of a real issuer range.
func (g rnd) cardDigits() string {
	var prefix string
	n := 16
	switch g.r.IntN(7) {
	case 0, 1:
		prefix = "4" + g.digits(5)
	case 2:
		prefix = "5" + g.num(1, 5) + g.digits(4)
	case 3:
		prefix = "2" + g.num(221, 720) + g.digits(2)
	case 4:
		prefix, n = "3"+g.pick("4", "7")+g.digits(4), 15
	case 5:
		prefix = "35" + g.num(28, 89) + g.digits(2)
	default:
		prefix = "94" + g.num(10, 99) + g.digits(2) // Korean domestic BC/local ranges
	}
	body := prefix + g.digits(n-1-len(prefix))
	return body + string(luhn(body))
}

// card formats a card number contiguous, in groups of four, or Amex 4-6-5.
func (g rnd) card() string {
	d := g.cardDigits()
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

// ---- Korean bank accounts ----

// bankAccount returns a bank name and an account number in that bank's
// dashed layout (or bare digits).
func (g rnd) bankAccount() (string, string) {
	type layout struct {
		bank  string
		parts []int
	}
	ls := []layout{
		{"국민", []int{6, 2, 6}}, {"신한", []int{3, 3, 6}}, {"우리", []int{4, 3, 6}}, {"하나", []int{3, 6, 5}},
		{"농협", []int{3, 4, 4, 2}}, {"카카오뱅크", []int{4, 2, 7}}, {"IBK기업", []int{3, 6, 2, 3}}, {"토스뱅크", []int{4, 4, 4}},
		{"케이뱅크", []int{3, 3, 6}}, {"우체국", []int{6, 2, 6}},
	}
	l := ls[g.r.IntN(len(ls))]
	var ps []string
	for i, p := range l.parts {
		s := g.digits(p)
		if i == 0 {
			switch l.bank {
			case "신한":
				s = "110"
			case "우리":
				s = "1002"
			case "카카오뱅크":
				s = "3333"
			case "토스뱅크":
				s = "1000"
			}
		}
		ps = append(ps, s)
	}
	if g.chance(0.25) {
		return l.bank, strings.Join(ps, "")
	}
	return l.bank, strings.Join(ps, "-")
}

// ---- credentials ----

var pwWords = []string{"Summer", "Winter", "Seoul", "Busan", "Hanbit", "Tiger", "Dragon", "Ocean", "Sky", "Welcome", "Qwer", "Admin", "Mirae", "Sunny"}

// password returns what people and operators really set: word+digits+symbol,
// keyboard patterns, or random vault-generated strings.
func (g rnd) password() string {
	switch g.r.IntN(5) {
	case 0:
		return g.pick(pwWords...) + g.num(1990, 2025) + g.pick("!", "@", "#", "$", "^", "*")
	case 1:
		return g.pick("qwer", "asdf", "zxcv", "rkdska", "dlwlgh", "tjdus") + g.digits(4) + g.pick("!", "!!", "@", "")
	case 2:
		return g.mixed(16, alnum)
	case 3:
		return g.pick(pwWords...) + g.pick("@", "#", "_") + g.digits(3) + g.chars(2, "ABCDEFGHJKLMNPQRSTUVWXYZ")
	default:
		return g.mixed(12, alnum) + g.pick("!", "%", "&", "*", "-", "~")
	}
}

func (g rnd) hexToken(n int) string { return g.mixed(n, lowerHex) }

// opaqueToken returns an opaque bearer or session token of a common shape.
func (g rnd) opaqueToken() string {
	switch g.r.IntN(4) {
	case 0:
		return g.mixed(32, lowerHex)
	case 1:
		return g.mixed(43, b64url)
	case 2:
		return g.mixed(24, alnum) + "." + g.mixed(27, b64url)
	default:
		return g.mixed(40, alnum)
	}
}

func (g rnd) awsKeyID() string  { return g.pick("AKIA", "ASIA") + g.chars(16, upperNum[:26]+"234567") }
func (g rnd) awsSecret() string { return g.mixed(40, b64std) }

// accessKey returns a provider token with its documented prefix and shape,
// and its family name.
func (g rnd) accessKey() (string, string) {
	switch g.r.IntN(10) {
	case 0:
		return g.awsKeyID(), "aws"
	case 1:
		return "ghp_" + g.mixed(36, alnum), "github"
	case 2:
		return "glpat-" + g.mixed(20, b64url[:62]+"-_"), "gitlab"
	case 3:
		return "xoxb-" + g.digits(12) + "-" + g.digits(13) + "-" + g.mixed(24, alnum), "slack"
	case 4:
		return "sk_live_" + g.mixed(24, alnum), "stripe"
	case 5:
		return "AIza" + g.mixed(35, alnum+"-_"), "google"
	case 6:
		return "SG." + g.mixed(22, b64url) + "." + g.mixed(43, b64url), "sendgrid"
	case 7:
		return "npm_" + g.mixed(36, alnum), "npm"
	case 8:
		return "hf_" + g.mixed(34, alnum), "huggingface"
	default:
		return "github_pat_11" + g.mixed(20, upperNum) + "_" + g.mixed(59, alnum), "github_pat"
	}
}

func b64u(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// jwt returns a JWT whose header and payload are real base64url JSON.
func (g rnd) jwt() string {
	h := g.pick(`{"alg":"HS256","typ":"JWT"}`, `{"alg":"RS256","typ":"JWT","kid":"`+g.hexToken(8)+`"}`, `{"typ":"JWT","alg":"ES256"}`)
	iat := 1709500000 + g.n(0, 9000000)
	p := fmt.Sprintf(`{"sub":"%s","iat":%d,"exp":%d,"scope":"%s"}`, g.pick(g.userID(), g.digits(8), g.uuid()), iat, iat+3600, g.pick("read write", "openid profile", "payments"))
	sig := g.chars(43, b64url)
	if strings.Contains(h, "RS256") {
		sig = g.chars(342, b64url)
	}
	return b64u(h) + "." + b64u(p) + "." + sig
}

// ---- addresses ----

func (g rnd) ipv4() string {
	switch g.r.IntN(5) {
	case 0:
		return "10." + g.num(0, 254) + "." + g.num(0, 254) + "." + g.num(1, 254)
	case 1:
		return "192.168." + g.num(0, 254) + "." + g.num(1, 254)
	case 2:
		return "172." + g.num(16, 31) + "." + g.num(0, 254) + "." + g.num(1, 254)
	default:
		return g.pick("211", "175", "121", "58", "118", "222", "203", "61", "112", "39") + "." + g.num(1, 254) + "." + g.num(0, 254) + "." + g.num(1, 254)
	}
}

func (g rnd) ipv6() string {
	switch g.r.IntN(3) {
	case 0:
		return "2001:db8:" + g.hex4() + ":" + g.hex4() + "::" + g.hex4()
	case 1:
		return g.pick("2406:5900", "2001:2d8", "2001:e60", "2404:6800") + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4()
	default:
		return "fe80::" + g.hex4() + ":" + g.chars(2, lowerHex) + "ff:fe" + g.chars(2, lowerHex) + ":" + g.hex4()
	}
}

func (g rnd) hex4() string {
	return strings.TrimLeft(g.chars(3, lowerHex), "0") + g.pick("a", "1", "f", "4")
}

func (g rnd) port() string { return g.num(1024, 65000) }

// ---- look-alike makers ----

func (g rnd) uuid() string {
	return g.chars(8, lowerHex) + "-" + g.chars(4, lowerHex) + "-4" + g.chars(3, lowerHex) + "-" + g.pick("8", "9", "a", "b") + g.chars(3, lowerHex) + "-" + g.chars(12, lowerHex)
}
func (g rnd) traceID() string    { return g.chars(32, lowerHex) }
func (g rnd) spanID() string     { return g.chars(16, lowerHex) }
func (g rnd) sha1() string       { return g.chars(40, lowerHex) }
func (g rnd) sha256() string     { return g.chars(64, lowerHex) }
func (g rnd) epoch() int64       { return 1709251200 + int64(g.r.IntN(20_000_000)) }
func (g rnd) epochS() string     { return strconv.FormatInt(g.epoch(), 10) }
func (g rnd) epochMs() string    { return strconv.FormatInt(g.epoch()*1000+int64(g.r.IntN(1000)), 10) }
func (g rnd) epochMicro() string { return fmt.Sprintf("%d.%06d", g.epoch(), g.r.IntN(1000000)) }
func (g rnd) orderID() string {
	return g.pick("ORD-", "PO-", "") + "2024" + fmt.Sprintf("%02d%02d", g.n(1, 12), g.n(1, 28)) + "-" + g.digits(g.n(6, 7))
}
func (g rnd) invoiceID() string { return g.pick("INV", "DOC", "TKT", "REQ") + "-2024-" + g.digits(6) }

// ver4 is a four-part version whose parts all fit in an octet.
func (g rnd) ver4() string {
	return g.num(1, 30) + "." + g.num(0, 40) + "." + g.num(0, 200) + "." + g.num(0, 250)
}

// isoTime returns an RFC 3339 timestamp with milliseconds and a zone.
func (g rnd) isoTime() string {
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03d%s", g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59), g.n(0, 59), g.n(0, 999), g.pick("Z", "+09:00"))
}
func (g rnd) date() string { return fmt.Sprintf("2024-%02d-%02d", g.n(1, 12), g.n(1, 28)) }
func (g rnd) clock() string {
	return fmt.Sprintf("%02d:%02d:%02d", g.n(0, 23), g.n(0, 59), g.n(0, 59))
}
func (g rnd) month() string {
	return g.pick("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
}
func (g rnd) macAddr() string {
	var p []string
	for range 6 {
		p = append(p, g.chars(2, lowerHex))
	}
	return strings.Join(p, ":")
}

// browserUA returns a user agent whose product tokens include IPv4-shaped
// versions (reduced Chrome/Edge tokens, Whale, Samsung Internet) and the
// token that carries it.
func (g rnd) browserUA() (string, string) {
	ch := g.num(118, 131) + ".0.0.0"
	switch g.r.IntN(4) {
	case 0:
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + ch + " Safari/537.36", "Chrome/" + ch
	case 1:
		w := "3." + g.num(20, 28) + "." + g.num(100, 250) + "." + g.num(1, 40)
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + ch + " Whale/" + w + " Safari/537.36", "Whale/" + w
	case 2:
		return "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/" + ch + " Mobile Safari/537.36", "Chrome/" + ch
	default:
		return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + ch + " Safari/537.36 Edg/" + ch, "Edg/" + ch
	}
}

// pct percent-encodes the characters a query string encodes.
func pct(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
