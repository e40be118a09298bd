//go:build integration

package e2e

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/archive"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// Archive tests (issue 17): the built collector archives OTLP logs with the
// archive exporter; the ems-archive command built next to it verifies them.

func archiveConfig(otlp, durability string, extra string) string {
	return fmt.Sprintf(`%s
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
exporters:
  archive:
    directory: ${env:EMS_DIR}/archive
    signing_key_file: ${env:EMS_ARCHIVE_KEY_FILE}
    witness_dir: ${env:EMS_DIR}/witness
    seal_interval: 1s
    segment_max_mib: 1
    durability: %s
%s
service:
  extensions: [health_check]
%s
  pipelines:
    logs:
      receivers: [otlp]
      exporters: [archive]
`, harness.ExtensionsYAML, otlp, durability, extra, harness.TelemetryYAML)
}

// emsArchive runs the ems-archive command and returns its exit code and output.
func emsArchive(t *testing.T, args ...string) (int, string) {
	t.Helper()
	bin := filepath.Join(filepath.Dir(harness.Binary(t)), "ems-archive")
	out, err := exec.Command(bin, args...).CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running ems-archive: %v", err)
	}
	return code, string(out)
}

// keygen makes a signing key with the command and returns the key file and
// the public key, parsed as a user would: the last word of the output.
func keygen(t *testing.T) (string, string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "archive.key")
	code, out := emsArchive(t, "keygen", "--out", file)
	require.Equal(t, 0, code, out)
	f := strings.Fields(out)
	return file, f[len(f)-1]
}

// noisyLogs returns n access records whose bodies do not compress away, so
// a few thousand of them fill several 1 MiB segments.
func noisyLogs(n, from int) plog.Logs {
	ld := harness.GenLogs("patients-db", n, time.Now(), false)
	lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	noise := make([]byte, 96)
	for i := 0; i < lrs.Len(); i++ {
		_, _ = rand.Read(noise)
		lr := lrs.At(i)
		lr.Attributes().PutInt("seq", int64(from+i))
		lr.Attributes().PutStr("user.name", fmt.Sprintf("user%d", (from+i)%7))
		lr.Body().SetStr(fmt.Sprintf("user%d read patient %d session=%s", (from+i)%7, from+i, hex.EncodeToString(noise)))
	}
	return ld
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "copy")
	require.NoError(t, exec.Command("cp", "-a", src, dst).Run())
	return dst
}

func segments(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.seg"))
	require.NoError(t, err)
	require.NotEmpty(t, m)
	return m
}

func TestArchiveVerifyAndTampering(t *testing.T) {
	keyFile, pub := keygen(t)
	require.True(t, strings.HasPrefix(pub, "ed25519:"), pub)
	otlp := harness.FreeAddr(t)
	c := harness.StartCollector(t, archiveConfig(otlp, "always", ""), "EMS_ARCHIVE_KEY_FILE="+keyFile)
	client := harness.NewOTLPClient(t, otlp)
	const batches, per = 30, 500
	for b := 0; b < batches; b++ {
		require.NoError(t, client.SendLogs(noisyLogs(per, b*per)))
	}
	require.Equal(t, 0, c.Stop())
	require.Contains(t, c.Output(), `"reason": "shutdown"`, "each seal is logged as one line")
	require.NotContains(t, c.Output(), "PRIVATE KEY")

	dir := filepath.Join(c.Dir, "archive")
	witness := filepath.Join(c.Dir, "witness")
	code, out := emsArchive(t, "verify", "--dir", dir, "--public-key", pub, "--seals", witness)
	require.Equal(t, 0, code, out)
	require.Contains(t, out, fmt.Sprintf("INTACT: %d records", batches*per))
	require.Contains(t, out, "witness seals match")
	segs := segments(t, dir)
	require.GreaterOrEqual(t, len(segs), 3, "1 MiB segments must roll over")

	// Monthly inspection: one user's records in the period, as OTLP JSON lines.
	code, out = emsArchive(t, "export", "--dir", dir, "--public-key", pub,
		"--start", time.Now().Add(-time.Hour).UTC().Format(time.RFC3339), "--end", time.Now().Add(time.Hour).UTC().Format(time.RFC3339),
		"--filter", "user.name=user3")
	require.Equal(t, 0, code, out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := 0
	for i := 0; i < batches*per; i++ {
		if i%7 == 3 {
			want++
		}
	}
	require.Len(t, lines, want)
	ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs([]byte(lines[0]))
	require.NoError(t, err)
	user, _ := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).Attributes().Get("user.name")
	require.Equal(t, "user3", user.Str())

	_, evil, _ := ed25519.GenerateKey(rand.Reader)
	cases := []struct {
		name, want string
		tamper     func(t *testing.T, dir string)
		seals      bool
	}{
		{"one byte changed inside a record", "modified: segment 2", func(t *testing.T, dir string) {
			p := segments(t, dir)[1]
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			b[len(b)/2] ^= 0x01
			require.NoError(t, os.WriteFile(p, b, 0o600))
		}, false},
		{"one record's content changed, its hash kept", "modified: segment 1, record 7,", func(t *testing.T, dir string) {
			require.NoError(t, archive.RewriteBlocks(segments(t, dir)[0], func(blk int, rs []archive.Record) []archive.Record {
				if blk == 0 {
					rs[7].Data = append([]byte(nil), rs[7].Data...)
					rs[7].Data[len(rs[7].Data)-3] ^= 0x01
				}
				return rs
			}))
		}, false},
		{"a record removed", "missing: segment 1, record 42,", func(t *testing.T, dir string) {
			require.NoError(t, archive.RewriteBlocks(segments(t, dir)[0], func(blk int, rs []archive.Record) []archive.Record {
				if blk == 0 {
					return append(rs[:42:42], rs[43:]...)
				}
				return rs
			}))
		}, false},
		{"two records swapped", "record 100,", func(t *testing.T, dir string) {
			require.NoError(t, archive.RewriteBlocks(segments(t, dir)[0], func(blk int, rs []archive.Record) []archive.Record {
				if blk == 0 {
					rs[100], rs[101] = rs[101], rs[100]
				}
				return rs
			}))
		}, false},
		{"a segment deleted", "missing: segment 2", func(t *testing.T, dir string) {
			require.NoError(t, os.Remove(segments(t, dir)[1]))
		}, false},
		{"the last segment truncated", "truncated: segment", func(t *testing.T, dir string) {
			s := segments(t, dir)
			p := s[len(s)-1]
			st, err := os.Stat(p)
			require.NoError(t, err)
			require.NoError(t, os.Truncate(p, st.Size()-10))
		}, false},
		{"the last segment cut on a frame boundary, caught by the witness", "truncated:", func(t *testing.T, dir string) {
			s := segments(t, dir)
			require.NoError(t, os.Remove(s[len(s)-1]))
		}, true},
		{"seals re-signed with another key", "bad signature", func(t *testing.T, dir string) {
			for _, p := range segments(t, dir) {
				require.NoError(t, archive.ResignSeals(p, evil, func(b archive.SealBody) archive.SealBody { return b }))
			}
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cp := copyDir(t, dir)
			tc.tamper(t, cp)
			args := []string{"verify", "--dir", cp, "--public-key", pub}
			if tc.seals {
				args = append(args, "--seals", witness)
			}
			code, out := emsArchive(t, args...)
			require.Equal(t, 1, code, out)
			require.Contains(t, out, "NOT INTACT: ")
			require.Contains(t, out, tc.want)
		})
	}
}

// TestArchiveKill9 kills the collector while clients are being answered:
// every record acknowledged over OTLP verifies after the restart.
func TestArchiveKill9(t *testing.T) {
	keyFile, pub := keygen(t)
	otlp := harness.FreeAddr(t)
	c := harness.StartCollector(t, archiveConfig(otlp, "always", ""), "EMS_ARCHIVE_KEY_FILE="+keyFile)
	client := harness.NewOTLPClient(t, otlp)
	acked := 0
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		require.NoError(t, client.SendLogs(noisyLogs(200, acked)))
		acked += 200
	}
	// Kill while a send is in flight.
	errc := make(chan error, 1)
	go func() { errc <- client.SendLogs(noisyLogs(200, acked)) }()
	c.Kill()
	if <-errc == nil {
		acked += 200
	}
	c.Start(t)
	require.Equal(t, 0, c.Stop())

	dir := filepath.Join(c.Dir, "archive")
	code, out := emsArchive(t, "verify", "--dir", dir, "--public-key", pub, "--seals", filepath.Join(c.Dir, "witness"))
	require.Equal(t, 0, code, out)
	var records int
	_, err := fmt.Sscanf(out[strings.Index(out, "INTACT:"):], "INTACT: %d records", &records)
	require.NoError(t, err)
	require.GreaterOrEqual(t, records, acked, out)

	code, out = emsArchive(t, "export", "--dir", dir, "--public-key", pub, "--start", "2000-01-01", "--end", "2100-01-01")
	require.Equal(t, 0, code)
	seen := map[int64]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs([]byte(line))
		require.NoError(t, err)
		seq, _ := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).Attributes().Get("seq")
		seen[seq.Int()] = true
	}
	for i := 0; i < acked; i++ {
		require.True(t, seen[int64(i)], "acknowledged record %d is missing", i)
	}
}

// TestArchiveRetention: expired segments disappear and verify still passes,
// reporting the signed deletion.
func TestArchiveRetention(t *testing.T) {
	keyFile, pub := keygen(t)
	otlp := harness.FreeAddr(t)
	c := harness.StartCollector(t, archiveConfig(otlp, "interval", "    retention: 3s"), "EMS_ARCHIVE_KEY_FILE="+keyFile)
	client := harness.NewOTLPClient(t, otlp)
	for b := 0; b < 20; b++ {
		require.NoError(t, client.SendLogs(noisyLogs(500, b*500)))
	}
	dir := filepath.Join(c.Dir, "archive")
	first := segments(t, dir)[0]
	// Keep writing while the oldest segments expire and seals apply retention.
	require.Eventually(t, func() bool {
		_ = client.SendLogs(noisyLogs(10, 0))
		_, err := os.Stat(first)
		return os.IsNotExist(err)
	}, 30*time.Second, 500*time.Millisecond)
	require.Equal(t, 0, c.Stop())

	code, out := emsArchive(t, "verify", "--dir", dir, "--public-key", pub, "--seals", filepath.Join(c.Dir, "witness"))
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "signed deletion: segment 1 ")
	require.Contains(t, out, "removed by signed retention")
}

// procCPUSeconds returns the user+system CPU time a process has used.
func procCPUSeconds(t testing.TB, pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	require.NoError(t, err)
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, err := strconv.ParseFloat(f[11], 64)
	require.NoError(t, err)
	stime, err := strconv.ParseFloat(f[12], 64)
	require.NoError(t, err)
	return (utime + stime) / 100 // USER_HZ
}

// BenchmarkArchiveCollector measures the archive exporter inside the built
// collector as a user runs it: OTLP/gRPC in, 1,000 access records per
// request, records per second and per CPU-second of the collector.
//
//	go test -tags integration -run '^$' -bench ArchiveCollector -benchtime 200x ./tests/e2e/
func BenchmarkArchiveCollector(b *testing.B) {
	for _, dur := range []string{"interval", "always"} {
		b.Run(dur, func(b *testing.B) {
			keyFile := filepath.Join(b.TempDir(), "archive.key")
			if _, err := archive.GenerateKey(keyFile); err != nil {
				b.Fatal(err)
			}
			otlp := harness.FreeAddr(b)
			c := harness.StartCollector(b, strings.Replace(archiveConfig(otlp, dur, ""), "segment_max_mib: 1", "segment_max_mib: 64", 1),
				"EMS_ARCHIVE_KEY_FILE="+keyFile, "GOMAXPROCS=1")
			pid := collectorPID(b, c.ConfigPath)
			client := harness.NewOTLPClient(b, otlp)
			batches := make([]plog.Logs, 16)
			for i := range batches {
				batches[i] = noisyLogs(1000, i*1000)
			}
			cpu0 := procCPUSeconds(b, pid)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := client.SendLogs(batches[i%len(batches)]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			cpu := procCPUSeconds(b, pid) - cpu0
			b.ReportMetric(float64(b.N*1000)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(b.N*1000)/cpu, "records/CPU-s")
			c.Stop()
		})
	}
}
