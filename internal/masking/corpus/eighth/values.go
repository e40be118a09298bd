package eighth

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// gen draws the values of the corpus. Every secret maker writes a value the
// detector's documented validation accepts (Luhn, real dates, token
// prefixes and lengths); look-alike makers write what real systems print
// next to them.
type gen struct{ r *rand.Rand }

const (
	digitsA = "0123456789"
	hexA    = "0123456789abcdef"
	lowerA  = "abcdefghijklmnopqrstuvwxyz"
	upperA  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	alnumA  = lowerA + upperA + digitsA
	b32A    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b64uA   = alnumA + "-_"
)

func (g gen) n(k int) int              { return g.r.IntN(k) }
func (g gen) in(lo, hi int) int        { return lo + g.r.IntN(hi-lo+1) }
func (g gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g gen) chance(p float64) bool    { return g.r.Float64() < p }
func (g gen) digits(k int) string      { return g.from(digitsA, k) }
func (g gen) hex(k int) string         { return g.from(hexA, k) }
func (g gen) alnum(k int) string       { return g.from(alnumA, k) }
func (g gen) upperHex(k int) string    { return strings.ToUpper(g.hex(k)) }
func (g gen) num(lo, hi int) string    { return fmt.Sprint(g.in(lo, hi)) }
func (g gen) two(lo, hi int) string    { return fmt.Sprintf("%02d", g.in(lo, hi)) }
func (g gen) lowerAlnum(k int) string  { return g.from(lowerA+digitsA, k) }
func (g gen) upperAlnum(k int) string  { return g.from(upperA+digitsA, k) }
func (g gen) b64url(k int) string      { return g.from(b64uA, k) }
func (g gen) word() string             { return g.pick(words...) }
func (g gen) korName() string          { return g.pick(korNames...) }
func (g gen) user() string             { return g.pick(users...) }

var words = []string{"orders", "billing", "catalog", "member", "search", "payment", "shipping", "report", "notice", "inventory", "ledger", "profile"}
var korNames = []string{"김민수", "이지은", "박서준", "최유진", "정하늘", "강도윤", "조서연", "윤지호", "장민재", "임수빈"}
var users = []string{"kim.minsu", "lee.jieun", "park.sj", "choi_yj", "jung.sky", "kang.dy", "svc-batch", "deploy", "jsmith", "a.tanaka"}

// from draws k characters of alphabet, making sure that mixed alphabets give
// letters and digits both (the token detectors ask for a mix).
func (g gen) from(alphabet string, k int) string {
	for {
		b := make([]byte, k)
		for i := range b {
			b[i] = alphabet[g.r.IntN(len(alphabet))]
		}
		s := string(b)
		if k < 8 || !strings.ContainsAny(alphabet, digitsA) || !strings.ContainsAny(alphabet, lowerA+upperA) ||
			(strings.ContainsAny(s, digitsA) && strings.ContainsAny(s, lowerA+upperA)) {
			return s
		}
	}
}

// --- secrets ---

var emailLocals = []string{"kim.minsu", "jieun.lee", "sj.park", "yujin_choi", "haneul.jung", "doyoon.kang", "seoyeon.cho", "jiho.yoon", "j.smith", "maria.garcia", "a.tanaka", "ops.oncall", "minjae+shop", "subin.lim"}
var emailDomains = []string{"example.com", "example.co.kr", "corp.example.kr", "mail.example.org", "naver.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net", "outlook.com"}

func (g gen) email() string {
	return g.pick(emailLocals...) + g.pick("", "", g.digits(2)) + "@" + g.pick(emailDomains...)
}

func luhnComplete(prefix string, length int, g gen) string {
	b := []byte(prefix)
	for len(b) < length-1 {
		b = append(b, digitsA[g.r.IntN(10)])
	}
	sum := 0
	for i := len(b) - 1; i >= 0; i-- {
		d := int(b[i] - '0')
		if (len(b)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return string(append(b, byte('0'+(10-sum%10)%10)))
}

// card is a Luhn-valid card number of a real scheme, contiguous; brand says which.
func (g gen) card() (pan, brand string) {
	switch g.n(6) {
	case 0:
		return luhnComplete("4"+g.digits(5), 16, g), "visa"
	case 1:
		return luhnComplete(fmt.Sprint(g.in(51, 55)), 16, g), "mastercard"
	case 2:
		return luhnComplete(g.pick("34", "37"), 15, g), "amex"
	case 3:
		return luhnComplete(fmt.Sprint(g.in(3528, 3589)), 16, g), "jcb"
	case 4:
		return luhnComplete(fmt.Sprint(g.in(2221, 2720)), 16, g), "mastercard2"
	default:
		return luhnComplete(g.pick("9410", "9420", "9490", "6250"), 16, g), "kr_local"
	}
}

// grouped writes a 16- or 15-digit PAN in its printed groups.
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

// maskedPAN is how payment systems print a card after truncation (a look-alike).
func (g gen) maskedPAN() string {
	pan, _ := g.card()
	if len(pan) == 15 {
		return pan[:6] + "*****" + pan[11:]
	}
	return pan[:6] + g.pick("******", "XXXXXX") + pan[12:]
}

var rrnWeights = []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}

// rrn is a resident registration number with a real birth date and a
// gender digit matching its century; most carry a valid check digit.
func (g gen) rrn() string {
	y := g.in(1950, 2012)
	m, d := g.in(1, 12), g.in(1, 28)
	var gd int
	switch {
	case y >= 2000:
		gd = g.in(3, 4)
	default:
		gd = g.in(1, 2)
	}
	if g.chance(0.08) {
		gd += 4 // foreign residents
	}
	s := fmt.Sprintf("%02d%02d%02d%d%s", y%100, m, d, gd, g.digits(5))
	sum := 0
	for i := range 12 {
		sum += int(s[i]-'0') * rrnWeights[i]
	}
	c := (11 - sum%11) % 10
	if g.chance(0.1) { // issued since 2020: no check digit
		c = (c + 1 + g.n(9)) % 10
	}
	return s[:6] + "-" + s[6:] + fmt.Sprint(c)
}

func (g gen) krMobile(sep string) string {
	return "010" + sep + g.num(2000, 9999) + sep + g.digits(4)
}

func (g gen) krLandline() string {
	if g.chance(0.5) {
		return "02-" + g.num(200, 9999) + "-" + g.digits(4)
	}
	return g.pick("031", "032", "051", "053", "042", "062", "064") + "-" + g.num(200, 999) + "-" + g.digits(4)
}

func (g gen) krIntl() string { return "+82-10-" + g.num(2000, 9999) + "-" + g.digits(4) }

func (g gen) nanp() (npa, nxx, line string) {
	return fmt.Sprint(g.in(2, 9)) + g.digits(2), fmt.Sprint(g.in(2, 9)) + g.digits(2), g.digits(4)
}

func (g gen) e164US() string { a, b, c := g.nanp(); return "+1" + a + b + c }

func (g gen) usParen() string { a, b, c := g.nanp(); return "+1 (" + a + ") " + b + "-" + c }

func (g gen) ukPhone() string { return "+44 20 7" + g.digits(3) + " " + g.digits(4) }

func (g gen) jpPhone() string { return "+81-3-" + g.digits(4) + "-" + g.digits(4) }

// bankAccount is a Korean account number in the shape its bank prints.
func (g gen) bankAccount() (bank, acct string) {
	switch g.n(7) {
	case 0:
		return "국민", g.digits(6) + "-" + g.digits(2) + "-" + g.digits(6)
	case 1:
		return "신한", "110-" + g.digits(3) + "-" + g.digits(6)
	case 2:
		return "우리", "1002-" + g.digits(3) + "-" + g.digits(6)
	case 3:
		return "카카오뱅크", "3333-" + g.digits(2) + "-" + g.digits(7)
	case 4:
		return "농협", "30" + g.digits(1) + "-" + g.digits(4) + "-" + g.digits(4) + "-" + g.digits(2)
	case 5:
		return "하나", g.digits(3) + "-" + g.digits(6) + "-" + g.digits(5)
	default:
		return "기업", g.digits(3) + "-" + g.digits(6) + "-" + g.digits(2) + "-" + g.digits(3)
	}
}

func (g gen) bankCode(bank string) string {
	return map[string]string{"국민": "004", "신한": "088", "우리": "020", "카카오뱅크": "090", "농협": "011", "하나": "081", "기업": "003"}[bank]
}

func bare(acct string) string { return strings.ReplaceAll(acct, "-", "") }

func (g gen) octet() string { return fmt.Sprint(g.in(1, 254)) }

// privIPv4 and pubIPv4 are addresses of internal hosts and of clients.
func (g gen) privIPv4() string {
	switch g.n(3) {
	case 0:
		return "10." + g.num(0, 254) + "." + g.num(0, 254) + "." + g.octet()
	case 1:
		return "172." + g.num(16, 31) + "." + g.num(0, 254) + "." + g.octet()
	default:
		return "192.168." + g.num(0, 254) + "." + g.octet()
	}
}

func (g gen) pubIPv4() string {
	switch g.n(5) {
	case 0:
		return "203.0.113." + g.octet()
	case 1:
		return "198.51.100." + g.octet()
	case 2:
		return "211." + g.num(32, 254) + "." + g.num(0, 254) + "." + g.octet()
	case 3:
		return "121." + g.num(128, 191) + "." + g.num(0, 254) + "." + g.octet()
	default:
		return g.pick("58", "61", "175", "222", "59") + "." + g.num(0, 254) + "." + g.num(0, 254) + "." + g.octet()
	}
}

func (g gen) ipv4() string {
	if g.chance(0.5) {
		return g.privIPv4()
	}
	return g.pubIPv4()
}

func (g gen) h4() string { return fmt.Sprintf("%x", g.in(1, 0xffff)) }

func (g gen) ipv6() string {
	switch g.n(4) {
	case 0:
		return "2001:db8:" + g.h4() + ":" + g.h4() + "::" + g.h4()
	case 1:
		return "fe80::" + g.h4() + ":" + g.hex(2) + "ff:fe" + g.hex(2) + ":" + g.h4()
	case 2:
		return "2406:da12:" + g.h4() + ":" + g.h4() + ":" + g.h4() + ":" + g.h4() + ":" + g.h4() + ":" + g.h4()
	default:
		return "2001:e60:" + g.h4() + ":" + g.h4() + "::" + g.h4()
	}
}

func b64j(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// jwt is a JSON Web Token with a real header and claims.
func (g gen) jwt() string {
	alg := g.pick("RS256", "HS256", "ES256")
	h := fmt.Sprintf(`{"alg":"%s","typ":"JWT","kid":"%s"}`, alg, g.hex(8))
	if g.chance(0.3) {
		h = fmt.Sprintf(`{"typ":"JWT","alg":"%s"}`, alg)
	}
	iat := 1796198400 + g.n(86400*2)
	p := fmt.Sprintf(`{"sub":"%s","iss":"https://%s","aud":"%s","iat":%d,"exp":%d,"scope":"%s"}`,
		g.pick("u-"+g.digits(6), g.user(), g.uuid()), g.pick("auth.example.com", "login.example.kr", "sso.corp.example.kr/realms/main"),
		g.pick("api", "web", "mobile-app"), iat, iat+3600, g.pick("read write", "openid profile", "orders:read"))
	sig := 43
	if alg == "RS256" {
		sig = 342
	} else if alg == "ES256" {
		sig = 86
	}
	return b64j(h) + "." + b64j(p) + "." + g.b64url(sig)
}

func (g gen) awsKeyID() string  { return g.pick("AKIA", "ASIA") + g.from(b32A, 16) }
func (g gen) awsSecret() string { return g.from(alnumA+"/+", 40) }
func (g gen) githubPAT() string { return g.pick("ghp_", "gho_", "ghs_") + g.alnum(36) }
func (g gen) gitlabPAT() string { return "glpat-" + g.from(alnumA+"-_", 20) }
func (g gen) slackBot() string {
	return "xoxb-" + g.digits(12) + "-" + g.digits(13) + "-" + g.alnum(24)
}
func (g gen) stripeKey() string { return g.pick("sk_live_", "rk_live_") + g.alnum(24) }
func (g gen) googleKey() string { return "AIza" + g.from(alnumA+"-_", 35) }
func (g gen) sendgridKey() string {
	return "SG." + g.from(alnumA+"-_", 22) + "." + g.from(alnumA+"-_", 43)
}
func (g gen) npmToken() string      { return "npm_" + g.alnum(36) }
func (g gen) hfToken() string       { return "hf_" + g.from(lowerA+upperA, 34) }
func (g gen) vaultToken() string    { return "hvs." + g.from(alnumA+"-_", 24) }
func (g gen) opaqueToken() string   { return g.alnum(g.in(32, 48)) }
func (g gen) hexToken(k int) string { return g.hex(k) }

// accessKey is a token of a prefixed family, with its family for the class.
func (g gen) accessKey() (key, family string) {
	switch g.n(9) {
	case 0:
		return g.awsKeyID(), "aws"
	case 1:
		return g.githubPAT(), "github"
	case 2:
		return g.gitlabPAT(), "gitlab"
	case 3:
		return g.slackBot(), "slack"
	case 4:
		return g.stripeKey(), "stripe"
	case 5:
		return g.googleKey(), "google"
	case 6:
		return g.sendgridKey(), "sendgrid"
	case 7:
		return g.npmToken(), "npm"
	default:
		return g.hfToken(), "huggingface"
	}
}

// password is a password people and provisioning scripts set.
func (g gen) password() string {
	switch g.n(6) {
	case 0:
		return g.pick("Spring", "Winter", "Summer", "Autumn", "Welcome", "Passw0rd", "Seoul", "Busan") + g.num(2019, 2026) + g.pick("!", "#", "$", "^", "*")
	case 1:
		return g.pick("qwer", "asdf", "zxcv", "admin", "root", "test") + g.digits(4) + g.pick("!@", "!", "#$", "")
	case 2:
		return g.from(alnumA+"!#$^*-_+", g.in(12, 20))
	case 3:
		return g.pick("tiger", "manager", "oracle", "sybase", "changeit") + g.digits(3) + g.pick("!", "")
	case 4:
		return g.alnum(g.in(16, 24))
	default:
		return g.pick("Kim", "Lee", "Park", "Choi") + g.pick("@", "#", "!") + g.digits(6)
	}
}

// urlPassword stays valid in a URL's userinfo without escaping.
func (g gen) urlPassword() string { return g.from(alnumA+"-_.~", g.in(12, 20)) }

func (g gen) basic() (cred, user, pw string) {
	user, pw = g.pick("admin", "ci-bot", "svc-report", "monitor", "deploy", "api"), g.urlPassword()
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pw)), user, pw
}

// --- look-alikes ---

func (g gen) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-" + g.pick("8", "9", "a", "b") + g.hex(3) + "-" + g.hex(12)
}
func (g gen) traceID() string  { return g.hex(32) }
func (g gen) spanID() string   { return g.hex(16) }
func (g gen) sha() string      { return g.hex(40) }
func (g gen) shortSHA() string { return g.hex(7 + g.n(6)) }
func (g gen) epochMs() string  { return fmt.Sprint(1796198400000 + g.r.Int64N(86400000*2)) }
func (g gen) epochS() string   { return fmt.Sprint(1796198400 + g.n(86400*2)) }
func (g gen) version() string  { return g.num(1, 9) + "." + g.num(0, 30) + "." + g.num(0, 40) }
func (g gen) quadVersion() string {
	return g.num(1, 20) + "." + g.num(0, 20) + "." + g.num(0, 99) + "." + g.num(1, 9999)
}
func (g gen) duration() string {
	switch g.n(4) {
	case 0:
		return g.num(1, 999) + "ms"
	case 1:
		return g.num(0, 59) + "." + g.digits(3) + "s"
	case 2:
		return g.num(1, 9) + "m" + g.num(0, 59) + "." + g.digits(3) + "s"
	default:
		return g.num(1, 999) + "." + g.digits(3) + "ms"
	}
}
func (g gen) orderID() string {
	switch g.n(3) {
	case 0:
		return "ORD-202612" + g.two(1, 2) + "-" + g.digits(6)
	case 1:
		return "202612" + g.two(1, 2) + "-" + g.digits(7)
	default:
		return "PO" + g.digits(10)
	}
}
func (g gen) host() string {
	return g.pick("db", "api", "web", "batch", "kafka", "cache", "auth", "mq") + "-" + g.pick("prod", "stg", "dr") + "-" + g.two(1, 12) + "." + g.pick("internal.example.com", "corp.example.kr", "svc.cluster.local")
}
func (g gen) placeholder() string {
	return g.pick("****", "********", "[FILTERED]", "<redacted>", "xxxxxx", "******")
}
func (g gen) mac() string {
	return g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2) + ":" + g.hex(2)
}
func (g gen) bizNo() string { return g.digits(3) + "-" + g.digits(2) + "-" + g.digits(5) }

// clock is a time of day on 2026-12-01 or 02.
type clock struct{ day, h, m, s, ms int }

func (g gen) clock() clock { return clock{g.in(1, 2), g.n(24), g.n(60), g.n(60), g.n(1000)} }
func (c clock) iso() string {
	return fmt.Sprintf("2026-12-%02dT%02d:%02d:%02d.%03dZ", c.day, c.h, c.m, c.s, c.ms)
}
func (c clock) isoOff(off string) string {
	return fmt.Sprintf("2026-12-%02dT%02d:%02d:%02d.%03d%s", c.day, c.h, c.m, c.s, c.ms, off)
}
func (c clock) dt() string             { return fmt.Sprintf("2026-12-%02d %02d:%02d:%02d", c.day, c.h, c.m, c.s) }
func (c clock) dtMs(sep string) string { return c.dt() + sep + fmt.Sprintf("%03d", c.ms) }
func (c clock) slash() string {
	return fmt.Sprintf("2026/12/%02d %02d:%02d:%02d", c.day, c.h, c.m, c.s)
}
func (c clock) hms() string { return fmt.Sprintf("%02d:%02d:%02d", c.h, c.m, c.s) }
func (c clock) sys() string { return fmt.Sprintf("Dec %2d %02d:%02d:%02d", c.day, c.h, c.m, c.s) }

func toUpper(s string) string { return strings.ToUpper(s) }
