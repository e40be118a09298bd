package snmpreceiver

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"go.opentelemetry.io/collector/config/configopaque"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
	"github.com/otelcol-ems/otelcol-ems/internal/targetconfig"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmpreceiver/internal/metadata"
)

// Config is the snmp receiver's configuration.
type Config struct {
	// Schedule holds collection_interval, max_concurrent, jitter and
	// max_backoff.
	targetpoll.Schedule `mapstructure:",squash"`
	// Timeout is the default wait for each SNMP response.
	Timeout time.Duration `mapstructure:"timeout"`
	// Retries is the default number of resends after a timeout.
	Retries int `mapstructure:"retries"`
	// MaxRepetitions is GETBULK's max-repetitions.
	MaxRepetitions uint32 `mapstructure:"max_repetitions"`
	// MaxOIDsPerRequest limits the variable bindings in one request.
	MaxOIDsPerRequest int `mapstructure:"max_oids_per_request"`
	// Profiles are the default profiles of targets that name none.
	Profiles []string `mapstructure:"profiles"`
	// ProfileFiles are glob patterns of user profile files.
	ProfileFiles []string `mapstructure:"profile_files"`
	// Credentials are named credentials that targets reference.
	Credentials targetconfig.Credentials[Credential] `mapstructure:"credentials"`
	// Targets are the agents to poll.
	Targets []Target `mapstructure:"targets"`
	// MetricsBuilderConfig enables or disables snmp.up and
	// snmp.poll.duration (`metrics:`).
	metadata.MetricsBuilderConfig `mapstructure:",squash"`

	_ struct{}
}

// Credential is how to authenticate to an agent: a community for v1/v2c or
// a user for v3.
type Credential struct {
	// Version is v1, v2c or v3.
	Version string `mapstructure:"version"`
	// Community is the v1/v2c community.
	Community configopaque.String `mapstructure:"community"`
	// User is the v3 user.
	User string `mapstructure:"user"`
	// SecurityLevel is no_auth_no_priv, auth_no_priv or auth_priv.
	SecurityLevel string `mapstructure:"security_level"`
	// AuthProtocol is MD5, SHA, SHA224, SHA256, SHA384 or SHA512.
	AuthProtocol string `mapstructure:"auth_protocol"`
	// AuthPassword is the v3 authentication passphrase.
	AuthPassword configopaque.String `mapstructure:"auth_password"`
	// PrivProtocol is DES, AES, AES192, AES256, AES192C or AES256C.
	PrivProtocol string `mapstructure:"priv_protocol"`
	// PrivPassword is the v3 privacy passphrase.
	PrivPassword configopaque.String `mapstructure:"priv_password"`
	// ContextName is the v3 context name.
	ContextName string `mapstructure:"context_name"`
}

// Target is one agent to poll.
type Target struct {
	// Name identifies the target in logs and in the snmp.target resource
	// attribute; it defaults to the endpoint.
	Name string `mapstructure:"name"`
	// Endpoint is udp://host:port, tcp://host:port or host[:port].
	Endpoint string `mapstructure:"endpoint"`
	// Credential names an entry of the receiver's credentials.
	Credential string `mapstructure:"credential"`
	// Inline credentials, for targets that do not use a named one.
	Inline Credential `mapstructure:",squash"`
	// Interval, Timeout and Retries override the receiver's defaults.
	Interval time.Duration `mapstructure:"interval"`
	Timeout  time.Duration `mapstructure:"timeout"`
	Retries  *int          `mapstructure:"retries"`
	// Profiles override the receiver's default profiles.
	Profiles []string `mapstructure:"profiles"`
}

// Validate checks the configuration and names the offending field.
func (cfg *Config) Validate() error {
	errs := cfg.Schedule.Check()
	profiles, err := cfg.loadProfiles()
	if err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, targetconfig.CheckTargets(cfg.Targets, func(t *Target) string { return t.Name }, cfg.Credentials,
		func(t *Target) (targetconfig.TargetInfo, error) {
			info := targetconfig.TargetInfo{Credential: t.Credential}
			dev, err := cfg.device(t, profiles)
			if dev.Conn.Version == "" {
				return info, err // no credential: nothing more to check
			}
			info.Name = dev.name
			_, errPoller := snmp.NewPoller(dev.Device)
			return info, errors.Join(err, errPoller)
		},
		// A credential no target uses is checked on its own: a typo in it
		// must not wait until a target references it.
		func(c Credential) error {
			conn := c.conn()
			return conn.ValidateCredential()
		})...)
	return errors.Join(errs...)
}

// conn is the credential part of a connection.
func (c Credential) conn() snmp.ConnConfig {
	return snmp.ConnConfig{
		Version: c.Version, Community: string(c.Community), User: c.User, SecurityLevel: c.SecurityLevel,
		AuthProtocol: c.AuthProtocol, AuthPassword: string(c.AuthPassword), PrivProtocol: c.PrivProtocol,
		PrivPassword: string(c.PrivPassword), ContextName: c.ContextName,
	}
}

// loadProfiles returns the built-in profiles and those of profile_files,
// by name.
func (cfg *Config) loadProfiles() (map[string]*snmp.Profile, error) {
	return targetconfig.LoadProfiles(snmp.Profiles(), cfg.ProfileFiles)
}

type device struct {
	snmp.Device
	name     string
	interval time.Duration
}

// device resolves a target's credential, defaults and profiles.
func (cfg *Config) device(t *Target, profiles map[string]*snmp.Profile) (device, error) {
	cred, err := cfg.Credentials.Resolve(t.Credential, t.Inline)
	if err != nil {
		return device{}, err
	}
	if cred.Version == "" {
		return device{}, errors.New("version: required (or reference a credential)")
	}
	d := device{name: t.Name}
	if d.name == "" {
		d.name = t.Endpoint
	}
	var errs []error
	d.interval, err = targetconfig.Override("interval", t.Interval, cfg.CollectionInterval)
	errs = append(errs, err)
	timeout, err := targetconfig.Override("timeout", t.Timeout, cfg.Timeout)
	errs = append(errs, err)
	conn := cred.conn()
	conn.Endpoint, conn.Timeout, conn.Retries = t.Endpoint, timeout, cfg.Retries
	conn.MaxRepetitions, conn.MaxOIDsPerRequest = cfg.MaxRepetitions, cfg.MaxOIDsPerRequest
	if t.Retries != nil {
		conn.Retries = *t.Retries
	}
	d.Conn = conn
	// Connection settings are checked by snmp.NewPoller; here only what is
	// needed to build the device, so that Validate can report every problem
	// of a target at once.
	if transport, host, port, err := snmp.ParseEndpoint(t.Endpoint); err == nil {
		d.Resource = map[string]any{
			"snmp.target":       d.name,
			"server.address":    host,
			"server.port":       int64(port),
			"network.transport": transport,
		}
	}
	names := t.Profiles
	if len(names) == 0 {
		names = cfg.Profiles
	}
	if len(names) == 0 {
		return d, errors.Join(append(errs, errors.New("profiles: none given for the target nor as receiver default"))...)
	}
	for _, n := range names {
		p, ok := profiles[n]
		if !ok {
			errs = append(errs, fmt.Errorf("profiles: unknown profile %q (built-in: %s)", n, strings.Join(snmp.BuiltinProfileNames(), ", ")))
			continue
		}
		d.Profiles = append(d.Profiles, p)
	}
	return d, errors.Join(errs...)
}
