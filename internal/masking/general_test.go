package masking

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// generalCase is an input and its expected output with every detector on.
type generalCase struct{ name, in, want string }

// checkGeneral masks each case with every detector (strict) and checks the
// output and idempotence.
func checkGeneral(t *testing.T, tests []generalCase) {
	t.Helper()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	for _, tc := range tests {
		counts := make([]int64, m.NumCounters())
		got, _ := m.MaskString("", tc.in, counts)
		assert.Equal(t, tc.want, got, tc.name)
		again, _ := m.MaskString("", got, counts)
		assert.Equal(t, got, again, "idempotent: %s", tc.name)
	}
}

// Well-known token families anywhere in text, and words with the same
// prefixes that must stay.
func TestTokenFamilies(t *testing.T) {
	t.Parallel()
	const ak = "[REDACTED:access_key]"
	checkGeneral(t, []generalCase{
		{"slack bot", "posting with xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx now", "posting with " + ak + " now"},
		{"slack app", "xapp-1-A0123BCDE45-1234567890123-0a1b2c3d4e5f", ak},
		{"openai project", "OPENAI key sk-proj-AbC123dEf456GhI789jKl012MnO345pQr678 set", "OPENAI key " + ak + " set"},
		{"anthropic", "using sk-ant-api03-AbC123dEf456GhI789jKl012MnO345pQr678StU901-xyZ", "using " + ak},
		{"sk- word", "installed sk-learn-preprocessing-pipeline-module-x", "installed sk-learn-preprocessing-pipeline-module-x"},
		{"google oauth", "got ya29.a0AfH6SMBx3ZsdR8a1b2c3d4e5f6g7h8i9j0kLmN", "got " + ak},
		{"sendgrid", "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", ak},
		{"npm", "//registry.npmjs.org/:_authToken=npm_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5", "//registry.npmjs.org/:_authToken=[REDACTED:secret]"},
		{"npm bare", "publish with npm_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 ok", "publish with " + ak + " ok"},
		{"pypi", "pypi-AgEIcHlwaS5vcmcCJGE4ZDQ5NjQ1LWQ3ZWYtNGFkNS1iZjY2LTYwOGM4ZDg0YTQ1OQ", ak},
		{"hugging face", "HF hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", "HF " + ak},
		{"hf word", "hf_model_name_for_the_long_running_job", "hf_model_name_for_the_long_running_job"},
		{"digitalocean", "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ak},
		{"shopify", "shpat_0123456789abcdef0123456789abcdef", ak},
		{"github fine-grained", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW", ak},
		{"stripe webhook", "whsec_abcdefghijklmnopqrstuvwxyz012345", ak},
		{"stripe publishable", "pk_live_abcdefghijklmnopqrstuvwx", ak},
		{"twilio", "SK0123456789abcdef0123456789abcdef", ak},
		{"twilio-like word", "SKIPPINGTHEREMAININGTESTSOFTHISSUITE", "SKIPPINGTHEREMAININGTESTSOFTHISSUITE"},
		{"vault", "hvs.CAESIJ1bcD2eFg3HiJ4kLm5NoP6qRs7TuV8wXy9Z", ak},
		{"gitlab runner", "glrt-abcDEF123ghiJKL456mn", ak},
		{"aws temporary", "ASIAY34FZKBOKMUTVV7A", ak},
		{"databricks", "dapi0123456789abcdef0123456789abcdef", ak},
		{"data word", "dapinstance", "dapinstance"},
	})
}

const sec = "[REDACTED:secret]"

// A secret label and its value, whatever stands between them.
func TestLabelValueAnySyntax(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"go assign", `password := "h4x0rPass"`, `password := "` + sec + `"`},
		{"arrow", "db_password -> Xk9mz2Qw", "db_password -> " + sec},
		{"tab", "password\t=\tXk9mz2Qw", "password\t=\t" + sec},
		{"bracket key", "user[password]=Xk9mz2Qw&user[email]=a", "user[password]=" + sec + "&user[email]=a"},
		{"connector is", "user password is Hunter2xyz", "user password is " + sec},
		{"connector set to", "password set to Qwerty123!", "password set to " + sec},
		{"connector reset to", "password was reset to Xk9mz2Qw!", "password was reset to " + sec},
		{"connector plain", "the password was changed", "the password was changed"},
		{"connector required", "password is required", "password is required"},
		{"compound snake", "DB_PASSWORD is Xk9mz2Qw", "DB_PASSWORD is " + sec},
		{"compound camel", "newPassword changed to Xk9mz2Qw", "newPassword changed to " + sec},
		{"compound glued", "dbpassword: Xk9mz2Qw", "dbpassword: " + sec},
		{"compound glued upper", "DBPASSWORD Xk9mz2Qw!", "DBPASSWORD " + sec},
		{"compound kebab", "x-private-key: Xk9mz2Qw", "x-private-key: " + sec},
		{"compound dotted label", "spring.datasource.password Xk9mz2Qw", "spring.datasource.password " + sec},
		{"csrftoken", "Cookie: csrftoken=AbC123dEf456GhI789jKl012", "Cookie: csrftoken=" + sec},
		{"phrase api key", "API key: a1b2c3d4", "API key: " + sec},
		{"phrase label", "verification code 583920", "verification code " + sec},
		{"quoted after label", `passphrase "correct horse battery staple"`, `passphrase "` + sec + `"`},
		{"quoted plain", `token "expired" for user`, `token "expired" for user`},
		{"name value pair", `"name":"password","value":"Zx9!mnb7"`, `"name":"password","value":"` + sec + `"`},
		{"xml add key", `<add key="DbPassword" value="Pa55word!x"/>`, `<add key="DbPassword" value="` + sec + `"/>`},
		{"xml attributes", `<Password type="PasswordText">Xk9mz2Qw</Password>`, `<Password type="PasswordText">` + sec + `</Password>`},
		{"escaped xml", "&lt;password&gt;Xk9mz2Qw&lt;/password&gt;", "&lt;password&gt;" + sec + "&lt;/password&gt;"},
		{"code key", "otp=483920 pin: 4821 db-pass: Pa55word!x", "otp=" + sec + " pin: " + sec + " db-pass: " + sec},
		{"code key plain", "auth=ok pin=true pass=yes auth_method=password", "auth=ok pin=true pass=yes auth_method=password"},
		{"code key not last", "auth_duration_ms=1234 pin_count=3", "auth_duration_ms=1234 pin_count=3"},
		{"korean particle glued", "비밀번호가 Abcd1234!로 초기화되었습니다", "비밀번호가 " + sec + "로 초기화되었습니다"},
		{"korean short label", "비번: qwer1234!", "비번: " + sec},
		{"korean code", "인증번호는 483920 입니다", "인증번호는 " + sec + " 입니다"},
		{"korean bracket", "인증번호 [483920]를 입력하세요", "인증번호 [" + sec + "]를 입력하세요"},
		{"korean predicate code", "인증번호 발급: 687215", "인증번호 발급: " + sec},
		{"korean status", "인증번호 발송 완료", "인증번호 발송 완료"},
		{"korean words between", `text="비밀번호 재설정 코드 448213"`, `text="비밀번호 재설정 코드 ` + sec + `"`},
		{"korean words then colon", "인증번호 6자리 발송: 482913", "인증번호 6자리 발송: " + sec},
		{"ascii code word then korean key", "OTP 번호: 552211", "OTP 번호: " + sec},
		{"korean digits word", "계좌 비밀번호 4자리 1234", "계좌 비밀번호 4자리 " + sec},
		{"korean label in parentheses", "패스워드 재발급 완료 (임시: Xy7#k2Lm)", "패스워드 재발급 완료 (임시: " + sec + ")"},
		{"korean security card", "보안카드 번호 1234 입력", "보안카드 번호 " + sec + " 입력"},
		{"korean status after colon", "비밀번호 변경 결과: 완료", "비밀번호 변경 결과: 완료"},
		{"korean words then date", "비밀번호 변경 완료 20240304", "비밀번호 변경 완료 20240304"},
		{"korean words then strong", "임시 비밀번호 안내 메일 Xk9#mz2Q 발송", "임시 비밀번호 안내 메일 " + sec + " 발송"},
		{"placeholders", "password=${DB_PASSWORD} token={{ t }} secret=%(s)s pw=(sensitive value)", "password=${DB_PASSWORD} token={{ t }} secret=%(s)s pw=(sensitive value)"},
		{"ansible", `"password": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"`, `"password": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"`},
		{"qualifiers", "secret_version=3 token_endpoint=https://idp/token password_min_length=8", "secret_version=3 token_endpoint=https://idp/token password_min_length=8"},
		{"connection string", "Server=db1;Uid=sa;Pwd=Qw3rty!23;", "Server=db1;Uid=sa;Pwd=" + sec + ";"},
		{"azure storage", "AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIz==;EndpointSuffix=core.windows.net", "AccountName=acct;AccountKey=" + sec + ";EndpointSuffix=core.windows.net"},
		{"azure sas", "SharedAccessKeyName=Root;SharedAccessKey=abcDEF123ghiJKL456=", "SharedAccessKeyName=Root;SharedAccessKey=" + sec},
		{"subscription key", "Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef", "Ocp-Apim-Subscription-Key: " + sec},
		{"token label short", "token is S2G1bAw3", "token is " + sec},
		{"token label jwt", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "token [REDACTED:jwt]"},
		{"token label key=value", "https://idp/token password_min_length=8", "https://idp/token password_min_length=8"},
		{"label a few words back", "Password for user bob: Xk9mz2Qw", "Password for user bob: " + sec},
		{"label a few words back, user", "Failed password for user: admin01", "Failed password for user: admin01"},
		{"form data", "Content-Disposition: form-data; name=\"password\"\r\n\r\nXk9mz2Qw\r\n--boundary", "Content-Disposition: form-data; name=\"password\"\r\n\r\n" + sec + "\r\n--boundary"},
		{"form data other field", "Content-Disposition: form-data; name=\"user\"\r\n\r\nbob01\r\n", "Content-Disposition: form-data; name=\"user\"\r\n\r\nbob01\r\n"},
		{"header pair", `{"header":"Authorization","value":"Bearer abc123def456ghi789"}`, `{"header":"Authorization","value":"` + sec + `"}`},
		{"auth methods", "auth=SCRAM-SHA-256 auth: oauth2 auth=Basic", "auth=SCRAM-SHA-256 auth: oauth2 auth=Basic"},
		{"key file paths", "private_key=/etc/ssl/private/server.key password_file: ./secrets/db.txt --private-key ~/.ssh/id_rsa", "private_key=/etc/ssl/private/server.key password_file: ./secrets/db.txt --private-key ~/.ssh/id_rsa"},
		{"slash password", "pwd=/x9Tiger", "pwd=" + sec},
		{"pgp key block", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----", "-----BEGIN PGP PRIVATE KEY BLOCK-----" + sec + "-----END PGP PRIVATE KEY BLOCK-----"},
		{"public key stays", "-----BEGIN PUBLIC KEY-----\nMIIBIj\n-----END PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\nMIIBIj\n-----END PUBLIC KEY-----"},
		{"path token", "GET /api/v1/token/9f8e7d6c5b4a39281706f5e4d3c2b1a0?x=1 HTTP/1.1", "GET /api/v1/token/" + sec + "?x=1 HTTP/1.1"},
		{"path reset", "POST /password/reset/AbC123dEf456GhI789jKl0 200", "POST /password/reset/" + sec + " 200"},
		{"path plain", "GET /api/token/refresh /v1/secret/data/db /reset/password", "GET /api/token/refresh /v1/secret/data/db /reset/password"},
		{"azure client secret", "clientCredential Abc8Q~xYz1234567890abcdefghijklmnopqrs used", "clientCredential " + sec + " used"},
		{"pin with korean noun", "PIN번호: 1234 OTP코드 482913", "PIN번호: " + sec + " OTP코드 " + sec},
		{"go header map", "map[Content-Type:[application/json] X-Api-Key:[abcd1234efgh5678]]", "map[Content-Type:[application/json] X-Api-Key:[" + sec + "]]"},
		{"json one-element list", `"password": ["Xk9mz2Qw"]`, `"password": ["` + sec + `"]`},
		{"list placeholder", "password: [FILTERED] token: [] secret: [a, b]", "password: [FILTERED] token: [] secret: [a, b]"},
		{"xml attribute label", `<entry key="password">Xk9mz2Qw</entry><entry key="user">bob</entry>`, `<entry key="password">` + sec + `</entry><entry key="user">bob</entry>`},
		{"php var_dump", `["password"]=> string(8) "Xk9mz2Qw"`, `["password"]=> string(8) "` + sec + `"`},
		{"php print_r", "[password] => Xk9mz2Qw", "[password] => " + sec},
		{"ids stay", "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 request_id=8f14e45fceea167a5a36dedd4bea2543", "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 request_id=8f14e45fceea167a5a36dedd4bea2543"},
		{"commit and order", "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 ORD-20240304-603457", "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 ORD-20240304-603457"},
	})
}

// Credentials on command lines and in URLs and DSNs.
func TestCommandLineCredentials(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"mysql glued", "mysql -uroot -pS3cr3tPass! -h db1 shop", "mysql -uroot -p" + sec + " -h db1 shop"},
		{"mysql quoted", "mysql -u root -p'Xy7#kq9L' shop", "mysql -u root -p'" + sec + "' shop"},
		{"mysql spaced is a database", "mysql -u root -p shop", "mysql -u root -p shop"},
		{"mysqldump in sudo", "COMMAND=/usr/bin/mysqldump -uroot -pXy7kq9 shop", "COMMAND=/usr/bin/mysqldump -uroot -p" + sec + " shop"},
		{"other -p", "docker run -p 8080:80 nginx", "docker run -p 8080:80 nginx"},
		{"redis-cli", "redis-cli -h 10.0.0.5 -a Rd1sP4ss! ping", "redis-cli -h [REDACTED:ipv4] -a " + sec + " ping"},
		{"sshpass", "sshpass -p 'Sup3rS3cret' ssh admin@host", "sshpass -p '" + sec + "' ssh admin@host"},
		{"mongo", "mongosh -u admin -p Xk9mz2Qw --authenticationDatabase admin", "mongosh -u admin -p " + sec + " --authenticationDatabase admin"},
		{"mongo prompt", "mongo -u admin -p --authenticationDatabase admin", "mongo -u admin -p --authenticationDatabase admin"},
		{"ldapsearch", "ldapsearch -x -D cn=admin -w Xk9mz2Qw -b dc=x", "ldapsearch -x -D cn=admin -w " + sec + " -b dc=x"},
		{"docker login", "docker login -u bob -p Xk9mz2Qw registry.example.com", "docker login -u bob -p " + sec + " registry.example.com"},
		{"curl -u", "curl -u admin:Adm1nPa55 https://api.example.com", "curl -u admin:" + sec + " https://api.example.com"},
		{"curl --user", "curl --user admin:Adm1nPa55 https://x", "curl --user admin:" + sec + " https://x"},
		{"curl -u user only", "curl -u admin https://x", "curl -u admin https://x"},
		{"openssl", "openssl pkcs12 -in a.p12 -passin pass:Xk9mz2Qw -nodes", "openssl pkcs12 -in a.p12 -passin pass:" + sec + " -nodes"},
		{"openssl env", "openssl pkcs12 -in a.p12 -passin env:P12PASS", "openssl pkcs12 -in a.p12 -passin env:P12PASS"},
		{"long option", "aws configure --secret-access-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY --profile x", "aws configure --secret-access-key " + sec + " --profile x"},
		{"long option client secret", "tool --client-secret Xk9mz2Qw --verbose", "tool --client-secret " + sec + " --verbose"},
		{"java option", "java -jar app.jar -password Xk9mz2Qw", "java -jar app.jar -password " + sec},
		{"long option file", "--password-file /run/secrets/db --token-ttl 3600", "--password-file /run/secrets/db --token-ttl 3600"},
		{"redis auth", "AUTH redispass123", "AUTH " + sec},
		{"redis auth user", "AUTH default redispass123", "AUTH default " + sec},
		{"redis auth sentence", "AUTH failed for user bob", "AUTH failed for user bob"},
		{"smtp auth", "AUTH LOGIN", "AUTH LOGIN"},
		{"smtp auth plain", "AUTH PLAIN dXNlcjpwYXNzd29yZA==", "AUTH PLAIN " + sec},
		{"go test pass", "--- PASS: TestLogin (0.00s)", "--- PASS: TestLogin (0.00s)"},
		{"policy after label", "password policy: minLength=12 requireDigit=true", "password policy: minLength=12 requireDigit=true"},
		{"qualifier encryption", "SET password_encryption = 'scram-sha-256'", "SET password_encryption = 'scram-sha-256'"},
		{"rabbitmqctl", "rabbitmqctl add_user ops 'Rb!tMq77pass' && x", "rabbitmqctl add_user ops '" + sec + "' && x"},
		{"htpasswd", "htpasswd -b /etc/nginx/.htpasswd admin Adm1n!pw", "htpasswd -b /etc/nginx/.htpasswd admin " + sec},
		{"net user", "net user bob P@ssw0rd1 /add", "net user bob " + sec + " /add"},
		{"net user prompt", "net user bob * /add", "net user bob * /add"},
		{"mysql using password", "Access denied for user 'app'@'localhost' (using password: YES)", "Access denied for user 'app'@'localhost' (using password: YES)"},
		{"korean glued bracket", "본인확인 인증번호(528417)를 입력해 주세요", "본인확인 인증번호(" + sec + ")를 입력해 주세요"},
		{"identified by", "CREATE USER app IDENTIFIED BY Xk9mz2Qw;", "CREATE USER app IDENTIFIED BY " + sec + ";"},
		{"go dsn", "app:Xk9mz2Qw@tcp(db:3306)/shop?parseTime=true", "app:" + sec + "@tcp(db:3306)/shop?parseTime=true"},
		{"url empty user", "redis://:Xk9mz2Qw@cache:6379/0", "redis://:" + sec + "@cache:6379/0"},
		{"jdbc query", "jdbc:mysql://db:3306/shop?user=app&password=Xk9mz2Qw&useSSL=false", "jdbc:mysql://db:3306/shop?user=app&password=" + sec + "&useSSL=false"},
		{"authorization header", `curl -H 'Authorization: token ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5' https://x`, `curl -H 'Authorization: token ` + sec + `' https://x`},
		{"digest", `Authorization: Digest username="bob", realm="r"`, `Authorization: ` + sec + ` username="bob", realm="r"`},
	})
}

// Phones, e-mails, addresses and versions.
func TestPhonesEmailsAddresses(t *testing.T) {
	t.Parallel()
	const ph, em, ip4, ip6 = "[REDACTED:phone]", "[REDACTED:email]", "[REDACTED:ipv4]", "[REDACTED:ipv6]"
	checkGeneral(t, []generalCase{
		{"kr mobile intl", "+82 10-1234-5678", ph},
		{"kr landline intl", "+82-2-123-4567", ph},
		{"kr dotted", "010.1234.5678", ph},
		{"us parens", "+1 (415) 555-2671", ph},
		{"us parens no country", "call (415) 555-2671 now", "call " + ph + " now"},
		{"us parens bad area", "(123) 456-7890", "(123) 456-7890"},
		{"uk", "+44 20 7946 0958", ph},
		{"intl prefix 00", "call 0082-10-1234-5678 or 0044 20 7946 0958", "call " + ph + " or " + ph},
		{"zeros are no prefix", "id 0000-1234-5678 code 00-12 사업자등록번호 007-44-36728", "id 0000-1234-5678 code 00-12 사업자등록번호 007-44-36728"},
		{"kr area in parens", "(02) 1234-5678 (010) 1234-5678", ph + " " + ph},
		{"dotted intl", "+1.415.555.2671", ph},
		{"tel uri", "tel:+14155552671", "tel:" + ph},
		{"percent", "%2B1%20415%20555%202671", ph},
		{"mailto", "mailto:kim.minsu@example.co.kr", "mailto:" + em},
		{"plus addressing", `"kim.minsu+test@mail.example.com"`, `"` + em + `"`},
		{"json escape", `kim\u0040example.com`, em},
		{"percent email", "user=kim%2Bshop%40example.com", "user=" + em},
		{"html entity", "kim&#64;example.com", em},
		{"angle", "<kim@example.com>", "<" + em + ">"},
		{"not email", "icon@2x.png Object@1b6d3586", "icon@2x.png Object@1b6d3586"},
		{"upstream", "upstream=10.0.0.1:8443", "upstream=" + ip4 + ":8443"},
		{"xff", "X-Forwarded-For: 203.0.113.7, 10.0.0.2", "X-Forwarded-For: " + ip4 + ", " + ip4},
		{"product", "Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36", "Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36"},
		{"version key", "version=10.2.3.4 v1.2.3.4 nginx/1.25.3.1", "version=10.2.3.4 v1.2.3.4 nginx/1.25.3.1"},
		{"version labels", "kernel 5.15.0.1 firmware 1.0.0.2 fw 2.0.0.1", "kernel 5.15.0.1 firmware 1.0.0.2 fw 2.0.0.1"},
		{"image", "image: registry/app:2.3.4.5", "image: registry/app:2.3.4.5"},
		{"version last part", "os_ver=10.0.0.1 fwRev: 2.1.0.3 image-tag=1.2.3.4 agent.build 7.0.0.15 src=10.0.0.1", "os_ver=10.0.0.1 fwRev: 2.1.0.3 image-tag=1.2.3.4 agent.build 7.0.0.15 src=" + ip4},
		{"cidr", "10.0.0.1/24", ip4 + "/24"},
		{"netmask", "IP Address: 172.16.0.10, Subnet 255.255.255.0, mask 255.255.240.0", "IP Address: " + ip4 + ", Subnet 255.255.255.0, mask 255.255.240.0"},
		{"not a netmask", "host 255.255.0.255", "host " + ip4},
		{"mapped", "::ffff:192.168.1.10", ip6},
		{"bracketed", "[2001:db8::1]:443", "[" + ip6 + "]:443"},
		{"zone", "fe80::1%eth0", ip6 + "%eth0"},
		{"mac and time", "MAC 00:1a:2b:3c:4d:5e at 12:34:56", "MAC 00:1a:2b:3c:4d:5e at 12:34:56"},
	})
}

// Every scanner at the end of the text and on its own: no panic, and
// idempotent (a fixed list of truncations the fuzzer may not reach).
func TestScannersAtTheEnd(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	counts := make([]int64, m.NumCounters())
	for _, l := range []string{"00821", "0082-", "0082-10", "(415", "(415)", "(415) 5", "pw:", "pw: ", "AUTH", "AUTH ", "AUTH a ",
		"-p", "mysql -p", "--password", "--password ", "x/token/", "/token/", "a~", "abc8Q~", "&lt;", "&gt;", "&#64;", "<a", "<password ",
		"비밀번호", "비밀번호 ", "비밀번호 재설정 ", "비밀번호 4", "OTP코드", "name=", `name="password"`, `name="password"` + "\r\n\r\n",
		"value=", "[", "password: [", `password: ["`, "password: [x", "string(", `x=> string(8) "`, "IDENTIFIED BY", "IDENTIFIED BY ",
		"key: (", "(임시:", " :", "a :", "::", ":= ", "->", "a ->", "user[", "]=", "[]=", "[\"\"]=", "PAss", "xoxb-", "SG.", "sk-"} {
		out, _ := m.MaskString("", l, counts)
		again, _ := m.MaskString("", out, counts)
		if again != out {
			t.Errorf("not idempotent: %q -> %q -> %q", l, out, again)
		}
	}
}
