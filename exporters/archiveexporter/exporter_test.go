package archiveexporter

import (
	"context"
	"crypto/ed25519"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/exporters/archiveexporter/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/archive"
)

func accessLogs(n int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "patients-db")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("access")
	for i := 0; i < n; i++ {
		lr := sl.LogRecords().AppendEmpty()
		lr.Body().SetStr("SELECT * FROM patients WHERE id = ?")
		lr.Attributes().PutStr("user.name", "kim")
		lr.Attributes().PutInt("row", int64(i))
	}
	return ld
}

func TestRecordsAreArchivedAndVerify(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.pem")
	pub, err := archive.GenerateKey(keyFile)
	require.NoError(t, err)

	cfg := createDefaultConfig().(*Config)
	cfg.Directory = filepath.Join(dir, "archive")
	cfg.SigningKeyFile = keyFile
	cfg.WitnessDir = filepath.Join(dir, "witness")
	require.NoError(t, cfg.Validate())

	exp, err := NewFactory().CreateLogs(context.Background(), exportertest.NewNopSettings(metadata.Type), cfg)
	require.NoError(t, err)
	require.NoError(t, exp.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, exp.ConsumeLogs(context.Background(), accessLogs(3)))
	require.NoError(t, exp.ConsumeLogs(context.Background(), accessLogs(2)))
	require.NoError(t, exp.Shutdown(context.Background()))

	var got []plog.Logs
	rep, err := archive.Verify(cfg.Directory, []ed25519.PublicKey{pub}, nil, func(r archive.Record, _ int64) error {
		ld, err := (&plog.ProtoUnmarshaler{}).UnmarshalLogs(r.Data)
		got = append(got, ld)
		return err
	})
	require.NoError(t, err)
	require.EqualValues(t, 5, rep.Records)
	require.Len(t, got, 5)
	lr := got[3].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	svc, _ := got[3].ResourceLogs().At(0).Resource().Attributes().Get("service.name")
	require.Equal(t, "patients-db", svc.Str())
	require.Equal(t, "access", got[3].ResourceLogs().At(0).ScopeLogs().At(0).Scope().Name())
	row, _ := lr.Attributes().Get("row")
	require.EqualValues(t, 0, row.Int(), "the fourth record is the first of the second batch")

	seals, err := archive.ReadSeals(cfg.WitnessDir)
	require.NoError(t, err)
	require.Len(t, seals, rep.Seals)
}
