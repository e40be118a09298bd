package maskingprocessor

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-ems/otelcol-ems/internal/masking"
)

// maxDepth bounds recursion into nested maps and slices.
const maxDepth = 64

// depthMask replaces a map or slice at the depth limit, and
// depthLimitCounter counts those replacements in the masked metric.
const (
	depthMask         = "[REDACTED:depth_limit]"
	depthLimitCounter = "depth_limit"
)

// pass walks one batch and counts what it masks.
type pass struct {
	// memo answers for the masker, remembering keys and short clean
	// values across the batches this pass is reused for.
	memo   *masking.Memo
	counts []int64
	// deep counts maps and slices replaced whole at the depth limit.
	deep int64
}

// masked is the number of values masked so far in this pass.
func (ps *pass) masked() int64 {
	n := ps.deep
	for _, c := range ps.counts {
		n += c
	}
	return n
}

// attrs masks the values of an attribute map (or a body map) in place.
func (ps *pass) attrs(m pcommon.Map, depth int) { ps.attrsIn("", m, depth) }

// attrsIn masks the entries of a map below parent, the nearest key that
// gives its values context (a bank or token key), or "".
func (ps *pass) attrsIn(parent string, m pcommon.Map, depth int) {
	if m.Len() == 0 {
		return
	}
	m.Range(func(k string, v pcommon.Value) bool {
		if ps.memo.Inspect(k) {
			ps.valueIn(parent, k, v, depth)
		}
		return true
	})
}

// secretTree masks every string and integer under a secret key, e.g. all of
// {"credentials": {"user": "bob", "pass": "x"}}, by masking each leaf as if
// it stood directly under that key.
func (ps *pass) secretTree(key string, m pcommon.Map, depth int) {
	m.Range(func(_ string, v pcommon.Value) bool {
		ps.value(key, v, depth)
		return true
	})
}

// value masks v found under key (key "" for bodies and slice elements of bodies).
func (ps *pass) value(key string, v pcommon.Value, depth int) { ps.valueIn("", key, v, depth) }

func (ps *pass) valueIn(parent, key string, v pcommon.Value, depth int) {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		if out, ok := ps.memo.MaskStringIn(parent, key, v.Str(), ps.counts); ok {
			v.SetStr(out)
		}
	case pcommon.ValueTypeInt:
		if out, ok := ps.memo.MaskIntIn(parent, key, v.Int(), ps.counts); ok {
			v.SetStr(out)
		}
	case pcommon.ValueTypeMap:
		if depth >= maxDepth {
			ps.tooDeep(v)
			return
		}
		switch {
		case key != "" && ps.memo.SecretKey(key):
			ps.secretTree(key, v.Map(), depth+1)
		case key != "" && ps.memo.ContextKey(key):
			ps.attrsIn(key, v.Map(), depth+1)
		default:
			ps.attrsIn(parent, v.Map(), depth+1)
		}
	case pcommon.ValueTypeSlice:
		if depth >= maxDepth {
			ps.tooDeep(v)
			return
		}
		s := v.Slice()
		for i := 0; i < s.Len(); i++ {
			ps.valueIn(parent, key, s.At(i), depth+1)
		}
	}
}

// tooDeep fails closed at the depth limit: the map or slice is replaced by
// one mask, since what it holds was not inspected.
func (ps *pass) tooDeep(v pcommon.Value) {
	if v.Type() == pcommon.ValueTypeMap && v.Map().Len() == 0 || v.Type() == pcommon.ValueTypeSlice && v.Slice().Len() == 0 {
		return // nothing below
	}
	v.SetStr(depthMask)
	ps.deep++
}

// auditMark adds the audit attribute when values were masked since before.
func (ps *pass) auditMark(attrs pcommon.Map, before int64) {
	if n := ps.masked() - before; n > 0 {
		attrs.PutInt(auditAttribute, n)
	}
}

func (ps *pass) logs(ld plog.Logs, audit bool) {
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		ps.attrs(rl.Resource().Attributes(), 0)
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			sl := sls.At(j)
			ps.attrs(sl.Scope().Attributes(), 0)
			lrs := sl.LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				lr := lrs.At(k)
				before := ps.masked()
				ps.value("", lr.Body(), 0)
				ps.attrs(lr.Attributes(), 0)
				if audit {
					ps.auditMark(lr.Attributes(), before)
				}
			}
		}
	}
}

func (ps *pass) traces(td ptrace.Traces, audit bool) {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		ps.attrs(rs.Resource().Attributes(), 0)
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j)
			ps.attrs(ss.Scope().Attributes(), 0)
			spans := ss.Spans()
			for k := 0; k < spans.Len(); k++ {
				ps.span(spans.At(k), audit)
			}
		}
	}
}

func (ps *pass) span(sp ptrace.Span, audit bool) {
	before := ps.masked()
	if out, ok := ps.memo.MaskStringIn("", "", sp.Name(), ps.counts); ok {
		sp.SetName(out)
	}
	st := sp.Status()
	if msg := st.Message(); msg != "" {
		if out, ok := ps.memo.MaskStringIn("", "", msg, ps.counts); ok {
			st.SetMessage(out)
		}
	}
	ps.attrs(sp.Attributes(), 0)
	evs := sp.Events()
	for e := 0; e < evs.Len(); e++ {
		ps.attrs(evs.At(e).Attributes(), 0)
	}
	links := sp.Links()
	for l := 0; l < links.Len(); l++ {
		ps.attrs(links.At(l).Attributes(), 0)
	}
	if audit {
		ps.auditMark(sp.Attributes(), before)
	}
}

func (ps *pass) metrics(md pmetric.Metrics) {
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		rm := rms.At(i)
		ps.attrs(rm.Resource().Attributes(), 0)
		sms := rm.ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			sm := sms.At(j)
			ps.attrs(sm.Scope().Attributes(), 0)
			ms := sm.Metrics()
			for k := 0; k < ms.Len(); k++ {
				ps.metric(ms.At(k))
			}
		}
	}
}

func (ps *pass) exemplars(ex pmetric.ExemplarSlice) {
	for i := 0; i < ex.Len(); i++ {
		ps.attrs(ex.At(i).FilteredAttributes(), 0)
	}
}

func (ps *pass) metric(m pmetric.Metric) {
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		ps.numberPoints(m.Gauge().DataPoints())
	case pmetric.MetricTypeSum:
		ps.numberPoints(m.Sum().DataPoints())
	case pmetric.MetricTypeHistogram:
		dps := m.Histogram().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			ps.attrs(dps.At(i).Attributes(), 0)
			ps.exemplars(dps.At(i).Exemplars())
		}
	case pmetric.MetricTypeExponentialHistogram:
		dps := m.ExponentialHistogram().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			ps.attrs(dps.At(i).Attributes(), 0)
			ps.exemplars(dps.At(i).Exemplars())
		}
	case pmetric.MetricTypeSummary:
		dps := m.Summary().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			ps.attrs(dps.At(i).Attributes(), 0)
		}
	}
}

func (ps *pass) numberPoints(dps pmetric.NumberDataPointSlice) {
	for i := 0; i < dps.Len(); i++ {
		ps.attrs(dps.At(i).Attributes(), 0)
		ps.exemplars(dps.At(i).Exemplars())
	}
}
