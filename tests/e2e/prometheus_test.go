//go:build integration

package e2e

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// promSample is one element of `promtool query instant -o json`.
type promSample struct {
	Metric map[string]string `json:"metric"`
	Value  [2]any            `json:"value"`
}

// promQuery runs PromQL expr on the Prometheus server with promtool, as an
// operator would.
func promQuery(t *testing.T, prom map[string]string, expr string) []promSample {
	t.Helper()
	out, err := exec.Command(prom["PROMTOOL"], "query", "instant", "-o", "json", prom["URL"], expr).CombinedOutput()
	require.NoErrorf(t, err, "promtool query instant %q: %s", expr, out)
	var res []promSample
	require.NoErrorf(t, json.Unmarshal(out, &res), "promtool output: %s", out)
	return res
}

func (s promSample) value(t *testing.T) float64 {
	t.Helper()
	str, ok := s.Value[1].(string)
	require.Truef(t, ok, "sample value %v", s.Value)
	v, err := strconv.ParseFloat(str, 64)
	require.NoError(t, err)
	return v
}

// scrapeTarget makes the shared Prometheus scrape addr (file service
// discovery: it watches the folder) with the label ems_test=id, until the
// test ends.
func scrapeTarget(t *testing.T, prom map[string]string, id, addr string) {
	t.Helper()
	body, err := json.Marshal([]map[string]any{{"targets": []string{addr}, "labels": map[string]string{"ems_test": id}}})
	require.NoError(t, err)
	path := filepath.Join(prom["TARGETS_DIR"], id+".json")
	// Written beside and renamed, so Prometheus never reads half a file.
	require.NoError(t, os.WriteFile(path+".tmp", body, 0o644))
	require.NoError(t, os.Rename(path+".tmp", path))
	t.Cleanup(func() { _ = os.Remove(path) })
}

func randomID(t *testing.T) string {
	b := make([]byte, 4)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

// TestPrometheusServerScrapesSNMP runs the shipped configs merged as the
// README says (config.yaml, snmp.yaml, prometheus.yaml): the SNMP receiver
// polls a real snmpd, the prometheus receiver scrapes a real node_exporter,
// and a real Prometheus 2.42 scrapes the collector's prometheus exporter.
// promtool then finds the target's up series, labelled from its resource
// attributes (and from the default config's resource_detection), and the
// node_exporter's series passed through the collector.
func TestPrometheusServerScrapesSNMP(t *testing.T) {
	snmpd := harness.RequireService(t, "snmpd")
	prom := harness.RequireService(t, "prometheus")
	node := harness.RequireService(t, "node-exporter")
	id := "ems-" + randomID(t)
	target := "agent-" + id
	exporter := harness.FreeAddr(t)

	c := harness.NewCollector(t, readDistributionConfig(t, "config.yaml"),
		"EMS_OTLP_GRPC_ENDPOINT="+harness.FreeAddr(t),
		"EMS_OTLP_HTTP_ENDPOINT="+harness.FreeAddr(t),
		"EMS_LOCAL_STORE_ENDPOINT="+harness.FreeAddr(t),
		"EMS_SNMP_TARGET="+snmpd["ENDPOINT"],
		"EMS_SNMP_TARGET_NAME="+target,
		"EMS_SNMP_COMMUNITY="+snmpd["COMMUNITY"],
		"EMS_SNMP_INTERVAL=2s",
		"EMS_PROMETHEUS_ENDPOINT="+exporter,
		"EMS_NODE_EXPORTER="+node["ENDPOINT"],
		"EMS_SCRAPE_INTERVAL=2s",
		"OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name="+id)
	for _, overlay := range []string{"snmp.yaml", "prometheus.yaml"} {
		p := filepath.Join(c.Dir, overlay)
		require.NoError(t, os.WriteFile(p, []byte(readDistributionConfig(t, overlay)), 0o600))
		c.Args = append(c.Args, "--config", p)
	}
	c.Start(t)
	scrapeTarget(t, prom, id, exporter)

	// The exporter adds Prometheus' unit and type suffixes: snmp.up (a gauge
	// of unit "1") becomes snmp_up_ratio, hw.network.io (a counter in By)
	// hw_network_io_bytes_total.
	up := fmt.Sprintf(`snmp_up_ratio{snmp_target=%q, ems_test=%q}`, target, id)
	var res []promSample
	require.Eventuallyf(t, func() bool {
		res = promQuery(t, prom, up)
		return len(res) == 1
	}, 90*time.Second, time.Second, "promtool query instant %s: %v\ncollector output:\n%s", up, res, c.Output())
	got := res[0]
	assert.Equal(t, 1.0, got.value(t), "the agent answers: up is 1")
	assert.Equal(t, "test-snmpd", got.Metric["snmp_sys_name"], "resource attributes become labels")
	assert.Equal(t, "127.0.0.1", got.Metric["server_address"])
	assert.Equal(t, exporter, got.Metric["instance"], "Prometheus scraped the collector")
	// The default config's resource_detection: env adds what
	// OTEL_RESOURCE_ATTRIBUTES says; system leaves the device's own
	// host.name (sysName) alone and adds no os.type of this host.
	assert.Equal(t, id, got.Metric["deployment_environment_name"], "env detector")
	assert.Equal(t, "test-snmpd", got.Metric["host_name"], "a polled device keeps its host.name")
	assert.NotContains(t, got.Metric, "os_type")

	// A counter of the device keeps its value from the agent: the loopback
	// interface's received octets sit between two snmpget readings.
	before := snmpGet(t, snmpd, "1.3.6.1.2.1.31.1.1.1.6.1")[0]
	octets := fmt.Sprintf(`hw_network_io_bytes_total{snmp_target=%q, ems_test=%q, hw_id="1", network_io_direction="receive"}`, target, id)
	require.Eventuallyf(t, func() bool {
		res = promQuery(t, prom, octets)
		return len(res) == 1 && res[0].value(t) >= before
	}, 60*time.Second, time.Second, "promtool query instant %s: %v", octets, res)
	assert.LessOrEqual(t, res[0].value(t), snmpGet(t, snmpd, "1.3.6.1.2.1.31.1.1.1.6.1")[0])

	// node_exporter -> prometheus receiver -> prometheus exporter -> Prometheus.
	load := fmt.Sprintf(`node_memory_MemTotal_bytes{exported_job="node", ems_test=%q}`, id)
	require.Eventuallyf(t, func() bool {
		res = promQuery(t, prom, load)
		return len(res) == 1
	}, 60*time.Second, time.Second, "promtool query instant %s: %v", load, res)
	assert.Equal(t, float64(memTotalBytes(t)), res[0].value(t))
	assert.Equal(t, node["ENDPOINT"], res[0].Metric["exported_instance"], "the scraped exporter is named")
	hostname, err := os.Hostname()
	require.NoError(t, err)
	assert.Equal(t, hostname, res[0].Metric["host_name"], "system detector: a local exporter's series name this host")
	assert.Equal(t, id, res[0].Metric["deployment_environment_name"], "env detector")

	assert.NotContains(t, c.Output(), snmpd["COMMUNITY"], "the community never appears in logs")
}

// memTotalBytes is MemTotal of /proc/meminfo, what node_exporter reports.
func memTotalBytes(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/meminfo")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			require.NoError(t, err)
			return kb * 1024
		}
	}
	t.Fatal("no MemTotal in /proc/meminfo")
	return 0
}

// TestPrometheusReceiverFilterTransform scrapes a real node_exporter with
// the prometheus receiver; filter drops one named series, transform,
// attributes and resource set attributes; the OTLP sink sees the result.
func TestPrometheusReceiverFilterTransform(t *testing.T) {
	node := harness.RequireService(t, "node-exporter")
	sink := harness.StartSink(t)
	cfg := harness.SinkConfig(fmt.Sprintf(`receivers:
  prometheus:
    config:
      scrape_configs:
        - job_name: node
          scrape_interval: 1s
          static_configs:
            - targets: [%q]
processors:
  filter/drop_load1:
    error_mode: ignore
    metrics:
      metric:
        - name == "node_load1"
  transform/mark:
    error_mode: ignore
    metric_statements:
      - context: datapoint
        statements:
          - set(attributes["ems.checked"], "yes") where metric.name == "node_load5"
  attributes/site:
    actions:
      - {key: site, value: lab-1, action: insert}
  resource/env:
    attributes:
      - {key: deployment.environment.name, value: test, action: upsert}
`, node["ENDPOINT"]), sink.GRPCEndpoint,
		harness.Pipeline{Signal: "metrics", Receivers: []string{"prometheus"}, Processors: []string{"filter/drop_load1", "transform/mark", "attributes/site", "resource/env"}})
	c := harness.StartCollector(t, cfg)

	// Two scrapes of node_exporter.
	scrapes := func() int {
		n := 0
		for _, md := range sink.Metrics.AllMetrics() {
			if len(metricsNamed(md, "node_load5")) > 0 {
				n++
			}
		}
		return n
	}
	require.Eventuallyf(t, func() bool { return scrapes() >= 2 }, 60*time.Second, 200*time.Millisecond,
		"node_load5 from node_exporter in the sink; output:\n%s", c.Output())

	names := map[string]int{}
	for _, md := range sink.Metrics.AllMetrics() {
		for i := 0; i < md.ResourceMetrics().Len(); i++ {
			rm := md.ResourceMetrics().At(i)
			env, ok := rm.Resource().Attributes().Get("deployment.environment.name")
			require.True(t, ok, "resource processor sets deployment.environment.name")
			assert.Equal(t, "test", env.Str())
			job, _ := rm.Resource().Attributes().Get("service.name")
			assert.Equal(t, "node", job.Str(), "the scrape job becomes service.name")
			for j := 0; j < rm.ScopeMetrics().Len(); j++ {
				ms := rm.ScopeMetrics().At(j).Metrics()
				for k := 0; k < ms.Len(); k++ {
					names[ms.At(k).Name()]++
				}
			}
		}
	}
	assert.Zero(t, names["node_load1"], "filter drops node_load1")
	// One node_load1 point per scrape, each counted as dropped.
	seen := scrapes()
	assert.GreaterOrEqual(t, c.Metric(t, "otelcol_processor_filter_datapoints_filtered", map[string]string{"filter": "filter/drop_load1"}),
		float64(seen), "the filter counts what it drops")
	assert.NotZero(t, names["node_load15"], "and nothing else of its family")
	assert.NotZero(t, names["node_cpu_seconds_total"]+names["node_cpu_seconds"], "node_cpu_seconds reaches the sink: %v", names)
	assert.Greater(t, len(names), 100, "node_exporter exposes hundreds of series")

	last := sink.Metrics.AllMetrics()[len(sink.Metrics.AllMetrics())-1]
	for _, m := range metricsNamed(last, "node_load5") {
		dp := m.Gauge().DataPoints().At(0)
		v, _ := dp.Attributes().Get("ems.checked")
		assert.Equal(t, "yes", v.Str(), "transform sets ems.checked on node_load5")
		site, _ := dp.Attributes().Get("site")
		assert.Equal(t, "lab-1", site.Str(), "attributes inserts site")
	}
	for _, m := range metricsNamed(last, "node_load15") {
		_, ok := m.Gauge().DataPoints().At(0).Attributes().Get("ems.checked")
		assert.False(t, ok, "transform's where clause spares node_load15")
	}
	mem := metricsNamed(last, "node_memory_MemTotal_bytes")
	require.Len(t, mem, 1)
	assert.Equal(t, float64(memTotalBytes(t)), mem[0].Gauge().DataPoints().At(0).DoubleValue(), "the value node_exporter read")
}

// metricsNamed returns every metric called name in md.
func metricsNamed(md pmetric.Metrics, name string) []pmetric.Metric {
	var out []pmetric.Metric
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		sms := md.ResourceMetrics().At(i).ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			ms := sms.At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				if ms.At(k).Name() == name {
					out = append(out, ms.At(k))
				}
			}
		}
	}
	return out
}
