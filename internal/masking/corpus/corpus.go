package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Secret is a sensitive value planted in a line, with the detector that must find it.
type Secret struct {
	Kind  string // a masking detector name, e.g. "payment_card"
	Value string
}

// Line is one generated log line and its ground truth.
type Line struct {
	Format     string // access, json, slowquery, syslog, korean
	Text       string
	Secrets    []Secret
	LookAlikes []string // values that must come through unchanged
}

// Formats are the kinds of lines Generate produces, in rotation.
var Formats = []string{"access", "json", "slowquery", "syslog", "korean"}

// Generate returns n lines from seed. About secretRate of the optional
// sensitive slots are filled (0 gives clean lines only).
func Generate(seed uint64, n int, secretRate float64) []Line {
	g := gen{rand.New(rand.NewPCG(seed, 0x6d61736b))}
	out := make([]Line, 0, n)
	for i := range n {
		b := &builder{g: g, rate: secretRate}
		b.l.Format = Formats[i%len(Formats)]
		switch b.l.Format {
		case "access":
			b.access()
		case "json":
			b.json()
		case "slowquery":
			b.slowQuery()
		case "syslog":
			b.syslog()
		case "korean":
			b.korean()
		}
		b.l.Text = b.sb.String()
		out = append(out, b.l)
	}
	return out
}

type builder struct {
	g    gen
	rate float64
	sb   strings.Builder
	l    Line
}

func (b *builder) w(parts ...string) {
	for _, p := range parts {
		b.sb.WriteString(p)
	}
}

// sec records a secret and returns it.
func (b *builder) sec(kind, v string) string {
	b.l.Secrets = append(b.l.Secrets, Secret{kind, v})
	return v
}

// la records a look-alike and returns it.
func (b *builder) la(v string) string {
	b.l.LookAlikes = append(b.l.LookAlikes, v)
	return v
}

func (b *builder) maybe() bool { return b.g.r.Float64() < b.rate }

func (b *builder) access() {
	g := b.g
	q := ""
	if b.maybe() {
		switch g.r.IntN(4) {
		case 0:
			q = "&email=" + b.sec("email", g.email())
		case 1:
			q = "&access_token=" + b.sec("secret", g.bearerToken())
		case 2:
			q = "&card=" + b.sec("payment_card", g.cardDigits(true))
		default:
			q = "&tel=" + b.sec("phone", "010-"+g.digits(4)+"-"+g.digits(4))
		}
	}
	b.w(b.sec("ipv4", g.ipv4()), ` - - [`, g.clfTime(), `] "GET /api/`, g.word(), "/", b.la(g.uuid()),
		"?ts=", b.la(g.epochMillis()), q, ` HTTP/1.1" `, g.pick("200", "304", "404", "500"), " ", fmt.Sprint(g.r.IntN(90000)),
		` "-" "Mozilla/5.0 (X11; Linux x86_64) Chrome/`, b.la(g.version()), `"`)
}

func (b *builder) json() {
	g := b.g
	b.w(`{"ts":"`, b.la(g.isoTime()), `","level":"`, g.pick("info", "warn", "error"), `","service":"`, g.word(),
		`","version":"`, b.la(g.version()), `","trace_id":"`, b.la(g.traceID()), `","order_id":"`, b.la(g.orderID()), `"`)
	if b.maybe() {
		b.w(`,"user":{"email":"`, b.sec("email", g.email()), `","phone":"`, b.sec("phone", g.phone()), `"}`)
	}
	if b.maybe() {
		b.w(`,"msg":"login attempt","password":"`, b.sec("secret", g.password()), `"`)
	} else {
		b.w(`,"msg":"request served","amount":`, fmt.Sprint(g.r.IntN(100000)))
	}
	if b.maybe() {
		switch g.r.IntN(3) {
		case 0:
			b.w(`,"headers":{"Authorization":"Bearer `, b.sec("auth_header", g.bearerToken()), `"}`)
		case 1:
			b.w(`,"id_token":"`, b.sec("jwt", g.jwt()), `"`)
		default:
			b.w(`,"card":"`, b.sec("payment_card", g.card()), `"`)
		}
	}
	b.w(`,"request_id":"`, b.la(g.uuid()), `","ref":"`, b.la(g.longNumber()), `","pod":"`, b.la(g.podName()),
		`","digest":"sha256:`, b.la(g.sha256Hex()), `","isbn":"`, b.la(g.isbn()), `"}`)
}

func (b *builder) slowQuery() {
	g := b.g
	b.w("# Time: ", b.la(g.isoTime()), " # User@Host: app[app] @ [", b.sec("ipv4", g.ipv4()), "] Id: ", g.digits(5),
		" # Query_time: 2.", g.digits(6), " Lock_time: 0.000", g.digits(3), " Rows_sent: 1 Rows_examined: ", g.digits(6),
		" SET timestamp=", g.digits(10), "; ")
	if !b.maybe() {
		b.w("SELECT id, status FROM orders WHERE order_id = '", b.la(g.orderID()), "' AND ref = ", b.la(g.longNumber()), ";")
		return
	}
	switch g.r.IntN(4) {
	case 0:
		b.w("SELECT id FROM customers WHERE email = '", b.sec("email", g.email()), "' AND order_id = '", b.la(g.orderID()), "';")
	case 1:
		b.w("UPDATE members SET rrn='", b.sec("kr_rrn", g.rrn()), "', phone='", b.sec("phone", g.phone()), "' WHERE member_id=", g.digits(6), ";")
	case 2:
		b.w("INSERT INTO payments (order_id, pan, amount) VALUES ('", b.la(g.orderID()), "', '", b.sec("payment_card", g.card()), "', 15000);")
	default:
		b.w("ALTER USER 'app'@'%' IDENTIFIED BY '", b.sec("secret", g.password()), "';")
	}
}

func (b *builder) syslog() {
	g := b.g
	b.w("<134>Jan 15 10:30:", fmt.Sprintf("%02d", g.r.IntN(60)), " sw", g.digits(2), " ")
	if !b.maybe() {
		b.w("snmpd[", g.digits(4), "]: poll ", b.la(g.oid()), " ok firmware ", b.la(g.version()), " serial ", b.la(g.longNumber()),
			" uptime ", b.la(g.epochMillis()), " mac ", b.la(g.mac()), " took ", b.la(g.duration()))
		return
	}
	switch g.r.IntN(6) {
	case 5:
		b.w("app[", g.digits(4), "]: pool connect postgres://app:", b.sec("secret", g.urlPassword()), "@db", g.digits(2), ".internal:5432/orders timeout after ", b.la(g.version()), "s")
	case 0:
		b.w("sshd[", g.digits(4), "]: Accepted password for admin from ", b.sec("ipv4", g.ipv4()), " port 52344 ssh2 oid ", b.la(g.oid()))
	case 1:
		b.w("app: login user=", b.sec("email", g.email()), " password=", b.sec("secret", g.password()), " build ", b.la(g.version()))
	case 2:
		b.w("backup: using key ", b.sec("access_key", g.accessKey()), " job ", b.la(g.uuid()))
	case 3:
		b.w(`probe: curl -H "Authorization: Basic `, b.sec("auth_header", g.basicCredential()), `" http://10.0.0.1/status`)
	default:
		b.w("sms: alert sent to ", b.sec("phone", g.phone()), " for order ", b.la(g.orderID()))
	}
}

func (b *builder) korean() {
	g := b.g
	b.w("고객 ", g.pick("홍길동", "김민수", "이지우", "박서연"), "님 주문(", b.la(g.orderID()), ") 접수.")
	if b.maybe() {
		b.w(" 연락처 ", b.sec("phone", g.phone()), ",")
	}
	if b.maybe() {
		b.w(" 이메일 ", b.sec("email", g.email()), ",")
	}
	if b.maybe() {
		b.w(" 주민등록번호 ", b.sec("kr_rrn", g.rrn()), ",")
	}
	if b.maybe() {
		b.w(" 결제카드 ", b.sec("payment_card", g.card()), ",")
	}
	b.w(" 사업자등록번호 ", b.la(g.bizNumber()), " 처리시각 ", b.la(g.isoTime()), " 버전 ", b.la(g.version()))
}
