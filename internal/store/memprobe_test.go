package store

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestMemoryProbe ingests batches of 1,000 log records for
// EMS_STORE_MEMPROBE_SECONDS at EMS_STORE_MEMPROBE_RATE records/s (0: as fast
// as it goes) with the local_store extension's default memtable (4 MiB;
// EMS_STORE_MEMPROBE_MEMTABLE_MIB) and compression (EMS_STORE_MEMPROBE_COMPRESSION),
// and prints the peak live heap, most of it Badger's table builders and
// memtables; EMS_STORE_MEMPROBE_HEAP names a file for a heap profile at the end.
// A measurement, not a check: it asserts nothing about the numbers.
func TestMemoryProbe(t *testing.T) {
	secs, _ := strconv.Atoi(os.Getenv("EMS_STORE_MEMPROBE_SECONDS"))
	if secs <= 0 {
		t.Skip("set EMS_STORE_MEMPROBE_SECONDS")
	}
	rate, _ := strconv.Atoi(os.Getenv("EMS_STORE_MEMPROBE_RATE"))
	clock := newClock(time.Now())
	start := clock.Now().Add(-time.Hour)
	batches := logBatches(start)
	s := openTest(t, clock, func(o *Options) {
		o.Memory.MemTableSizeMiB = 4
		if v, _ := strconv.Atoi(os.Getenv("EMS_STORE_MEMPROBE_MEMTABLE_MIB")); v > 0 {
			o.Memory.MemTableSizeMiB = int64(v)
		}
		if c := os.Getenv("EMS_STORE_MEMPROBE_COMPRESSION"); c != "" {
			o.Compression = Compression(c)
		}
	})
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	var peakLive, peakObj uint64
	var ru0 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	t0 := time.Now()
	end := t0.Add(time.Duration(secs) * time.Second)
	n := 0
	for i := 0; time.Now().Before(end); i++ {
		ld := batches[i%len(batches)]
		restampLogs(ld, start.Add(time.Duration(i)*time.Second))
		res, err := s.WriteLogs(context.Background(), ld)
		require.NoError(t, err)
		n += res.Written
		if rate > 0 {
			if d := time.Until(t0.Add(time.Duration(float64(n) / float64(rate) * float64(time.Second)))); d > 0 {
				time.Sleep(d)
			}
		}
		if i%4 == 0 {
			metrics.Read(samples)
			peakLive = max(peakLive, samples[0].Value.Uint64())
			peakObj = max(peakObj, samples[1].Value.Uint64())
		}
	}
	el := time.Since(t0)
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := time.Duration(ru.Utime.Nano()+ru.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano()) * time.Nanosecond
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("records %d in %s: %.0f/s, %.0f per CPU-second; peak live heap %d MiB, peak heap objects %d MiB, GC cycles %d, GC CPU %.1f%%, maxrss %d MiB",
		n, el.Round(time.Millisecond), float64(n)/el.Seconds(), float64(n)/cpu.Seconds(), peakLive>>20, peakObj>>20, ms.NumGC, ms.GCCPUFraction*100, ru.Maxrss>>10)
	if p := os.Getenv("EMS_STORE_MEMPROBE_HEAP"); p != "" {
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, pprof.Lookup("heap").WriteTo(f, 0))
		require.NoError(t, f.Close())
	}
}
