package corpus

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ground truth is only as good as the values: check them independently
// of the masking engine.

func luhnValid(digits string) bool {
	sum, double := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		v := int(digits[i] - '0')
		if double {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

var (
	rrnRe   = regexp.MustCompile(`^(\d{2})(\d{2})(\d{2})-?([1-8])\d{6}$`)
	emailRe = regexp.MustCompile(`^[a-z0-9._+]+@[a-z0-9.-]+\.[a-z]{2,}$`)
)

func TestGroundTruthValues(t *testing.T) {
	lines := Generate(9, 5000, 0.5)
	seen := map[string]int{}
	for _, l := range lines {
		for _, s := range l.Secrets {
			seen[s.Kind]++
			require.Contains(t, l.Text, s.Value)
			switch s.Kind {
			case "payment_card":
				d := strings.NewReplacer(" ", "", "-", "").Replace(s.Value)
				assert.True(t, luhnValid(d), "card %s must pass Luhn", s.Value)
				assert.GreaterOrEqual(t, len(d), 13)
			case "kr_rrn":
				m := rrnRe.FindStringSubmatch(s.Value)
				require.NotNil(t, m, s.Value)
				century := map[byte]string{'1': "19", '2': "19", '5': "19", '6': "19", '3': "20", '4': "20", '7': "20", '8': "20"}[m[4][0]]
				_, err := time.Parse("20060102", century+m[1]+m[2]+m[3])
				assert.NoError(t, err, "real date in %s", s.Value)
			case "email":
				assert.Regexp(t, emailRe, s.Value)
			}
		}
		for _, la := range l.LookAlikes {
			require.Contains(t, l.Text, la)
			if len(la) >= 15 && strings.Trim(la, "0123456789") == "" && la[0] != '1' {
				assert.False(t, luhnValid(la), "look-alike %s must fail Luhn", la)
			}
		}
	}
	for _, k := range []string{"email", "payment_card", "kr_rrn", "phone", "jwt", "access_key", "auth_header", "secret", "ipv4"} {
		assert.Greater(t, seen[k], 20, "kind %s is planted", k)
	}
	assert.Equal(t, Generate(9, 50, 0.5), Generate(9, 50, 0.5), "reproducible")
}
