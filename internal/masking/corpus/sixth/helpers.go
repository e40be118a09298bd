package sixth

import (
	"fmt"
	"strings"
)

func (t *tb) ts() string {
	return fmt.Sprintf("2026-%02d-%02dT%02d:%02d:%02d.%03dZ", t.n(1, 12), t.n(1, 28), t.n(0, 23), t.n(0, 59), t.n(0, 59), t.n(0, 999))
}

func (t *tb) hms() string { return fmt.Sprintf("%02d:%02d:%02d", t.n(0, 23), t.n(0, 59), t.n(0, 59)) }

func (t *tb) date() string { return fmt.Sprintf("2026-%02d-%02d", t.n(1, 12), t.n(1, 28)) }

// ip4 plants an IPv4 address.
func (t *tb) ip4(class string) string { return t.s("ipv4", class, t.ipv4()) }

// em plants an e-mail address, class plain.
func (t *tb) em() string { return t.s("email", "plain", t.email()) }

// emJSON plants an e-mail address as a JSON string can carry it (plain or \u0040).
func (t *tb) emJSON() string {
	e := t.email()
	if t.r.IntN(3) == 0 {
		return t.s("email", "json_u0040", strings.Replace(e, "@", `\u0040`, 1))
	}
	return t.s("email", "json", e)
}

// emPct plants a percent-encoded e-mail address (query strings, form bodies).
func (t *tb) emPct() string {
	return t.s("email", "percent", strings.Replace(t.email(), "@", "%40", 1))
}

func (t *tb) ph() string {
	p, c := t.phone()
	return t.s("phone", c, p)
}

func (t *tb) cc() string {
	c, class := t.cardText()
	return t.s("payment_card", class, c)
}

func (t *tb) ccRaw() string {
	c, class := t.card()
	return t.s("payment_card", class+"/plain", c)
}

func (t *tb) acct(class string, dash bool) (string, string) {
	b, a := t.account(dash)
	return b, t.s("bank_account", class, a)
}

func (t *tb) uid() string   { return t.la("uuid", t.uuid()) }
func (t *tb) ver() string   { return t.la("version/quad", t.version()) }
func (t *tb) ord() string   { return t.la("order_id", t.orderID()) }
func (t *tb) durL() string  { return t.la("duration", t.dur()) }
func (t *tb) trace() string { return t.la("trace_id", t.traceID()) }
func (t *tb) span() string  { return t.la("span_id", t.spanID()) }
func (t *tb) sha() string   { return t.la("commit_sha", t.sha1()) }
func (t *tb) hash() string  { return t.la("content_hash", t.sha256()) }
func (t *tb) ems() string   { return t.la("epoch_ms", t.epochMs()) }

// ua is a user agent with an IPv4-shaped product version (a look-alike).
func (t *tb) ua() string {
	switch t.r.IntN(4) {
	case 0:
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " + t.la("version/ua", fmt.Sprintf("Chrome/%d.0.0.0", t.n(118, 131))) + " Safari/537.36"
	case 1:
		return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 " + t.la("version/ua", "Whale/"+t.quad()) + " Safari/537.36"
	case 2:
		return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15"
	default:
		return t.la("version/ua", "okhttp/4."+fmt.Sprint(t.n(9, 12))+".0") + " " + t.la("version/ua", "MyApp/"+t.quad())
	}
}

// pwd plants a password of the given class.
func (t *tb) pwd(class string) string { return t.s("secret", class, t.pw()) }

// tok plants an opaque token of the given class.
func (t *tb) tok(class string) string { return t.s("secret", class, t.token()) }
