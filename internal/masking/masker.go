package masking

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Match is one value found by a built-in detector: s[Start:End].
type Match struct {
	Kind       Kind
	Start, End int
}

// Masker masks strings. It is safe for concurrent use.
type Masker struct {
	enabled    [NumKinds]bool
	numbers    [NumKinds]bool
	actions    []Action // NumKinds detectors, then rules
	names      []string
	rules      []rule
	checkDigit CheckDigitPolicy
	secret     secretKeys
	include    keyPatterns
	exclude    keyPatterns
	act        *actor
	maxKeep    int // largest Partial KeepLast, -1 without Partial actions
	// trigger says, per byte, which scanners run at it.
	trigger [256]uint8
}

type rule struct {
	re   *regexp.Regexp
	keys keyPatterns
}

// Trigger bits.
const (
	trWordNumeric uint8 = 1 << iota // digit at a word start
	trWordAlpha                     // letter at a word start that may begin a token
	trAt                            // '@'
	trAssign                        // '=' or ':'
	trQuote                         // '\''
	trPlus                          // '+'
	trWord                          // any word byte: the scanner skips whole words
	trDash                          // '-': PEM private key blocks
)

// New validates cfg and builds a Masker.
func New(cfg Config) (*Masker, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	m := &Masker{
		actions:    make([]Action, NumKinds, int(NumKinds)+len(cfg.Rules)),
		names:      KindNames(),
		checkDigit: cfg.CheckDigit,
		include:    newKeyPatterns(cfg.IncludeKeys),
		exclude:    newKeyPatterns(cfg.ExcludeKeys),
		act:        newActor(cfg.HashKey),
	}
	keys := cfg.SecretKeys
	if keys == nil {
		keys = DefaultSecretKeys
	}
	m.secret = newSecretKeys(keys)
	for _, d := range cfg.Detectors {
		m.enabled[d.Kind] = true
		m.numbers[d.Kind] = d.Numbers
		m.actions[d.Kind] = d.Action
	}
	for _, r := range cfg.Rules {
		m.rules = append(m.rules, rule{re: regexp.MustCompile(r.Pattern), keys: newKeyPatterns(r.Keys)})
		m.actions = append(m.actions, r.Action)
		m.names = append(m.names, r.Name)
	}
	m.maxKeep = -1
	for _, a := range m.actions {
		if a.Kind == Partial {
			m.maxKeep = max(m.maxKeep, a.KeepLast)
		}
	}
	m.buildTriggers()
	return m, nil
}

func (m *Masker) buildTriggers() {
	for c := range 256 {
		if isWord(byte(c)) {
			m.trigger[c] |= trWord
		}
	}
	e := &m.enabled
	if e[PaymentCard] || e[KRRRN] || e[Phone] || e[IPv4] {
		for c := '0'; c <= '9'; c++ {
			m.trigger[c] |= trWordNumeric
		}
	}
	if e[AccessKey] {
		m.trigger['A'] |= trWordAlpha
		m.trigger['g'] |= trWordAlpha
	}
	if e[JWT] {
		m.trigger['e'] |= trWordAlpha
	}
	if e[AuthHeader] {
		for _, c := range "Bb" {
			m.trigger[c] |= trWordAlpha
		}
	}
	if e[Email] {
		m.trigger['@'] |= trAt
	}
	if e[Secret] || e[IPv6] {
		m.trigger['='] |= trAssign
		m.trigger[':'] |= trAssign
	}
	if e[Secret] {
		m.trigger['-'] |= trDash
		m.trigger['\''] |= trQuote
		m.trigger['"'] |= trQuote
	}
	if e[Phone] {
		m.trigger['+'] |= trPlus
	}
}

// NumCounters is the length of the counts slice MaskString expects: one
// counter per built-in detector (indexed by Kind), then one per rule.
func (m *Masker) NumCounters() int { return len(m.actions) }

// CounterName names counter i: a detector or rule name.
func (m *Masker) CounterName(i int) string { return m.names[i] }

// Inspect reports whether values under key are inspected at all, per the
// include and exclude lists.
func (m *Masker) Inspect(key string) bool {
	if m.exclude.match(key) {
		return false
	}
	return m.include.empty() || m.include.match(key)
}

// SecretKey reports whether values under key are masked whole by the Secret detector.
func (m *Masker) SecretKey(key string) bool {
	return m.enabled[Secret] && m.secret.match(key)
}

// MaskString masks s, a value found under key ("" for free text such as a
// log body or a span name). It adds one to counts[i] (len NumCounters) per
// value masked by detector or rule i, and returns s itself, without
// allocating, when nothing was found.
func (m *Masker) MaskString(key, s string, counts []int64) (string, bool) {
	if key != "" && m.SecretKey(key) {
		if s == "" || isMaskToken(s) {
			return s, false // empty, or already masked ("***")
		}
		counts[Secret]++
		return m.act.mask(m.actions[Secret], kindNames[Secret], s), true
	}
	var buf [8]Match
	ms := m.scan(s, buf[:0])
	out, changed := s, false
	if len(ms) > 0 {
		out, changed = m.apply(s, ms, counts), true
	}
	for i := range m.rules {
		r := &m.rules[i]
		if !r.keys.empty() && !r.keys.match(key) {
			continue
		}
		if next, ok := m.applyRule(i, out, counts); ok {
			out, changed = next, true
		}
	}
	return out, changed
}

// MaskInt masks an integer value when a detector that opted in to numbers
// reports it; the result then is a string.
func (m *Masker) MaskInt(key string, v int64, counts []int64) (string, bool) {
	if key != "" && m.numbers[Secret] && m.SecretKey(key) {
		counts[Secret]++
		var nb [24]byte
		return m.act.mask(m.actions[Secret], kindNames[Secret], string(strconv.AppendInt(nb[:0], v, 10))), true
	}
	if !m.numbers[PaymentCard] || v < 1_000_000_000_000 {
		return "", false
	}
	var nb [24]byte
	d := strconv.AppendInt(nb[:0], v, 10)
	if !cardDigitsValid(d) {
		return "", false
	}
	counts[PaymentCard]++
	return m.act.mask(m.actions[PaymentCard], kindNames[PaymentCard], string(d)), true
}

// Find returns what the built-in detectors report in s, in order.
func (m *Masker) Find(s string) []Match { return m.scan(s, nil) }

func (m *Masker) apply(s string, ms []Match, counts []int64) string {
	var b strings.Builder
	b.Grow(len(s) + 16*len(ms))
	prev := 0
	for _, mt := range ms {
		b.WriteString(s[prev:mt.Start])
		m.act.write(&b, m.actions[mt.Kind], kindNames[mt.Kind], s[mt.Start:mt.End])
		counts[mt.Kind]++
		prev = mt.End
	}
	b.WriteString(s[prev:])
	return b.String()
}

func (m *Masker) applyRule(i int, s string, counts []int64) (string, bool) {
	r := &m.rules[i]
	if !r.re.MatchString(s) {
		return s, false
	}
	id := int(NumKinds) + i
	act, name := m.actions[id], m.names[id]
	n := 0
	out := r.re.ReplaceAllStringFunc(s, func(v string) string {
		if isMaskToken(v) {
			return v
		}
		n++
		return m.act.mask(act, name, v)
	})
	counts[id] += int64(n)
	return out, n > 0
}

// scan appends the built-in detectors' matches in s to ms, left to right,
// without overlaps.
func (m *Masker) scan(s string, ms []Match) []Match {
	last := 0 // end of the previous match: scanners never look back past it
	n := len(s)
	act := &m.trigger
	for i := 0; i < n; {
		// Skip bytes that neither start a word nor trigger a scanner.
		t := act[s[i]]
		for t == 0 {
			if i++; i == n {
				return ms
			}
			t = act[s[i]]
		}
		if t&trWord != 0 {
			// i starts a word (the loop skips whole words).
			if t&(trWordNumeric|trWordAlpha) != 0 {
				var k Kind
				var a, e int
				if t&trWordNumeric != 0 {
					k, a, e = m.numeric(s, i)
				} else {
					k, a, e = m.alpha(s, i)
				}
				if e > 0 && !m.touchesMask(s, a, e) {
					ms = append(ms, Match{k, a, e})
					i, last = e, e
					continue
				}
			}
			for i++; i < n && isWord(s[i]); i++ {
			}
			continue
		}
		var k Kind
		var a, e int
		switch {
		case t&trAt != 0:
			k = Email
			a, e = scanEmail(s, i, last)
		case t&trAssign != 0:
			k, a, e = m.assign(s, i, last)
		case t&trQuote != 0:
			k, a, e = m.quoted(s, i, last)
		case t&trPlus != 0:
			k, a = Phone, i
			e = scanE164(s, i)
		case t&trDash != 0:
			k = Secret
			a, e = scanPrivateKey(s, i)
		}
		if e > 0 && !m.touchesMask(s, a, e) {
			ms = append(ms, Match{k, a, e})
			i, last = e, e
			continue
		}
		i++
	}
	return ms
}

// touchesMask reports whether s[a:e] directly touches a mask this package
// wrote: "[REDACTED:…]", "[HASH:…]" or a run of at least minStars stars. A
// value that was blocked by its neighbour in the first pass ("0000::ASIA…",
// "*******h@x.io") must stay blocked once that neighbour is masked, or
// masking would not be idempotent.
//
// The kept tail of a Partial mask is original text, so a value may not start
// within maxKeep characters after a star run either ("****:0@0.AAA").
func (m *Masker) touchesMask(s string, a, e int) bool {
	// Our masks, directly or across one punctuation byte ("0.0.0.0-[…]").
	if a > 0 && s[a-1] == ']' && maskEndsAt(s, a) {
		return true
	}
	if a > 1 && isPunct(s[a-1]) && s[a-2] == ']' && maskEndsAt(s, a-1) {
		return true
	}
	if e < len(s) && (maskStartsAt(s, e) || (isPunct(s[e]) && maskStartsAt(s, e+1))) {
		return true
	}
	if m.maxKeep >= 0 {
		// A star run ending within maxKeep+1 characters before a.
		j := a
		for k := 0; k <= m.maxKeep+1 && j > 0; k++ {
			if j >= minStars && s[j-minStars:j] == "****" {
				return true
			}
			_, size := utf8.DecodeLastRuneInString(s[:j])
			j -= size
		}
	}
	return false
}

// maskStartsAt reports whether one of our masks starts at j.
func maskStartsAt(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r := s[j:]
	return strings.HasPrefix(r, redactPrefix) || strings.HasPrefix(r, hashPrefix) || strings.HasPrefix(r, "****")
}

// isPunct reports whether c is ASCII punctuation (not a word byte, not space).
func isPunct(c byte) bool { return c > ' ' && c < 0x7f && !isWord(c) }

// maskEndsAt reports whether a mask token ends just before a (s[a-1] == ']').
func maskEndsAt(s string, a int) bool {
	for j := a - 2; j >= 0 && j >= a-64; j-- {
		switch s[j] {
		case ']':
			return false
		case '[':
			return strings.HasPrefix(s[j:], redactPrefix) || strings.HasPrefix(s[j:], hashPrefix)
		}
	}
	return false
}

// numeric tries the detectors that start with a digit at word start i. The
// shape of the first run of digits (its length l and the byte after it)
// decides which scanners can match at all; most numbers in logs (status
// codes, sizes, durations, dates, versions) fail these tests at once.
func (m *Masker) numeric(s string, i int) (Kind, int, int) {
	e0 := digitsAt(s, i)
	l := e0 - i
	var next byte
	if e0 < len(s) {
		next = s[e0]
	}
	sep := next == '-' || next == ' ' || next == '.'
	if l < 13 && !(l >= 10 && s[i] == '0') && !sep {
		return 0, 0, 0
	}
	if !numericBoundaryBefore(s, i) {
		return 0, 0, 0
	}
	e := &m.enabled
	if e[KRRRN] && ((l == 6 && next == '-') || l == 13) {
		if end := scanRRN(s, i, m.checkDigit); end > 0 {
			return KRRRN, i, end
		}
	}
	if e[Phone] && s[i] == '0' && l >= 2 {
		if end := scanKRPhone(s, i); end > 0 {
			return Phone, i, end
		}
	}
	if e[PaymentCard] && (l >= 13 || (l >= 3 && l <= 6 && (next == ' ' || next == '-'))) {
		if end := scanCard(s, i); end > 0 {
			return PaymentCard, i, end
		}
	}
	if e[IPv4] && l <= 3 && next == '.' {
		if end := scanIPv4(s, i); end > 0 {
			return IPv4, i, end
		}
	}
	return 0, 0, 0
}

// alpha tries the detectors that start with a letter at word start i.
func (m *Masker) alpha(s string, i int) (Kind, int, int) {
	e := &m.enabled
	switch s[i] {
	case 'A', 'g':
		if e[AccessKey] {
			if end := scanAccessKey(s, i); end > 0 {
				return AccessKey, i, end
			}
		}
	case 'e':
		if e[JWT] {
			if end := scanJWT(s, i); end > 0 {
				return JWT, i, end
			}
		}
	}
	if e[AuthHeader] {
		if a, end := scanAuth(s, i); end > 0 {
			return AuthHeader, a, end
		}
	}
	return 0, 0, 0
}

// assign handles '=' and ':' at i: key=value secrets, then IPv6.
func (m *Masker) assign(s string, i, last int) (Kind, int, int) {
	if m.enabled[Secret] {
		if a, e := m.scanKeyValue(s, i, last); e > 0 {
			return Secret, a, e
		}
		if a, e := scanURLPassword(s, i); e > 0 && !m.touchesMask(s, i, i) {
			return Secret, a, e
		}
	}
	if m.enabled[IPv6] && s[i] == ':' {
		if a, e := scanIPv6(s, i, last); e > 0 {
			return IPv6, a, e
		}
	}
	return 0, 0, 0
}
