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
	// lex holds the secret keys, the token keys and labels, and the bank
	// keys, labels and names.
	lex lexicon
	// kinds are the key classes of the enabled detectors.
	kinds   keyClass
	include keyPatterns
	exclude keyPatterns
	act     *actor
	maxKeep int // largest Partial KeepLast, -1 without Partial actions
	// sub is scan, called through a function value by the scanners that
	// scan a part of a value again (decoded text, SQL values): a direct
	// recursive call would make escape analysis move every caller's match
	// buffer to the heap.
	sub func(s string, from int, kc keyClass, ms []Match) []Match
	// trigger says, per byte, which scanners run at it.
	trigger [256]uint16
	// opaque masks context-free opaque tokens (Config.OpaqueTokens).
	opaque bool
	// bound holds the deny-by-default vocabularies (Detector.DenyByDefault);
	// nil when the Secret detector does not deny by default.
	bound *bound
	// redacted holds the mask of each detector whose action is Redact
	// ("[REDACTED:email]"), "" for the others.
	redacted [NumKinds]string
}

type rule struct {
	re   *regexp.Regexp
	keys keyPatterns
}

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
	m.lex.add(keys, keySecret)
	m.lex.add(orDefault(cfg.TokenKeys, DefaultTokenKeys), keyToken)
	m.lex.add(orDefault(cfg.CodeKeys, DefaultCodeKeys), keyCode)
	m.lex.add(orDefault(cfg.BankKeys, DefaultBankKeys), keyBank)
	m.lex.add(rrnKeys, keyRRN)
	m.lex.cache = newClassCache()
	for _, d := range cfg.Detectors {
		m.enabled[d.Kind] = true
		m.numbers[d.Kind] = d.Numbers
		m.actions[d.Kind] = d.Action
		if d.Kind == Secret && (d.DenyByDefault || d.RandomValues) {
			var morphemes []string // none: random values only
			if d.DenyByDefault {
				morphemes = orDefault(cfg.SecretMorphemes, DefaultSecretMorphemes)
			}
			m.bound = newBound(morphemes, orDefault(cfg.SafeKeys, DefaultSafeKeys))
			m.bound.random = d.RandomValues
		}
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
	if m.enabled[Secret] {
		m.kinds |= keySecret | keyToken | keyCode
	}
	if m.enabled[BankAccount] {
		m.kinds |= keyBank
	}
	if m.enabled[KRRRN] {
		m.kinds |= keyRRN
	}
	m.opaque = cfg.OpaqueTokens && m.enabled[Secret]

	m.buildTriggers()
	m.buildMasks()
	m.sub = m.scan
	return m, nil
}

func orDefault(list, def []string) []string {
	if list == nil {
		return def
	}
	return list
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
	return m.classify(key)&keySecret != 0
}

// MaskString masks s, a value found under key ("" for free text such as a
// log body or a span name). It adds one to counts[i] (len NumCounters) per
// value masked by detector or rule i, and returns s itself, without
// allocating, when nothing was found.
func (m *Masker) MaskString(key, s string, counts []int64) (string, bool) {
	return m.MaskStringIn("", key, s, counts)
}

// ContextKey reports whether key, as the key of a map, gives context to
// the values below it: {"refund_account": {"number": "110-…"}}.
func (m *Masker) ContextKey(key string) bool {
	return m.classify(key)&(keyBank|keyToken) != 0
}

// MaskStringIn is MaskString for a value whose own key says nothing about
// it but that sits below parent, a ContextKey (the nearest one, or "").
// Rules and the include and exclude lists still see key.
func (m *Masker) MaskStringIn(parent, key, s string, counts []int64) (string, bool) {
	var kc keyClass
	if key != "" {
		kc = m.classify(key)
	}
	if kc == 0 && parent != "" {
		kc = parentClass(m.classify(parent))
	}
	return m.maskClassed(kc, key, s, counts)
}

// maskClassed is MaskStringIn once the key class kc of the value is known;
// key is for the rules.
func (m *Masker) maskClassed(kc keyClass, key, s string, counts []int64) (string, bool) {
	if kc != 0 {
		if k, ok := m.wholeValue(kc, s); ok {
			counts[k]++
			return m.act.mask(m.actions[k], kindNames[k], s), true
		}
		if kc&keySecret != 0 {
			return s, false // empty, or already masked
		}
	}
	var buf [24]Match
	ms := m.scan(s, 0, kc, buf[:0])
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

// keyClass says what the key a value sits under implies for it.
type keyClass uint8

const (
	keySecret    keyClass = 1 << iota // the whole value is a secret
	keyToken                          // a token-shaped value is a secret
	keyBank                           // an account-shaped number is a bank account
	keyCode                           // a value other than a plain word is a secret (pin, otp, auth)
	keyRRN                            // a 13-digit number with a real date is an RRN, whatever its check digit
	keyBound                          // deny-by-default: a value that is no plain non-secret (boundSecret) is a secret
	keyBoundCode                      // with keyBound: 4-12 digits are a code (pin, otp, pass)

	// scanRaw is no key class but a scan flag: do not decode escapes (the
	// raw pass over a span that percent is about to decode).
	scanRaw keyClass = 1 << 7
)

// classify looks key up in the vocabularies of the enabled detectors; a
// secret key is only that.
func (m *Masker) classify(key string) keyClass {
	c := m.lex.classes(key, m.kinds)
	if c&keySecret != 0 {
		return keySecret
	}
	if c == 0 && m.bound != nil && len(m.bound.morphemes)+len(m.bound.native) > 0 {
		if w := m.bound.match(key); w != "" {
			c = keyBound
			if boundSecret(w, "1234") {
				c |= keyBoundCode
			}
		}
	}
	return c
}

// parentClass is the class a map key passes to the values below it: not
// that of a secret key or deny-by-default, which are the key's own.
func parentClass(c keyClass) keyClass { return c &^ (keySecret | keyBound | keyBoundCode) }

// wholeValue reports whether all of s is masked because of its key: any
// value under a secret key, a token under a token key, an account number
// under a bank key.
func (m *Masker) wholeValue(kc keyClass, s string) (Kind, bool) {
	if kc == 0 || s == "" || isMaskToken(s) || upstreamMask(s) || !hasAlnum(s) {
		return 0, false // empty, already masked ("***"), or only punctuation ("''", "-")
	}
	if kc&keySecret == 0 && containsMask(s) {
		return 0, false // masked in part by the scanners before ("://:[REDACTED:secret]@" under a pin key)
	}
	switch {
	case kc&keySecret != 0:
		return Secret, true
	case kc&keyToken != 0 && tokenShaped(s):
		return Secret, true
	case kc&keyCode != 0 && !plainValue(s):
		return Secret, true
	case kc&keyBank != 0 && bankShaped(s):
		return BankAccount, true
	case kc&keyBound != 0 && boundSecret(boundWord(kc), s) && !looksLikeAddress(s):
		return Secret, true
	}
	return 0, false
}

// MaskInt masks an integer value when a detector that opted in to numbers
// reports it; the result then is a string.
func (m *Masker) MaskInt(key string, v int64, counts []int64) (string, bool) {
	return m.MaskIntIn("", key, v, counts)
}

// MaskIntIn is MaskInt for an integer below parent, a ContextKey (see
// MaskStringIn).
func (m *Masker) MaskIntIn(parent, key string, v int64, counts []int64) (string, bool) {
	var kk, kp keyClass
	if key != "" {
		kk = m.classify(key)
	}
	if parent != "" {
		kp = m.classify(parent)
	}
	return m.maskIntClassed(kk, kp, v, counts)
}

// maskIntClassed is MaskIntIn once the classes of the key (kk) and of the
// parent (kp) are known (0 for "").
func (m *Masker) maskIntClassed(kk, kp keyClass, v int64, counts []int64) (string, bool) {
	if m.numbers[Secret] && (kk&keySecret != 0 || (v >= 1000 || v <= -1000) && kk&keyCode != 0) {
		counts[Secret]++
		var nb [24]byte
		return m.act.mask(m.actions[Secret], kindNames[Secret], string(strconv.AppendInt(nb[:0], v, 10))), true
	}
	var nb [24]byte
	d := strconv.AppendInt(nb[:0], v, 10)
	if m.numbers[BankAccount] && len(d) >= minBankDigits && len(d) <= maxBankDigits &&
		(kk&keyBank != 0 || kp&keyBank != 0) {
		counts[BankAccount]++
		return m.act.mask(m.actions[BankAccount], kindNames[BankAccount], string(d)), true
	}
	if !m.numbers[PaymentCard] || v < 1_000_000_000_000 {
		return "", false
	}
	if !cardDigitsValid(d) {
		return "", false
	}
	counts[PaymentCard]++
	return m.act.mask(m.actions[PaymentCard], kindNames[PaymentCard], string(d)), true
}

// Find returns what the built-in detectors report in s, in order.
func (m *Masker) Find(s string) []Match { return m.scan(s, 0, 0, nil) }

// apply writes s with its matches masked, in one allocation: redact masks
// are prebuilt per detector, and the output's length is computed first.
func (m *Masker) apply(s string, ms []Match, counts []int64) string {
	size := len(s)
	for _, mt := range ms {
		size += m.maskLen(mt) - (mt.End - mt.Start)
	}
	var b strings.Builder
	b.Grow(size)
	prev := 0
	for _, mt := range ms {
		b.WriteString(s[prev:mt.Start])
		if tok := m.redacted[mt.Kind]; tok != "" {
			b.WriteString(tok)
		} else {
			m.act.write(&b, m.actions[mt.Kind], kindNames[mt.Kind], s[mt.Start:mt.End])
		}
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

// hasAlnum reports whether v holds a letter, a digit or a non-ASCII byte:
// a value of punctuation only is no secret.
func hasAlnum(v string) bool {
	for k := 0; k < len(v); k++ {
		if is(v[k], clsAlnum) || v[k] >= 0x80 {
			return true
		}
	}
	return false
}
