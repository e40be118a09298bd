package maskingprocessor

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor/internal/metadata"
)

func loadConfig(t *testing.T, name string) (*Config, error) {
	t.Helper()
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)
	sub, err := cm.Sub(component.NewIDWithName(metadata.Type, name).String())
	require.NoError(t, err)
	cfg := createDefaultConfig()
	if err := sub.Unmarshal(cfg); err != nil {
		return nil, err
	}
	return cfg, confmap.Validate(cfg)
}

func TestLoadConfig(t *testing.T) {
	cfg, err := loadConfig(t, "")
	require.NoError(t, err)
	assert.Equal(t, createDefaultConfig(), cfg)

	cfg, err = loadConfig(t, "full")
	require.NoError(t, err)
	want := createDefaultConfig()
	want.Detectors.Email.Action.Action = "hash"
	want.Detectors.PaymentCard.Action = ActionConfig{Action: "partial", KeepLast: 4}
	want.Detectors.KRRRN.CheckDigit = "strict"
	want.Detectors.IPv4.Enabled = true
	want.Detectors.Secret.Keys = []string{"password", "pin"}
	want.Rules = []RuleConfig{{Name: "employee_id", Pattern: `EMP-\d{6}`, Keys: []string{"user.id", "enduser.*"}, Action: ActionConfig{Action: "hash"}}}
	want.HashKey = "0123456789abcdef0123456789abcdef"
	want.IncludeKeys = []string{"http.*", "message"}
	want.ExcludeKeys = []string{"http.user_agent"}
	want.Audit = true
	assert.Equal(t, want, cfg)

	cfg, err = loadConfig(t, "strict")
	require.NoError(t, err)
	want = createDefaultConfig()
	want.Preset = "strict"
	want.Detectors.BankAccount.Detector.Action = ActionConfig{Action: "partial", KeepLast: 4}
	want.Detectors.BankAccount.Keys = []string{"account", "계좌", "국민"}
	want.Detectors.Secret.TokenKeys = []string{"token", "session"}
	want.Detectors.Secret.CodeKeys = []string{"pin", "otp"}
	assert.Equal(t, want, cfg)
	ec, err := cfg.engineConfig()
	require.NoError(t, err)
	assert.Len(t, ec.Detectors, int(masking.NumKinds), "strict turns every detector on")
}

func TestConfigErrorsNameTheField(t *testing.T) {
	tests := map[string]string{
		"bad_regex":        "rules[0]::pattern",
		"no_hash_key":      "hash_key: required",
		"unknown_detector": "passport",
		"bad_action":       `detectors::jwt::action: unknown action "scramble"`,
		"bad_check_digit":  "detectors::kr_rrn::check_digit",
		"empty_keys":       "detectors::secret::keys",
		"bad_preset":       `preset: unknown preset "paranoid"`,
		"empty_bank_keys":  "detectors::bank_account::keys",
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := loadConfig(t, name)
			require.Error(t, err)
			assert.Contains(t, err.Error(), want)
		})
	}
}
