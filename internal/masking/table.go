package masking

import "strings"

// Tables: CSV and TSV text with a header row, as imports, exports and
// report jobs log them ("id,email,password\n7,kim@…,Xk9#…"). The column
// whose header is a secret name is masked in every row below it that has
// as many fields as the header.

// maxTableRows bounds the rows read below one header.
const maxTableRows = 256

func isTableDelim(c byte) bool { return c == ',' || c == '\t' || c == ';' || c == '|' }

// lineBreakAt returns the length of a line break at j: "\n", "\r\n", or
// the escaped forms `\n` and `\r\n` of a line dumped into a string; 0 if
// there is none.
func lineBreakAt(s string, j int) int {
	switch {
	case j >= len(s):
		return 0
	case s[j] == '\n':
		return 1
	case s[j] == '\r' && j+1 < len(s) && s[j+1] == '\n':
		return 2
	case hasPrefixAt(s, j, `\n`):
		return 2
	case hasPrefixAt(s, j, `\r\n`):
		return 4
	}
	return 0
}

// tableColumn matches the fields of the column whose header is the secret,
// token or code name s[ws:we] of class kc (a delimiter or a line break at
// we), in the rows below the header, by the rules of the key class. It returns the matches appended to ms and the end of the last
// row read, or 0 when s[ws:we] is no header field of a table.
func (m *Masker) tableColumn(s string, ws, we, last int, kc keyClass, ms []Match) ([]Match, int) {
	var d byte
	switch {
	case isTableDelim(s[we]):
		d = s[we]
	case ws > 0 && isTableDelim(s[ws-1]) && lineBreakAt(s, we) > 0:
		d = s[ws-1]
	default:
		return ms, 0
	}
	// The header starts at a line break, the start of the text, a space or
	// a quote ("import users.csv: id,email,password\n…").
	hs := ws
	for hs > last && ws-hs < 1024 && s[hs-1] != '\n' && s[hs-1] != ' ' && s[hs-1] != '"' && !(hs >= 2 && s[hs-2] == '\\' && s[hs-1] == 'n') {
		hs--
	}
	he := we
	for he < len(s) && he-we < 1024 && lineBreakAt(s, he) == 0 {
		he++
	}
	br := lineBreakAt(s, he)
	if br == 0 {
		return ms, 0 // a header with no rows
	}
	cols, col := 0, -1
	for f := hs; ; {
		fe := f
		for fe < he && s[fe] != d {
			fe++
		}
		name := strings.Trim(s[f:fe], `"`)
		if name == "" || len(name) > 64 || !tableName(name) {
			return ms, 0
		}
		if f == ws {
			col = cols
		}
		cols++
		if fe >= he {
			break
		}
		f = fe + 1
	}
	if cols < 2 || col < 0 {
		return ms, 0
	}
	end := 0
	r := he + br
	for rows := 0; rows < maxTableRows && r < len(s); rows++ {
		re := r
		for re < len(s) && lineBreakAt(s, re) == 0 {
			re++
		}
		n, a, e := 0, -1, -1
		for f := r; ; {
			fe := f
			if f < re && s[f] == '"' {
				if q := strings.IndexByte(s[f+1:re], '"'); q >= 0 {
					fe = f + 1 + q + 1
				}
			}
			for fe < re && s[fe] != d {
				fe++
			}
			if n == col {
				a, e = f, fe
				if e-a >= 2 && s[a] == '"' && s[e-1] == '"' {
					a, e = a+1, e-1
				}
			}
			n++
			if fe >= re {
				break
			}
			f = fe + 1
		}
		if n != cols {
			break // the end of the table
		}
		if _, ok := m.wholeValue(kc, s[a:e]); ok && !containsMask(s[a:e]) && !m.touchesMask(s, a, e) {
			ms = append(ms, Match{Secret, a, e})
		}
		end = re
		b := lineBreakAt(s, re)
		if b == 0 {
			break
		}
		r = re + b
	}
	return ms, end
}

// tableName reports whether a header field is a column name: word bytes,
// '.' and '-'.
func tableName(n string) bool {
	for k := 0; k < len(n); k++ {
		if c := n[k]; !isKeyByte(c) {
			return false
		}
	}
	return true
}
