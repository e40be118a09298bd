package was

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// The testdata files were recorded from Tomcat 10.1.60, nginx 1.22.1 and
// Apache httpd 2.4.71 (Debian 12 packages) on the build machine.

func TestTomcatStatusRecorded(t *testing.T) {
	t.Parallel()
	st, err := ParseTomcatStatus(readTestdata(t, "tomcat10.1-status.xml"))
	require.NoError(t, err)
	require.Len(t, st.Pools, 8)
	require.Len(t, st.Connectors, 1)
	e := NewEmitter("s", "v", 0, 1)
	st.Emit(e)
	ms := e.MetricSlice()
	v, ok := value(ms, "jvm.memory.used", map[string]string{"jvm.memory.pool.name": "G1 Old Gen", "jvm.memory.type": "heap"})
	require.True(t, ok)
	assert.Equal(t, float64(8144384), v)
	v, ok = value(ms, "jvm.memory.limit", map[string]string{"jvm.memory.pool.name": "G1 Old Gen"})
	require.True(t, ok)
	assert.Equal(t, float64(268435456), v)
	_, ok = value(ms, "jvm.memory.limit", map[string]string{"jvm.memory.pool.name": "G1 Eden Space"})
	assert.False(t, ok, "usageMax -1 means no limit")
	_, ok = value(ms, "jvm.memory.used", map[string]string{"jvm.memory.pool.name": "CodeHeap 'non-nmethods'", "jvm.memory.type": "non_heap"})
	assert.True(t, ok, "XML entities decoded, non-heap typed")

	// Connector names lose their literal quotes; times go from ms to s.
	rp := map[string]string{"tomcat.request.processor.name": "http-nio-127.0.0.1-28190"}
	for name, want := range map[string]float64{
		"tomcat.request.count": 7, "tomcat.error.count": 0,
		"tomcat.request.duration.max": 0.508, "tomcat.request.duration.sum": 1.145,
	} {
		v, ok := value(ms, name, rp)
		require.True(t, ok, name)
		assert.InDelta(t, want, v, 1e-9, name)
	}
	v, _ = value(ms, "tomcat.network.io", map[string]string{"network.io.direction": "transmit"})
	assert.Equal(t, float64(580541), v)
	v, _ = value(ms, "tomcat.thread.limit", map[string]string{"tomcat.thread.pool.name": "http-nio-127.0.0.1-28190"})
	assert.Equal(t, float64(200), v)
	m, _ := metricOf(ms, "tomcat.request.count")
	assert.True(t, m.Sum().IsMonotonic())
	assert.Equal(t, pmetric.AggregationTemporalityCumulative, m.Sum().AggregationTemporality())
}

func TestTomcatStatusRejectsOtherPages(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "<html><body>login</body></html>", "<status/>", "not xml <"} {
		_, err := ParseTomcatStatus([]byte(in))
		assert.Error(t, err, in)
	}
}

func TestJMXProxyRecorded(t *testing.T) {
	t.Parallel()
	beans, err := ParseJMXProxy(readTestdata(t, "tomcat10.1-jmxproxy-java.lang.txt"))
	require.NoError(t, err)
	// 18 MBeans; the "Name: Metaspace" attribute lines inside MBeans are
	// attributes, not new MBeans.
	assert.Len(t, beans, 18)
	byName := map[string]Bean{}
	for _, b := range beans {
		byName[beanKey(&b)] = b
	}
	cl := byName["java.lang:type=ClassLoading"]
	assert.Equal(t, 3788.0, cl.Attrs["TotalLoadedClassCount"])
	ms := byName["java.lang:name=Metaspace,type=MemoryPool"]
	assert.Equal(t, "NON_HEAP", ms.Attrs["Type"])
	assert.Equal(t, "Metaspace", ms.Attrs["Name"])
	usage, ok := ms.Attrs["Usage"].(map[string]any)
	require.True(t, ok, "composite data parsed: %v", ms.Attrs["Usage"])
	assert.Equal(t, -1.0, usage["max"])

	_, err = ParseJMXProxy([]byte("Error - Invalid query\n"))
	assert.ErrorContains(t, err, "Invalid query")
}

func TestApacheRecorded(t *testing.T) {
	t.Parallel()
	st, err := ParseApacheStatus(readTestdata(t, "apache2.4-server-status.txt"))
	require.NoError(t, err)
	e := NewEmitter("s", "v", 0, 1)
	assert.Equal(t, 0, st.Emit(e))
	ms := e.MetricSlice()
	assertPoints(t, ms, []want{
		{"apache.requests", nil, 5},
		{"apache.traffic", nil, 3 * 1024},
		{"apache.uptime", nil, 247},
		{"apache.workers", map[string]string{"state": "busy"}, 1},
		{"apache.workers", map[string]string{"state": "idle"}, 74},
		{"apache.cpu.time", map[string]string{"level": "self", "mode": "system"}, 0.01},
		{"apache.cpu.load", nil, 0.00404858},
		{"apache.load.1", nil, 15.54},
		{"apache.load.15", nil, 5.63},
		{"apache.current_connections", nil, 0},
		{"apache.scoreboard", map[string]string{"state": "sending"}, 1},
		{"apache.scoreboard", map[string]string{"state": "waiting"}, 74},
	})
	open, _ := value(ms, "apache.scoreboard", map[string]string{"state": "open"})
	assert.Equal(t, float64(400-75), open)

	_, err = ParseApacheStatus([]byte("<html>It works</html>"))
	assert.ErrorContains(t, err, "ExtendedStatus")
	st, err = ParseApacheStatus([]byte("Total Accesses: lots\nBusyWorkers: 1\n"))
	require.NoError(t, err)
	assert.Equal(t, 1, st.Emit(NewEmitter("s", "v", 0, 1)), "a bad number is dropped and counted")
}

func TestNginxRecorded(t *testing.T) {
	t.Parallel()
	st, err := ParseNginxStatus(readTestdata(t, "nginx1.22-stub_status.txt"))
	require.NoError(t, err)
	assert.Equal(t, NginxStatus{Active: 1, Accepted: 6, Handled: 6, Requests: 6, Writing: 1}, *st)
	e := NewEmitter("s", "v", 0, 1)
	st.Emit(e)
	v, _ := value(e.MetricSlice(), "nginx.connections_current", map[string]string{"state": "writing"})
	assert.Equal(t, 1.0, v)
	v, _ = value(e.MetricSlice(), "nginx.requests", nil)
	assert.Equal(t, 6.0, v)

	for _, in := range []string{"", "ok\n", "Active connections: x\na\n1 2 3\nReading: 0 Writing: 1 Waiting: 0",
		"Active connections: 1\nserver accepts handled requests\n 1 2\nReading: 0 Writing: 1 Waiting: 0"} {
		_, err := ParseNginxStatus([]byte(in))
		assert.Error(t, err, in)
	}
}

// The fast status parser agrees with encoding/xml on what Tomcat writes:
// the recording, double quotes, entities, pretty-printing.
func TestTomcatStatusFastMatchesEncodingXML(t *testing.T) {
	t.Parallel()
	rec := string(readTestdata(t, "tomcat10.1-status.xml"))
	for name, doc := range map[string]string{
		"recorded": rec,
		"double quotes": strings.NewReplacer(`name='"http-nio-127.0.0.1-28190"'`, `name="&quot;http-nio-127.0.0.1-28190&quot;"`,
			`='`, `="`, `' `, `" `, `'/>`, `"/>`).Replace(rec),
		"pretty":   strings.ReplaceAll(rec, "><", ">\n  <"),
		"entities": `<status><jvm><memorypool name='a &amp; b &lt;c&gt;' type='Heap memory' usageInit='1' usageCommitted='2' usageMax='-1' usageUsed='3'/></jvm></status>`,
	} {
		fast, ok := parseTomcatStatusFast([]byte(doc))
		require.True(t, ok, name)
		var want TomcatStatus
		require.NoError(t, xml.Unmarshal([]byte(doc), &want), name)
		assert.Equal(t, want, *fast, name)
	}
	// What it does not understand goes to encoding/xml.
	_, ok := parseTomcatStatusFast([]byte(`<status><jvm><memorypool name='&#65;'/></jvm></status>`))
	assert.False(t, ok)
	st, err := ParseTomcatStatus([]byte(`<status><jvm><memorypool name='&#65;' type='Heap memory'/></jvm></status>`))
	require.NoError(t, err)
	assert.Equal(t, "A", st.Pools[0].Name)
}
