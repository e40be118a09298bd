package wasreceiver

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/targetconfig"
	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
	"github.com/otelcol-ems/otelcol-ems/internal/was"
)

// Config is the was receiver's configuration.
type Config struct {
	// Schedule holds collection_interval, max_concurrent, jitter and
	// max_backoff.
	targetpoll.Schedule `mapstructure:",squash"`
	// Timeout is the default bound of each HTTP request.
	Timeout time.Duration `mapstructure:"timeout"`
	// ProfileFiles are glob patterns of user profile files.
	ProfileFiles []string `mapstructure:"profile_files"`
	// Credentials are named logins that targets reference.
	Credentials targetconfig.Credentials[Credential] `mapstructure:"credentials"`
	// Targets are the servers to read.
	Targets []Target `mapstructure:"targets"`

	_ struct{}
}

// Credential is an HTTP basic-authentication login.
type Credential struct {
	Username string              `mapstructure:"username"`
	Password configopaque.String `mapstructure:"password"`
}

// Target is one server.
type Target struct {
	// Name identifies the target in logs and in the was.target resource
	// attribute; it defaults to the endpoint.
	Name string `mapstructure:"name"`
	// Kind is tomcat, jolokia, apache or nginx.
	Kind string `mapstructure:"kind"`
	// ClientConfig holds endpoint, tls, timeout, headers and the rest of
	// confighttp's client settings.
	ClientConfig confighttp.ClientConfig `mapstructure:",squash"`
	// Credential names an entry of the receiver's credentials.
	Credential string `mapstructure:"credential"`
	// Inline is the target's own login (username, password), for targets
	// that reference no credential.
	Inline Credential `mapstructure:",squash"`
	// Profiles name the MBean rules (built in or from profile_files) of a
	// tomcat or jolokia target.
	Profiles []string `mapstructure:"profiles"`
	// JMXProxy makes a tomcat target also read /manager/jmxproxy (default
	// true; needs role manager-jmx).
	JMXProxy *bool `mapstructure:"jmx_proxy"`
	// CollectionInterval overrides the receiver's.
	CollectionInterval time.Duration `mapstructure:"collection_interval"`
	// ResourceAttributes are added to the target's resource (service.name,
	// deployment.environment.name, ...).
	ResourceAttributes map[string]string `mapstructure:"resource_attributes"`
}

// Unmarshal starts each target from confighttp's client defaults (keep-alive
// connections on), which a list element would otherwise not get.
func (t *Target) Unmarshal(conf *confmap.Conf) error {
	type plain Target // no Unmarshal method: no recursion
	p := (*plain)(t)
	p.ClientConfig = confighttp.NewDefaultClientConfig()
	return conf.Unmarshal(p)
}

// defaultProfiles are the profiles of a target that names none.
var defaultProfiles = map[string][]string{
	was.KindTomcat:  {"jvm", "tomcat"},
	was.KindJolokia: {"jvm"},
}

// Validate checks the configuration and names the offending field.
func (cfg *Config) Validate() error {
	errs := cfg.Schedule.Check()
	if cfg.Timeout <= 0 {
		errs = append(errs, errors.New("timeout: must be positive"))
	}
	profiles, err := cfg.loadProfiles()
	if err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, targetconfig.CheckTargets(cfg.Targets, func(t *Target) string { return t.Name }, cfg.Credentials,
		func(t *Target) (targetconfig.TargetInfo, error) {
			info := targetconfig.TargetInfo{Name: t.Name, Credential: t.Credential}
			if info.Name == "" {
				info.Name = t.ClientConfig.Endpoint
			}
			_, errInterval := targetconfig.Override("collection_interval", t.CollectionInterval, cfg.CollectionInterval)
			wt, err := cfg.target(t, profiles)
			if err != nil {
				return info, errors.Join(errInterval, err)
			}
			_, err = was.NewPoller(wt, nil)
			return info, errors.Join(errInterval, err)
		}, Credential.validate)...)
	return errors.Join(errs...)
}

// loadProfiles returns the built-in profiles and those of profile_files,
// by name.
func (cfg *Config) loadProfiles() (map[string]*was.Profile, error) {
	return targetconfig.LoadProfiles(targetconfig.ProfileSource[*was.Profile]{
		Builtin: was.BuiltinProfileNames(), LoadBuiltin: was.BuiltinProfile, LoadFile: was.LoadProfileFile,
		Name: func(p *was.Profile) string { return p.Name },
	}, cfg.ProfileFiles)
}

// target resolves a configured target into the engine's.
func (cfg *Config) target(t *Target, profiles map[string]*was.Profile) (was.Target, error) {
	if !slices.Contains(was.Kinds, t.Kind) {
		return was.Target{}, fmt.Errorf("kind: %q is not one of %s", t.Kind, strings.Join(was.Kinds, ", "))
	}
	cred, err := cfg.Credentials.Resolve(t.Credential, t.Inline)
	if err != nil {
		return was.Target{}, err
	}
	if err := cred.validate(); err != nil {
		return was.Target{}, err
	}
	wt := was.Target{
		Name: t.Name, Kind: t.Kind, Endpoint: t.ClientConfig.Endpoint,
		Username: cred.Username, Password: string(cred.Password),
		JMXProxy: t.JMXProxy == nil || *t.JMXProxy,
		Resource: t.ResourceAttributes,
	}
	if wt.Name == "" {
		wt.Name = t.ClientConfig.Endpoint
	}
	names := t.Profiles
	if len(names) == 0 {
		names = defaultProfiles[t.Kind]
	} else if t.Kind == was.KindApache || t.Kind == was.KindNginx {
		return was.Target{}, fmt.Errorf("profiles: %s targets have no MBeans; remove profiles", t.Kind)
	}
	var ps []*was.Profile
	for _, n := range names {
		p, ok := profiles[n]
		if !ok {
			return was.Target{}, fmt.Errorf("profiles: no profile named %q (built in: %s; add files with profile_files)",
				n, strings.Join(was.BuiltinProfileNames(), ", "))
		}
		ps = append(ps, p)
	}
	if len(ps) > 0 {
		wt.Profiles = was.NewProfileSet(ps...)
	}
	return wt, nil
}

func (c Credential) validate() error {
	if c.Password != "" && c.Username == "" {
		return errors.New("username: required when password is set")
	}
	return nil
}

func (cfg *Config) interval(t *Target) time.Duration {
	d, _ := targetconfig.Override("collection_interval", t.CollectionInterval, cfg.CollectionInterval)
	return d
}
