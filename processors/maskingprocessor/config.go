package maskingprocessor

import (
	"fmt"

	"go.opentelemetry.io/collector/config/configopaque"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
)

// Config is the masking processor's configuration.
type Config struct {
	// Preset is "default" (or empty): the detectors as configured; or
	// "strict": every built-in detector on, IP addresses included, each
	// with its configured action and vocabulary.
	Preset string `mapstructure:"preset"`
	// Detectors configures the built-in detectors.
	Detectors DetectorsConfig `mapstructure:"detectors"`
	// Rules are user rules: RE2 patterns with an optional key filter.
	Rules []RuleConfig `mapstructure:"rules"`
	// HashKey is the HMAC-SHA256 key of the hash action (at least 32 bytes);
	// set it from the environment: hash_key: ${env:MASKING_HASH_KEY}.
	HashKey configopaque.String `mapstructure:"hash_key"`
	// IncludeKeys, when set, limits inspection of attributes and body map
	// entries to these keys (an allow-list; entries ending in '*' are
	// prefixes). Log bodies, span names and status messages are always inspected.
	IncludeKeys []string `mapstructure:"include_keys"`
	// ExcludeKeys are never inspected (a skip-list; '*' suffix for prefixes).
	ExcludeKeys []string `mapstructure:"exclude_keys"`
	// Audit adds the attribute masking.count (values masked) to each log
	// record and span that had values masked.
	Audit bool `mapstructure:"audit"`
}

// ActionConfig says what happens to a detected value.
type ActionConfig struct {
	// Action is redact (default), hash or partial.
	Action string `mapstructure:"action"`
	// KeepLast is the number of trailing characters partial keeps.
	KeepLast int `mapstructure:"keep_last"`
}

// DetectorConfig configures one built-in detector.
type DetectorConfig struct {
	Enabled bool         `mapstructure:"enabled"`
	Action  ActionConfig `mapstructure:",squash"`
	// Numbers lets the detector inspect integer values (payment_card,
	// secret and bank_account only).
	Numbers bool `mapstructure:"numbers"`
}

// RRNConfig configures the Korean registration number detector.
type RRNConfig struct {
	Detector DetectorConfig `mapstructure:",squash"`
	// CheckDigit is lenient (default), strict or ignore; see README.
	CheckDigit string `mapstructure:"check_digit"`
}

// SecretConfig configures the key=value secret detector.
type SecretConfig struct {
	Detector DetectorConfig `mapstructure:",squash"`
	// Keys are the key names whose values are secrets.
	Keys []string `mapstructure:"keys"`
	// TokenKeys are keys and label words whose token-shaped values are secrets.
	TokenKeys []string `mapstructure:"token_keys"`
	// CodeKeys are keys and label words whose values are secrets unless
	// plain words or placeholders (pass, auth, pin, otp, 인증번호).
	CodeKeys []string `mapstructure:"code_keys"`
	// OpaqueTokens masks a run of 32+ token characters mixing upper case,
	// lower case and digits wherever it stands, with no key or label (off
	// by default and in the strict preset; see README for its false
	// positives).
	OpaqueTokens bool `mapstructure:"opaque_tokens"`
	// DenyByDefault masks a value bound to a name that holds a secret
	// morpheme anywhere (user_pin, t_key, dbPass) unless the name's last
	// part is safe or the value plainly no secret. Unset: on in the strict
	// preset, off otherwise.
	DenyByDefault *bool `mapstructure:"deny_by_default"`
	// RandomValues masks a random-looking value (16+ token bytes of three
	// character classes, not hex, a UUID or a typed id) bound to any name
	// whose last part is not safe. Unset: on in the strict preset, off
	// otherwise.
	RandomValues *bool `mapstructure:"random_values"`
	// Morphemes are the name parts deny_by_default looks for; empty means
	// the engine's defaults (see README).
	Morphemes []string `mapstructure:"morphemes"`
	// SafeKeys are the last name parts (or last two, joined with '_') that
	// keep a value under deny_by_default and random_values; empty means the
	// engine's defaults.
	SafeKeys []string `mapstructure:"safe_keys"`
}

// BankAccountConfig configures the bank account detector.
type BankAccountConfig struct {
	Detector DetectorConfig `mapstructure:",squash"`
	// Keys are the keys, label words and bank names that make a nearby
	// account-shaped number a bank account.
	Keys []string `mapstructure:"keys"`
}

// DetectorsConfig holds one entry per built-in detector; unknown names are
// rejected when the configuration is loaded.
type DetectorsConfig struct {
	Email       DetectorConfig    `mapstructure:"email"`
	PaymentCard DetectorConfig    `mapstructure:"payment_card"`
	KRRRN       RRNConfig         `mapstructure:"kr_rrn"`
	Phone       DetectorConfig    `mapstructure:"phone"`
	IPv4        DetectorConfig    `mapstructure:"ipv4"`
	IPv6        DetectorConfig    `mapstructure:"ipv6"`
	JWT         DetectorConfig    `mapstructure:"jwt"`
	AccessKey   DetectorConfig    `mapstructure:"access_key"`
	AuthHeader  DetectorConfig    `mapstructure:"auth_header"`
	Secret      SecretConfig      `mapstructure:"secret"`
	BankAccount BankAccountConfig `mapstructure:"bank_account"`
}

// RuleConfig is a user rule.
type RuleConfig struct {
	Name    string `mapstructure:"name"`
	Pattern string `mapstructure:"pattern"`
	// Keys, when set, limits the rule to values under these keys.
	Keys   []string     `mapstructure:"keys"`
	Action ActionConfig `mapstructure:",squash"`
}

func createDefaultConfig() *Config {
	on := DetectorConfig{Enabled: true, Action: ActionConfig{Action: "redact"}}
	numbers := on
	numbers.Numbers = true
	off := DetectorConfig{Action: ActionConfig{Action: "redact"}}
	return &Config{
		Detectors: DetectorsConfig{
			Email:       on,
			PaymentCard: numbers,
			KRRRN:       RRNConfig{Detector: on, CheckDigit: "lenient"},
			Phone:       on,
			IPv4:        off,
			IPv6:        off,
			JWT:         on,
			AccessKey:   on,
			AuthHeader:  on,
			Secret: SecretConfig{Detector: numbers, Keys: append([]string(nil), masking.DefaultSecretKeys...),
				TokenKeys: append([]string(nil), masking.DefaultTokenKeys...),
				CodeKeys:  append([]string(nil), masking.DefaultCodeKeys...)},
			BankAccount: BankAccountConfig{Detector: numbers, Keys: append([]string(nil), masking.DefaultBankKeys...)},
		},
	}
}

// Validate checks the configuration; errors name the offending field.
func (c *Config) Validate() error {
	_, err := c.engineConfig()
	return err
}

// nonNil keeps an empty list empty: the engine reads nil as its defaults.
// orPreset is an option's value, or when it is unset whether the strict
// preset is on.
func orPreset(v *bool, strict bool) bool {
	if v == nil {
		return strict
	}
	return *v
}

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func (a ActionConfig) engine(field string) (masking.Action, error) {
	k, err := masking.ParseActionKind(a.Action)
	if err != nil {
		return masking.Action{}, fmt.Errorf("%s::action: %w", field, err)
	}
	return masking.Action{Kind: k, KeepLast: a.KeepLast}, nil
}

// engineConfig translates the configuration for internal/masking.
func (c *Config) engineConfig() (masking.Config, error) {
	d := &c.Detectors
	byKind := [masking.NumKinds]*DetectorConfig{
		masking.Email: &d.Email, masking.PaymentCard: &d.PaymentCard, masking.KRRRN: &d.KRRRN.Detector,
		masking.Phone: &d.Phone, masking.IPv4: &d.IPv4, masking.IPv6: &d.IPv6, masking.JWT: &d.JWT,
		masking.AccessKey: &d.AccessKey, masking.AuthHeader: &d.AuthHeader, masking.Secret: &d.Secret.Detector,
		masking.BankAccount: &d.BankAccount.Detector,
	}
	strict := false
	switch c.Preset {
	case "", "default":
	case "strict":
		strict = true
	default:
		return masking.Config{}, fmt.Errorf("preset: unknown preset %q (use default or strict)", c.Preset)
	}
	ec := masking.Config{
		SecretKeys:  d.Secret.Keys,
		TokenKeys:   nonNil(d.Secret.TokenKeys),
		CodeKeys:    nonNil(d.Secret.CodeKeys),
		BankKeys:    nonNil(d.BankAccount.Keys),
		HashKey:     []byte(c.HashKey),
		IncludeKeys: c.IncludeKeys,
		ExcludeKeys: c.ExcludeKeys,

		OpaqueTokens: d.Secret.OpaqueTokens,
	}
	if len(d.Secret.Morphemes) > 0 {
		ec.SecretMorphemes = d.Secret.Morphemes
	}
	if len(d.Secret.SafeKeys) > 0 {
		ec.SafeKeys = d.Secret.SafeKeys
	}
	ec.SecretKeys = nonNil(ec.SecretKeys)
	for k, dc := range byKind {
		if !dc.Enabled && !strict {
			continue
		}
		kind := masking.Kind(k)
		act, err := dc.Action.engine("detectors::" + kind.String())
		if err != nil {
			return ec, err
		}
		det := masking.Detector{Kind: kind, Action: act, Numbers: dc.Numbers}
		if kind == masking.Secret {
			det.DenyByDefault = orPreset(d.Secret.DenyByDefault, strict)
			det.RandomValues = orPreset(d.Secret.RandomValues, strict)
		}
		ec.Detectors = append(ec.Detectors, det)
	}
	var err error
	if ec.CheckDigit, err = masking.ParseCheckDigitPolicy(d.KRRRN.CheckDigit); err != nil {
		return ec, fmt.Errorf("detectors::kr_rrn::check_digit: %w", err)
	}
	if (d.Secret.Detector.Enabled || strict) && len(d.Secret.Keys) == 0 {
		return ec, fmt.Errorf("detectors::secret::keys: must not be empty while the secret detector is enabled")
	}
	if (d.BankAccount.Detector.Enabled || strict) && len(d.BankAccount.Keys) == 0 {
		return ec, fmt.Errorf("detectors::bank_account::keys: must not be empty while the bank_account detector is enabled (it works from context only)")
	}
	for i, r := range c.Rules {
		act, err := r.Action.engine(fmt.Sprintf("rules[%d]", i))
		if err != nil {
			return ec, err
		}
		ec.Rules = append(ec.Rules, masking.Rule{Name: r.Name, Pattern: r.Pattern, Keys: r.Keys, Action: act})
	}
	return ec, ec.Validate()
}
