package eighth

import (
	"strings"
)

// builder writes one line and records its ground truth as it goes.
type builder struct {
	gen
	sb strings.Builder
	l  Line
}

// w appends text.
func (b *builder) w(parts ...string) {
	for _, p := range parts {
		b.sb.WriteString(p)
	}
}

// s records a secret of kind (a detector name) with class kind/how and
// returns it.
func (b *builder) s(kind, how, v string) string {
	b.l.Secrets = append(b.l.Secrets, secret(kind, v))
	b.l.Classes = append(b.l.Classes, kind+"/"+how)
	return v
}

// a records a look-alike of class and returns it.
func (b *builder) a(class, v string) string {
	b.l.LookAlikes = append(b.l.LookAlikes, v)
	b.l.LookClasses = append(b.l.LookClasses, class)
	return v
}

// Common secrets with their usual classes.

func (b *builder) email(how string) string { return b.s("email", how, b.gen.email()) }
func (b *builder) ip(how string) string    { return b.s("ipv4", how, b.ipv4()) }
func (b *builder) pub(how string) string   { return b.s("ipv4", how, b.pubIPv4()) }
func (b *builder) priv(how string) string  { return b.s("ipv4", how, b.privIPv4()) }
func (b *builder) ip6(how string) string   { return b.s("ipv6", how, b.ipv6()) }
func (b *builder) pw(how string) string    { return b.s("secret", how, b.password()) }
func (b *builder) jwt(how string) string   { return b.s("jwt", how, b.gen.jwt()) }
func (b *builder) rrn(how string) string   { return b.s("kr_rrn", how, b.gen.rrn()) }
func (b *builder) mobile(how string) string {
	return b.s("phone", how, b.krMobile(b.pick("-", "-", "")))
}

// card records a contiguous card number, class payment_card/<brand>/how.
func (b *builder) card(how string) string {
	pan, brand := b.gen.card()
	return b.s("payment_card", brand+"/"+how, pan)
}

// cardGrouped records a card printed in groups.
func (b *builder) cardGrouped(how string) string {
	pan, brand := b.gen.card()
	return b.s("payment_card", brand+"/grouped_"+how, grouped(pan, b.pick("-", " ")))
}

// key records a prefixed access key, class access_key/<family>_how.
func (b *builder) key(how string) string {
	k, fam := b.accessKey()
	return b.s("access_key", fam+"_"+how, k)
}

// bearer records an opaque bearer credential.
func (b *builder) bearer(how string) string { return b.s("auth_header", how, b.opaqueToken()) }

// acct records a bank account and returns bank name and number.
func (b *builder) acct(how string) (bank, acct string) {
	bank, acct = b.bankAccount()
	if strings.HasPrefix(how, "bare") {
		acct = bare(acct)
	}
	return bank, b.s("bank_account", how, acct)
}

// Common look-alikes.

func (b *builder) uuid() string    { return b.a("uuid", b.gen.uuid()) }
func (b *builder) trace() string   { return b.a("trace_id", b.traceID()) }
func (b *builder) span() string    { return b.a("span_id", b.spanID()) }
func (b *builder) ver() string     { return b.a("version", b.version()) }
func (b *builder) quad() string    { return b.a("version/quad", b.quadVersion()) }
func (b *builder) dur() string     { return b.a("duration", b.duration()) }
func (b *builder) order() string   { return b.a("order_id", b.orderID()) }
func (b *builder) epochMs() string { return b.a("epoch_ms", b.gen.epochMs()) }
func (b *builder) hostname() string {
	return b.a("hostname", b.host())
}
func (b *builder) commit() string { return b.a("commit_sha", b.sha()) }

// finish drops look-alikes that share text with a secret of the line, so a
// correct mask can never alter one.
func (b *builder) finish() Line {
	b.l.Text = b.sb.String()
	var las []string
	var lcs []string
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

// vv records a product version: prefix and a patch number in [lo, hi].
func (b *builder) vv(prefix string, lo, hi int) string { return b.a("version", prefix+b.num(lo, hi)) }
