package seventh

import (
	"fmt"
	"strings"
)

// builder writes one line and records its ground truth.
type builder struct {
	gen
	sb strings.Builder
	l  Line
}

func (b *builder) w(parts ...string) {
	for _, p := range parts {
		b.sb.WriteString(p)
	}
}

// sec plants a secret: class is "kind/how", the kind a detector name.
func (b *builder) sec(class, v string) string {
	kind, _, _ := strings.Cut(class, "/")
	b.l.Secrets = append(b.l.Secrets, secret(kind, v))
	b.l.Classes = append(b.l.Classes, class)
	return v
}

// la plants a look-alike that must come through unchanged.
func (b *builder) la(class, v string) string {
	b.l.LookAlikes = append(b.l.LookAlikes, v)
	b.l.LookClasses = append(b.l.LookClasses, class)
	return v
}

// finish drops look-alikes that share text with a secret of the line: a
// correct mask of the secret could alter them.
func (b *builder) finish() {
	var keep []string
	var keepC []string
	for i, la := range b.l.LookAlikes {
		ok := true
		for _, s := range b.l.Secrets {
			if strings.Contains(s.Value, la) || strings.Contains(la, s.Value) {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, la)
			keepC = append(keepC, b.l.LookClasses[i])
		}
	}
	b.l.LookAlikes, b.l.LookClasses = keep, keepC
}

// Shorthands that plant the common values with their class.

func (b *builder) email(how string) string { return b.sec("email/"+how, b.gen.email()) }

func (b *builder) phone(how string) string {
	v, cls := b.gen.phone()
	if how != "" {
		cls += "/" + how
	}
	return b.sec("phone/"+cls, v)
}

func (b *builder) mobile(how string) string { return b.sec("phone/kr_mobile/"+how, b.krMobile("-")) }

func (b *builder) card(how string) string {
	n, _ := b.cardNumber()
	return b.sec("payment_card/"+how, n)
}

func (b *builder) ip(how string) string { return b.sec("ipv4/"+how, b.ipv4()) }

// pubAddr is a public IPv4 address mostly, an IPv6 one sometimes: a
// client as an edge service sees it.
func (b *builder) pubAddr(how string) string {
	if b.coin(0.2) {
		return b.ip6(how)
	}
	return b.sec("ipv4/"+how, b.publicIPv4())
}
func (b *builder) ip6(how string) string { return b.sec("ipv6/"+how, b.ipv6()) }

// addr is an IPv4 address mostly, an IPv6 one sometimes.
func (b *builder) addr(how string) string {
	if b.coin(0.2) {
		return b.ip6(how)
	}
	return b.ip(how)
}

func (b *builder) rrnv(how string, dashed bool) string { return b.sec("kr_rrn/"+how, b.rrn(dashed)) }

// bearerToken is the credential after "Bearer ": a JWT sometimes, an
// opaque token otherwise, with the class of what it is.
func (b *builder) bearerToken(how string) string {
	if b.coin(0.35) {
		return b.sec("jwt/"+how, b.gen.jwt())
	}
	return b.sec("auth_header/"+how, b.bearer())
}

func (b *builder) pw(how string) string { return b.sec("secret/"+how, b.password()) }

// Look-alike shorthands.

func (b *builder) uuidL() string   { return b.la("uuid", b.uuid()) }
func (b *builder) traceL() string  { return b.la("trace_id", b.traceID()) }
func (b *builder) spanL() string   { return b.la("span_id", b.spanID()) }
func (b *builder) shaL() string    { return b.la("commit_sha", b.sha()) }
func (b *builder) epochL() string  { return b.la("epoch_ms", b.epochMS()) }
func (b *builder) verL() string    { return b.la("version", b.version()) }
func (b *builder) quadL() string   { return b.la("version/quad", b.quad()) }
func (b *builder) durL() string    { return b.la("duration", b.dur()) }
func (b *builder) orderL() string  { return b.la("order_id", b.orderID()) }
func (b *builder) hostL() string   { return b.la("hostname", b.hostname()) }
func (b *builder) chromeL() string { return b.la("version/ua", b.chromeUA()) }

func (b *builder) isoL(frac int, zone string) string { return b.la("timestamp", b.iso(frac, zone)) }

func (b *builder) clockL(sep string, frac int, fracSep string) string {
	return b.la("timestamp", b.clock(sep, frac, fracSep))
}

func (b *builder) intn(lo, hi int) string { return fmt.Sprint(b.n(lo, hi)) }
