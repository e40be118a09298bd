package seventh_test

import (
	"encoding/base64"
	"encoding/json"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/seventh"
)

func luhn(d string) bool {
	sum, double := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

func rrnValid(d string) bool {
	if len(d) != 13 || d[6] < '1' || d[6] > '8' {
		return false
	}
	century := map[byte]int{'1': 1900, '2': 1900, '3': 2000, '4': 2000, '5': 1900, '6': 1900, '7': 2000, '8': 2000}[d[6]]
	y, m, day := century+int(d[0]-'0')*10+int(d[1]-'0'), int(d[2]-'0')*10+int(d[3]-'0'), int(d[4]-'0')*10+int(d[5]-'0')
	t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != day {
		return false
	}
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, c := range w {
		sum += int(d[i]-'0') * c
	}
	return int(d[12]-'0') == (11-sum%11)%10
}

func jsonObject(b64 string) bool {
	raw, err := base64.RawURLEncoding.DecodeString(b64)
	var v map[string]any
	return err == nil && json.Unmarshal(raw, &v) == nil
}

func emailShaped(s string) bool {
	s = strings.ReplaceAll(s, `\u0040`, "@")
	if u, err := url.QueryUnescape(s); err == nil {
		s = u
	}
	local, domain, ok := strings.Cut(s, "@")
	labels := strings.Split(domain, ".")
	tld := labels[len(labels)-1]
	return ok && local != "" && len(labels) >= 2 && len(tld) >= 2 && strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") == ""
}

// Every planted secret passes the validation its detector documents
// (Luhn, real dates and check digits, parseable addresses, JWT parts that
// decode to JSON objects, the token families' prefixes), so a leak is the
// engine's miss, never a malformed plant.
func TestSecretsAreValid(t *testing.T) {
	t.Parallel()
	families := []string{"AKIA", "ASIA", "ghp_", "xoxb-", "sk_live_", "AIza", "glpat-", "SG.", "npm_"}
	for _, l := range seventh.Generate(seventh.DefaultSeed, 20000) {
		for i, s := range l.Secrets {
			cls, v, d := l.Classes[i], s.Value, score.Digits(s.Value)
			switch s.Kind {
			case "payment_card":
				require.True(t, len(d) >= 13 && len(d) <= 19 && strings.ContainsRune("234569", rune(d[0])) && luhn(d), "%s %q", cls, v)
			case "kr_rrn":
				require.True(t, rrnValid(d), "%s %q", cls, v)
			case "ipv4":
				a, err := netip.ParseAddr(v)
				require.True(t, err == nil && a.Is4(), "%s %q", cls, v)
			case "ipv6":
				a, err := netip.ParseAddr(v)
				require.True(t, err == nil && a.Is6(), "%s %q", cls, v)
			case "jwt":
				p := strings.Split(v, ".")
				require.True(t, len(p) == 3 && jsonObject(p[0]) && jsonObject(p[1]) && len(p[2]) >= 43, "%s %q", cls, v)
			case "email":
				require.True(t, emailShaped(v), "%s %q", cls, v)
			case "phone":
				require.True(t, len(d) >= 9 && len(d) <= 15, "%s %q", cls, v)
			case "bank_account":
				require.True(t, len(d) >= 10 && len(d) <= 14, "%s %q", cls, v)
			case "access_key":
				ok := false
				for _, f := range families {
					ok = ok || strings.HasPrefix(v, f)
				}
				require.True(t, ok, "%s %q", cls, v)
			case "auth_header":
				if strings.Contains(cls, "basic") {
					raw, err := base64.StdEncoding.DecodeString(v)
					require.NoError(t, err, "%s %q", cls, v)
					u, pw, ok := strings.Cut(string(raw), ":")
					require.True(t, ok && u != "" && len(pw) >= 6, "%s %q", cls, v)
				} else {
					assert.GreaterOrEqual(t, len(v), 16, "%s %q", cls, v)
				}
			default:
				require.Equal(t, "secret", s.Kind)
				require.GreaterOrEqual(t, len(v), 6, "%s %q", cls, v)
			}
		}
	}
}
