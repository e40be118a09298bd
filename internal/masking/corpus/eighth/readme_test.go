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
		"secrets": 75980, "classes": 221, "look-alikes": 61377, "look classes": 71, "clean": 4688,
		"ipv4": 27699, "secret": 15822, "email": 12085, "phone": 7679, "ipv6": 3544, "auth_header": 2699,
		"bank_account": 1948, "kr_rrn": 1831, "payment_card": 1058, "jwt": 808, "access_key": 807,
	}, got)
}
