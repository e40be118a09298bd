//go:build integration

package e2e

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/receiver/receivertest"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// The node agent's whole pipeline, measured as a user runs it (issue 12):
// the collector pinned to one core (GOMAXPROCS=1), telemetrygen offering
// OTLP/gRPC load, and a counting OTLP endpoint built from the upstream
// otlpreceiver; pass-through and the node pipelines interleaved in one run.
// `make bench-pipeline` runs it; knobs:
//
//	EMS_BENCH_RATE      items/s offered (default 20000); 0: telemetrygen unthrottled,
//	                    so the collector runs saturated and per-CPU-second figures
//	                    do not depend on how fast a busy machine lets it offer
//	EMS_BENCH_SECONDS   seconds per run (default 15)
//	EMS_BENCH_ROUNDS    interleaved rounds (default 3; medians reported)
//	EMS_BENCH_SIGNALS   logs,traces,metrics (default all)
//	EMS_BENCH_CORE      the core the collector is pinned to (default 1)
//	EMS_BENCH_MASKING   the masking processor's config body (default every detector)
//	EMS_BENCH_PIPELINES the pipelines to run, by index in benchPipelines (default all;
//	                    0, pass-through, always runs: the ratios need it)
//	EMS_BENCH_BEFORE    another collector binary (e.g. main's) run interleaved with
//	                    this one, each pipeline once per round with each binary, so a
//	                    before/after table comes from one run
//	EMS_BENCH_MEMORY_LIMIT_MIB local_store's memory_limit_mib (default 150, the
//	                    DaemonSet's: below the 320 MiB at which memory_limiter
//	                    refuses, above the node's live heap)
//	EMS_BENCH_BEFORE_MEMORY_LIMIT_MIB the same for the EMS_BENCH_BEFORE binary, so
//	                    that each build runs with the DaemonSet it shipped with
//	                    (default: EMS_BENCH_MEMORY_LIMIT_MIB)
//	EMS_BENCH_ENV       settings of this tree's runs, one KEY=VALUE a line: STORE=,
//	                    BADGER= and QUEUE= take YAML lines (separated by ';') added
//	                    to the local store's `stores.default`, to badger_storage and
//	                    to otlp_grpc's sending_queue (DURABLE= to the durable_otlp
//	                    exporter); any other key goes to the
//	                    collector's environment (e.g. GOGC=50)
//	EMS_BENCH_BEFORE_ENV the same for the EMS_BENCH_BEFORE binary's runs (with
//	                    EMS_BENCH_BEFORE set to this tree's binary, two settings of
//	                    one build are compared in one run)
//	EMS_BENCH_PPROF     a directory: each run also takes a CPU profile of the
//	                    collector through its pprof extension, written there

type benchPipeline struct {
	name       string
	masking    bool
	localStore bool
	badger     bool
	// durable replaces otlp_grpc with the durable_otlp exporter, its queue on
	// badger_storage (badger must be set too).
	durable bool
	// thresholdRules > 0 adds the threshold processor with that many rules,
	// every one matching every point telemetrygen sends (metrics only).
	thresholdRules int
}

var benchPipelines = []benchPipeline{
	{name: "pass-through"},
	{name: "+ masking", masking: true},
	{name: "+ masking + badger_storage queue", masking: true, badger: true},
	{name: "+ masking + local_store", masking: true, localStore: true},
	{name: "+ masking + local_store + badger_storage queue (node)", masking: true, localStore: true, badger: true},
	{name: "+ threshold processor, 100 rules matching every point", thresholdRules: 100},
	{name: "+ masking + durable_otlp on badger_storage", masking: true, badger: true, durable: true},
	{name: "+ masking + local_store + durable_otlp on badger_storage (node)", masking: true, localStore: true, badger: true, durable: true},
}

// thresholdYAML is the threshold processor's config: n rules on
// telemetrygen's metric `gen`, averaged over a minute, that never fire, so
// what is measured is matching, grouping and evaluation.
func thresholdYAML(n int) string {
	var sb strings.Builder
	sb.WriteString("  threshold:\n    evaluation_interval: 5s\n    rules:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "      - {name: Rule%d, metric: gen, aggregate: avg, window: 1m, warning: {op: \">\", value: 1e15}}\n", i)
	}
	return sb.String()
}

// countingSink is an OTLP/gRPC endpoint that only counts what arrives.
type countingSink struct {
	addr  string
	items atomic.Int64
}

func startCountingSink(b testing.TB) *countingSink {
	s := &countingSink{addr: harness.FreeAddr(b)}
	f := otlpreceiver.NewFactory()
	cfg := f.CreateDefaultConfig()
	if err := confmap.NewFromStringMap(map[string]any{
		"protocols": map[string]any{"grpc": map[string]any{"endpoint": s.addr, "max_recv_msg_size_mib": 64}},
	}).Unmarshal(cfg); err != nil {
		b.Fatal(err)
	}
	set := receivertest.NewNopSettings(f.Type())
	logs, _ := consumer.NewLogs(func(_ context.Context, ld plog.Logs) error { s.items.Add(int64(ld.LogRecordCount())); return nil })
	traces, _ := consumer.NewTraces(func(_ context.Context, td ptrace.Traces) error { s.items.Add(int64(td.SpanCount())); return nil })
	metrics, _ := consumer.NewMetrics(func(_ context.Context, md pmetric.Metrics) error {
		s.items.Add(int64(md.DataPointCount()))
		return nil
	})
	lr, err := f.CreateLogs(context.Background(), set, cfg, logs)
	if err != nil {
		b.Fatal(err)
	}
	tr, _ := f.CreateTraces(context.Background(), set, cfg, traces)
	mr, _ := f.CreateMetrics(context.Background(), set, cfg, metrics)
	host := componenttest.NewNopHost()
	for _, c := range []component.Component{lr, tr, mr} {
		if err := c.Start(context.Background(), host); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = c.Shutdown(context.Background()) })
	}
	return s
}

// benchSettings splits an EMS_BENCH_ENV value into the YAML lines it adds
// to the config (STORE, BADGER, QUEUE, DURABLE) and the collector's environment.
func benchSettings(v string) (yaml map[string]string, env []string) {
	yaml = map[string]string{}
	for _, l := range strings.Split(v, "\n") {
		k, val, ok := strings.Cut(strings.TrimSpace(l), "=")
		if !ok {
			continue
		}
		switch k {
		case "STORE", "BADGER", "QUEUE", "DURABLE":
			yaml[k] = val
		default:
			env = append(env, k+"="+val)
		}
	}
	return yaml, env
}

// badgerMemory is badger_storage's memory line as the DaemonSet has it,
// unless the BADGER setting has its own.
func badgerMemory(v string) string {
	if strings.Contains(v, "memory:") {
		return ""
	}
	return "    memory: {value_log_file_size_mib: 16}\n"
}

// indentLines writes the ';'-separated YAML lines of v, each indented by ind.
func indentLines(v, ind string) string {
	var out strings.Builder
	for _, l := range strings.Split(v, ";") {
		if l = strings.TrimSpace(l); l != "" {
			out.WriteString(ind + l + "\n")
		}
	}
	return out.String()
}

func benchConfig(p benchPipeline, signal, in, sink, masking, pprof string, extra map[string]string) string {
	var ext, exts, procs, exps strings.Builder
	exts.WriteString("[health_check")
	if pprof != "" {
		fmt.Fprintf(&ext, "  pprof:\n    endpoint: %s\n", pprof)
		exts.WriteString(", pprof")
	}
	if p.badger {
		ext.WriteString(`  badger_storage:
    directory: ${env:EMS_DIR}/queue
    durability: interval
    max_size_mib: 4096
` + badgerMemory(extra["BADGER"]) + indentLines(extra["BADGER"], "    "))
		exts.WriteString(", badger_storage")
	}
	if p.localStore {
		ext.WriteString(`  local_store:
    memory_limit_mib: ${env:EMS_BENCH_MEMORY_LIMIT_MIB:-150}
    stores:
      default:
        directory: ${env:EMS_DIR}/local_store
        max_age: {traces: 6h, logs: 24h, metrics: 24h}
        max_size_mib: 2048
` + indentLines(extra["STORE"], "        "))
		exts.WriteString(", local_store")
	}
	exts.WriteString("]")
	procs.WriteString("[memory_limiter")
	if p.masking {
		procs.WriteString(", masking")
	}
	threshold := ""
	if p.thresholdRules > 0 {
		procs.WriteString(", threshold")
		threshold = thresholdYAML(p.thresholdRules)
	}
	procs.WriteString(", batch]")
	forward := "otlp_grpc"
	if p.durable {
		forward = "durable_otlp"
	}
	exps.WriteString("[" + forward)
	queue, durable := "", ""
	if p.durable {
		durable = fmt.Sprintf(`  durable_otlp:
    endpoint: %s
    tls: {insecure: true}
    storage: badger_storage
`, sink) + indentLines(extra["DURABLE"], "    ")
	} else if p.badger {
		queue = `    sending_queue:
      enabled: true
      storage: badger_storage
      sizer: items
      queue_size: 5000000
      block_on_overflow: false
` + indentLines(extra["QUEUE"], "      ")
	}
	if p.localStore {
		exps.WriteString(", local_store")
	}
	exps.WriteString("]")
	return fmt.Sprintf(`%s%s
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
processors:
  memory_limiter:
    check_interval: 1s
    limit_mib: 400
    spike_limit_mib: 80
  masking:
%s
  batch: {}
%sexporters:
  otlp_grpc:
    endpoint: %s
    tls: {insecure: true}
    retry_on_failure: {enabled: true, max_elapsed_time: 0}
%s%s  local_store:
    extension: local_store
    store: default
service:
  extensions: %s
%s
  pipelines:
    %s:
      receivers: [otlp]
      processors: %s
      exporters: %s
`, harness.ExtensionsYAML, ext.String(), in, masking, threshold, sink, queue, durable, exts.String(), harness.TelemetryYAML, signal, procs.String(), exps.String())
}

// telemetrygenArgs offers rate items/s of one signal: logs with a 324-byte
// body and 6 attributes, spans with 8 attributes, SNMP-like gauges and sums
// with 5 attributes.
//
// telemetrygen paces each worker record by record: on a busy machine a
// worker offering 5,000/s delivered about a third of it, so the offer is
// spread over one worker per 500 items/s.
func telemetrygenArgs(signal, endpoint string, rate, seconds int) [][]string {
	workers := max(4, (rate+499)/500)
	if signal != "logs" {
		workers = max(4, (rate/2+499)/500) // two generators, half the rate each
	}
	common := []string{"--otlp-endpoint", endpoint, "--otlp-insecure", "--duration", fmt.Sprintf("%ds", seconds), "--workers", strconv.Itoa(workers)}
	attrs := func(n int) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, "--telemetry-attributes", fmt.Sprintf(`attr%d="value-%d-of-the-benchmark"`, i, i))
		}
		return out
	}
	perWorker := func(r int) string { return strconv.FormatFloat(float64(r)/float64(workers), 'f', 1, 64) }
	switch signal {
	case "logs":
		body := strings.Repeat("user kim@example.com paid with 4111 1111 1111 1111 from 10.0.0.1; ", 5)[:324]
		return [][]string{append(append([]string{"logs", "--rate", perWorker(rate), "--body", body}, common...), attrs(6)...)}
	case "traces":
		return [][]string{append(append([]string{"traces", "--rate", perWorker(rate / 2), "--child-spans", "1"}, common...), attrs(8)...)}
	default:
		var out [][]string
		for _, typ := range []string{"Gauge", "Sum"} {
			out = append(out, append(append([]string{"metrics", "--metric-type", typ, "--rate", perWorker(rate / 2)}, common...), attrs(5)...))
		}
		return out
	}
}

type benchResult struct {
	delivered, offered, dropped int64
	cpu, seconds, peakMiB       float64
	anonMiB, fileMiB            float64 // RSS at the end: anonymous, and file pages mapped (page cache)
}

func (r benchResult) perCPU() float64 { return float64(r.delivered) / r.cpu }

func peakRSSMiB(pid int) float64 { return procStatusMiB(pid, "VmHWM:") }

// procStatusMiB reads one of the kB fields of /proc/PID/status, in MiB.
func procStatusMiB(pid int, field string) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == field {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// benchRun is one run's setting: which binary, and where its profile goes.
type benchRun struct {
	binary  string // "" for the harness's (this tree's) collector
	profile string // "" for none
}

func runBenchPipeline(b *testing.B, tg string, p benchPipeline, signal string, rate, seconds int, core string, run benchRun) benchResult {
	sink := startCountingSink(b)
	in := harness.FreeAddr(b)
	masking := os.Getenv("EMS_BENCH_MASKING")
	if masking == "" {
		masking = "    detectors: {ipv4: {enabled: true}, ipv6: {enabled: true}}"
	}
	pprof := ""
	if run.profile != "" {
		pprof = harness.FreeAddr(b)
	}
	// harness.Binary reads EMS_BINARY on each call; the runs are sequential.
	prev, had := os.LookupEnv("EMS_BINARY")
	env := []string{"GOMAXPROCS=1"}
	settings := os.Getenv("EMS_BENCH_ENV")
	if run.binary != "" {
		settings = os.Getenv("EMS_BENCH_BEFORE_ENV")
	}
	extra, extraEnv := benchSettings(settings)
	env = append(env, extraEnv...)
	if run.binary != "" {
		os.Setenv("EMS_BINARY", run.binary)
		if v := os.Getenv("EMS_BENCH_BEFORE_MEMORY_LIMIT_MIB"); v != "" {
			env = append(env, "EMS_BENCH_MEMORY_LIMIT_MIB="+v)
		}
	}
	c := harness.StartCollector(b, benchConfig(p, signal, in, sink.addr, masking, pprof, extra), env...)
	if had {
		os.Setenv("EMS_BINARY", prev)
	} else {
		os.Unsetenv("EMS_BINARY")
	}
	pid := collectorPID(b, c.ConfigPath)
	if out, err := exec.Command("taskset", "-a", "-p", "-c", core, strconv.Itoa(pid)).CombinedOutput(); err != nil {
		b.Fatalf("taskset: %v: %s", err, out)
	}
	time.Sleep(time.Second)
	cpu0 := procCPUSeconds(b, pid)
	start := time.Now()
	var cmds []*exec.Cmd
	for _, args := range telemetrygenArgs(signal, in, rate, seconds) {
		cmd := exec.Command(tg, args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			b.Fatalf("telemetrygen: %v", err)
		}
		cmds = append(cmds, cmd)
		b.Cleanup(func() {
			if cmd.ProcessState == nil {
				_ = cmd.Process.Kill()
			}
		})
	}
	profDone := make(chan struct{})
	go func() {
		defer close(profDone)
		if run.profile != "" {
			takeCPUProfile(b, pprof, max(1, seconds-2), run.profile)
		}
	}()
	for _, cmd := range cmds {
		_ = cmd.Wait()
	}
	<-profDone
	if run.profile != "" {
		savePprof(b, "http://"+pprof+"/debug/pprof/heap", strings.TrimSuffix(run.profile, ".pprof")+".heap.pprof")
	}
	// Let the pipeline drain what it accepted.
	last, stable := int64(-1), 0
	for stable < 3 && time.Since(start) < time.Duration(seconds+30)*time.Second {
		time.Sleep(500 * time.Millisecond)
		if n := sink.items.Load(); n == last {
			stable++
		} else {
			last, stable = n, 0
		}
	}
	res := benchResult{cpu: procCPUSeconds(b, pid) - cpu0, seconds: time.Since(start).Seconds(), peakMiB: peakRSSMiB(pid),
		anonMiB: procStatusMiB(pid, "RssAnon:"), fileMiB: procStatusMiB(pid, "RssFile:")}
	res.delivered = sink.items.Load()
	item := map[string]string{"logs": "log_records", "traces": "spans", "metrics": "metric_points"}[signal]
	accepted := int64(c.Metric(b, "otelcol_receiver_accepted_"+item, nil))
	refused := int64(c.Metric(b, "otelcol_receiver_refused_"+item, nil))
	res.offered = accepted + refused
	res.dropped = refused + int64(c.Metric(b, "otelcol_exporter_send_failed_"+item, nil)) +
		int64(c.Metric(b, "otelcol_exporter_enqueue_failed_"+item, nil)) +
		int64(c.Metric(b, "otelcol_durable_otlp_dropped_items", nil)) // refusals show as receiver refusals
	c.Stop()
	return res
}

// takeCPUProfile writes a CPU profile of secs seconds from the pprof
// extension at addr to path; a heap profile follows at the end of the run.
func takeCPUProfile(b *testing.B, addr string, secs int, path string) {
	savePprof(b, fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, secs), path)
}

// savePprof writes what url (a pprof endpoint) answers to path.
func savePprof(b *testing.B, url, path string) {
	resp, err := http.Get(url)
	if err != nil {
		b.Logf("profile: %v", err)
		return
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		b.Logf("profile: %v", err)
		return
	}
	defer f.Close()
	if _, err := io.Copy(f, resp.Body); err != nil {
		b.Logf("profile: %v", err)
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// BenchmarkPipeline prints, per signal, each pipeline's items delivered per
// CPU-second of the collector and its share of pass-through (medians of
// interleaved rounds), with the rate delivered, drops and peak RSS.
func BenchmarkPipeline(b *testing.B) {
	tg, err := exec.LookPath("telemetrygen")
	if err != nil {
		tg = filepath.Join(os.Getenv("HOME"), "go", "bin", "telemetrygen")
	}
	if _, err := os.Stat(tg); err != nil {
		b.Fatalf("telemetrygen not found (make bench-pipeline installs it): %v", err)
	}
	rate, seconds, rounds := envInt(b, "EMS_BENCH_RATE", 20000), envInt(b, "EMS_BENCH_SECONDS", 15), envInt(b, "EMS_BENCH_ROUNDS", 3)
	core := os.Getenv("EMS_BENCH_CORE")
	if core == "" {
		core = "1"
	}
	signals := strings.Split(os.Getenv("EMS_BENCH_SIGNALS"), ",")
	if signals[0] == "" {
		signals = []string{"logs", "traces", "metrics"}
	}
	pipes := []int{0}
	if v := os.Getenv("EMS_BENCH_PIPELINES"); v != "" {
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 0 || n >= len(benchPipelines) {
				b.Fatalf("EMS_BENCH_PIPELINES: %q is not an index of a pipeline (0-%d)", f, len(benchPipelines)-1)
			}
			if n != 0 {
				pipes = append(pipes, n)
			}
		}
	} else {
		for j := 1; j < len(benchPipelines); j++ {
			pipes = append(pipes, j)
		}
	}
	builds := []struct{ label, binary string }{{"", ""}}
	if before := os.Getenv("EMS_BENCH_BEFORE"); before != "" {
		builds = []struct{ label, binary string }{{"before", before}, {"after", ""}}
	}
	profDir := os.Getenv("EMS_BENCH_PPROF")
	for i := 0; i < b.N; i++ {
		for _, signal := range signals {
			n := len(builds) * len(pipes)
			perCPU := make([][]float64, n)
			rates := make([][]float64, n)
			peaks := make([]float64, n)
			anon, file := make([]float64, n), make([]float64, n)
			drops := make([]int64, n)
			for r := 0; r < rounds; r++ {
				for pi, j := range pipes {
					if benchPipelines[j].thresholdRules > 0 && signal != "metrics" {
						continue
					}
					for bi, bld := range builds {
						run := benchRun{binary: bld.binary}
						if profDir != "" {
							run.profile = filepath.Join(profDir, fmt.Sprintf("%s-%s%d-round%d.pprof", signal, bld.label, j, r))
						}
						res := runBenchPipeline(b, tg, benchPipelines[j], signal, rate, seconds, core, run)
						fmt.Fprintf(os.Stderr, "run: %s %s pipeline %d round %d: %.0f per CPU-s, %.0f/s delivered, %d not delivered, peak RSS %.0f MiB (end %.0f + %.0f)\n",
							signal, cmp.Or(bld.label, "this"), j, r, res.perCPU(), float64(res.delivered)/float64(seconds), res.dropped+max(0, res.offered-res.delivered), res.peakMiB, res.anonMiB, res.fileMiB)
						k := bi*len(pipes) + pi
						perCPU[k] = append(perCPU[k], res.perCPU())
						rates[k] = append(rates[k], float64(res.delivered)/float64(seconds))
						peaks[k] = max(peaks[k], res.peakMiB)
						anon[k], file[k] = max(anon[k], res.anonMiB), max(file[k], res.fileMiB)
						drops[k] += res.dropped + max(0, res.offered-res.delivered)
					}
				}
			}
			offer := fmt.Sprintf("%d/s offered", rate)
			if rate == 0 {
				offer = "unthrottled offer"
			}
			fmt.Printf("\n%s at %s, %ds x %d rounds, collector on core %s (GOMAXPROCS=1)\n", signal, offer, seconds, rounds, core)
			fmt.Printf("| build | pipeline | %s per CPU-second | share of pass-through | delivered/s | not delivered | peak RSS MiB | RSS at end, anon + file MiB |\n|---|---|---|---|---|---|---|---|\n", signal)
			for bi, bld := range builds {
				base := median(perCPU[bi*len(pipes)])
				for pi, j := range pipes {
					k := bi*len(pipes) + pi
					if len(perCPU[k]) == 0 {
						continue // a pipeline of another signal
					}
					m := median(perCPU[k])
					fmt.Printf("| %s | %s | %.0f | %.0f%% | %.0f | %d | %.0f | %.0f + %.0f |\n", bld.label, benchPipelines[j].name, m, 100*m/base, median(rates[k]), drops[k], peaks[k], anon[k], file[k])
				}
			}
		}
	}
}
