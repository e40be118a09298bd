package seventh

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
)

// gen makes values from one random stream. Every maker is written from
// the public description of the value (Luhn, the RRN check digit, the
// national numbering plans, the token families' documented prefixes).
type gen struct{ r *rand.Rand }

const (
	lower  = "abcdefghijklmnopqrstuvwxyz"
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits = "0123456789"
	hexs   = "0123456789abcdef"
	alnum  = lower + upper + digits
	b32    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b64u   = alnum + "-_"
	b64s   = alnum + "+/"
)

func (g gen) n(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g gen) coin(p float64) bool { return g.r.Float64() < p }

func (g gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g gen) from(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

func (g gen) num(n int) string { return g.from(digits, n) }

// numNZ is n digits without a leading zero.
func (g gen) numNZ(n int) string { return g.from("123456789", 1) + g.num(n-1) }

func (g gen) hex(n int) string { return g.from(hexs, n) }

// mixed is n characters of alphabet that hold at least one lower-case
// letter, one capital and one digit (a random token always does at
// these lengths; this makes it certain).
func (g gen) mixed(alphabet string, n int) string {
	for {
		s := g.from(alphabet, n)
		if strings.ContainsAny(s, lower) && strings.ContainsAny(s, upper) && strings.ContainsAny(s, digits) {
			return s
		}
	}
}

// --- personal data ---

var (
	givenRoman = []string{"minsu", "jiwoo", "seoyeon", "hyunwoo", "jiyoung", "donghyun", "soyeon", "junho", "eunji", "taeyang", "hana", "sungmin", "yuna", "jaewon"}
	familyRom  = []string{"kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song"}
	westGiven  = []string{"john", "emma", "liam", "olivia", "noah", "ava", "james", "mia", "lucas", "sophia"}
	westFamily = []string{"smith", "johnson", "brown", "miller", "davis", "wilson", "taylor", "clark"}
	mailHosts  = []string{"naver.com", "gmail.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "outlook.com", "example.co.kr", "corp.example.com", "mail.example.org", "shop.example.kr", "yahoo.co.jp", "hotmail.com", "icloud.com"}
	koNames    = []string{"김민수", "이지우", "박서연", "최현우", "정지영", "강동현", "조소연", "윤준호", "장은지", "임태양", "한하나", "오성민"}
)

func (g gen) localPart() string {
	switch g.r.IntN(5) {
	case 0:
		return g.pick(familyRom...) + "." + g.pick(givenRoman...)
	case 1:
		return g.pick(givenRoman...) + g.num(g.n(2, 4))
	case 2:
		return g.pick(westGiven...) + "." + g.pick(westFamily...)
	case 3:
		return g.pick(familyRom...) + "_" + g.pick(givenRoman...) + g.num(2)
	default:
		return g.pick(givenRoman...) + "." + g.pick(familyRom...) + "+" + g.pick("shop", "news", "billing", "test")
	}
}

func (g gen) email() string { return g.localPart() + "@" + g.pick(mailHosts...) }

func (g gen) koName() string { return g.pick(koNames...) }

func luhnDigit(body string) byte {
	sum := 0
	double := true
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// cardNumber is a Luhn-valid number of a major scheme and its scheme name.
func (g gen) cardNumber() (string, string) {
	var prefix, scheme string
	length := 16
	switch g.r.IntN(7) {
	case 0, 1:
		prefix, scheme = "4"+g.num(5), "visa"
	case 2:
		prefix, scheme = fmt.Sprint(g.n(51, 55))+g.num(4), "mastercard"
	case 3:
		prefix, scheme = fmt.Sprint(g.n(2221, 2720))+g.num(2), "mastercard"
	case 4:
		prefix, scheme, length = g.pick("34", "37")+g.num(4), "amex", 15
	case 5:
		prefix, scheme = fmt.Sprint(g.n(3528, 3589))+g.num(2), "jcb"
	default:
		prefix, scheme = "94"+g.num(4), "bc"
	}
	body := prefix + g.num(length-1-len(prefix))
	return body + string(luhnDigit(body)), scheme
}

// groupCard writes a card number in its scheme's printed groups.
func groupCard(n, sep string) string {
	if len(n) == 15 {
		return n[:4] + sep + n[4:10] + sep + n[10:]
	}
	return n[:4] + sep + n[4:8] + sep + n[8:12] + sep + n[12:]
}

var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// rrn is a 주민등록번호 with a real birth date and a valid check digit,
// dashed or not; foreigners (외국인등록번호) carry 5-8 as the seventh digit.
func (g gen) rrn(dashed bool) string {
	year := g.n(1950, 2009)
	month := g.n(1, 12)
	day := g.n(1, daysIn[month])
	var gd int
	switch {
	case g.coin(0.1):
		gd = g.n(5, 6)
		if year >= 2000 {
			gd += 2
		}
	case year >= 2000:
		gd = g.n(3, 4)
	default:
		gd = g.n(1, 2)
	}
	s := fmt.Sprintf("%02d%02d%02d%d", year%100, month, day, gd) + g.num(5)
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, c := range s {
		sum += int(c-'0') * w[i]
	}
	s += fmt.Sprint((11 - sum%11) % 10)
	if dashed {
		return s[:6] + "-" + s[6:]
	}
	return s
}

// krMobile is 010-NXXX-XXXX in the separator given ("" for bare).
func (g gen) krMobile(sep string) string {
	return "010" + sep + g.from("23456789", 1) + g.num(3) + sep + g.num(4)
}

func (g gen) krLandline() string {
	switch g.r.IntN(3) {
	case 0:
		return "02-" + g.from("23456789", 1) + g.num(g.n(2, 3)) + "-" + g.num(4)
	case 1:
		return g.pick("031", "032", "051", "053", "042", "062", "064") + "-" + g.from("23456789", 1) + g.num(g.n(2, 3)) + "-" + g.num(4)
	default:
		return "070-" + g.from("2345678", 1) + g.num(3) + "-" + g.num(4)
	}
}

// intlPhone is a number in international notation and its class.
func (g gen) intlPhone() (string, string) {
	switch g.r.IntN(6) {
	case 0:
		return "+82-10-" + g.from("23456789", 1) + g.num(3) + "-" + g.num(4), "kr_intl_dash"
	case 1:
		return "+82 10 " + g.from("23456789", 1) + g.num(3) + " " + g.num(4), "kr_intl_space"
	case 2:
		return "+8210" + g.from("23456789", 1) + g.num(7), "kr_e164"
	case 3:
		return "+1 (" + g.pick("212", "415", "646", "206", "312", "617") + ") " + g.from("23456789", 1) + g.num(2) + "-" + g.num(4), "na_intl_paren"
	case 4:
		return "+1-" + g.pick("213", "408", "503", "702", "919") + "-" + g.from("23456789", 1) + g.num(2) + "-" + g.num(4), "na_intl_dash"
	default:
		return "+44 20 7946 0" + g.num(3), "uk_intl"
	}
}

// phone is any kind of phone number and its class.
func (g gen) phone() (string, string) {
	switch g.r.IntN(5) {
	case 0, 1:
		return g.krMobile("-"), "kr_mobile"
	case 2:
		return g.krMobile(""), "kr_mobile_bare"
	case 3:
		return g.krLandline(), "kr_landline"
	default:
		return g.intlPhone()
	}
}

// bank is a Korean bank's name and an account number in that bank's
// printed layout.
func (g gen) bank() (string, string) {
	switch g.r.IntN(8) {
	case 0:
		return "국민은행", g.num(6) + "-" + g.num(2) + "-" + g.num(6)
	case 1:
		return "신한은행", "110-" + g.num(3) + "-" + g.num(6)
	case 2:
		return "우리은행", "1002-" + g.num(3) + "-" + g.num(6)
	case 3:
		return "하나은행", g.num(3) + "-" + g.num(6) + "-" + g.num(5)
	case 4:
		return "농협은행", "3" + g.num(2) + "-" + g.num(4) + "-" + g.num(4) + "-" + g.num(2)
	case 5:
		return "카카오뱅크", "3333-" + g.num(2) + "-" + g.num(7)
	case 6:
		return "IBK기업은행", g.num(3) + "-" + g.num(6) + "-" + g.num(2) + "-" + g.num(3)
	default:
		return "토스뱅크", "1000-" + g.num(4) + "-" + g.num(4)
	}
}

// bankCode is the 금융결제원 bank code of a bank name.
func bankCode(name string) string {
	switch name {
	case "국민은행":
		return "004"
	case "신한은행":
		return "088"
	case "우리은행":
		return "020"
	case "하나은행":
		return "081"
	case "농협은행":
		return "011"
	case "카카오뱅크":
		return "090"
	case "IBK기업은행":
		return "003"
	default:
		return "092"
	}
}

// --- addresses ---

func (g gen) ipv4() string {
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", g.n(0, 255), g.n(0, 255), g.n(1, 254))
	case 1:
		return fmt.Sprintf("192.168.%d.%d", g.n(0, 255), g.n(1, 254))
	case 2:
		return fmt.Sprintf("172.%d.%d.%d", g.n(16, 31), g.n(0, 255), g.n(1, 254))
	case 3:
		return fmt.Sprintf("%s.%d", g.pick("203.0.113", "198.51.100", "192.0.2"), g.n(1, 254))
	default:
		return fmt.Sprintf("%d.%d.%d.%d", g.pick1(), g.n(0, 255), g.n(0, 255), g.n(1, 254))
	}
}

// publicIPv4 is an address outside the private and documentation ranges,
// as edge services see their clients.
func (g gen) publicIPv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", g.pick1(), g.n(0, 255), g.n(0, 255), g.n(1, 254))
}

// tai64n is a TAI64N label of a time in December 2026 (TAI = UTC + 10 s
// here, as daemontools' tai64n writes it).
func (g gen) tai64n() string {
	return fmt.Sprintf("%016x%08x", uint64(0x4000000000000000)+uint64(1796083200+g.r.IntN(2592000))+10, g.r.IntN(1000000000))
}

// pick1 is a public first octet.
func (g gen) pick1() int {
	for {
		o := g.n(1, 223)
		if o != 10 && o != 127 && o != 172 && o != 192 && o != 100 && o != 169 {
			return o
		}
	}
}

func (g gen) hex4() string { return fmt.Sprintf("%x", g.r.IntN(0xffff)+1) }

func (g gen) ipv6() string {
	switch g.r.IntN(4) {
	case 0:
		return "2001:db8:" + g.hex4() + ":" + g.hex4() + "::" + g.hex4()
	case 1:
		return g.pick("2406:5900", "2001:e60", "2404:6800", "2600:1f18") + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4()
	case 2:
		return "fe80::" + g.hex4() + ":" + g.hex4() + ":" + g.hex4() + ":" + g.hex4()
	default:
		return "fd00:" + g.hex4() + "::" + g.hex4()
	}
}

// --- credentials ---

// password is a user-chosen password: letters, digits and a symbol or two.
func (g gen) password() string {
	base := g.pick("Spring", "Summer", "Winter", "Seoul", "Busan", "Hello", "Sky", "Blue", "Tiger", "Dragon", "Admin", "Welcome", "Qwer", "Passw0rd", "Manager", "Happy")
	return base + g.pick("!", "@", "#", "$", "^", "*", "_", ".") + g.num(g.n(2, 4)) + g.pick("", "!", "a", "x", "Z", "#")
}

// urlPassword is a password safe inside a URL's userinfo.
func (g gen) urlPassword() string {
	if g.coin(0.5) {
		return g.mixed(alnum, g.n(12, 20))
	}
	return g.pick("Sup3r", "Db", "App", "Rpl") + g.mixed(alnum, 8) + g.pick("-", "_", ".", "~") + g.num(3)
}

// randomSecret is a generated (not typed) secret of alphanumerics.
func (g gen) randomSecret(n int) string { return g.mixed(alnum, n) }

func (g gen) awsKeyID(prefix string) string { return prefix + g.from(b32, 16) }

func (g gen) awsSecret() string { return g.mixed(b64s, 40) }

// accessKey is a token of a documented family and its family name.
func (g gen) accessKey() (string, string) {
	switch g.r.IntN(9) {
	case 0:
		return g.awsKeyID("AKIA"), "aws_akia"
	case 1:
		return g.awsKeyID("ASIA"), "aws_asia"
	case 2:
		return "ghp_" + g.mixed(alnum, 36), "github_pat"
	case 3:
		return "xoxb-" + g.numNZ(12) + "-" + g.numNZ(13) + "-" + g.mixed(alnum, 24), "slack_bot"
	case 4:
		return "sk_live_" + g.mixed(alnum, 24), "stripe_live"
	case 5:
		return "AIza" + g.mixed(b64u, 35), "google_api"
	case 6:
		return "glpat-" + g.mixed(alnum+"_-", 20), "gitlab_pat"
	case 7:
		return "SG." + g.mixed(b64u, 22) + "." + g.mixed(b64u, 43), "sendgrid"
	default:
		return "npm_" + g.mixed(alnum, 36), "npm"
	}
}

func b64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// jwt is a signed JSON Web Token with a realistic header and claims.
func (g gen) jwt() string {
	h := fmt.Sprintf(`{"alg":"%s","typ":"JWT","kid":"%s"}`, g.pick("RS256", "ES256", "HS256"), g.hex(16))
	iat := 1764600000 + g.r.IntN(3000000)
	p := fmt.Sprintf(`{"sub":"%s","iss":"https://%s","aud":"%s","iat":%d,"exp":%d,"scope":"%s"}`,
		g.pick(g.uuid(), fmt.Sprint(g.n(10000, 99999999)), "system:serviceaccount:default:"+g.pick("deployer", "builder", "app")),
		g.pick("auth.example.com", "login.example.co.kr", "kubernetes.default.svc", "accounts.example.org/realms/shop"),
		g.pick("api", "shop-web", "https://kubernetes.default.svc"), iat, iat+3600, g.pick("openid profile", "read write", "orders:read"))
	sig := g.from(b64u, 43*g.n(1, 2))
	return b64url(h) + "." + b64url(p) + "." + sig
}

// bearer is an opaque OAuth access token.
func (g gen) bearer() string {
	switch g.r.IntN(3) {
	case 0:
		return g.mixed(b64u, g.n(32, 48))
	case 1:
		return g.hex(8) + g.from("ABCDEFabcdef", 2) + g.mixed(alnum, 30)
	default:
		return g.mixed(alnum, 20) + "." + g.mixed(alnum, 24)
	}
}

// basic is HTTP Basic credentials: base64 of user:password.
func (g gen) basic() string {
	return base64.StdEncoding.EncodeToString([]byte(g.pick("admin", "api", "svc-"+g.pick("batch", "etl"), g.localPart()) + ":" + g.password()))
}

// --- look-alikes ---

func (g gen) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-" + g.from("89ab", 1) + g.hex(3) + "-" + g.hex(12)
}

func (g gen) traceID() string { return g.hex(32) }
func (g gen) spanID() string  { return g.hex(16) }
func (g gen) sha() string     { return g.hex(40) }

// epochMS is a time of December 2026 in milliseconds.
func (g gen) epochMS() string { return fmt.Sprint(int64(1796083200000) + g.r.Int64N(2592000000)) }
func (g gen) epochS() string  { return fmt.Sprint(1796083200 + g.r.IntN(2592000)) }

func (g gen) version() string {
	return fmt.Sprintf("%d.%d.%d", g.n(1, 9), g.n(0, 30), g.n(0, 40))
}

// quad is a four-part version in the numbering real products use.
func (g gen) quad() string {
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%d.0.%d.%d", g.n(118, 131), g.n(5900, 6800), g.n(1, 220))
	case 1:
		return "10.0." + g.pick("19041", "19045", "22621", "22631", "26100", "17763", "20348") + "." + fmt.Sprint(g.n(1000, 5000))
	case 2:
		return fmt.Sprintf("%d.%d.%d.%d", g.n(1, 8), g.n(0, 20), g.n(0, 200), g.n(1, 99))
	case 3:
		return fmt.Sprintf("3.%d.%d.%d", g.n(20, 30), g.n(100, 200), g.n(10, 30))
	default:
		return fmt.Sprintf("%d.%d.%d.%d", g.n(11, 19), g.n(0, 9), g.n(0, 9), g.n(1000, 9999))
	}
}

func (g gen) dur() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%d.%03dms", g.n(0, 999), g.r.IntN(1000))
	case 1:
		return fmt.Sprintf("%d.%03ds", g.n(1, 30), g.r.IntN(1000))
	default:
		return fmt.Sprintf("%dms", g.n(100, 9999))
	}
}

// orderID is an order or document number of a shop or ERP system.
func (g gen) orderID() string {
	switch g.r.IntN(4) {
	case 0:
		return "ORD-202612" + fmt.Sprintf("%02d", g.n(1, 31)) + "-" + g.num(6)
	case 1:
		return "202612" + fmt.Sprintf("%02d", g.n(1, 31)) + "-" + g.num(7)
	case 2:
		return "INV-2026-" + g.num(5)
	default:
		return "SO" + g.num(10)
	}
}

// ts is an ISO 8601 time of December 2026 with the fraction and zone given.
func (g gen) tsParts() (d, h, m, s, frac int) {
	return g.n(1, 31), g.n(0, 23), g.n(0, 59), g.n(0, 59), g.r.IntN(1000000)
}

func (g gen) iso(fracDigits int, zone string) string {
	d, h, m, s, f := g.tsParts()
	out := fmt.Sprintf("2026-12-%02dT%02d:%02d:%02d", d, h, m, s)
	switch fracDigits {
	case 3:
		out += fmt.Sprintf(".%03d", f/1000)
	case 6:
		out += fmt.Sprintf(".%06d", f)
	case 9:
		out += fmt.Sprintf(".%06d%03d", f, g.r.IntN(1000))
	}
	return out + zone
}

// clock is "2026-12-DD HH:MM:SS" and a fraction of the digits given.
func (g gen) clock(sep string, fracDigits int, fracSep string) string {
	d, h, m, s, f := g.tsParts()
	out := fmt.Sprintf("2026-12-%02d%s%02d:%02d:%02d", d, sep, h, m, s)
	switch fracDigits {
	case 3:
		out += fracSep + fmt.Sprintf("%03d", f/1000)
	case 6:
		out += fracSep + fmt.Sprintf("%06d", f)
	}
	return out
}

func (g gen) hostname() string {
	return g.pick("api", "web", "app", "batch", "db", "pay", "auth", "order") + "-" + g.pick("prod", "stg", "prd", "dev") + "-" + fmt.Sprintf("%02d", g.n(1, 40))
}

func (g gen) path() string {
	return g.pick("/api/v1/orders", "/api/v2/members", "/login", "/auth/callback", "/checkout", "/api/payments", "/mypage/profile", "/api/v1/users/me", "/oauth/token", "/api/search")
}

func (g gen) chromeUA() string {
	return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + fmt.Sprintf("%d.0.%d.%d", g.n(118, 131), g.n(5900, 6800), g.n(1, 220)) + " Safari/537.36"
}

// compactTime is yyyyMMddHHmmss in December 2026.
func (g gen) compactTime() string {
	d, h, m, s, _ := g.tsParts()
	return fmt.Sprintf("202612%02d%02d%02d%02d", d, h, m, s)
}

// emailPct is an address as a browser or URL encoder writes it into a
// query string or form body: "@" as %40, "+" as %2B.
func (g gen) emailPct() string { return url.QueryEscape(g.email()) }
