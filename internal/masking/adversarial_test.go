package masking

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
)

// An adversarial generator of key syntaxes: every secret word, written in
// every key style, joined to a generated value by every separator, inside
// several line shapes; and look-alikes built from the same words that must
// stay. It is a test of the mechanisms (label → value, whatever stands
// between), not of one corpus.

var advWords = []string{"password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "client_secret",
	"access_token", "auth_token", "private_key", "passphrase", "credentials", "passcode", "pass", "pin", "otp"}

var advNative = []string{"비밀번호", "패스워드", "암호", "비번", "인증번호"}

// advStyles writes a key word in one style; ok=false when the style does
// not apply.
var advStyles = []func(w string) (string, bool){
	func(w string) (string, bool) { return w, true },
	func(w string) (string, bool) { return strings.ToUpper(w), true },
	func(w string) (string, bool) { return "db_" + w, true },
	func(w string) (string, bool) { return "DB_" + strings.ToUpper(w), true },
	func(w string) (string, bool) { return "x-" + strings.ReplaceAll(w, "_", "-"), true },
	func(w string) (string, bool) { return "spring.datasource." + w, true },
	func(w string) (string, bool) { return "user." + camel(w), true },
	func(w string) (string, bool) { return "new" + upperFirst(camel(w)), true },
	func(w string) (string, bool) {
		if len(w) < minGluedWord || strings.Contains(w, "_") {
			return "", false
		}
		return "db" + w, true // glued compound
	},
}

func camel(w string) string {
	parts := strings.Split(w, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = upperFirst(parts[i])
	}
	return strings.Join(parts, "")
}

func upperFirst(w string) string {
	if w == "" {
		return w
	}
	return string(unicode.ToUpper(rune(w[0]))) + w[1:]
}

// advSeps join a key and a value; %k is the key, %v the value.
var advSeps = []string{
	"%k=%v", "%k: %v", "%k:%v", "%k = %v", "%k=>%v", "%k => %v", "%k -> %v", "%k := %v", "%k\t=\t%v",
	`%k\=%v`, `"%k": "%v"`, `"%k":"%v"`, `{\"%k\":\"%v\"}`, `%k='%v'`, `%k="%v"`, `'%k' => '%v'`,
	"<%k>%v</%k>", "&lt;%k&gt;%v&lt;/%k&gt;", "user[%k]=%v", "%k is %v", "%k was set to %v",
	"%k changed to %v", "--%k %v", "--%k=%v", `<param name="%k" value="%v"/>`, `{"name":"%k","value":"%v"}`,
	"%k %v",
}

// advNativeSeps are the separators of Korean labels.
var advNativeSeps = []string{"%k: %v", "%k=%v", "%k는 %v 입니다", "%k가 %v로 변경되었습니다", "%k 발급: %v", "임시 %k: %v", "%k [%v]", "%k를 %v 로 변경"}

// advLines wrap a key=value into a log line; %s is the pair.
var advLines = []string{
	"%s",
	"2024-03-04T10:00:00.123Z INFO  [main] c.e.Login - %s user=bob",
	`{"ts":"2024-03-04T10:00:00Z","msg":"login","detail":"%s"}`,
	"Mar  4 10:00:00 web01 app[1234]: %s, status=ok",
	"level=info caller=auth.go:42 %s elapsed=3ms",
}

// advValue generates a password- or token-shaped value.
func advValue(r *rand.Rand, code bool) string {
	if code {
		return fmt.Sprintf("%06d", r.IntN(1000000))
	}
	const letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
	const symbols = "!#%^*_~@+"
	n := 8 + r.IntN(12)
	b := make([]byte, n)
	for i := range b {
		switch r.IntN(5) {
		case 0:
			b[i] = byte('0' + r.IntN(10))
		case 1:
			if r.IntN(3) == 0 {
				b[i] = symbols[r.IntN(len(symbols))]
				continue
			}
			fallthrough
		default:
			b[i] = letters[r.IntN(len(letters))]
		}
	}
	b[0] = letters[r.IntN(len(letters))]
	b[n-1] = byte('0' + r.IntN(10))
	return string(b)
}

func isCodeWord(w string) bool { return w == "pin" || w == "otp" || w == "인증번호" }

// TestAdversarialKeySyntaxes: no generated secret survives.
func TestAdversarialKeySyntaxes(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	partial := StrictDetectors()
	for i := range partial {
		partial[i].Action = Action{Kind: Partial, KeepLast: 4}
	}
	mp := newTestMasker(t, Config{Detectors: partial})
	r := rand.New(rand.NewPCG(11, 12))
	counts := make([]int64, m.NumCounters())
	total, leaks := 0, 0
	check := func(line, v string) {
		total++
		out, _ := m.MaskString("", line, counts)
		if strings.Contains(out, v) {
			if leaks++; leaks <= 20 {
				t.Errorf("leak %q in %q", v, out)
			}
		}
		if again, _ := m.MaskString("", out, counts); again != out {
			t.Errorf("not idempotent: %q -> %q", out, again)
		}
		pout, _ := mp.MaskString("", line, counts)
		if again, _ := mp.MaskString("", pout, counts); again != pout {
			t.Errorf("partial: not idempotent: %q -> %q -> %q", line, pout, again)
		}
	}
	for _, w := range advWords {
		for _, style := range advStyles {
			k, ok := style(w)
			if !ok {
				continue
			}
			for _, sep := range advSeps {
				if isCodeWord(w) && (strings.HasPrefix(sep, "%k ") && sep != "%k %v") {
					continue // "pin is 123456" is a sentence about a pin too
				}
				v := advValue(r, isCodeWord(w) && r.IntN(2) == 0)
				pair := strings.ReplaceAll(strings.ReplaceAll(sep, "%k", k), "%v", v)
				check(fmt.Sprintf(advLines[r.IntN(len(advLines))], pair), v)
			}
		}
	}
	for _, w := range advNative {
		for _, sep := range advNativeSeps {
			v := advValue(r, isCodeWord(w))
			pair := strings.ReplaceAll(strings.ReplaceAll(sep, "%k", w), "%v", v)
			check(fmt.Sprintf(advLines[r.IntN(len(advLines))], pair), v)
		}
	}
	t.Logf("%d generated secrets, %d leaked", total, leaks)
}

// advLookAlikes are lines whose every value must stay: properties of
// secrets, statuses, placeholders, ids next to the same words.
var advLookAlikes = []string{
	"password_policy=strict token_count=1234 max_tokens=4096 secret_name=prod-db",
	"password expired for user bob",
	"password is required",
	"the password was changed",
	"password reset requested by admin",
	"Failed password for invalid user admin from host port 22 ssh2",
	"Accepted password for bob from host port 22 ssh2",
	"token invalid",
	"token expired at 2024-03-04T10:00:00Z",
	"password: [FILTERED] token: *** secret=<redacted>",
	"password=${DB_PASSWORD} token={{ vault_token }} secret=%(secret)s",
	"auth_method=openid-connect auth_result=success auth_duration_ms=1234",
	"auth=ok pin=true otp=disabled pass=true",
	"password_length=12 password_min_length=8 token_ttl=3600 secret_version=3",
	"request_id=7f3e2d1c-4b5a-6978-8a9b-0c1d2e3f4a5b trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7",
	"session_id=7f3e2d1c-4b5a-6978-8a9b-0c1d2e3f4a5b",
	"commit 9fceb02d0ae598e95dc970b74767f19372d61af8 by dev",
	"order ORD-20240304-603457 shipped, invoice 20240304-6713747",
	"비밀번호 변경 요청 처리 완료",
	"비밀번호는 8자 이상이어야 합니다",
	"인증번호 발송 완료",
	"token_type=Bearer expires_in=3600",
	"+ password = (sensitive value)",
	`"password": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"`,
	"docker run -p 8080:80 nginx:1.25.3",
	"mysql -u root -p shop < dump.sql",
	"rsync -u -P /data/x2 host:/y",
	"grep -P '\\d+x' file",
	"--password-file /run/secrets/db --token-ttl 3600",
	"PWD=/srv/app OLDPWD=/home/bob",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.0.0 Safari/537.36",
	"kernel 5.15.0.1 firmware 1.0.0.2 build 10.0.19041.1",
	"image registry.example.com/shop/api:1.8.3.4 version=10.2.3.4",
	"MAC 00:1a:2b:3c:4d:5e at 12:34:56",
	"installed sk-learn-preprocessing-pipeline-module-x and hf_model_name_for_the_long_running_job",
}

// TestAdversarialLookAlikes: nothing in these lines, nor in
// testdata/lookalike_lines.txt (CI, test runners, SMTP, sshd, build and
// policy lines full of pass/auth/pin/token/secret words), is masked.
func TestAdversarialLookAlikes(t *testing.T) {
	t.Parallel()
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	counts := make([]int64, m.NumCounters())
	b, err := os.ReadFile("testdata/lookalike_lines.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := append(advLookAlikes, strings.Split(strings.TrimSpace(string(b)), "\n")...)
	for _, l := range lines {
		if out, _ := m.MaskString("", l, counts); out != l {
			t.Errorf("altered:\n in  %q\n out %q", l, out)
		}
	}
}
