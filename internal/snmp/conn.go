package snmp

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gosnmp/gosnmp"
)

// ConnConfig says how to reach one agent and how to authenticate.
type ConnConfig struct {
	// Endpoint is udp://host:port, tcp://host:port or host[:port] (UDP);
	// IPv6 hosts go in brackets. The port defaults to 161.
	Endpoint string
	// Version is v1, v2c or v3.
	Version string
	// Community is the v1/v2c community.
	Community string
	// User is the v3 user name.
	User string
	// SecurityLevel is no_auth_no_priv, auth_no_priv or auth_priv.
	SecurityLevel string
	// AuthProtocol is MD5, SHA, SHA224, SHA256, SHA384 or SHA512.
	AuthProtocol string
	// AuthPassword is the v3 authentication passphrase.
	AuthPassword string
	// PrivProtocol is DES, AES, AES192, AES256, AES192C or AES256C.
	PrivProtocol string
	// PrivPassword is the v3 privacy passphrase.
	PrivPassword string
	// ContextName is the v3 context name.
	ContextName string
	// Timeout is the time to wait for each response.
	Timeout time.Duration
	// Retries is how often a request is sent again after a timeout.
	Retries int
	// MaxRepetitions is GETBULK's max-repetitions.
	MaxRepetitions uint32
	// MaxOIDsPerRequest limits the variable bindings in one request.
	MaxOIDsPerRequest int
}

var authProtocols = map[string]gosnmp.SnmpV3AuthProtocol{
	"MD5": gosnmp.MD5, "SHA": gosnmp.SHA, "SHA224": gosnmp.SHA224, "SHA256": gosnmp.SHA256,
	"SHA384": gosnmp.SHA384, "SHA512": gosnmp.SHA512,
}

var privProtocols = map[string]gosnmp.SnmpV3PrivProtocol{
	"DES": gosnmp.DES, "AES": gosnmp.AES, "AES192": gosnmp.AES192, "AES256": gosnmp.AES256,
	"AES192C": gosnmp.AES192C, "AES256C": gosnmp.AES256C,
}

var securityLevels = map[string]gosnmp.SnmpV3MsgFlags{
	"no_auth_no_priv": gosnmp.NoAuthNoPriv, "auth_no_priv": gosnmp.AuthNoPriv, "auth_priv": gosnmp.AuthPriv,
}

// ParseEndpoint splits an endpoint into transport, host and port.
func ParseEndpoint(endpoint string) (transport, host string, port uint16, err error) {
	transport = "udp"
	rest := endpoint
	if i := strings.Index(endpoint, "://"); i >= 0 {
		u, perr := url.Parse(endpoint)
		if perr != nil {
			return "", "", 0, fmt.Errorf("endpoint %q: %w", endpoint, perr)
		}
		switch u.Scheme {
		case "udp", "tcp":
			transport = u.Scheme
		case "udp6", "udp4":
			transport = "udp"
		case "tcp6", "tcp4":
			transport = "tcp"
		default:
			return "", "", 0, fmt.Errorf("endpoint %q: scheme must be udp or tcp", endpoint)
		}
		if u.Path != "" || u.RawQuery != "" || u.User != nil {
			return "", "", 0, fmt.Errorf("endpoint %q: only scheme://host:port is allowed", endpoint)
		}
		rest = u.Host
	}
	h, p, serr := net.SplitHostPort(rest)
	if serr != nil {
		// No port: a bare host or a bracketed IPv6 address.
		h, p = strings.TrimSuffix(strings.TrimPrefix(rest, "["), "]"), "161"
		if strings.Count(h, ":") == 1 {
			return "", "", 0, fmt.Errorf("endpoint %q: %w", endpoint, serr)
		}
	}
	if h == "" {
		return "", "", 0, fmt.Errorf("endpoint %q: missing host", endpoint)
	}
	pn, perr := strconv.ParseUint(p, 10, 16)
	if perr != nil || pn == 0 {
		return "", "", 0, fmt.Errorf("endpoint %q: invalid port %q", endpoint, p)
	}
	return transport, h, uint16(pn), nil
}

// Validate checks the connection settings and names the offending field.
func (c *ConnConfig) Validate() error {
	var errs []error
	if _, _, _, err := ParseEndpoint(c.Endpoint); err != nil {
		errs = append(errs, fmt.Errorf("endpoint: %w", err))
	}
	if err := c.ValidateCredential(); err != nil {
		errs = append(errs, err)
	}
	if c.Timeout <= 0 {
		errs = append(errs, errors.New("timeout: must be positive"))
	}
	if c.Retries < 0 {
		errs = append(errs, errors.New("retries: must not be negative"))
	}
	if c.MaxRepetitions == 0 || c.MaxRepetitions > 255 {
		errs = append(errs, errors.New("max_repetitions: must be between 1 and 255"))
	}
	if c.MaxOIDsPerRequest <= 0 {
		errs = append(errs, errors.New("max_oids_per_request: must be positive"))
	}
	return errors.Join(errs...)
}

// ValidateCredential checks only the version and the credential fields
// (community, or the v3 user and security settings), naming the field.
func (c *ConnConfig) ValidateCredential() error {
	switch c.Version {
	case "v1", "v2c":
		if c.Community == "" {
			return fmt.Errorf("community: required for version %s", c.Version)
		}
		return nil
	case "v3":
		return errors.Join(c.validateV3()...)
	default:
		return fmt.Errorf("version: %q is not one of v1, v2c, v3", c.Version)
	}
}

func (c *ConnConfig) validateV3() []error {
	var errs []error
	if c.User == "" {
		errs = append(errs, errors.New("user: required for version v3"))
	}
	level, ok := securityLevels[c.SecurityLevel]
	if !ok {
		errs = append(errs, fmt.Errorf("security_level: %q is not one of no_auth_no_priv, auth_no_priv, auth_priv", c.SecurityLevel))
		return errs
	}
	if level&gosnmp.AuthNoPriv != 0 {
		if _, ok := authProtocols[strings.ToUpper(c.AuthProtocol)]; !ok {
			errs = append(errs, fmt.Errorf("auth_protocol: %q is not one of MD5, SHA, SHA224, SHA256, SHA384, SHA512", c.AuthProtocol))
		}
		if len(c.AuthPassword) < 8 {
			errs = append(errs, errors.New("auth_password: required, at least 8 characters"))
		}
	}
	if level == gosnmp.AuthPriv {
		if _, ok := privProtocols[strings.ToUpper(c.PrivProtocol)]; !ok {
			errs = append(errs, fmt.Errorf("priv_protocol: %q is not one of DES, AES, AES192, AES256, AES192C, AES256C", c.PrivProtocol))
		}
		if len(c.PrivPassword) < 8 {
			errs = append(errs, errors.New("priv_password: required, at least 8 characters"))
		}
	}
	return errs
}
