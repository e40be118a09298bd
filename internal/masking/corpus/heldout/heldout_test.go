package heldout

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ground truth is checked without the masking engine.
func TestGroundTruth(t *testing.T) {
	t.Parallel()
	lines := Generate(3, 3000, 0.5)
	kinds := map[string]int{}
	formats := map[string]int{}
	for _, l := range lines {
		formats[l.Format]++
		for _, s := range l.Secrets {
			kinds[s.Kind]++
			require.Contains(t, l.Text, s.Value, l.Format)
			if s.Kind == "payment_card" {
				d := strings.NewReplacer(" ", "", "-", "").Replace(s.Value)
				assert.Equal(t, luhnCheck(d[:len(d)-1]), d[len(d)-1], "Luhn-valid %s", s.Value)
			}
		}
		for _, la := range l.LookAlikes {
			require.Contains(t, l.Text, la, l.Format)
		}
	}
	assert.Len(t, formats, len(Formats))
	for _, k := range []string{"email", "phone", "payment_card", "kr_rrn", "bank_account", "secret", "access_key", "jwt", "ipv4", "ipv6"} {
		assert.Greater(t, kinds[k], 20, "kind %s is planted", k)
	}
	assert.Equal(t, Generate(3, 40, 0.5), Generate(3, 40, 0.5), "reproducible")
}
