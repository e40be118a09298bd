// Package targetconfig reads the parts of a pull receiver's configuration
// that the SNMP, DBMS and WAS receivers share: a `credentials:` map of named
// credentials, a `targets:` list whose entries reference one by name or carry
// their own inline, per-target overrides of the receiver's interval and
// timeout, and errors that name the offending field path.
//
// It is plain Go, generic over the receiver's own credential struct C (any
// comparable struct: its zero value means "no inline credential"):
//
//	type Config struct {
//		Credentials targetconfig.Credentials[Credential] `mapstructure:"credentials"`
//		Targets     []Target                             `mapstructure:"targets"`
//	}
//
//	func (cfg *Config) Validate() error {
//		errs := targetconfig.CheckTargets(cfg.Targets, func(t *Target) string { return t.Name }, cfg.Credentials,
//			func(t *Target) (targetconfig.TargetInfo, error) {
//				cred, err := cfg.Credentials.Resolve(t.Credential, t.Inline)
//				_ = cred // check the credential as the receiver needs
//				_, errInterval := targetconfig.Override("interval", t.Interval, cfg.CollectionInterval)
//				return targetconfig.TargetInfo{Name: t.Name, Credential: t.Credential}, errors.Join(err, errInterval)
//			},
//			Credential.validate) // also for the credentials no target references
//		return errors.Join(errs...)
//	}
//
// Error messages follow the collector's own: "targets[2] (core-sw1):
// interval: -100ms is negative; leave it unset for the receiver's default",
// "credentials::lan_v2c: community: required". They never contain a
// credential's values.
package targetconfig
