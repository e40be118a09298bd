package targetconfig

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type cred struct {
	User     string
	Password string
}

func TestResolve(t *testing.T) {
	t.Parallel()
	cs := Credentials[cred]{"ro": {User: "monitor", Password: "s3cret"}}
	got, err := cs.Resolve("ro", cred{})
	require.NoError(t, err)
	assert.Equal(t, "monitor", got.User)

	got, err = cs.Resolve("", cred{User: "inline"})
	require.NoError(t, err)
	assert.Equal(t, "inline", got.User)

	got, err = cs.Resolve("", cred{})
	require.NoError(t, err)
	assert.Equal(t, cred{}, got, "neither: the receiver decides what is required")

	_, err = cs.Resolve("ro", cred{User: "inline", Password: "inline-s3cret"})
	require.EqualError(t, err, "credential: set either credential or the inline credential keys, not both")

	_, err = cs.Resolve("rw", cred{})
	require.EqualError(t, err, `credential: no credential named "rw" under credentials`)
	assert.NotContains(t, err.Error(), "s3cret")
}

func TestUnreferenced(t *testing.T) {
	t.Parallel()
	cs := Credentials[cred]{"b": {}, "a": {}, "used": {}}
	assert.Equal(t, []string{"a", "b"}, cs.Unreferenced([]string{"used", "", "missing"}))
	assert.Empty(t, cs.Unreferenced([]string{"a", "b", "used"}))
	assert.Equal(t, "credentials::a", CredentialPath("a"))
}

func TestOverride(t *testing.T) {
	t.Parallel()
	d, err := Override("interval", 0, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, time.Minute, d)
	d, err = Override("interval", 5*time.Second, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, 5*time.Second, d)
	_, err = Override("interval", -100*time.Millisecond, time.Minute)
	require.EqualError(t, err, "interval: -100ms is negative; leave it unset for the receiver's default")
	_, err = Override("timeout", -time.Second, time.Minute)
	require.ErrorContains(t, err, "timeout: -1s is negative")
}

func TestWhereNamesAndPrefixEach(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "targets[3]", Where(3, ""))
	assert.Equal(t, "targets[3] (core-sw1)", Where(3, "core-sw1"))

	n := Names{}
	require.NoError(t, n.Add("targets[0]", "db1"))
	require.EqualError(t, n.Add("targets[1]", "db1"), `targets[1]: name "db1" is used by another target; set name`)

	assert.Nil(t, PrefixEach("targets[0]", nil))
	errs := PrefixEach("targets[0]", errors.Join(errors.New("a: bad"), errors.Join(errors.New("b: bad"), errors.New("c: bad"))))
	var lines []string
	for _, e := range errs {
		lines = append(lines, e.Error())
	}
	assert.Equal(t, "targets[0]: a: bad\ntargets[0]: b: bad\ntargets[0]: c: bad", strings.Join(lines, "\n"))
	inner := errors.New("x")
	assert.ErrorIs(t, PrefixEach("p", inner)[0], inner)
}

func TestCheckUnreferenced(t *testing.T) {
	t.Parallel()
	cs := Credentials[cred]{"used": {User: "u"}, "bad": {}, "good": {User: "g"}}
	errs := cs.CheckUnreferenced([]string{"used"}, func(c cred) error {
		if c.User == "" {
			return errors.Join(errors.New("user: required"), errors.New("password: required"))
		}
		return nil
	})
	require.Len(t, errs, 2)
	assert.EqualError(t, errs[0], "credentials::bad: user: required")
	assert.EqualError(t, errs[1], "credentials::bad: password: required")
}

func TestCheckTargets(t *testing.T) {
	t.Parallel()
	type target struct{ Name, Endpoint, Credential string }
	check := func(tg *target) (TargetInfo, error) {
		info := TargetInfo{Name: tg.Name, Credential: tg.Credential}
		if info.Name == "" {
			info.Name = tg.Endpoint
		}
		if tg.Endpoint == "" {
			return TargetInfo{Credential: tg.Credential}, errors.Join(errors.New("endpoint: required"), errors.New("port: required"))
		}
		return info, nil
	}
	label := func(tg *target) string { return tg.Name }
	creds := Credentials[cred]{"used": {User: "u"}, "typo": {}}
	validCred := func(c cred) error {
		if c.User == "" {
			return errors.New("user: required")
		}
		return nil
	}

	errs := CheckTargets([]target{
		{Name: "a", Endpoint: "h1", Credential: "used"},
		{Endpoint: "a"},  // the default name collides with the first
		{Name: "broken"}, // both errors, prefixed; no name check
		{Endpoint: "h4"}, // fine
	}, label, creds, check, validCred)
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	assert.Equal(t, []string{
		`targets[1]: name "a" is used by another target; set name`,
		"targets[2] (broken): endpoint: required",
		"targets[2] (broken): port: required",
		"credentials::typo: user: required",
	}, msgs)

	assert.Equal(t, []error{ErrNoTargets}, CheckTargets(nil, label, creds, check, nil), "no credential check without checkCred")
}
