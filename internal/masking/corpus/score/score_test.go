package score

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// A leak is found whole or in part; a mask, or a window that also occurs
// elsewhere in the line, is not a leak.
func TestLeaks(t *testing.T) {
	t.Parallel()
	in := "user=minji.kim@naver.com ip=10.1.2.3 v=Chrome/124.0.0.0"
	assert.True(t, Leaks("minji.kim@naver.com", in, in))
	assert.True(t, Leaks("minji.kim@naver.com", in, "user=[REDACTED:email].kim@naver.com"))
	assert.False(t, Leaks("minji.kim@naver.com", in, "user=[REDACTED:email] ip=10.1.2.3"))
	assert.False(t, Leaks("minji.kim@naver.com", in+" naver.com", "user=minji[REDACTED:email] naver.com"))
	// short secrets leak only whole
	assert.False(t, Leaks("1234", "pin=1234", "pin=123"))
	assert.True(t, Leaks("1234", "pin=1234", "pin=1234"))
}

func TestRun(t *testing.T) {
	t.Parallel()
	cases := []Case{
		{Format: "a", Text: "pw=hunter2hunter2 id=ORD-1", Secrets: []Secret{{"secret", "secret/kv", "hunter2hunter2"}},
			LookAlikes: []LookAlike{{"order_id", "ORD-1"}}},
		{Format: "b", Text: "mail kim@example.com ver 1.2.3.4", Secrets: []Secret{{"email", "email/plain", "kim@example.com"}},
			LookAlikes: []LookAlike{{"version", "1.2.3.4"}}},
		{Format: "b", Text: "clean 1.2.3.4", LookAlikes: []LookAlike{{"version", "1.2.3.4"}}},
	}
	// masks the password, leaks the e-mail, and eats every version
	mask := func(s string) string {
		s = strings.ReplaceAll(s, "hunter2hunter2", "[REDACTED:secret]")
		return strings.ReplaceAll(s, "1.2.3.4", "[REDACTED:ipv4]")
	}
	r := Run(cases, mask)
	assert.Equal(t, 3, r.Lines)
	assert.Equal(t, 2, r.Secrets)
	assert.Equal(t, 1, r.Leaked)
	assert.Equal(t, 3, r.LookAlikes)
	assert.Equal(t, 2, r.Altered)
	assert.Equal(t, 1, r.CleanLines)
	assert.Equal(t, 1, r.CleanChanged)
	assert.Zero(t, r.NotIdempotent)
	assert.Equal(t, Tally{1, 1}, *r.ByKind["email"])
	assert.Equal(t, Tally{1, 0}, *r.ByClass["secret/kv"])
	assert.Equal(t, Tally{2, 2}, *r.LookByClass["version"])
	assert.Equal(t, Tally{1, 0}, *r.LookByFormat["a"])
	assert.Len(t, r.LeakExamples["email/plain"], 1)
	assert.InDelta(t, 2.0/3, r.AlteredRate(), 1e-9)
	s := r.Summary("demo")
	assert.Contains(t, s, "demo: 3 lines; secrets 2, leaked 1 (50.00%)")
	assert.Contains(t, s, "| email/plain | 1 | 1 | 100.00 |")
	assert.Contains(t, s, "| version | 2 | 2 | 100.00 |")

	// a masker that changes its own output is counted
	n := 0
	r = Run(cases[:1], func(s string) string { n++; return s + strings.Repeat("x", n) })
	assert.Equal(t, 1, r.NotIdempotent)
}

func TestFromLine(t *testing.T) {
	t.Parallel()
	l := corpus.Line{Format: "f", Text: "a@b.co v1.2.3.4", Secrets: []corpus.Secret{{Kind: "email", Value: "a@b.co"}}, LookAlikes: []string{"v1.2.3.4"}}
	assert.Equal(t, Case{Format: "f", Text: l.Text, Secrets: []Secret{{"email", "email/plain", "a@b.co"}}, LookAlikes: []LookAlike{{"version", "v1.2.3.4"}}},
		FromLine(l, []string{"email/plain"}, []string{"version"}))
	assert.Equal(t, []LookAlike{{"", "v1.2.3.4"}}, FromLine(l, []string{"email/plain"}, nil).LookAlikes)
}
