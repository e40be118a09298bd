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
//		var errs []error
//		refs := make([]string, len(cfg.Targets))
//		for i, t := range cfg.Targets {
//			refs[i] = t.Credential
//			where := targetconfig.Where(i, t.Name)
//			cred, err := cfg.Credentials.Resolve(t.Credential, t.Inline)
//			if err != nil {
//				errs = append(errs, targetconfig.PrefixEach(where, err)...)
//			}
//			if _, err := targetconfig.Override("interval", t.Interval, cfg.CollectionInterval); err != nil {
//				errs = append(errs, targetconfig.PrefixEach(where, err)...)
//			}
//			_ = cred // check the credential as the receiver needs
//		}
//		errs = append(errs, cfg.Credentials.CheckUnreferenced(refs, Credential.validate)...)
//		return errors.Join(errs...)
//	}
//
// Error messages follow the collector's own: "targets[2] (core-sw1):
// interval: -100ms is negative; leave it unset for the receiver's default",
// "credentials::lan_v2c: community: required". They never contain a
// credential's values.
package targetconfig
