// Package heldout generates a second, independent masking corpus: log
// formats taken from the public documentation of nginx and Apache (combined
// log format), Envoy (default access log), Spring Boot (Logback console
// pattern), Hibernate (parameter binders), Python logging, zap (JSON and
// console encoders), logfmt, PostgreSQL (log_line_prefix, duration and
// statement logs), the MySQL slow query log, syslog (RFC 3164 and RFC 5424)
// and Cisco IOS system messages, with templates the tuning corpus
// (internal/masking/corpus) does not have.
//
// It was written and committed before the detectors were tuned for the
// classes it covers, and is used only to report, never to tune.
package heldout

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Formats are the formats Generate rotates through.
var Formats = []string{
	"nginx", "nginx_upstream", "apache", "envoy", "spring", "hibernate", "python", "zap_json", "zap_console",
	"logfmt", "postgres", "mysql_slow", "syslog3164", "syslog5424", "cisco",
}

// Generate returns n lines from seed; about rate of the optional slots carry a secret.
func Generate(seed uint64, n int, rate float64) []corpus.Line {
	g := src{rand.New(rand.NewPCG(seed, 0x68656c64))}
	out := make([]corpus.Line, 0, n)
	for i := range n {
		w := &writer{g: g, rate: rate}
		w.l.Format = Formats[i%len(Formats)]
		formatters[w.l.Format](w)
		w.l.Text = w.sb.String()
		out = append(out, w.l)
	}
	return out
}

var formatters = map[string]func(*writer){
	"nginx": (*writer).nginx, "nginx_upstream": (*writer).nginxUpstream, "apache": (*writer).apache,
	"envoy": (*writer).envoy, "spring": (*writer).spring, "hibernate": (*writer).hibernate,
	"python": (*writer).python, "zap_json": (*writer).zapJSON, "zap_console": (*writer).zapConsole,
	"logfmt": (*writer).logfmt, "postgres": (*writer).postgres, "mysql_slow": (*writer).mysqlSlow,
	"syslog3164": (*writer).syslog3164, "syslog5424": (*writer).syslog5424, "cisco": (*writer).cisco,
}

type writer struct {
	g    src
	rate float64
	sb   strings.Builder
	l    corpus.Line
}

func (w *writer) put(parts ...string) {
	for _, p := range parts {
		w.sb.WriteString(p)
	}
}

func (w *writer) s(kind, v string) string {
	w.l.Secrets = append(w.l.Secrets, corpus.Secret{Kind: kind, Value: v})
	return v
}

func (w *writer) ok(v string) string {
	w.l.LookAlikes = append(w.l.LookAlikes, v)
	return v
}

func (w *writer) roll() bool { return w.g.r.Float64() < w.rate }

func (w *writer) userAgent() string {
	g := w.g
	switch g.r.IntN(3) {
	case 0:
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " + w.ok(g.productVersion()) + " Safari/537.36"
	case 1:
		return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) " + w.ok(fmt.Sprintf("Chrome/%d.0.0.0", 100+g.r.IntN(30))) + " " + w.ok(g.productVersion())
	default:
		return g.one("okhttp/4.12.0", "curl/8.5.0", "Go-http-client/2.0", "kube-probe/1.29")
	}
}

// query is the query string of a request, sometimes carrying personal data
// percent-encoded as browsers send it.
func (w *writer) query() string {
	g := w.g
	if !w.roll() {
		return "?page=" + fmt.Sprint(1+g.r.IntN(9)) + "&ref=" + w.ok(g.orderRef())
	}
	switch g.r.IntN(5) {
	case 0:
		e := g.email()
		return "?email=" + w.s("email", strings.Replace(e, "@", "%40", 1)) + "&lang=ko"
	case 1:
		return "?access_token=" + w.s("secret", g.opaqueToken()) + "&v=2"
	case 2:
		p := g.krPhone()
		return "?tel=" + w.s("phone", strings.ReplaceAll(strings.ReplaceAll(p, "+", "%2B"), " ", "%20"))
	case 3:
		return "?next=%2Fmy%2Forders&session=" + w.s("secret", g.opaqueToken())
	default:
		e := g.email()
		return "/" + w.s("email", strings.Replace(e, "@", "%40", 1)) + "/profile"
	}
}

func (w *writer) request() string {
	g := w.g
	return g.one("GET", "POST", "PUT") + " /" + g.one("api/v2/users", "shop/cart", "account", "orders") + w.query() + " HTTP/1.1"
}

func (w *writer) nginx() {
	g := w.g
	w.put(w.s("ipv4", g.ipv4()), " - - [", g.clf(), `] "`, w.request(), `" `, g.one("200", "302", "404"), " ", fmt.Sprint(g.r.IntN(50000)),
		` "https://shop.example.com/`, w.ok(g.orderRef()), `" "`, w.userAgent(), `"`)
}

func (w *writer) nginxUpstream() {
	g := w.g
	w.put(w.s("ipv4", g.ipv4()), " - - [", g.clf(), `] "`, w.request(), `" 200 `, fmt.Sprint(g.r.IntN(9000)), ` "-" "`, w.userAgent(),
		`" rt=0.`, g.num(3), " uct=0.00", g.num(1), " upstream=", w.s("ipv4", g.ipv4()), ":", g.one("8443", "8080", "9000"),
		` xff="`, w.s("ipv4", g.ipv4()), ", ", w.s("ipv4", g.ipv4()), `"`)
}

func (w *writer) apache() {
	g := w.g
	if g.r.IntN(3) == 0 {
		w.put("[Mon Mar 04 10:15:30.", g.num(6), " 2024] [auth_basic:error] [pid ", g.num(4), ":tid ", g.num(15), "] [client ",
			w.s("ipv4", g.ipv4()), ":", g.num(5), "] AH01618: user ", w.s("email", g.email()), " not found: /admin")
		return
	}
	user := "-"
	if w.roll() {
		user = w.s("email", g.email())
	}
	w.put(w.s("ipv4", g.ipv4()), " - ", user, " [", g.clf(), `] "`, w.request(), `" 200 `, fmt.Sprint(g.r.IntN(9000)),
		` "-" "`, w.userAgent(), `"`)
}

func (w *writer) envoy() {
	g := w.g
	w.put("[2024-03-04T01:15:30.", g.num(3), `Z] "`, g.one("POST /api/v1/payments", "GET /api/v1/refunds"), ` HTTP/2" 200 - `,
		g.num(3), " ", g.num(4), " ", g.num(2), " ", g.num(2), ` "`, w.s("ipv4", g.ipv4()), ",", w.s("ipv4", g.ipv4()), `" "`,
		w.userAgent(), `" "`, w.ok(g.uuid()), `" "pay.example.com" "`)
	if g.r.IntN(2) == 0 {
		w.put("[", w.s("ipv6", g.ipv6()), "]:8080")
	} else {
		w.put(w.s("ipv4", g.ipv4()), ":8080")
	}
	w.put(`"`)
}

// springMessage is an application message of a Korean commerce service.
func (w *writer) springMessage() {
	g := w.g
	if !w.roll() {
		w.put("Order ", w.ok(g.orderRef()), " shipped, tracking ", w.ok(g.tracking()), ", took ", g.num(3), "ms")
		return
	}
	switch g.r.IntN(7) {
	case 0:
		w.put("Refund requested for ", w.ok(g.orderRef()), " to ", g.bankName(), " ", w.s("bank_account", g.bankAccount()))
	case 1:
		w.put("환불 계좌: ", g.bankName(), " ", w.s("bank_account", g.bankAccount()), " (예금주 김민지)")
	case 2:
		w.put("Member updated: id=", g.num(5), ", account_no=", w.s("bank_account", g.bankAccount()), ", email=", w.s("email", g.email()))
	case 3:
		w.put("임시 비밀번호: ", w.s("secret", g.password()), " 발송 완료 (", w.s("phone", g.krPhone()), ")")
	case 4:
		w.put("Token ", w.s("secret", g.opaqueToken()), " expired for user ", g.num(5))
	case 5:
		w.put("Callback failed: ", w.s("phone", g.usPhone()), " unreachable")
	default:
		w.put("입금 계좌 ", w.s("bank_account", g.bankAccount()), " 확인, 주문 ", w.ok(g.orderRef()))
	}
}

func (w *writer) spring() {
	g := w.g
	w.put(g.iso(), "  ", g.one("INFO", "WARN"), " ", g.num(4), " --- [order-service] [nio-8080-exec-", fmt.Sprint(1+g.r.IntN(9)),
		"] c.e.order.web.OrderController           : ")
	w.springMessage()
}

func (w *writer) hibernate() {
	g := w.g
	w.put(g.iso(), " TRACE ", g.num(4), " --- [nio-8080-exec-3] org.hibernate.orm.jdbc.bind              : binding parameter (",
		fmt.Sprint(1+g.r.IntN(6)), ":VARCHAR) <- [")
	if !w.roll() {
		w.put(w.ok(g.orderRef()), "]")
		return
	}
	switch g.r.IntN(4) {
	case 0:
		w.put(w.s("email", g.email()))
	case 1:
		w.put(w.s("phone", g.usPhone()))
	case 2:
		w.put(w.s("payment_card", g.card()))
	default:
		w.put(w.s("kr_rrn", g.rrn()))
	}
	w.put("]")
}

func (w *writer) python() {
	g := w.g
	if g.r.IntN(2) == 0 {
		w.put(g.pyTime(), " - payments.worker - INFO - ")
		if w.roll() {
			w.put("charge ok card=", w.s("payment_card", g.card()), " user=", w.s("email", g.email()))
		} else {
			w.put("charge ok ref=", w.ok(g.notCard()), " amount=", g.num(5), " build ", w.ok(g.productVersion()))
		}
		return
	}
	w.put(g.one("WARNING", "ERROR"), ":auth.session:")
	if w.roll() {
		switch g.r.IntN(3) {
		case 0:
			w.put("session token: ", w.s("secret", g.opaqueToken()), " rejected")
		case 1:
			w.put("token ", w.s("secret", g.opaqueToken()), " expired")
		default:
			w.put("login failed for ", w.s("email", g.email()), " from ", w.s("ipv6", g.ipv6()))
		}
	} else {
		w.put("session ", w.ok(g.uuid()), " expired after ", g.num(4), "s")
	}
}

func (w *writer) zapJSON() {
	g := w.g
	w.put(`{"level":"info","ts":1709514930.`, g.num(6), `,"caller":"api/refund.go:`, g.num(3), `","msg":"refund"`)
	if w.roll() {
		w.put(`,"refund_account":{"bank":"`, g.bankName(), `","number":"`, w.s("bank_account", g.bankAccount()), `"}`)
	}
	if w.roll() {
		w.put(`,"user":{"name":"김민지","phone":"`, w.s("phone", g.usPhone()), `"}`)
	}
	if w.roll() {
		w.put(`,"aws":{"access_key_id":"`, w.s("access_key", g.awsKeyID()), `","secret_access_key":"`, w.s("secret", g.awsSecret()), `"}`)
	}
	w.put(`,"order":"`, w.ok(g.orderRef()), `","request_id":"`, w.ok(g.uuid()), `","version":"`, w.ok(g.productVersion()), `"}`)
}

func (w *writer) zapConsole() {
	g := w.g
	w.put(g.iso(), "\tINFO\tauth/session.go:", g.num(2), "\tsession created\t{")
	if w.roll() {
		w.put(`"session_token": "`, w.s("secret", g.opaqueToken()), `", `)
	}
	if w.roll() {
		w.put(`"id_token": "`, w.s("jwt", g.jwt()), `", `)
	}
	w.put(`"user": "`, w.s("email", g.email()), `", "agent": "`, w.ok(g.productVersion()), `"}`)
}

func (w *writer) logfmt() {
	g := w.g
	if g.r.IntN(2) == 0 {
		w.put("time=", g.iso(), " level=info msg=\"request payload\" body=\"{\\\"user\\\":\\\"", w.s("email", g.email()), "\\\"")
		if w.roll() {
			w.put(",\\\"pwd\\\":\\\"", w.s("secret", g.password()), "\\\"")
		}
		w.put(",\\\"order\\\":\\\"", w.ok(g.orderRef()), "\\\"}\" version=", w.ok(g.productVersion()))
		return
	}
	w.put("at=info method=GET path=\"/login", w.query(), "\" host=app.example.com request_id=", w.ok(g.uuid()),
		" fwd=\"", w.s("ipv4", g.ipv4()), "\" dyno=web.1 connect=0ms service=", g.num(2), "ms status=200 bytes=", g.num(4))
}

func (w *writer) postgres() {
	g := w.g
	w.put(g.iso()[:10], " 10:15:30.", g.num(3), " KST [", g.num(5), "] app@shop ")
	if !w.roll() {
		w.put("LOG:  duration: ", g.num(2), ".", g.num(3), " ms  statement: SELECT id FROM orders WHERE ref = '", w.ok(g.orderRef()), "'")
		return
	}
	switch g.r.IntN(5) {
	case 0:
		w.put("LOG:  statement: INSERT INTO members (name, email, account_no) VALUES ('김민지', '", w.s("email", g.email()), "', '",
			w.s("bank_account", g.bankAccount()), "'), ('이서연', '", w.s("email", g.email()), "', '", w.s("bank_account", g.bankAccount()), "')")
	case 1:
		w.put("LOG:  statement: UPDATE members SET account_no = '", w.s("bank_account", g.bankAccount()), "' WHERE id = ", g.num(4))
	case 2:
		w.put("LOG:  statement: INSERT INTO api_credentials (owner, access_key, secret) VALUES ('ops', '", w.s("access_key", g.awsKeyID()),
			"', '", w.s("secret", g.awsSecret()), "')")
	case 3:
		w.put("LOG:  connection received: host=", w.s("ipv4", g.ipv4()), " port=", g.num(5))
	default:
		w.put("LOG:  statement: ALTER ROLE app_rw WITH LOGIN PASSWORD '", w.s("secret", g.password()), "'")
	}
}

func (w *writer) mysqlSlow() {
	g := w.g
	w.put("# Time: 2024-03-04T01:15:30.", g.num(6), "Z\n# User@Host: app[app] @  [", w.s("ipv4", g.ipv4()), "]  Id:    ", g.num(3),
		"\n# Query_time: ", g.num(1), ".", g.num(6), "  Lock_time: 0.000", g.num(3), " Rows_sent: 0  Rows_examined: ", g.num(3),
		"\nuse shop;\nSET timestamp=1709514930;\n")
	if !w.roll() {
		w.put("SELECT * FROM shipments WHERE tracking_no = '", w.ok(g.tracking()), "';")
		return
	}
	switch g.r.IntN(3) {
	case 0:
		w.put("INSERT INTO refunds (order_id, bank_account, holder) VALUES ('", w.ok(g.orderRef()), "', '", w.s("bank_account", g.bankAccount()), "', '김민지');")
	case 1:
		w.put("UPDATE users SET password = '", w.s("secret", g.password()), "', phone = '", w.s("phone", g.krPhone()), "' WHERE id = ", g.num(4), ";")
	default:
		w.put("INSERT INTO cards (user_id, pan, rrn) VALUES (", g.num(4), ", '", w.s("payment_card", g.card()), "', '", w.s("kr_rrn", g.rrn()), "');")
	}
}

func (w *writer) syslog3164() {
	g := w.g
	w.put("<", g.one("38", "86", "13"), ">", g.bsdTime(), " web0", g.num(1), " ")
	if !w.roll() {
		w.put("sudo:     deploy : TTY=pts/0 ; ", w.ok("PWD=/home/deploy"), " ; USER=root ; COMMAND=/usr/bin/systemctl restart ", w.ok(g.productVersion()))
		return
	}
	switch g.r.IntN(3) {
	case 0:
		w.put("sshd[", g.num(4), "]: Failed password for invalid user admin from ", w.s("ipv4", g.ipv4()), " port ", g.num(5), " ssh2")
	case 1:
		w.put("app: user ", w.s("email", g.email()), " 비밀번호=", w.s("secret", g.password()), " 재설정")
	default:
		w.put("app: passwd: ", w.s("secret", g.password()), " set for ", w.s("email", g.email()))
	}
}

func (w *writer) syslog5424() {
	g := w.g
	w.put("<165>1 ", g.iso(), " app01.example.com payments ", g.num(4), " ID47 [meta@32473 ")
	if w.roll() {
		w.put(`user="`, w.s("email", g.email()), `" acct="`, w.s("bank_account", g.bankAccount()), `"`)
	} else {
		w.put(`order="`, w.ok(g.orderRef()), `" build="`, w.ok(g.productVersion()), `"`)
	}
	w.put("] refund issued to ", g.bankName())
	if w.roll() {
		w.put(" 계좌번호 ", w.s("bank_account", g.bankAccount()))
	}
}

func (w *writer) cisco() {
	g := w.g
	w.put("<189>", g.num(3), ": *", g.bsdTime(), ".", g.num(3), " KST: ")
	if !w.roll() {
		w.put("%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/", fmt.Sprint(1+g.r.IntN(48)),
			", changed state to down (mac ", w.ok(g.mac()), ", image ", w.ok("c2960x-universalk9-mz.152-7.E"+g.num(1)), ")")
		return
	}
	switch g.r.IntN(3) {
	case 0:
		w.put("%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: admin] [Source: ", w.s("ipv4", g.ipv4()), "] [localport: 22] at 10:15:30 KST Mon Mar 4 2024")
	case 1:
		w.put("%SYS-5-CONFIG_I: Configured from console by admin on vty0 (", w.s("ipv4", g.ipv4()), ")")
	default:
		w.put("%SNMP-3-AUTHFAIL: Authentication failure for SNMP req from host ", w.s("ipv6", g.ipv6()))
	}
}
