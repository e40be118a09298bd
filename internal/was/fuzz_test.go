package was

import (
	"testing"
)

// Fuzz targets for every parser of bytes from the network: none may panic,
// and what parses must emit without panicking.

func FuzzParseTomcatStatus(f *testing.F) {
	f.Add(readTestdata(f, "tomcat10.1-status.xml"))
	f.Add([]byte(`<status><connector name='"x"'><threadInfo maxThreads="1"/></connector></status>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := ParseTomcatStatus(b)
		if err == nil {
			st.Emit(NewEmitter("s", "v", 0, 1))
		}
	})
}

func FuzzParseJMXProxy(f *testing.F) {
	f.Add(readTestdata(f, "tomcat10.1-jmxproxy-catalina.txt")[:4000])
	f.Add([]byte("OK - Number of results: 1\n\nName: d:k=\"a,b\"\nx: {a=1, b=2}\ny: true\n\tz\n"))
	ps := builtinSet(f, "jvm", "tomcat")
	f.Fuzz(func(t *testing.T, b []byte) {
		beans, err := ParseJMXProxy(b)
		if err == nil {
			ps.Apply(NewEmitter("s", "v", 0, 1), beans, nil)
		}
	})
}

func FuzzParseJolokia(f *testing.F) {
	ps := builtinSet(f, "jvm", "wildfly")
	reqs := JolokiaRequests(ps)
	f.Add(readTestdata(f, "jolokia/jvm-wildfly-response.json"))
	f.Add([]byte(`{"status":403,"error":"no"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		beans, _, err := ParseJolokia(b, reqs)
		if err == nil {
			ps.Apply(NewEmitter("s", "v", 0, 1), beans, nil)
		}
	})
}

func FuzzParseApacheStatus(f *testing.F) {
	f.Add(readTestdata(f, "apache2.4-server-status.txt"))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := ParseApacheStatus(b)
		if err == nil {
			st.Emit(NewEmitter("s", "v", 0, 1))
		}
	})
}

func FuzzParseNginxStatus(f *testing.F) {
	f.Add(readTestdata(f, "nginx1.22-stub_status.txt"))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := ParseNginxStatus(b)
		if err == nil {
			st.Emit(NewEmitter("s", "v", 0, 1))
		}
	})
}

func FuzzParseObjectName(f *testing.F) {
	f.Add("Catalina:type=Manager,host=*,context=*")
	f.Add(`jboss.as:a="x,\"y",*`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePattern(s)
		if err != nil {
			return
		}
		if on, err := ParseObjectName(s); err == nil {
			p.Match(on)
		}
	})
}
