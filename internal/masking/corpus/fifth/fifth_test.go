package fifth_test

import (
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/fifth"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

// These tests check the generator only; they never run the masking engine.

const testLines = 20000

var lines = fifth.Generate(fifth.DefaultSeed, testLines)

func TestDeterministicBySeed(t *testing.T) {
	t.Parallel()
	a, b := fifth.Generate(7, 3000), fifth.Generate(7, 3000)
	require.Equal(t, a, b, "same seed, same corpus")
	c := fifth.Generate(8, 3000)
	diff := 0
	for i := range a {
		if a[i].Text != c[i].Text {
			diff++
		}
	}
	assert.Greater(t, diff, 2900, "another seed gives other lines")
	assert.Len(t, fifth.Generate(1, 123), 123)
}

// Every secret occurs in its line, with a detector kind and a class under
// that kind; every look-alike occurs and does not overlap a secret, so a
// perfect mask leaves all look-alikes in place.
func TestGroundTruth(t *testing.T) {
	t.Parallel()
	kinds := map[string]bool{}
	for _, k := range fifth.Kinds {
		kinds[k] = true
	}
	secrets, looks := 0, 0
	missing := map[string]string{}
	defer func() {
		for k, v := range missing {
			t.Errorf("secret %s not in its line: %q", k, v)
		}
	}()
	for i, l := range lines {
		require.Len(t, l.Classes, len(l.Secrets), "line %d", i)
		require.Len(t, l.LookClasses, len(l.LookAlikes), "line %d", i)
		for j, s := range l.Secrets {
			secrets++
			require.True(t, kinds[s.Kind], "line %d: kind %q", i, s.Kind)
			require.True(t, strings.HasPrefix(l.Classes[j], s.Kind+"/"), "line %d: class %q of kind %q", i, l.Classes[j], s.Kind)
			require.GreaterOrEqual(t, len(s.Value), 6, "line %d: secret %q too short to score", i, s.Value)
			if !strings.Contains(l.Text, s.Value) {
				missing[l.Format+" "+l.Classes[j]] = l.Text
			}
		}
		blank := fifth.Blank(l.Text, l.Secrets)
		for j, la := range l.LookAlikes {
			looks++
			require.GreaterOrEqual(t, len(la), 4, "line %d: look-alike %q (%s)", i, la, l.LookClasses[j])
			require.NotEmpty(t, l.LookClasses[j])
			require.Contains(t, l.Text, la, "line %d: look-alike %s", i, l.LookClasses[j])
			require.Equal(t, strings.Count(l.Text, la), strings.Count(blank, la), "line %d: look-alike %q overlaps a secret in %q", i, la, l.Text)
		}
	}
	t.Logf("%d lines, %d secrets, %d look-alikes", len(lines), secrets, looks)
	assert.GreaterOrEqual(t, float64(looks)/float64(len(lines)), 1.0, "about one look-alike per line or more")
	assert.GreaterOrEqual(t, float64(secrets)/float64(len(lines)), 1.0)
}

// excluded are format names the five earlier corpora (or the brief) already
// cover; none of them may be a format here.
var excluded = []string{"nginx", "apache", "envoy", "spring", "logback", "hibernate", "python", "zap", "logfmt", "postgres", "mysql",
	"syslog", "cisco", "haproxy", "tomcat", "slog", "pino", "log4j", "rails", "gunicorn", "k8s_audit", "fortigate", "junos", "journald",
	"mongodb", "alb", "cloudfront", "cloudtrail", "serilog", "winston", "caddy", "docker", "gelf", "cef", "leef", "windows_xml", "oracle",
	"sqlserver", "redis", "panos", "postfix", "iis", "ci", "mybatis", "traefik", "squid", "monolog", "laravel", "django", "celery", "kafka",
	"ecs", "elasticsearch", "rabbitmq", "keycloak", "slapd", "sshd", "vsftpd", "exim", "dovecot", "bind", "dhcpd", "auditd", "sysmon",
	"asa", "f5", "checkpoint", "vpcflow", "gcp", "azure", "vault", "wildfly", "weblogic", "jeus", "tibero", "cubrid", "db2", "http_dump",
	"traceback", "shell", "ansible", "terraform", "graphql", "soap", "envdump", "jdbc"}

func TestAllFormatsAppear(t *testing.T) {
	t.Parallel()
	names := fifth.Formats()
	require.GreaterOrEqual(t, len(names), 30)
	for _, n := range names {
		for _, x := range excluded {
			require.NotEqual(t, x, n, "format %q is covered by an earlier corpus", n)
		}
	}
	secrets, looks, seen := map[string]int{}, map[string]int{}, map[string]int{}
	for _, l := range lines {
		seen[l.Format]++
		secrets[l.Format] += len(l.Secrets)
		looks[l.Format] += len(l.LookAlikes)
	}
	for _, n := range names {
		assert.Greater(t, seen[n], 100, "format %s", n)
		assert.Greater(t, secrets[n], 100, "format %s plants secrets", n)
		assert.Greater(t, looks[n], 50, "format %s keeps look-alikes", n)
	}
	assert.Len(t, seen, len(names))
}

// The secret classes the issue names are all planted, many times each.
func TestIssueClassesPlanted(t *testing.T) {
	t.Parallel()
	count := map[string]int{}
	kinds := map[string]int{}
	looks := map[string]int{}
	for _, l := range lines {
		for j, s := range l.Secrets {
			count[l.Classes[j]]++
			kinds[s.Kind]++
		}
		for _, c := range l.LookClasses {
			looks[c]++
		}
	}
	for _, k := range fifth.Kinds {
		assert.Greater(t, kinds[k], 50, "kind %s", k)
	}
	prefixSum := func(m map[string]int, p string) int {
		n := 0
		for k, v := range m {
			if strings.HasPrefix(k, p) {
				n += v
			}
		}
		return n
	}
	for _, c := range []string{
		"bank_account/korean_label_kv", "bank_account/json_refund", "bank_account/sql_set", "bank_account/sql_values_multirow", "bank_account/korean_sentence",
		"secret/sql_values_multirow", "secret/aws_secret_positional", "secret/json_aws_secret_key", "secret/cli_conf_secret_key",
		"secret/query_token", "secret/openvpn_auth_token", "secret/header_subject_token", "secret/session_label",
		"email/percent_query", "email/percent_form", "secret/escaped_json_pwd", "secret/korean_temp_password", "secret/json_password",
		"phone/na_intl_paren", "phone/na_paren", "phone/e164", "phone/percent_e164", "kr_rrn/sql_values", "kr_rrn/hl7_pid19",
		"payment_card/json_value", "jwt/bearer", "access_key/sql_function_arg", "ipv6/tsv_orig_h",
	} {
		assert.Greater(t, count[c], 10, "class %s", c)
	}
	for _, p := range []string{"version/", "id/order", "id/uuid", "timestamp/epoch_ms", "timestamp/epoch_s", "hash/", "placeholder", "duration/", "bytes", "id/tx_serial", "date", "id/trace_id", "id/span_id", "port", "id/commit", "id/business_no"} {
		assert.Greater(t, prefixSum(looks, p), 50, "look-alike class %s", p)
	}
}

var rrnWeights = []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}

func luhnValid(d string) bool {
	s := 0
	for i := len(d) - 1; i >= 0; i-- {
		x := int(d[i] - '0')
		if (len(d)-i)%2 == 0 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		s += x
	}
	return s%10 == 0
}

var accessPrefixes = []string{"AKIA", "ASIA", "ghp_", "glpat-", "xoxb-", "sk_live_", "AIza", "SG.", "npm_", "hf_", "github_pat_", "whsec_"}

// Planted values are valid members of their class: a card passes Luhn, a
// registration number has a real date and check digit, a JWT decodes, an
// address parses.
func TestValuesAreValid(t *testing.T) {
	t.Parallel()
	emailRe := regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$`)
	for _, l := range lines {
		for j, s := range l.Secrets {
			c := l.Classes[j]
			switch s.Kind {
			case "payment_card":
				d := score.Digits(s.Value)
				require.True(t, len(d) >= 13 && len(d) <= 19 && luhnValid(d), "card %q", s.Value)
			case "kr_rrn":
				d := score.Digits(s.Value)
				require.Len(t, d, 13, s.Value)
				yy := d[:2]
				century := "19"
				if d[6] == '3' || d[6] == '4' {
					century = "20"
				}
				_, err := time.Parse("20060102", century+yy+d[2:6])
				require.NoError(t, err, "rrn date %q", s.Value)
				sum := 0
				for i := range 12 {
					sum += int(d[i]-'0') * rrnWeights[i]
				}
				require.Equal(t, byte('0'+(11-sum%11)%10), d[12], "rrn check digit %q", s.Value)
			case "jwt":
				parts := strings.Split(s.Value, ".")
				require.Len(t, parts, 3)
				for _, p := range parts[:2] {
					raw, err := base64.RawURLEncoding.DecodeString(p)
					require.NoError(t, err)
					var m map[string]any
					require.NoError(t, json.Unmarshal(raw, &m), "jwt part %q", raw)
				}
			case "ipv4":
				a, err := netip.ParseAddr(s.Value)
				require.NoError(t, err, s.Value)
				require.True(t, a.Is4(), s.Value)
			case "ipv6":
				a, err := netip.ParseAddr(s.Value)
				require.NoError(t, err, s.Value)
				require.True(t, a.Is6(), s.Value)
			case "email":
				v := strings.ReplaceAll(s.Value, `\u0040`, "@")
				if dec, err := url.QueryUnescape(v); err == nil {
					v = dec
				}
				require.Regexp(t, emailRe, v, "email %q (%s)", s.Value, c)
			case "phone":
				v := strings.ReplaceAll(s.Value, "%2B", "+")
				d := score.Digits(v)
				require.True(t, len(d) >= 9 && len(d) <= 15, "phone %q", s.Value)
				if strings.HasPrefix(c, "phone/na") {
					require.True(t, strings.HasPrefix(d, "1") && len(d) == 11 || len(d) == 10, "NA phone %q", s.Value)
				}
			case "bank_account":
				d := score.Digits(s.Value)
				require.True(t, len(d) >= 10 && len(d) <= 14, "account %q", s.Value)
			case "access_key":
				ok := false
				for _, p := range accessPrefixes {
					ok = ok || strings.HasPrefix(s.Value, p)
				}
				require.True(t, ok, "access key %q", s.Value)
			case "auth_header":
				require.Contains(t, l.Text, "Authorization", "an auth_header value stands after Authorization")
			case "secret":
				require.NotContains(t, []string{"***", "[FILTERED]", "<hidden>"}, s.Value)
			}
		}
	}
}

// lineShapes are the documented line layouts of formats whose every
// physical line has a fixed head.
var lineShapes = map[string]*regexp.Regexp{
	"snort":      regexp.MustCompile(`^\d\d/\d\d-\d\d:\d\d:\d\d\.\d{6}  \[\*\*\] \[1:\d+:\d+\] .+ \[\*\*\] \[Classification: [^\]]+\] \[Priority: \d\] \{(TCP|UDP)\} [\d.]+:\d+ -> [\d.]+:\d+$`),
	"logcat":     regexp.MustCompile(`^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d+ +\d+ [VDIWEF] [A-Za-z]+ *: `),
	"clickhouse": regexp.MustCompile(`^\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d\.\d{6} \[ \d+ \] \{[0-9a-f-]{36}\} <(Debug|Information)> \w+: `),
	"coredns":    regexp.MustCompile(`^(\[INFO\] (\[[0-9a-f:]+\]|[\d.]+):\d+ - \d+ "[A-Z]+ IN [a-z.]+\. udp \d+ false 512" [A-Z]+ qr,rd,ra \d+ [\d.]+s|CoreDNS-[\d.]+|linux/amd64, go[\d.]+, [0-9a-f]{7})$`),
	"sendmail":   regexp.MustCompile(`^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d mx1 sm-mta\[\d+\]: \d{3}[A-Z]{4}[a-z]\d{6}: `),
	"consul":     regexp.MustCompile(`^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0900 \[(DEBUG|INFO)\] +agent[.\w]*: |[A-Z][\w ]+: +\S)`),
	"keystone":   regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \d+ (INFO|DEBUG|WARNING) [\w.]+ \[req-[0-9a-f-]{36} - - - - -\] `),
	"atlassian":  regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\+0900 [\w-]+ `),
}

// Lines parse as their format.
func TestFormatsParse(t *testing.T) {
	t.Parallel()
	jsonLine := map[string]bool{"suricata": true, "auth0": true}
	for i, l := range lines {
		switch {
		case jsonLine[l.Format]:
			require.True(t, json.Valid([]byte(l.Text)), "line %d (%s) is JSON: %s", i, l.Format, l.Text)
		case l.Format == "gitlab":
			require.True(t, json.Valid([]byte(l.Text)), "gitlab: %s", l.Text)
		case l.Format == "zeek":
			n := len(strings.Split(l.Text, "\t"))
			require.Contains(t, []int{21, 30}, n, "zeek TSV fields: %q", l.Text)
		case l.Format == "exchange", l.Format == "salesforce" && strings.HasPrefix(l.Text, `"Login"`):
			recs, err := csv.NewReader(strings.NewReader(l.Text)).ReadAll()
			require.NoError(t, err, l.Text)
			require.Len(t, recs, 1)
			if l.Format == "exchange" {
				require.Len(t, recs[0], 27, l.Text)
			}
		case l.Format == "filterlog":
			_, csvPart, ok := strings.Cut(l.Text, "]: ")
			require.True(t, ok)
			f := strings.Split(csvPart, ",")
			require.GreaterOrEqual(t, len(f), 20, l.Text)
			require.Contains(t, []string{"4", "6"}, f[8], "ip version field: %s", l.Text)
		case l.Format == "ldif":
			for _, ln := range strings.Split(l.Text, "\n") {
				require.Regexp(t, `^[A-Za-z][A-Za-z0-9-]*::? `, ln)
			}
			require.True(t, strings.HasPrefix(l.Text, "dn: "))
		case l.Format == "hl7v2":
			segs := regexp.MustCompile(`\\r|\n`).Split(l.Text[strings.Index(l.Text, "MSH|"):], -1)
			require.Equal(t, "MSH", segs[0][:3])
			for _, s := range segs {
				require.Regexp(t, `^[A-Z][A-Z0-9]{2}\|`, s)
			}
		case l.Format == "fhir":
			b := l.Text[strings.Index(l.Text, "Body[")+5 : len(l.Text)-1]
			require.True(t, json.Valid([]byte(b)), b)
		case l.Format == "cassandra" && strings.HasPrefix(l.Text, "user:"):
			for _, f := range strings.SplitN(l.Text, "|", 7)[:6] {
				require.Contains(t, f, ":", l.Text)
			}
		case l.Format == "stripe" && strings.Contains(l.Text, "payload="):
			_, p, _ := strings.Cut(l.Text, "payload=")
			require.True(t, json.Valid([]byte(p)), p)
		case l.Format == "pg_gateway" && strings.Contains(l.Text, "<<< 200 "):
			_, p, _ := strings.Cut(l.Text, "<<< 200 ")
			require.True(t, json.Valid([]byte(p)), p)
		case l.Format == "asterisk" && strings.HasPrefix(l.Text, `"`):
			recs, err := csv.NewReader(strings.NewReader(l.Text)).ReadAll()
			require.NoError(t, err, l.Text)
			require.Len(t, recs[0], 18)
		case lineShapes[l.Format] != nil:
			for _, ln := range strings.Split(l.Text, "\n") {
				require.Regexp(t, lineShapes[l.Format], ln, "%s line", l.Format)
			}
		case l.Format == "okta":
			var ev struct {
				Actor  struct{ AlternateID string }
				Client struct{ IPAddress string }
			}
			require.NoError(t, json.Unmarshal([]byte(l.Text), &ev))
			require.Equal(t, l.Secrets[0].Value, ev.Actor.AlternateID)
		case l.Format == "mosquitto":
			require.Regexp(t, `^\d{10}: `, l.Text)
		case l.Format == "zabbix":
			require.Regexp(t, `^ *\d+:\d{8}:\d{6}\.\d{3} `, l.Text)
		}
	}
}
