package masking

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// generalCase is an input and its expected output with every detector on.
type generalCase struct{ name, in, want string }

// checkGeneral masks each case with every detector (strict) and checks the
// output and idempotence.
func checkGeneral(t *testing.T, tests []generalCase) {
	t.Helper()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	for _, tc := range tests {
		counts := make([]int64, m.NumCounters())
		got, _ := m.MaskString("", tc.in, counts)
		assert.Equal(t, tc.want, got, tc.name)
		again, _ := m.MaskString("", got, counts)
		assert.Equal(t, got, again, "idempotent: %s", tc.name)
	}
}

// Well-known token families anywhere in text, and words with the same
// prefixes that must stay.
func TestTokenFamilies(t *testing.T) {
	t.Parallel()
	const ak = "[REDACTED:access_key]"
	checkGeneral(t, []generalCase{
		{"slack bot", "posting with xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx now", "posting with " + ak + " now"},
		{"slack app", "xapp-1-A0123BCDE45-1234567890123-0a1b2c3d4e5f", ak},
		{"openai project", "OPENAI key sk-proj-AbC123dEf456GhI789jKl012MnO345pQr678 set", "OPENAI key " + ak + " set"},
		{"anthropic", "using sk-ant-api03-AbC123dEf456GhI789jKl012MnO345pQr678StU901-xyZ", "using " + ak},
		{"sk- word", "installed sk-learn-preprocessing-pipeline-module-x", "installed sk-learn-preprocessing-pipeline-module-x"},
		{"google oauth", "got ya29.a0AfH6SMBx3ZsdR8a1b2c3d4e5f6g7h8i9j0kLmN", "got " + ak},
		{"sendgrid", "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", ak},
		{"npm", "//registry.npmjs.org/:_authToken=npm_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5", "//registry.npmjs.org/:_authToken=[REDACTED:secret]"},
		{"npm bare", "publish with npm_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 ok", "publish with " + ak + " ok"},
		{"pypi", "pypi-AgEIcHlwaS5vcmcCJGE4ZDQ5NjQ1LWQ3ZWYtNGFkNS1iZjY2LTYwOGM4ZDg0YTQ1OQ", ak},
		{"hugging face", "HF hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", "HF " + ak},
		{"hf word", "hf_model_name_for_the_long_running_job", "hf_model_name_for_the_long_running_job"},
		{"digitalocean", "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ak},
		{"shopify", "shpat_0123456789abcdef0123456789abcdef", ak},
		{"github fine-grained", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW", ak},
		{"stripe webhook", "whsec_abcdefghijklmnopqrstuvwxyz012345", ak},
		{"stripe publishable", "pk_live_abcdefghijklmnopqrstuvwx", ak},
		{"twilio", "SK0123456789abcdef0123456789abcdef", ak},
		{"twilio-like word", "SKIPPINGTHEREMAININGTESTSOFTHISSUITE", "SKIPPINGTHEREMAININGTESTSOFTHISSUITE"},
		{"vault", "hvs.CAESIJ1bcD2eFg3HiJ4kLm5NoP6qRs7TuV8wXy9Z", ak},
		{"gitlab runner", "glrt-abcDEF123ghiJKL456mn", ak},
		{"aws temporary", "ASIAY34FZKBOKMUTVV7A", ak},
		{"databricks", "dapi0123456789abcdef0123456789abcdef", ak},
		{"data word", "dapinstance", "dapinstance"},
	})
}
