package snmptrapreceiver

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"

	"github.com/gosnmp/gosnmp"
	"go.opentelemetry.io/collector/config/configopaque"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
	"github.com/otelcol-ems/otelcol-ems/internal/snmptrap"
)

// Config is the snmptrap receiver's configuration.
type Config struct {
	// Endpoint is host:port to listen on (IPv6 in brackets).
	Endpoint string `mapstructure:"endpoint"`
	// Transport is udp or tcp.
	Transport string `mapstructure:"transport"`
	// Communities are the accepted v1/v2c communities; none refuses v1/v2c.
	Communities []configopaque.String `mapstructure:"communities"`
	// Users are the accepted SNMPv3 users.
	Users []User `mapstructure:"users"`
	// AllowedNetworks limits senders to these CIDR prefixes; empty allows all.
	AllowedNetworks []string `mapstructure:"allowed_networks"`
	// RateLimit limits each source address.
	RateLimit RateLimit `mapstructure:"rate_limit"`
	// Severity maps trap OIDs to severities (trace, debug, info, warn,
	// error, fatal).
	Severity map[string]string `mapstructure:"severity"`
	// ProfileFiles are glob patterns of SNMP profiles (the snmp receiver's
	// format) whose objects name varbinds.
	ProfileFiles []string `mapstructure:"profile_files"`
	// EngineID is the receiver's own SNMPv3 engine ID, which informs are
	// addressed to; empty derives one from the host name and endpoint.
	EngineID string `mapstructure:"engine_id"`
	// QueueSize bounds the messages between the socket and the pipeline.
	QueueSize int `mapstructure:"queue_size"`
	// Workers decode and deliver messages; 0 means one per CPU.
	Workers int `mapstructure:"workers"`

	_ struct{}
}

// User is an SNMPv3 user; the keys are the snmp receiver's credential keys.
type User struct {
	User          string              `mapstructure:"user"`
	SecurityLevel string              `mapstructure:"security_level"`
	AuthProtocol  string              `mapstructure:"auth_protocol"`
	AuthPassword  configopaque.String `mapstructure:"auth_password"`
	PrivProtocol  string              `mapstructure:"priv_protocol"`
	PrivPassword  configopaque.String `mapstructure:"priv_password"`
	// EngineIDs are the senders' engine IDs for v3 traps, in hex.
	EngineIDs []string `mapstructure:"engine_ids"`
}

// RateLimit is a token bucket per source address.
type RateLimit struct {
	// PerSource is N/s or N/min; empty or 0 disables the limit.
	PerSource string `mapstructure:"per_source"`
	// Burst is the bucket size.
	Burst int `mapstructure:"burst"`
}

// Validate checks the configuration and names the offending field.
func (cfg *Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(cfg.Endpoint); err != nil {
		errs = append(errs, fmt.Errorf("endpoint: %q: %w", cfg.Endpoint, err))
	}
	if cfg.Transport != "udp" && cfg.Transport != "tcp" {
		errs = append(errs, fmt.Errorf("transport: %q is not udp or tcp", cfg.Transport))
	}
	for i, c := range cfg.Communities {
		if c == "" {
			errs = append(errs, fmt.Errorf("communities[%d]: must not be empty", i))
		}
	}
	if _, err := cfg.users(); err != nil {
		errs = append(errs, err)
	}
	if _, err := cfg.networks(); err != nil {
		errs = append(errs, err)
	}
	if _, err := parseRate(cfg.RateLimit.PerSource); err != nil {
		errs = append(errs, fmt.Errorf("rate_limit::per_source: %w", err))
	}
	if cfg.RateLimit.Burst < 0 {
		errs = append(errs, errors.New("rate_limit::burst: must not be negative"))
	}
	if _, err := cfg.severities(); err != nil {
		errs = append(errs, err)
	}
	if cfg.EngineID != "" {
		if _, err := snmptrap.ParseEngineID(cfg.EngineID); err != nil {
			errs = append(errs, fmt.Errorf("engine_id: %w", err))
		}
	}
	if _, err := snmp.LoadProfiles(cfg.ProfileFiles); err != nil {
		errs = append(errs, err)
	}
	if cfg.QueueSize <= 0 {
		errs = append(errs, errors.New("queue_size: must be positive"))
	}
	if cfg.Workers < 0 {
		errs = append(errs, errors.New("workers: must not be negative"))
	}
	return errors.Join(errs...)
}

func (cfg *Config) users() ([]snmptrap.User, error) {
	var errs []error
	out := make([]snmptrap.User, 0, len(cfg.Users))
	seen := map[string]bool{}
	for i := range cfg.Users {
		u := &cfg.Users[i]
		where := fmt.Sprintf("users[%d]", i)
		if u.User != "" {
			where = fmt.Sprintf("users[%d] (%s)", i, u.User)
		}
		if seen[u.User] && u.User != "" {
			errs = append(errs, fmt.Errorf("%s: user is configured twice", where))
		}
		seen[u.User] = true
		cc := snmp.ConnConfig{
			Version: "v3", User: u.User, SecurityLevel: u.SecurityLevel,
			AuthProtocol: u.AuthProtocol, AuthPassword: string(u.AuthPassword),
			PrivProtocol: u.PrivProtocol, PrivPassword: string(u.PrivPassword),
		}
		var uerrs []error
		for _, err := range snmp.ValidateUSMUser(&cc) {
			uerrs = append(uerrs, fmt.Errorf("%s: %w", where, err))
		}
		su := snmptrap.User{Name: u.User, AuthPassword: string(u.AuthPassword), PrivPassword: string(u.PrivPassword)}
		su.Level, _ = snmp.SecurityLevel(u.SecurityLevel)
		if su.Level&gosnmp.AuthNoPriv != 0 {
			su.AuthProtocol, _ = snmp.AuthProtocol(u.AuthProtocol)
		}
		if su.Level == gosnmp.AuthPriv {
			su.PrivProtocol, _ = snmp.PrivProtocol(u.PrivProtocol)
		}
		for j, id := range u.EngineIDs {
			b, err := snmptrap.ParseEngineID(id)
			if err != nil {
				uerrs = append(uerrs, fmt.Errorf("%s: engine_ids[%d]: %w", where, j, err))
				continue
			}
			su.EngineIDs = append(su.EngineIDs, b)
		}
		errs = append(errs, uerrs...)
		out = append(out, su)
	}
	return out, errors.Join(errs...)
}

func (cfg *Config) networks() ([]netip.Prefix, error) {
	var errs []error
	out := make([]netip.Prefix, 0, len(cfg.AllowedNetworks))
	for i, n := range cfg.AllowedNetworks {
		p, err := netip.ParsePrefix(strings.TrimSpace(n))
		if err != nil {
			// A bare address allows that host.
			a, aerr := netip.ParseAddr(strings.TrimSpace(n))
			if aerr != nil {
				errs = append(errs, fmt.Errorf("allowed_networks[%d]: %q is not a CIDR prefix or address", i, n))
				continue
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, errors.Join(errs...)
}

func (cfg *Config) severities() (map[string]snmptrap.Severity, error) {
	var errs []error
	out := make(map[string]snmptrap.Severity, len(cfg.Severity))
	for oid, name := range cfg.Severity {
		s, ok := snmptrap.ParseSeverity(strings.ToLower(name))
		if !ok {
			errs = append(errs, fmt.Errorf("severity::%s: %q is not one of trace, debug, info, warn, error, fatal", oid, name))
			continue
		}
		out[strings.TrimPrefix(oid, ".")] = s
	}
	return out, errors.Join(errs...)
}

// parseRate reads N/s or N/min (also N/m, N/sec) as events per second.
func parseRate(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" {
		return 0, nil
	}
	num, unit, ok := strings.Cut(s, "/")
	if !ok {
		return 0, fmt.Errorf("%q: write N/s or N/min", s)
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q: %q is not a non-negative number", s, num)
	}
	switch strings.TrimSpace(unit) {
	case "s", "sec", "second":
		return n, nil
	case "m", "min", "minute":
		return n / 60, nil
	}
	return 0, fmt.Errorf("%q: unit must be s or min", s)
}
