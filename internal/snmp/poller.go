package snmp

import (
	"context"
	"fmt"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// Device is one agent to poll and what to fetch from it.
type Device struct {
	// Conn says how to reach and authenticate to the agent.
	Conn ConnConfig
	// Profiles say what to fetch and how it becomes metrics.
	Profiles []*Profile
	// Resource holds attributes that identify the device whatever the
	// agent answers (target name, address, port). Values are strings or
	// integers (anything pcommon.Value.FromRaw takes).
	Resource map[string]any
	// ScopeName and ScopeVersion name the instrumentation scope.
	ScopeName, ScopeVersion string
}

// Stats describes one poll.
type Stats struct {
	// PDUs is the number of request PDUs sent, retries included.
	PDUs int64
	// Varbinds is the number of variable bindings received.
	Varbinds int
	// DataPoints is the number of data points produced.
	DataPoints int
	// Dropped is the number of values that could not be converted (not a
	// number, no value mapping, missing scaling column, out of range).
	Dropped int
	// Rejected is the number of responses that did not answer the request
	// (wrong PDU type, request id, community or USM user/engine).
	Rejected int64
}

// Poller polls one device. It keeps the state that cumulative counters
// need, and v3 and TCP sessions, between polls (see keepSession). Poll must
// not run concurrently with itself.
type Poller struct {
	dev  Device
	plan *plan
	eval *evaluator
	sess *Session
}

// NewPoller compiles the device's profiles and checks its settings.
func NewPoller(dev Device) (*Poller, error) {
	if err := dev.Conn.Validate(); err != nil {
		return nil, err
	}
	p, err := compile(dev.Profiles)
	if err != nil {
		return nil, err
	}
	return &Poller{dev: dev, plan: p, eval: newEvaluator(p)}, nil
}

// Poll fetches everything the profiles ask for and returns it as metrics.
// On a transport or security failure it returns a classified *Error and no
// metrics; when the agent answered but lacks some of the requested objects
// it returns the metrics it has and an *Error of kind no such object.
func (p *Poller) Poll(ctx context.Context, now time.Time) (pmetric.Metrics, Stats, error) {
	var st Stats
	if p.sess == nil {
		s, err := Dial(ctx, p.dev.Conn)
		if err != nil {
			return pmetric.Metrics{}, st, err
		}
		p.sess = s
	}
	sess := p.sess
	sess.SetContext(ctx)
	// gosnmp only reads the context's deadline; make cancellation (for
	// example at shutdown) end a pending read too.
	stop := context.AfterFunc(ctx, sess.interrupt)
	defer stop()
	before, rejected := sess.PDUs(), sess.Rejected()
	md, missing, err := p.collect(now, &st)
	st.PDUs = sess.PDUs() - before
	st.Rejected = sess.Rejected() - rejected
	if err != nil || !p.keepSession() {
		// On errors start afresh next time: v3 rediscovers the engine,
		// TCP reconnects.
		_ = p.sess.Close()
		p.sess = nil
	}
	if err != nil {
		return pmetric.Metrics{}, st, err
	}
	if len(missing) > 0 {
		return md, st, &Error{Kind: KindNoSuchObject, Hint: "the agent has none of: " + strings.Join(missing, ", ")}
	}
	return md, st, nil
}

func (p *Poller) collect(now time.Time, st *Stats) (pmetric.Metrics, []string, error) {
	ts := pcommon.NewTimestampFromTime(now)
	vars, err := p.sess.Get(p.plan.scalarOIDs)
	if err != nil {
		return pmetric.Metrics{}, nil, err
	}
	st.Varbinds += len(vars)
	uptime, haveUptime := uint32(0), false
	for i := range vars {
		if vars[i].Name == sysUpTimeOID {
			if n, ok := toNumber(&vars[i]); ok && !n.isFloat && n.i >= 0 {
				uptime, haveUptime = uint32(n.i), true
			}
		}
	}
	md := pmetric.NewMetrics()
	rm := md.ResourceMetrics().AppendEmpty()
	res := rm.Resource().Attributes()
	PutAttributes(res, p.dev.Resource)
	sm := rm.ScopeMetrics().AppendEmpty()
	sm.Scope().SetName(p.dev.ScopeName)
	sm.Scope().SetVersion(p.dev.ScopeVersion)
	p.eval.begin(sm.Metrics(), ts, uptime, haveUptime)
	p.eval.scalars(res, vars, ts)

	var missing []string
	if len(p.plan.scalarOIDs) > 1 && len(vars) <= boolInt(haveUptime) {
		missing = append(missing, "the profiles' scalar objects")
	}
	for ti := range p.plan.tables {
		cols, err := p.sess.WalkColumns(p.plan.tables[ti].columns)
		if err != nil {
			return pmetric.Metrics{}, nil, fmt.Errorf("walking %s: %w", p.plan.tables[ti].name, err)
		}
		for _, c := range cols {
			st.Varbinds += len(c)
		}
		if p.eval.table(ti, cols, ts) == 0 {
			missing = append(missing, p.plan.tables[ti].name)
		}
	}
	p.eval.end(ts)
	st.DataPoints = md.DataPointCount()
	st.Dropped = p.eval.takeDropped()
	return md, missing, nil
}

// keepSession tells whether the session stays open between polls. A v1 or
// v2c session over UDP costs nothing to open again, while an open one holds
// gosnmp's 64 KiB receive buffer: with thousands of targets, closing it saves
// more memory than reopening costs. v3 keeps its session to skip engine
// discovery; TCP keeps its connection.
func (p *Poller) keepSession() bool {
	transport, _, _, _ := ParseEndpoint(p.dev.Conn.Endpoint)
	return p.dev.Conn.Version == "v3" || transport == "tcp"
}

// Close closes the session, if any.
func (p *Poller) Close() error {
	if p.sess == nil {
		return nil
	}
	err := p.sess.Close()
	p.sess = nil
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PutAttributes puts attrs into m, keeping each value's type (string, int,
// ...); a value FromRaw cannot take becomes its string form.
func PutAttributes(m pcommon.Map, attrs map[string]any) {
	for k, v := range attrs {
		if err := m.PutEmpty(k).FromRaw(v); err != nil {
			m.PutStr(k, fmt.Sprint(v))
		}
	}
}
