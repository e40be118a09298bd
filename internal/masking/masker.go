package masking

import (
	"regexp"
	"strconv"
	"strings"
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
	m.buildTriggers()
	return m, nil
}

func (m *Masker) buildTriggers() {
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
			return s, false
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
	for i := 0; i < n; {
		c := s[i]
		t := m.trigger[c]
		if isWord(c) {
			// i starts a word (the loop skips whole words).
			if t&(trWordNumeric|trWordAlpha) != 0 {
				var k Kind
				var a, e int
				if t&trWordNumeric != 0 {
					k, a, e = m.numeric(s, i)
				} else {
					k, a, e = m.alpha(s, i)
				}
				if e > 0 {
					ms = append(ms, Match{k, a, e})
					i, last = e, e
					continue
				}
			}
			for i++; i < n && isWord(s[i]); i++ {
			}
			continue
		}
		if t != 0 {
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
			}
			if e > 0 {
				ms = append(ms, Match{k, a, e})
				i, last = e, e
				continue
			}
		}
		i++
	}
	return ms
}

// numeric tries the detectors that start with a digit at word start i.
func (m *Masker) numeric(s string, i int) (Kind, int, int) {
	if !numericBoundaryBefore(s, i) {
		return 0, 0, 0
	}
	e := &m.enabled
	if e[KRRRN] {
		if end := scanRRN(s, i, m.checkDigit); end > 0 {
			return KRRRN, i, end
		}
	}
	if e[Phone] {
		if end := scanKRPhone(s, i); end > 0 {
			return Phone, i, end
		}
	}
	if e[PaymentCard] {
		if end := scanCard(s, i); end > 0 {
			return PaymentCard, i, end
		}
	}
	if e[IPv4] {
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
	}
	if m.enabled[IPv6] && s[i] == ':' {
		if a, e := scanIPv6(s, i, last); e > 0 {
			return IPv6, a, e
		}
	}
	return 0, 0, 0
}
