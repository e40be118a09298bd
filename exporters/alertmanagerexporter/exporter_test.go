package alertmanagerexporter

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/confighttp"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/exporter/exportertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/threshold/notify"
)

// recorder is an HTTP endpoint for fault injection: it answers with the
// status in code and records what it got. The real Alertmanager test is in
// tests/e2e/threshold_test.go.
type recorder struct {
	srv   *httptest.Server
	code  atomic.Int32
	mu    sync.Mutex
	posts [][]notify.Alert
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	r.code.Store(http.StatusOK)
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/api/v2/alerts" || req.Method != http.MethodPost {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		body, _ := io.ReadAll(req.Body)
		var alerts []notify.Alert
		if err := json.Unmarshal(body, &alerts); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.posts = append(r.posts, alerts)
		r.mu.Unlock()
		w.WriteHeader(int(r.code.Load()))
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *recorder) all() []notify.Alert {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []notify.Alert
	for _, p := range r.posts {
		out = append(out, p...)
	}
	return out
}

func event(state string, at time.Time) plog.Logs {
	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetEventName("alert.state_change")
	lr.SetTimestamp(pcommon.NewTimestampFromTime(at))
	lr.Body().SetStr("CPU of db-1 is 95%")
	a := lr.Attributes()
	a.PutStr("alert.name", "HighCPU")
	a.PutStr("alert.state", state)
	a.PutStr("alert.severity", "critical")
	a.PutStr("alert.fingerprint", "0123456789abcdef")
	a.PutStr("alert.fired_at", at.Add(-time.Minute).UTC().Format(time.RFC3339Nano))
	a.PutInt("alert.evaluation_interval", 15)
	a.PutStr("alert.annotation.runbook", "https://wiki/cpu")
	a.PutStr("host.name", "db-1")
	a.PutStr("team", "dba")
	return ld
}

func newTestExporter(t *testing.T, urls ...string) *amExporter {
	cfg := createDefaultConfig()
	for _, u := range urls {
		cc := confighttp.NewDefaultClientConfig()
		cc.Endpoint = u
		cfg.Alertmanagers = append(cfg.Alertmanagers, cc)
	}
	cfg.ResendInterval = time.Hour // re-sends only when the test calls them
	require.NoError(t, cfg.Validate())
	e, err := newExporter(exportertest.NewNopSettings(NewFactory().Type()), cfg)
	require.NoError(t, err)
	require.NoError(t, e.start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, e.shutdown(context.Background())) })
	return e
}

func TestFiringToEveryAlertmanager(t *testing.T) {
	t.Parallel()
	am1, am2 := newRecorder(t), newRecorder(t)
	e := newTestExporter(t, am1.srv.URL, am2.srv.URL)
	now := time.Now()
	require.NoError(t, e.push(context.Background(), event("firing", now)))
	for _, am := range []*recorder{am1, am2} {
		got := am.all()
		require.Len(t, got, 1)
		a := got[0]
		assert.Equal(t, map[string]string{"alertname": "HighCPU", "severity": "critical", "host_name": "db-1", "team": "dba"}, a.Labels)
		assert.Equal(t, map[string]string{"summary": "CPU of db-1 is 95%", "runbook": "https://wiki/cpu"}, a.Annotations)
		assert.True(t, a.StartsAt.Equal(now.Add(-time.Minute)), "startsAt is the firing time")
		assert.WithinDuration(t, time.Now().Add(4*time.Hour), a.EndsAt, time.Minute, "4 × max(15s, resend 1h)")
	}

	// Resolved: endsAt is the resolve time.
	require.NoError(t, e.push(context.Background(), event("resolved", now.Add(time.Second))))
	got := am1.all()
	require.Len(t, got, 2)
	assert.True(t, got[1].EndsAt.Equal(now.Add(time.Second)))

	// Pending transitions and other logs are not alerts.
	ld := event("pending", now.Add(2*time.Second))
	other := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().AppendEmpty()
	other.Body().SetStr("just a log")
	require.NoError(t, e.push(context.Background(), ld))
	assert.Len(t, am1.all(), 2)
}

func TestOneAlertmanagerDown(t *testing.T) {
	t.Parallel()
	up, down := newRecorder(t), newRecorder(t)
	down.code.Store(http.StatusServiceUnavailable)
	e := newTestExporter(t, up.srv.URL, down.srv.URL)
	// One Alertmanager took it: no retry of the batch; re-sends catch up.
	require.NoError(t, e.push(context.Background(), event("firing", time.Now())))
	down.code.Store(http.StatusOK)
	e.resend(context.Background())
	assert.Len(t, down.all(), 2, "the failed post, then the re-send")
	assert.Len(t, up.all(), 2)
}

func TestAllAlertmanagersDown(t *testing.T) {
	t.Parallel()
	am := newRecorder(t)
	am.code.Store(http.StatusInternalServerError)
	e := newTestExporter(t, am.srv.URL)
	err := e.push(context.Background(), event("firing", time.Now()))
	require.Error(t, err)
	assert.False(t, consumererror.IsPermanent(err), "5xx is retried")
	assert.Contains(t, err.Error(), "500 Internal Server Error")

	am.code.Store(http.StatusBadRequest)
	err = e.push(context.Background(), event("firing", time.Now().Add(time.Second)))
	require.Error(t, err)
	assert.True(t, consumererror.IsPermanent(err), "4xx is not retried")
}

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig()
	require.ErrorContains(t, cfg.Validate(), "alertmanagers: at least one Alertmanager is required")
	cc := confighttp.NewDefaultClientConfig()
	cc.Endpoint = "ftp://user:secret@host"
	cfg.Alertmanagers = append(cfg.Alertmanagers, cc)
	cfg.ResendInterval = 0
	err := cfg.Validate()
	require.ErrorContains(t, err, `alertmanagers[0].endpoint: "ftp://user:xxxxx@host" is not an http(s) URL`)
	require.ErrorContains(t, err, "resend_interval: must be positive")
	assert.NotContains(t, err.Error(), "secret")
}
