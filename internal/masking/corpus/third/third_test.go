package third

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/score"
)

// The ground truth is checked here, with no help from the masking engine.

func luhn(d string) bool {
	sum := 0
	for i := range len(d) {
		x := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			if x *= 2; x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

var (
	mailRe   = regexp.MustCompile(`^[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$`)
	rrnRe    = regexp.MustCompile(`^(\d{2})(\d{2})(\d{2})-?([1-4])(\d{6})$`)
	digitRun = regexp.MustCompile(`^\d+$`)
)

func checkRRN(t *testing.T, s string) {
	m := rrnRe.FindStringSubmatch(s)
	require.NotNil(t, m, s)
	century := map[byte]string{'1': "19", '2': "19", '3': "20", '4': "20"}[m[4][0]]
	_, err := time.Parse("20060102", century+m[1]+m[2]+m[3])
	require.NoError(t, err, "real birth date in %s", s)
	d := score.Digits(s)
	w := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i := range 12 {
		sum += int(d[i]-'0') * w[i]
	}
	assert.Equal(t, byte('0'+(11-sum%11)%10), d[12], "check digit of %s", s)
}

func TestGroundTruth(t *testing.T) {
	t.Parallel()
	kinds, classes, formats := map[string]int{}, map[string]int{}, map[string]int{}
	for _, l := range Generate(3, 5000, 0.5) {
		formats[l.Format]++
		require.Len(t, l.Classes, len(l.Secrets))
		for i, s := range l.Secrets {
			kinds[s.Kind]++
			classes[l.Classes[i]]++
			require.Contains(t, l.Text, s.Value, l.Format)
			switch s.Kind {
			case "email":
				dec := strings.NewReplacer("%40", "@", "%2B", "+", `\u0040`, "@").Replace(s.Value)
				assert.Regexp(t, mailRe, dec)
			case "payment_card":
				d := score.Digits(s.Value)
				assert.True(t, luhn(d), "card %s passes Luhn", s.Value)
				assert.True(t, len(d) >= 13 && len(d) <= 19, s.Value)
			case "kr_rrn":
				checkRRN(t, s.Value)
			case "phone":
				d := score.Digits(s.Value)
				assert.True(t, len(d) >= 9 && len(d) <= 15, "phone %s has 9-15 digits", s.Value)
			case "bank_account":
				d := score.Digits(s.Value)
				assert.True(t, len(d) >= 10 && len(d) <= 14, "account %s has 10-14 digits", s.Value)
			case "ipv4":
				assert.Regexp(t, `^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`, s.Value)
			case "access_key":
				assert.Regexp(t, `^(AKIA|ASIA)[A-Z2-7]{16}$|^glpat-`, s.Value)
			}
			for _, la := range l.LookAlikes {
				assert.NotContains(t, s.Value, la, "look-alike %q inside secret in %s", la, l.Text)
				assert.NotContains(t, la, s.Value, "secret %q inside look-alike in %s", s.Value, l.Text)
			}
		}
		for _, la := range l.LookAlikes {
			require.Contains(t, l.Text, la, l.Format)
			if digitRun.MatchString(la) && len(la) >= 13 && len(la) <= 19 && strings.IndexByte("234569", la[0]) >= 0 {
				assert.False(t, luhn(la), "look-alike %s fails Luhn", la)
			}
		}
	}
	assert.Len(t, formats, len(Formats))
	for _, k := range []string{"email", "phone", "payment_card", "kr_rrn", "bank_account", "secret", "access_key", "auth_header", "ipv4", "ipv6"} {
		assert.Greater(t, kinds[k], 20, "kind %s is planted", k)
	}
	for c, n := range classes {
		assert.Greater(t, n, 5, "class %s is planted", c)
	}
	assert.Equal(t, Generate(3, 60, 0.5), Generate(3, 60, 0.5), "reproducible")
}
