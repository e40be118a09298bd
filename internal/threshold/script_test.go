package threshold

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"
	"gopkg.in/yaml.v3"
)

// The engine's golden tests are scripts in testdata/*.test, in the manner of
// Prometheus's promqltest:
//
//	rules                       YAML list of rules, up to a blank line
//	max_series N
//	load STEP [KIND] [from T] [bounds=B1,B2]
//	  metric{@res.key="v",key="v"} VALUES...   (until a blank line)
//	eval T                      ingests loaded points up to T, evaluates at T
//	  event RULE{labels} PREV->STATE [SEVERITY] [value=V] [threshold=V] [flapping] [nodata]
//	  alert RULE{labels} STATE SEVERITY
//	  annotation RULE{labels} KEY "TEXT"
//	  stats series=N groups=N refused=N out_of_order=N mismatch=N
//	restart                     snapshot, new engine with the current rules, restore
//
// VALUES are numbers, `_` (no point), `AxN` (A repeated N+1 times),
// `A+BxN` / `A-BxN` (N+1 values from A by B), `h[C1,C2,...]` (histogram
// bucket counts), each optionally with `^T` (start time T from then on).
// Every eval checks the exact set of events and of active alerts.

type loaded struct {
	t      int64
	metric string
	kind   Kind
	res    []KV
	attrs  []KV
	p      Point
}

type script struct {
	t       *testing.T
	name    string
	rules   []Rule
	max     int
	eng     *Engine
	pool    []loaded
	lastNow int64
	fps     map[string]uint64
}

func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.test")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".test"), func(t *testing.T) {
			t.Parallel()
			runScript(t, f)
		})
	}
}

func runScript(t *testing.T, path string) {
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	var lines []string
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	s := &script{t: t, name: path}
	for i := 0; i < len(lines); {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			j++
		}
		block := lines[i+1 : j]
		where := fmt.Sprintf("%s:%d", path, i+1)
		f := strings.Fields(line)
		switch f[0] {
		case "rules":
			s.loadRules(where, block)
		case "max_series":
			s.max, err = strconv.Atoi(f[1])
			require.NoError(t, err, where)
		case "load":
			s.load(where, f[1:], block)
		case "eval":
			s.eval(where, f[1], block)
		case "restart":
			s.restart(where, block)
		default:
			t.Fatalf("%s: unknown command %q", where, f[0])
		}
		i = j
	}
}

func (s *script) loadRules(where string, block []string) {
	var raw []map[string]any
	require.NoError(s.t, yaml.Unmarshal([]byte(strings.Join(block, "\n")), &raw), where)
	var rules []Rule
	require.NoError(s.t, confmap.NewFromStringMap(map[string]any{"rules": raw}).Unmarshal(&struct {
		Rules *[]Rule `mapstructure:"rules"`
	}{&rules}), where)
	s.rules = rules
	if s.eng == nil {
		s.newEngine(where)
	}
}

func (s *script) newEngine(where string) {
	eng, err := New(Config{Rules: s.rules, MaxSeries: s.max})
	require.NoError(s.t, err, where)
	s.eng = eng
}

func (s *script) restart(where string, block []string) {
	snap, err := s.eng.Snapshot()
	require.NoError(s.t, err, where)
	s.newEngine(where)
	evs, err := s.eng.Restore(snap, s.lastNow)
	require.NoError(s.t, err, where)
	s.check(where, "restart", Result{Events: evs}, block, false)
}

// epoch offsets script times: a zero timestamp means "unknown" to the engine.
const epoch = int64(1000 * time.Hour)

// at parses a script time.
func at(t *testing.T, where, v string) int64 {
	return epoch + dur(t, where, v)
}

func dur(t *testing.T, where, v string) int64 {
	d, err := time.ParseDuration(v)
	require.NoError(t, err, where)
	return int64(d)
}

func (s *script) load(where string, args, block []string) {
	step := dur(s.t, where, args[0])
	kind, from := Gauge, int64(0)
	var bounds []float64
	for i := 1; i < len(args); i++ {
		switch a := args[i]; {
		case a == "gauge":
			kind = Gauge
		case a == "counter":
			kind = CumulativeSum
		case a == "delta":
			kind = DeltaSum
		case a == "histogram":
			kind = CumulativeHistogram
		case a == "delta_histogram":
			kind = DeltaHistogram
		case a == "from":
			i++
			from = dur(s.t, where, args[i])
		case strings.HasPrefix(a, "bounds="):
			for _, b := range strings.Split(strings.TrimPrefix(a, "bounds="), ",") {
				f, err := strconv.ParseFloat(b, 64)
				require.NoError(s.t, err, where)
				bounds = append(bounds, f)
			}
		default:
			s.t.Fatalf("%s: unknown load argument %q", where, a)
		}
	}
	for _, line := range block {
		f := strings.Fields(strings.TrimSpace(line))
		metric, res, attrs := parseSeries(s.t, where, f[0])
		var start int64
		n := 0
		for _, tok := range f[1:] {
			if i := strings.IndexByte(tok, '^'); i >= 0 {
				start = at(s.t, where, tok[i+1:])
				tok = tok[:i]
			}
			for _, v := range expand(s.t, where, tok) {
				t := epoch + from + int64(n)*step
				n++
				if v == "_" {
					continue
				}
				p := Point{Attrs: attrs, Time: t, Start: start}
				if strings.HasPrefix(v, "h[") {
					h := &Histogram{Bounds: bounds}
					for _, c := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(v, "h["), "]"), ",") {
						u, err := strconv.ParseUint(c, 10, 64)
						require.NoError(s.t, err, where)
						h.Counts = append(h.Counts, u)
						h.Count += u
					}
					require.Len(s.t, h.Counts, len(bounds)+1, where)
					p.Hist = h
				} else {
					fv, err := strconv.ParseFloat(v, 64)
					require.NoError(s.t, err, where)
					p.Value = fv
				}
				s.pool = append(s.pool, loaded{t: t, metric: metric, kind: kind, res: res, attrs: attrs, p: p})
			}
		}
	}
	slices.SortStableFunc(s.pool, func(a, b loaded) int { return cmpU64(uint64(a.t), uint64(b.t)) })
}

func expand(t *testing.T, where, tok string) []string {
	base, count, ok := strings.Cut(tok, "x")
	if !ok || strings.HasPrefix(tok, "h[") {
		return []string{tok}
	}
	n, err := strconv.Atoi(count)
	require.NoError(t, err, where)
	if base == "_" {
		return slices.Repeat([]string{"_"}, n+1)
	}
	var a, b float64
	if i := strings.LastIndexAny(base, "+-"); i > 0 {
		a, err = strconv.ParseFloat(base[:i], 64)
		require.NoError(t, err, where)
		b, err = strconv.ParseFloat(base[i:], 64)
		require.NoError(t, err, where)
	} else {
		a, err = strconv.ParseFloat(base, 64)
		require.NoError(t, err, where)
	}
	out := make([]string, 0, n+1)
	for i := 0; i <= n; i++ {
		out = append(out, strconv.FormatFloat(a+float64(i)*b, 'g', -1, 64))
	}
	return out
}

// parseSeries reads metric{@res="v",key="v"}.
func parseSeries(t *testing.T, where, s string) (string, []KV, []KV) {
	name, rest, ok := strings.Cut(s, "{")
	if !ok {
		return s, nil, nil
	}
	var res, attrs []KV
	rest = strings.TrimSuffix(rest, "}")
	if rest == "" {
		return name, nil, nil
	}
	for _, kv := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(kv, "=")
		require.True(t, ok, "%s: bad label %q", where, kv)
		v = strings.Trim(v, `"`)
		if strings.HasPrefix(k, "@") {
			res = append(res, KV{Key: k[1:], Value: v})
		} else {
			attrs = append(attrs, KV{Key: k, Value: v})
		}
	}
	return name, res, attrs
}

func labelString(rule string, ls []Label) string {
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		parts = append(parts, fmt.Sprintf("%s=%q", l.Name, l.Value))
	}
	return rule + "{" + strings.Join(parts, ",") + "}"
}

func num(v float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

func (s *script) eval(where, when string, block []string) {
	now := at(s.t, where, when)
	var i int
	for i < len(s.pool) && s.pool[i].t <= now {
		i++
	}
	due := s.pool[:i]
	s.pool = s.pool[i:]
	b := s.eng.Begin(now)
	for _, l := range due {
		b.Resource(l.res)
		if b.Metric(l.metric, l.kind) {
			p := l.p
			b.Add(&p)
		}
	}
	b.End()
	res := s.eng.Evaluate(now)
	if os.Getenv("SCRIPT_DEBUG") != "" {
		for _, ev := range res.Events {
			s.t.Logf("%s at %s: %s %s->%s %s value=%s threshold=%s", where, when, labelString(ev.Rule, ev.Labels), ev.PreviousState, ev.State, ev.Severity, num(ev.Value), num(ev.Threshold))
		}
	}
	s.lastNow = now
	s.check(where, when, res, block, true)
}

// check compares the events (and, with alerts, the active alerts) with the
// expectations of a block, and that fingerprints never change.
func (s *script) check(where, when string, res Result, block []string, alerts bool) {
	if s.fps == nil {
		s.fps = map[string]uint64{}
	}
	for _, ev := range res.Events {
		s.sameFP(where, labelString(ev.Rule, ev.Labels), ev.Fingerprint)
	}
	for _, a := range res.Active {
		s.sameFP(where, labelString(a.Rule, a.Labels), a.Fingerprint)
	}
	var wantEvents, wantAlerts, gotEvents, gotAlerts []string
	for _, ev := range res.Events {
		gotEvents = append(gotEvents, fmt.Sprintf("%s %s->%s %s", labelString(ev.Rule, ev.Labels), ev.PreviousState, ev.State, ev.Severity))
	}
	for _, a := range res.Active {
		gotAlerts = append(gotAlerts, fmt.Sprintf("%s %s %s", labelString(a.Rule, a.Labels), a.State, a.Severity))
	}
	for _, line := range block {
		f := strings.Fields(strings.TrimSpace(line))
		switch f[0] {
		case "event":
			want := strings.Join(f[1:min(len(f), 4)], " ")
			if len(f) < 4 {
				want += " "
			}
			wantEvents = append(wantEvents, want)
			ev := findEvent(res.Events, f[1])
			require.NotNil(s.t, ev, "%s: no event for %s", where, f[1])
			for _, opt := range f[4:] {
				switch k, v, _ := strings.Cut(opt, "="); k {
				case "value":
					require.Equal(s.t, v, num(ev.Value), "%s: value of %s", where, f[1])
				case "threshold":
					require.Equal(s.t, v, num(ev.Threshold), "%s: threshold of %s", where, f[1])
				case "flapping":
					require.True(s.t, ev.Flapping, "%s: %s not flapping", where, f[1])
				case "nodata":
					require.True(s.t, ev.NoData, "%s: %s not no-data", where, f[1])
				default:
					s.t.Fatalf("%s: unknown event option %q", where, opt)
				}
			}
		case "alert":
			wantAlerts = append(wantAlerts, strings.Join(f[1:], " "))
		case "annotation":
			ev := findEvent(res.Events, f[1])
			require.NotNil(s.t, ev, "%s: no event for %s", where, f[1])
			_, text, _ := strings.Cut(line, " "+f[2]+` "`)
			require.Equal(s.t, strings.TrimSuffix(strings.TrimSpace(text), `"`), ev.Annotations[f[2]], where)
		case "stats":
			st := s.eng.Stats()
			got := map[string]string{"series": strconv.Itoa(st.Series), "groups": strconv.Itoa(st.Groups),
				"refused": strconv.FormatUint(st.RefusedSeries, 10), "out_of_order": strconv.FormatUint(st.OutOfOrder, 10),
				"mismatch": strconv.FormatUint(st.KindMismatch, 10)}
			for _, kv := range f[1:] {
				k, v, _ := strings.Cut(kv, "=")
				require.Equal(s.t, v, got[k], "%s: stats %s", where, k)
			}
		default:
			s.t.Fatalf("%s: unknown expectation %q", where, f[0])
		}
	}
	slices.Sort(wantEvents)
	slices.Sort(gotEvents)
	slices.Sort(wantAlerts)
	slices.Sort(gotAlerts)
	require.Equal(s.t, strings.Join(wantEvents, "\n"), strings.Join(gotEvents, "\n"), "%s: events at %s", where, when)
	if alerts {
		require.Equal(s.t, strings.Join(wantAlerts, "\n"), strings.Join(gotAlerts, "\n"), "%s: alerts at %s", where, when)
	}
}

func (s *script) sameFP(where, sel string, fp uint64) {
	if old, ok := s.fps[sel]; ok {
		require.Equal(s.t, old, fp, "%s: fingerprint of %s changed", where, sel)
	}
	s.fps[sel] = fp
}

func findEvent(evs []Event, sel string) *Event {
	for i := range evs {
		if labelString(evs[i].Rule, evs[i].Labels) == sel {
			return &evs[i]
		}
	}
	return nil
}
