package masking

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ActionKind says how a detected value is replaced.
type ActionKind int

// Actions.
const (
	Redact  ActionKind = iota // a fixed mask: [REDACTED:<name>]
	Hash                      // a keyed pseudonym: [HASH:<name>:<base32 HMAC-SHA256>]
	Partial                   // stars, keeping the last KeepLast characters
)

// ParseActionKind parses "redact", "hash" or "partial".
func ParseActionKind(s string) (ActionKind, error) {
	switch s {
	case "redact", "":
		return Redact, nil
	case "hash":
		return Hash, nil
	case "partial":
		return Partial, nil
	}
	return 0, fmt.Errorf("unknown action %q (use redact, hash or partial)", s)
}

// Action is what happens to a detected value.
type Action struct {
	Kind     ActionKind
	KeepLast int // characters kept by Partial
}

// CheckDigitPolicy says how the mod-11 check digit of a Korean registration
// number is used. Numbers issued since October 2020 carry a random last
// digit, so requiring it misses real numbers.
type CheckDigitPolicy int

// Check-digit policies.
const (
	// CheckDigitLenient accepts the dashed form YYMMDD-GNNNNNN whatever its
	// check digit, and the undashed 13-digit form only with a valid one.
	CheckDigitLenient CheckDigitPolicy = iota
	// CheckDigitStrict requires a valid check digit in both forms.
	CheckDigitStrict
	// CheckDigitIgnore never looks at the check digit (more false positives
	// on 13-digit numbers).
	CheckDigitIgnore
)

// ParseCheckDigitPolicy parses "lenient", "strict" or "ignore".
func ParseCheckDigitPolicy(s string) (CheckDigitPolicy, error) {
	switch s {
	case "lenient", "":
		return CheckDigitLenient, nil
	case "strict":
		return CheckDigitStrict, nil
	case "ignore":
		return CheckDigitIgnore, nil
	}
	return 0, fmt.Errorf("unknown check digit policy %q (use lenient, strict or ignore)", s)
}

// Detector enables one built-in detector.
type Detector struct {
	Kind   Kind
	Action Action
	// Numbers lets the detector inspect integer values (PaymentCard, Secret
	// and BankAccount only).
	Numbers bool
	// DenyByDefault (Secret only; on in StrictDetectors) masks a value bound
	// to a name that holds a secret morpheme anywhere (Config.SecretMorphemes:
	// user_pin, t_key, dbPass) unless its last name part is safe
	// (Config.SafeKeys) or the value is plainly no secret.
	DenyByDefault bool
	// RandomValues (Secret only; on in StrictDetectors) masks a value bound
	// to any name whose last part is not safe when it looks random: 16+
	// token bytes with upper case, lower case and digits, not hexadecimal,
	// not a UUID, not a typed object id (cus_…), not a pair of its own.
	RandomValues bool
}

// Rule is a user rule: an RE2 pattern, an optional key filter and an action.
type Rule struct {
	Name    string
	Pattern string
	// Keys, when not empty, limits the rule to values under these keys
	// (exact, or a prefix when the entry ends in '*').
	Keys   []string
	Action Action
}

// Config is the engine's configuration.
type Config struct {
	Detectors []Detector
	// CheckDigit is the policy for KRRRN.
	CheckDigit CheckDigitPolicy
	// SecretKeys are key names whose values the Secret detector masks, in
	// key=value, key: value and JSON forms, and as attribute keys. Matching
	// is case-insensitive on name parts: "password" matches "db_password"
	// and "dbPassword" but "token" does not match "tokens".
	SecretKeys []string
	// TokenKeys are keys and label words whose value is a secret when it
	// looks like a token (16+ characters mixing letters and digits, not a
	// UUID): session=…, "Token 9f8e… expired". nil means DefaultTokenKeys.
	TokenKeys []string
	// CodeKeys are keys and label words whose value is a secret unless it
	// is a plain word or a placeholder (auth=ok, pin: true), short digit
	// codes included: pin, otp, 인증번호. nil means DefaultCodeKeys.
	CodeKeys []string
	// BankKeys are keys, label words and bank names that make a nearby
	// number of an account number's shape a bank account. nil means
	// DefaultBankKeys.
	BankKeys []string
	// OpaqueTokens masks, with the Secret detector, a run of 32 or more
	// token characters that mixes upper case, lower case and digits like a
	// random credential, with no key or label around it (off by default
	// and in the strict preset: ids of the same shape exist).
	OpaqueTokens bool
	// SecretMorphemes are the name parts that bind a value to secrets under
	// Detector.DenyByDefault; nil means DefaultSecretMorphemes.
	SecretMorphemes []string
	// SafeKeys are the last name parts that keep a value under
	// Detector.DenyByDefault (key_id, token_type); nil means DefaultSafeKeys.
	SafeKeys []string
	Rules    []Rule
	// HashKey is the HMAC-SHA256 key of the Hash action.
	HashKey []byte
	// IncludeKeys, when not empty, limits inspection of attributes and map
	// entries to these keys; ExcludeKeys are never inspected. Entries ending
	// in '*' are prefixes.
	IncludeKeys []string
	ExcludeKeys []string
}

// DefaultSecretKeys is the default key list of the Secret detector. Words
// with a space are phrases ("api key: …", "access key sk_…").
var DefaultSecretKeys = []string{
	"password", "passwd", "pwd", "pw", "passphrase", "passcode", "secret", "token", "apikey", "api_key", "api-key",
	"access_key", "private_key", "credential", "credentials", "authorization", "auth_token", "session_key", "pgpassword",
	"accountkey", "sharedaccesskey", "sharedaccesssignature", "requirepass", "masterauth",
	"subscription-key", "subscription_key", "functions-key", "client-key", "client_key",
	"storage_key", "app_key", "userpw", "userpwd",
	"decryption key", "hmac key", "authkey", "root key", "cred", "creds", "passwort", "kennwort", "storepass", "keypass",
	"psk", "wpa_psk", "key-string", "authentication key", "tacacs-server key", "radius-server key", "isakmp key",
	"api key", "access key", "private key", "account key", "shared key", "license key", "master key",
	"encryption key", "signing key", "app secret",
	"비밀번호", "패스워드", "암호", "비번", "시크릿", "인증키", "토큰", "비밀키", "개인키", "접근키", "액세스키",
}

// DefaultCodeKeys is the default list of keys and labels whose values are
// secrets unless plain words: short or generic names, and one-time codes.
var DefaultCodeKeys = []string{
	"pass", "auth", "pin", "otp", "cvv", "cvc", "cvv2", "totp", "mfa_code", "otp_code", "pincode", "pin_no", "pin_number", "community",
	"verification code", "security code", "auth code", "authorization code", "confirmation code",
	"recovery code", "backup code", "one-time code", "2fa code", "mfa code", "mfa token", "otp code", "sms code", "login code",
	"one-time password", "one time password", "access code",
	"인증번호", "인증코드", "보안코드", "승인코드", "보안카드",
}

// DefaultTokenKeys is the default key and label list for token-shaped secrets.
var DefaultTokenKeys = []string{
	"token", "session", "sid", "sessionid", "jsessionid", "phpsessid", "csrf", "xsrf", "nonce", "sig", "signature", "ticket", "토큰", "세션",
	"sess", "bearer", "jwt", "asp.net_sessionid", "connect.sid",
}

// DefaultBankKeys is the default key, label and bank name list of the
// BankAccount detector.
var DefaultBankKeys = []string{
	"account", "account_no", "account_number", "acct", "acct_no", "bank", "bank_account", "iban", "deposit",
	"ibk", "계좌", "은행", "예금주", "입금", "환불", "국민", "신한", "우리", "하나", "농협", "기업",
	"카카오뱅크", "토스뱅크", "케이뱅크", "새마을", "우체국", "수협", "씨티", "제일",
}

// StrictDetectors returns every built-in detector with the Redact action:
// the strict preset, for operators who must mask addresses too. Its Secret
// detector denies by default (Detector.DenyByDefault).
func StrictDetectors() []Detector {
	var ds []Detector
	for k := range NumKinds {
		ds = append(ds, Detector{Kind: k, Numbers: numbersByDefault(k), DenyByDefault: k == Secret, RandomValues: k == Secret})
	}
	return ds
}

// numbersByDefault says which detectors inspect integers by default.
func numbersByDefault(k Kind) bool { return k == PaymentCard || k == Secret || k == BankAccount }

// canInspectNumbers says which detectors can inspect integers at all.
func canInspectNumbers(k Kind) bool { return numbersByDefault(k) }

// DefaultDetectors returns every built-in detector except IPv4 and IPv6,
// with the Redact action; PaymentCard, Secret and BankAccount also inspect
// integers.
func DefaultDetectors() []Detector {
	var ds []Detector
	for k := range NumKinds {
		if k == IPv4 || k == IPv6 {
			continue
		}
		ds = append(ds, Detector{Kind: k, Numbers: numbersByDefault(k)})
	}
	return ds
}

// minHashKey is the minimum HMAC key length, as for contrib's redaction processor.
const minHashKey = 32

func (a Action) validate(needKey *bool) error {
	switch a.Kind {
	case Redact:
	case Hash:
		*needKey = true
	case Partial:
		if a.KeepLast < 0 {
			return fmt.Errorf("keep_last must not be negative, got %d", a.KeepLast)
		}
	default:
		return fmt.Errorf("unknown action %d", a.Kind)
	}
	return nil
}

// Validate checks the configuration without building a Masker. Errors name
// the offending field.
func (c *Config) Validate() error {
	var errs []error
	needKey := false
	seen := [NumKinds]bool{}
	for _, d := range c.Detectors {
		if d.Kind < 0 || d.Kind >= NumKinds {
			errs = append(errs, fmt.Errorf("detectors: unknown detector %d", d.Kind))
			continue
		}
		if seen[d.Kind] {
			errs = append(errs, fmt.Errorf("detectors::%s: listed twice", d.Kind))
		}
		seen[d.Kind] = true
		if err := d.Action.validate(&needKey); err != nil {
			errs = append(errs, fmt.Errorf("detectors::%s: %w", d.Kind, err))
		}
		if d.DenyByDefault && d.Kind != Secret {
			errs = append(errs, fmt.Errorf("detectors::%s::deny_by_default: only the secret detector denies by default", d.Kind))
		}
		if d.RandomValues && d.Kind != Secret {
			errs = append(errs, fmt.Errorf("detectors::%s::random_values: only the secret detector masks random values", d.Kind))
		}
		if d.Numbers && !canInspectNumbers(d.Kind) {
			errs = append(errs, fmt.Errorf("detectors::%s::numbers: only payment_card, secret and bank_account can inspect numbers", d.Kind))
		}
	}
	for _, l := range []struct {
		field string
		keys  []string
	}{{"detectors::secret::keys", c.SecretKeys}, {"detectors::secret::token_keys", c.TokenKeys}, {"detectors::secret::code_keys", c.CodeKeys}, {"detectors::bank_account::keys", c.BankKeys},
		{"detectors::secret::morphemes", c.SecretMorphemes}, {"detectors::secret::safe_keys", c.SafeKeys}} {
		for i, k := range l.keys {
			if strings.TrimSpace(k) == "" {
				errs = append(errs, fmt.Errorf("%s[%d]: empty key", l.field, i))
			}
		}
	}
	names := map[string]bool{}
	for i, r := range c.Rules {
		if r.Name == "" {
			errs = append(errs, fmt.Errorf("rules[%d]::name: must not be empty", i))
		} else if names[r.Name] {
			errs = append(errs, fmt.Errorf("rules[%d]::name: %q is used twice", i, r.Name))
		} else if _, err := ParseKind(r.Name); err == nil {
			errs = append(errs, fmt.Errorf("rules[%d]::name: %q is a built-in detector name", i, r.Name))
		}
		names[r.Name] = true
		if r.Pattern == "" {
			errs = append(errs, fmt.Errorf("rules[%d]::pattern: must not be empty", i))
		} else if re, err := regexp.Compile(r.Pattern); err != nil {
			errs = append(errs, fmt.Errorf("rules[%d]::pattern: %w", i, err))
		} else if re.MatchString("") {
			errs = append(errs, fmt.Errorf("rules[%d]::pattern: %q matches the empty string", i, r.Pattern))
		}
		if err := r.Action.validate(&needKey); err != nil {
			errs = append(errs, fmt.Errorf("rules[%d]::action: %w", i, err))
		}
	}
	if needKey && len(c.HashKey) == 0 {
		errs = append(errs, errors.New("hash_key: required because an action is hash (set it from ${env:VAR})"))
	} else if needKey && len(c.HashKey) < minHashKey {
		errs = append(errs, fmt.Errorf("hash_key: must be at least %d bytes, got %d", minHashKey, len(c.HashKey)))
	}
	return errors.Join(errs...)
}
