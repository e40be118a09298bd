package masking

// Versions shaped like dotted quads, recognised by what stands before
// them. Each rule names a mechanism, not a product: a version word before
// a parenthesis (VRMF(9.3.0.15), firmware(…)), a product name written in
// CamelCase before a space (ClickHouse 23.8.20.20), the value of a user
// agent (ua=Yealink SIP-T46S 66.85.0.145) and the Version column of a
// fixed-width table (PowerShell Get-Module, dpkg -l, pip list).

// versionContext reports whether the dotted quad at i is a version by one
// of those rules.
func versionContext(s string, i int) bool {
	if i < 2 {
		return false
	}
	switch s[i-1] {
	case '(', '[':
		return versionWordBefore(s, i-1)
	case ' ', '\t':
		w := keyWordBefore(s, i)
		return camelProduct(w) || userAgentValue(s, i) || tableColumnNamed(s, i, "version")
	}
	return false
}

// versionWordBefore reports whether the word ending at j is a version word
// (VRMF, version, ver, build, firmware, …).
func versionWordBefore(s string, j int) bool {
	k := j
	for k > 0 && j-k < 32 && isWord(s[k-1]) {
		k--
	}
	w := s[k:j]
	if len(w) == 0 {
		return false
	}
	if len(w) == 4 && hasPrefixFold(w, 0, "vrmf") || len(w) >= 7 && hasPrefixFold(w, len(w)-7, "version") {
		return true
	}
	for _, v := range versionWords {
		if len(w) == len(v) && hasPrefixFold(w, 0, v) {
			return true
		}
	}
	return false
}

// camelProduct reports whether w is a product name in CamelCase
// (ClickHouse, PowerShell, FreeSWITCH): letters only, a lower-case letter
// followed by an upper-case one, and no last part that names an address
// holder (RemoteHost, ClientIP, PeerAddr are labels of addresses).
func camelProduct(w string) bool {
	if len(w) < 4 || len(w) > 32 || !is(w[0], clsUpper) {
		return false
	}
	camel := -1
	for k := 0; k < len(w); k++ {
		if !is(w[k], clsAlpha) {
			return false
		}
		if k > 0 && is(w[k], clsUpper) && is(w[k-1], clsLower) {
			camel = k
		}
	}
	if camel < 0 {
		return false
	}
	last := w[camel:]
	for _, a := range addressParts {
		if len(last) >= len(a) && hasPrefixFold(last, 0, a) {
			return false
		}
	}
	return true
}

// addressParts are name parts that make a CamelCase label the label of an
// address rather than a product name.
var addressParts = []string{"ip", "addr", "host", "peer", "server", "client", "gateway", "source", "src", "dst", "dest", "from", "to", "remote", "local", "nat", "router", "node", "proxy", "relay", "upstream", "target", "endpoint", "origin", "forwarded", "real", "net", "subnet", "route", "nexthop", "hop", "bind", "listen", "public", "private", "external", "internal", "inside", "outside", "wan", "lan", "dns", "ntp", "name"}

// userAgentValue reports whether i stands inside the value of a user agent
// key or header (ua=, user_agent=, User-Agent:, agent=), which names
// products and their versions: no '=', ',', ';', '"' or line break
// between the key and i.
func userAgentValue(s string, i int) bool {
	j := i
	for j > 0 && i-j < 96 {
		c := s[j-1]
		if c == '=' || c == ':' {
			w := keyWordBefore(s, j)
			if n := len(w); n >= 2 && hasPrefixFold(w, n-2, "ua") && (n == 2 || isPartSep(w[n-3])) || n >= 5 && hasPrefixFold(w, n-5, "agent") {
				return true
			}
			return false
		}
		if c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r' || c == '\\' || c == '|' || c == '\t' {
			return false
		}
		j--
	}
	return false
}

// tableColumnNamed reports whether i is the start of a cell of a
// fixed-width table whose header line (above i, within the same text)
// names the column at i's offset name: ModuleType Version    Name /
// ---------- -------    ---- / Manifest   3.1.0.0    Microsoft….
func tableColumnNamed(s string, i int, name string) bool {
	ls := i
	for ls > 0 && i-ls < 256 && s[ls-1] != '\n' {
		ls--
	}
	if ls == 0 || s[ls-1] != '\n' {
		return false
	}
	col := i - ls
	// Up to four lines above: the header (and a rule of dashes).
	e := ls - 1
	for k := 0; k < 4 && e > 0; k++ {
		b := e
		for b > 0 && e-b < 256 && s[b-1] != '\n' {
			b--
		}
		line := s[b:e]
		if col+len(name) <= len(line) && hasPrefixFold(line, col, name) && (col == 0 || line[col-1] == ' ') &&
			(col+len(name) == len(line) || !isWord(line[col+len(name)])) {
			return true
		}
		if b == 0 {
			return false
		}
		e = b - 1
	}
	return false
}
