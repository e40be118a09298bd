package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// ContextFormats are the kinds of lines GenerateContext produces: the
// classes where a value is known by its context (bank accounts, SQL
// columns, tokens after labels, escaped and percent-encoded values,
// international phone numbers, versions next to addresses).
var ContextFormats = []string{"bank", "sql", "token", "encoded", "escaped", "intl", "addresses"}

// GenerateContext returns n lines of ContextFormats from seed; the tuning
// set of the context layer (Generate's formats stay as they were).
func GenerateContext(seed uint64, n int, secretRate float64) []Line {
	g := gen{rand.New(rand.NewPCG(seed, 0x63747874))}
	out := make([]Line, 0, n)
	for i := range n {
		b := &builder{g: g, rate: secretRate}
		b.l.Format = ContextFormats[i%len(ContextFormats)]
		switch b.l.Format {
		case "bank":
			b.bank()
		case "sql":
			b.sqlColumns()
		case "token":
			b.token()
		case "encoded":
			b.encoded()
		case "escaped":
			b.escaped()
		case "intl":
			b.intl()
		default:
			b.addresses()
		}
		b.l.Text = b.sb.String()
		out = append(out, b.l)
	}
	return out
}

// account is a Korean bank account number in one bank's layout.
func (g gen) account() string {
	switch g.r.IntN(6) {
	case 0:
		return "110-" + g.digits(3) + "-" + g.digits(6)
	case 1:
		return "3333-" + g.digits(2) + "-" + g.digits(7)
	case 2:
		return g.digits(6) + "-" + g.digits(2) + "-" + g.digits(6)
	case 3:
		return "302-" + g.digits(4) + "-" + g.digits(4) + "-" + g.digits(2)
	case 4:
		return "1002-" + g.digits(3) + "-" + g.digits(6)
	default:
		return "9" + g.digits(10+g.r.IntN(3))
	}
}

func (b *builder) bank() {
	g := b.g
	b.w(g.pick("[INFO] ", "INFO  ", "level=info "), "refund ", b.la(g.orderID()), " ")
	if !b.maybe() {
		b.w("queued, ref ", b.la(g.digits(12)), " batch ", b.la(g.pick("2024", "2025")+"-"+g.digits(2)+"-"+g.digits(2)))
		return
	}
	switch g.r.IntN(5) {
	case 0:
		b.w("입금 계좌 ", g.pick("국민", "신한", "우리", "하나"), " ", b.sec("bank_account", g.account()))
	case 1:
		b.w("bank_account=", b.sec("bank_account", g.account()), " holder=홍길동")
	case 2:
		b.w(`{"refund":{"bank":"`, g.pick("카카오뱅크", "농협", "IBK"), `","account_no":"`, b.sec("bank_account", g.account()), `"}}`)
	case 3:
		b.w("to ", g.pick("KB국민은행", "신한은행", "토스뱅크"), " acct ", b.sec("bank_account", g.account()))
	default:
		b.w("계좌번호: ", b.sec("bank_account", g.account()), " (예금주 김민수)")
	}
}

func (b *builder) sqlColumns() {
	g := b.g
	b.w("duration: ", g.digits(2), ".", g.digits(3), " ms  statement: ")
	if !b.maybe() {
		b.w("INSERT INTO audit (event, ref, at) VALUES ('login', '", b.la(g.orderID()), "', now())")
		return
	}
	switch g.r.IntN(4) {
	case 0:
		b.w("INSERT INTO users (login, passwd, email) VALUES ('kim', '", b.sec("secret", g.password()), "', '", b.sec("email", g.email()), "')")
	case 1:
		b.w("insert into accounts (owner, acct_no, memo) values ('홍길동', '", b.sec("bank_account", g.account()), "', 'x'), ('김민수', '",
			b.sec("bank_account", g.account()), "', '", b.la(g.orderID()), "')")
	case 2:
		b.w("INSERT INTO keys (owner, api_key, created) VALUES ('svc', '", b.sec("secret", g.chars(32, alnum)), "', '", b.la(g.isoTime()), "')")
	default:
		b.w("UPDATE members SET acct_no='", b.sec("bank_account", g.account()), "', token = '", b.sec("secret", g.bearerToken()), "' WHERE id=", g.digits(4))
	}
}

func (b *builder) token() {
	g := b.g
	b.w(g.isoTime(), " auth ")
	if !b.maybe() {
		b.w("token refresh ok for user ", g.digits(5), " request ", b.la(g.uuid()))
		return
	}
	switch g.r.IntN(4) {
	case 0:
		b.w("token ", b.sec("secret", g.bearerToken()), " expired")
	case 1:
		b.w("refresh_token=", b.sec("secret", g.chars(40, b64url)), " rotated")
	case 2:
		b.w("sid=", b.sec("secret", g.chars(32, lowerHex)), " created")
	default:
		b.w("Token: ", b.sec("secret", g.chars(16, lowerHex)+"."+g.chars(20, alnum)), " revoked")
	}
}

func (b *builder) encoded() {
	g := b.g
	b.w("GET /api/", g.word(), "?lang=ko&redirect=%2Fhome")
	if b.maybe() {
		switch g.r.IntN(3) {
		case 0:
			b.w("&user=", b.sec("email", strings.Replace(g.email(), "@", "%40", 1)))
		case 1:
			b.w("&mobile=", b.sec("phone", "%2B82%2010-"+g.digits(4)+"-"+g.digits(4)))
		default:
			b.w("&q=pw%3D", b.sec("secret", g.urlPassword()))
		}
	}
	b.w("&ts=", b.la(g.epochMillis()), " HTTP/1.1 200")
}

func (b *builder) escaped() {
	g := b.g
	b.w(`msg="payload" data="{\"id\":\"`, b.la(g.uuid()), `\"`)
	if b.maybe() {
		b.w(`,\"password\":\"`, b.sec("secret", g.password()), `\"`)
	}
	if b.maybe() {
		b.w(`,\"mail\":\"`, b.sec("email", g.email()), `\"`)
	}
	b.w(`,\"v\":\"`, b.la(g.version()), `\"}"`)
	if b.maybe() {
		b.w(" 비밀번호: ", b.sec("secret", g.password()))
	}
}

func (b *builder) intl() {
	g := b.g
	b.w("notify ")
	if !b.maybe() {
		b.w("skipped (", b.la(g.duration()), ") build ", b.la(g.version()))
		return
	}
	switch g.r.IntN(3) {
	case 0:
		b.w("sms to ", b.sec("phone", "+1 ("+g.pick("415", "650", "917")+") 555-"+g.digits(4)))
	case 1:
		b.w("call ", b.sec("phone", "+44 (20) "+g.digits(4)+" "+g.digits(4)))
	default:
		b.w("fax ", b.sec("phone", "+82 (2) "+g.digits(3)+"-"+g.digits(4)))
	}
}

func (b *builder) addresses() {
	g := b.g
	b.w(b.sec("ipv4", g.ipv4()), " GET /health 200 ua=", g.pick("Firefox/", "Chrome/", "Safari/"), b.la(fmt.Sprintf("%d.0.%d.%d", 90+g.r.IntN(40), g.r.IntN(99), g.r.IntN(99))),
		" lib=v", b.la(fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(9), g.r.IntN(9), g.r.IntN(9), g.r.IntN(9))))
	if b.maybe() {
		b.w(" peer=", b.sec("ipv4", g.ipv4()), ":", g.digits(4), " X-Forwarded-For: ", b.sec("ipv4", g.ipv4()), ", ", b.sec("ipv6", "2001:db8::"+g.chars(3, lowerHex)))
	}
}
