package eighth_test

import (
	"encoding/base64"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/eighth"
)

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func luhn(d string) bool {
	sum := 0
	for i := range len(d) {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

// Every planted secret passes the validation the processor's README
// documents for its detector, so a miss is the engine's and not a bad plant.
func TestSecretsAreValid(t *testing.T) {
	t.Parallel()
	prefixes := []string{"AKIA", "ASIA", "ghp_", "gho_", "ghs_", "glpat-", "xoxb-", "sk_live_", "rk_live_", "AIza", "SG.", "npm_", "hf_"}
	for i, l := range eighth.Generate(eighth.DefaultSeed, 20000) {
		for j, s := range l.Secrets {
			v, class := s.Value, l.Classes[j]
			switch s.Kind {
			case "payment_card":
				d := onlyDigits(v)
				require.True(t, len(d) >= 13 && len(d) <= 19 && luhn(d) && strings.ContainsRune("234569", rune(d[0])), "line %d card %q", i, v)
			case "kr_rrn":
				require.Len(t, v, 14, v)
				require.Equal(t, byte('-'), v[6], v)
				g := v[7] - '0'
				require.True(t, g >= 1 && g <= 8, v)
				century := map[byte]string{1: "19", 2: "19", 5: "19", 6: "19", 3: "20", 4: "20", 7: "20", 8: "20"}[g]
				_, err := time.Parse("20060102", century+v[:6])
				require.NoError(t, err, "real birth date %q", v)
			case "jwt":
				parts := strings.Split(v, ".")
				require.Len(t, parts, 3, v)
				for _, p := range parts[:2] {
					raw, err := base64.RawURLEncoding.DecodeString(p)
					require.NoError(t, err, v)
					var m map[string]any
					require.NoError(t, json.Unmarshal(raw, &m), "JWT part is a JSON object: %s", raw)
				}
			case "ipv4":
				a, err := netip.ParseAddr(v)
				require.NoError(t, err, v)
				require.True(t, a.Is4(), v)
			case "ipv6":
				a, err := netip.ParseAddr(v)
				require.NoError(t, err, v)
				require.True(t, a.Is6(), v)
			case "email":
				d := strings.NewReplacer("%40", "@", `\u0040`, "@", "%2B", "+").Replace(v)
				at := strings.LastIndexByte(d, '@')
				require.Positive(t, at, v)
				labels := strings.Split(d[at+1:], ".")
				require.GreaterOrEqual(t, len(labels), 2, v)
				require.Equal(t, strings.Trim(labels[len(labels)-1], "abcdefghijklmnopqrstuvwxyz"), "", "alphabetic TLD %q", v)
			case "access_key":
				ok := false
				for _, p := range prefixes {
					ok = ok || strings.HasPrefix(v, p)
				}
				require.True(t, ok, "token family prefix %q", v)
			case "phone":
				n := len(onlyDigits(v))
				require.True(t, n >= 8 && n <= 15, "phone digits %q", v)
			case "bank_account":
				n := len(onlyDigits(v))
				require.True(t, n >= 10 && n <= 14, "account digits %q", v)
			case "auth_header":
				if strings.Contains(class, "basic") || strings.HasSuffix(class, "npmrc_auth") {
					raw, err := base64.StdEncoding.DecodeString(v)
					require.NoError(t, err, v)
					require.Contains(t, string(raw), ":", "basic credential is user:password")
				}
			}
		}
	}
}
