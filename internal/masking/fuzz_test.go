package masking_test

import (
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/pairs"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/sixth"
	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/third"
)

var maskTokens = regexp.MustCompile(`\[(?:REDACTED|HASH):[^\]]*\]`)

// propertyMaskers are maskers with every detector and each action.
func propertyMaskers(t testing.TB) map[string]*masking.Masker {
	out := map[string]*masking.Masker{}
	for name, act := range map[string]masking.Action{
		"redact":  {Kind: masking.Redact},
		"hash":    {Kind: masking.Hash},
		"partial": {Kind: masking.Partial, KeepLast: 4},
	} {
		ds := masking.StrictDetectors()
		for i := range ds {
			ds[i].Action = act
		}
		m, err := masking.New(masking.Config{Detectors: ds, HashKey: []byte(strings.Repeat("0123456789abcdef", 2))})
		if err != nil {
			t.Fatal(err)
		}
		out[name] = m
	}
	m, err := masking.New(masking.Config{Detectors: masking.StrictDetectors(), OpaqueTokens: true})
	if err != nil {
		t.Fatal(err)
	}
	out["redact+opaque"] = m
	return out
}

// checkProperties asserts, for one input: no panic; matches are in bounds,
// ordered and disjoint; no reported value survives; masking is idempotent; with redact and hash no
// detector reports anything in the output; valid UTF-8 stays valid.
func checkProperties(t testing.TB, ms map[string]*masking.Masker, in string) {
	for name, m := range ms {
		counts := make([]int64, m.NumCounters())
		prev := 0
		for _, mt := range m.Find(in) {
			if mt.Start < prev || mt.End <= mt.Start || mt.End > len(in) {
				t.Fatalf("%s: bad match %+v in %q", name, mt, in)
			}
			prev = mt.End
		}
		out, _ := m.MaskString("", in, counts)
		// Every reported occurrence is gone: a reported value survives only
		// as often as it also occurs unreported (e.g. glued to a word).
		reported := map[string]int{}
		for _, mt := range m.Find(in) {
			reported[in[mt.Start:mt.End]]++
		}
		// Count only outside our mask tokens, whose text may contain short values.
		segments := maskTokens.Split(out, -1)
		for v, n := range reported {
			if name == "partial" {
				break // partial keeps a tail by design: tail + the text after it may spell v
			}
			got := 0
			for _, seg := range segments {
				got += strings.Count(seg, v)
			}
			if max := strings.Count(in, v) - n; got > max {
				t.Fatalf("%s: reported value %q survives %d times (allowed %d):\n in  %q\n out %q", name, v, got, max, in, out)
			}
		}
		again, _ := m.MaskString("", out, counts)
		if again != out {
			t.Fatalf("%s: not idempotent:\n in    %q\n out   %q\n again %q", name, in, out, again)
		}
		if name != "partial" {
			if found := m.Find(out); len(found) > 0 {
				mt := found[0]
				t.Fatalf("%s: output still has %s %q:\n in  %q\n out %q", name, mt.Kind, out[mt.Start:mt.End], in, out)
			}
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("%s: output not UTF-8: %q", name, out)
		}
		for _, key := range []string{"password", "user.email", "bank_account", "session", "db.user_pin", "t_key"} {
			kout, _ := m.MaskString(key, in, counts)
			if k2, _ := m.MaskString(key, kout, counts); k2 != kout {
				t.Fatalf("%s key %s: not idempotent: %q -> %q -> %q", name, key, in, kout, k2)
			}
		}
	}
}

func seeds() []string {
	s := []string{
		"", "@", "=", ":", "+", "'", "\"", "a@b.co", "password=", "password='", `"password":"\`,
		"4111 1111 1111 1111", "900101-1234567", "010-1234-5678", "+82 (0)10 1234 5678", "::1", "1::",
		"Bearer x", "basic ====", "eyJ.eyJ.", "AKIA", "\xff\xfe@\x80.com", "x@y.\xc3", "010-1234-5678\xff",
		"IDENTIFIED BY '", "PASSWORD ('", "-----BEGIN EC PRIVATE KEY-----\nabc\n-----END", "-----BEGIN  PRIVATE KEY-----",
		"postgres://u:p@h/db", "://:@", "token_count=5 secretName=x", "<pwd>x</pwd>", "<a:token>", ">", "fe80::1%eth0", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
		// The fresh corpus's fixes.
		"htpasswd -b /etc/x/.htpasswd bob [REDACTED:secret]", "htpasswd -b f u [", "htpasswd -b f u ****ab", "password=*a", "password=****", "password=****abcdef",
		"postgres://u:P@s#@h:5432/d", "postgres://u:p?#@", "jdbc:sqlserver://h:1433;user=sa;password=P@ss1!;x", "jdbc:oracle:thin:u/p@@//h:1521/S", "thin:u/", "thin:/@",
		"JSESSIONID=Ab3dEf6hIj9kLm2nOp5q!123!456>", "JSESSIONID=!", "hooks.slack.com/services/T1/B2/AbCdEf1234567890XyZw", "/webhooks/1/", "HIER_DIRECT/10.1.2.3",
		"APPID: 10.1.2.3.50001.240101093015", "10.1.2.3.1.", "PublicKeyToken=b77a5c561934e089", "support_id=\"5992622522049404472\"", "a/9cd870bfd5229acce2f68a4f46956493/31198990318702358",
		"SESSION=abc\\r\\n", "{\\\"type\\\":\\\"password\\\",\\\"value\\\":\\\"x1!\\\"}",
		// The context layer's scanners.
		"계좌 110-123-456789", "계좌110-123-456789-", "acct=1234567890 1234567890", "국민 123456-12-123456-1", "acct [REDACTED:bank_account] 1234567890",
		"VALUES", "(a) VALUES", "(a) VALUES (", "(pwd) VALUES ('x'", "(pwd, acct) VALUES ('x', '1234567890'), (", "(a,b) VALUES ('it''s', 'x\\'), ('y',",
		"x (pwd) VALUES (?, 'a''b') , ('c')", "(account_no) VALUES ('1234567890')VALUES",
		"%", "%4", "%40", "\\u0040", "a\\u0040b.co", "\\u00", "\\u0040\\u0040", "x\\u002B82 10 1234 5678", "a%40b.co", "%2B82%2010-1234-5678", "%40%40%40", "pw%3D", "pw%3Dx%3Dy", "a%2540b.com", "%3A%3A1",
		`"pwd":"`, `"pwd":"x`, `\"pwd\":\"y\"`, "비밀번호:", "비밀번호=x", "임시 비밀번호: \u00ed\u009e",
		"token ", "token 0123456789abcdef", "Token aaaaBBBBccccDDDDeeee.", "session=0123456789abcdefX",
		"AKIAIOSFODNN7EXAMPLE ", "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		`"token"=>"`, `'pwd' => '`, "=>", "sk_live_", "sk_live_0123456789abcdefghijABCD", "glpat-", "password=a&b=c&", "&=", "[FILTERED]", "password=<hidden>",
		"비밀번호 발급: ", "임시 비밀번호 발급: Xy7#ab12", "비밀번호 변경: 완료",
		"+1 (", "+1 (415", "+1 (415) 555-2671", "+44 (0) (20) 1", "Chrome/1.2.3.4", "PWD=/", "PWD=",
		// Scanners added for the third corpus.
		`"AUTH" "`, `"AUTH" "a" "b`, `"AUTH" "a" "b" "c"`, `"auth" ""`, " -U sa -P &quot;x1!", " -U a -P 'x", " -u a -P x1!y ", " -P 3306",
		"cs1Label=token cs1=", "cs1=abc1234567890abcdefgh cs1Label=apiToken", "cs1Label=", "flexString1Label=pw flexString1=x", "pw\\=", "\\=x",
		"connect.sid=s%3A", "sid=s%3Aabc%", "(pwd) VALUES (?, ?)\n==> Parameters: ", "(pwd, a) VALUES (?, ?)\n==> Parameters: x1!(String), null",
		"(a) VALUES (?)\n==> Parameters: (String)", "(pwd) VALUES (?) Parameters: a(b)(String), c", "비밀번호는 ", "비밀번호는 Ab1!xyz 입니다",
		"비밀번호 Ab1!xyz", "암호 x", "aws_secret_access_key /abc", "secret a1!b2@c3", "password **** x", "%2B1 (415) 555-2671", "%2B1+(415)+555-2671",
		"%2B ", "%2B1 (", "version 1.2.3.4", "CEF:0|a|b|1.2.3.4|", "LEEF:2.0|a|b|1.2.3.4|", "img/app:1.2.3.4", "http://1.2.3.4:80", "rt=1711057675812", "ts:",
		// Scanners added to generalise (labels, CLI, token families).
		"mysql -p", "mysql -p'", "mysql -p'x", "mysql -px ", "redis-cli -a ", "redis-cli -a $P", "sshpass -p '", "curl -u a:", "curl -u :x", "curl --user a:b:c",
		"-passin pass:", "login -p -", "AUTH ", "AUTH a ", "AUTH a b c", "x --password ", "--password=x --token y", "-password [REDACTED:secret]", "--client-secret '",
		"a:b@tcp(", ":@tcp(", "a:[x]@tcp(", "&lt;password&gt;", "&lt;pwd&gt;x&lt;", "<password a=\"b\">x<", "<password/>", "&#64;", "a&#64;b.co", "&#x40;b.co",
		"password is ", "password was set to ", "password is is is x1!y", "token is [x1]", "pin (", "pin (1234", "pin [****1234]", "OTP [", "인증번호 [", "인증번호 [123456]를",
		"비밀번호가 Ab1!xyz로", "api key ", "api key: ", "verification code: 123456", "password := ", ":=", "->", "password -> ", "x[password]=", "[pwd]=x", "]=",
		`{"name":"password","value":"`, `{"name":"password","value":"x"}`, "value=x", "name=pwd value=", "IDENTIFIED BY ", "IDENTIFIED BY x;", "by x",
		"(415) 555-2671", "(415) 555-", "1 (415) 555-2671", "xoxb-", "xoxb-1234567890-abc", "sk-", "sk-proj-0123456789abcdefABCDEF0123456789", "ya29.", "SG.", "hf_",
		"dbpassword x1!y2@", "DBPASSWORD=x", "newPassword is x1!y2", "x-api-key y1!z2", "a.b.password x1!y2", "${PASSWORD}", "(sensitive value)", "password = (sensitive",
		// Scanners added to generalise (pairs, vocabulary, paths, addresses).
		`"requirepass" "`, `"requirepass" "x"`, `"--password", "`, `"pwd" ""`, `"password" "[REDACTED:secret]" "x"`, "b'", "'password': b'", "'password': b'x'",
		`["password":protected]=>`, `["password":protected]=> string(1) "x"`, "[password:private] => ", "userPassword: {", "userPassword: {SSHA}", "{SSHA}x",
		"secret 5 ", "secret 5 $1$", "secret 5 $1$abc$defghijk", "password 0 x", "password 0 ", "binding parameter [1] as [VARCHAR] - [", "binding parameter [1] as [VARCHAR] - [Xk9#mz2Qw!]",
		"binding parameter (1:VARCHAR) <- [", "] - [x]", "<- [Ab1cdefgh]", "sqlplus a/b@", "sqlplus a/b@c", "a/b@//", "a/b@c@//d", "/b@//", "expdp a/b@@c",
		"/bot123456:", "$6$", "$6$a$", "$6$saltsalt$Zk9mz2QwXk9mz2Qw", "x$6$saltsalt$Zk9mz2QwXk9mz2Qw", "$9$Qw8rT2yU4iO6pA1", "ENC ", "password ENC x", "/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX", "ip-", "ip-10-", "ip-10-0-0-1", "ip-10-0-0-1.",
		"10-0-0-1.a.b", "10-0-0-1.a", "1-2-3-4-5.a.b", "000.000.000.000", "010.001.002.003.", "010.001.002", "/reset-password/", "/reset-password/abcDEF0123456789xyz",
		"/x-/abcDEF0123456789xyz", "-/abcDEF0123456789xyz", "/hooks/", "hooks.slack.com/workflows/a/b/c/", "hooks.slack.com/workflows/a/b/c/abcDEF0123456789xyz",
		"Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4", "Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4==", "Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4==x", "a=Qw8rT2yU4iO6pA1sD3fG5hJ7kL9zX0cV2bN4=b",
		"session_id ", "session_id abcDEF0123456789xyz", "db.sid 25e0de12922dce00ef45461941003c9f", "client_secret a@1:b", "password a:b", "token /x/y", "token HTTP/1.1",
		// The fifth corpus's mechanisms.
		"sip:+15551234567@", "sip:01012345678@h", "x/01012345678@", "0212345678@", "+821012345678@a.b", "0212345678", "0311234567 ",
		"VRMF(", "VRMF(1.2.3.4", "firmware(1.2.3.4)", "ClickHouse 1.2.3.4", "Starting X 1.2.3.4", "ua=", "ua=A B 1.2.3.4", "User-Agent: 1.2.3.4",
		"Version\n1.2.3.4", "a Version\n  1.2.3.4", "\nVersion\n1.2.3.4", "u/1.2.3.4:5", "u/1.2.3.4:", "...1.2.3.4", "..1.2.3.4", "ipv6:", "ipv6:::1", "ipv6:2001:db8::1:445",
		"authentication-mode ", "authentication-mode sha ", "privacy-mode aes 128 x", "auth-mode md5 [REDACTED:secret]", "-U a%", "-U a%b", "-U a%2F", "--user=%", "--user=a%b",
		"check_http -a a:", "check_http -a a:b", "'-p' '", "'-p' 'x'", "' '-p' 'x'", "'a' '-p' '22'", "net use ", "net use /user:", "net use a /user:b c", "net use x y /user:",
		"LDAPPWD(", "LDAPPWD('", "LDAPPWD('x')", "SecureString '", "-SecureString 'x'", "$a = Get-X 'y'", "-Password (", "-Password (ConvertTo-SecureString 'x'",
		"IDENTIFIED WITH ", "IDENTIFIED WITH a BY", "IDENTIFIED WITH a BY 'x'", "WITH BY 'x'", "userPassword::", "userPassword:: ", "a:: b", "::: x",
		"Body=a+b", "Body=a+b+123456", "+123456", "a+1234", "code+is+123456&", "key=", "key=abcdefghij0123456789xyzw", "password cipher ", "password cipher x",
		// The sixth corpus's mechanisms and deny-by-default.
		"t_key=", "t_key=Zq81mXv0Lw2Pr5T", "t_key=****Pr5T", "userPin=8812", "userPin=", "x-auth: ", "비밀값=Tq9#z1x", "code=713902", "?code=", "&code=1234&",
		"handle=Vq7Lx2Mz9Pw4Rt6Yb3", `{"handle":"Vq7Lx2Mz9Pw4Rt6Yb3"}`, "cus_Nq8Lm2ZtXw9Vb4", "SHA256:Qm9LzX2Vb7Nc8RtY4Wq1Pk6Ms3Df5Gh", "PublicKey = x", "pub_key=Vq7Lx2Mz9Pw4Rt6Yb3",
		"localhost/", "localhost/10.0.0.1", "a.b/10.0.0.1", "a-1/10.0.0.1", "-/1.2.3.4", "./1.2.3.4", "version number: 1.2.3.4", "number: 1.2.3.4", "no 1.2.3.4",
		`LoginModule required user_`, `LoginModule required user_a="`, `LoginModule user_a="x" user_b=`, `<field id="52" value="`, `<field id="52" value="ABCDEF0123456789"/>`, `id="52" value="x"`,
		"Login OK: [", "Login OK: [a/", "Login OK: [a/b]", "Login incorrect (x): [/]", "Login OK: [a/<via x>]", "a=b&#13;", "a=b&#", "password=x&amp;y", "password=x|", "password=x|1|",
		`["mysql","-p`, `"mysql","-px"`, "-si 'password' -si '", "-si 'password' -si 'x'", "-si 'password' -si", "sentinel auth-pass ", "sentinel auth-pass m", "sentinel auth-pass m x",
		"Auth: (", "Auth: (1)", "--db-pass ", "--db-pass Kx7!moo9Q", "--t-key=", "smtp_salt Xk9#mz2Qw", "x\n t_key Zq81mXv0Lw2Pr5T\r\n", "t_key ", "session 0x", "session 0x1f2e3d4c5b6a7980", "-4111111111111111", "x-4111111111111111", "commit=0212345678", "SCN 01012345678.", "Calling-Station-Id = \"01012345678\"",
		"community read ", "SM0123456789abcdef0123456789abcdef", "createdAt:1710000000000", "to=4155552671", "to=4155552671@", "msisdn=8210123456789", "a%20b%20123456", "code%20is%20123456&", "%20123456", "x%20%20",
	}
	s = append(s, generalLines()...)
	for _, l := range third.Generate(7, 50, 0.8) {
		s = append(s, l.Text)
	}
	for _, l := range corpus.Generate(7, 50, 0.8) {
		s = append(s, l.Text)
	}
	for _, l := range sixth.Generate(7, 100) {
		s = append(s, l.Text)
	}
	for _, l := range corpus.GenerateContext(7, 50, 0.8) {
		s = append(s, l.Text)
	}
	return s
}

// generalLines are the hand-written lines of testdata/general_lines.txt and
// first_contact_lines.txt:
// key syntaxes, command lines, token families, phones, e-mails and
// addresses next to versions.
func generalLines() []string {
	var out []string
	for _, f := range []string{"testdata/general_lines.txt", "testdata/first_contact_lines.txt", "testdata/lookalike_lines.txt", "testdata/generalise_lines.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		out = append(out, strings.Split(strings.TrimSpace(string(b)), "\n")...)
	}
	return out
}

func FuzzMaskString(f *testing.F) {
	for _, s := range seeds() {
		f.Add(s)
	}
	ms := propertyMaskers(f)
	f.Fuzz(func(t *testing.T, in string) { checkProperties(t, ms, in) })
}

// TestProperties runs the fuzz properties over the corpus and random
// mutations of it (splices, byte flips, truncations), so they hold in every
// `go test` run, not only under -fuzz.
func TestProperties(t *testing.T) {
	ms := propertyMaskers(t)
	lines := append(corpus.Generate(11, 1500, 0.6), corpus.GenerateContext(11, 700, 0.6)...)
	lines = append(lines, third.Plain(third.Generate(11, 700, 0.6))...)
	for _, c := range pairs.Generate(pairs.Tune, 11, 700) {
		lines = append(lines, corpus.Line{Format: c.Format, Text: c.Text})
	}
	for _, l := range sixth.Generate(11, 700) {
		lines = append(lines, l.Line)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, s := range seeds() {
		checkProperties(t, ms, s)
	}
	for i, l := range lines {
		checkProperties(t, ms, l.Text)
		b := []byte(l.Text)
		switch i % 4 {
		case 0: // splice two lines
			o := lines[r.IntN(len(lines))].Text
			cut := r.IntN(len(b) + 1)
			b = append(b[:cut:cut], o[r.IntN(len(o)+1):]...)
		case 1: // flip bytes, incl. invalid UTF-8
			for range 1 + r.IntN(4) {
				if len(b) > 0 {
					b[r.IntN(len(b))] = byte(r.IntN(256))
				}
			}
		case 2: // truncate
			b = b[:r.IntN(len(b)+1)]
		default: // delete a range
			if len(b) > 2 {
				a := r.IntN(len(b) - 1)
				b = append(b[:a:a], b[a+1+r.IntN(len(b)-a-1):]...)
			}
		}
		checkProperties(t, ms, string(b))
	}
}
