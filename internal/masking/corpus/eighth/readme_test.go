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
		"secrets": 76174, "classes": 221, "look-alikes": 61115, "look classes": 71, "clean": 4735,
		"ipv4": 27721, "secret": 15607, "email": 12271, "phone": 7691, "ipv6": 3639, "auth_header": 2770,
		"bank_account": 2005, "kr_rrn": 1851, "payment_card": 1062, "jwt": 765, "access_key": 792,
	}, got)
}
