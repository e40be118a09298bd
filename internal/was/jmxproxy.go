package was

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// ParseJMXProxy parses the text answer of Tomcat's JMX proxy servlet
// (/manager/jmxproxy?qry=PATTERN): "OK - Number of results: N", then one
// block per MBean starting with "Name: OBJECTNAME" and holding
// "attribute: value" lines. Numbers, booleans and composite data
// ("{committed=1, used=2}") are kept; arrays and other values are skipped.
func ParseJMXProxy(data []byte) ([]Bean, error) { return parseJMXProxy(data, nil) }

// ParseJMXProxyFor parses only what the profile set uses: MBeans that no
// rule matches and attributes that no rule reads are skipped unconverted.
func ParseJMXProxyFor(data []byte, ps *ProfileSet) ([]Bean, error) { return parseJMXProxy(data, ps) }

func parseJMXProxy(data []byte, ps *ProfileSet) ([]Bean, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	if !sc.Scan() {
		return nil, fmt.Errorf("jmxproxy: empty answer")
	}
	head := strings.TrimSpace(sc.Text())
	if !strings.HasPrefix(head, "OK") {
		return nil, fmt.Errorf("jmxproxy: %s", truncate(head, 200))
	}
	var beans []Bean
	var cur *Bean
	scratch := ObjectName{Keys: map[string]string{}} // to test MBeans no rule reads without keeping them
	blank := true                                    // the next "Name:" line starts a bean
	for sc.Scan() {
		line := sc.Bytes() // no string per line: most lines are skipped
		if len(line) == 0 {
			blank = true
			continue
		}
		if line[0] == '\t' || line[0] == ' ' {
			continue // an array element or a continuation
		}
		k, v, ok := bytes.Cut(line, colonSpace)
		if !ok {
			continue
		}
		if blank && string(k) == "Name" {
			blank = false
			cur = nil
			name := string(v)
			if err := parseObjectNameInto(name, &scratch); err != nil || (ps != nil && !ps.matches(scratch)) {
				continue
			}
			on, _ := ParseObjectName(name)
			beans = append(beans, Bean{Name: on, Attrs: map[string]any{}})
			cur = &beans[len(beans)-1]
			continue
		}
		blank = false
		if cur == nil || (ps != nil && !ps.attrs[string(k)]) {
			continue
		}
		if x, ok := proxyValue(string(v)); ok {
			cur.Attrs[string(k)] = x
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("jmxproxy: %w", err)
	}
	return beans, nil
}

// proxyValue converts what the proxy printed for one attribute.
func proxyValue(v string) (any, bool) {
	switch v {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	if v != "" && (v[0] == '-' || (v[0] >= '0' && v[0] <= '9')) {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f, true
		}
	}
	// Composite data prints as {k=v, k=v} (Tomcat 10) or as
	// javax.management.openmbean.CompositeDataSupport(...,contents={k=v, ...}).
	if i := strings.LastIndex(v, "contents={"); i >= 0 {
		v = v[i+len("contents="):]
		v = strings.TrimSuffix(v, ")")
	}
	if len(v) > 2 && v[0] == '{' && v[len(v)-1] == '}' && !strings.ContainsAny(v[1:len(v)-1], "{}") {
		m := map[string]any{}
		for _, kv := range strings.Split(v[1:len(v)-1], ", ") {
			k, x, ok := strings.Cut(kv, "=")
			if !ok {
				continue
			}
			if f, err := strconv.ParseFloat(x, 64); err == nil {
				m[k] = f
			}
		}
		if len(m) > 0 {
			return m, true
		}
		return nil, false
	}
	// Strings are kept for attr() expressions (MemoryPool Type: HEAP).
	if len(v) <= 256 {
		return v, true
	}
	return nil, false
}

var colonSpace = []byte(": ")

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
