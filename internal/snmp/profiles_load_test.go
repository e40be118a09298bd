package snmp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadProfiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	user := "name: system\nscalars:\n  - {oid: 1.3.6.1.4.1.99.1.0, name: acme.temp, unit: Cel, type: gauge}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "system.yaml"), []byte(user), 0o600))
	ps, err := LoadProfiles([]string{filepath.Join(dir, "*.yaml")})
	require.NoError(t, err)
	require.Len(t, ps, len(BuiltinProfileNames()))
	var sys *Profile
	for _, p := range ps {
		if p.Name == "system" {
			sys = p
		}
	}
	require.NotNil(t, sys)
	assert.Equal(t, "acme.temp", sys.Scalars[0].Name, "a user profile replaces the built-in one of its name")

	_, err = LoadProfiles([]string{filepath.Join(dir, "none-*.yaml")})
	assert.ErrorContains(t, err, "matches no file")
}

func TestProtocolLookups(t *testing.T) {
	t.Parallel()
	a, ok := AuthProtocol("sha256")
	assert.True(t, ok)
	assert.Equal(t, gosnmp.SHA256, a)
	p, ok := PrivProtocol("AES256C")
	assert.True(t, ok)
	assert.Equal(t, gosnmp.AES256C, p)
	l, ok := SecurityLevel("auth_priv")
	assert.True(t, ok)
	assert.Equal(t, gosnmp.AuthPriv, l)
	_, ok = AuthProtocol("SHA999")
	assert.False(t, ok)
	errs := ValidateUSMUser(&ConnConfig{Version: "v3", User: "u", SecurityLevel: "auth_priv", AuthProtocol: "SHA", AuthPassword: "short"})
	assert.NotEmpty(t, errs)
}
