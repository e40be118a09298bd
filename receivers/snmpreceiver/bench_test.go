package snmpreceiver

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp/snmpsim"
)

// roundCounter counts deliveries and closes done after want of them.
type roundCounter struct {
	mu         sync.Mutex
	want, got  int
	down       int
	datapoints int
	done       chan struct{}
}

func (c *roundCounter) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (c *roundCounter) ConsumeMetrics(_ context.Context, md pmetric.Metrics) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got++
	c.datapoints += md.DataPointCount()
	ms := md.ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Name() == "snmp.up" && ms.At(i).Gauge().DataPoints().At(0).IntValue() == 0 {
			c.down++
		}
	}
	if c.got == c.want {
		close(c.done)
	}
	return nil
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScaleRound polls SNMP_BENCH_DEVICES (default 1,000) simulated
// devices with 48 interfaces each, served by an in-process responder, with
// one receiver (profiles system and if_mib) and reports the wall time of one
// full round and the collector's CPU time per 100,000 varbinds (the
// responder's threads are measured apart and subtracted).
func BenchmarkScaleRound(b *testing.B) {
	devices := 1000
	if v, err := strconv.Atoi(os.Getenv("SNMP_BENCH_DEVICES")); err == nil && v > 0 {
		devices = v
	}
	// Ten distinct device images, shared round-robin, keep memory modest.
	images := make([]*snmpsim.MIB, 10)
	for i := range images {
		pdus := append(snmpsim.System(fmt.Sprintf("sim-%d", i), 123456), snmpsim.IfMIB(48, uint64(i))...)
		images[i] = snmpsim.NewMIB(pdus)
	}
	mibs := make(map[string]*snmpsim.MIB, devices)
	for d := range devices {
		mibs[fmt.Sprintf("dev%04d", d)] = images[d%len(images)]
	}
	resp, err := snmpsim.StartResponder(mibs, 2)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Close()

	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.CollectionInterval = time.Hour // one round per receiver start
	cfg.Jitter = 0                     // all targets due at once: the worst case
	cfg.Timeout = 5 * time.Second
	cfg.Profiles = []string{"system", "if_mib"}
	for d := range devices {
		name := fmt.Sprintf("dev%04d", d)
		cfg.Targets = append(cfg.Targets, Target{Name: name, Endpoint: resp.Endpoint(),
			Inline: Credential{Version: "v2c", Community: configopaque.String(name)}})
	}
	if err := cfg.Validate(); err != nil {
		b.Fatal(err)
	}
	var wall, cpu time.Duration
	var varbinds, datapoints, heapKept int64
	rounds := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		rc := &roundCounter{want: devices, done: make(chan struct{})}
		r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(NewFactory().Type()), cfg, rc)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var ms0 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		heap0 := int64(ms0.HeapAlloc)
		vb0, cpu0 := resp.Varbinds(), processCPU()
		start := time.Now()
		b.StartTimer()
		if err := r.Start(context.Background(), componenttest.NewNopHost()); err != nil {
			b.Fatal(err)
		}
		<-rc.done
		b.StopTimer()
		wall += time.Since(start)
		// Memory the receiver keeps between rounds (sessions, counter
		// state), measured before it shuts down.
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heapKept = int64(ms.HeapAlloc) - heap0
		_ = r.Shutdown(context.Background())
		cpu += processCPU() - cpu0
		varbinds += resp.Varbinds() - vb0
		datapoints += int64(rc.datapoints)
		rounds++
		if rc.down > 0 {
			b.Fatalf("%d of %d targets down", rc.down, devices)
		}
		b.StartTimer()
	}
	b.StopTimer()
	// The responder's CPU is known once its threads end; it ran only
	// during the rounds, so subtracting it leaves the collector's share.
	_ = resp.Close()
	cpu -= resp.CPU()
	b.ReportMetric(wall.Seconds()/float64(rounds), "s/round")
	b.ReportMetric(float64(varbinds)/float64(rounds), "varbinds/round")
	b.ReportMetric(float64(datapoints)/float64(rounds), "datapoints/round")
	b.ReportMetric(cpu.Seconds()/(float64(varbinds)/1e5), "cpu-s/100k-varbinds")
	b.ReportMetric(resp.CPU().Seconds()/float64(rounds), "responder-cpu-s/round")
	b.ReportMetric(float64(heapKept)/float64(devices)/1024, "KiB-kept/target")
}
