package masking

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func allDetectors() []Detector {
	ds := DefaultDetectors()
	return append(ds, Detector{Kind: IPv4}, Detector{Kind: IPv6})
}

func newTestMasker(t testing.TB, cfg Config) *Masker {
	t.Helper()
	if cfg.Detectors == nil {
		cfg.Detectors = allDetectors()
	}
	m, err := New(cfg)
	require.NoError(t, err)
	return m
}

func TestMaskStringDetectors(t *testing.T) {
	m := newTestMasker(t, Config{})
	tests := []struct {
		name, in, want string
	}{
		{"email", "mail from john.doe+x@mail.example.co.kr ok", "mail from [REDACTED:email] ok"},
		{"email korean adjacent", "담당자hong@naver.com입니다", "담당자[REDACTED:email]입니다"},
		{"email trailing dot", "write to a.b@example.com.", "write to [REDACTED:email]."},
		{"email file name is not", "icon name@2x.png", "icon name@2x.png"},
		{"java object is not", "java.lang.Object@1b6d3586", "java.lang.Object@1b6d3586"},
		{"card visa", "card=4111111111111111 exp", "card=[REDACTED:payment_card] exp"},
		{"card spaced", "pan 4111 1111 1111 1111, ok", "pan [REDACTED:payment_card], ok"},
		{"card dashed", "pan 5500-0000-0000-0004.", "pan [REDACTED:payment_card]."},
		{"card amex", "amex 3782 822463 10005", "amex [REDACTED:payment_card]"},
		{"card then number", "4111 1111 1111 1111 2025", "[REDACTED:payment_card] 2025"},
		{"card luhn fail", "num 4111111111111112", "num 4111111111111112"},
		{"epoch millis", "ts=1700000000009", "ts=1700000000009"},
		{"order id", "order ORD-4111111111111111 shipped", "order ORD-4111111111111111 shipped"},
		{"too long", "id 41111111111111111111111", "id 41111111111111111111111"},
		{"rrn dashed", "주민번호 900101-1234567 확인", "주민번호 [REDACTED:kr_rrn] 확인"},
		{"rrn foreigner", "외국인 010203-5123456", "외국인 [REDACTED:kr_rrn]"},
		{"rrn bad date", "x 901301-1234567", "x 901301-1234567"},
		{"rrn bad gender", "x 900101-9234567", "x 900101-9234567"},
		{"rrn undashed valid", "x 9001011234568", "x [REDACTED:kr_rrn]"},
		{"rrn undashed needs check digit", "x 9001011234567", "x 9001011234567"},
		{"mobile", "tel 010-1234-5678.", "tel [REDACTED:phone]."},
		{"mobile contiguous", "tel:01012345678", "tel:[REDACTED:phone]"},
		{"seoul", "(02) x 02-123-4567", "(02) x [REDACTED:phone]"},
		{"parenthesised area", "tel (031) 123-4567, (02)1234 5678", "tel [REDACTED:phone], [REDACTED:phone]"},
		{"landline", "031 123 4567 call", "[REDACTED:phone] call"},
		{"plus82", "call +82-10-1234-5678 now", "call [REDACTED:phone] now"},
		{"plus82 trunk", "call +82 (0)10 1234 5678", "call [REDACTED:phone]"},
		{"e164", "us +14155552671", "us [REDACTED:phone]"},
		{"tz offset", "2024-01-15T10:30:00+09:00", "2024-01-15T10:30:00+09:00"},
		{"ipv4", "from 192.168.10.20:443", "from [REDACTED:ipv4]:443"},
		{"oid", "oid 1.3.6.1.2.1.1.5.0", "oid 1.3.6.1.2.1.1.5.0"},
		{"version", "v1.2.3.4 and 10.2.3.4.5", "v1.2.3.4 and 10.2.3.4.5"},
		{"ipv6", "peer [2001:db8::1]:443 fe80::1%eth0", "peer [[REDACTED:ipv6]]:443 [REDACTED:ipv6]%eth0"},
		{"time", "at 10:30:00 and std::vector", "at 10:30:00 and std::vector"},
		{"mac", "mac aa:bb:cc:dd:ee:ff", "mac aa:bb:cc:dd:ee:ff"},
		{"jwt", "tok eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U x",
			"tok [REDACTED:jwt] x"},
		{"akia", "key AKIAIOSFODNN7EXAMPLE used", "key [REDACTED:access_key] used"},
		{"akia too short", "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPL"},
		{"github", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "[REDACTED:access_key]"},
		{"bearer", "Authorization: Bearer abc.def", "Authorization: Bearer [REDACTED:secret]"},
		{"bearer free", "sent bearer 9f8a7b6c5d4e3f2a1b0c token", "sent bearer [REDACTED:auth_header] token"},
		{"bearer word", "bearer authentication required", "bearer authentication required"},
		{"basic", "hdr basic dXNlcjpwYXNzd29yZA== ok", "hdr basic [REDACTED:auth_header] ok"},
		{"basic text", "basic information here", "basic information here"},
		{"kv", "user=bob password=hunter2 next", "user=bob password=[REDACTED:secret] next"},
		{"kv colon", "DB_PASSWORD: s3cr3t!", "DB_PASSWORD: [REDACTED:secret]"},
		{"json", `{"user":"bob","password":"p@ss \"w\"","n":1}`, `{"user":"bob","password":"[REDACTED:secret]","n":1}`},
		{"camel", `apiKey = 'abc123'`, `apiKey = '[REDACTED:secret]'`},
		{"query", "GET /x?access_token=abc&y=1", "GET /x?access_token=[REDACTED:secret]&y=1"},
		{"not a secret key", "max_tokens=100 tokens=5", "max_tokens=100 tokens=5"},
		{"sql identified", "CREATE USER bob IDENTIFIED BY 'Tiger#1';", "CREATE USER bob IDENTIFIED BY '[REDACTED:secret]';"},
		{"sql password", "ALTER ROLE app WITH PASSWORD 'x1y2';", "ALTER ROLE app WITH PASSWORD '[REDACTED:secret]';"},
		{"dsn", "dial postgres://app:S3cr3t@db.internal:5432/orders failed", "dial postgres://app:[REDACTED:secret]@db.internal:5432/orders failed"},
		{"dsn raw at", "redis://:p@ss@cache:6379/0", "redis://:[REDACTED:secret]@cache:6379/0"},
		{"url without password", "GET https://example.com:8443/x?y=1 and ftp://anon@host/", "GET https://example.com:8443/x?y=1 and ftp://anon@host/"},
		{"bearer jwt header", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig", "Authorization: Bearer [REDACTED:secret]"},
		{"aws secret", "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key=[REDACTED:secret]"},
		{"korean spaced phone", "전화: 010 1234 5678, 팩스 02.123.4567", "전화: [REDACTED:phone], 팩스 [REDACTED:phone]"},
		{"seoul intl", "call +82 2 123 4567.", "call [REDACTED:phone]."},
		{"angle email", "From: \"Kim\" <Kim.Minsu@Example.COM>", "From: \"Kim\" <[REDACTED:email]>"},
		{"json card", `{"card_number":"4111-1111-1111-1111","ssn":"900101-1234567"}`, `{"card_number":"[REDACTED:payment_card]","ssn":"[REDACTED:kr_rrn]"}`},
		{"pre-masked", "password=*** token: ****", "password=*** token: ****"},
		{"pem", "key -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY----- ok", "key -----BEGIN RSA PRIVATE KEY-----[REDACTED:secret]-----END RSA PRIVATE KEY----- ok"},
		{"pem public", "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----"},
		{"xml", "<auth><user>bob</user><ns:Password>Tiger#1</ns:Password></auth>", "<auth><user>bob</user><ns:Password>[REDACTED:secret]</ns:Password></auth>"},
		{"xml empty", "<password></password><token/>", "<password></password><token/>"},
		{"uuid", "id 123e4567-e89b-12d3-a456-426614174000", "id 123e4567-e89b-12d3-a456-426614174000"},
		{"clean", "GET /index.html 200 1234 0.012", "GET /index.html 200 1234 0.012"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counts := make([]int64, m.NumCounters())
			got, changed := m.MaskString("", tt.in, counts)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in != tt.want, changed)
			again, changed2 := m.MaskString("", got, counts)
			assert.Equal(t, got, again, "idempotent")
			assert.False(t, changed2)
		})
	}
}

func TestActions(t *testing.T) {
	key := []byte(strings.Repeat("k", 32))
	m := newTestMasker(t, Config{
		Detectors: []Detector{
			{Kind: Email, Action: Action{Kind: Hash}},
			{Kind: PaymentCard, Action: Action{Kind: Partial, KeepLast: 4}, Numbers: true},
			{Kind: Secret, Numbers: true},
		},
		HashKey: key,
		Rules:   []Rule{{Name: "emp", Pattern: `EMP-\d{6}`, Keys: []string{"user.*"}, Action: Action{Kind: Partial, KeepLast: 2}}},
	})
	counts := make([]int64, m.NumCounters())
	a, _ := m.MaskString("", "a@example.com b@example.com a@example.com", counts)
	parts := strings.Fields(a)
	require.Len(t, parts, 3)
	assert.Equal(t, parts[0], parts[2], "same value, same pseudonym")
	assert.NotEqual(t, parts[0], parts[1])
	assert.Regexp(t, `^\[HASH:email:[a-z2-7]{16}\]$`, parts[0])
	assert.EqualValues(t, 3, counts[Email])

	got, _ := m.MaskString("", "card 4111-1111-1111-1111", counts)
	assert.Equal(t, "card ***************1111", got)

	got, ok := m.MaskInt("amount", 4111111111111111, counts)
	assert.True(t, ok)
	assert.Equal(t, "************1111", got)
	_, ok = m.MaskInt("amount", 4111111111111112, counts)
	assert.False(t, ok)
	got, ok = m.MaskInt("pin_password", 1234, counts)
	assert.True(t, ok)
	assert.Equal(t, "[REDACTED:secret]", got)

	got, _ = m.MaskString("user.id", "EMP-123456", counts)
	assert.Equal(t, "********56", got)
	got, _ = m.MaskString("other", "EMP-123456", counts)
	assert.Equal(t, "EMP-123456", got, "key filter")
	assert.EqualValues(t, 1, counts[NumKinds])
	assert.Equal(t, "emp", m.CounterName(int(NumKinds)))

	got, _ = m.MaskString("db.password", "hunter2", counts)
	assert.Equal(t, "[REDACTED:secret]", got)
}

func TestKeys(t *testing.T) {
	m := newTestMasker(t, Config{IncludeKeys: []string{"http.*", "body"}, ExcludeKeys: []string{"http.user_agent"}})
	assert.True(t, m.Inspect("http.url"))
	assert.True(t, m.Inspect("body"))
	assert.False(t, m.Inspect("http.user_agent"))
	assert.False(t, m.Inspect("service.name"))
	for _, k := range []string{"password", "db.password", "dbPassword", "X-Api-Key", "client_secret", "http.request.header.authorization", "password_value", "secret.token"} {
		assert.True(t, m.SecretKey(k), k)
	}
	for _, k := range []string{"tokens", "max_tokens", "user", "passenger", "bypass", "token_count", "secretName", "password_expires_at", "api_key_id"} {
		assert.False(t, m.SecretKey(k), k)
	}
}

func TestConfigErrorsNameField(t *testing.T) {
	tests := []struct {
		cfg  Config
		want string
	}{
		{Config{Rules: []Rule{{Name: "r", Pattern: "("}}}, "rules[0]::pattern"},
		{Config{Rules: []Rule{{Name: "r", Pattern: "a*"}}}, "matches the empty string"},
		{Config{Rules: []Rule{{Name: "email", Pattern: "x"}}}, "rules[0]::name"},
		{Config{Detectors: []Detector{{Kind: Email, Action: Action{Kind: Hash}}}}, "hash_key: required"},
		{Config{Detectors: []Detector{{Kind: Email, Action: Action{Kind: Hash}}}, HashKey: []byte("short")}, "hash_key: must be at least 32"},
		{Config{Detectors: []Detector{{Kind: Email, Numbers: true}}}, "detectors::email::numbers"},
		{Config{Detectors: []Detector{{Kind: Email, Action: Action{Kind: Partial, KeepLast: -1}}}}, "detectors::email"},
	}
	for _, tt := range tests {
		_, err := New(tt.cfg)
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
}

func TestCleanStringDoesNotAllocate(t *testing.T) {
	m := newTestMasker(t, Config{Detectors: DefaultDetectors()})
	counts := make([]int64, m.NumCounters())
	lines := []string{
		`127.0.0.1 - - [15/Jan/2024:10:30:00 +0900] "GET /api/v1/items/12345?page=2 HTTP/1.1" 200 5123 "-" "Mozilla/5.0"`,
		`{"level":"info","ts":"2024-01-15T10:30:00.123Z","msg":"request done","duration_ms":12.5,"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}`,
		`# Query_time: 2.000123  Lock_time: 0.000045 Rows_sent: 10  Rows_examined: 123456 SELECT * FROM orders WHERE id = 42;`,
		`Jan 15 10:30:00 sw01 %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up (oid 1.3.6.1.2.1.2.2.1.8)`,
	}
	for _, l := range lines {
		allocs := testing.AllocsPerRun(100, func() {
			out, changed := m.MaskString("", l, counts)
			if changed || out != l {
				t.Fatalf("clean line changed: %q", out)
			}
		})
		assert.Zero(t, allocs, l)
	}
}
