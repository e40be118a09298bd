package snmp

import "github.com/otelcol-ems/otelcol-ems/internal/targetconfig"

// Profiles says where SNMP profiles come from: the built-in ones and user
// files in the same schema.
func Profiles() targetconfig.ProfileSource[*Profile] {
	return targetconfig.ProfileSource[*Profile]{
		Builtin: BuiltinProfileNames(), LoadBuiltin: BuiltinProfile, LoadFile: LoadProfileFile,
		Name: func(p *Profile) string { return p.Name },
	}
}

// LoadProfiles returns the built-in profiles followed by the user profiles
// that the glob patterns match; a user profile replaces a built-in one of
// the same name. A pattern that matches nothing is an error.
func LoadProfiles(patterns []string) ([]*Profile, error) {
	return targetconfig.LoadProfileList(Profiles(), patterns)
}
