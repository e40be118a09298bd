package fresh

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

// The generator's own checks; none of them runs the masking engine.

// detectors are the detector names of the masking processor's README.
var detectors = map[string]bool{"email": true, "payment_card": true, "kr_rrn": true, "phone": true, "bank_account": true,
	"ipv4": true, "ipv6": true, "jwt": true, "access_key": true, "auth_header": true, "secret": true}

const checkLines = 20000

var lines = Generate(DefaultSeed, checkLines)

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := Generate(7, 3000), Generate(7, 3000)
	require.Equal(t, a, b, "same seed, same corpus")
	c := Generate(8, 3000)
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text {
			same++
		}
	}
	assert.Less(t, same, 30, "another seed gives other lines")
	assert.Len(t, Generate(1, 123), 123)
}

// Other seeds keep the ground truth too.
func TestGroundTruthOtherSeeds(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{2, 3, 1234} {
		for _, l := range Generate(seed, 4000) {
			for _, s := range l.Secrets {
				require.Contains(t, l.Text, s.Value)
				checkValue(t, s.Kind, s.Value, l.Text)
			}
			for _, la := range l.LookAlikes {
				require.Contains(t, l.Text, la)
				for _, s := range l.Secrets {
					require.False(t, strings.Contains(s.Value, la) || strings.Contains(la, s.Value), "%q / %q", la, s.Value)
				}
			}
		}
	}
}

func TestGroundTruth(t *testing.T) {
	t.Parallel()
	kinds, formatsSeen := map[string]int{}, map[string]int{}
	secrets, looks, clean := 0, 0, 0
	for _, l := range lines {
		formatsSeen[l.Format]++
		require.Len(t, l.Classes, len(l.Secrets), l.Text)
		require.Len(t, l.LookClasses, len(l.LookAlikes), l.Text)
		if len(l.Secrets) == 0 {
			clean++
		}
		for i, s := range l.Secrets {
			secrets++
			kinds[s.Kind]++
			require.True(t, detectors[s.Kind], "kind %q is a detector name", s.Kind)
			require.True(t, strings.HasPrefix(l.Classes[i], s.Kind+"/"), "class %q of kind %q", l.Classes[i], s.Kind)
			require.NotEmpty(t, s.Value)
			require.Contains(t, l.Text, s.Value, "secret occurs in its line")
			checkValue(t, s.Kind, s.Value, l.Text)
		}
		for i, la := range l.LookAlikes {
			looks++
			require.NotEmpty(t, l.LookClasses[i])
			require.NotEmpty(t, la)
			require.Contains(t, l.Text, la, "look-alike occurs in its line")
			for _, s := range l.Secrets {
				require.NotContains(t, s.Value, la, "look-alike %q inside secret in %q", la, l.Text)
				require.NotContains(t, la, s.Value, "secret inside look-alike in %q", l.Text)
			}
		}
	}
	assert.Len(t, formatsSeen, len(formats), "every format appears")
	for _, f := range Formats() {
		assert.InDelta(t, checkLines/len(formats), formatsSeen[f], 1, f) // rotation: equal shares
	}
	for k := range detectors {
		assert.Greater(t, kinds[k], 50, "detector %s has planted secrets", k)
	}
	assert.Greater(t, looks, len(lines), "about one look-alike per line or more")
	assert.Greater(t, secrets, len(lines), "secrets per line")
	assert.Positive(t, clean, "some lines carry no secret")
	t.Logf("%d lines, %d formats, %d secrets, %d look-alikes, %d clean lines; by detector %v", len(lines), len(formatsSeen), secrets, looks, clean, kinds)
}

// luhn uses the generator's check digit, itself checked on published
// test numbers in TestLuhnDigit.
func luhn(d string) bool { return len(d) > 1 && luhnDigit(d[:len(d)-1]) == d[len(d)-1] }

func TestLuhnDigit(t *testing.T) {
	t.Parallel()
	for _, n := range []string{"4111111111111111", "5555555555554444", "378282246310005", "3530111333300000", "79927398713"} {
		assert.True(t, luhn(n), n)
	}
	for _, n := range []string{"4111111111111112", "79927398710", "1234567812345678"} {
		assert.False(t, luhn(n), n)
	}
}

var emailRe = regexp.MustCompile(`^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$`)

// checkValue checks that a planted value really is what its kind says.
func checkValue(t *testing.T, kind, v, line string) {
	t.Helper()
	switch kind {
	case "payment_card":
		d := score.Digits(v)
		assert.True(t, luhn(d) && len(d) >= 13 && len(d) <= 19, "card %q Luhn-valid", v)
	case "kr_rrn":
		d := score.Digits(v)
		require.Len(t, d, 13, v)
		w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
		sum := 0
		for i := range 12 {
			sum += int(d[i]-'0') * w[i]
		}
		assert.Equal(t, byte('0'+(11-sum%11)%10), d[12], "RRN %q check digit", v)
		m, day := (d[2]-'0')*10+d[3]-'0', (d[4]-'0')*10+d[5]-'0'
		assert.True(t, m >= 1 && m <= 12 && day >= 1 && day <= 28, "RRN %q date", v)
	case "email":
		dec := strings.ReplaceAll(v, `\u0040`, "@")
		if u, err := url.QueryUnescape(dec); err == nil {
			dec = u
		}
		assert.Regexp(t, emailRe, dec, "e-mail %q", v)
	case "ipv4":
		a, err := netip.ParseAddr(v)
		require.NoError(t, err, v)
		assert.True(t, a.Is4() && !a.IsLoopback() && !a.IsUnspecified(), v)
	case "ipv6":
		a, err := netip.ParseAddr(v)
		require.NoError(t, err, v)
		assert.True(t, a.Is6(), v)
	case "jwt":
		parts := strings.Split(v, ".")
		require.Len(t, parts, 3, v)
		for _, p := range parts[:2] {
			b, err := base64.RawURLEncoding.DecodeString(p)
			require.NoError(t, err, v)
			assert.True(t, json.Valid(b), v)
		}
	case "phone":
		dec, _ := url.QueryUnescape(v)
		n := len(score.Digits(dec))
		assert.True(t, n >= 9 && n <= 15, "phone %q digits", v)
	case "bank_account":
		n := len(score.Digits(v))
		assert.True(t, n >= 10 && n <= 14 && strings.Trim(v, "0123456789-") == "", "account %q", v)
	case "access_key":
		ok := false
		for _, p := range []struct {
			prefix string
			n      int
		}{{"AKIA", 20}, {"ASIA", 20}, {"AIza", 39}, {"ghp_", 40}, {"sk_live_", 32}, {"rk_live_", 32}, {"glpat-", 26}} {
			ok = ok || (strings.HasPrefix(v, p.prefix) && len(v) == p.n)
		}
		assert.True(t, ok, "access key %q", v)
	case "auth_header":
		assert.True(t, strings.Contains(line, "Bearer "+v) || strings.Contains(line, "Basic "+v), "credential after its scheme: %q", v)
		if strings.Contains(line, "Basic "+v) {
			b, err := base64.StdEncoding.DecodeString(v)
			require.NoError(t, err)
			assert.Contains(t, string(b), ":")
		}
	case "secret":
		assert.GreaterOrEqual(t, len(v), 6, "secret %q", v)
	}
}

var ipv4Re = regexp.MustCompile(`(^|[^0-9.])((?:\d{1,3}\.){3}\d{1,3})([^0-9.]|$)`)

// Every address-shaped value in a line is planted or a look-alike: the
// ground truth is complete for the address detectors (wildcard bind
// addresses aside).
func TestNoUnplantedAddresses(t *testing.T) {
	t.Parallel()
	for _, l := range lines {
		for _, m := range ipv4Re.FindAllStringSubmatch(l.Text, -1) {
			a, err := netip.ParseAddr(m[2])
			if err != nil || a.IsUnspecified() {
				continue
			}
			found := false
			for _, s := range l.Secrets {
				found = found || s.Value == m[2]
			}
			for _, la := range l.LookAlikes {
				found = found || strings.Contains(la, m[2])
			}
			require.True(t, found, "unplanted %q in %q", m[2], l.Text)
		}
		for _, w := range strings.FieldsFunc(l.Text, func(r rune) bool { return strings.ContainsRune(" \"'<>(),;=[]{}", r) }) {
			if i := strings.Index(w, "@"); i > 0 && strings.Contains(w[i:], ".") && !strings.HasPrefix(w, "shop@") {
				found := false
				for _, s := range l.Secrets {
					found = found || strings.Contains(w, s.Value) || strings.Contains(s.Value, w)
				}
				require.True(t, found, "unplanted address-like %q in %q", w, l.Text)
			}
		}
	}
}

// Structured formats parse as their format; field-based ones have their
// documented field count.
func TestFormatsParse(t *testing.T) {
	t.Parallel()
	jsonFormats := map[string]bool{"traefik": true, "ecs": true, "gcp": true, "azure": true, "vault": true, "graphql": true}
	prefix := map[string]*regexp.Regexp{
		"apache_error":  regexp.MustCompile(`^\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} 2024\] \[\w+:\w+\] `),
		"monolog":       regexp.MustCompile(`^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] \w+\.(INFO|ERROR|WARNING|DEBUG): `),
		"django":        regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (ERROR|WARNING|INFO) django\.`),
		"celery":        regexp.MustCompile(`^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}: INFO/ForkPoolWorker-\d\] `),
		"kafka":         regexp.MustCompile(`^\[[-\d :,]+\] INFO \w+Config values: \tbootstrap\.servers = \[`),
		"kafka_connect": regexp.MustCompile(`^\[[-\d :,]+\] INFO \[Worker clientId=connect-1, groupId=connect-cluster\] Creating connector [\w-]+ of type [\w.]+ config=\{`),
		"rabbitmq":      regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+09:00 \[(info|warning|error)\] <0\.\d+\.0> `),
		"keycloak":      regexp.MustCompile(`^[-\d :,]+ WARN  \[org\.keycloak\.events\] \(executor-thread-\d+\) (type|operationType)="[A-Z_]+", realmId="`),
		"slapd":         regexp.MustCompile(`^\w{3} [ \d]\d \d\d:\d\d:\d\d ldap01 slapd\[\d+\]: conn=\d+ `),
		"exim":          regexp.MustCompile(`^[-\d :]+ \w{6}-\w{6}-\w{2} (<=|=>|\*\*) `),
		"dovecot":       regexp.MustCompile(`^\w{3} [ \d]\d \d\d:\d\d:\d\d mx1 dovecot: (imap-login|auth|imap)`),
		"bind":          regexp.MustCompile(`^\d\d-\w{3}-2024 [\d:.]+ queries: info: client @0x[0-9a-f]+ [0-9a-f.:]+#\d+ \([\w.]+\): query: [\w.]+ IN \w+ `),
		"dhcpd":         regexp.MustCompile(`^\w{3} [ \d]\d \d\d:\d\d:\d\d dhcp01 dhcpd\[\d+\]: DHCP(ACK|REQUEST|OFFER) `),
		"auditd":        regexp.MustCompile(`^type=(USER_AUTH|EXECVE) msg=audit\(\d+\.\d{3}:\d+\): `),
		"asa":           regexp.MustCompile(`^<166>\w{3} [ \d]\d \d\d:\d\d:\d\d edge-fw01 : %ASA-\d-\d{6}: `),
		"f5":            regexp.MustCompile(`^\w{3} [ \d]\d \d\d:\d\d:\d\d bigip1 `),
		"wildfly":       regexp.MustCompile(`^\d\d:\d\d:\d\d,\d{3} (INFO |WARN |ERROR) \[[\w.]+\] \(`),
		"jeus":          regexp.MustCompile(`^\[2024\.\d\d\.\d\d \d\d:\d\d:\d\d\]\[\d\]\[b\d+\] \[container1-\d+\] \[(WEB|JDBC|MGR)-\d+\] `),
		"oracle_alert":  regexp.MustCompile(`^2024-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+09:00 `),
		"db2diag":       regexp.MustCompile(`^2024-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d{6}\+540 I\d+E\d+ LEVEL: \w+ PID : \d+ `),
		"traceback":     regexp.MustCompile(`^(Traceback \(most recent call last\):|UnhandledPromiseRejection: |panic: )`),
		"ansible":       regexp.MustCompile(`^(ok|changed|TASK)[: ]`),
		"kr_notice":     regexp.MustCompile(`^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] `),
		"http_dump":     regexp.MustCompile(`^(\* Connected to |dump="POST )`),
		"shell":         regexp.MustCompile(`^(#\d{10} |\w{3} [ \d]\d \d\d:\d\d:\d\d worker-3 CRON\[\d+\]: \(root\) CMD \()`),
		"checkpoint":    regexp.MustCompile(`^<134>1 [\dT:.Z-]+ cp-mgmt CheckPoint \d+ - \[action:"\w+"; (\w+:"[^"]*"; )+session_uid:"[0-9a-f-]+"\]$`),
		"weblogic":      regexp.MustCompile(`^####<\w{3} \d+, 2024 \d+:\d\d:\d\d,\d{3} (AM|PM) KST> <(Info|Warning|Error)> <(Security|JDBC|HTTP)> <wls01> `),
		"cubrid":        regexp.MustCompile(`^\d\d/\d\d \d\d:\d\d:\d\d\.\d{3} \(\d+\) execute srv_h_id \d+ (UPDATE|INSERT|SELECT) .* - 0\.\d{3} sec$`),
		"sshd":          regexp.MustCompile(`^\w{3} [ \d]\d \d\d:\d\d:\d\d (bastion sshd|web01 sudo)\[\d+\]: `),
	}
	checked := map[string]bool{}
	for _, l := range lines {
		switch {
		case jsonFormats[l.Format]:
			require.True(t, json.Valid([]byte(l.Text)), "%s is JSON: %s", l.Format, l.Text)
		case l.Format == "soap":
			d := xml.NewDecoder(strings.NewReader(l.Text))
			for {
				_, err := d.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err, l.Text)
			}
		case l.Format == "vpcflow":
			f := strings.Fields(l.Text)
			require.Len(t, f, 14, l.Text)
			assert.Equal(t, "2", f[0])
			assert.Equal(t, "OK", f[13])
		case l.Format == "squid":
			require.Len(t, strings.Fields(l.Text), 10, l.Text)
		case l.Format == "vsftpd" && strings.HasSuffix(l.Text, " c"):
			require.Len(t, strings.Fields(l.Text), 18, "xferlog: %s", l.Text)
		case l.Format == "vsftpd":
			assert.Contains(t, l.Text, "] OK ")
		case l.Format == "terraform":
			assert.Regexp(t, `(resource "|Creation complete after )`, l.Text)
		case l.Format == "envdump":
			assert.Regexp(t, `^("Env": \[|\[default\] |DB_HOST=|spring\.datasource\.url=|GITHUB_TOKEN=)`, l.Text)
		case l.Format == "graphql":
		default:
			re := prefix[l.Format]
			require.NotNil(t, re, "no check for format %s", l.Format)
			require.Regexp(t, re, l.Text, l.Format)
		}
		checked[l.Format] = true
	}
	assert.Len(t, checked, len(formats))
	// JSON bodies that carry escaped JSON decode to JSON again
	for _, l := range lines {
		if l.Format == "azure" && strings.Contains(l.Text, "requestbody") {
			var v struct {
				Properties struct {
					Requestbody string `json:"requestbody"`
				} `json:"properties"`
			}
			require.NoError(t, json.NewDecoder(bytes.NewReader([]byte(l.Text))).Decode(&v))
			assert.True(t, json.Valid([]byte(v.Properties.Requestbody)), v.Properties.Requestbody)
		}
	}
}

// Look-alike classes the issue names are all present.
func TestLookAlikeClasses(t *testing.T) {
	t.Parallel()
	seen := map[string]int{}
	for _, l := range lines {
		for _, c := range l.LookClasses {
			seen[c]++
		}
	}
	for _, c := range []string{"version/product_token", "version/key", "version/image_tag", "version/label", "order_id", "timestamp",
		"timestamp/epoch", "uuid", "trace_id", "span_id", "commit_sha", "duration", "bytes", "port", "hash/vault_hmac", "placeholder",
		"id/business_no", "id/luhn_fail", "date", "id/aws_account"} {
		assert.Positive(t, seen[c], "look-alike class %s", c)
	}
}
