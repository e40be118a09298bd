package was

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Profile is a named set of rules that turn MBean attributes into metrics.
// Built-in profiles (jvm, tomcat, wildfly) are YAML files embedded in the
// binary; users write their own files in the same schema.
type Profile struct {
	Name  string `yaml:"name"`
	Rules []Rule `yaml:"rules"`
}

// Rule maps the attributes of the MBeans that match Bean to metrics.
type Rule struct {
	// Bean is an MBean pattern, e.g. "Catalina:type=Manager,host=*,context=*".
	Bean string `yaml:"bean"`
	// Attributes are data point attributes for every metric of the rule:
	// a constant, param(KEY) (an object name key, unquoted), attr(NAME) (an
	// MBean attribute's value), optionally wrapped in lowercase(...).
	Attributes map[string]string `yaml:"attributes"`
	// Metrics are what the rule emits from each matching MBean.
	Metrics []MetricRule `yaml:"metrics"`

	pattern Pattern
	attrs   []attrExpr
}

// MetricRule turns one MBean attribute into one metric's data point.
type MetricRule struct {
	// Attribute is the MBean attribute, with ".key" for an item of
	// composite data (HeapMemoryUsage.used).
	Attribute string `yaml:"attribute"`
	// Name, Type (gauge, counter, updowncounter), Unit and Description of
	// the metric.
	Name        string `yaml:"name"`
	Type        string `yaml:"type"`
	Unit        string `yaml:"unit"`
	Description string `yaml:"description"`
	// Scale multiplies the value (0.001 turns ms into s); a scaled value
	// is a double.
	Scale float64 `yaml:"scale"`
	// ValueType is int or double (default int, double when scaled).
	ValueType string `yaml:"value_type"`
	// Attributes are added to the rule's attributes for this metric.
	Attributes map[string]string `yaml:"attributes"`
	// SkipNegative drops negative values (JMX reports an undefined memory
	// pool limit as -1).
	SkipNegative bool `yaml:"skip_negative"`

	attrs  []attrExpr
	kind   metricKind
	double bool
	item   string // composite item, "" for a plain attribute
	source string // the MBean attribute
}

type metricKind int

const (
	kindGauge metricKind = iota
	kindCounter
	kindUpDown
)

//go:embed profiles/*.yaml
var builtinFS embed.FS

// BuiltinProfileNames lists the built-in profiles.
func BuiltinProfileNames() []string {
	entries, _ := builtinFS.ReadDir("profiles")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// BuiltinProfile returns a built-in profile by name.
func BuiltinProfile(name string) (*Profile, error) {
	data, err := builtinFS.ReadFile("profiles/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("profile %q: no such built-in profile (have %s)", name, strings.Join(BuiltinProfileNames(), ", "))
	}
	return ParseProfile(data, "built-in "+name)
}

// LoadProfileFile reads a user profile.
func LoadProfileFile(file string) (*Profile, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return ParseProfile(data, file)
}

// ParseProfile decodes and checks a profile; where names the source in
// errors.
func ParseProfile(data []byte, where string) (*Profile, error) {
	var p Profile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if err := p.compile(); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return &p, nil
}

func (p *Profile) compile() error {
	if p.Name == "" {
		return errors.New("name: required")
	}
	var errs []error
	for i := range p.Rules {
		r := &p.Rules[i]
		where := fmt.Sprintf("rules[%d]", i)
		var err error
		if r.pattern, err = ParsePattern(r.Bean); err != nil {
			errs = append(errs, fmt.Errorf("%s: bean: %w", where, err))
		}
		if r.attrs, err = compileAttrs(r.Attributes); err != nil {
			errs = append(errs, fmt.Errorf("%s: attributes: %w", where, err))
		}
		if len(r.Metrics) == 0 {
			errs = append(errs, fmt.Errorf("%s: metrics: at least one is required", where))
		}
		for j := range r.Metrics {
			if err := r.Metrics[j].compile(); err != nil {
				errs = append(errs, fmt.Errorf("%s.metrics[%d]: %w", where, j, err))
			}
		}
	}
	return errors.Join(errs...)
}

func (m *MetricRule) compile() error {
	if m.Attribute == "" || m.Name == "" {
		return errors.New("attribute and name are required")
	}
	m.source, m.item, _ = strings.Cut(m.Attribute, ".")
	switch m.Type {
	case "gauge", "":
		m.kind = kindGauge
	case "counter":
		m.kind = kindCounter
	case "updowncounter":
		m.kind = kindUpDown
	default:
		return fmt.Errorf("type: %q is not one of gauge, counter, updowncounter", m.Type)
	}
	if m.Scale == 0 {
		m.Scale = 1
	}
	switch m.ValueType {
	case "":
		m.double = m.Scale != 1
	case "int":
	case "double":
		m.double = true
	default:
		return fmt.Errorf("value_type: %q is not int or double", m.ValueType)
	}
	var err error
	m.attrs, err = compileAttrs(m.Attributes)
	return err
}

// attrExpr computes one data point attribute from an MBean.
type attrExpr struct {
	key   string
	kind  byte // 'c' const, 'p' param, 'a' attr
	arg   string
	lower bool
}

func compileAttrs(m map[string]string) ([]attrExpr, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]attrExpr, 0, len(m))
	for _, k := range keys {
		e := attrExpr{key: k}
		s := m[k]
		if inner, ok := call(s, "lowercase"); ok {
			e.lower = true
			s = inner
		}
		switch {
		case strings.HasPrefix(s, "param("):
			e.kind, e.arg = 'p', strings.TrimSuffix(strings.TrimPrefix(s, "param("), ")")
		case strings.HasPrefix(s, "attr("):
			e.kind, e.arg = 'a', strings.TrimSuffix(strings.TrimPrefix(s, "attr("), ")")
		default:
			e.kind, e.arg = 'c', s
		}
		if e.kind != 'c' && (e.arg == "" || !strings.HasSuffix(s, ")")) {
			return nil, fmt.Errorf("%s: %q is not param(KEY) or attr(NAME)", k, m[k])
		}
		out = append(out, e)
	}
	return out, nil
}

func call(s, fn string) (string, bool) {
	if strings.HasPrefix(s, fn+"(") && strings.HasSuffix(s, ")") {
		return s[len(fn)+1 : len(s)-1], true
	}
	return "", false
}

func (e *attrExpr) eval(b *Bean) (string, bool) {
	var v string
	switch e.kind {
	case 'c':
		v = e.arg
	case 'p':
		s, ok := b.Name.Keys[e.arg]
		if !ok {
			return "", false
		}
		v = unquote(s)
	case 'a':
		x, ok := b.Attrs[e.arg]
		if !ok {
			return "", false
		}
		v = fmt.Sprint(x)
	}
	if e.lower {
		v = strings.ToLower(v)
	}
	return v, true
}

// unquote strips the literal quotes JMX puts around some values
// ("http-nio-127.0.0.1-8080").
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
	}
	return s
}

// ProfileSet is the compiled union of some profiles.
type ProfileSet struct {
	Rules []*Rule
	attrs map[string]bool // every MBean attribute a rule reads
}

// NewProfileSet joins profiles in order.
func NewProfileSet(ps ...*Profile) *ProfileSet {
	s := &ProfileSet{attrs: map[string]bool{}}
	for _, p := range ps {
		for i := range p.Rules {
			r := &p.Rules[i]
			s.Rules = append(s.Rules, r)
			for _, m := range r.Metrics {
				s.attrs[m.source] = true
			}
			for _, a := range r.attrs {
				if a.kind == 'a' {
					s.attrs[a.arg] = true
				}
			}
		}
	}
	return s
}

// matches reports whether some rule reads the MBean.
func (s *ProfileSet) matches(on ObjectName) bool {
	for _, r := range s.Rules {
		if r.pattern.Match(on) {
			return true
		}
	}
	return false
}

// Patterns lists the distinct MBean patterns of the set, in rule order.
func (s *ProfileSet) Patterns() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.Rules {
		if !seen[r.Bean] {
			seen[r.Bean] = true
			out = append(out, r.Bean)
		}
	}
	return out
}

// Domains lists the distinct MBean domains of the set's patterns; a glob
// domain is listed as its whole pattern.
func (s *ProfileSet) Domains() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.Rules {
		q := r.pattern.Domain() + ":*"
		if strings.ContainsAny(r.pattern.Domain(), "*?[") {
			q = r.Bean
		}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// Apply records the metrics of every rule for every matching bean; skip
// names metrics that another source already provides. It returns how many
// values could not be turned into a data point.
func (s *ProfileSet) Apply(e *Emitter, beans []Bean, skip map[string]bool) (dropped int) {
	for _, r := range s.Rules {
		for bi := range beans {
			b := &beans[bi]
			if !r.pattern.Match(b.Name) {
				continue
			}
			for mi := range r.Metrics {
				m := &r.Metrics[mi]
				if skip[m.Name] {
					continue
				}
				raw, ok := b.Attrs[m.source]
				if !ok || raw == nil {
					continue // not every server version has every attribute
				}
				v, ok := number(raw, m.item)
				if !ok {
					dropped++
					continue
				}
				if m.SkipNegative && v < 0 {
					continue
				}
				dp := e.point(m.Name, m.Description, m.Unit, m.kind)
				if m.double {
					dp.SetDoubleValue(v * m.Scale)
				} else {
					dp.SetIntValue(int64(v * m.Scale))
				}
				attrs := dp.Attributes()
				for i := range r.attrs {
					if val, ok := r.attrs[i].eval(b); ok {
						attrs.PutStr(r.attrs[i].key, val)
					}
				}
				for i := range m.attrs {
					if val, ok := m.attrs[i].eval(b); ok {
						attrs.PutStr(m.attrs[i].key, val)
					}
				}
			}
		}
	}
	return dropped
}

// number reads a numeric value, or an item of composite data.
func number(v any, item string) (float64, bool) {
	if item != "" {
		m, ok := v.(map[string]any)
		if !ok {
			return 0, false
		}
		return number(m[item], "")
	}
	switch x := v.(type) {
	case float64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}
