package snmptrapreceiver

import (
	"context"
	"encoding/hex"
	"net"
	"os"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/receiverhelper"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
	"github.com/otelcol-ems/otelcol-ems/internal/snmptrap"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver/internal/metadata"
)

// trapReceiver owns one listener and hands its traps to the pipeline.
type trapReceiver struct {
	set       receiver.Settings
	cfg       *Config
	next      consumer.Logs
	telemetry *metadata.TelemetryBuilder
	obsrecv   *receiverhelper.ObsReport
	server    *snmptrap.Server
	reasons   []metric.MeasurementOption
}

func newReceiver(set receiver.Settings, cfg *Config, next consumer.Logs) (*trapReceiver, error) {
	return &trapReceiver{set: set, cfg: cfg, next: next}, nil
}

// Start localizes the v3 keys, binds the listener and starts receiving.
func (r *trapReceiver) Start(_ context.Context, _ component.Host) error {
	cfg := r.cfg
	users, err := cfg.users()
	if err != nil {
		return err
	}
	networks, err := cfg.networks()
	if err != nil {
		return err
	}
	severities, err := cfg.severities()
	if err != nil {
		return err
	}
	rate, err := parseRate(cfg.RateLimit.PerSource)
	if err != nil {
		return err
	}
	profiles, err := snmp.LoadProfiles(cfg.ProfileFiles)
	if err != nil {
		return err
	}
	engineID, err := r.engineID()
	if err != nil {
		return err
	}
	communities := make([]string, len(cfg.Communities))
	for i, c := range cfg.Communities {
		communities[i] = string(c)
	}
	dec, err := snmptrap.NewDecoder(snmptrap.DecoderSettings{
		Communities: communities, Users: users, EngineID: engineID,
		Severities: severities, Names: snmptrap.NewNames(profiles),
	}, time.Now())
	if err != nil {
		return err
	}
	r.telemetry, err = metadata.NewTelemetryBuilder(r.set.TelemetrySettings)
	if err != nil {
		return err
	}
	r.obsrecv, err = receiverhelper.NewObsReport(receiverhelper.ObsReportSettings{
		ReceiverID: r.set.ID, Transport: cfg.Transport, ReceiverCreateSettings: r.set,
	})
	if err != nil {
		return err
	}
	for _, reason := range snmptrap.Reasons() {
		r.reasons = append(r.reasons, metric.WithAttributeSet(attribute.NewSet(attribute.String("reason", reason.String()))))
	}
	bg := context.Background()
	r.server, err = snmptrap.NewServer(snmptrap.Settings{
		Endpoint: cfg.Endpoint, Transport: cfg.Transport, AllowedNetworks: networks,
		RatePerSource: rate, Burst: cfg.RateLimit.Burst, QueueSize: cfg.QueueSize, Workers: cfg.Workers,
		SocketBuffer: 8 << 20,
		Decoder:      dec,
		Consumer:     r.consume,
		Logger:       r.set.Logger,
		Hooks: snmptrap.Hooks{
			Received: func(n int64) { r.telemetry.ReceiverSnmptrapMessagesReceived.Add(bg, n) },
			Accepted: func(n int64) { r.telemetry.ReceiverSnmptrapTrapsAccepted.Add(bg, n) },
			Dropped: func(reason snmptrap.Reason, n int64) {
				r.telemetry.ReceiverSnmptrapMessagesDropped.Add(bg, n, r.reasons[reason])
			},
		},
	})
	if err != nil {
		return err
	}
	if err := r.server.Start(); err != nil {
		return err
	}
	r.set.Logger.Info("SNMP trap receiver listening",
		zap.String("endpoint", r.server.Addr().String()), zap.String("transport", cfg.Transport),
		zap.Int("communities", len(cfg.Communities)), zap.Int("users", len(users)),
		zap.String("engine_id", "0x"+hex.EncodeToString(engineID)))
	return nil
}

func (r *trapReceiver) engineID() ([]byte, error) {
	if r.cfg.EngineID != "" {
		return snmptrap.ParseEngineID(r.cfg.EngineID)
	}
	host, _ := os.Hostname()
	return snmptrap.DefaultEngineID(host + "|" + r.cfg.Endpoint), nil
}

func (r *trapReceiver) consume(ctx context.Context, traps []*snmptrap.Trap) error {
	ctx = r.obsrecv.StartLogsOp(ctx)
	ld := toLogs(traps, r.set.BuildInfo.Version)
	err := r.next.ConsumeLogs(ctx, ld)
	r.obsrecv.EndLogsOp(ctx, metadata.Type.String(), len(traps), err)
	return err
}

// Shutdown stops the listener and delivers what is queued within ctx.
func (r *trapReceiver) Shutdown(ctx context.Context) error {
	if r.server == nil {
		return nil
	}
	err := r.server.Shutdown(ctx)
	if r.telemetry != nil {
		r.telemetry.Shutdown()
	}
	r.set.Logger.Info("SNMP trap receiver stopped")
	return err
}

// Addr returns the bound address (tests listen on port 0).
func (r *trapReceiver) Addr() net.Addr {
	if r.server == nil {
		return nil
	}
	return r.server.Addr()
}
