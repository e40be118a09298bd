package seventh_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/seventh"
)

// TestGroundTruthTable logs the scored corpus's ground truth (default seed
// and size): secrets per detector and per class, look-alikes per class.
// `go test -run TestGroundTruthTable -v` prints it; the README quotes it.
func TestGroundTruthTable(t *testing.T) {
	t.Parallel()
	lines := seventh.Generate(seventh.DefaultSeed, seventh.DefaultLines)
	kinds, classes, looks := map[string]int{}, map[string]int{}, map[string]int{}
	var ns, nl, clean int
	for _, l := range lines {
		for i, s := range l.Secrets {
			kinds[s.Kind]++
			classes[l.Classes[i]]++
			ns++
		}
		for _, c := range l.LookClasses {
			looks[c]++
			nl++
		}
		if len(l.Secrets) == 0 {
			clean++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d, %d lines, %d formats: %d secrets in %d classes, %d look-alikes in %d classes, %d clean lines\n\n",
		seventh.DefaultSeed, len(lines), len(seventh.Formats()), ns, len(classes), nl, len(looks), clean)
	table := func(title string, m map[string]int) {
		ks := make([]string, 0, len(m))
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		fmt.Fprintf(&b, "| %s | count |\n|---|---:|\n", title)
		for _, k := range ks {
			fmt.Fprintf(&b, "| %s | %d |\n", k, m[k])
		}
		b.WriteString("\n")
	}
	table("detector", kinds)
	table("secret class", classes)
	table("look-alike class", looks)
	t.Log("\n" + b.String())
}
