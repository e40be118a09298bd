// Package deliver hands what a polling receiver collected to the next
// consumer, counted in the receiver's standard metrics (obsreport), the same
// way for every receiver built on internal/targetpoll.
package deliver

import (
	"context"

	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/receiverhelper"
	"go.uber.org/zap"
)

// Sender sends one receiver's polls on.
type Sender struct {
	obs       *receiverhelper.ObsReport
	transport string
	what      string
	logger    *zap.Logger
}

// NewSender returns the sender of the receiver set describes. transport is
// its obsreport transport ("snmp", "sql", "http"); what names its data in
// log messages ("SNMP", "database").
func NewSender(set receiver.Settings, transport, what string) (*Sender, error) {
	obs, err := receiverhelper.NewObsReport(receiverhelper.ObsReportSettings{
		ReceiverID: set.ID, Transport: transport, ReceiverCreateSettings: set,
	})
	if err != nil {
		return nil, err
	}
	return &Sender{obs: obs, transport: transport, what: what, logger: set.Logger}, nil
}

// Metrics sends the metrics of target's poll to next. A refusal is counted
// as refused points and logged at debug level: the next poll goes on.
func (s *Sender) Metrics(ctx context.Context, next consumer.Metrics, target string, md pmetric.Metrics) {
	octx := s.obs.StartMetricsOp(ctx)
	err := next.ConsumeMetrics(octx, md)
	s.obs.EndMetricsOp(octx, s.transport, md.DataPointCount(), err)
	if err != nil {
		s.logger.Debug("next consumer refused "+s.what+" metrics", zap.String("target", target), zap.Error(err))
	}
}

// Logs sends the events of target's poll to next, as Metrics does.
func (s *Sender) Logs(ctx context.Context, next consumer.Logs, target string, ld plog.Logs) {
	octx := s.obs.StartLogsOp(ctx)
	err := next.ConsumeLogs(octx, ld)
	s.obs.EndLogsOp(octx, s.transport, ld.LogRecordCount(), err)
	if err != nil {
		s.logger.Debug("next consumer refused "+s.what+" events", zap.String("target", target), zap.Error(err))
	}
}
