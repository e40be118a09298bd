package was

import (
	"bytes"
	"strconv"
)

// parseTomcatStatusFast reads the status XML without encoding/xml, which
// spends a few hundred allocations on a 2 KB page. It understands what
// Tomcat writes (elements with attributes in single or double quotes, the
// five predefined entities) and reports ok=false for anything else, which
// then goes to encoding/xml.
func parseTomcatStatusFast(data []byte) (*TomcatStatus, bool) {
	st := &TomcatStatus{}
	var conn *Connector
	inJVM := false
	for {
		i := bytes.IndexByte(data, '<')
		if i < 0 {
			break
		}
		data = data[i+1:]
		if len(data) > 0 && (data[0] == '?' || data[0] == '!') {
			j := bytes.IndexByte(data, '>')
			if j < 0 {
				return nil, false
			}
			data = data[j+1:]
			continue
		}
		closing := len(data) > 0 && data[0] == '/'
		if closing {
			data = data[1:]
		}
		n := 0
		for n < len(data) && data[n] != ' ' && data[n] != '>' && data[n] != '/' && data[n] != '\t' && data[n] != '\n' {
			n++
		}
		name := data[:n]
		data = data[n:]
		if closing {
			switch string(name) {
			case "jvm":
				inJVM = false
			case "connector":
				conn = nil
			}
			j := bytes.IndexByte(data, '>')
			if j < 0 {
				return nil, false
			}
			data = data[j+1:]
			continue
		}
		// Attributes up to the end of the tag.
		var attrs [12][2][]byte
		na := 0
		for {
			for len(data) > 0 && (data[0] == ' ' || data[0] == '\t' || data[0] == '\n' || data[0] == '\r') {
				data = data[1:]
			}
			if len(data) == 0 {
				return nil, false
			}
			if data[0] == '>' || data[0] == '/' {
				j := bytes.IndexByte(data, '>')
				if j < 0 {
					return nil, false
				}
				data = data[j+1:]
				break
			}
			eq := bytes.IndexByte(data, '=')
			if eq <= 0 || eq+1 >= len(data) {
				return nil, false
			}
			key := bytes.TrimSpace(data[:eq])
			q := data[eq+1]
			if q != '\'' && q != '"' {
				return nil, false
			}
			end := bytes.IndexByte(data[eq+2:], q)
			if end < 0 {
				return nil, false
			}
			if na < len(attrs) {
				attrs[na] = [2][]byte{key, data[eq+2 : eq+2+end]}
				na++
			}
			data = data[eq+2+end+1:]
		}
		get := func(k string) []byte {
			for i := 0; i < na; i++ {
				if string(attrs[i][0]) == k {
					return attrs[i][1]
				}
			}
			return nil
		}
		num := func(k string) (int64, bool) {
			v := get(k)
			if v == nil {
				return 0, true // absent: zero, as encoding/xml leaves it
			}
			x, err := strconv.ParseInt(string(v), 10, 64)
			return x, err == nil
		}
		ok := true
		set := func(p *int64, k string) {
			x, good := num(k)
			*p = x
			ok = ok && good
		}
		switch string(name) {
		case "jvm":
			inJVM = true
		case "memorypool":
			if !inJVM {
				continue
			}
			var p MemoryPool
			var good bool
			if p.Name, good = unescapeXML(get("name")); !good {
				return nil, false
			}
			if p.Type, good = unescapeXML(get("type")); !good {
				return nil, false
			}
			set(&p.Init, "usageInit")
			set(&p.Committed, "usageCommitted")
			set(&p.Max, "usageMax")
			set(&p.Used, "usageUsed")
			st.Pools = append(st.Pools, p)
		case "connector":
			var c Connector
			var good bool
			if c.Name, good = unescapeXML(get("name")); !good {
				return nil, false
			}
			st.Connectors = append(st.Connectors, c)
			conn = &st.Connectors[len(st.Connectors)-1]
		case "threadInfo":
			if conn != nil {
				set(&conn.Thread.Max, "maxThreads")
				set(&conn.Thread.Current, "currentThreadCount")
				set(&conn.Thread.Busy, "currentThreadsBusy")
			}
		case "requestInfo":
			if conn != nil {
				set(&conn.Request.MaxTime, "maxTime")
				set(&conn.Request.ProcessingTime, "processingTime")
				set(&conn.Request.Count, "requestCount")
				set(&conn.Request.Errors, "errorCount")
				set(&conn.Request.BytesReceived, "bytesReceived")
				set(&conn.Request.BytesSent, "bytesSent")
			}
		}
		if !ok {
			return nil, false
		}
	}
	return st, true
}

// unescapeXML decodes the predefined entities; ok is false for any other
// reference (left to encoding/xml).
func unescapeXML(b []byte) (string, bool) {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b), true
	}
	var out []byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:i]...)
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 {
			return "", false
		}
		switch string(b[:j+1]) {
		case "&apos;":
			out = append(out, '\'')
		case "&quot;":
			out = append(out, '"')
		case "&amp;":
			out = append(out, '&')
		case "&lt;":
			out = append(out, '<')
		case "&gt;":
			out = append(out, '>')
		default:
			return "", false
		}
		b = b[j+1:]
	}
	return string(out), true
}
