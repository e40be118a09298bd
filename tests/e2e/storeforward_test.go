//go:build integration

package e2e

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/receiver/receivertest"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// Store-and-forward tests (issues 6 and 12): the built collector forwards OTLP
// logs to a backend in this test process through a queue on badger_storage,
// with each of the two durable designs (forwarders): otlp_grpc with a
// persistent sending_queue, and the durable_otlp exporter. Every guarantee
// runs for both. Sizes (per forwarder) scale with environment variables:
//
//	EMS_STOREFORWARD_N           records in the first crash round (default 50000)
//	EMS_STOREFORWARD_N_SMALL     records in the other rounds (default 20000)
//	EMS_STOREFORWARD_ROUNDS      crash rounds, one kill point each (default 4)
//	EMS_STOREFORWARD_BACKLOG_MB  backlog of the disk test (default 48; README has 1024)
//	EMS_STOREFORWARD_DRAIN_N     records in the drain-rate test (default 100000)
//	EMS_STOREFORWARD_EXPORTERS   forwarders to test (default otlp_grpc,durable_otlp)

// forwarder is one durable queue design: its exporter config and the names
// of the internal metrics the tests read.
type forwarder struct {
	name string
	// exporter returns the exporters: section's entry (backend, maxElapsed).
	exporter func(backend, maxElapsed string) string
	// queueSize is the metric of requests or items waiting in the queue.
	queueSize string
	// gaveUp counts records deleted from the queue without delivery.
	gaveUp string
}

var forwarders = []forwarder{
	{name: "otlp_grpc", exporter: otlpGRPCExporter, queueSize: "otelcol_exporter_queue_size", gaveUp: "otelcol_exporter_send_failed_log_records"},
	{name: "durable_otlp", exporter: durableOTLPExporter, queueSize: "otelcol_durable_otlp_queue_size", gaveUp: "otelcol_durable_otlp_dropped_items"},
}

// eachForwarder runs f once per forwarder named in EMS_STOREFORWARD_EXPORTERS.
func eachForwarder(t *testing.T, f func(t *testing.T, fw forwarder)) {
	only := os.Getenv("EMS_STOREFORWARD_EXPORTERS")
	for _, fw := range forwarders {
		if only != "" && !strings.Contains(","+only+",", ","+fw.name+",") {
			continue
		}
		t.Run(fw.name, func(t *testing.T) { f(t, fw) })
	}
}

// otlpGRPCExporter is the recommended otlp_grpc setup from the
// badger_storage README, with short retry intervals so the test drains fast.
func otlpGRPCExporter(backend, maxElapsed string) string {
	return fmt.Sprintf(`  otlp_grpc:
    endpoint: %s
    tls:
      insecure: true
    timeout: 5s
    retry_on_failure:
      enabled: true
      initial_interval: 100ms
      max_interval: 1s
      max_elapsed_time: %s
    sending_queue:
      enabled: true
      storage: badger_storage
      sizer: items
      queue_size: 20000000
      num_consumers: 10
      block_on_overflow: false
      batch:
        flush_timeout: 100ms
        sizer: items
        min_size: 2000
        max_size: 10000
`, backend, maxElapsed)
}

// durableOTLPExporter is durable_otlp with the same retry settings. It has
// no batching of its own (a batch processor in front would lose what it
// holds on a kill), so each request the test sends is one queue item.
func durableOTLPExporter(backend, maxElapsed string) string {
	return fmt.Sprintf(`  durable_otlp:
    endpoint: %s
    tls:
      insecure: true
    timeout: 5s
    storage: badger_storage
    num_consumers: 4
    retry_on_failure:
      enabled: true
      initial_interval: 100ms
      max_interval: 1s
      max_elapsed_time: %s
`, backend, maxElapsed)
}

// forwardingConfig is forwardingConfigFor with otlp_grpc.
func forwardingConfig(in, backend, durability, maxElapsed, reclaimEvery string) string {
	return forwardingConfigFor(forwarders[0], in, backend, durability, maxElapsed, reclaimEvery)
}

// forwardingConfigFor is a forwarding setup with fw's exporter.
// maxElapsed "0" never gives up; durability is always, interval or never.
func forwardingConfigFor(fw forwarder, in, backend, durability, maxElapsed, reclaimEvery string) string {
	return fmt.Sprintf(`%s  badger_storage:
    directory: ${env:EMS_DIR}/queue
    durability: %s
    max_size_mib: 8192
    reclaim:
      check_interval: %s
      min_garbage_mib: 16
    memory:
      value_log_file_size_mib: 16
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
        max_recv_msg_size_mib: 64
exporters:
%sservice:
  extensions: [health_check, badger_storage]
%s
  pipelines:
    logs:
      receivers: [otlp]
      exporters: [%s]
`, harness.ExtensionsYAML, durability, reclaimEvery, in, fw.exporter(backend, maxElapsed), harness.TelemetryYAML, fw.name)
}

// backend is an OTLP/gRPC logs endpoint built from the upstream otlpreceiver
// that counts what arrives: per record id (attribute "id") when ids is on,
// otherwise records and bytes only, so a 1 GB drain holds no memory.
type backend struct {
	addr string
	ids  bool

	mu      sync.Mutex
	seen    map[int64]int
	records atomic.Int64
	bytes   atomic.Int64
	first   atomic.Int64 // unix nanos of the first arrival
	rcv     component.Component
}

// sinceFirst returns the time since the first record arrived.
func (b *backend) sinceFirst() time.Duration {
	return time.Since(time.Unix(0, b.first.Load()))
}

func newBackend(t *testing.T, ids bool) *backend {
	return &backend{addr: harness.FreeAddr(t), ids: ids, seen: map[int64]int{}}
}

// start (re)starts the endpoint on its address.
func (b *backend) start(t *testing.T) {
	t.Helper()
	f := otlpreceiver.NewFactory()
	cfg := f.CreateDefaultConfig()
	require.NoError(t, confmap.NewFromStringMap(map[string]any{
		"protocols": map[string]any{"grpc": map[string]any{"endpoint": b.addr, "max_recv_msg_size_mib": 64}},
	}).Unmarshal(cfg))
	sizer := &plog.ProtoMarshaler{}
	next, err := consumer.NewLogs(func(_ context.Context, ld plog.Logs) error {
		b.first.CompareAndSwap(0, time.Now().UnixNano())
		b.records.Add(int64(ld.LogRecordCount()))
		b.bytes.Add(int64(sizer.LogsSize(ld)))
		if !b.ids {
			return nil
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sls := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					if v, ok := lrs.At(k).Attributes().Get("id"); ok {
						b.seen[v.Int()]++
					}
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	rcv, err := f.CreateLogs(context.Background(), receivertest.NewNopSettings(f.Type()), cfg, next)
	require.NoError(t, err)
	require.NoError(t, rcv.Start(context.Background(), componenttest.NewNopHost()))
	b.rcv = rcv
	t.Cleanup(b.stop)
}

// stop shuts the endpoint down: a backend outage.
func (b *backend) stop() {
	if b.rcv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = b.rcv.Shutdown(ctx)
		b.rcv = nil
	}
}

// missing returns how many of ids [0, n) have not arrived, and how many
// arrived more than once.
func (b *backend) missing(n int) (missing, duplicates int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for id := range int64(n) {
		switch c := b.seen[id]; {
		case c == 0:
			missing++
		case c > 1:
			duplicates += c - 1
		}
	}
	return missing, duplicates
}

// logsWithIDs returns one request with records first..first+n-1, each with
// attribute id and a body of bodyBytes characters.
func logsWithIDs(first, n, bodyBytes int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "storeforward")
	lrs := rl.ScopeLogs().AppendEmpty().LogRecords()
	lrs.EnsureCapacity(n)
	now := pcommon.NewTimestampFromTime(time.Now())
	raw := make([]byte, bodyBytes*3/4)
	for i := range n {
		lr := lrs.AppendEmpty()
		lr.SetTimestamp(now)
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
		lr.Attributes().PutInt("id", int64(first+i))
		if bodyBytes > 0 {
			// Random text per record: telemetry that compresses poorly, the hard case for disk.
			_, _ = rand.Read(raw)
			lr.Body().SetStr(base64.StdEncoding.EncodeToString(raw))
		} else {
			lr.Body().SetStr("record " + strconv.Itoa(first+i))
		}
	}
	return ld
}

// sendAll sends records [0, n) in requests of per records. A request counts
// as accepted when the collector answers OK; a refused or cut request is sent
// again (the collector may be down for a restart) until accepted. accepted
// is updated after every accepted request.
func sendAll(t *testing.T, addr string, n, per, bodyBytes int, accepted *atomic.Int64) {
	t.Helper()
	client := harness.NewOTLPClient(t, addr)
	deadline := time.Now().Add(5 * time.Minute)
	for first := 0; first < n; first += per {
		ld := logsWithIDs(first, min(per, n-first), bodyBytes)
		for client.SendLogs(ld) != nil {
			if time.Now().After(deadline) {
				t.Errorf("the collector did not accept records from %d on within 5 minutes", first)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		accepted.Store(int64(min(first+per, n)))
	}
}

// waitFor polls cond every 100 ms until it holds or limit passes.
func waitFor(limit time.Duration, cond func() bool) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

func envInt(t testing.TB, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, name)
	return n
}

// TestStoreForwardSurvivesKill9 is the crash test: with the backend down,
// records are sent while the collector is killed with SIGKILL at a random
// moment, in a bounded loop of rounds with different kill points and
// durability policies; the collector is restarted, the backend comes back,
// and every accepted id must arrive (duplicates are reported, not failed).
func TestStoreForwardSurvivesKill9(t *testing.T) { eachForwarder(t, survivesKill9) }

func survivesKill9(t *testing.T, fw forwarder) {
	rounds := envInt(t, "EMS_STOREFORWARD_ROUNDS", 4)
	big := envInt(t, "EMS_STOREFORWARD_N", 50_000)
	small := envInt(t, "EMS_STOREFORWARD_N_SMALL", 20_000)
	policies := []string{"interval", "never", "always", "interval"}
	for round := range rounds {
		n := small
		if round == 0 {
			n = big
		}
		durability := policies[round%len(policies)]
		// Kill points: during ingest (rounds 0-2) or during the drain (round 3).
		duringDrain := round%4 == 3
		t.Run(fmt.Sprintf("round%d_%s_n%d_kill_during_%s", round, durability, n, map[bool]string{false: "outage", true: "drain"}[duringDrain]), func(t *testing.T) {
			crashRound(t, fw, n, durability, duringDrain)
		})
	}
}

func crashRound(t *testing.T, fw forwarder, n int, durability string, killDuringDrain bool) {
	be := newBackend(t, true) // not started: the backend is down
	in := harness.FreeAddr(t)
	col := harness.StartCollector(t, forwardingConfigFor(fw, in, be.addr, durability, "0", "10s"))

	var accepted atomic.Int64
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		sendAll(t, in, n, 100, 0, &accepted)
	}()
	kills := 0
	if !killDuringDrain {
		// A random moment while the records come in during the outage.
		target := int64(n/10 + mrand.IntN(n*8/10))
		require.True(t, waitFor(3*time.Minute, func() bool { return accepted.Load() >= target }), "sending stalled")
		require.Equal(t, 128+int(syscall.SIGKILL), col.Kill())
		kills++
		t.Logf("killed with SIGKILL after %d of %d records were accepted", accepted.Load(), n)
		col.Start(t)
	}
	<-sent
	require.EqualValues(t, n, accepted.Load())
	queued := col.Metric(t, fw.queueSize, nil)
	t.Logf("all %d records accepted during the outage; %s now %.0f", n, fw.queueSize, queued)

	start := time.Now()
	be.start(t)
	if killDuringDrain {
		target := int64(n/10 + mrand.IntN(n/2))
		waitFor(time.Minute, func() bool { return be.records.Load() >= target })
		require.Equal(t, 128+int(syscall.SIGKILL), col.Kill())
		kills++
		t.Logf("killed with SIGKILL during the drain after %d of %d records arrived", be.records.Load(), n)
		col.Start(t)
	}
	ok := waitFor(3*time.Minute, func() bool { m, _ := be.missing(n); return m == 0 })
	elapsed := time.Since(start)
	missing, dups := be.missing(n)
	require.True(t, ok, "%d of %d accepted records never arrived (durability %s, %d kill)", missing, n, durability, kills)
	t.Logf("%s, durability %s: all %d accepted records arrived after %d kill(s); %d duplicates; drain took %s (%.0f records/s incl. restart)",
		fw.name, durability, n, kills, dups, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds())
}

// TestStoreForwardOutageLongerThanRetryTime compares the exporter default of
// giving up after max_elapsed_time (300 s by default, 2 s here to keep the
// test short) with the recommended max_elapsed_time: 0, over an outage
// longer than the former. The default drops the data, also from the
// persistent queue; the recommended config delivers every record.
func TestStoreForwardOutageLongerThanRetryTime(t *testing.T) {
	eachForwarder(t, outageLongerThanRetryTime)
}

func outageLongerThanRetryTime(t *testing.T, fw forwarder) {
	const n = 5_000
	type side struct {
		name string
		be   *backend
		col  *harness.Collector
		in   string
		acc  atomic.Int64
	}
	sides := []*side{{name: "recommended (max_elapsed_time: 0)"}, {name: "default-like (max_elapsed_time: 2s)"}}
	for i, s := range sides {
		s.be = newBackend(t, true)
		s.in = harness.FreeAddr(t)
		maxElapsed := map[int]string{0: "0", 1: "2s"}[i]
		s.col = harness.StartCollector(t, forwardingConfigFor(fw, s.in, s.be.addr, "interval", maxElapsed, "10s"))
		sendAll(t, s.in, n, 100, 0, &s.acc)
		require.EqualValues(t, n, s.acc.Load())
	}
	// The outage lasts well beyond the short side's retry budget.
	defaultSide := sides[1]
	require.True(t, waitFor(time.Minute, func() bool {
		return defaultSide.col.Metric(t, fw.gaveUp, nil) >= n
	}), "the default-like exporter should give up on every record during the outage")
	time.Sleep(3 * time.Second)

	for _, s := range sides {
		s.be.start(t)
	}
	rec := sides[0]
	require.True(t, waitFor(2*time.Minute, func() bool { m, _ := rec.be.missing(n); return m == 0 }))
	_, dups := rec.be.missing(n)
	// Let the default side deliver whatever it still has.
	time.Sleep(3 * time.Second)
	lost, _ := defaultSide.be.missing(n)
	dropped := defaultSide.col.Metric(t, fw.gaveUp, nil)
	t.Logf("%s recommended: all %d records delivered (%d duplicates); default-like: %d of %d lost, %.0f counted in %s",
		fw.name, n, dups, lost, n, dropped, fw.gaveUp)
	require.Equal(t, n, lost, "with a finite max_elapsed_time the outage loses the data")
	require.EqualValues(t, 0, rec.col.Metric(t, fw.gaveUp, nil))
}

// duDir returns the bytes allocated to the files under dir.
func duDir(t *testing.T, dir string) int64 {
	var total int64
	require.NoError(t, filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil // a file removed by a compaction meanwhile
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && fi.Mode().IsRegular() {
			total += st.Blocks * 512
		}
		return nil
	}))
	return total
}

// TestStoreForwardDiskReturnsAfterBacklog builds a backlog during an outage,
// lets it drain and checks that the queue directory returns near its idle
// size. It also reports the drain rate.
func TestStoreForwardDiskReturnsAfterBacklog(t *testing.T) { eachForwarder(t, diskReturnsAfterBacklog) }

func diskReturnsAfterBacklog(t *testing.T, fw forwarder) {
	mb := envInt(t, "EMS_STOREFORWARD_BACKLOG_MB", 48)
	const per, body = 200, 1024
	n := mb << 20 / body
	n -= n % per
	be := newBackend(t, false)
	in := harness.FreeAddr(t)
	// EMS_STOREFORWARD_RECLAIM_EVERY=1h shows what happens without the extension's reclaim.
	reclaimEvery := os.Getenv("EMS_STOREFORWARD_RECLAIM_EVERY")
	if reclaimEvery == "" {
		reclaimEvery = "2s"
	}
	col := harness.StartCollector(t, forwardingConfigFor(fw, in, be.addr, "interval", "0", reclaimEvery))
	dir := filepath.Join(col.Dir, "queue")
	idle := duDir(t, dir)

	var accepted atomic.Int64
	start := time.Now()
	sendAll(t, in, n, per, body, &accepted)
	ingest := time.Since(start)
	peak := duDir(t, dir)
	t.Logf("backlog: %d records of %d B in %s (%.0f records/s); queue directory %d MiB (idle %d KiB)",
		n, body, ingest.Round(time.Millisecond), float64(n)/ingest.Seconds(), peak>>20, idle>>10)
	require.Greater(t, peak, int64(mb)<<20*8/10, "the backlog is on disk")

	start = time.Now()
	be.start(t)
	require.True(t, waitFor(10*time.Minute, func() bool { return be.records.Load() >= int64(n) }), "only %d of %d records arrived", be.records.Load(), n)
	drain := be.sinceFirst()
	t.Logf("drain: %d records (%d MiB) in %s from the first arrival (%s after the backend came back): %.0f records/s, %.1f MiB/s",
		n, be.bytes.Load()>>20, drain.Round(time.Millisecond), time.Since(start).Round(time.Millisecond),
		float64(n)/drain.Seconds(), float64(be.bytes.Load())/(1<<20)/drain.Seconds())

	drained := duDir(t, dir)
	t.Logf("right after the drain: live entries %.0f, live bytes %.0f, %s %.0f",
		col.Metric(t, "otelcol_badger_storage_live_entries", nil), col.Metric(t, "otelcol_badger_storage_live_size", nil),
		fw.queueSize, col.Metric(t, fw.queueSize, nil))
	var now int64
	// At most the value-log file being written (16 MiB in this config) may stay.
	returned := waitFor(2*time.Minute, func() bool { now = duDir(t, dir); return now < idle+20<<20 })
	t.Logf("queue directory: idle %d KiB, peak %d MiB, right after the drain %d MiB, after reclaim %d KiB; reclaims %.0f, reclaimed %.0f MiB",
		idle>>10, peak>>20, drained>>20, now>>10,
		col.Metric(t, "otelcol_badger_storage_reclaims", nil), col.Metric(t, "otelcol_badger_storage_reclaimed", nil)/(1<<20))
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				t.Logf("  %-16s %10d B apparent, %10d B allocated", e.Name(), fi.Size(), fi.Sys().(*syscall.Stat_t).Blocks*512)
			}
		}
	}
	for _, line := range strings.Split(col.Output(), "\n") {
		if strings.Contains(line, "Badger storage") {
			t.Log(line)
		}
	}
	require.True(t, returned, "the queue directory stays at %d MiB after the backlog drained", now>>20)
	require.Zero(t, col.Metric(t, "otelcol_badger_storage_writes_refused", nil))
}

// TestStoreForwardDrainRate measures how fast a backlog of typical log
// records (about 250 B each) drains once the backend is back, against a
// normal ingest of 10k records/s. It reports; it does not assert on time.
func TestStoreForwardDrainRate(t *testing.T) { eachForwarder(t, drainRate) }

func drainRate(t *testing.T, fw forwarder) {
	n := envInt(t, "EMS_STOREFORWARD_DRAIN_N", 100_000)
	be := newBackend(t, false)
	in := harness.FreeAddr(t)
	harness.StartCollector(t, forwardingConfigFor(fw, in, be.addr, "interval", "0", "10s"))
	var accepted atomic.Int64
	start := time.Now()
	sendAll(t, in, n, 500, 200, &accepted)
	t.Logf("backlog of %d records built in %s", n, time.Since(start).Round(time.Millisecond))
	be.start(t)
	require.True(t, waitFor(5*time.Minute, func() bool { return be.records.Load() >= int64(n) }), "only %d of %d records arrived", be.records.Load(), n)
	d := be.sinceFirst()
	rate := float64(n) / d.Seconds()
	t.Logf("%s drain rate: %d records in %s = %.0f records/s = %.1f× a normal ingest of 10k records/s", fw.name, n, d.Round(time.Millisecond), rate, rate/10_000)
}

// TestStoreForwardFullStoreRefusesAndKeepsAccepted fills a tiny store during
// an outage: the collector must refuse new requests (the sender gets an
// error and keeps its data), count the refusals, and still deliver every
// record it accepted once the backend is back.
func TestStoreForwardFullStoreRefusesAndKeepsAccepted(t *testing.T) {
	eachForwarder(t, fullStoreRefusesAndKeepsAccepted)
}

func fullStoreRefusesAndKeepsAccepted(t *testing.T, fw forwarder) {
	be := newBackend(t, true)
	in := harness.FreeAddr(t)
	cfg := strings.Replace(forwardingConfigFor(fw, in, be.addr, "interval", "0", "10s"), "max_size_mib: 8192", "max_size_mib: 4", 1)
	col := harness.StartCollector(t, cfg)
	client := harness.NewOTLPClient(t, in)

	const per, requests = 200, 60 // 60 requests of ~200 KiB against a 4 MiB store
	accepted, refused := 0, 0
	for r := range requests {
		if client.SendLogs(logsWithIDs(r*per, per, 1024)) != nil {
			refused++
			continue
		}
		accepted++
	}
	refusedMetric := col.Metric(t, "otelcol_badger_storage_writes_refused", nil)
	t.Logf("store of 4 MiB: %d requests accepted, %d refused; writes_refused = %.0f", accepted, refused, refusedMetric)
	require.Positive(t, accepted)
	require.Positive(t, refused, "a full store refuses new data")
	require.GreaterOrEqual(t, refusedMetric, float64(refused), "every refusal is counted")

	be.start(t)
	require.True(t, waitFor(2*time.Minute, func() bool { return be.records.Load() >= int64(accepted*per) }))
	be.mu.Lock()
	defer be.mu.Unlock()
	got := 0
	for id := range be.seen {
		if id >= 0 && id < int64(requests*per) {
			got++
		}
	}
	require.Equal(t, accepted*per, got, "every accepted record arrives; refused ones stay with the sender")
}
