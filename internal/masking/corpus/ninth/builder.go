//go:build ninthwip

package ninth

import (
	"net/url"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// builder writes one line and records its ground truth as it goes.
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

// s records a secret of kind (a detector name) with class kind/how.
func (b *builder) s(kind, how, v string) string {
	b.l.Secrets = append(b.l.Secrets, corpus.Secret{Kind: kind, Value: v})
	b.l.Classes = append(b.l.Classes, kind+"/"+how)
	return v
}

// a records a look-alike of class.
func (b *builder) a(class, v string) string {
	b.l.LookAlikes = append(b.l.LookAlikes, v)
	b.l.LookClasses = append(b.l.LookClasses, class)
	return v
}

// maybe is true for about two lines in three, so some lines stay clean.
func (b *builder) maybe() bool { return b.r.IntN(3) != 0 }

func (b *builder) email(how string) string { return b.s("email", how, b.gen.email()) }
func (b *builder) ip(how string) string    { return b.s("ipv4", how, b.ipv4()) }
func (b *builder) pub(how string) string   { return b.s("ipv4", how, b.pubIPv4()) }
func (b *builder) ip6(how string) string   { return b.s("ipv6", how, b.ipv6()) }
func (b *builder) pw(how string) string    { return b.s("secret", how, b.password()) }
func (b *builder) upw(how string) string   { return b.s("secret", how, b.urlPassword()) }
func (b *builder) tok(how string) string   { return b.s("secret", how, b.opaque(b.n(24, 40))) }
func (b *builder) jwt(how string) string   { return b.s("jwt", how, b.gen.jwt()) }
func (b *builder) rrn(how string) string   { return b.s("kr_rrn", how, b.gen.rrn()) }
func (b *builder) mobile(how string) string {
	return b.s("phone", how, b.krMobile(b.pick("-", "-", "")))
}
func (b *builder) intl(how string) string   { return b.s("phone", how, b.intlPhone()) }
func (b *builder) bearer(how string) string { return b.s("auth_header", how, b.opaque(b.n(28, 44))) }
func (b *builder) basic(how string) string  { return b.s("auth_header", "basic_"+how, b.gen.basic()) }

func (b *builder) card(how string) string {
	pan, brand := b.gen.card()
	return b.s("payment_card", brand+"/"+how, pan)
}

func (b *builder) cardGrouped(how string) string {
	pan, brand := b.gen.card()
	return b.s("payment_card", brand+"/grouped_"+how, grouped(pan, b.pick("-", " ")))
}

func (b *builder) key(how string) string {
	k, fam := b.accessKey()
	return b.s("access_key", fam+"_"+how, k)
}

// acct records a bank account and returns the bank's name and the number.
func (b *builder) acct(how string) (string, string) {
	name, n := b.bank()
	return name, b.s("bank_account", how, n)
}

// pctEmail records an email whose '@' is percent-encoded.
func (b *builder) pctEmail(how string) string {
	return b.s("email", how, url.QueryEscape(b.gen.email()))
}

// Look-alikes.

func (b *builder) uuid() string   { return b.a("uuid", b.gen.uuid()) }
func (b *builder) trace() string  { return b.a("trace_id", b.hex(32)) }
func (b *builder) span() string   { return b.a("span_id", b.hex(16)) }
func (b *builder) ver() string    { return b.a("version", b.version()) }
func (b *builder) dur() string    { return b.a("duration", b.duration()) }
func (b *builder) order() string  { return b.a("order_id", b.orderID()) }
func (b *builder) epoch() string  { return b.a("epoch_ms", b.epochMs()) }
func (b *builder) digest() string { return b.a("sha256_artifact", b.sha256()) }
func (b *builder) sn() string     { return b.a("serial", b.serial()) }
func (b *builder) oidv() string   { return b.a("oid", b.oid()) }
func (b *builder) money() string  { return b.a("amount", b.amount()) }
func (b *builder) ncard() string  { return b.a("luhn_invalid_16", b.notCard()) }
func (b *builder) sha() string    { return b.a("commit_sha", b.commit()) }
func (b *builder) isoT() string   { return b.a("timestamp", b.iso()) }
func (b *builder) hostn() string  { return b.a("hostname", b.host()) }

// finish drops look-alikes that share text with a secret of the line, so a
// correct mask can never alter one.
func (b *builder) finish() Line {
	b.l.Text = b.sb.String()
	var las, lcs []string
	for i, la := range b.l.LookAlikes {
		ok := la != ""
		for _, s := range b.l.Secrets {
			if strings.Contains(s.Value, la) || strings.Contains(la, s.Value) {
				ok = false
			}
		}
		if ok {
			las = append(las, la)
			lcs = append(lcs, b.l.LookClasses[i])
		}
	}
	b.l.LookAlikes, b.l.LookClasses = las, lcs
	return b.l
}
