package durableotlpexporter

import (
	"context"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pipeline"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"google.golang.org/grpc"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension"
)

var storageID = component.MustNewID("badger_storage")

// host hands the exporter its storage extension.
type host struct {
	component.Host
	exts map[component.ID]component.Component
}

func (h host) GetExtensions() map[component.ID]component.Component { return h.exts }

// startBadger starts a real badger_storage extension on dir; stop it with
// the returned function (also registered as cleanup).
func startBadger(t *testing.T, dir string) (extension.Extension, func()) {
	t.Helper()
	f := badgerstorageextension.NewFactory()
	cfg := f.CreateDefaultConfig().(*badgerstorageextension.Config)
	cfg.Directory = dir
	ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), cfg)
	require.NoError(t, err)
	require.NoError(t, ext.Start(context.Background(), componenttest.NewNopHost()))
	var once sync.Once
	stop := func() { once.Do(func() { require.NoError(t, ext.Shutdown(context.Background())) }) }
	t.Cleanup(stop)
	return ext, stop
}

// testExporter is a started durable_otlp logs exporter with readable telemetry.
type testExporter struct {
	*durableExporter
	tel *componenttest.Telemetry
}

func testConfig(endpoint string) *Config {
	cfg := createDefaultConfig().(*Config)
	cfg.ClientConfig.Endpoint = endpoint
	cfg.ClientConfig.TLS.Insecure = true
	cfg.Storage = storageID
	cfg.Timeout = 2 * time.Second
	cfg.RetryOnFailure.InitialInterval = 10 * time.Millisecond
	cfg.RetryOnFailure.MaxInterval = 50 * time.Millisecond
	return cfg
}

func startExporter(t *testing.T, cfg *Config, ext extension.Extension) *testExporter {
	t.Helper()
	tel := componenttest.NewTelemetry()
	set := exportertest.NewNopSettings(typ)
	set.ID = component.NewID(typ) // the nop settings' random name would give each start a new storage client
	set.TelemetrySettings = tel.NewTelemetrySettings()
	e, err := newExporter(cfg, set, pipeline.SignalLogs)
	require.NoError(t, err)
	require.NoError(t, e.Start(context.Background(), host{Host: componenttest.NewNopHost(), exts: map[component.ID]component.Component{storageID: ext}}))
	t.Cleanup(func() { _ = e.Shutdown(context.Background()) })
	return &testExporter{durableExporter: e, tel: tel}
}

// metric returns the sum of a telemetry metric's int data points (0 when
// it was never recorded).
func (e *testExporter) metric(t *testing.T, name string) int64 {
	t.Helper()
	m, err := e.tel.GetMetric("otelcol_" + name)
	if err != nil {
		return 0
	}
	var v int64
	switch d := m.Data.(type) {
	case metricdata.Sum[int64]:
		for _, p := range d.DataPoints {
			v += p.Value
		}
	case metricdata.Gauge[int64]:
		for _, p := range d.DataPoints {
			v += p.Value
		}
	default:
		t.Fatalf("%s: unexpected data %T", name, m.Data)
	}
	return v
}

// logs returns one request with n records whose attribute id runs from first.
func logs(first, n int) plog.Logs {
	ld := plog.NewLogs()
	lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	for i := range n {
		lr := lrs.AppendEmpty()
		lr.SetTimestamp(pcommon.Timestamp(1))
		lr.Body().SetStr("user record")
		lr.Attributes().PutInt("id", int64(first+i))
	}
	return ld
}

// ids returns the id attributes of ld's records in order.
func ids(ld plog.Logs) []int64 {
	var out []int64
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		sls := ld.ResourceLogs().At(i).ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			lrs := sls.At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				v, _ := lrs.At(k).Attributes().Get("id")
				out = append(out, v.Int())
			}
		}
	}
	return out
}

// faultServer is an OTLP/gRPC logs endpoint whose answers the test scripts:
// answer is called per request and returns the response or the error.
type faultServer struct {
	plogotlp.UnimplementedGRPCServer
	addr string

	mu     sync.Mutex
	calls  int
	got    []int64
	answer func(call int) (plogotlp.ExportResponse, error)
}

func (s *faultServer) Export(_ context.Context, req plogotlp.ExportRequest) (plogotlp.ExportResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	resp, err := plogotlp.NewExportResponse(), error(nil)
	if s.answer != nil {
		resp, err = s.answer(s.calls)
	}
	if err == nil {
		s.got = append(s.got, ids(req.Logs())...)
	}
	return resp, err
}

func (s *faultServer) received() (calls int, got []int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls, append([]int64(nil), s.got...)
}

func startFaultServer(t *testing.T, answer func(call int) (plogotlp.ExportResponse, error)) *faultServer {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &faultServer{addr: lis.Addr().String(), answer: answer}
	srv := grpc.NewServer()
	plogotlp.RegisterGRPCServer(srv, s)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return s
}

// freePort returns a local address nothing listens on (for now).
func freePort(t *testing.T) string {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := lis.Addr().String()
	require.NoError(t, lis.Close())
	return addr
}

func tempDir(t *testing.T) string { return filepath.Join(t.TempDir(), "queue") }
