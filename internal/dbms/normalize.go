package dbms

import "strings"

// Normalize replaces the literals of a SQL statement (strings, numbers,
// hex and bit strings, dollar-quoted bodies) with ?, drops comments and
// collapses white space, so that a query text carries its shape and not
// its data. mysqlQuotes treats "..." as a string (MySQL's default) rather
// than a quoted identifier (PostgreSQL).
func Normalize(sql string, mysqlQuotes bool) string {
	var b strings.Builder
	b.Grow(len(sql))
	space := false
	emit := func(s string) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteString(s)
	}
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			space = true
			i++
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-', c == '#' && mysqlQuotes:
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
			space = true
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			end := strings.Index(sql[i+2:], "*/")
			if end < 0 {
				i = len(sql)
			} else {
				i += end + 4
			}
			space = true
		case c == '\'' || (c == '"' && mysqlQuotes):
			i = skipQuoted(sql, i, c, mysqlQuotes)
			emit("?")
		case (c == 'E' || c == 'e' || c == 'X' || c == 'x' || c == 'B' || c == 'b' || c == 'N' || c == 'n') &&
			i+1 < len(sql) && sql[i+1] == '\'' && !identByte(prev(sql, i)):
			i = skipQuoted(sql, i+1, '\'', mysqlQuotes || c == 'E' || c == 'e')
			emit("?")
		case c == '$' && !identByte(prev(sql, i)):
			if tag, ok := dollarTag(sql[i:]); ok {
				end := strings.Index(sql[i+len(tag):], tag)
				if end < 0 {
					i = len(sql)
				} else {
					i += len(tag) + end + len(tag)
				}
				emit("?")
				continue
			}
			// $1 placeholders stay.
			j := i + 1
			for j < len(sql) && sql[j] >= '0' && sql[j] <= '9' {
				j++
			}
			emit(sql[i:j])
			i = j
		case c >= '0' && c <= '9' && !identByte(prev(sql, i)):
			j := i
			for j < len(sql) && (identByte(sql[j]) || sql[j] == '.' ||
				((sql[j] == '+' || sql[j] == '-') && (sql[j-1] == 'e' || sql[j-1] == 'E'))) {
				j++
			}
			emit("?")
			i = j
		case c == '.' && i+1 < len(sql) && sql[i+1] >= '0' && sql[i+1] <= '9' && !identByte(prev(sql, i)):
			j := i + 1
			for j < len(sql) && (sql[j] >= '0' && sql[j] <= '9') {
				j++
			}
			emit("?")
			i = j
		case c == '"' || c == '`':
			j := skipQuoted(sql, i, c, false)
			emit(sql[i:j])
			i = j
		default:
			j := i + 1
			if identByte(c) {
				for j < len(sql) && (identByte(sql[j]) || sql[j] == '$') {
					j++
				}
			}
			emit(sql[i:j])
			i = j
		}
	}
	return b.String()
}

func prev(s string, i int) byte {
	if i == 0 {
		return ' '
	}
	return s[i-1]
}

func identByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// skipQuoted returns the index after the quoted run starting at s[i] ==
// q; a doubled quote stays inside, and so does a backslash-escaped one
// when backslash is true.
func skipQuoted(s string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case backslash && s[j] == '\\':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s)
}

// dollarTag returns the $tag$ that opens a dollar-quoted string.
func dollarTag(s string) (string, bool) {
	for j := 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '$':
			return s[:j+1], true
		case !identByte(c) || (j == 1 && c >= '0' && c <= '9'):
			return "", false
		}
	}
	return "", false
}
