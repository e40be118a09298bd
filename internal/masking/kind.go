package masking

import "fmt"

// Kind identifies a built-in detector.
type Kind int

// Built-in detectors.
const (
	Email       Kind = iota // e-mail addresses
	PaymentCard             // Luhn-valid payment card numbers, 13 to 19 digits
	KRRRN                   // Korean resident and foreigner registration numbers
	Phone                   // Korean mobile and landline numbers, +82, E.164
	IPv4                    // IPv4 addresses (opt-in)
	IPv6                    // IPv6 addresses (opt-in)
	JWT                     // JSON Web Tokens
	AccessKey               // cloud and forge access keys (AKIA…, ASIA…, AIza…, ghp_…)
	AuthHeader              // bearer and basic credentials
	Secret                  // values of password/secret/token keys
	BankAccount             // bank account numbers next to a bank name, label or key
	NumKinds                // number of built-in detectors
)

var kindNames = [NumKinds]string{
	"email", "payment_card", "kr_rrn", "phone", "ipv4", "ipv6", "jwt", "access_key", "auth_header", "secret", "bank_account",
}

// String returns the detector's configuration name, e.g. "payment_card".
func (k Kind) String() string {
	if k < 0 || k >= NumKinds {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// KindNames returns the configuration names of all built-in detectors in Kind order.
func KindNames() []string { return append([]string(nil), kindNames[:]...) }

// ParseKind returns the Kind named name.
func ParseKind(name string) (Kind, error) {
	for i, n := range kindNames {
		if n == name {
			return Kind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown detector %q", name)
}
