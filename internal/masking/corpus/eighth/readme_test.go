package eighth_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/eighth"
)

// The README's ground-truth figures are those of the scored corpus (seed 1,
// 50,000 lines); a change to the generator must update them.
func TestReadmeFigures(t *testing.T) {
	t.Parallel()
	kinds, classes, lookClasses := map[string]int{}, map[string]bool{}, map[string]bool{}
	var secrets, looks, clean int
	for _, l := range eighth.Generate(eighth.DefaultSeed, eighth.DefaultLines) {
		for i, s := range l.Secrets {
			kinds[s.Kind]++
			classes[l.Classes[i]] = true
		}
		for _, c := range l.LookClasses {
			lookClasses[c] = true
		}
		secrets += len(l.Secrets)
		looks += len(l.LookAlikes)
		if len(l.Secrets) == 0 {
			clean++
		}
	}
	got := map[string]int{"secrets": secrets, "classes": len(classes), "look-alikes": looks, "look classes": len(lookClasses), "clean": clean}
	for k, v := range kinds {
		got[k] = v
	}
	assert.Equal(t, map[string]int{
		"secrets": 75594, "classes": 220, "look-alikes": 58605, "look classes": 69, "clean": 4611,
		"ipv4": 27073, "secret": 15772, "email": 12286, "phone": 7735, "ipv6": 3540, "auth_header": 2756,
		"bank_account": 1975, "kr_rrn": 1793, "payment_card": 1090, "jwt": 801, "access_key": 773,
	}, got)
}
