package seventh_test

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

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/seventh"
)

// The detector names of the masking processor's README.
var detectors = map[string]bool{
	"email": true, "payment_card": true, "kr_rrn": true, "phone": true, "bank_account": true,
	"ipv4": true, "ipv6": true, "jwt": true, "access_key": true, "auth_header": true, "secret": true,
}

// The column count of each CSV format's rows.
var csvColumns = map[string]int{"snowflake": 13, "payroll": 11, "shop_orders": 13, "cdr": 11}

func TestDeterministicBySeed(t *testing.T) {
	t.Parallel()
	a, b := seventh.Generate(7, 3000), seventh.Generate(7, 3000)
	require.True(t, reflect.DeepEqual(a, b), "same seed, same corpus")
	c := seventh.Generate(8, 3000)
	diff := 0
	for i := range a {
		if a[i].Text != c[i].Text {
			diff++
		}
	}
	assert.Greater(t, diff, 2900, "another seed gives other lines")
}

// The scored corpus (default seed and size) and another seed.
func TestGroundTruthOccurs(t *testing.T) {
	t.Parallel()
	lines := append(seventh.Generate(seventh.DefaultSeed, seventh.DefaultLines), seventh.Generate(2, 10000)...)
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
			require.GreaterOrEqual(t, len(la), 5, "look-alike %q (%s) too short to mean anything", la, l.LookClasses[j])
			for _, s := range l.Secrets {
				require.NotContains(t, s.Value, la, "look-alike inside a secret, line %d", i)
				require.NotContains(t, la, s.Value, "secret inside a look-alike, line %d", i)
			}
		}
	}
}

func TestFormatsParse(t *testing.T) {
	t.Parallel()
	lines := seventh.Generate(3, 20000)
	seen := map[string]int{}
	for _, l := range lines {
		seen[l.Format]++
		switch seventh.SyntaxOf(l.Format) {
		case seventh.JSON:
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(l.Text), &v), "%s: %s", l.Format, l.Text)
			if src, ok := v["elasticsearch.slowlog.source"].(string); ok {
				var doc map[string]any
				require.NoError(t, json.Unmarshal([]byte(src), &doc), "slow log source is JSON: %s", src)
			}
		case seventh.XML:
			d := xml.NewDecoder(strings.NewReader(l.Text))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				require.NoError(t, err, "%s: %s", l.Format, l.Text)
			}
		case seventh.CSV:
			rec, err := csv.NewReader(strings.NewReader(l.Text)).Read()
			require.NoError(t, err, "%s: %s", l.Format, l.Text)
			require.Len(t, rec, csvColumns[l.Format], "%s: %s", l.Format, l.Text)
		}
		require.False(t, strings.ContainsAny(l.Text, "\n\r"), "one line: %s", l.Text)
	}
	for _, f := range seventh.Formats() {
		assert.Positive(t, seen[f], "format %s appears", f)
		if seventh.SyntaxOf(f) == seventh.CSV {
			assert.Contains(t, csvColumns, f, "CSV format %s has a column count", f)
		}
	}
	assert.GreaterOrEqual(t, len(seventh.Formats()), 45)
}

// Every detector is planted in several classes, every format carries
// secrets, and there is more than one look-alike per line.
func TestCoverage(t *testing.T) {
	t.Parallel()
	lines := seventh.Generate(seventh.DefaultSeed, 20000)
	kinds, classes, byFormat := map[string]int{}, map[string]int{}, map[string]int{}
	kindClasses := map[string]map[string]bool{}
	var secrets, looks, clean int
	for _, l := range lines {
		for i, s := range l.Secrets {
			kinds[s.Kind]++
			classes[l.Classes[i]]++
			if kindClasses[s.Kind] == nil {
				kindClasses[s.Kind] = map[string]bool{}
			}
			kindClasses[s.Kind][l.Classes[i]] = true
		}
		byFormat[l.Format] += len(l.Secrets)
		secrets += len(l.Secrets)
		looks += len(l.LookAlikes)
		if len(l.Secrets) == 0 {
			clean++
		}
	}
	for k := range detectors {
		assert.Greater(t, kinds[k], 50, "kind %s planted", k)
		assert.GreaterOrEqual(t, len(kindClasses[k]), 3, "kind %s in several classes", k)
	}
	for _, f := range seventh.Formats() {
		assert.Positive(t, byFormat[f], "format %s carries secrets", f)
	}
	for _, c := range []string{"phone/na_intl_paren/", "phone/kr_mobile_bare/", "email/percent_query", "secret/datagokr_service_key", "bank_account/csv_after_bank",
		"kr_rrn/ivr_digits_bare", "payment_card/pos_track2", "auth_header/kakaoak_scheme", "jwt/kubectl_curl_bearer", "ipv6/sysmon_mapped_v4", "access_key/guardduty_access_key_id"} {
		n := 0
		for k, v := range classes {
			if strings.HasPrefix(k, c) {
				n += v
			}
		}
		assert.Positive(t, n, "class %s planted", c)
	}
	assert.GreaterOrEqual(t, float64(looks)/float64(len(lines)), 1.5, "look-alikes per line")
	assert.Greater(t, secrets, len(lines), "secrets")
	assert.Positive(t, clean, "some clean lines")
	t.Logf("%d lines, %d secrets in %d classes, %d look-alikes, %d clean lines", len(lines), secrets, len(classes), looks, clean)
}
