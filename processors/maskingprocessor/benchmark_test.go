package maskingprocessor

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/processor/redactionprocessor"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor/internal/metadatatest"
)

// redactionRegexes give contrib's redaction processor the same built-in
// types as the masking processor's defaults (RE2 has no Luhn or date check).
var redactionRegexes = []string{
	`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`,                                      // email
	`\b(?:\d{4}[ -]?){3}\d{4}\b|\b3[47]\d{2}[ -]?\d{6}[ -]?\d{5}\b`,                                          // payment card
	`\b\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-?[1-8]\d{6}\b`,                                          // kr_rrn
	`\b01[016789][-. ]?\d{3,4}[-. ]?\d{4}\b|\b0(?:2|[3-6][1-5]|70)[-. ]\d{3,4}[-. ]\d{4}\b`,                  // KR phone
	`\+[1-9]\d{0,2}(?:[ -](?:\(0\)[ -]?)?\d{1,4}){1,4}\b|\+[1-9]\d{7,14}\b`,                                  // E.164 / +82
	`eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*`,                                           // JWT
	`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\bghp_[A-Za-z0-9]{36}\b`,                                                  // access keys
	`(?i)\b(?:bearer|basic)\s+[A-Za-z0-9._~+/-]+=*`,                                                          // auth header
	`(?i)(?:password|passwd|pwd|secret|token|api_?key|access_key|credential)["']?\s*[:=]\s*["']?[^\s"',;&]+`, // key=value secrets
	`(?i)identified by '[^']*'`,                                                                              // SQL
	`://[^/\s:@]+:[^/\s@]+@`,                                                                                 // URL password
}

// redactionSecretKeys masks whole values under secret keys, as the
// masking processor's secret detector does for attribute and map keys.
const redactionSecretKeys = `(?i)password|passwd|pwd|passphrase|secret|token|api_?key|access_key|private_key|credential|authorization`

type benchCase struct {
	name       string
	lines      []corpus.Line
	structured bool
}

// benchLogs puts each corpus line in the body of one log record: as a
// string, or (structured) JSON lines parsed into a map body.
func benchLogs(tb testing.TB, lines []corpus.Line, structured bool) (plog.Logs, int64) {
	ld := plog.NewLogs()
	sl := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	var bytes int64
	for _, l := range lines {
		body := sl.LogRecords().AppendEmpty().Body()
		if structured {
			var raw map[string]any
			require.NoError(tb, json.Unmarshal([]byte(l.Text), &raw))
			require.NoError(tb, body.SetEmptyMap().FromRaw(raw))
		} else {
			body.SetStr(l.Text)
		}
		bytes += int64(len(l.Text))
	}
	return ld, bytes
}

// jsonLines keeps the JSON application log lines of a corpus.
func jsonLines(lines []corpus.Line) []corpus.Line {
	var out []corpus.Line
	for _, l := range lines {
		if l.Format == "json" {
			out = append(out, l)
		}
	}
	return out
}

type logsFunc func(context.Context, plog.Logs) error

func newMaskingFunc(tb testing.TB) logsFunc {
	p, err := newProcessor(metadatatest.NewSettings(componenttest.NewTelemetry()), createDefaultConfig())
	require.NoError(tb, err)
	return func(ctx context.Context, ld plog.Logs) error { _, err := p.processLogs(ctx, ld); return err }
}

func newRedactionFunc(tb testing.TB) logsFunc {
	f := redactionprocessor.NewFactory()
	cfg := f.CreateDefaultConfig().(*redactionprocessor.Config)
	cfg.AllowAllKeys = true
	cfg.BlockedValues = redactionRegexes
	cfg.BlockedKeyPatterns = []string{redactionSecretKeys}
	cfg.Summary = "silent"
	sink := new(consumertest.LogsSink)
	p, err := f.CreateLogs(context.Background(), processortest.NewNopSettings(f.Type()), cfg, sink)
	require.NoError(tb, err)
	var lp processor.Logs = p
	return func(ctx context.Context, ld plog.Logs) error {
		sink.Reset()
		return lp.ConsumeLogs(ctx, ld)
	}
}

// quality masks a copy of the corpus and counts surviving secrets (of the
// default detectors' kinds) and altered look-alikes.
func quality(tb testing.TB, fn logsFunc, c benchCase) (secrets, leaks, lookAlikes, altered int) {
	ld, _ := benchLogs(tb, c.lines, c.structured)
	require.NoError(tb, fn(context.Background(), ld))
	recs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	for i, l := range c.lines {
		out := recs.At(i).Body().AsString()
		for _, s := range l.Secrets {
			if s.Kind == "ipv4" {
				continue // opt-in, off in both configurations
			}
			secrets++
			if strings.Contains(out, s.Value) {
				leaks++
			}
		}
		for _, la := range l.LookAlikes {
			lookAlikes++
			if !strings.Contains(out, la) {
				altered++
			}
		}
	}
	return
}

// allocsPerRecord measures heap allocations of fn alone, per record.
func allocsPerRecord(tb testing.TB, fn logsFunc, tmpl plog.Logs, records int) float64 {
	var total uint64
	const runs = 3
	for range runs {
		ld := plog.NewLogs()
		tmpl.CopyTo(ld)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		require.NoError(tb, fn(context.Background(), ld))
		runtime.ReadMemStats(&after)
		total += after.Mallocs - before.Mallocs
	}
	return float64(total) / runs / float64(records)
}

// BenchmarkLogs runs the masking processor and contrib's redaction
// processor side by side on the same generated corpus: mixed (40% of the
// optional fields hold secrets) and clean lines as string bodies, and the
// JSON application logs parsed into map bodies (structured).
func BenchmarkLogs(b *testing.B) {
	const n = 2000
	cases := []benchCase{
		{"mixed", corpus.Generate(42, n, 0.4), false},
		{"clean", corpus.Generate(43, n, 0), false},
		{"structured", jsonLines(corpus.Generate(44, 5*n, 0.4)), true},
	}
	impls := []struct {
		name string
		new  func(testing.TB) logsFunc
	}{
		{"masking", newMaskingFunc},
		{"redaction", newRedactionFunc},
	}
	for _, c := range cases {
		tmpl, bytes := benchLogs(b, c.lines, c.structured)
		records := len(c.lines)
		for _, impl := range impls {
			b.Run(c.name+"/"+impl.name, func(b *testing.B) {
				fn := impl.new(b)
				secrets, leaks, lookAlikes, altered := quality(b, fn, c)
				apr := allocsPerRecord(b, fn, tmpl, records)
				b.ReportAllocs()
				b.SetBytes(bytes)
				var work plog.Logs
				b.ResetTimer()
				for b.Loop() {
					b.StopTimer()
					work = plog.NewLogs()
					tmpl.CopyTo(work)
					b.StartTimer()
					if err := fn(context.Background(), work); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
				b.ReportMetric(apr, "allocs/record")
				b.ReportMetric(float64(leaks), "leaks")
				b.ReportMetric(float64(altered), "lookalikes_altered")
				b.ReportMetric(float64(lookAlikes), "lookalikes")
				b.ReportMetric(float64(secrets), "secrets")
				if secrets > 0 {
					b.ReportMetric(100*float64(leaks)/float64(secrets), "leak%")
				}
				b.ReportMetric(100*float64(altered)/float64(lookAlikes), "fp%")
			})
		}
	}
}

// BenchmarkBenchRecord runs the processor on batches of the record the
// collector benchmark sends (tests/e2e/pipeline_bench_test.go): a 324-byte
// body with an e-mail, a card and an address, six attributes, with the
// detectors that benchmark turns on (defaults, ipv4 and ipv6). "unique"
// gives every record its own attribute values, so nothing repeats.
func BenchmarkBenchRecord(b *testing.B) {
	body := strings.Repeat("user kim@example.com paid with 4111 1111 1111 1111 from 10.0.0.1; ", 5)[:324]
	const records = 512
	for _, unique := range []bool{false, true} {
		name := "repeated"
		if unique {
			name = "unique"
		}
		tmpl := plog.NewLogs()
		rl := tmpl.ResourceLogs().AppendEmpty()
		rl.Resource().Attributes().PutStr("service.name", "telemetrygen")
		sl := rl.ScopeLogs().AppendEmpty()
		for r := range records {
			lr := sl.LogRecords().AppendEmpty()
			lr.Body().SetStr(body)
			for i := range 6 {
				v := fmt.Sprintf("value-%d-of-the-benchmark", i)
				if unique {
					v = fmt.Sprintf("value-%d-of-the-benchmark-%d", i, r)
				}
				lr.Attributes().PutStr(fmt.Sprintf("attr%d", i), v)
			}
		}
		if !unique {
			// The copy alone, to subtract from instruction counts (which
			// StopTimer does not stop).
			b.Run("copy", func(b *testing.B) {
				for b.Loop() {
					work := plog.NewLogs()
					tmpl.CopyTo(work)
				}
			})
		}
		b.Run(name, func(b *testing.B) {
			cfg := createDefaultConfig()
			cfg.Detectors.IPv4.Enabled = true
			cfg.Detectors.IPv6.Enabled = true
			p, err := newProcessor(metadatatest.NewSettings(componenttest.NewTelemetry()), cfg)
			require.NoError(b, err)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				work := plog.NewLogs()
				tmpl.CopyTo(work)
				b.StartTimer()
				if _, err := p.processLogs(context.Background(), work); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/records, "ns/record")
		})
	}
}
