package masking

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Mechanisms rather than formats (issue 11, generalisation): each case is
// a real-world syntax from public documentation of the tool, masked with
// every detector on; the look-alikes next to them must stay.

func TestVocabularyVariants(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"glued word split", "account_key=Xk9mz2Qw7", "account_key=" + sec},
		{"glued word camel", `{"AccountKey":"Xk9mz2Qw7"}`, `{"AccountKey":"` + sec + `"}`},
		{"phrase as compound", "MASTER_KEY=tiger536", "MASTER_KEY=" + sec},
		{"phrase as dotted", "db.signing.key: Kt8AIGkw9", "db.signing.key: " + sec},
		{"session id is a token", "session_id=a31sdMxkyBvIZsUtt1I3EIy5j0ki5", "session_id=" + sec},
		{"session id uuid stays", "session_id=7f7d7e5c-2f43-4c5a-9a55-0c6e1f6b4d21", "session_id=7f7d7e5c-2f43-4c5a-9a55-0c6e1f6b4d21"},
		{"key id stays", "key_id=a31sdMxkyBvIZsUtt1I3EIy5j0ki5", "key_id=a31sdMxkyBvIZsUtt1I3EIy5j0ki5"},
		{"pin code", "PINCODE=665622", "PINCODE=" + sec},
		{"pin code word stays", "pincode=disabled", "pincode=disabled"},
		{"keytool", "keytool -genkey -keystore app.jks -storepass St0re#Pass -keypass K3y#Pass", "keytool -genkey -keystore app.jks -storepass " + sec + " -keypass " + sec},
		{"snmp community", "snmp-server community Publ1cR0 RO", "snmp-server community " + sec + " RO"},
		{"snmp community word stays", "MySQL Community Server 8.0.36", "MySQL Community Server 8.0.36"},
		{"token type stays", `{"token_type":"Bearer","expires_in":3600}`, `{"token_type":"Bearer","expires_in":3600}`},
		{"max tokens stays", "max_tokens=4096 password_expires=2025-01-31", "max_tokens=4096 password_expires=2025-01-31"},
	})
}

func TestLabelsInProse(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"compound token label", "login failed: db.phpsessid ef23134b1662175952cdb2544823d946e6e40782 rejected", "login failed: db.phpsessid " + sec + " rejected"},
		{"base64 padding", "refresh_token KGtkm4PxHGua8DGtHxar/BNs8+K= rejected", "refresh_token " + sec + " rejected"},
		{"colon in password", "login failed: client_secret wnm@97:dJdp rejected", "login failed: client_secret " + sec + " rejected"},
		{"colon key value stays", "token type:bearer", "token type:bearer"},
		{"host port stays", "password db1:5432", "password db1:5432"},
		{"korean colon", "비번 zgk@47:Kyoe 로 변경", "비번 " + sec + " 로 변경"},
		{"dash base64url", "invalid api key -y3xTU9iLPxzH9e7zUpS_sgR8-GEuFO5", "invalid api key " + sec},
		{"path then protocol stays", `"POST /oauth/token HTTP/1.1" 200`, `"POST /oauth/token HTTP/1.1" 200`},
		{"kebab words stay", "gcloud auth activate-service-account --key-file=/secrets/key.json", "gcloud auth activate-service-account --key-file=/secrets/key.json"},
		{"path after refresh stays", "GET /api/token/refresh /v1/secret/data/db", "GET /api/token/refresh /v1/secret/data/db"},
	})
}

func TestPairSyntaxes(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"xml token element", "<phpsessid>93f6faf9d33b4025c9e696a0a33959ca</phpsessid>", "<phpsessid>" + sec + "</phpsessid>"},
		{"xml token element word stays", "<sessionState>active</sessionState>", "<sessionState>active</sessionState>"},
		{"redis config set", `1709546409.123456 [0 10.0.0.5:52144] "CONFIG" "SET" "requirepass" "N3wRedisPass!"`, `1709546409.123456 [0 [REDACTED:ipv4]:52144] "CONFIG" "SET" "requirepass" "` + sec + `"`},
		{"quoted argv", `args: ["--password", "Xk9#mz2Q", "--user", "app"]`, `args: ["--password", "` + sec + `", "--user", "app"]`},
		{"python bytes", `{'username': 'kim', 'password': b'Py#Bytes99'}`, `{'username': 'kim', 'password': b'` + sec + `'}`},
		{"php visibility", `object(User)#1 (2) { ["password":protected]=> string(10) "Php#Prop99" }`, `object(User)#1 (2) { ["password":protected]=> string(10) "` + sec + `" }`},
		{"ldap scheme", "userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g= mail: x", "userPassword: " + sec + " mail: x"},
		{"cisco type 0", "username admin password 0 Cisc0Pass!", "username admin password 0 " + sec},
		{"cisco type 5 hash", "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "enable secret 5 " + sec},
		{"hibernate 5 binder", "binding parameter [3] as [VARCHAR] - [Xk9#mz2Qw!]", "binding parameter [3] as [VARCHAR] - [" + sec + "]"},
		{"hibernate 6 binder", "binding parameter (2:VARCHAR) <- [Tq7vR2pLm9x]", "binding parameter (2:VARCHAR) <- [" + sec + "]"},
		{"binder name stays", "binding parameter (1:VARCHAR) <- [kim.minsu]", "binding parameter (1:VARCHAR) <- [kim.minsu]"},
		{"binder order stays", "binding parameter (1:VARCHAR) <- [ORD-20240304-603457]", "binding parameter (1:VARCHAR) <- [ORD-20240304-603457]"},
		{"binder product stays", "binding parameter (6:VARCHAR) <- [Win11Pro23H2]", "binding parameter (6:VARCHAR) <- [Win11Pro23H2]"},
		{"binder date stays", "binding parameter [2] as [TIMESTAMP] - [2024-03-04 10:00:01.0]", "binding parameter [2] as [TIMESTAMP] - [2024-03-04 10:00:01.0]"},
		{"oracle ezconnect", "sqlplus app/Or@cle99@//db1:1521/ORCLPDB1", "sqlplus app/" + sec + "@//db1:1521/ORCLPDB1"},
		{"oracle tns", "expdp system/Manag3r#1@ORCL schemas=shop", "expdp system/" + sec + "@ORCL schemas=shop"},
		{"npm scope stays", "npm install @scope/pkg2@1.2.3", "npm install @scope/pkg2@1.2.3"},
		{"git ref stays", "checkout org/repo2@main", "checkout org/repo2@main"},
	})
}

func TestTokenPaths(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"reset password", "GET /reset-password/9Zv6uFQglZKQZ9cNsRtG6L3AZQ 200", "GET /reset-password/" + sec + " 200"},
		{"invite accept", "GET /invite/accept/uejYW6tMnU_flnyUujP1IayIj5Www0I 200", "GET /invite/accept/" + sec + " 200"},
		{"hook", "POST /hooks/mhlOtz17oVUDQmZe6O4e6zvRN 204", "POST /hooks/" + sec + " 204"},
		{"slack workflow", "POST https://hooks.slack.com/workflows/T0123ABCD/A0123ABCD/456789012345678901/Qw8rT2yU4iO6pA1sD3fG5hJ7", "POST https://hooks.slack.com/workflows/T0123ABCD/A0123ABCD/456789012345678901/" + sec},
		{"office webhook", "https://outlook.office.com/webhook/a@b/IncomingWebhook/Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV/7f7d7e5c", "https://outlook.office.com/webhook/a@b/IncomingWebhook/" + sec + "/7f7d7e5c"},
		{"telegram bot", "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage", "https://api.telegram.org/bot123456789:" + sec + "/sendMessage"},
		{"order uuid stays", "GET /api/v1/orders/7f7d7e5c-2f43-4c5a-9a55-0c6e1f6b4d21 200", "GET /api/v1/orders/7f7d7e5c-2f43-4c5a-9a55-0c6e1f6b4d21 200"},
		{"commit stays", "GET /repos/shop/commits/29d59831a31e7e73fc1376baab91fcad8fc973c9 200", "GET /repos/shop/commits/29d59831a31e7e73fc1376baab91fcad8fc973c9 200"},
		{"provider stays", "GET /auth/callback/google 302", "GET /auth/callback/google 302"},
	})
}

func TestIPv4Notations(t *testing.T) {
	t.Parallel()
	const ip = "[REDACTED:ipv4]"
	checkGeneral(t, []generalCase{
		{"aws host", "connected to ip-10-1-2-3.ap-northeast-2.compute.internal", "connected to ip-" + ip + ".ap-northeast-2.compute.internal"},
		{"pod dns", "pod 10-244-1-17.default.pod.cluster.local ready", "pod " + ip + ".default.pod.cluster.local ready"},
		{"zero padded", "peer 010.001.020.003 accepted", "peer " + ip + " accepted"},
		{"mapped", "remote_addr=::ffff:10.0.0.1 port=443", "remote_addr=[REDACTED:ipv6] port=443"},
		{"dashed date stays", "backup-2024-03-04-12.tar.gz", "backup-2024-03-04-12.tar.gz"},
		{"dashed code stays", "order 10-20-30-40 shipped", "order 10-20-30-40 shipped"},
		{"dashed file stays", "rotate 1-2-3-4.log", "rotate 1-2-3-4.log"},
		{"padded version stays", "version 010.001.020", "version 010.001.020"},
	})
}

func TestOpaqueTokens(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors(), OpaqueTokens: true})
	off := newTestMasker(t, Config{Detectors: StrictDetectors()})
	for _, tc := range []generalCase{
		{"bare token", "upstream replied Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4 to kim", "upstream replied " + sec + " to kim"},
		{"base64 padding", "cache 9fQw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4/mA+== ok", "cache " + sec + " ok"},
		{"hex stays", "commit 29d59831a31e7e73fc1376baab91fcad8fc973c9 ok", "commit 29d59831a31e7e73fc1376baab91fcad8fc973c9 ok"},
		{"named id stays", "request_id=Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4", "request_id=Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4"},
		{"fingerprint stays", "ED25519 SHA256:k22LLyeLK4PEUXda95DrH6CN7YyTnCatTbSEqwPLi6G", "ED25519 SHA256:k22LLyeLK4PEUXda95DrH6CN7YyTnCatTbSEqwPLi6G"},
		{"camel case stays", "at org.springframework.web.servlet.DispatcherServlet.doDispatch1234(Dispatcher.java)", "at org.springframework.web.servlet.DispatcherServlet.doDispatch1234(Dispatcher.java)"},
		{"short stays", "id Qw8rT2yU4iO6pA1sD3fG5h", "id Qw8rT2yU4iO6pA1sD3fG5h"},
	} {
		counts := make([]int64, m.NumCounters())
		got, _ := m.MaskString("", tc.in, counts)
		assert.Equal(t, tc.want, got, tc.name)
		again, _ := m.MaskString("", got, counts)
		assert.Equal(t, got, again, "idempotent: %s", tc.name)
		plain, _ := off.MaskString("", tc.in, counts)
		if tc.want != tc.in {
			assert.Equal(t, tc.in, plain, "off by default: %s", tc.name)
		}
	}
}

func TestTablesAndNesting(t *testing.T) {
	t.Parallel()
	const em = "[REDACTED:email]"
	checkGeneral(t, []generalCase{
		{"csv escaped rows", `import users.csv: id,email,password\n7,kim@example.com,Xk9#mz2Q\n8,lee@example.com,Yk8$nz3R`,
			`import users.csv: id,email,password\n7,` + em + `,` + sec + `\n8,` + em + `,` + sec},
		{"csv rows", "id,password,role\n7,winter24,admin\n8,\"sunny 77\",user\n", "id,password,role\n7," + sec + ",admin\n8,\"" + sec + "\",user\n"},
		{"tsv", "user\tpasswd\nkim\tXk9mz2Q\n", "user\tpasswd\nkim\t" + sec + "\n"},
		{"header only stays", "user\tpassword\trole", "user\tpassword\trole"},
		{"short row ends the table", "id,password\n7,abc\nsummary done", "id,password\n7," + sec + "\nsummary done"},
		{"nested value", `{"secret":{"value":"Xk9#mz2Q"}}`, `{"secret":{"value":"` + sec + `"}}`},
		{"nested value plain key stays", `{"limit":{"value":"Xk9#mz2Q"}}`, `{"limit":{"value":"Xk9#mz2Q"}}`},
		{"xml encoder child", `<void property="password"><string>Xk9#mz2Q</string></void>`, `<void property="password"><string>` + sec + `</string></void>`},
		{"escaped newline ends value", `[database]\npassword = Xk9#mz2Q\nuser = app`, `[database]\npassword = ` + sec + `\nuser = app`},
		{"yaml tag", "api_key: !!str Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV", "api_key: !!str " + sec},
		{"rails token auth", `Authorization: Token token="Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV"`, `Authorization: Token token="` + sec + `"`},
		{"korean particle", "비밀번호를 Xk9#mz2Q(으)로 변경했습니다", "비밀번호를 " + sec + "(으)로 변경했습니다"},
		{"useradd hash", "useradd -m -p '$6$rounds=5000$saltsalt$Zk9mz2QwXk9mz2QwXk9mz2Qw' kim", "useradd -m -p '" + sec + "' kim"},
		{"oauth code", "https://app.example.com/auth/callback?code=Qw8rT2yU4iO6pA1sD3fG5hJ7&state=af0ifjsldkj", "https://app.example.com/auth/callback?code=" + sec + "&state=af0ifjsldkj"},
		{"status code stays", "GET /x?code=200&lang=ko", "GET /x?code=200&lang=ko"},
		{"query key word stays", "GET /products?key=summer-sale-2024 200", "GET /products?key=summer-sale-2024 200"},
		{"exception stays", "BadCredentialsException: Bad credentials", "BadCredentialsException: Bad credentials"},
		{"cisco type 7", "username admin privilege 15 password 7 094F471A1A0A", "username admin privilege 15 password 7 " + sec},
		{"error code stays", `{"code":"PAYMENT_DECLINED_51","message":"x"}`, `{"code":"PAYMENT_DECLINED_51","message":"x"}`},
		{"mfa token", "MFA token 482913 invalid", "MFA token " + sec + " invalid"},
	})
}

func TestDeviceAndHostCredentials(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"shadow", "kim:$6$saltsalt$Zk9mz2QwXk9mz2QwXk9mz2QwXk9mz2Qw:19000:0:99999:7:::", "kim:" + sec + ":19000:0:99999:7:::"},
		{"htpasswd", "kim:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/", "kim:" + sec},
		{"juniper", `authentication-key "$9$Qw8rT2yU4iO6pA1sD3"`, `authentication-key "` + sec + `"`},
		{"tacacs", "tacacs-server key 7 Tac4csKey99", "tacacs-server key 7 " + sec},
		{"isakmp", "crypto isakmp key Isakmp#Psk99 address 0.0.0.0", "crypto isakmp key " + sec + " address [REDACTED:ipv4]"},
		{"fortios", "set password ENC SH2Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV", "set password ENC " + sec},
		{"wpa psk", `psk="Wifi#Psk2024"`, `psk="` + sec + `"`},
		{"openssl -k", "openssl enc -aes-256-cbc -k Ossl#Key99 -in a -out b", "openssl enc -aes-256-cbc -k " + sec + " -in a -out b"},
		{"7z", "7z a -pSevenZ#99 out.7z a.txt", "7z a -p" + sec + " out.7z a.txt"},
		{"server.key file stays", "cert server.key password_file: ./secrets/db.txt", "cert server.key password_file: ./secrets/db.txt"},
		{"shell positional stays", `echo "$1$2$3 done"`, `echo "$1$2$3 done"`},
		{"price stays", "total $5$ discount", "total $5$ discount"},
	})
}

// From the second first contact (docs/benchmarks/masking-generalise-first-contact-2.txt).
func TestSecondFirstContact(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"bcrypt in sql values", "INSERT INTO members(email, pwd_hash) VALUES ('a', '$2b$12$Qw8rT2yU4iO6pA1sD3fG5uHJ7kL9zX0cV2bN4mQw8rT2yU4iO6pA1')", "INSERT INTO members(email, pwd_hash) VALUES ('a', '" + sec + "')"},
		{"sql placeholder stays", "INSERT INTO t (pwd) VALUES ($1)", "INSERT INTO t (pwd) VALUES ($1)"},
		{"windows event data", `<Data Name="Password">Win#Evt99</Data>`, `<Data Name="Password">` + sec + `</Data>`},
		{"korean pin", "예금주 김민수 / 비밀번호 4829", "예금주 김민수 / 비밀번호 " + sec},
		{"korean year stays", "비밀번호 2024 정책", "비밀번호 2024 정책"},
		{"ascii pin stays", "password 4829 times", "password 4829 times"},
	})
}

// Look-alikes of the vocabulary variants: the compound names of code
// phrases name properties as often as secrets.
func TestVariantLookAlikes(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"grant type", "grant_type=authorization_code&client_id=web", "grant_type=authorization_code&client_id=web"},
		{"sent flag", "verification_code_sent=true", "verification_code_sent=true"},
		{"license key path", "license_key_file=/etc/app/license.lic", "license_key_file=/etc/app/license.lic"},
		{"master key id", "master_key_id=mk-1", "master_key_id=mk-1"},
		{"session count", "session_count=42 session_id=17", "session_count=42 session_id=17"},
	})
}
