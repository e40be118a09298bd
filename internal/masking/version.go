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
		return camelProduct(w) || bannerVerbBefore(s, i, len(w)) || userAgentValue(s, i) || versionColumn(s, i)
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

// bannerVerbs start a start-up banner: "Starting Kibana 8.13.0.1",
// "Running Gitaly 16.11.2.1".
var bannerVerbs = []string{"starting", "started", "running", "booting", "loading", "loaded", "launching", "initializing", "installing", "installed", "upgrading", "welcome to"}

// bannerVerbBefore reports whether the product name of n bytes before i
// (one space) is capitalised and follows a banner verb.
func bannerVerbBefore(s string, i, n int) bool {
	ns := i - 1 - n
	if n < 2 || ns < 2 || s[i-1] != ' ' || !is(s[ns], clsUpper) || s[ns-1] != ' ' {
		return false
	}
	for _, v := range bannerVerbs {
		if vs := ns - 1 - len(v); vs >= 0 && hasPrefixFold(s, vs, v) && (vs == 0 || !isWord(s[vs-1])) {
			return true
		}
	}
	return false
}

// versionColumn reports whether i starts a cell of a fixed-width table
// whose header line (up to four lines above i, in the same text) names a
// version column at i's offset (Version, Ver, Build, Firmware…):
// ModuleType Version    Name / ---------- -------    ---- / Manifest
// 3.1.0.0    Microsoft….
func versionColumn(s string, i int) bool {
	ls := i
	for ls > 0 && i-ls < 256 && s[ls-1] != '\n' {
		ls--
	}
	if ls == 0 || s[ls-1] != '\n' {
		return false // one line: no header
	}
	col := i - ls
	e := ls - 1
	for k := 0; k < 4 && e > 0; k++ {
		b := e
		for b > 0 && e-b < 256 && s[b-1] != '\n' {
			b--
		}
		if line := s[b:e]; col < len(line) && (col == 0 || line[col-1] == ' ') {
			we := col
			for we < len(line) && is(line[we], clsAlpha) {
				we++
			}
			if w := line[col:we]; len(w) >= 2 && (len(w) == 7 && hasPrefixFold(w, 0, "version") || lastPartIn(w, versionWords)) {
				return true
			}
		}
		if b == 0 {
			return false
		}
		e = b - 1
	}
	return false
}
