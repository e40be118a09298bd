package masking

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestContextDetectors covers the context layer: keys, labels, SQL
// columns, escapes and the bank_account detector, with every detector on.
func TestContextDetectors(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	tests := []struct {
		name, in, want string
	}{
		{"bank label ko", "환불 계좌: 신한 110-123-456789 확인", "환불 계좌: 신한 [REDACTED:bank_account] 확인"},
		{"bank name", "국민은행 123456-12-123456", "국민은행 [REDACTED:bank_account]"},
		{"bank glued", "계좌번호110-123-456789", "계좌번호[REDACTED:bank_account]"},
		{"bank kakao", "카카오뱅크 3333-12-3456789", "카카오뱅크 [REDACTED:bank_account]"},
		{"bank nh", "농협 301-1234-1234-12", "농협 [REDACTED:bank_account]"},
		{"bank key", "account_no=1002-123-456789 ok", "account_no=[REDACTED:bank_account] ok"},
		{"bank bare label", "acct=\"289459853498\"", "acct=\"[REDACTED:bank_account]\""},
		{"bank json nested", `{"refund_account":{"bank":"카카오뱅크","number":"110-657-173237"}}`, `{"refund_account":{"bank":"카카오뱅크","number":"[REDACTED:bank_account]"}}`},
		{"bare digits without context", "tracking 742895083546 shipped", "tracking 742895083546 shipped"},
		{"bank shape without context", "invoice 110-123-456789", "invoice 110-123-456789"},
		{"bare digits far from label", "account 42 locked at 1709514930 by admin", "account 42 locked at 1709514930 by admin"},
		{"order id", "계좌 ORD-20240304-603457 and 20240304-6713747", "계좌 ORD-20240304-603457 and 20240304-6713747"},
		{"sql insert", "INSERT INTO t (owner, access_key, secret) VALUES ('ops', 'AKIAIOSFODNN7EXAMPL', 's3cr3t')",
			"INSERT INTO t (owner, access_key, secret) VALUES ('ops', '[REDACTED:secret]', '[REDACTED:secret]')"},
		{"sql multi-row", "INSERT INTO m (name, email, account_no) VALUES ('김', 'a@example.com', '110-123-456789'), ('이', 'b@example.com', '1234567890123')",
			"INSERT INTO m (name, email, account_no) VALUES ('김', '[REDACTED:email]', '[REDACTED:bank_account]'), ('이', '[REDACTED:email]', '[REDACTED:bank_account]')"},
		{"sql set", "UPDATE m SET account_no = '3333-12-3456789' WHERE id = 4", "UPDATE m SET account_no = '[REDACTED:bank_account]' WHERE id = 4"},
		{"sql placeholders", "insert into m (account_no, pwd) values (?, ?)", "insert into m (account_no, pwd) values (?, ?)"},
		{"aws pair", "keys AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY used", "keys [REDACTED:access_key] [REDACTED:secret] used"},
		{"token label", "Token ijF2cEumvsMXv59dvtyY07pu-FKnRVn8Jmo expired", "Token [REDACTED:secret] expired"},
		{"token label dotted", "token eYwmRF1M.cPnw7r5Vhl2JD43DsFLaXaJBEtl.bYy2s0.", "token [REDACTED:secret]."},
		{"token letters only", "Token s.umoHAetEelmVYNVBXTtJFYej expired", "Token [REDACTED:secret] expired"},
		{"token camel case word", "token AuthenticationFailedException thrown", "token AuthenticationFailedException thrown"},
		{"working directory", "sudo: deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root", "sudo: deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root"},
		{"pwd password", "login pwd=/x9Tiger db_pwd=/home1", "login pwd=[REDACTED:secret] db_pwd=[REDACTED:secret]"},
		{"token label word", "token refresh failed for session abc", "token refresh failed for session abc"},
		{"session uuid", "session 7808eb5b-41f4-47d2-87d6-044b7d2c2c80 expired", "session 7808eb5b-41f4-47d2-87d6-044b7d2c2c80 expired"},
		{"session key", "GET /x?next=%2Fmy&session=d5a9aa8fccdb492d817048978f5682dd HTTP/1.1", "GET /x?next=%2Fmy&session=[REDACTED:secret] HTTP/1.1"},
		{"session key plain", "session=expired", "session=expired"},
		{"percent email", "GET /login?email=kim%40example.com&lang=ko", "GET /login?email=[REDACTED:email]&lang=ko"},
		{"percent email path", "/u/kim.minsu%40example.co.kr/profile", "/u/[REDACTED:email]/profile"},
		{"percent phone", "?tel=%2B82%2010-1234-5678 x", "?tel=[REDACTED:phone] x"},
		{"json unicode escape", `{"mail":"kim\u0040example.com","note":"a\"b"}`, `{"mail":"[REDACTED:email]","note":"a\"b"}`},
		{"percent kv", "q=password%3Dhunter2", "q=password%3D[REDACTED:secret]"},
		{"escaped json pwd", `body="{\"user\":\"kim\",\"pwd\":\"Tiger#42\"}"`, `body="{\"user\":\"kim\",\"pwd\":\"[REDACTED:secret]\"}"`},
		{"korean password colon", "임시 비밀번호: Xy7#abc 발송", "임시 비밀번호: [REDACTED:secret] 발송"},
		{"korean password eq", "비밀번호=DZnnw49!hMXL 재설정", "비밀번호=[REDACTED:secret] 재설정"},
		{"passwd yaml", "  passwd: S3cr3t!", "  passwd: [REDACTED:secret]"},
		{"nanp parens", "call +1 (415) 555-2671 now", "call [REDACTED:phone] now"},
		{"uk parens", "tel +44 (20) 7946 0958", "tel [REDACTED:phone]"},
		{"chrome version", "Chrome/124.0.0.0 Whale/3.25.182.22 v7.4.2.1 agent-1.2.3.4", "Chrome/124.0.0.0 Whale/3.25.182.22 v7.4.2.1 agent-1.2.3.4"},
		{"upstream ip", "upstream=10.0.0.1:8443 xff=\"203.0.113.7, 10.1.2.3\"", "upstream=[REDACTED:ipv4]:8443 xff=\"[REDACTED:ipv4], [REDACTED:ipv4]\""},
		{"access log start", "203.0.113.7 - - [04/Mar/2024:10:15:30 +0900] \"GET / HTTP/1.1\" 200", "[REDACTED:ipv4] - - [04/Mar/2024:10:15:30 +0900] \"GET / HTTP/1.1\" 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counts := make([]int64, m.NumCounters())
			got, _ := m.MaskString("", tt.in, counts)
			assert.Equal(t, tt.want, got)
			again, changed := m.MaskString("", got, counts)
			assert.Equal(t, got, again, "idempotent")
			assert.False(t, changed)
		})
	}
}

func TestNativeWordsStartingASCII(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors(), BankKeys: []string{"KB국민"}})
	counts := make([]int64, m.NumCounters())
	got, _ := m.MaskString("", "KB국민 110-123-456789, 신한 110-123-456789", counts)
	assert.Equal(t, "KB국민 [REDACTED:bank_account], 신한 110-123-456789", got, "only the configured words")
}

func TestKeyContext(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	counts := make([]int64, m.NumCounters())
	for _, tt := range []struct{ key, in, want string }{
		{"bank_account", "110-123-456789", "[REDACTED:bank_account]"},
		{"refund_account.number", "3333-12-3456789", "[REDACTED:bank_account]"},
		{"account_id", "1234567890", "1234567890"},
		{"session_id", "d5a9aa8fccdb492d817048978f5682dd", "[REDACTED:secret]"}, // a PHP session id
		{"session_id", "7f7d7e5c-2f43-4c5a-9a55-0c6e1f6b4d21", "7f7d7e5c-2f43-4c5a-9a55-0c6e1f6b4d21"},
		{"session_id", "48213", "48213"},
		{"key_id", "d5a9aa8fccdb492d817048978f5682dd", "d5a9aa8fccdb492d817048978f5682dd"},
		{"jsessionid", "d5a9aa8fccdb492d817048978f5682dd", "[REDACTED:secret]"},
		{"session", "started", "started"},
		{"비밀번호", "abc", "[REDACTED:secret]"},
	} {
		got, _ := m.MaskString(tt.key, tt.in, counts)
		assert.Equal(t, tt.want, got, tt.key)
	}
	got, ok := m.MaskInt("account_no", 1234567890123, counts)
	assert.True(t, ok)
	assert.Equal(t, "[REDACTED:bank_account]", got)
	_, ok = m.MaskInt("count", 1234567890, counts)
	assert.False(t, ok)
}
