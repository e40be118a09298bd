package eighth_test

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/eighth"
)

// The detector names of the masking processor's README.
var detectors = map[string]bool{
	"email": true, "payment_card": true, "kr_rrn": true, "phone": true, "bank_account": true,
	"ipv4": true, "ipv6": true, "jwt": true, "access_key": true, "auth_header": true, "secret": true,
}

func TestDeterministicBySeed(t *testing.T) {
	t.Parallel()
	a, b := eighth.Generate(7, 3000), eighth.Generate(7, 3000)
	require.True(t, reflect.DeepEqual(a, b), "same seed, same corpus")
	c := eighth.Generate(8, 3000)
	diff := 0
	for i := range a {
		if a[i].Text != c[i].Text {
			diff++
		}
	}
	assert.Greater(t, diff, 2700, "another seed gives other lines")
}

// The scored corpus (default seed and size) and another seed.
func TestGroundTruthOccurs(t *testing.T) {
	t.Parallel()
	lines := append(eighth.Generate(eighth.DefaultSeed, eighth.DefaultLines), eighth.Generate(2, 10000)...)
	for i, l := range lines {
		require.Len(t, l.Classes, len(l.Secrets), "line %d", i)
		require.Len(t, l.LookClasses, len(l.LookAlikes), "line %d", i)
		for j, s := range l.Secrets {
			require.Contains(t, l.Text, s.Value, "line %d (%s) secret %s", i, l.Format, l.Classes[j])
			require.True(t, detectors[s.Kind], "kind %q", s.Kind)
			require.True(t, strings.HasPrefix(l.Classes[j], s.Kind+"/"), "class %q of kind %q", l.Classes[j], s.Kind)
			require.GreaterOrEqual(t, len(s.Value), 6, "secret %q too short to score", s.Value)
		}
		for j, la := range l.LookAlikes {
			require.Contains(t, l.Text, la, "line %d (%s) look-alike %s", i, l.Format, l.LookClasses[j])
			require.NotEmpty(t, l.LookClasses[j])
			for _, s := range l.Secrets {
				require.NotContains(t, s.Value, la, "look-alike inside a secret, line %d", i)
				require.NotContains(t, la, s.Value, "secret inside a look-alike, line %d", i)
			}
		}
	}
}

func TestFormatsParse(t *testing.T) {
	t.Parallel()
	lines := eighth.Generate(3, 10000)
	seen := map[string]int{}
	for _, l := range lines {
		seen[l.Format]++
		syn, ok := eighth.SyntaxOf(l.Format)
		require.True(t, ok, l.Format)
		switch syn {
		case eighth.JSON:
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(l.Text), &v), "%s: %s", l.Format, l.Text)
		case eighth.XML:
			d := xml.NewDecoder(strings.NewReader(l.Text))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				require.NoError(t, err, "%s: %s", l.Format, l.Text)
			}
		case eighth.CSV:
			rec, err := csv.NewReader(strings.NewReader(l.Text)).Read()
			require.NoError(t, err, "%s: %s", l.Format, l.Text)
			require.Len(t, rec, map[string]int{"haksa_csv": 10, "altibase": 25}[l.Format], "%s: %s", l.Format, l.Text)
		}
		require.False(t, strings.ContainsAny(l.Text, "\n\r"), "one line: %s", l.Text)
	}
	for _, f := range eighth.Formats() {
		assert.Positive(t, seen[f], "format %s appears", f)
	}
	assert.GreaterOrEqual(t, len(eighth.Formats()), 45)
}

// Every detector is planted, in several classes, and there is about one
// look-alike per line or more.
func TestCoverage(t *testing.T) {
	t.Parallel()
	lines := eighth.Generate(eighth.DefaultSeed, 20000)
	kinds, classes := map[string]int{}, map[string]int{}
	var secrets, looks, clean int
	for _, l := range lines {
		for i, s := range l.Secrets {
			kinds[s.Kind]++
			classes[l.Classes[i]]++
		}
		secrets += len(l.Secrets)
		looks += len(l.LookAlikes)
		if len(l.Secrets) == 0 {
			clean++
		}
	}
	for k := range detectors {
		assert.Greater(t, kinds[k], 50, "kind %s planted", k)
	}
	for _, c := range []string{"email/percent", "email/json_u0040", "secret/cli_short_flag", "secret/sql_set", "secret/korean_label_particle",
		"bank_account/json_key_refund", "kr_rrn/sql_insert_position", "ipv6/ipv4_mapped", "phone/diameter_msisdn_bare", "auth_header/npmrc_auth"} {
		assert.Positive(t, classes[c], "class %s planted", c)
	}
	assert.GreaterOrEqual(t, float64(looks)/float64(len(lines)), 0.9, "look-alikes per line")
	assert.Greater(t, secrets, len(lines), "secrets")
	assert.Positive(t, clean, "some clean lines")
	t.Logf("%d lines, %d secrets in %d classes, %d look-alikes, %d clean lines", len(lines), secrets, len(classes), looks, clean)
}
