//go:build integration

package e2e

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

const maskingHashKey = "e2e-masking-key-0123456789abcdef0123"

// maskingConfig puts `masking` in a logs and a traces pipeline, OTLP in and
// OTLP out to the sink. The HMAC key comes from the environment.
func maskingConfig(grpcIn, sinkEndpoint string) string {
	return fmt.Sprintf(`%s
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
processors:
  masking:
    hash_key: ${env:MASKING_HASH_KEY}
    detectors:
      email:
        action: hash
      payment_card:
        action: partial
        keep_last: 4
    rules:
      - name: employee_id
        pattern: 'EMP-\d{6}'
        keys: [enduser.id]
    exclude_keys: [trusted.note]
    audit: true
exporters:
  otlp_grpc:
    endpoint: %s
    tls:
      insecure: true
service:
  extensions: [health_check]
%s
  pipelines:
    logs:
      receivers: [otlp]
      processors: [masking]
      exporters: [otlp_grpc]
    traces:
      receivers: [otlp]
      processors: [masking]
      exporters: [otlp_grpc]
`, harness.ExtensionsYAML, grpcIn, sinkEndpoint, harness.TelemetryYAML)
}

// pseudonym is the documented hash format, computed independently of the engine.
func pseudonym(name, v string) string {
	h := hmac.New(sha256.New, []byte(maskingHashKey))
	h.Write([]byte(v))
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h.Sum(nil)[:10])
	return "[HASH:" + name + ":" + strings.ToLower(enc) + "]"
}

func TestMaskingLogsAndTraces(t *testing.T) {
	sink := harness.StartSink(t)
	in := harness.FreeAddr(t)
	c := harness.StartCollector(t, maskingConfig(in, sink.GRPCEndpoint), "MASKING_HASH_KEY="+maskingHashKey)
	client := harness.NewOTLPClient(t, in)

	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "checkout")
	lrs := rl.ScopeLogs().AppendEmpty().LogRecords()
	lr := lrs.AppendEmpty()
	lr.Body().SetStr(`login user=kim@example.com password=Tiger#1 card 4111 1111 1111 1111 rrn 900101-1234567 v1.2.3 oid 1.3.6.1.2.1.1.5.0`)
	lr.Attributes().PutStr("http.request.header.authorization", "Bearer abc.def.ghi")
	lr.Attributes().PutStr("trusted.note", "ops@example.com")
	m := lrs.AppendEmpty().Body().SetEmptyMap()
	m.PutStr("phone", "010-1234-5678")
	m.PutInt("pan", 5500000000000004)
	m.PutEmptySlice("keys").AppendEmpty().SetStr("AKIAIOSFODNN7EXAMPLE")
	lrs.AppendEmpty().Body().SetStr("clean line 2024-01-15T10:30:00Z 123e4567-e89b-12d3-a456-426614174000")

	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	sp := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	sp.SetTraceID(harness.TraceID(1))
	sp.SetSpanID(harness.SpanID(1))
	sp.SetName("GET /users/kim@example.com")
	sp.Status().SetCode(ptrace.StatusCodeError)
	sp.Status().SetMessage("no member 900101-1234567")
	sp.Attributes().PutStr("enduser.id", "EMP-123456")
	sp.Attributes().PutStr("db.statement", "ALTER USER app IDENTIFIED BY 'Tiger#1'")
	sp.Events().AppendEmpty().Attributes().PutStr("exception.message", "call +82-10-1234-5678 failed")
	sp.Links().AppendEmpty().Attributes().PutStr("peer.card", "4111-1111-1111-1111")

	require.NoError(t, client.SendLogs(ld))
	require.NoError(t, client.SendTraces(td))
	require.Eventually(t, func() bool {
		return sink.Logs.LogRecordCount() == 3 && sink.Traces.SpanCount() == 1
	}, 30*time.Second, 50*time.Millisecond)

	email := pseudonym("email", "kim@example.com")
	got := sink.Logs.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	assert.Equal(t, "login user="+email+" password=[REDACTED:secret] card ***************1111 rrn [REDACTED:kr_rrn] v1.2.3 oid 1.3.6.1.2.1.1.5.0",
		got.At(0).Body().Str())
	assert.Equal(t, map[string]any{
		"http.request.header.authorization": "[REDACTED:secret]",
		"trusted.note":                      "ops@example.com",
		"masking.count":                     int64(5),
	}, got.At(0).Attributes().AsRaw())
	assert.Equal(t, map[string]any{
		"phone": "[REDACTED:phone]",
		"pan":   "************0004",
		"keys":  []any{"[REDACTED:access_key]"},
	}, got.At(1).Body().Map().AsRaw())
	assert.Equal(t, "clean line 2024-01-15T10:30:00Z 123e4567-e89b-12d3-a456-426614174000", got.At(2).Body().Str())
	assert.Zero(t, got.At(2).Attributes().Len())

	gs := sink.Traces.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	assert.Equal(t, "GET /users/"+email, gs.Name())
	assert.Equal(t, "no member [REDACTED:kr_rrn]", gs.Status().Message())
	assert.Equal(t, map[string]any{
		"enduser.id":    "[REDACTED:employee_id]",
		"db.statement":  "ALTER USER app IDENTIFIED BY '[REDACTED:secret]'",
		"masking.count": int64(6),
	}, gs.Attributes().AsRaw())
	assert.Equal(t, "call [REDACTED:phone] failed", str(gs.Events().At(0).Attributes(), "exception.message"))
	assert.Equal(t, "***************1111", str(gs.Links().At(0).Attributes(), "peer.card"))

	// Internal metrics: values masked per detector and rule, both pipelines.
	require.Eventually(t, func() bool {
		return c.Metric(t, "otelcol_processor_masking_masked", map[string]string{"detector": "email"}) == 2
	}, 20*time.Second, 200*time.Millisecond, "metrics:\n%s", c.MetricsText(t))
	for det, want := range map[string]float64{"secret": 3, "payment_card": 3, "kr_rrn": 2, "phone": 2, "access_key": 1, "employee_id": 1} {
		assert.Equal(t, want, c.Metric(t, "otelcol_processor_masking_masked", map[string]string{"detector": det}), det)
	}
	assert.NotContains(t, c.Output(), maskingHashKey, "the HMAC key is never logged")
}

func str(m pcommon.Map, k string) string {
	v, _ := m.Get(k)
	return v.AsString()
}

func TestMaskingConfigErrors(t *testing.T) {
	base := maskingConfig("127.0.0.1:4317", "127.0.0.1:4318")
	tests := map[string]struct {
		from, to, want string
		env            []string
	}{
		"bad regex":        {`pattern: 'EMP-\d{6}'`, `pattern: 'EMP-(\d{6}'`, "rules[0]::pattern", []string{"MASKING_HASH_KEY=" + maskingHashKey}},
		"missing hmac key": {"", "", "hash_key: required", nil},
		"unknown detector": {"      email:\n", "      passport:\n        enabled: true\n      email:\n", "passport", []string{"MASKING_HASH_KEY=" + maskingHashKey}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			cfg := strings.Replace(base, tt.from, tt.to, 1)
			code, out := harness.Validate(t, cfg, tt.env...)
			assert.NotEqual(t, 0, code, out)
			assert.Contains(t, out, "masking")
			assert.Contains(t, out, tt.want)
		})
	}
}
