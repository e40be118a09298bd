package archiveexporter

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"path/filepath"
	"testing"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/exporters/archiveexporter/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/archive"
)

// accessBatch is a batch of realistic access records: who, when, which
// system, what action, about 300 bytes of OTLP each.
func accessBatch(n, from int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "patients-api")
	rl.Resource().Attributes().PutStr("host.name", "was-node-3")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("access")
	for i := 0; i < n; i++ {
		lr := sl.LogRecords().AppendEmpty()
		lr.SetTimestamp(pcommon.Timestamp(1_780_000_000_000_000_000 + int64(from+i)*1_000_000))
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
		lr.Body().SetStr(fmt.Sprintf("GET /api/v1/patients/%d/records by emp%05d from 10.20.%d.%d", 100000+from+i, (from+i)%5000, (from+i)%250, (from+i)%200))
		lr.Attributes().PutStr("user.id", fmt.Sprintf("emp%05d", (from+i)%5000))
		lr.Attributes().PutStr("action", "read")
		lr.Attributes().PutStr("target.system", "emr")
		lr.Attributes().PutStr("client.address", fmt.Sprintf("10.20.%d.%d", (from+i)%250, (from+i)%200))
		lr.Attributes().PutInt("http.response.status_code", 200)
	}
	return ld
}

// BenchmarkExport is the exporter's push path as the collector calls it:
// split into one-record OTLP requests, chain, compress, write; 100 records
// per call.
func BenchmarkExport(b *testing.B) {
	for _, dur := range []string{"interval", "always"} {
		b.Run(dur, func(b *testing.B) {
			dir := b.TempDir()
			key := filepath.Join(dir, "key")
			if _, err := archive.GenerateKey(key); err != nil {
				b.Fatal(err)
			}
			cfg := createDefaultConfig().(*Config)
			cfg.Directory, cfg.SigningKeyFile, cfg.Durability = filepath.Join(dir, "a"), key, dur
			exp, err := NewFactory().CreateLogs(context.Background(), exportertest.NewNopSettings(metadata.Type), cfg)
			if err != nil {
				b.Fatal(err)
			}
			if err := exp.Start(context.Background(), componenttest.NewNopHost()); err != nil {
				b.Fatal(err)
			}
			batches := make([]plog.Logs, 64)
			for i := range batches {
				batches[i] = accessBatch(100, i*100)
			}
			raw := (&plog.ProtoMarshaler{}).LogsSize(batches[0])
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := exp.ConsumeLogs(context.Background(), batches[i%len(batches)]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "records/s")
			if err := exp.Shutdown(context.Background()); err != nil {
				b.Fatal(err)
			}
			pub := archiveKeyPub(b, key)
			rep, err := archive.Verify(cfg.Directory, []ed25519.PublicKey{pub}, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(rep.Bytes)/float64(rep.Records), "disk-B/record")
			b.ReportMetric(float64(raw)/100, "otlp-B/record")
		})
	}
}

func archiveKeyPub(b *testing.B, file string) ed25519.PublicKey {
	k, err := archive.LoadPrivateKey(file)
	if err != nil {
		b.Fatal(err)
	}
	return k.Public().(ed25519.PublicKey)
}

// BenchmarkVerify reads and checks an archive of 200k records.
func BenchmarkVerify(b *testing.B) {
	dir := b.TempDir()
	key := filepath.Join(dir, "key")
	if _, err := archive.GenerateKey(key); err != nil {
		b.Fatal(err)
	}
	priv, _ := archive.LoadPrivateKey(key)
	w, err := archive.Open(archive.Options{Dir: filepath.Join(dir, "a"), Key: priv, Durability: archive.Interval})
	if err != nil {
		b.Fatal(err)
	}
	e := &archiveExporter{one: plog.NewLogs()}
	e.one.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	for i := 0; i < 2000; i++ {
		recs, _ := e.split(accessBatch(100, i*100))
		if err := w.Append(recs); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	pub := priv.Public().(ed25519.PublicKey)
	var bytes int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := archive.Verify(filepath.Join(dir, "a"), []ed25519.PublicKey{pub}, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		bytes = rep.Bytes
	}
	b.SetBytes(bytes)
}
