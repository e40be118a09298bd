package dbms

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, want string
		mysql    bool
	}{
		{in: "SELECT * FROM orders WHERE id = 42 AND email = 'a@b.example'", want: "SELECT * FROM orders WHERE id = ? AND email = ?"},
		{in: "select pg_sleep(1.5) , x2 from t1", want: "select pg_sleep(?) , x2 from t1"},
		{in: "SELECT 'it''s', E'\\'x', $$body 'q'$$, $f$ a $f$, $1", want: "SELECT ?, ?, ?, ?, $1"},
		{in: "SELECT \"Name\" FROM \"T\" -- card 4111111111111111\n WHERE a = -3e-5", want: "SELECT \"Name\" FROM \"T\" WHERE a = -?"},
		{in: "SELECT \"secret\", `col` FROM t /* note 1234 */ WHERE b = x'ff'", want: "SELECT ?, `col` FROM t WHERE b = ?", mysql: true},
		{in: "SELECT 'a\\'b' # trailing 99", want: "SELECT ?", mysql: true},
		{in: "SELECT .5, 1.e3", want: "SELECT ?, ?"},
		{in: "UPDATE t SET v = 'unterminated", want: "UPDATE t SET v = ?"},
	} {
		assert.Equal(t, c.want, Normalize(c.in, c.mysql), c.in)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"SELECT 1", "x = 'a''b'", "$$ $$", "$a$ b $a$", "/* x", "-- y", "E'\\", "\"q\"\"\"", "1e+5"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, mysql bool) {
		out := Normalize(s, mysql)
		// Normalising never grows the text by more than a space per byte
		// and is stable: a normal form normalises to itself.
		if len(out) > 2*len(s)+1 {
			t.Fatalf("grew: %q -> %q", s, out)
		}
		if again := Normalize(out, mysql); again != out && !strings.Contains(s, "$") {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}
