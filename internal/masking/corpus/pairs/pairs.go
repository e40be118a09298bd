// Package pairs generates a corpus by mechanism rather than by format:
// every way a log binds a value to a name (k=v, "k":"v", <k>v</k>,
// {"name":k,"value":v}, --k v, k -> v, Python repr, SQL by position, CSV,
// cookies, URL userinfo …) crossed with secret-bearing names (English,
// Korean, every casing), opaque value shapes, token words in prose, token
// path segments, and IPv4 in other notations; and, as look-alikes, the same
// syntaxes with names that only contain a secret word (token_type,
// key_id), ids that look opaque (trace ids, digests, commit SHAs, UUIDs)
// and versions that look like addresses.
//
// Two disjoint halves exist: Tune and Report. They share no name, no
// wrapper and none of the syntaxes listed as report-only, and their values
// come from different seeds, so a score on Report measures how the engine
// generalises from what was tuned on Tune.
package pairs

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

// Set selects a half of the corpus.
type Set int

// The halves.
const (
	Tune Set = iota
	Report
)

// syntax binds value v to name k; quoted says the value may hold spaces
// and punctuation; report says the syntax is in the Report half only.
type syntax struct {
	name   string
	f      func(k, v string) string
	quoted bool
	report bool
	// noSep: the value must not hold the separators of the syntax.
	forbid string
}

var syntaxes = []syntax{
	{name: "eq", f: func(k, v string) string { return k + "=" + v }, forbid: " ,;&\"'"},
	{name: "colon", f: func(k, v string) string { return k + ": " + v }, forbid: " ,;&\"'"},
	{name: "json", f: func(k, v string) string { return `{"` + k + `":"` + v + `","ok":true}` }, quoted: true, forbid: `"\`},
	{name: "json_spaced", f: func(k, v string) string { return `{"user": "kim", "` + k + `": "` + v + `"}` }, quoted: true, forbid: `"\`},
	{name: "eq_quoted", f: func(k, v string) string { return k + `="` + v + `" user="kim"` }, quoted: true, forbid: `"`},
	{name: "xml", f: func(k, v string) string { return "<" + k + ">" + v + "</" + k + ">" }, forbid: "<>&"},
	{name: "xml_name_value", f: func(k, v string) string { return `<param name="` + k + `" value="` + v + `"/>` }, quoted: true, forbid: `"<>&`},
	{name: "name_value_json", f: func(k, v string) string { return `[{"name":"` + k + `","value":"` + v + `"}]` }, quoted: true, forbid: `"\`},
	{name: "long_opt", f: func(k, v string) string { return "app --" + kebab(k) + " " + v + " --verbose" }, forbid: " '\"`$"},
	{name: "long_opt_eq", f: func(k, v string) string { return "app --" + kebab(k) + "=" + v + " --verbose" }, forbid: " '\"`$"},
	{name: "prose", f: func(k, v string) string { return "login failed: " + k + " " + v + " rejected" }, forbid: " ,;'\"."},
	{name: "arrow", f: func(k, v string) string { return k + " -> " + v }, forbid: " ,"},
	{name: "fat_arrow", f: func(k, v string) string { return "[" + k + "] => " + v }, forbid: " ,\n"},
	{name: "python_repr", f: func(k, v string) string { return "{'user': 'kim', '" + k + "': '" + v + "'}" }, quoted: true, forbid: `'\`},
	{name: "yaml", f: func(k, v string) string { return "  " + k + ": " + v }, forbid: " #'\""},
	{name: "set_cookie", f: func(k, v string) string { return "Set-Cookie: " + k + "=" + v + "; Path=/; HttpOnly" }, forbid: " ;,\""},
	{name: "cookie", f: func(k, v string) string { return "Cookie: lang=ko; " + k + "=" + v + "; theme=dark" }, forbid: " ;,\""},
	{name: "query", f: func(k, v string) string { return "GET /api/v1/login?next=%2Fhome&" + k + "=" + v + "&lang=ko HTTP/1.1" }, forbid: " &#?%\"'"},
	{name: "sql_insert", f: func(k, v string) string {
		return "INSERT INTO accounts (id, login, " + k + ") VALUES (17, 'kim', '" + v + "')"
	}, quoted: true, forbid: `'\`},
	{name: "sql_update", f: func(k, v string) string { return "UPDATE accounts SET " + k + " = '" + v + "' WHERE id = 17" }, quoted: true, forbid: `'\`},
	{name: "toml", f: func(k, v string) string { return k + ` = "` + v + `"` }, quoted: true, forbid: `"\`},
	{name: "escaped_json", f: func(k, v string) string { return `body="{\"id\":7,\"` + k + `\":\"` + v + `\"}"` }, quoted: true, forbid: `"\`},
	// Report-only syntaxes: never seen while tuning.
	{name: "java_tostring", f: func(k, v string) string { return "User{id=7, login='kim', " + k + "='" + v + "'}" }, quoted: true, report: true, forbid: `'\`},
	{name: "map_tostring", f: func(k, v string) string { return "{login=kim, " + k + "=" + v + ", role=admin}" }, report: true, forbid: " ,{}="},
	{name: "kwargs", f: func(k, v string) string { return "connect(host='db1', " + k + "='" + v + "', port=5432)" }, quoted: true, report: true, forbid: `'\`},
	{name: "php_array", f: func(k, v string) string { return "array ( 'login' => 'kim', '" + k + "' => '" + v + "', )" }, quoted: true, report: true, forbid: `'\`},
	{name: "ruby_hash", f: func(k, v string) string { return `{:login=>"kim", :` + k + `=>"` + v + `"}` }, quoted: true, report: true, forbid: `"\`},
	{name: "sysprop", f: func(k, v string) string { return "java -D" + dotted(k) + "=" + v + " -jar app.jar" }, report: true, forbid: " '\"`$"},
	{name: "csv", f: func(k, v string) string { return "id,login," + k + ",role\n17,kim," + v + ",admin" }, report: true, forbid: ",\n\" "},
	{name: "header", f: func(k, v string) string { return "X-" + kebab(k) + ": " + v }, report: true, forbid: " ,;"},
	{name: "go_struct", f: func(k, v string) string { return "cfg=&{Host:db1 " + camelUpper(k) + ":" + v + " Port:5432}" }, report: true, forbid: " {}"},
}

// secret-bearing names; every second one goes to the Report half.
var secretNames = []string{
	"password", "passwd", "pwd", "pass", "db_pass", "secret", "client_secret", "api_key", "apiKey", "access_token",
	"refresh_token", "auth_token", "session_id", "sessionid", "sid", "JSESSIONID", "csrf_token", "ticket", "otp", "private_key",
	"credential", "signature", "sig", "jwt", "bearer_token", "authkey", "appSecret", "secretKey", "SECRET_KEY", "encryption_key",
	"master_key", "signing_key", "webhook_secret", "passphrase", "pincode", "userPassword", "newPwd", "oldPassword", "PHPSESSID", "x_api_key",
	"aws_secret_access_key", "storageKey", "accountKey", "hmac_secret", "token", "id_token", "user_pw", "adminPass", "connection_password", "smtp_password",
}

// names that hold a secret word but no secret, with the values they carry.
var lookNames = []struct{ k, v string }{
	{"token_type", "Bearer"}, {"password_expires", "2025-01-31"}, {"key_id", "k-7f3a"}, {"session_count", "42"},
	{"max_tokens", "4096"}, {"password_policy", "strong"}, {"secret_name", "db-creds"}, {"token_url", "https://idp.example.com/oauth/token"},
	{"auth_method", "oauth2"}, {"sessionTimeout", "1800"}, {"pin_attempts", "3"}, {"secret_version", "7"},
	{"token_expires_in", "3600"}, {"keyAlgorithm", "RSA"}, {"api_key_name", "ci-deploy"}, {"passwordLastSet", "2024-11-02"},
	{"tokenCount", "512"}, {"password_changed", "true"}, {"key_size", "2048"}, {"secretRef", "vault-db"},
	{"auth_type", "basic"}, {"session_state", "active"}, {"ticket_status", "closed"}, {"passwordLength", "12"},
}

// ids that look opaque and stay.
var idNames = []string{"trace_id", "span_id", "request_id", "commit", "digest", "etag", "correlation_id", "checksum", "build_id", "x-request-id", "sha", "hash", "traceId", "parentSpanId", "object_id", "revision"}

var wrappers = [2][]func(r *rand.Rand, body string) string{
	{
		func(r *rand.Rand, b string) string { return "Mar  4 10:1" + digit(r) + ":07 web01 app[4412]: " + b },
		func(r *rand.Rand, b string) string {
			return "2024-03-04T10:15:" + digit(r) + "7.123Z INFO  c.e.shop.AuthService - " + b
		},
		func(r *rand.Rand, b string) string { return b },
	},
	{
		func(r *rand.Rand, b string) string {
			return "<134>1 2024-05-06T01:02:0" + digit(r) + "Z host7 svc 992 - - " + b
		},
		func(r *rand.Rand, b string) string {
			return "level=warn ts=2024-05-06T01:02:03Z caller=auth.go:4" + digit(r) + " msg=\"" + strings.ReplaceAll(b, `"`, `\"`) + "\""
		},
		func(r *rand.Rand, b string) string {
			return "[2024-05-06 01:02:03,44" + digit(r) + "] DEBUG worker-3 " + b
		},
	},
}

func digit(r *rand.Rand) string { return string(rune('0' + r.IntN(10))) }

// DefaultLines is the size of a half.
const DefaultLines = 20000

// Generate returns n cases of the half set from seed.
func Generate(set Set, seed uint64, n int) []score.Case {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x70616972+uint64(set))), set: set}
	out := make([]score.Case, 0, n)
	for range n {
		out = append(out, g.line())
	}
	return out
}

type gen struct {
	r   *rand.Rand
	set Set
}

func (g *gen) half(list []string) []string {
	var out []string
	for i, s := range list {
		if i%2 == int(g.set) {
			out = append(out, s)
		}
	}
	return out
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) syntax() syntax {
	for {
		s := syntaxes[g.r.IntN(len(syntaxes))]
		if !s.report || g.set == Report {
			return s
		}
	}
}

func (g *gen) wrap(body string) string {
	w := wrappers[g.set]
	return w[g.r.IntN(len(w))](g.r, body)
}

func (g *gen) line() score.Case {
	switch p := g.r.IntN(100); {
	case p < 45:
		return g.secretPair()
	case p < 60:
		return g.lookPair()
	case p < 70:
		return g.idPair()
	case p < 78:
		return g.prose()
	case p < 84:
		return g.path()
	case p < 92:
		return g.address()
	default:
		return g.korean()
	}
}

// value returns a secret value for name k that the syntax can hold: a
// name that only says "token" or "session" holds an opaque value, a pin or
// an OTP a code.
func (g *gen) value(s syntax, k string) string {
	lk := strings.ToLower(k)
	for {
		var v string
		switch {
		case strings.Contains(lk, "otp") || strings.Contains(lk, "pin"):
			v = g.chars(digits, 6)
			if g.r.IntN(2) == 0 {
				v = g.chars(upperA+digits, 4) + g.chars(digits, 1) + g.chars(upperA+digits, 3) // a backup code
			}
		case tokenName(lk):
			v = g.opaqueValue()
		default:
			v = g.secretValue()
		}
		if !strings.ContainsAny(v, s.forbid) {
			return v
		}
	}
}

func tokenName(lk string) bool {
	for _, w := range []string{"token", "session", "sid", "ticket", "jwt", "sig", "csrf"} {
		if strings.Contains(lk, w) {
			return true
		}
	}
	return false
}

const (
	lowerA = "abcdefghijkmnopqrstuvwxyz"
	upperA = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	digits = "0123456789"
	hexA   = "0123456789abcdef"
	b64    = lowerA + upperA + digits + "lIO"
)

func (g *gen) chars(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

func (g *gen) secretValue() string {
	switch g.r.IntN(4) {
	case 0: // a password with every class
		return g.chars(upperA, 1) + g.chars(lowerA, 3+g.r.IntN(4)) + g.chars("!#$%^*@_+", 1) + g.chars(digits, 2+g.r.IntN(3)) + g.chars(lowerA+upperA, 2)
	case 1: // a plain word and digits
		return g.pick([]string{"winter", "sunny", "tiger", "hana", "dragon", "maple"}) + g.chars(digits, 2+g.r.IntN(3))
	case 2: // a password that starts with a symbol
		return g.chars("*#!", 1) + g.chars(lowerA+upperA+digits, 10)
	case 3:
		if g.r.IntN(2) == 0 {
			return g.chars(upperA, 1) + "%40" + g.chars(lowerA, 4) + g.chars(digits, 3) + "%21" // percent-encoded
		}
		return g.chars(lowerA, 3) + "@" + g.chars(digits, 2) + ":" + g.chars(upperA+lowerA, 4)
	}
	return g.opaqueValue()
}

func (g *gen) opaqueValue() string {
	switch g.r.IntN(6) {
	case 0:
		return g.chars(hexA, []int{32, 40, 64}[g.r.IntN(3)])
	case 1: // base64 with padding
		v := g.chars(b64+"+/", 4*(6+g.r.IntN(10))-1)
		return v + "="
	case 2: // base64url
		return g.chars(b64+"-_", 22+g.r.IntN(22))
	case 3: // dotted opaque
		return g.chars(b64, 8) + "." + g.chars(b64, 20+g.r.IntN(10)) + "." + g.chars(b64+"-_", 16)
	case 4: // ticket
		return "ST-" + g.chars(digits, 6) + "-" + g.chars(b64, 20)
	default: // mixed alnum
		return g.chars(lowerA+upperA+digits, 16+g.r.IntN(16))
	}
}

// name renders a secret name in one of the casings a log may use.
func (g *gen) name(base string) string {
	switch g.r.IntN(4) {
	case 0:
		return base
	case 1:
		return strings.ToUpper(snake(base))
	case 2:
		return "db." + dotted(base)
	default:
		return snake(base)
	}
}

func (g *gen) secretPair() score.Case {
	s := g.syntax()
	k := g.name(g.pick(g.half(secretNames)))
	v := g.value(s, k)
	return score.Case{
		Format:  "pair/" + s.name,
		Text:    g.wrap(s.f(k, v)),
		Secrets: []score.Secret{{Kind: "secret", Class: "pair/" + s.name, Value: v}},
	}
}

func (g *gen) lookPair() score.Case {
	s := g.syntax()
	ln := lookNames[2*g.r.IntN(len(lookNames)/2)+int(g.set)]
	v := ln.v
	if strings.ContainsAny(v, s.forbid) {
		v = "none"
	}
	return score.Case{
		Format:     "look/" + s.name,
		Text:       g.wrap(s.f(ln.k, v)),
		LookAlikes: []score.LookAlike{{Class: "name/" + s.name, Value: v}},
	}
}

func (g *gen) opaqueID(k string) string {
	switch {
	case strings.Contains(strings.ToLower(k), "span"):
		return g.chars(hexA, 16)
	case strings.Contains(strings.ToLower(k), "trace"):
		return g.chars(hexA, 32)
	case k == "commit" || k == "sha" || k == "revision":
		return g.chars(hexA, 40)
	case k == "digest":
		return "sha256:" + g.chars(hexA, 64)
	case k == "checksum" || k == "hash":
		return g.chars(hexA, 32)
	case k == "etag":
		return "W/" + g.chars(hexA, 24)
	default:
		return fmt.Sprintf("%s-%s-4%s-a%s-%s", g.chars(hexA, 8), g.chars(hexA, 4), g.chars(hexA, 3), g.chars(hexA, 3), g.chars(hexA, 12))
	}
}

func (g *gen) idPair() score.Case {
	s := g.syntax()
	k := g.pick(idNames)
	v := g.opaqueID(k)
	for strings.ContainsAny(v, s.forbid) {
		v = g.chars(hexA, 32)
	}
	return score.Case{
		Format:     "id/" + s.name,
		Text:       g.wrap(s.f(k, v)),
		LookAlikes: []score.LookAlike{{Class: "id/" + s.name, Value: v}},
	}
}

var tokenProse = [2][]string{
	{"token %s expired", "invalid api key %s", "session token: %s", "using access token %s for upstream", "refresh token %s revoked"},
	{"rejected token %s (expired)", "bearer %s not accepted", "api key %s is disabled", "session %s not found", "auth token=%s invalid", "secret key %s rotated"},
}

var idProse = []string{"request %s done", "commit %s deployed", "trace %s sampled", "span %s ended", "object %s stored", "build %s passed"}

func (g *gen) prose() score.Case {
	if g.r.IntN(3) == 0 {
		f := g.pick(idProse)
		k := strings.Fields(f)[0]
		v := g.opaqueID(map[string]string{"request": "request_id", "commit": "commit", "trace": "trace_id", "span": "span_id", "object": "object_id", "build": "sha"}[k])
		return score.Case{Format: "prose/id", Text: g.wrap(fmt.Sprintf(f, v)), LookAlikes: []score.LookAlike{{Class: "id/prose", Value: v}}}
	}
	var v string
	switch g.r.IntN(4) {
	case 0:
		v = g.chars(hexA, 32+8*g.r.IntN(2))
	case 1:
		v = g.chars(b64+"-_", 24+g.r.IntN(20))
	case 2:
		v = g.chars(b64, 10) + "." + g.chars(b64+"-_", 24)
	default:
		v = g.chars(lowerA+upperA+digits, 20+g.r.IntN(12))
	}
	return score.Case{Format: "prose/token", Text: g.wrap(fmt.Sprintf(g.pick(tokenProse[g.set]), v)),
		Secrets: []score.Secret{{Kind: "secret", Class: "prose/token", Value: v}}}
}

var tokenPaths = [2][]string{
	{"POST https://hooks.example.com/webhook/%s HTTP/1.1", "GET /reset-password/%s 200", "GET /api/v1/verify/%s 302"},
	{"GET /auth/callback/%s 302", "POST /hooks/%s 204", "GET /invite/accept/%s 200", "GET /magic-link/%s 302"},
}

var idPaths = []string{"GET /api/v1/orders/%s 200", "GET /v2/shop/api/blobs/sha256:%s 200", "GET /repos/shop/commits/%s 200"}

func (g *gen) path() score.Case {
	if g.r.IntN(2) == 0 {
		f := g.pick(idPaths)
		var v string
		switch {
		case strings.Contains(f, "sha256"):
			v = g.chars(hexA, 64)
		case strings.Contains(f, "commits"):
			v = g.chars(hexA, 40)
		default:
			v = g.opaqueID("request_id")
		}
		return score.Case{Format: "path/id", Text: g.wrap(fmt.Sprintf(f, v)), LookAlikes: []score.LookAlike{{Class: "id/path", Value: v}}}
	}
	v := g.chars(b64+"-_", 24+g.r.IntN(20))
	return score.Case{Format: "path/token", Text: g.wrap(fmt.Sprintf(g.pick(tokenPaths[g.set]), v)),
		Secrets: []score.Secret{{Kind: "secret", Class: "path/token", Value: v}}}
}

func (g *gen) address() score.Case {
	a, b, c := 10+g.r.IntN(3)*82, 1+g.r.IntN(250), 2+g.r.IntN(250)
	d := 2 + g.r.IntN(250)
	switch g.r.IntN(8) {
	case 0:
		v := fmt.Sprintf("%d-%d-%d-%d", a, b, c, d)
		return g.addr("ipv4/dashed_host", "connected to ip-"+v+".ap-northeast-2.compute.internal", v)
	case 1:
		v := fmt.Sprintf("%d.%d.%d.%d.in-addr.arpa", d, c, b, a)
		return g.addr("ipv4/in_addr_arpa", "named: query: "+v+" IN PTR +", v)
	case 2:
		v := fmt.Sprintf("::ffff:%d.%d.%d.%d", a, b, c, d)
		return g.addr("ipv4/mapped", "remote_addr="+v+" port=443", v)
	case 3:
		v := fmt.Sprintf("%03d.%03d.%03d.%03d", a, b, c, d)
		return g.addr("ipv4/zero_padded", "peer "+v+" accepted", v)
	case 4:
		v := fmt.Sprintf("%d.%d.%d.%d", a, b, c, d)
		return g.addr("ipv4/plain", "upstream="+v+":8443 status=200", v)
	case 5:
		v := fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(30), g.r.IntN(10), g.r.IntN(10), g.r.IntN(300))
		f := g.pick([]string{"Chrome/%s Safari/537.36", "agent-%s started", "version v%s", "Whale/%s", "kernel %s-generic"})
		return score.Case{Format: "version", Text: g.wrap(fmt.Sprintf(f, v)), LookAlikes: []score.LookAlike{{Class: "version", Value: v}}}
	case 6:
		v := fmt.Sprintf("1.3.6.1.4.1.%d.%d", 2000+g.r.IntN(9000), g.r.IntN(20))
		return score.Case{Format: "oid", Text: g.wrap("snmp oid " + v + " = 7"), LookAlikes: []score.LookAlike{{Class: "oid", Value: v}}}
	default:
		v := fmt.Sprintf("%d-%d-%d-%d", a, b, c, d)
		return g.addr("ipv4/dashed_pod", "pod "+v+".default.pod.cluster.local ready", v)
	}
}

func (g *gen) addr(class, text, v string) score.Case {
	return score.Case{Format: "address", Text: g.wrap(text), Secrets: []score.Secret{{Kind: "ipv4", Class: class, Value: v}}}
}

var koreanLabels = [2][]string{
	{"비밀번호: %s", "임시 비밀번호는 %s 입니다", "패스워드=%s", "토큰: %s", "비번 %s 로 변경"},
	{"암호=%s", "인증키: %s", "새 비밀번호 %s 설정 완료", "접속 토큰=%s", "초기 패스워드는 %s 입니다"},
}

func (g *gen) korean() score.Case {
	v := g.value(syntax{forbid: " ,;'\""}, "password")
	return score.Case{Format: "korean", Text: g.wrap(fmt.Sprintf(g.pick(koreanLabels[g.set]), v)),
		Secrets: []score.Secret{{Kind: "secret", Class: "korean", Value: v}}}
}

func snake(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 'A' && c <= 'Z' && i > 0 && k[i-1] >= 'a' && k[i-1] <= 'z' {
			b.WriteByte('_')
		}
		b.WriteByte(c)
	}
	return strings.ToLower(b.String())
}

func kebab(k string) string  { return strings.ReplaceAll(snake(k), "_", "-") }
func dotted(k string) string { return strings.ReplaceAll(snake(k), "_", ".") }

func camelUpper(k string) string {
	parts := strings.Split(snake(k), "_")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}
