package masking

import "strings"

// Command-line credentials: options that take a password in the command
// lines that shells, process lists, CI jobs and audit logs record.

// cliOption is an option of some commands whose argument is a password.
type cliOption struct {
	opt    byte     // the option letter after '-'
	glued  bool     // the value is glued to the option (mysql -pXXX); "-p XXX" is something else
	spaced bool     // the value follows after a space
	userPw bool     // the value is user:password (curl -u); only the password is masked
	cmds   []string // the commands that give the option this meaning
}

var cliOptions = []cliOption{
	{opt: 'p', glued: true, cmds: []string{"mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlcheck", "mysqlsh", "mariadb", "mariadb-dump"}},
	{opt: 'a', glued: true, spaced: true, cmds: []string{"redis-cli", "redis-benchmark", "keydb-cli", "valkey-cli"}},
	{opt: 'p', glued: true, spaced: true, cmds: []string{"sshpass", "mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "mongostat"}},
	{opt: 'p', spaced: true, cmds: []string{"login"}},              // docker, podman, helm registry, oc login
	{opt: 'p', spaced: true, cmds: []string{"useradd", "usermod"}}, // a crypt(3) hash
	{opt: 'k', spaced: true, cmds: []string{"openssl"}},
	{opt: 'p', glued: true, cmds: []string{"7z", "7za", "7zr"}},
	{opt: 'p', spaced: true, cmds: []string{"rdesktop", "racadm", "ipmitool", "smbpasswd"}},
	{opt: 'w', spaced: true, cmds: []string{"ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapwhoami", "ldappasswd", "ldapcompare"}},
	{opt: 'u', glued: true, spaced: true, userPw: true, cmds: []string{"curl"}},
	{opt: 'U', glued: true, spaced: true, userPw: true, cmds: []string{"curl"}}, // --proxy-user
	// Net-SNMP v3: -A authentication and -X privacy pass phrases.
	{opt: 'A', spaced: true, cmds: snmpCommands},
	{opt: 'X', spaced: true, cmds: snmpCommands},
}

var snmpCommands = []string{"snmpwalk", "snmpget", "snmpgetnext", "snmpset", "snmpbulkwalk", "snmpbulkget", "snmptable", "snmptrap", "snmpinform", "snmpusm", "snmpvacm", "snmpstatus", "snmpdf", "snmpdelta", "snmptest", "check_snmp"}

// cliPassword matches the password argument of a command-line option at
// the '-' at i: "mysql -pXXX", "redis-cli -a XXX", "sshpass -p XXX",
// "curl -u user:XXX", "ldapsearch -w XXX", "-passin pass:XXX" (openssl),
// and "-P XXX" after "-U user" (sqlcmd, bcp, isql).
func (m *Masker) cliPassword(s string, i int) (int, int) {
	if i+1 < len(s) {
		switch s[i+1] {
		case 'm':
			if a, e := modeKey(s, i); e > 0 {
				return a, e // authentication-mode sha KEY
			}
		case 'U', 'a', '-':
			if a, e := joinedUserPassword(s, i); e > 0 {
				return a, e // -U user%password, -a user:password
			}
		}
	}
	if i+3 > len(s) || i > 0 && s[i-1] != ' ' && s[i-1] != '\t' && s[i-1] != '"' && s[i-1] != '\'' {
		return 0, 0
	}
	if a, e, ok := m.longOption(s, i); ok {
		return a, e
	}
	if s[i+1] == 'P' {
		return sqlcmdPassword(s, i)
	}
	if hasPrefixAt(s, i, "-pass") {
		return opensslPass(s, i)
	}
	if hasPrefixAt(s, i, "--user ") || hasPrefixAt(s, i, "--proxy-user ") {
		if commandBefore(s, i, []string{"curl"}) {
			a := strings.IndexByte(s[i:], ' ') + i + 1
			return userPassword(s, a)
		}
		return 0, 0
	}
	for k := range cliOptions {
		o := &cliOptions[k]
		if s[i+1] != o.opt {
			continue
		}
		a := i + 2
		switch {
		case s[a] == ' ' && o.spaced:
			a++
		case s[a] != ' ' && o.glued:
		default:
			continue
		}
		if !commandBefore(s, i, o.cmds) {
			continue
		}
		if o.userPw {
			return userPassword(s, a)
		}
		return optionValue(s, a)
	}
	return 0, 0
}

// commandBefore reports whether one of cmds is a word earlier on the line
// that holds i (within 256 bytes): "mysql -h db -u root -pXXX".
func commandBefore(s string, i int, cmds []string) bool {
	lo := max(0, i-256)
	if nl := strings.LastIndexByte(s[lo:i], '\n'); nl >= 0 {
		lo += nl + 1
	}
	line := s[lo:i]
	for _, c := range cmds {
		for off := 0; ; {
			j := strings.Index(line[off:], c)
			if j < 0 {
				break
			}
			j += off
			e := j + len(c)
			if (j == 0 || line[j-1] == ' ' || line[j-1] == '/' || line[j-1] == '"' || line[j-1] == '\'' || line[j-1] == '=' || line[j-1] == '\t') &&
				e < len(line) && (line[e] == ' ' || line[e] == '.' && hasPrefixAt(line, e, ".exe ") ||
				j > 0 && (line[e] == '"' || line[e] == '\'') && line[j-1] == line[e]) { // a quoted argument vector: ["mysql","-uroot","-p…"]
				return true
			}
			off = e
		}
	}
	return false
}

// optionValue returns the argument that starts at a: quoted with ', " or
// &quot;, or up to the next space. Another option, a shell variable, a
// placeholder or a mask is no password.
func optionValue(s string, a int) (int, int) {
	if a >= len(s) {
		return 0, 0
	}
	closeQ := " "
	switch {
	case strings.HasPrefix(s[a:], "&quot;"):
		a += 6
		closeQ = "&quot;"
	case s[a] == '"' || s[a] == '\'':
		closeQ = s[a : a+1]
		a++
	}
	e := strings.Index(s[a:], closeQ)
	if e < 0 {
		if closeQ != " " {
			return 0, 0
		}
		e = len(s) - a
	}
	e += a
	if closeQ == " " {
		for k := a; k < e; k++ {
			if s[k] == '\n' || s[k] == '\t' || s[k] == '"' || s[k] == '\'' {
				e = k
				break
			}
		}
	}
	if e == a {
		return 0, 0
	}
	v := s[a:e]
	if v[0] == '(' && cmdletCall(s, a+1, e) {
		return 0, 0 // -Password (ConvertTo-SecureString "…" …): the argument is matched on its own
	}
	if v[0] == '-' || v[0] == '$' && !cryptHash(v) || percentVariable(v) || isPlaceholder(v) || strings.Contains(v, "***") || containsMask(v) {
		return 0, 0
	}
	return a, e
}

// userPassword matches the password of a user:password argument at a.
func userPassword(s string, a int) (int, int) {
	a, e := optionValue(s, a)
	if e == 0 {
		return 0, 0
	}
	c := strings.IndexByte(s[a:e], ':')
	if c <= 0 || a+c+1 == e || strings.ContainsAny(s[a:a+c], "[]*/") || isPlaceholder(s[a+c+1:e]) || strings.Contains(s[a+c+1:e], "***") {
		return 0, 0
	}
	return a + c + 1, e
}

// opensslPass matches "-passin pass:XXX", "-passout pass:XXX" and "-pass
// pass:XXX" (openssl); env:, file: and fd: sources name no password.
func opensslPass(s string, i int) (int, int) {
	j := i + len("-pass")
	switch {
	case hasPrefixAt(s, j, "in "), hasPrefixAt(s, j, "out "):
		j = strings.IndexByte(s[j:], ' ') + j + 1
	case hasPrefixAt(s, j, " "):
		j++
	default:
		return 0, 0
	}
	if !hasPrefixAt(s, j, "pass:") {
		return 0, 0
	}
	return optionValue(s, j+len("pass:"))
}

// sqlcmdPassword matches the value of a "-P" option after a "-U user"
// option (sqlcmd, bcp, isql), quoted with ", ' or &quot; as in event XML,
// at the '-' at i. "-P 3306" (a port) and paths are not passwords.
func sqlcmdPassword(s string, i int) (int, int) {
	if i == 0 || s[i-1] != ' ' || i+4 > len(s) || s[i+2] != ' ' {
		return 0, 0
	}
	lo := max(0, i-96)
	if !strings.Contains(s[lo:i], " -U ") && !strings.Contains(s[lo:i], " -u ") {
		return 0, 0
	}
	a, e := optionValue(s, i+3)
	if e == 0 {
		return 0, 0
	}
	if v := s[a:e]; v[0] == '/' || v[0] == '.' || v[0] == '~' || !passwordShaped(v) {
		return 0, 0
	}
	return a, e
}

// redisAuthWords matches the password of an unquoted Redis AUTH command
// ("AUTH secret", "AUTH user secret") whose word AUTH ends at the space at
// i: the last of one or two arguments that end the line.
func redisAuthWords(s string, i int) (int, int) {
	a := i + 1
	e := a
	for e < len(s) && s[e] > ' ' && s[e] != '"' && s[e] != '\'' {
		e++
	}
	if e < len(s) && s[e] == ' ' {
		b := e + 1
		f := b
		for f < len(s) && s[f] > ' ' && s[f] != '"' && s[f] != '\'' {
			f++
		}
		if f == b || !plainValue(s[a:e]) || isMaskToken(s[a:e]) || strings.ContainsRune(s[a:e], '*') {
			return 0, 0 // the user must be a plain name, not our mask
		}
		a, e = b, f
	}
	if e == a || e < len(s) && s[e] != '\n' && s[e] != '\r' && s[e] != '"' && s[e] != '\'' {
		return 0, 0
	}
	if isPlaceholder(s[a:e]) || containsMask(s[a:e]) || strings.Contains(s[a:e], "***") || a == i+1 && plainValue(s[a:e]) {
		return 0, 0 // SMTP: AUTH LOGIN, AUTH PLAIN
	}
	return a, e
}

// longOption matches the argument of a long option named by a secret, token
// or code key, given after a space: "--client-secret X",
// "--secret-access-key X", "-password X" (Java tools). ok says that i
// starts such an option (whatever its argument was).
func (m *Masker) longOption(s string, i int) (a, e int, ok bool) {
	ns := i + 1
	if s[ns] == '-' {
		ns++
	}
	ne := ns
	for ne < len(s) && ne-ns < 64 && (isWord(s[ne]) || s[ne] == '-' || s[ne] == '.') {
		ne++
	}
	if ne-ns < 3 || ns == i+1 && ne-ns < 4 || ne+1 >= len(s) || s[ne] != ' ' || !is(s[ns], clsAlpha) {
		return 0, 0, false
	}
	c := m.lex.classes(s[ns:ne], keySecret|keyToken|keyCode)
	if c == 0 && m.bound != nil && len(m.bound.morphemes) > 0 {
		// Deny by default: --db-pass X, --auth-secretx X; after a space the
		// value must look like a password or a token (--key-file is a name).
		if w := m.bound.match(s[ns:ne]); w != "" {
			if a, e = optionValue(s, ne+1); e > 0 && boundSecret(w, s[a:e]) && strongShaped(s[a:e]) && !m.touchesMask(s, a, e) {
				return a, e, true
			}
		}
		return 0, 0, false
	}
	if c == 0 {
		return 0, 0, false
	}
	a, e = optionValue(s, ne+1)
	if e == 0 {
		return 0, 0, true
	}
	switch v := s[a:e]; {
	case looksLikePath(v):
		return 0, 0, true // --private-key ./key.pem
	case c&keySecret != 0:
	case c&keyToken != 0 && tokenShaped(v):
	case c&keyCode != 0 && !plainValue(v):
	default:
		return 0, 0, true
	}
	return a, e, true
}

// dsnPassword matches the password of a Go MySQL DSN, user:password@tcp(…)
// or @unix(…), at the '@' at at.
func dsnPassword(s string, at, last int) (int, int) {
	if !hasPrefixAt(s, at+1, "tcp(") && !hasPrefixAt(s, at+1, "unix(") && !hasPrefixAt(s, at+1, "(") {
		return 0, 0
	}
	c := at - 1
	for c > last && at-c < 128 && s[c] != ':' && s[c] > ' ' && s[c] != '"' && s[c] != '\'' && s[c] != '/' {
		c--
	}
	if c <= last || s[c] != ':' || c+1 == at || !isWord(s[c-1]) || isPlaceholder(s[c+1:at]) || strings.ContainsAny(s[c+1:at], "[]") || strings.Contains(s[c+1:at], "**") {
		return 0, 0
	}
	return c + 1, at
}

// percentVariable reports whether v, starting with '%', stands for a value:
// a Windows variable (%DB_PASSWORD%), a printf verb (%s, %v) or a Python
// format (%(pw)s). "%YWE3mM%kIqk" is a password.
func percentVariable(v string) bool {
	if v[0] != '%' {
		return false
	}
	return len(v) <= 3 || v[len(v)-1] == '%' || v[1] == '('
}

// positional are commands whose password is a positional argument: the
// words that start them and the index of the password among the arguments
// after those words.
var positional = []struct {
	words string
	arg   int
}{
	{"rabbitmqctl add_user ", 1}, {"rabbitmqctl change_password ", 1}, // user password
	{"htpasswd -b ", 2}, {"htpasswd -bc ", 2}, {"htpasswd -cb ", 2}, {"htpasswd -bB ", 2}, // file user password
	{"net user ", 1}, // user password [/add]
}

// positionalFirst marks the first bytes of the positional commands.
var positionalFirst = func() (t [256]bool) {
	for _, p := range positional {
		t[p.words[0]] = true
	}
	t['a'], t['p'] = true, true // Cisco SNMPv3: auth sha KEY priv aes 128 KEY
	t['k'] = true               // radius-server host H key [7] KEY
	return t
}()

// positionalPassword matches the password argument of the commands above,
// at word start i. When that argument is masked already it returns the
// empty match (e, e) at the end of the command's arguments, so that no
// other scanner takes the user argument for the password on a second pass.
func positionalPassword(s string, i int) (int, int) {
	if (s[i] == 'a' || s[i] == 'p') && i+5 < len(s) && s[i+4] == ' ' {
		return snmpUserKey(s, i)
	}
	if s[i] == 'k' && hasPrefixAt(s, i, "key ") && (i == 0 || s[i-1] == ' ') {
		return aaaServerKey(s, i)
	}
	for _, p := range positional {
		if s[i] != p.words[0] || !hasPrefixAt(s, i, p.words) {
			continue
		}
		j := i + len(p.words)
		for k := 0; k < p.arg && j < len(s); k++ {
			a, e := optionValue(s, j)
			if e == 0 || s[j] == '-' {
				return 0, 0
			}
			if e < len(s) && (s[e] == '\'' || s[e] == '"') {
				e++
			}
			if e >= len(s) || s[e] != ' ' {
				return 0, 0
			}
			_ = a
			j = e + 1
		}
		if maskStartsAt(s, j) {
			if k := strings.IndexByte(s[j:], ']'); k > 0 {
				return j + k + 1, j + k + 1
			}
		}
		a, e := optionValue(s, j)
		if e == 0 || s[a] == '/' || s[a] == '*' {
			return 0, 0 // net user bob /add, net user bob *
		}
		return a, e
	}
	return 0, 0
}

// sentinelAuthPass matches the password of Redis Sentinel's directive
// "sentinel auth-pass <master-name> <password>" (sentinel.conf and the
// config rewrites it logs) after the space at i.
func sentinelAuthPass(s string, i int) (int, int) {
	if i >= len(s) || s[i] != ' ' {
		return 0, 0
	}
	j := i + 1
	for j < len(s) && s[j] != ' ' && s[j] != '\n' {
		j++
	}
	if j == i+1 || j+1 >= len(s) || s[j] != ' ' {
		return 0, 0
	}
	a := j + 1
	e := unquotedEnd(s, a)
	if e == a || isPlaceholder(s[a:e]) || containsMask(s[a:e]) {
		return 0, 0
	}
	return a, e
}
