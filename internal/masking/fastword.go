package masking

// A word of ASCII letters all in one case ("user", "from", "PAID") is the
// commonest word in text, and for such a word the lexicon's rules (see
// classes) reduce to two exact look-ups: the word is a lexicon word, or it
// ends in a secret or token word of minGluedWord or more letters
// ("dbpassword"). No separator, camel-case step, digit suffix, qualifier,
// phrase or non-ASCII word can match inside it. mayBeLexiconWord answers
// that with one backwards pass over the word and a small hash table.

// maxExactWord is the longest word the exact test handles.
const maxExactWord = 32

// exactTable holds the plain ASCII lexicon words (no separator), open
// addressing on suffixHash.
type exactTable struct {
	slots []exactSlot // len a power of two, at most half full
	// shape says which lengths, first and last letters some word has;
	// gluedEnd which last two letters a word that may end a compound has.
	shape    [maxExactWord + 1][26][26]bool
	gluedEnd [26][26]bool
}

type exactSlot struct {
	h     uint32
	w     string // lower case; "" for an empty slot
	class keyClass
}

const exactMul = 0x01000193

// add records the plain word w (lower case) of class c.
func (t *exactTable) add(w string, c keyClass) {
	var h uint32
	for k := len(w) - 1; k >= 0; k-- {
		h = h*exactMul + uint32(w[k])
	}
	if n := len(w); n <= maxExactWord && letters(w) {
		t.shape[n][w[0]-'a'][w[n-1]-'a'] = true
		if n >= minGluedWord && c&(keySecret|keyToken) != 0 {
			t.gluedEnd[w[n-2]-'a'][w[n-1]-'a'] = true
		}
	}
	for i := range t.slots {
		if s := &t.slots[i]; s.w == w {
			s.class |= c
			return
		}
	}
	n := 0
	for i := range t.slots {
		if t.slots[i].w != "" {
			n++
		}
	}
	if 2*(n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]exactSlot, max(64, 4*len(old)))
		for _, s := range old {
			if s.w != "" {
				t.put(s)
			}
		}
	}
	t.put(exactSlot{h: h, w: w, class: c})
}

func (t *exactTable) put(s exactSlot) {
	mask := uint32(len(t.slots) - 1)
	for i := s.h & mask; ; i = (i + 1) & mask {
		if t.slots[i].w == "" {
			t.slots[i] = s
			return
		}
	}
}

// classOf returns the class of the word lw, lower case, of hash h (0 when
// it is none).
func (t *exactTable) classOf(h uint32, lw []byte) keyClass {
	if len(t.slots) == 0 {
		return 0
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.w == "" {
			return 0
		}
		if s.h == h && s.w == string(lw) {
			return s.class
		}
	}
}

// mayLabel reports whether label could match after the word s[ws:i] (with
// nothing joined before it by '-' or '.'): a word that may hold a lexicon
// word, "by" (IDENTIFIED BY), AUTH, or a phrase's first word.
func (m *Masker) mayLabel(s string, ws, i int) bool {
	w := s[ws:i]
	n := len(w)
	if n < 2 || n > maxExactWord {
		return true
	}
	// One quick pass: letters only, in one case or Title case ("User":
	// taken as "user", which classes may only find more in).
	first := class[w[0]]
	var rest uint8
	for k := 1; k < n; k++ {
		rest |= class[w[k]]
	}
	if (first|rest)&(clsDigit|clsUnderscore) != 0 || rest&clsUpper != 0 && (rest&clsLower != 0 || first&clsLower != 0) {
		return true // digits, '_', camel steps: the general rules
	}
	l := &m.lex
	a, b, z := lower(w[0]), lower(w[1]), lower(w[n-1])
	if l.exact.shape[n][a-'a'][z-'a'] || n > minGluedWord && l.exact.gluedEnd[lower(w[n-2])-'a'][z-'a'] {
		if first&clsUpper != 0 && rest&clsLower != 0 || l.exactWord(w) {
			return true // Title case is not worth the exact test
		}
	}
	return n == 2 && a == 'b' && z == 'y' || n == 4 && w == "AUTH" || l.phrases[a][b]
}

// exactWord reports whether w, ASCII letters in one case, is a lexicon
// word or ends in a secret or token word of minGluedWord or more letters
// ("dbpassword"), which is all classes can find in it.
func (l *lexicon) exactWord(w string) bool {
	n := len(w)
	var buf [maxExactWord]byte
	var h uint32 // the hash of buf[k:n]
	for k := n - 1; k >= 0; k-- {
		c := lower(w[k])
		buf[k] = c
		h = h*exactMul + uint32(c)
		if k > 0 && n-k >= minGluedWord && l.glued[c]&(keySecret|keyToken) != 0 && l.exact.classOf(h, buf[k:n])&(keySecret|keyToken) != 0 {
			return true
		}
	}
	return l.exact.classOf(h, buf[:n]) != 0
}

// letters reports whether w is all lower-case ASCII letters.
func letters(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k]-'a' >= 26 {
			return false
		}
	}
	return len(w) > 0
}
