package targetconfig

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type testProfile struct{ name, from string }

func TestLoadProfiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("jvm"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(""), 0o600))
	src := ProfileSource[testProfile]{
		Builtin:     []string{"jvm", "tomcat"},
		LoadBuiltin: func(n string) (testProfile, error) { return testProfile{n, "builtin"}, nil },
		LoadFile: func(p string) (testProfile, error) {
			b, _ := os.ReadFile(p)
			if len(b) == 0 {
				return testProfile{}, errors.New(filepath.Base(p) + ": empty")
			}
			return testProfile{strings.TrimSpace(string(b)), p}, nil
		},
		Name: func(p testProfile) string { return p.name },
	}

	got, err := LoadProfiles(src, []string{filepath.Join(dir, "a.yaml")})
	require.NoError(t, err)
	assert.Equal(t, "builtin", got["tomcat"].from)
	assert.Equal(t, filepath.Join(dir, "a.yaml"), got["jvm"].from, "a file replaces the built-in profile of its name")

	_, err = LoadProfiles(src, []string{filepath.Join(dir, "none-*.yaml"), "[", filepath.Join(dir, "bad.yaml")})
	require.Error(t, err)
	assert.ErrorContains(t, err, `profile_files: "`+filepath.Join(dir, "none-*.yaml")+`" matches no file`)
	assert.ErrorContains(t, err, `profile_files: "[": syntax error in pattern`)
	assert.ErrorContains(t, err, "profile_files: bad.yaml: empty")
}
