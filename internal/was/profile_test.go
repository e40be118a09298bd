package was

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func builtinSet(t testing.TB, names ...string) *ProfileSet {
	t.Helper()
	var ps []*Profile
	for _, n := range names {
		p, err := BuiltinProfile(n)
		require.NoError(t, err)
		ps = append(ps, p)
	}
	return NewProfileSet(ps...)
}

func TestBuiltinProfilesCompile(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []string{"jvm", "tomcat", "wildfly"}, BuiltinProfileNames())
	for _, n := range BuiltinProfileNames() {
		p, err := BuiltinProfile(n)
		require.NoError(t, err, n)
		assert.Equal(t, n, p.Name)
	}
	_, err := BuiltinProfile("weblogic")
	assert.ErrorContains(t, err, "have jvm, tomcat, wildfly")
}

func TestProfilesOnRecordedJMXProxy(t *testing.T) {
	t.Parallel()
	var beans []Bean
	for _, f := range []string{"tomcat10.1-jmxproxy-java.lang.txt", "tomcat10.1-jmxproxy-catalina.txt"} {
		b, err := ParseJMXProxy(readTestdata(t, f))
		require.NoError(t, err)
		beans = append(beans, b...)
	}
	ps := builtinSet(t, "jvm", "tomcat")
	assert.Equal(t, []string{"java.lang:*", "Catalina:*"}, ps.Domains())
	e := NewEmitter("s", "v", 0, 1)
	assert.Equal(t, 0, ps.Apply(e, beans, nil))
	ms := e.MetricSlice()
	assertPoints(t, ms, []want{
		{"jvm.class.loaded", nil, 3788},
		{"jvm.thread.count", nil, 22},
		{"jvm.cpu.count", nil, 2},
		{"jvm.cpu.time", nil, 5.43},
		{"jvm.gc.collections.count", map[string]string{"jvm.gc.name": "G1 Young Generation"}, 6},
		{"jvm.gc.collections.elapsed", map[string]string{"jvm.gc.name": "G1 Young Generation"}, 0.105},
		{"jvm.memory.used", map[string]string{"jvm.memory.pool.name": "G1 Old Gen", "jvm.memory.type": "heap"}, 8144384},
		{"jvm.memory.limit", map[string]string{"jvm.memory.pool.name": "Compressed Class Space", "jvm.memory.type": "non_heap"}, 1073741824},
		{"tomcat.session.active.count", map[string]string{"tomcat.context": "/manager"}, 0},
		{"tomcat.session.active.limit", map[string]string{"tomcat.context": "/host-manager"}, -1},
		{"tomcat.request.count", map[string]string{"tomcat.request.processor.name": "http-nio-127.0.0.1-28190"}, 9},
		{"tomcat.request.duration.sum", nil, 1.165},
		{"tomcat.network.io", map[string]string{"network.io.direction": "transmit"}, 621473},
		{"tomcat.thread.limit", map[string]string{"tomcat.thread.pool.name": "http-nio-127.0.0.1-28190"}, 200},
	})
	_, ok := value(ms, "jvm.memory.limit", map[string]string{"jvm.memory.pool.name": "Metaspace"})
	assert.False(t, ok, "skip_negative drops max -1")
	assert.Len(t, points(ms, "jvm.gc.collections.count"), 2)
	assert.Len(t, points(ms, "tomcat.session.created.count"), 2)

	// Names the status XML provides are skipped.
	e = NewEmitter("s", "v", 0, 1)
	ps.Apply(e, beans, statusMetrics)
	assert.Empty(t, points(e.MetricSlice(), "tomcat.request.count"))
	assert.NotEmpty(t, points(e.MetricSlice(), "tomcat.session.active.count"))
}

func TestUserProfileFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := filepath.Join(dir, "activemq.yaml")
	require.NoError(t, os.WriteFile(f, []byte(`name: activemq
rules:
  - bean: org.apache.activemq:type=Broker,brokerName=*,destinationType=Queue,destinationName=*
    attributes:
      activemq.broker.name: param(brokerName)
      activemq.destination.name: lowercase(param(destinationName))
    metrics:
      - {attribute: QueueSize, name: activemq.message.current, type: updowncounter, unit: "{message}"}
      - {attribute: EnqueueCount, name: activemq.message.enqueued, type: counter, unit: "{message}"}
`), 0o600))
	p, err := LoadProfileFile(f)
	require.NoError(t, err)
	on, err := ParseObjectName(`org.apache.activemq:type=Broker,brokerName=b1,destinationType=Queue,destinationName="Orders"`)
	require.NoError(t, err)
	e := NewEmitter("s", "v", 0, 1)
	NewProfileSet(p).Apply(e, []Bean{{Name: on, Attrs: map[string]any{"QueueSize": 5.0, "EnqueueCount": 12.0}}}, nil)
	v, ok := value(e.MetricSlice(), "activemq.message.current", map[string]string{"activemq.broker.name": "b1", "activemq.destination.name": "orders"})
	require.True(t, ok)
	assert.Equal(t, 5.0, v)
}

func TestBadProfilesNameTheField(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"rules: []": "name: required",
		"name: x\nrules: [{bean: 'nocolon', metrics: [{attribute: A, name: a}]}]":                          `rules[0]: bean: object name "nocolon"`,
		"name: x\nrules: [{bean: 'd:k=v'}]":                                                                "rules[0]: metrics: at least one",
		"name: x\nrules: [{bean: 'd:k=v', metrics: [{attribute: A, name: a, type: histogram}]}]":           `rules[0].metrics[0]: type: "histogram"`,
		"name: x\nrules: [{bean: 'd:k=v', metrics: [{attribute: A, name: a, value_type: long}]}]":          `value_type: "long"`,
		"name: x\nrules: [{bean: 'd:k=v', attributes: {a: 'param('}, metrics: [{attribute: A, name: a}]}]": "is not param(KEY)",
		"name: x\nunknown: 1": "field unknown not found",
	} {
		_, err := ParseProfile([]byte(in), "test.yaml")
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), "test.yaml: ")
		assert.Contains(t, err.Error(), want, in)
	}
}

func TestPatternMatch(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"Catalina:type=Manager,host=*,context=*", "Catalina:context=/shop,host=localhost,type=Manager", true},
		{"Catalina:type=Manager,host=*,context=*", "Catalina:type=Manager,host=localhost", false},
		{"Catalina:type=Manager,*", "Catalina:type=Manager,host=localhost,context=/", true},
		{"Catalina:type=Manager", "Catalina:type=Manager,host=localhost", false},
		{"*:type=Manager,*", "Tomcat:type=Manager,host=h", true},
		{"java.lang:type=GarbageCollector,name=G1*", "java.lang:name=G1 Young Generation,type=GarbageCollector", true},
		{"java.lang:type=GarbageCollector,name=?S", "java.lang:name=PS,type=GarbageCollector", true},
		{"jboss.as:subsystem=undertow,server=*,http-listener=*", `jboss.as:http-listener=default,server="a,b",subsystem=undertow`, true},
	} {
		p, err := ParsePattern(c.pattern)
		require.NoError(t, err)
		on, err := ParseObjectName(c.name)
		require.NoError(t, err)
		assert.Equal(t, c.want, p.Match(on), "%s ~ %s", c.pattern, c.name)
	}
}
