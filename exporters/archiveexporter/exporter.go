package archiveexporter

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/exporters/archiveexporter/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/archive"
)

type archiveExporter struct {
	cfg       *Config
	logger    *zap.Logger
	telemetry *metadata.TelemetryBuilder

	w    *archive.Writer
	stop chan struct{}
	wg   sync.WaitGroup

	// one is a reusable single-record request, marshalled once per record.
	mu  sync.Mutex
	one plog.Logs
	enc plog.ProtoMarshaler
}

func newExporter(cfg *Config, set exporter.Settings) (*archiveExporter, error) {
	tb, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	one := plog.NewLogs()
	one.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	return &archiveExporter{cfg: cfg, logger: set.Logger, telemetry: tb, one: one}, nil
}

func (e *archiveExporter) start(ctx context.Context, _ component.Host) error {
	key, err := archive.LoadPrivateKey(e.cfg.SigningKeyFile)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	dur, _ := e.cfg.durability()
	opts := archive.Options{
		Dir: e.cfg.Directory, Key: key, SegmentMaxBytes: int64(e.cfg.SegmentMaxMiB) << 20,
		Durability: dur, Retention: e.cfg.Retention, WitnessDir: e.cfg.WitnessDir,
		OnSeal: e.sealed,
		OnWitnessError: func(err error) {
			e.telemetry.ArchiveWitnessErrors.Add(ctx, 1)
			e.logger.Error("archive: a seal could not be copied to the witness; it is in the archive and in this log", zap.Error(err))
		},
	}
	if e.cfg.PreviousSigningKeyFile != "" {
		if opts.PreviousKey, err = archive.LoadPrivateKey(e.cfg.PreviousSigningKeyFile); err != nil {
			return fmt.Errorf("archive: previous_signing_key_file: %w", err)
		}
	}
	w, err := archive.Open(opts)
	if err != nil {
		return fmt.Errorf("archive %s: %w", e.cfg.Directory, err)
	}
	e.w = w
	e.stop = make(chan struct{})
	e.wg.Add(1)
	go e.loop()
	return nil
}

// sealed logs every seal as one line: nothing in it is secret, and a user
// can route the collector's log to a backend as one more witness.
func (e *archiveExporter) sealed(s archive.SignedSeal) {
	e.telemetry.ArchiveSeals.Add(context.Background(), 1)
	e.logger.Info("archive sealed",
		zap.Uint64("seq", s.Body.Seq), zap.String("reason", s.Body.Reason), zap.Uint64("records", s.Body.Records),
		zap.String("head", s.Body.Head), zap.String("key", s.Body.Key),
		zap.String("signature", base64.StdEncoding.EncodeToString(s.Sig)),
		zap.String("seal", string(s.Line())))
}

func (e *archiveExporter) loop() {
	defer e.wg.Done()
	seal := time.NewTicker(e.cfg.SealInterval)
	defer seal.Stop()
	var syncC <-chan time.Time
	if e.cfg.Durability == "interval" {
		t := time.NewTicker(e.cfg.SyncInterval)
		defer t.Stop()
		syncC = t.C
	}
	for {
		select {
		case <-e.stop:
			return
		case <-seal.C:
			if err := e.w.Seal(archive.ReasonInterval); err != nil {
				e.logger.Error("archive: sealing failed; will retry at the next interval", zap.Error(err))
			}
		case <-syncC:
			if err := e.w.Sync(); err != nil {
				e.logger.Error("archive: sync failed", zap.Error(err))
			}
		}
	}
}

func (e *archiveExporter) shutdown(context.Context) error {
	if e.w == nil {
		return nil
	}
	close(e.stop)
	e.wg.Wait()
	err := e.w.Close()
	e.w = nil
	e.telemetry.Shutdown()
	return err
}

// push turns every log record into a one-record OTLP request with its
// resource and scope, and appends them as one block.
func (e *archiveExporter) push(ctx context.Context, ld plog.Logs) error {
	recs, err := e.split(ld)
	if err != nil {
		return consumererror.NewPermanent(err)
	}
	if err := e.w.Append(recs); err != nil {
		if errors.Is(err, archive.ErrClosed) {
			return consumererror.NewPermanent(err)
		}
		return fmt.Errorf("archive %s: %w", e.cfg.Directory, err)
	}
	e.telemetry.ArchiveRecords.Add(ctx, int64(len(recs)))
	return nil
}

func (e *archiveExporter) split(ld plog.Logs) ([][]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	recs := make([][]byte, 0, ld.LogRecordCount())
	orl := e.one.ResourceLogs().At(0)
	osl := orl.ScopeLogs().At(0)
	olr := osl.LogRecords().At(0)
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		rl := ld.ResourceLogs().At(i)
		rl.Resource().CopyTo(orl.Resource())
		orl.SetSchemaUrl(rl.SchemaUrl())
		for j := 0; j < rl.ScopeLogs().Len(); j++ {
			sl := rl.ScopeLogs().At(j)
			sl.Scope().CopyTo(osl.Scope())
			osl.SetSchemaUrl(sl.SchemaUrl())
			for k := 0; k < sl.LogRecords().Len(); k++ {
				sl.LogRecords().At(k).CopyTo(olr)
				b, err := e.enc.MarshalLogs(e.one)
				if err != nil {
					return nil, err
				}
				recs = append(recs, b)
			}
		}
	}
	return recs, nil
}
