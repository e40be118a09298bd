package was

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestJolokiaRequestGolden pins the bulk read the jvm and wildfly profiles
// send: one read per MBean pattern, with the attributes the rules use.
func TestJolokiaRequestGolden(t *testing.T) {
	reqs := JolokiaRequests(builtinSet(t, "jvm", "wildfly"))
	got, err := json.MarshalIndent(reqs, "", "  ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "jolokia", "jvm-wildfly-request.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
	assert.Len(t, reqs, 9)
	assert.Equal(t, []string{"Usage", "CollectionUsage", "Type"}, reqs[0].Attribute, "attr() sources are read too")
}

// The response file is shaped by hand from the Jolokia protocol
// documentation, not recorded (testdata/jolokia/README.md).
func TestJolokiaResponseShapes(t *testing.T) {
	t.Parallel()
	ps := builtinSet(t, "jvm", "wildfly")
	reqs := JolokiaRequests(ps)
	beans, failed, err := ParseJolokia(readTestdata(t, "jolokia/jvm-wildfly-response.json"), reqs)
	require.NoError(t, err)
	require.Len(t, failed, 2)
	assert.Equal(t, 404, failed[0].Status)
	assert.Equal(t, "jboss.as:subsystem=transactions", failed[1].MBean)
	e := NewEmitter("s", "v", 0, 1)
	assert.Equal(t, 0, ps.Apply(e, beans, nil))
	ms := e.MetricSlice()
	assertPoints(t, ms, []want{
		{"jvm.memory.used", map[string]string{"jvm.memory.pool.name": "G1 Eden Space", "jvm.memory.type": "heap"}, 94371840},
		{"jvm.memory.used", map[string]string{"jvm.memory.pool.name": "Metaspace", "jvm.memory.type": "non_heap"}, 15182568},
		{"jvm.memory.limit", map[string]string{"jvm.memory.pool.name": "CodeHeap 'profiled nmethods'"}, 122912768},
		{"jvm.memory.used_after_last_gc", map[string]string{"jvm.memory.pool.name": "G1 Eden Space"}, 0},
		{"jvm.gc.collections.elapsed", map[string]string{"jvm.gc.name": "G1 Young Generation"}, 0.105},
		{"jvm.thread.count", nil, 22},
		{"jvm.cpu.recent_utilization", nil, 0.015},
		{"wildfly.session.active.count", map[string]string{"wildfly.deployment": "shop.war"}, 14},
		{"wildfly.request.count", map[string]string{"wildfly.server": "default-server", "wildfly.listener": "default"}, 5000},
		{"wildfly.request.duration.sum", nil, 2.5},
		{"wildfly.network.io", map[string]string{"network.io.direction": "receive"}, 65536},
	})
	_, ok := value(ms, "jvm.memory.used_after_last_gc", map[string]string{"jvm.memory.pool.name": "Metaspace"})
	assert.False(t, ok, "a null composite is no value")
}

func TestJolokiaWholeRequestErrors(t *testing.T) {
	t.Parallel()
	reqs := JolokiaRequests(builtinSet(t, "jvm"))
	_, _, err := ParseJolokia([]byte(`{"error_type":"java.lang.SecurityException","error":"Request denied","status":403}`), reqs)
	assert.ErrorContains(t, err, "status 403: Request denied")
	_, _, err = ParseJolokia([]byte(`[]`), reqs)
	assert.ErrorContains(t, err, "0 responses to 5 requests")
	_, _, err = ParseJolokia([]byte(`<html>`), reqs)
	assert.ErrorContains(t, err, "not a JSON array")
}
