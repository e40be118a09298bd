package maskingprocessor

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor/internal/metadatatest"
)

func TestLogsEverywhere(t *testing.T) {
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	cfg := createDefaultConfig()
	cfg.ExcludeKeys = []string{"trusted.*"}
	cfg.Audit = true
	sink := new(consumertest.LogsSink)
	p, err := NewFactory().CreateLogs(context.Background(), metadatatest.NewSettings(tel), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))

	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("owner", "ops@example.com")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().Attributes().PutStr("contact", "010-1234-5678")
	lr := sl.LogRecords().AppendEmpty()
	body := lr.Body().SetEmptyMap()
	user := body.PutEmptyMap("user")
	user.PutStr("email", "kim@example.co.kr")
	user.PutStr("password", "hunter2")
	items := body.PutEmptySlice("items")
	items.AppendEmpty().SetStr("card 4111 1111 1111 1111")
	items.AppendEmpty().SetStr("version 1.2.3")
	body.PutInt("pan", 4111111111111111)
	body.PutInt("count", 4111111111111112)
	body.PutStr("msg", "clean text")
	creds := body.PutEmptyMap("credentials")
	creds.PutStr("user", "bob")
	creds.PutEmptySlice("pins").AppendEmpty().SetInt(4321)
	lr.Attributes().PutStr("http.request.header.authorization", "Basic dXNlcjpwYXNz")
	lr.Attributes().PutStr("trusted.email", "keep@example.com")
	lr.Attributes().PutInt("pin_secret", 1234)
	lr2 := sl.LogRecords().AppendEmpty()
	lr2.Body().SetStr("login password=hunter2 from 10.0.0.1 rrn 900101-1234567")
	lr3 := sl.LogRecords().AppendEmpty()
	lr3.Body().SetStr("nothing to see 1.3.6.1.2.1.1.5.0")

	require.NoError(t, p.ConsumeLogs(context.Background(), ld))
	require.NoError(t, p.Shutdown(context.Background()))
	require.Len(t, sink.AllLogs(), 1)
	got := sink.AllLogs()[0].ResourceLogs().At(0)

	assert.Equal(t, "[REDACTED:email]", attr(t, got.Resource().Attributes(), "owner"))
	gsl := got.ScopeLogs().At(0)
	assert.Equal(t, "[REDACTED:phone]", attr(t, gsl.Scope().Attributes(), "contact"))
	g1 := gsl.LogRecords().At(0)
	assert.Equal(t, map[string]any{
		"user":  map[string]any{"email": "[REDACTED:email]", "password": "[REDACTED:secret]"},
		"items": []any{"card [REDACTED:payment_card]", "version 1.2.3"},
		"pan":   "[REDACTED:payment_card]",
		"count": int64(4111111111111112),
		"msg":   "clean text",
		"credentials": map[string]any{
			"user": "[REDACTED:secret]",
			"pins": []any{"[REDACTED:secret]"},
		},
	}, g1.Body().Map().AsRaw())
	assert.Equal(t, map[string]any{
		"http.request.header.authorization": "[REDACTED:secret]",
		"trusted.email":                     "keep@example.com",
		"pin_secret":                        "[REDACTED:secret]",
		auditAttribute:                      int64(8),
	}, g1.Attributes().AsRaw())
	g2 := gsl.LogRecords().At(1)
	assert.Equal(t, "login password=[REDACTED:secret] from 10.0.0.1 rrn [REDACTED:kr_rrn]", g2.Body().Str())
	assert.Equal(t, int64(2), attrAny(t, g2.Attributes(), auditAttribute).Int())
	g3 := gsl.LogRecords().At(2)
	assert.Equal(t, "nothing to see 1.3.6.1.2.1.1.5.0", g3.Body().Str())
	assert.Zero(t, g3.Attributes().Len(), "no audit attribute on clean records")

	metadatatest.AssertEqualProcessorMaskingMasked(t, tel, []metricdata.DataPoint[int64]{
		{Value: 2, Attributes: attribute.NewSet(attribute.String("detector", "email"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("detector", "phone"))},
		{Value: 2, Attributes: attribute.NewSet(attribute.String("detector", "payment_card"))},
		{Value: 1, Attributes: attribute.NewSet(attribute.String("detector", "kr_rrn"))},
		{Value: 6, Attributes: attribute.NewSet(attribute.String("detector", "secret"))},
	}, metricdatatest.IgnoreTimestamp())
}

func attrAny(t *testing.T, m pcommon.Map, k string) pcommon.Value {
	t.Helper()
	v, ok := m.Get(k)
	require.True(t, ok, "attribute %q missing", k)
	return v
}

func attr(t *testing.T, m pcommon.Map, k string) string { return attrAny(t, m, k).AsString() }

func TestTracesEverywhere(t *testing.T) {
	cfg := createDefaultConfig()
	cfg.HashKey = "0123456789abcdef0123456789abcdef"
	cfg.Detectors.Email.Action.Action = "hash"
	cfg.Rules = []RuleConfig{{Name: "employee_id", Pattern: `EMP-\d{6}`, Keys: []string{"enduser.id"}, Action: ActionConfig{Action: "partial", KeepLast: 2}}}
	sink := new(consumertest.TracesSink)
	p, err := NewFactory().CreateTraces(context.Background(), metadatatest.NewSettings(componenttest.NewTelemetry()), cfg, sink)
	require.NoError(t, err)

	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().Attributes().PutStr("k", "AKIAIOSFODNN7EXAMPLE")
	sp := ss.Spans().AppendEmpty()
	sp.SetName("GET /users/kim@example.com")
	sp.Status().SetMessage("lookup failed for 900101-1234567")
	sp.Attributes().PutStr("enduser.id", "EMP-123456")
	sp.Attributes().PutStr("other.id", "EMP-123456")
	sp.Attributes().PutStr("db.statement", "ALTER USER app IDENTIFIED BY 'Tiger#1'")
	ev := sp.Events().AppendEmpty()
	ev.Attributes().PutStr("exception.message", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U rejected")
	ln := sp.Links().AppendEmpty()
	ln.Attributes().PutStr("peer", "+82 10 1234 5678")

	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	gs := sink.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0)
	assert.Equal(t, "[REDACTED:access_key]", attr(t, gs.Scope().Attributes(), "k"))
	g := gs.Spans().At(0)
	assert.Regexp(t, `^GET /users/\[HASH:email:[a-z2-7]{16}\]$`, g.Name())
	assert.Equal(t, "lookup failed for [REDACTED:kr_rrn]", g.Status().Message())
	assert.Equal(t, "********56", attr(t, g.Attributes(), "enduser.id"))
	assert.Equal(t, "EMP-123456", attr(t, g.Attributes(), "other.id"))
	assert.Equal(t, "ALTER USER app IDENTIFIED BY '[REDACTED:secret]'", attr(t, g.Attributes(), "db.statement"))
	assert.Equal(t, "token [REDACTED:jwt] rejected", attr(t, g.Events().At(0).Attributes(), "exception.message"))
	assert.Equal(t, "[REDACTED:phone]", attr(t, g.Links().At(0).Attributes(), "peer"))
}

func TestMetricsEverywhere(t *testing.T) {
	cfg := createDefaultConfig()
	cfg.IncludeKeys = []string{"user.*"}
	sink := new(consumertest.MetricsSink)
	p, err := NewFactory().CreateMetrics(context.Background(), metadatatest.NewSettings(componenttest.NewTelemetry()), cfg, sink)
	require.NoError(t, err)

	md := pmetric.NewMetrics()
	sm := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty()
	g := sm.Metrics().AppendEmpty().SetEmptyGauge().DataPoints().AppendEmpty()
	g.Attributes().PutStr("user.email", "a@example.com")
	g.Attributes().PutStr("host.email", "b@example.com") // not in include_keys
	g.Exemplars().AppendEmpty().FilteredAttributes().PutStr("user.phone", "010-9876-5432")
	h := sm.Metrics().AppendEmpty().SetEmptyHistogram().DataPoints().AppendEmpty()
	h.Attributes().PutStr("user.card", "5500-0000-0000-0004")
	s := sm.Metrics().AppendEmpty().SetEmptySum().DataPoints().AppendEmpty()
	s.Attributes().PutStr("user.ip", "10.1.2.3")
	su := sm.Metrics().AppendEmpty().SetEmptySummary().DataPoints().AppendEmpty()
	su.Attributes().PutStr("user.key", "AKIAIOSFODNN7EXAMPLE")
	eh := sm.Metrics().AppendEmpty().SetEmptyExponentialHistogram().DataPoints().AppendEmpty()
	eh.Exemplars().AppendEmpty().FilteredAttributes().PutStr("user.mail", "c@example.com")

	require.NoError(t, p.ConsumeMetrics(context.Background(), md))
	gm := sink.AllMetrics()[0].ResourceMetrics().At(0).ScopeMetrics().At(0).Metrics()
	gdp := gm.At(0).Gauge().DataPoints().At(0)
	assert.Equal(t, "[REDACTED:email]", attr(t, gdp.Attributes(), "user.email"))
	assert.Equal(t, "b@example.com", attr(t, gdp.Attributes(), "host.email"))
	assert.Equal(t, "[REDACTED:phone]", attr(t, gdp.Exemplars().At(0).FilteredAttributes(), "user.phone"))
	assert.Equal(t, "[REDACTED:payment_card]", attr(t, gm.At(1).Histogram().DataPoints().At(0).Attributes(), "user.card"))
	assert.Equal(t, "10.1.2.3", attr(t, gm.At(2).Sum().DataPoints().At(0).Attributes(), "user.ip"), "ipv4 is opt-in")
	assert.Equal(t, "[REDACTED:access_key]", attr(t, gm.At(3).Summary().DataPoints().At(0).Attributes(), "user.key"))
	assert.Equal(t, "[REDACTED:email]", attr(t, gm.At(4).ExponentialHistogram().DataPoints().At(0).Exemplars().At(0).FilteredAttributes(), "user.mail"))
}

// TestCleanRecordAllocations checks the requirement of at most one
// allocation per clean record (the aim is zero).
func TestCleanRecordAllocations(t *testing.T) {
	cfg := createDefaultConfig()
	p, err := newProcessor(metadatatest.NewSettings(componenttest.NewTelemetry()), cfg)
	require.NoError(t, err)
	ld := plog.NewLogs()
	sl := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	const records = 200
	for i := range records {
		lr := sl.LogRecords().AppendEmpty()
		lr.Body().SetStr(`127.0.0.1 - - [15/Jan/2024:10:30:00 +0900] "GET /api/v1/items/` + strings.Repeat("7", i%7+1) + ` HTTP/1.1" 200 5123`)
		lr.Attributes().PutStr("http.route", "/api/v1/items/{id}")
		lr.Attributes().PutInt("http.status_code", 200)
		lr.Attributes().PutStr("trace.note", "version 1.2.3 oid 1.3.6.1.2.1.1.5.0")
	}
	allocs := testing.AllocsPerRun(20, func() {
		_, _ = p.processLogs(context.Background(), ld)
	})
	t.Logf("%.1f allocations per batch of %d clean records", allocs, records)
	assert.LessOrEqual(t, allocs/records, 1.0)
	assert.LessOrEqual(t, allocs, 5.0, "the aim: nothing per clean record")
}

// maskOne runs one log record, filled by fill, through a processor with
// cfg and returns the record that came out.
func maskOne(t *testing.T, cfg *Config, fill func(lr plog.LogRecord)) plog.LogRecord {
	t.Helper()
	sink := new(consumertest.LogsSink)
	p, err := NewFactory().CreateLogs(context.Background(), metadatatest.NewSettings(componenttest.NewTelemetry()), cfg, sink)
	require.NoError(t, err)
	ld := plog.NewLogs()
	fill(ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty())
	require.NoError(t, p.ConsumeLogs(context.Background(), ld))
	return sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
}

func TestStrictPresetAndContext(t *testing.T) {
	t.Parallel()
	cfg := createDefaultConfig()
	cfg.Preset = "strict"
	got := maskOne(t, cfg, func(lr plog.LogRecord) {
		body := lr.Body().SetEmptyMap()
		ref := body.PutEmptyMap("refund_account")
		ref.PutStr("bank", "카카오뱅크")
		ref.PutStr("number", "3333-12-3456789")
		ref.PutStr("memo", "ORD-20240304-603457")
		ref.PutInt("old_number", 1002123456789)
		ref.PutInt("amount", 15000)
		body.PutStr("order", "20240304-6713747")
		body.PutStr("sql", "INSERT INTO m (name, account_no) VALUES ('김', '110-123-456789')")
		body.PutStr("ua", "Mozilla/5.0 Chrome/124.0.0.0 Whale/3.25.182.22")
		lr.Attributes().PutStr("client.address", "203.0.113.7")
		lr.Attributes().PutStr("session", "d5a9aa8fccdb492d817048978f5682dd")
		lr.Attributes().PutInt("account_no", 1002123456789)
	})
	assert.Equal(t, map[string]any{
		"refund_account": map[string]any{"bank": "카카오뱅크", "number": "[REDACTED:bank_account]", "memo": "ORD-20240304-603457",
			"old_number": "[REDACTED:bank_account]", "amount": int64(15000)},
		"order": "20240304-6713747",
		"sql":   "INSERT INTO m (name, account_no) VALUES ('김', '[REDACTED:bank_account]')",
		"ua":    "Mozilla/5.0 Chrome/124.0.0.0 Whale/3.25.182.22",
	}, got.Body().Map().AsRaw())
	assert.Equal(t, map[string]any{
		"client.address": "[REDACTED:ipv4]",
		"session":        "[REDACTED:secret]",
		"account_no":     "[REDACTED:bank_account]",
	}, got.Attributes().AsRaw())
}

// Code keys (masked unless plain), compound and glued secret keys and
// command lines in attributes and map bodies.
func TestCodeKeysAndLabels(t *testing.T) {
	t.Parallel()
	got := maskOne(t, createDefaultConfig(), func(lr plog.LogRecord) {
		body := lr.Body().SetEmptyMap()
		body.PutStr("db-pass", "Xk9mz2Qw")
		body.PutStr("auth", "ok")
		body.PutStr("auth_method", "SCRAM-SHA-256")
		body.PutInt("pin", 4821)
		body.PutInt("pass_count", 12)
		body.PutStr("cmd", "mysql -uroot -pS3cr3tPass! -h db1 shop")
		body.PutStr("msg", "password was reset to Tr0ub4dor&3 for bob")
		lr.Attributes().PutStr("DBPASSWORD", "hunter2")
		lr.Attributes().PutStr("X-Private-Key", "abc")
		lr.Attributes().PutStr("otp", "disabled")
	})
	assert.Equal(t, map[string]any{
		"db-pass":     "[REDACTED:secret]",
		"auth":        "ok",
		"auth_method": "SCRAM-SHA-256",
		"pin":         "[REDACTED:secret]",
		"pass_count":  int64(12),
		"cmd":         "mysql -uroot -p[REDACTED:secret] -h db1 shop",
		"msg":         "password was reset to [REDACTED:secret] for bob",
	}, got.Body().Map().AsRaw())
	assert.Equal(t, map[string]any{
		"DBPASSWORD":    "[REDACTED:secret]",
		"X-Private-Key": "[REDACTED:secret]",
		"otp":           "disabled",
	}, got.Attributes().AsRaw())
}
