package durableotlpexporter

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/extension/xextension/storage"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pipeline"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

// otlpBackend is a real OTLP/gRPC endpoint (the upstream otlpreceiver) that
// records the ids of the logs it receives, in arrival order.
type otlpBackend struct {
	addr string
	mu   sync.Mutex
	got  []int64
	rcv  component.Component
}

func (b *otlpBackend) start(t *testing.T) {
	t.Helper()
	f := otlpreceiver.NewFactory()
	cfg := f.CreateDefaultConfig()
	require.NoError(t, confmap.NewFromStringMap(map[string]any{
		"protocols": map[string]any{"grpc": map[string]any{"endpoint": b.addr}},
	}).Unmarshal(cfg))
	next, err := consumer.NewLogs(func(_ context.Context, ld plog.Logs) error {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.got = append(b.got, ids(ld)...)
		return nil
	})
	require.NoError(t, err)
	rcv, err := f.CreateLogs(context.Background(), receivertest.NewNopSettings(f.Type()), cfg, next)
	require.NoError(t, err)
	require.NoError(t, rcv.Start(context.Background(), componenttest.NewNopHost()))
	b.rcv = rcv
	t.Cleanup(func() { b.stop() })
}

func (b *otlpBackend) stop() {
	if b.rcv != nil {
		_ = b.rcv.Shutdown(context.Background())
		b.rcv = nil
	}
}

func (b *otlpBackend) received() []int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]int64(nil), b.got...)
}

func seq(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i)
	}
	return out
}

func TestDeliversInOrderToARealOTLPReceiver(t *testing.T) {
	be := &otlpBackend{addr: freePort(t)}
	be.start(t)
	ext, _ := startBadger(t, tempDir(t))
	cfg := testConfig(be.addr)
	cfg.NumConsumers = 1 // one sender: the backend sees the queue's order
	e := startExporter(t, cfg, ext)
	const requests, per = 50, 10
	for r := range requests {
		require.NoError(t, e.ConsumeLogs(context.Background(), logs(r*per, per)))
	}
	require.Eventually(t, func() bool { return len(be.received()) == requests*per }, 10*time.Second, 10*time.Millisecond)
	assert.Equal(t, seq(requests*per), be.received(), "FIFO: records arrive in the order they were stored")
	require.Eventually(t, func() bool { return e.metric(t, "durable_otlp_queue_size") == 0 }, 5*time.Second, 10*time.Millisecond)
	assert.EqualValues(t, requests*per, e.metric(t, "durable_otlp_stored_items"))
	assert.EqualValues(t, requests*per, e.metric(t, "durable_otlp_sent_items"))
	assert.EqualValues(t, requests, e.metric(t, "durable_otlp_sent_requests"))
	assert.Zero(t, e.metric(t, "durable_otlp_queue_bytes"))
	assert.Zero(t, e.metric(t, "durable_otlp_queue_items"))
	assert.Zero(t, e.metric(t, "durable_otlp_dropped_items"))
}

func TestRestartResumesFromTheSameStorage(t *testing.T) {
	dir := tempDir(t)
	addr := freePort(t) // nothing listens: the backend is down
	ext, stopExt := startBadger(t, dir)
	e := startExporter(t, testConfig(addr), ext)
	for r := range 20 {
		require.NoError(t, e.ConsumeLogs(context.Background(), logs(r*5, 5)))
	}
	assert.EqualValues(t, 20, e.metric(t, "durable_otlp_queue_size"))
	assert.EqualValues(t, 100, e.metric(t, "durable_otlp_queue_items"))
	queuedBytes := e.metric(t, "durable_otlp_queue_bytes")
	assert.Positive(t, queuedBytes)
	require.NoError(t, e.Shutdown(context.Background()))
	stopExt()

	be := &otlpBackend{addr: addr}
	be.start(t)
	ext2, _ := startBadger(t, dir)
	cfg := testConfig(addr)
	cfg.NumConsumers = 1
	e2 := startExporter(t, cfg, ext2)
	assert.EqualValues(t, 20, e2.q.Load().size.Load(), "the counters come back with the queue")
	assert.EqualValues(t, queuedBytes, e2.q.Load().bytes.Load())
	require.Eventually(t, func() bool { return len(be.received()) >= 100 }, 20*time.Second, 10*time.Millisecond)
	got := be.received()
	assert.Equal(t, seq(100), got[:100], "everything stored before the restart arrives, in order")
	require.Eventually(t, func() bool { return e2.metric(t, "durable_otlp_queue_size") == 0 }, 5*time.Second, 10*time.Millisecond)
}

func TestRetryableErrorsAreRetriedPermanentOnesDropped(t *testing.T) {
	retryInfo := func(c codes.Code, d time.Duration) error {
		st, err := status.New(c, "slow down").WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(d)})
		require.NoError(t, err)
		return st.Err()
	}
	for _, tc := range []struct {
		name             string
		fail             error
		retried, dropped bool
	}{
		{"unavailable", status.Error(codes.Unavailable, "down"), true, false},
		{"deadline exceeded", status.Error(codes.DeadlineExceeded, "slow"), true, false},
		{"aborted", status.Error(codes.Aborted, "aborted"), true, false},
		{"resource exhausted with retry info", retryInfo(codes.ResourceExhausted, 20*time.Millisecond), true, false},
		{"resource exhausted without retry info", status.Error(codes.ResourceExhausted, "full"), false, true},
		{"invalid argument", status.Error(codes.InvalidArgument, "bad data"), false, true},
		{"unauthenticated", status.Error(codes.Unauthenticated, "who"), false, true},
		{"permission denied", status.Error(codes.PermissionDenied, "no"), false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The first two calls fail, later ones succeed.
			s := startFaultServer(t, func(call int) (plogotlp.ExportResponse, error) {
				if call <= 2 {
					return plogotlp.NewExportResponse(), tc.fail
				}
				return plogotlp.NewExportResponse(), nil
			})
			ext, _ := startBadger(t, tempDir(t))
			cfg := testConfig(s.addr)
			cfg.NumConsumers = 1
			e := startExporter(t, cfg, ext)
			require.NoError(t, e.ConsumeLogs(context.Background(), logs(0, 3)))
			require.NoError(t, e.ConsumeLogs(context.Background(), logs(3, 3)))
			require.Eventually(t, func() bool { return e.metric(t, "durable_otlp_queue_size") == 0 }, 10*time.Second, 10*time.Millisecond)
			calls, got := s.received()
			if tc.retried {
				assert.Equal(t, 4, calls, "two failures, then both requests")
				assert.Equal(t, seq(6), got)
				assert.EqualValues(t, 2, e.metric(t, "durable_otlp_retried_requests"))
				assert.Zero(t, e.metric(t, "durable_otlp_dropped_items"))
				assert.EqualValues(t, 6, e.metric(t, "durable_otlp_sent_items"))
			} else {
				assert.Equal(t, 2, calls, "each request is sent once and dropped")
				assert.Empty(t, got, "both requests were dropped")
				assert.Zero(t, e.metric(t, "durable_otlp_retried_requests"))
				assert.EqualValues(t, 6, e.metric(t, "durable_otlp_dropped_items"))
				assert.Zero(t, e.metric(t, "durable_otlp_sent_items"))
			}
		})
	}
}

func TestGivesUpAfterMaxElapsedTime(t *testing.T) {
	s := startFaultServer(t, func(int) (plogotlp.ExportResponse, error) {
		return plogotlp.NewExportResponse(), status.Error(codes.Unavailable, "down")
	})
	ext, _ := startBadger(t, tempDir(t))
	cfg := testConfig(s.addr)
	cfg.RetryOnFailure.MaxElapsedTime = 200 * time.Millisecond
	e := startExporter(t, cfg, ext)
	require.NoError(t, e.ConsumeLogs(context.Background(), logs(0, 7)))
	require.Eventually(t, func() bool { return e.metric(t, "durable_otlp_dropped_items") == 7 }, 5*time.Second, 10*time.Millisecond)
	assert.Positive(t, e.metric(t, "durable_otlp_retried_requests"))
	assert.Zero(t, e.metric(t, "durable_otlp_queue_size"))
}

func TestPartialSuccessIsCountedNotRetried(t *testing.T) {
	s := startFaultServer(t, func(int) (plogotlp.ExportResponse, error) {
		r := plogotlp.NewExportResponse()
		r.PartialSuccess().SetRejectedLogRecords(3)
		r.PartialSuccess().SetErrorMessage("3 records too old")
		return r, nil
	})
	ext, _ := startBadger(t, tempDir(t))
	e := startExporter(t, testConfig(s.addr), ext)
	require.NoError(t, e.ConsumeLogs(context.Background(), logs(0, 10)))
	require.Eventually(t, func() bool { return e.metric(t, "durable_otlp_queue_size") == 0 }, 5*time.Second, 10*time.Millisecond)
	calls, _ := s.received()
	assert.Equal(t, 1, calls)
	assert.EqualValues(t, 3, e.metric(t, "durable_otlp_rejected_items"))
	assert.EqualValues(t, 7, e.metric(t, "durable_otlp_sent_items"))
	assert.Zero(t, e.metric(t, "durable_otlp_retried_requests"))
}

// fullStorage is a storage extension whose client refuses every write as a
// full badger_storage does; reads find nothing.
type fullStorage struct{ component.StartFunc }

func (fullStorage) Shutdown(context.Context) error { return nil }
func (fullStorage) GetClient(context.Context, component.Kind, component.ID, string) (storage.Client, error) {
	return fullClient{}, nil
}

type fullClient struct{}

func (fullClient) Get(context.Context, string) ([]byte, error) { return nil, nil }
func (fullClient) Set(context.Context, string, []byte) error   { return storage.ErrStorageFull }
func (fullClient) Delete(context.Context, string) error        { return storage.ErrStorageFull }
func (fullClient) Close(context.Context) error                 { return nil }
func (fullClient) Batch(_ context.Context, ops ...*storage.Operation) error {
	for _, op := range ops {
		if op.Type != storage.Get {
			return errors.Join(errors.New("disk budget of 4 MiB reached"), storage.ErrStorageFull)
		}
	}
	return nil
}

func TestFullStorageRefusesAndCounts(t *testing.T) {
	e := startExporter(t, testConfig(freePort(t)), fullStorage{})
	err := e.ConsumeLogs(context.Background(), logs(0, 4))
	require.Error(t, err)
	assert.ErrorIs(t, err, storage.ErrStorageFull)
	assert.Contains(t, err.Error(), `storage "badger_storage" is full`)
	assert.False(t, errors.Is(err, errNotStarted))
	assert.EqualValues(t, 4, e.metric(t, "durable_otlp_refused_items"))
	assert.Zero(t, e.metric(t, "durable_otlp_stored_items"))
}

func TestQueueBoundRefuses(t *testing.T) {
	ext, _ := startBadger(t, tempDir(t))
	cfg := testConfig(freePort(t)) // backend down: the queue only grows
	cfg.MaxQueueMiB = 1
	e := startExporter(t, cfg, ext)
	big := logs(0, 2000) // ~40 KiB a request
	var refused error
	for range 100 {
		if refused = e.ConsumeLogs(context.Background(), big); refused != nil {
			break
		}
	}
	require.ErrorIs(t, refused, errQueueFull)
	assert.LessOrEqual(t, e.metric(t, "durable_otlp_queue_bytes"), int64(1<<20))
	assert.EqualValues(t, 2000, e.metric(t, "durable_otlp_refused_items"))
}

func TestStartErrorsNameTheStorage(t *testing.T) {
	e, err := newExporter(testConfig("127.0.0.1:1"), exportertest.NewNopSettings(typ), pipeline.SignalLogs)
	require.NoError(t, err)
	err = e.Start(context.Background(), host{Host: componenttest.NewNopHost(), exts: map[component.ID]component.Component{}})
	require.ErrorContains(t, err, `storage: extension "badger_storage" not found`)
	require.NoError(t, e.Shutdown(context.Background()), "Shutdown is safe after a failed Start")
	require.ErrorIs(t, e.ConsumeLogs(context.Background(), logs(0, 1)), errNotStarted)
}
