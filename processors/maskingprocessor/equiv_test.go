package maskingprocessor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor/internal/metadatatest"
)

// equivAttrKeys are the attribute keys the corpus's fields are put under.
var equivAttrKeys = []string{"attr0", "password", "user.email", "session", "refund_account.number", "http.url", "db.statement", "jumin_no", "otp_code", "k8s.pod.name"}

// TestProcessorEquivalence writes a hash of the processor's output (logs
// with string and map bodies and attributes, spans, metric data points;
// default and strict presets, audit on) to the file
// MASKING_PROCESSOR_EQUIV names; run it on two versions and compare.
func TestProcessorEquivalence(t *testing.T) {
	out := os.Getenv("MASKING_PROCESSOR_EQUIV")
	if out == "" {
		t.Skip("set MASKING_PROCESSOR_EQUIV=FILE to write the hashes")
	}
	var res strings.Builder
	for _, preset := range []string{"default", "strict"} {
		cfg := createDefaultConfig()
		cfg.Preset = preset
		cfg.Audit = true
		cfg.ExcludeKeys = []string{"k8s.*"}
		p, err := newProcessor(metadatatest.NewSettings(componenttest.NewTelemetry()), cfg)
		require.NoError(t, err)
		for _, c := range []struct {
			name  string
			lines []corpus.Line
		}{
			{"mixed", corpus.Generate(42, 2000, 0.4)},
			{"clean", corpus.Generate(43, 2000, 0)},
			{"context", corpus.GenerateContext(44, 2000, 0.4)},
		} {
			lh, th, mh := sha256.New(), sha256.New(), sha256.New()
			// Two passes over the same lines, in batches: the second meets
			// what the first remembered.
			for round := range 2 {
				for b := 0; b < len(c.lines); b += 250 {
					batch := c.lines[b:min(b+250, len(c.lines))]
					ld, td, md := equivLogs(t, batch, round), equivTraces(batch, round), equivMetrics(batch, round)
					_, errL := p.processLogs(context.Background(), ld)
					_, errT := p.processTraces(context.Background(), td)
					_, errM := p.processMetrics(context.Background(), md)
					require.NoError(t, errors.Join(errL, errT, errM))
					equivWrite(t, lh, func() ([]byte, error) { return (&plog.ProtoMarshaler{}).MarshalLogs(ld) })
					equivWrite(t, th, func() ([]byte, error) { return (&ptrace.ProtoMarshaler{}).MarshalTraces(td) })
					equivWrite(t, mh, func() ([]byte, error) { return (&pmetric.ProtoMarshaler{}).MarshalMetrics(md) })
				}
			}
			fmt.Fprintf(&res, "%-8s %-8s logs %s traces %s metrics %s\n", preset, c.name,
				hex.EncodeToString(lh.Sum(nil))[:24], hex.EncodeToString(th.Sum(nil))[:24], hex.EncodeToString(mh.Sum(nil))[:24])
		}
		require.NoError(t, p.shutdown(context.Background()))
	}
	require.NoError(t, os.WriteFile(out, []byte(res.String()), 0o644))
}

// equivWrite adds a marshalled batch to its hash.
func equivWrite(t *testing.T, h hash.Hash, marshal func() ([]byte, error)) {
	raw, err := marshal()
	require.NoError(t, err)
	h.Write(raw)
}

// equivFields splits a line into short attribute-like values.
func equivFields(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '&' })
	if len(f) > 8 {
		f = f[:8]
	}
	return f
}

func equivPutAttrs(m pcommon.Map, l corpus.Line, shift int) {
	for i, v := range equivFields(l.Text) {
		m.PutStr(equivAttrKeys[(i+shift)%len(equivAttrKeys)], v)
	}
	m.PutInt("card_no", 4111111111111111)
	m.PutInt("count", 1234)
}

func equivLogs(t *testing.T, lines []corpus.Line, shift int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "equiv")
	rl.Resource().Attributes().PutStr("owner", "ops@example.com")
	sl := rl.ScopeLogs().AppendEmpty()
	for _, l := range lines {
		lr := sl.LogRecords().AppendEmpty()
		var raw map[string]any
		if l.Format == "json" && json.Unmarshal([]byte(l.Text), &raw) == nil {
			equivSorted(lr.Body(), raw)
		} else {
			lr.Body().SetStr(l.Text)
		}
		equivPutAttrs(lr.Attributes(), l, shift)
	}
	return ld
}

// equivSorted sets v from a decoded JSON value with map keys in order
// (FromRaw follows Go's random map order, so the output would differ by run).
func equivSorted(v pcommon.Value, x any) {
	switch x := x.(type) {
	case map[string]any:
		m := v.SetEmptyMap()
		for _, k := range slices.Sorted(maps.Keys(x)) {
			equivSorted(m.PutEmpty(k), x[k])
		}
	case []any:
		s := v.SetEmptySlice()
		for _, e := range x {
			equivSorted(s.AppendEmpty(), e)
		}
	default:
		_ = v.FromRaw(x)
	}
}

func equivTraces(lines []corpus.Line, shift int) ptrace.Traces {
	td := ptrace.NewTraces()
	ss := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty()
	for _, l := range lines {
		sp := ss.Spans().AppendEmpty()
		f := equivFields(l.Text)
		if len(f) > 0 {
			sp.SetName(f[len(f)-1])
		}
		sp.Status().SetMessage(l.Text)
		equivPutAttrs(sp.Attributes(), l, shift)
		equivPutAttrs(sp.Events().AppendEmpty().Attributes(), l, shift+1)
	}
	return td
}

func equivMetrics(lines []corpus.Line, shift int) pmetric.Metrics {
	md := pmetric.NewMetrics()
	g := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
	g.SetName("equiv.gauge")
	dps := g.SetEmptyGauge().DataPoints()
	for _, l := range lines {
		dp := dps.AppendEmpty()
		dp.SetIntValue(1)
		equivPutAttrs(dp.Attributes(), l, shift)
	}
	return md
}
