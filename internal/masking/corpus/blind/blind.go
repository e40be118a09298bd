// Package blind is a third masking corpus, written after the held-out set
// had been used to find two fixes, so that one score stays blind: formats
// from the public documentation of HAProxy (HTTP log format), Tomcat's
// AccessLogValve, Go log/slog (TextHandler), pino, Log4j 2 PatternLayout,
// Rails request logs, gunicorn, Kubernetes audit events, FortiGate traffic
// logs, Juniper SRX RT_FLOW (structured syslog), journald, MongoDB's JSON
// log and the nginx error log, plus Korean service messages in Java style.
//
// It was committed before its first run and is never tuned on: its numbers
// are reported as they came out the first time.
package blind

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Formats are the formats Generate rotates through.
var Formats = []string{"haproxy", "tomcat", "slog", "pino", "log4j", "rails", "gunicorn", "k8s_audit", "fortigate",
	"junos", "journald", "mongodb", "nginx_error", "korean_app"}

// Generate returns n lines from seed; about rate of the optional slots carry a secret.
func Generate(seed uint64, n int, rate float64) []corpus.Line {
	r := rand.New(rand.NewPCG(seed, 0x626c696e64))
	out := make([]corpus.Line, 0, n)
	for i := range n {
		l := &line{r: r, rate: rate}
		l.l.Format = Formats[i%len(Formats)]
		templates[l.l.Format](l)
		l.l.Text = l.b.String()
		out = append(out, l.l)
	}
	return out
}

var templates = map[string]func(*line){
	"haproxy": (*line).haproxy, "tomcat": (*line).tomcat, "slog": (*line).slog, "pino": (*line).pino,
	"log4j": (*line).log4j, "rails": (*line).rails, "gunicorn": (*line).gunicorn, "k8s_audit": (*line).k8sAudit,
	"fortigate": (*line).fortigate, "junos": (*line).junos, "journald": (*line).journald, "mongodb": (*line).mongodb,
	"nginx_error": (*line).nginxError, "korean_app": (*line).koreanApp,
}

type line struct {
	r    *rand.Rand
	rate float64
	b    strings.Builder
	l    corpus.Line
}

func (l *line) w(parts ...string) {
	for _, p := range parts {
		l.b.WriteString(p)
	}
}

// S records a secret, K a look-alike that must stay.
func (l *line) S(kind, v string) string {
	l.l.Secrets = append(l.l.Secrets, corpus.Secret{Kind: kind, Value: v})
	return v
}

func (l *line) K(v string) string {
	l.l.LookAlikes = append(l.l.LookAlikes, v)
	return v
}

func (l *line) on() bool               { return l.r.Float64() < l.rate }
func (l *line) of(xs ...string) string { return xs[l.r.IntN(len(xs))] }
func (l *line) n(k int) string         { return l.chars(k, "0123456789") }
func (l *line) hex(k int) string       { return l.chars(k, "0123456789abcdef") }
func (l *line) alnum(k int) string {
	return l.chars(k, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
}
func (l *line) chars(k int, a string) string {
	var b strings.Builder
	for range k {
		b.WriteByte(a[l.r.IntN(len(a))])
	}
	return b.String()
}

func (l *line) ip() string {
	return fmt.Sprintf("%d.%d.%d.%d", []int{10, 172, 192, 100, 61}[l.r.IntN(5)], l.r.IntN(256), l.r.IntN(256), 2+l.r.IntN(250))
}

func (l *line) mail() string {
	return l.of("kim", "jisoo.park", "h.lee", "support+kr", "choi_m") + l.n(l.r.IntN(3)) + "@" + l.of("example.com", "example.kr", "shop.example.net")
}

func (l *line) mobile() string {
	sep := l.of("-", " ", ".")
	return "010" + sep + l.n(4) + sep + l.n(4)
}

func (l *line) pass() string {
	return l.alnum(3) + l.of("!", "#", "%", "&", "?") + l.n(3) + l.alnum(4)
}

func (l *line) account() string {
	switch l.r.IntN(5) {
	case 0:
		return "110" + l.n(9) // bare 12 digits
	case 1:
		return "3333-" + l.n(2) + "-" + l.n(7)
	case 2:
		return l.n(6) + "-" + l.n(2) + "-" + l.n(6)
	case 3:
		return "1002-" + l.n(3) + "-" + l.n(6)
	default:
		return "3" + l.n(2) + "-" + l.n(4) + "-" + l.n(4) + "-" + l.n(2)
	}
}

func (l *line) uuid() string {
	h := l.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-9" + h[17:20] + "-" + h[20:]
}

func (l *line) when() string {
	return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02d.%03d+09:00", 1+l.r.IntN(12), 1+l.r.IntN(28), l.r.IntN(24), l.r.IntN(60), l.r.IntN(60), l.r.IntN(1000))
}

func (l *line) clf() string {
	return fmt.Sprintf("%02d/%s/2024:%02d:%02d:%02d +0900", 1+l.r.IntN(28), l.of("Jan", "Jun", "Sep"), l.r.IntN(24), l.r.IntN(60), l.r.IntN(60))
}

func (l *line) orderNo() string {
	return l.of("ORD", "PAY", "RFD") + "-" + fmt.Sprintf("2024%02d%02d", 1+l.r.IntN(12), 1+l.r.IntN(28)) + "-" + l.n(5)
}

func (l *line) luhnCard() string {
	body := l.of("4", "5", "37") + l.n(14) // 16 digits, Amex 15
	if body[0] == '3' {
		body = body[:14]
	}
	sum := 0
	for i := range len(body) {
		v := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return body + fmt.Sprint((10-sum%10)%10)
}

func (l *line) haproxy() {
	q := "?page=" + l.n(1)
	if l.on() {
		q = "?mail=" + l.S("email", strings.Replace(l.mail(), "@", "%40", 1))
	}
	l.w("haproxy[", l.n(5), "]: ", l.S("ipv4", l.ip()), ":", l.n(5), " [04/Mar/2024:10:15:30.", l.n(3), "] https-in~ shop/srv", l.n(1), " 10/0/30/69/",
		l.n(3), " 200 ", l.n(4), " - - ---- 1/1/1/1/0 0/0 {shop.example.com|", l.K(l.uuid()), "} \"GET /members", q, " HTTP/1.1\"")
}

func (l *line) tomcat() {
	user := "-"
	if l.on() {
		user = l.S("email", l.mail())
	}
	l.w(l.S("ipv4", l.ip()), " - ", user, " [", l.clf(), "] \"POST /api/members HTTP/1.1\" 201 ", l.n(3), " ", l.n(2), " \"Apache-HttpClient/",
		l.K("4.5.14"), " (Java/", l.K("17.0.10"), ")\"")
}

func (l *line) slog() {
	l.w("time=", l.when(), " level=INFO msg=\"member updated\" member.id=", l.n(6))
	if l.on() {
		l.w(" member.email=", l.S("email", l.mail()), " member.account=", l.S("bank_account", l.account()))
	}
	if l.on() {
		l.w(" req.ip=", l.S("ipv4", l.ip()), " req.session=", l.S("secret", l.alnum(28)))
	}
	l.w(" build=", l.K("v"+l.n(1)+"."+l.n(2)+"."+l.n(1)+"."+l.n(3)), " trace=", l.K(l.hex(32)))
}

func (l *line) pino() {
	l.w(`{"level":30,"time":`, l.K("17095"+l.n(8)), `,"pid":`, l.n(4), `,"hostname":"api-`, l.hex(5), `","req":{"id":`, l.n(3),
		`,"method":"POST","url":"/v1/login","remoteAddress":"`, l.S("ipv6", "::ffff:"+l.ip()), `"}`)
	if l.on() {
		l.w(`,"user":{"mail":"`, l.S("email", l.mail()), `","tel":"`, l.S("phone", "+1 "+l.of("415", "206", "917")+"-555-"+l.n(4)), `"}`)
	}
	l.w(`,"msg":"login ok","v":"`, l.K("node/v20."+l.n(2)+".1"), `"}`)
}

func (l *line) log4j() {
	l.w("2024-03-04 10:15:30,", l.n(3), " [http-nio-8080-exec-", l.n(1), "] INFO  c.e.pay.PaymentService - ")
	if !l.on() {
		l.w("Payment approved ", l.K(l.orderNo()), " amount=", l.n(5), " KRW")
		return
	}
	switch l.r.IntN(4) {
	case 0:
		l.w("Payment approved card=", l.S("payment_card", l.luhnCard()), " order=", l.K(l.orderNo()))
	case 1:
		l.w("Refund to ", l.of("국민은행", "신한은행", "하나은행"), " account ", l.S("bank_account", l.account()), " for ", l.K(l.orderNo()))
	case 2:
		l.w("Using API key ", l.S("secret", "sk_live_"+l.alnum(24)), " for merchant ", l.n(6))
	default:
		l.w("X-Auth-Token: ", l.S("secret", l.hex(40)), " accepted")
	}
}

func (l *line) rails() {
	if l.r.IntN(2) == 0 {
		l.w("Started POST \"/users/sign_in\" for ", l.S("ipv4", l.ip()), " at 2024-03-04 10:15:30 +0900")
		return
	}
	l.w(`  Parameters: {"authenticity_token"=>"`, l.S("secret", base64.RawURLEncoding.EncodeToString([]byte(l.alnum(32)))), `", "user"=>{"email"=>"`,
		l.S("email", l.mail()), `", "password"=>"`, l.K("[FILTERED]"), `"}, "commit"=>"Log in"}`)
}

func (l *line) gunicorn() {
	q := ""
	if l.on() {
		q = "?email=" + l.S("email", strings.Replace(l.mail(), "@", "%40", 1))
	}
	l.w(l.S("ipv4", l.ip()), " - - [", l.clf(), "] \"GET /accounts/password/reset/", q, " HTTP/1.1\" 302 0 \"-\" \"python-requests/", l.K("2.31.0"), "\"")
}

func (l *line) k8sAudit() {
	user := "system:serviceaccount:shop:api"
	if l.on() {
		user = l.S("email", l.mail())
	}
	l.w(`{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"`, l.K(l.uuid()), `","stage":"ResponseComplete",`,
		`"requestURI":"/api/v1/namespaces/shop/secrets/db-credentials","verb":"get","user":{"username":"`, user,
		`","groups":["system:authenticated"]},"sourceIPs":["`, l.S("ipv4", l.ip()), `"],"userAgent":"`, l.K("kubectl/v1.29."+l.n(1)), ` (linux/amd64) kubernetes/`, l.hex(7), `"}`)
}

func (l *line) fortigate() {
	l.w(`date=2024-03-04 time=10:15:30 devname="FGT60F" devid="`, l.K("FGT60FTK2209"+l.n(4)), `" logid="0000000013" type="traffic" subtype="forward" srcip=`,
		l.S("ipv4", l.ip()), " srcport=", l.n(5), " dstip=", l.S("ipv4", l.ip()), " dstport=443 sessionid=", l.K(l.n(9)))
	if l.on() {
		l.w(` user="`, l.S("email", l.mail()), `"`)
	}
	l.w(` action="accept" policyid=`, l.n(2))
}

func (l *line) junos() {
	l.w("<14>1 ", l.when(), " srx01 RT_FLOW - RT_FLOW_SESSION_CREATE [", l.K("junos@2636.1.1.1.2.40"), ` source-address="`, l.S("ipv4", l.ip()),
		`" source-port="`, l.n(5), `" destination-address="`, l.S("ipv4", l.ip()), `" destination-port="443" nat-source-address="`, l.S("ipv4", l.ip()), `"]`)
}

func (l *line) journald() {
	l.w("MESSAGE=Accepted publickey for deploy from ", l.S("ipv4", l.ip()), " port ", l.n(5), " ssh2: ED25519 ", l.K("SHA256:"+l.alnum(43)))
}

func (l *line) mongodb() {
	l.w(`{"t":{"$date":"`, l.when(), `"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn`, l.n(3), `","msg":"Slow query","attr":{"ns":"shop.members","command":{"insert":"members","documents":[{`)
	if l.on() {
		l.w(`"email":"`, l.S("email", l.mail()), `","account_no":"`, l.S("bank_account", l.account()), `","phone":"`, l.S("phone", l.mobile()), `"`)
	} else {
		l.w(`"ref":"`, l.K(l.orderNo()), `"`)
	}
	l.w(`}]},"durationMillis":`, l.n(3), `}}`)
}

func (l *line) nginxError() {
	q := "/api/v1/health"
	if l.on() {
		q = "/api/v1/users?phone=" + l.S("phone", l.mobile())
	}
	l.w("2024/03/04 10:15:30 [error] ", l.n(4), "#", l.n(4), ": *", l.n(5), " upstream timed out (110: Connection timed out) while reading response header from upstream, client: ",
		l.S("ipv4", l.ip()), ", server: shop.example.com, request: \"GET ", q, " HTTP/1.1\", upstream: \"http://", l.S("ipv4", l.ip()), ":8080", q, "\"")
}

func (l *line) koreanApp() {
	l.w("[2024-03-04 10:15:30.", l.n(3), "] [INFO ] [MemberService] ")
	if !l.on() {
		l.w("비밀번호 변경 요청 처리 완료 (회원번호 ", l.K(l.n(8)), ", 주문 ", l.K(l.orderNo()), ")")
		return
	}
	switch l.r.IntN(4) {
	case 0:
		l.w("회원 가입: 이름=김민지, 휴대폰=", l.S("phone", l.mobile()), ", 이메일=", l.S("email", l.mail()))
	case 1:
		l.w("환불계좌(", l.of("신한", "우리", "농협"), ") ", l.S("bank_account", l.account()), " 등록")
	case 2:
		l.w("임시 비밀번호 발급: ", l.S("secret", l.pass()), " (유효 10분)")
	default:
		l.w("입금자명 김민지 / 계좌 ", l.S("bank_account", l.account()), " / 금액 ", l.n(5), "원")
	}
}
