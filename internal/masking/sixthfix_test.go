package masking

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The mechanisms behind the sixth corpus's first-contact misses
// (docs/benchmarks/masking-sixth-first-contact-2bb654b.txt) and the
// deny-by-default layer of the strict preset, each on lines written here
// from the formats' public documentation with other names and values than
// the corpus, with the look-alikes that must stay.

func TestDenyByDefaultMorphemes(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"suffix key in a query", "GET /v2/track?t_key=Zq81mXv0Lw2Pr5T&carrier=04", "GET /v2/track?t_key=[REDACTED:secret]&carrier=04"},
		{"glued pass", "smtp dbpass=Kx7!moo9 relay=on", "smtp dbpass=[REDACTED:secret] relay=on"},
		{"camel pin", `{"userPin":"8812"}`, `{"userPin":"[REDACTED:secret]"}`},
		{"dashed auth", "x-auth: 9f8aQ7z!w2", "x-auth: [REDACTED:secret]"},
		{"cookie part", "cookie_val=aB3xY9qq", "cookie_val=[REDACTED:secret]"},
		{"korean morpheme", "비밀값=Tq9#z1x", "비밀값=[REDACTED:secret]"},
		{"long option", "backup --db-pass Kx7!moo9Q --dest /srv", "backup --db-pass " + "[REDACTED:secret]" + " --dest /srv"},
		{"long option, plain value", "run --auth-mode ldap --key-file /etc/k.pem --pin-count 3", "run --auth-mode ldap --key-file /etc/k.pem --pin-count 3"},
		{"directive on its own line", "maxmemory 2gb\nsmtp_salt Xk9#mz2Qw\n  app_cookie_val Zq81mXv0Lw2Pr5T", "maxmemory 2gb\nsmtp_salt [REDACTED:secret]\n  app_cookie_val [REDACTED:secret]"},
		{"directive look-alikes", "keyfile /etc/k.pem\npin_length 6\ntoken expired\ncookie_val abc def", "keyfile /etc/k.pem\npin_length 6\ntoken expired\ncookie_val abc def"},
		{"code alone, digits", "/verify?email=x&code=713902", "/verify?email=x&code=[REDACTED:secret]"},
		// properties of a secret and look-alikes stay
		{"safe last part", "api_key_id=AKX2 token_type=bearer cookie_name=JSESSIONID pin_length=6", "api_key_id=AKX2 token_type=bearer cookie_name=JSESSIONID pin_length=6"},
		{"record keys", `{"paymentKey":"pk20241203A9","routing_key":"orders.eu"}`, `{"paymentKey":"pk20241203A9","routing_key":"orders.eu"}`},
		{"public key", "PublicKey = mX3k9Q+hZtV0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0=", "PublicKey = mX3k9Q+hZtV0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0="},
		{"status code", "status_code=E4021 zipcode=06236 encode=utf8x1", "status_code=E4021 zipcode=06236 encode=utf8x1"},
		{"words ending in a morpheme", "monkey=banana2 bypass=cache01", "monkey=banana2 bypass=cache01"},
		{"numbers under a morpheme", "session_count=12 key=8080 auth_port=1812", "session_count=12 key=8080 auth_port=1812"},
		{"pairs in a cookie header", "Set-Cookie: lang=ko-KR; Path=/", "Set-Cookie: lang=ko-KR; Path=/"},
		{"cache key with a colon", `cache key="user:42:profile"`, `cache key="user:42:profile"`},
		{"path under a cert name", "cert=/etc/pki/tls/web.crt", "cert=/etc/pki/tls/web.crt"},
		{"dated session", "session_start=2026-03-04T10:15:00Z", "session_start=2026-03-04T10:15:00Z"},
	})
}

func TestRandomBoundValues(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"random under a plain name", "relay_secretless=x9Qm2ZtLw7Vb4Nc8 ok", "relay_secretless=[REDACTED:secret] ok"},
		{"random in json", `{"handle":"Vq7Lx2Mz9Pw4Rt6Yb3"}`, `{"handle":"[REDACTED:secret]"}`},
		{"ids stay", `{"account_id":"4FqLm9ZtXw2Vb7Nc8R","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}`, `{"account_id":"4FqLm9ZtXw2Vb7Nc8R","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}`},
		{"typed object id stays", `{"customer":"cus_Nq8Lm2ZtXw9Vb4"}`, `{"customer":"cus_Nq8Lm2ZtXw9Vb4"}`},
		{"digest after its algorithm stays", "ssh2: RSA SHA256:Qm9LzX2Vb7Nc8RtY4Wq1Pk6Ms3Df5Gh", "ssh2: RSA SHA256:Qm9LzX2Vb7Nc8RtY4Wq1Pk6Ms3Df5Gh"},
		{"hex stays", "blob=9f86d081884c7d659a2feaa0c55ad015", "blob=9f86d081884c7d659a2feaa0c55ad015"},
		{"lower case word stays", "handler=shippingnotifications", "handler=shippingnotifications"},
	})
}

// Deny-by-default is the strict preset's: the default detectors keep the
// lexicon only, and the layers can be turned off one by one.
func TestDenyByDefaultIsStrictOnly(t *testing.T) {
	t.Parallel()
	in := "GET /track?t_key=Zq81mXv0Lw2Pr5T {\"handle\":\"Vq7Lx2Mz9Pw4Rt6Yb3\"}"
	def := newTestMasker(t, Config{Detectors: DefaultDetectors()})
	counts := make([]int64, def.NumCounters())
	got, _ := def.MaskString("", in, counts)
	assert.Equal(t, in, got)

	ds := StrictDetectors()
	for i := range ds {
		if ds[i].Kind == Secret {
			ds[i].RandomValues = false
		}
	}
	m := newTestMasker(t, Config{Detectors: ds})
	got, _ = m.MaskString("", in, counts)
	assert.Equal(t, "GET /track?t_key=[REDACTED:secret] {\"handle\":\"Vq7Lx2Mz9Pw4Rt6Yb3\"}", got)

	custom := newTestMasker(t, Config{Detectors: StrictDetectors(), SecretMorphemes: []string{"zzz"}, SafeKeys: []string{"handle"}})
	got, _ = custom.MaskString("", in, counts)
	assert.Equal(t, in, got, "morphemes and safe keys are data")

	_, err := New(Config{Detectors: []Detector{{Kind: Email, DenyByDefault: true}}})
	assert.ErrorContains(t, err, "detectors::email::deny_by_default")
	_, err = New(Config{Detectors: []Detector{{Kind: Email, RandomValues: true}}})
	assert.ErrorContains(t, err, "detectors::email::random_values")
	_, err = New(Config{Detectors: StrictDetectors(), SafeKeys: []string{" "}})
	assert.ErrorContains(t, err, "detectors::secret::safe_keys[0]")
}

func TestSixthCorpusMechanisms(t *testing.T) {
	t.Parallel()
	const sec = "[REDACTED:secret]"
	checkGeneral(t, []generalCase{
		// Java InetAddress.toString(): host name, '/', literal address
		{"inetaddress localhost", `"peer":"localhost/10.20.30.40"`, `"peer":"localhost/` + ip4 + `"`},
		{"inetaddress dns name", "connected to kafka-2.kafka-headless.svc/10.1.7.9 ok", "connected to kafka-2.kafka-headless.svc/" + ip4 + " ok"},
		{"inetaddress dashed node", "leader broker-3/172.16.0.8 elected", "leader broker-3/" + ip4 + " elected"},
		{"product tokens stay versions", "Chrome/124.0.0.0 Whale/3.25.182.22 MyApp/10.6.33.105 python-requests/2.31.0.1", "Chrome/124.0.0.0 Whale/3.25.182.22 MyApp/10.6.33.105 python-requests/2.31.0.1"},
		// version noun after a version word
		{"version number", "Server version number: 9.0.85.0", "Server version number: 9.0.85.0"},
		{"build no", "OS build no 10.0.19045.1", "OS build no 10.0.19045.1"},
		{"plain number label stays address", "gateway number: 10.0.0.1", "gateway number: " + ip4},
		// JAAS: PlainLoginModule user_<name>="<password>"
		{"jaas users", `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="b-s3cret!" user_broker="b-s3cret!" user_carol="Car0l#pw";`,
			`sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="` + sec + `" user_broker="` + sec + `" user_carol="` + sec + `";`},
		{"user_ without a login module stays", `user_name="carol" user_group="ops"`, `user_name="carol" user_group="ops"`},
		// ISO 8583 field 52 (PIN data) in a jPOS dump
		{"pin block", `<field id="52" value="1A2B3C4D5E6F7081"/>`, `<field id="52" value="` + sec + `"/>`},
		{"other fields stay", `<field id="41" value="TERM0001"/> <field id="11" value="000123"/>`, `<field id="41" value="TERM0001"/> <field id="11" value="000123"/>`},
		// FreeRADIUS auth_badpass / auth_goodpass
		{"radius login incorrect", "Auth: (12) Login incorrect (pap: Cleartext password does not match): [carol/Tr0ub4dor&3] (from client ap-1 port 0)",
			"Auth: (12) Login incorrect (pap: Cleartext password does not match): [carol/" + sec + "] (from client ap-1 port 0)"},
		{"radius login ok", "Auth: (7) Login OK: [dave/p4ss-W0rd] (from client sw-2 port 3)", "Auth: (7) Login OK: [dave/" + sec + "] (from client sw-2 port 3)"},
		{"radius no password", "Auth: (8) Login OK: [erin/<via Auth-Type = eap>] (from client sw-2)", "Auth: (8) Login OK: [erin/<via Auth-Type = eap>] (from client sw-2)"},
		// values end at XML entities and pipe fields
		{"cookie before an xml line break", "Cookie: JSESSIONID=q8d7f6g5h4j3k2l1m0n9b8v7&#13;&#10;Host: a", "Cookie: JSESSIONID=" + sec + "&#13;&#10;Host: a"},
		{"password in a pipe record", "GET|/login?user=bo&password=Xy7#kk2|200|512", "GET|/login?user=bo&password=" + sec + "|200|512"},
		// quoted argument vectors
		{"mysql in an argv", `["mysql","-uadmin","-pQ9x-Lm2-Zt8"]`, `["mysql","-uadmin","-p` + sec + `"]`},
		{"repeated option pair", "execscript -sn SetPw -si 'bob' -si 'password' -si 'Wint3r!x'", "execscript -sn SetPw -si 'bob' -si 'password' -si '" + sec + "'"},
		{"repeated option, plain name", "execscript -si 'user' -si 'bob'", "execscript -si 'user' -si 'bob'"},
		// redis sentinel directive
		{"sentinel auth-pass", "sentinel auth-pass cache-primary Zr8#qq1w", "sentinel auth-pass cache-primary " + sec},
		{"sentinel monitor stays", "sentinel monitor cache-primary 10.0.0.5 6379 2", "sentinel monitor cache-primary " + ip4 + " 6379 2"},
		// request numbers and ids
		{"auth request number", "Auth: (5512) Login incorrect", "Auth: (5512) Login incorrect"},
		{"commit stays", "version=2.2.0, commit=0281778064, pid=1", "version=2.2.0, commit=0281778064, pid=1"},
		{"scn stays", "applied up to SCN 01789954726.", "applied up to SCN 01789954726."},
		{"hex session id is a number", "Established session 0x1f2e3d4c5b6a7980 with negotiated timeout 40000", "Established session 0x1f2e3d4c5b6a7980 with negotiated timeout 40000"},
		{"session token still a token", "session 9fQ2mX81LwPz7Rt5Vb3N expired", "session " + sec + " expired"},
		{"signed 64-bit id is no card", `{"uniqueQualifier":"-4111111111111111"}`, `{"uniqueQualifier":"-4111111111111111"}`},
		{"dashed card still a card", "card 4111-1111-1111-1111 ok", "card [REDACTED:payment_card] ok"},
		{"aws secret key without a digit", "aws configure set aws_secret_access_key /QWerTYuiOPasDFgh/jkLZxcv/BNMqwerTYuiOPa", "aws configure set aws_secret_access_key " + sec},
		{"caller id is a phone", `Calling-Station-Id = "01033217788"`, `Calling-Station-Id = "` + ph + `"`},
	})
}

// Attribute and map keys and SQL columns are names too.
func TestDenyByDefaultKeysAndColumns(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	counts := make([]int64, m.NumCounters())
	for _, tc := range []struct{ key, in, want string }{
		{"t_key", "Zq81mXv0Lw2Pr5T", "[REDACTED:secret]"},
		{"http.cookieVal", "aB3xY9qq", "[REDACTED:secret]"},
		{"salt", "Qm9Lz2", "[REDACTED:secret]"},
		{"cache.key", "user:42:profile", "user:42:profile"},
		{"api.key_id", "AKX2x9", "AKX2x9"},
		{"session.state", "ACTIVE_2", "ACTIVE_2"},
		{"x-auth", "Bearer", "Bearer"},
	} {
		got, _ := m.MaskString(tc.key, tc.in, counts)
		assert.Equal(t, tc.want, got, tc.key)
		again, _ := m.MaskString(tc.key, got, counts)
		assert.Equal(t, got, again, "idempotent: %s", tc.key)
	}
	got, _ := m.MaskString("", "INSERT INTO devices (name, t_key) VALUES ('kim', 'Zq81mXv0Lw2Pr5T')", counts)
	assert.Equal(t, "INSERT INTO devices (name, t_key) VALUES ('kim', '[REDACTED:secret]')", got)
	def := newTestMasker(t, Config{Detectors: DefaultDetectors()})
	got, _ = def.MaskString("t_key", "Zq81mXv0Lw2Pr5T", counts)
	assert.Equal(t, "Zq81mXv0Lw2Pr5T", got, "not in the default preset")
}
