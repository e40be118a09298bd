package snmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEndpoint(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]struct {
		transport, host string
		port            uint16
	}{
		"udp://10.0.0.1:161":      {"udp", "10.0.0.1", 161},
		"tcp://switch.local:1161": {"tcp", "switch.local", 1161},
		"10.0.0.1":                {"udp", "10.0.0.1", 161},
		"10.0.0.1:2161":           {"udp", "10.0.0.1", 2161},
		"udp://[2001:db8::1]:161": {"udp", "2001:db8::1", 161},
		"[2001:db8::1]":           {"udp", "2001:db8::1", 161},
		"udp6://[::1]:10161":      {"udp", "::1", 10161},
		"udp://[fe80::1]":         {"udp", "fe80::1", 161},
	} {
		tr, h, p, err := ParseEndpoint(in)
		require.NoError(t, err, in)
		assert.Equal(t, want.transport, tr, in)
		assert.Equal(t, want.host, h, in)
		assert.Equal(t, want.port, p, in)
	}
	for _, bad := range []string{"", "http://x:161", "udp://x:0", "udp://x:70000", "udp://x:161/path", "udp://user@x:161", "udp://:161"} {
		_, _, _, err := ParseEndpoint(bad)
		assert.Error(t, err, bad)
	}
}

func TestConnConfigValidate(t *testing.T) {
	t.Parallel()
	ok := ConnConfig{Endpoint: "udp://127.0.0.1:161", Version: "v3", User: "u", SecurityLevel: "auth_priv",
		AuthProtocol: "sha512", AuthPassword: "12345678", PrivProtocol: "aes256c", PrivPassword: "12345678",
		Timeout: time.Second, MaxRepetitions: 10, MaxOIDsPerRequest: 10}
	require.NoError(t, ok.Validate())
	noAuth := ok
	noAuth.SecurityLevel, noAuth.AuthPassword, noAuth.PrivPassword = "no_auth_no_priv", "", ""
	require.NoError(t, noAuth.Validate())
	bad := ok
	bad.Version, bad.Community = "v2c", ""
	require.ErrorContains(t, bad.Validate(), "community: required for version v2c")
	bad = ok
	bad.SecurityLevel = "authPriv"
	require.ErrorContains(t, bad.Validate(), "security_level:")
	bad = ok
	bad.Timeout, bad.Retries = 0, -1
	err := bad.Validate()
	require.ErrorContains(t, err, "timeout: must be positive")
	require.ErrorContains(t, err, "retries: must not be negative")
}

func TestCompareOIDs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		want int
	}{
		{".1.3.6.1.2", ".1.3.6.1.10", -1},
		{".1.3.6.1.2.1", ".1.3.6.1.2", 1},
		{".1.3.6.1.2", "1.3.6.1.2", 0},
		{".1.3.6.9", ".1.3.6.10.1", -1},
	} {
		assert.Equal(t, c.want, compareOIDs(c.a, c.b), "%s vs %s", c.a, c.b)
	}
}
