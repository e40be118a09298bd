package masking

import (
	"os"
	"strings"
	"testing"
)

// The shortcuts in fast*.go must never change a result: mayLabel may only
// say no where label finds nothing, and the identifier cache must return
// what the lexicon computes. These fuzz targets check both against the
// code they stand in front of.

func fastSeeds() []string {
	return []string{
		"user", "User", "USER", "password", "Password", "PASSWORD", "dbpassword", "DBPASSWORD", "newPassword",
		"by", "BY", "AUTH", "auth", "api", "API", "token", "Token", "csrftoken", "xpassword", "Xpassword",
		"paid", "from", "with", "pwd", "pw", "pass", "pin", "otp", "session", "sessionid", "jsessionid",
		"account", "acct", "verification", "private", "secret1", "password2", "x_api_key", "X-Api-Key",
		"db.password", "token_count", "password_expires_at", "비밀번호", "KB국민", "임시비밀번호", "", "a", "Ab",
		strings.Repeat("p", 33), strings.Repeat("password", 5), "mfa", "mfa_code", "recovery", "license",
	}
}

// FuzzMayLabel checks that label finds nothing after a word mayLabel turns
// away, whatever follows it.
func FuzzMayLabel(f *testing.F) {
	for _, w := range fastSeeds() {
		f.Add(w, "Xk9#mP2vQ7 is the value")
		f.Add(w, "hunter2")
		f.Add(w, "key sk_live_0123456789abcdefghij")
	}
	m, err := New(Config{Detectors: StrictDetectors()})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, word, rest string) {
		n := 0
		for n < len(word) && isWord(word[n]) {
			n++
		}
		word = word[:n]
		if word == "" || rest == "" {
			return
		}
		s := word + " " + rest
		if m.mayLabel(s, 0, n) {
			return
		}
		for _, first := range []bool{true, false} {
			if a, e := m.label(s, 0, n, first); e > 0 {
				t.Fatalf("mayLabel turned away %q, but label finds %q in %q", word, s[a:e], s)
			}
		}
		if m.lex.classes(word, keySecret|keyCode|keyToken) != 0 {
			t.Fatalf("mayLabel turned away %q, a lexicon word", word)
		}
	})
}

// FuzzClassCache checks the cached classes of an identifier against the
// lexicon's computation, for every want, on a first and a second look.
func FuzzClassCache(f *testing.F) {
	for _, w := range fastSeeds() {
		f.Add(w)
	}
	m, err := New(Config{Detectors: StrictDetectors()})
	if err != nil {
		f.Fatal(err)
	}
	wants := []keyClass{keySecret, keyToken, keyBank, keyCode, keyRRN, keySecret | keyCode, keySecret | keyToken | keyCode, allClasses}
	f.Fuzz(func(t *testing.T, ident string) {
		for round := range 2 {
			for _, want := range wants {
				got, exp := m.lex.classes(ident, want), m.lex.compute(ident, want)
				if len(ident) == 0 || len(ident) > 128 {
					exp = 0
				}
				if got != exp {
					t.Fatalf("round %d: classes(%q, %b) = %b, computed %b", round, ident, want, got, exp)
				}
			}
		}
	})
}

// TestFastSeeds runs the fuzz targets' checks on their seeds and on every
// word of the general lines in each plain `go test`.
func TestFastSeeds(t *testing.T) {
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	words := fastSeeds()
	for _, f := range []string{"testdata/general_lines.txt", "testdata/first_contact_lines.txt", "testdata/lookalike_lines.txt"} {
		words = append(words, strings.FieldsFunc(readFile(t, f), func(r rune) bool { return r < 0x80 && !isWord(byte(r)) })...)
	}
	for _, w := range words {
		for _, want := range []keyClass{keySecret | keyCode, keySecret | keyToken | keyCode, keyBank, allClasses} {
			if got, exp := m.lex.classes(w, want), m.lex.compute(w, want); len(w) <= 128 && got != exp {
				t.Fatalf("classes(%q, %b) = %b, computed %b", w, want, got, exp)
			}
		}
		n := 0
		for n < len(w) && isWord(w[n]) {
			n++
		}
		if n == 0 {
			continue
		}
		s := w[:n] + " Xk9#mP2vQ7x"
		if !m.mayLabel(s, 0, n) {
			if a, e := m.label(s, 0, n, true); e > 0 {
				t.Fatalf("mayLabel turned away %q, but label finds %q", w[:n], s[a:e])
			}
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scannerGatesHold checks, at every position of s, that the scanners the
// scan loop calls only where their first bytes allow find nothing where it
// does not call them: scanPrivateKey ("-----"), cliPassword (an option
// after a space, a tab or a quote), sqlValues ("VALUES") and scanAuth
// (Bearer, Basic). A change to one of these scanners that widens what it
// accepts must widen its gate in scan too; this says which.
func scannerGatesHold(t *testing.T, m *Masker, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && !(i+1 < len(s) && s[i+1] == '-') {
			if _, e := scanPrivateKey(s, i); e > 0 {
				t.Fatalf("scanPrivateKey matches at %d of %q, which scan does not try", i, s)
			}
		}
		if s[i] == '-' && i > 0 && !cliBefore[s[i-1]] && !(i+1 < len(s) && s[i+1] == 'm') {
			if _, e := m.cliPassword(s, i); e > 0 {
				t.Fatalf("cliPassword matches at %d of %q, which scan does not try", i, s)
			}
		}
		if (s[i] == 'V' || s[i] == 'v') && !(i+5 < len(s) && lower(s[i+5]) == 's') {
			if _, e := m.sqlValues(s, i, 0, nil); e > 0 {
				t.Fatalf("sqlValues matches at %d of %q, which scan does not try", i, s)
			}
		}
		if is(s[i], clsAlpha) && s[i]|0x20 != 'b' {
			if _, e := scanAuth(s, i); e > 0 {
				t.Fatalf("scanAuth matches at %d of %q, which scan does not try", i, s)
			}
		}
	}
}

// FuzzScannerGates runs scannerGatesHold on any text.
func FuzzScannerGates(f *testing.F) {
	for _, s := range []string{"-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END", "mysql -pSecret1 -h db", "x\t-p secret", "a=-p", "(a, b) VALUES ('x', 'y')", "(a) values(", "Authorization: Bearer abc.def", "basic dXNlcjpwYXNz", "xbearer y"} {
		f.Add(s)
	}
	m, err := New(Config{Detectors: StrictDetectors()})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) { scannerGatesHold(t, m, s) })
}

// TestScannerGates runs scannerGatesHold on the hand-written lines in each
// plain `go test`.
func TestScannerGates(t *testing.T) {
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	for _, f := range []string{"testdata/general_lines.txt", "testdata/first_contact_lines.txt", "testdata/lookalike_lines.txt"} {
		for _, l := range strings.Split(readFile(t, f), "\n") {
			scannerGatesHold(t, m, l)
		}
	}
}
