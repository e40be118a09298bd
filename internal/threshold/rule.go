package threshold

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Aggregates a rule may apply over its window.
const (
	AggLast        = "last"
	AggAvg         = "avg"
	AggMin         = "min"
	AggMax         = "max"
	AggSum         = "sum"
	AggRate        = "rate"
	AggDelta       = "delta"
	AggQuantile    = "quantile"
	AggBucketShare = "bucket_share"
)

// Severities of a firing alert.
const (
	SeverityWarning  = "warning"
	SeverityCritical = "critical"
)

// DefaultWindow is the window of a rule that sets none.
const DefaultWindow = 5 * time.Minute

// Condition compares the aggregated value with a threshold.
type Condition struct {
	Op    string  `mapstructure:"op"`
	Value float64 `mapstructure:"value"`
}

// NoData makes a series that stopped reporting fire.
type NoData struct {
	// After is how long a tracked series may go without a point.
	After time.Duration `mapstructure:"after"`
	// Severity of the no-data alert: warning or critical.
	Severity string `mapstructure:"severity"`
}

// Flapping holds an alert firing while its condition keeps changing.
type Flapping struct {
	// Window over which condition changes are counted.
	Window time.Duration `mapstructure:"window"`
	// MaxChanges in Window make the series flapping.
	MaxChanges int `mapstructure:"max_changes"`
}

// Rule is one alerting rule as users write it.
type Rule struct {
	Name            string            `mapstructure:"name"`
	Metric          string            `mapstructure:"metric"`
	Match           map[string]string `mapstructure:"match"`
	MatchRE         map[string]string `mapstructure:"match_re"`
	ResourceMatch   map[string]string `mapstructure:"resource_match"`
	ResourceMatchRE map[string]string `mapstructure:"resource_match_re"`
	Aggregate       string            `mapstructure:"aggregate"`
	// Quantile is the quantile (0..1) of the quantile aggregate.
	Quantile float64 `mapstructure:"quantile"`
	// Above is the bound of the bucket_share aggregate: the share of
	// observations greater than Above.
	Above         float64           `mapstructure:"above"`
	Window        time.Duration     `mapstructure:"window"`
	GroupBy       []string          `mapstructure:"group_by"`
	Warning       *Condition        `mapstructure:"warning"`
	Critical      *Condition        `mapstructure:"critical"`
	Recover       *Condition        `mapstructure:"recover"`
	For           time.Duration     `mapstructure:"for"`
	KeepFiringFor time.Duration     `mapstructure:"keep_firing_for"`
	MinHold       time.Duration     `mapstructure:"min_hold"`
	Flapping      *Flapping         `mapstructure:"flapping"`
	NoData        *NoData           `mapstructure:"no_data"`
	Labels        map[string]string `mapstructure:"labels"`
	Annotations   map[string]string `mapstructure:"annotations"`
}

var labelNameRE = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

// Validate checks the rule; errors name the rule and the field.
func (r *Rule) Validate() error {
	_, err := compileRule(r)
	return err
}

// ValidateRules checks every rule and that names are unique.
func ValidateRules(rules []Rule) error {
	seen := map[string]bool{}
	var errs []error
	for i := range rules {
		if err := rules[i].Validate(); err != nil {
			errs = append(errs, err)
		}
		if rules[i].Name != "" && seen[rules[i].Name] {
			errs = append(errs, fmt.Errorf("rules[%d] %q: name: used by another rule", i, rules[i].Name))
		}
		seen[rules[i].Name] = true
	}
	return errors.Join(errs...)
}

type compiled struct {
	*Rule
	agg       aggregator
	window    int64
	match     []matcher
	resMatch  []matcher
	groupBy   []string // sorted
	warning   *cond
	critical  *cond
	recover   *cond
	noDataSev string
	tmpl      *templates
	idx       int
}

func compileRule(r *Rule) (*compiled, error) {
	fail := func(field, format string, args ...any) error {
		return fmt.Errorf("rule %q: %s: %s", r.Name, field, fmt.Sprintf(format, args...))
	}
	if r.Name == "" {
		return nil, fmt.Errorf("rule for metric %q: name: required", r.Metric)
	}
	if !labelNameRE.MatchString(r.Name) {
		return nil, fail("name", "must match %s", labelNameRE)
	}
	if r.Metric == "" {
		return nil, fail("metric", "required")
	}
	c := &compiled{Rule: r}
	agg := r.Aggregate
	if agg == "" {
		agg = AggLast
	}
	var err error
	if c.agg, err = newAggregator(agg, r.Quantile, r.Above); err != nil {
		return nil, fail("aggregate", "%v", err)
	}
	w := r.Window
	if w < 0 {
		return nil, fail("window", "must not be negative")
	}
	if w == 0 {
		w = DefaultWindow
	}
	c.window = int64(w)
	if c.match, err = compileMatchers(r.Match, r.MatchRE); err != nil {
		return nil, fail("match", "%v", err)
	}
	if c.resMatch, err = compileMatchers(r.ResourceMatch, r.ResourceMatchRE); err != nil {
		return nil, fail("resource_match", "%v", err)
	}
	c.groupBy = slices.Clone(r.GroupBy)
	slices.Sort(c.groupBy)
	if len(slices.Compact(slices.Clone(c.groupBy))) != len(c.groupBy) {
		return nil, fail("group_by", "duplicate attribute")
	}
	for name, p := range map[string]struct {
		in  *Condition
		out **cond
	}{"warning": {r.Warning, &c.warning}, "critical": {r.Critical, &c.critical}, "recover": {r.Recover, &c.recover}} {
		if p.in == nil {
			continue
		}
		cc, err := compileCond(*p.in)
		if err != nil {
			return nil, fail(name, "%v", err)
		}
		*p.out = cc
	}
	if c.warning == nil && c.critical == nil {
		return nil, fail("warning", "a rule needs warning, critical or both")
	}
	for name, d := range map[string]time.Duration{"for": r.For, "keep_firing_for": r.KeepFiringFor, "min_hold": r.MinHold} {
		if d < 0 {
			return nil, fail(name, "must not be negative")
		}
	}
	if f := r.Flapping; f != nil {
		if f.Window <= 0 {
			return nil, fail("flapping.window", "must be positive")
		}
		if f.MaxChanges < 2 {
			return nil, fail("flapping.max_changes", "must be at least 2")
		}
	}
	if n := r.NoData; n != nil {
		if n.After <= 0 {
			return nil, fail("no_data.after", "must be positive")
		}
		switch n.Severity {
		case "":
			c.noDataSev = SeverityWarning
		case SeverityWarning, SeverityCritical:
			c.noDataSev = n.Severity
		default:
			return nil, fail("no_data.severity", "%q is not warning or critical", n.Severity)
		}
	}
	for k := range r.Labels {
		if !labelNameRE.MatchString(k) {
			return nil, fail("labels", "%q is not a label name (%s)", k, labelNameRE)
		}
		if k == "alertname" || k == "severity" {
			return nil, fail("labels", "%q is set by the engine", k)
		}
	}
	if c.tmpl, err = compileTemplates(r.Annotations); err != nil {
		return nil, fail("annotations", "%v", err)
	}
	return c, nil
}

type cond struct {
	op    byte // one of > G(>=) < L(<=) = !
	value float64
}

func compileCond(c Condition) (*cond, error) {
	ops := map[string]byte{">": '>', ">=": 'G', "<": '<', "<=": 'L', "==": '=', "!=": '!'}
	op, ok := ops[c.Op]
	if !ok {
		return nil, fmt.Errorf("op %q is not one of > >= < <= == !=", c.Op)
	}
	if math.IsNaN(c.Value) {
		return nil, errors.New("value is NaN")
	}
	return &cond{op: op, value: c.Value}, nil
}

// holds compares with a switch, not a function value: it runs for every
// alert series at every evaluation.
func (c *cond) holds(v float64) bool {
	if c == nil || v != v {
		return false
	}
	switch c.op {
	case '>':
		return v > c.value
	case 'G':
		return v >= c.value
	case '<':
		return v < c.value
	case 'L':
		return v <= c.value
	case '=':
		return v == c.value
	}
	return v != c.value
}

// sanitizeLabel turns an attribute key into a Prometheus label name.
func sanitizeLabel(k string) string {
	if labelNameRE.MatchString(k) {
		return k
	}
	var b strings.Builder
	for i, r := range k {
		switch {
		case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || (i > 0 && r >= '0' && r <= '9'):
			b.WriteRune(r)
		case i == 0 && r >= '0' && r <= '9':
			b.WriteByte('_')
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}
