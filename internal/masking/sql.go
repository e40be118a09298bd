package masking

import "strings"

// maxSQLColumns bounds the column list that values are paired with.
const maxSQLColumns = 64

// sqlValues pairs INSERT … (c1, c2, …) VALUES (v1, v2, …), (…) at word
// start i ("VALUES"): a value whose column is a secret key is masked
// whole, a token-shaped value of a token column and an account-shaped value
// of a bank column too; every other value is scanned by the detectors as
// usual. It returns the matches and the end of the list, or end 0 when i
// does not start a VALUES list with a column list before it.
func (m *Masker) sqlValues(s string, i, last int, ms []Match) ([]Match, int) {
	if !hasPrefixFold(s, i, "values") || !wordBoundaryAfter(s, i+6) {
		return ms, 0
	}
	// The column list: back over spaces to ')', then to its '('.
	k := i
	for k > last && is(s[k-1], clsSpace) {
		k--
	}
	if k <= last || s[k-1] != ')' {
		return ms, 0
	}
	ce := k - 1
	cs := ce
	for cs > last && ce-cs < 2048 && s[cs-1] != '(' {
		if c := s[cs-1]; c == ')' || c == '\'' || c == ';' {
			return ms, 0
		}
		cs--
	}
	if cs <= last || s[cs-1] != '(' {
		return ms, 0
	}
	if cl := s[cs:ce]; strings.Contains(cl, redactPrefix) || strings.Contains(cl, hashPrefix) || strings.Contains(cl, "****") {
		// A value was masked inside the column list, which the first pass
		// (where that match was the last one) did not pair either.
		return ms, 0
	}
	var cols [maxSQLColumns]keyClass
	nc := 0
	for a := cs; a <= ce && nc < maxSQLColumns; {
		e := a
		for e < ce && s[e] != ',' {
			e++
		}
		cols[nc] = m.classifyColumn(s[a:e])
		nc++
		a = e + 1
	}
	j := i + 6
	end, kept := 0, len(ms)
	var sub [4]Match
	var ph [maxSQLColumns]keyClass // the columns of '?' placeholders, in order
	nph := 0
	for {
		for j < len(s) && is(s[j], clsSpace) {
			j++
		}
		if j >= len(s) || s[j] != '(' {
			break
		}
		j++
		for col := 0; ; col++ {
			for j < len(s) && is(s[j], clsSpace) {
				j++
			}
			a, e, next := sqlValue(s, j)
			if next < 0 {
				return ms[:kept], end // cut off: keep what the complete rows gave
			}
			var kc keyClass
			if col < nc {
				kc = cols[col]
			}
			v := s[a:e]
			if sqlPlaceholder(v) {
				// ?, $1, :name, NULL, DEFAULT: no value to mask.
				if v == "?" && nph < maxSQLColumns {
					ph[nph] = kc
					nph++
				}
			} else if k, ok := m.wholeValue(kc, v); ok && !m.touchesMask(s, a, e) {
				ms = append(ms, Match{k, a, e})
			} else if kc&keySecret == 0 {
				ms = append(ms, m.sub(s[:e], a, kc, sub[:0])...)
			}
			j = next
			if s[j-1] == ')' {
				break
			}
		}
		end, kept = j, len(ms)
		for j < len(s) && is(s[j], clsSpace) {
			j++
		}
		if j >= len(s) || s[j] != ',' {
			break
		}
		j++
	}
	if nph > 0 && end > 0 {
		ms, end = m.boundParameters(s, end, ph[:nph], ms)
	}
	return ms, end
}

// boundParameters pairs the values of a MyBatis "==> Parameters: v1(String),
// v2(Integer), null" line that follows a statement's placeholders (from
// end) with the placeholders' columns, like a VALUES list. It returns the
// end of the parameter list, or end itself when none follows.
func (m *Masker) boundParameters(s string, end int, cols []keyClass, ms []Match) ([]Match, int) {
	const label = "Parameters: "
	k := strings.Index(s[end:min(len(s), end+48)], label)
	if k < 0 {
		return ms, end
	}
	j := end + k + len(label)
	var sub [4]Match
	for col := 0; col < len(cols) && j < len(s); col++ {
		a := j
		e, next := -1, -1
		if strings.HasPrefix(s[a:], "null") && (a+4 == len(s) || s[a+4] == ',' || s[a+4] == '\n' || s[a+4] == '\r') {
			e, next = a, a+4
		} else {
			for p := a; p < len(s) && s[p] != '\n'; p++ {
				if s[p] != '(' {
					continue
				}
				t := p + 1
				for t < len(s) && (is(s[t], clsAlpha) || s[t] == '.') {
					t++
				}
				if t > p+1 && t < len(s) && s[t] == ')' && (t+1 == len(s) || s[t+1] == ',' || s[t+1] == '\n' || s[t+1] == '\r') {
					e, next = p, t+1
					break
				}
			}
		}
		if e < 0 {
			break
		}
		if e > a {
			v := s[a:e]
			if kind, ok := m.wholeValue(cols[col], v); ok && !m.touchesMask(s, a, e) {
				ms = append(ms, Match{kind, a, e})
			} else if cols[col]&keySecret == 0 {
				ms = append(ms, m.sub(s[:e], a, cols[col], sub[:0])...)
			}
		}
		end = next
		if next+2 > len(s) || s[next] != ',' || s[next+1] != ' ' {
			break
		}
		j = next + 2
	}
	return ms, end
}

// classifyColumn classifies a column name, without quotes or backticks.
func (m *Masker) classifyColumn(c string) keyClass {
	a, e := 0, len(c)
	for a < e && (is(c[a], clsSpace) || c[a] == '`' || c[a] == '"' || c[a] == '[') {
		a++
	}
	for e > a && (is(c[e-1], clsSpace) || c[e-1] == '`' || c[e-1] == '"' || c[e-1] == ']') {
		e--
	}
	if a == e {
		return 0
	}
	return m.classify(c[a:e])
}

// sqlValue reads one value at j: a quoted string (its content is
// [a, e)) or an unquoted expression; next is the position after the ','
// or ')' that ends it, or -1 when the list is cut off.
func sqlValue(s string, j int) (a, e, next int) {
	if j < len(s) && (s[j] == '\'' || s[j] == '"') {
		q := s[j]
		a = j + 1
		e = a
		for e < len(s) {
			if s[e] == '\\' {
				e += 2
				continue
			}
			if s[e] == q {
				if e+1 < len(s) && s[e+1] == q {
					e += 2 // '' inside a string
					continue
				}
				break
			}
			e++
		}
		if e >= len(s) {
			return 0, 0, -1
		}
		k := e + 1
		for k < len(s) && is(s[k], clsSpace) {
			k++
		}
		if k >= len(s) || (s[k] != ',' && s[k] != ')') {
			return 0, 0, -1
		}
		return a, e, k + 1
	}
	a = j
	depth := 0
	for e = j; e < len(s); e++ {
		switch s[e] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return a, e, e + 1
			}
			depth--
		case ',':
			if depth == 0 {
				return a, e, e + 1
			}
		case '\'', '"', ';':
			return 0, 0, -1
		}
	}
	return 0, 0, -1
}

// sqlPlaceholder reports whether an unquoted value is a bind placeholder or
// a keyword rather than data.
func sqlPlaceholder(v string) bool {
	switch {
	case v == "" || v == "?":
		return true
	case v[0] == '$' && cryptHash(v):
		return false // a bcrypt or SHA-crypt hash: '$2b$12$…'
	case v[0] == '$' || v[0] == ':' || v[0] == '@':
		return true
	case len(v) == 4 && hasPrefixFold(v, 0, "null"), len(v) == 7 && hasPrefixFold(v, 0, "default"):
		return true
	}
	return false
}
