package blind

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ground truth is checked without the masking engine.
func TestGroundTruth(t *testing.T) {
	t.Parallel()
	kinds := map[string]int{}
	formats := map[string]int{}
	for _, l := range Generate(5, 3000, 0.5) {
		formats[l.Format]++
		for _, s := range l.Secrets {
			kinds[s.Kind]++
			require.Contains(t, l.Text, s.Value, l.Format)
		}
		for _, la := range l.LookAlikes {
			require.Contains(t, l.Text, la, l.Format)
		}
	}
	assert.Len(t, formats, len(Formats))
	for _, k := range []string{"email", "phone", "payment_card", "bank_account", "secret", "ipv4", "ipv6"} {
		assert.Greater(t, kinds[k], 20, "kind %s is planted", k)
	}
	assert.Equal(t, Generate(5, 30, 0.5), Generate(5, 30, 0.5), "reproducible")
}
