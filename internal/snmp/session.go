package snmp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
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
	switch c.Version {
	case "v1", "v2c":
		if c.Community == "" {
			errs = append(errs, fmt.Errorf("community: required for version %s", c.Version))
		}
	case "v3":
		errs = append(errs, c.validateV3()...)
	default:
		errs = append(errs, fmt.Errorf("version: %q is not one of v1, v2c, v3", c.Version))
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

// Session is an open conversation with one agent. It is not safe for
// concurrent use; poll one target from one goroutine at a time.
type Session struct {
	cfg  ConnConfig
	g    *gosnmp.GoSNMP
	pdus atomic.Int64
}

// Dial opens a session; for UDP it only creates the socket, the first
// request finds out whether the agent answers.
func Dial(ctx context.Context, cfg ConnConfig) (*Session, error) {
	transport, host, port, err := ParseEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, &Error{Kind: KindInvalidEndpoint, Err: err}
	}
	s := &Session{cfg: cfg}
	g := &gosnmp.GoSNMP{
		Target:         host,
		Port:           port,
		Transport:      transport,
		Community:      cfg.Community,
		Timeout:        cfg.Timeout,
		Retries:        cfg.Retries,
		MaxOids:        cfg.MaxOIDsPerRequest,
		MaxRepetitions: cfg.MaxRepetitions,
		Context:        ctx,
		OnSent:         func(*gosnmp.GoSNMP) { s.pdus.Add(1) },
	}
	switch cfg.Version {
	case "v1":
		g.Version = gosnmp.Version1
	case "v2c":
		g.Version = gosnmp.Version2c
	case "v3":
		g.Version = gosnmp.Version3
		g.SecurityModel = gosnmp.UserSecurityModel
		g.MsgFlags = securityLevels[cfg.SecurityLevel]
		g.ContextName = cfg.ContextName
		usm := &gosnmp.UsmSecurityParameters{UserName: cfg.User}
		if g.MsgFlags&gosnmp.AuthNoPriv != 0 {
			usm.AuthenticationProtocol = authProtocols[strings.ToUpper(cfg.AuthProtocol)]
			usm.AuthenticationPassphrase = cfg.AuthPassword
		} else {
			usm.AuthenticationProtocol = gosnmp.NoAuth
		}
		if g.MsgFlags == gosnmp.AuthPriv {
			usm.PrivacyProtocol = privProtocols[strings.ToUpper(cfg.PrivProtocol)]
			usm.PrivacyPassphrase = cfg.PrivPassword
		} else {
			usm.PrivacyProtocol = gosnmp.NoPriv
		}
		g.SecurityParameters = usm
	default:
		return nil, &Error{Kind: KindProtocol, Err: fmt.Errorf("unknown version %q", cfg.Version)}
	}
	if err := g.Connect(); err != nil {
		return nil, classify(err, &s.cfg)
	}
	s.g = g
	return s, nil
}

// Close closes the socket.
func (s *Session) Close() error {
	if s == nil || s.g == nil || s.g.Conn == nil {
		return nil
	}
	return s.g.Conn.Close()
}

// interrupt makes a pending read return at once.
func (s *Session) interrupt() {
	if s.g != nil && s.g.Conn != nil {
		_ = s.g.Conn.SetDeadline(time.Now())
	}
}

// PDUs returns the number of request PDUs sent so far, retries included.
func (s *Session) PDUs() int64 { return s.pdus.Load() }

// SetContext sets the context that bounds the next requests.
func (s *Session) SetContext(ctx context.Context) { s.g.Context = ctx }

// Version returns the SNMP version in use.
func (s *Session) Version() string { return s.cfg.Version }

func (s *Session) classify(err error) error {
	if s.cfg.Version == "v3" && err != nil && strings.Contains(err.Error(), "not authentic") {
		return s.diagnoseV3(err)
	}
	return classify(err, &s.cfg)
}

// diagnoseV3 finds out why an agent answered with an unauthenticated
// report. gosnmp discards such reports once the engine is known, so the
// reason (unknown user or wrong digest) is lost; a noAuthNoPriv probe for
// the same user brings it back: an unknown user is reported as such, a known
// one with an answer or an unsupported security level report, which means
// our digest was wrong.
func (s *Session) diagnoseV3(orig error) error {
	probeCfg := s.cfg
	probeCfg.SecurityLevel = "no_auth_no_priv"
	ctx := context.Background()
	if s.g != nil && s.g.Context != nil {
		ctx = s.g.Context
	}
	probe, err := Dial(ctx, probeCfg)
	if err != nil {
		return classify(orig, &s.cfg)
	}
	defer probe.Close()
	_, perr := probe.g.Get([]string{sysUpTimeOID})
	s.pdus.Add(probe.pdus.Load())
	switch {
	case errors.Is(perr, gosnmp.ErrUnknownUsername):
		return classify(perr, &s.cfg)
	case perr == nil, errors.Is(perr, gosnmp.ErrUnknownSecurityLevel):
		// The user exists: net-snmp answers a noAuthNoPriv request of a
		// user with keys with authorizationError, others report the level.
		return classify(fmt.Errorf("%w: %w", gosnmp.ErrWrongDigest, orig), &s.cfg)
	}
	return classify(orig, &s.cfg)
}
