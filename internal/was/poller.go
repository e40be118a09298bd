package was

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/targetpoll"
)

// Kinds of target.
const (
	KindTomcat  = "tomcat"
	KindJolokia = "jolokia"
	KindApache  = "apache"
	KindNginx   = "nginx"
)

// Kinds lists the kinds of target, for config errors.
var Kinds = []string{KindTomcat, KindJolokia, KindApache, KindNginx}

// maxBody bounds what one answer may hold.
const maxBody = 32 << 20

// Target is one server to read.
type Target struct {
	// Name identifies the target in logs, errors and the was.target
	// resource attribute.
	Name string
	// Kind is tomcat, jolokia, apache or nginx.
	Kind string
	// Endpoint is the server's base URL (tomcat), the agent's URL
	// (jolokia) or the status page's URL (apache, nginx; the default path
	// is /server-status and /status).
	Endpoint string
	// Username and Password are sent with HTTP basic authentication when
	// Username is set.
	Username, Password string
	// Profiles map MBeans to metrics (tomcat's JMX proxy, jolokia).
	Profiles *ProfileSet
	// JMXProxy makes a tomcat target also read the JMX proxy servlet.
	JMXProxy bool
	// Resource holds extra resource attributes (service.name, ...); they
	// win over the ones the poller sets.
	Resource map[string]string
	// ScopeName and ScopeVersion name the instrumentation scope.
	ScopeName, ScopeVersion string
}

// Stats count what one poll did.
type Stats struct {
	Requests int64
	Bytes    int64
	Dropped  int64
}

// Poller polls one target. It is not safe for concurrent polls (the
// scheduler runs one poll per target at a time).
type Poller struct {
	t        Target
	client   *http.Client
	base     *url.URL
	start    pcommon.Timestamp
	urls     []string // the requests, redacted for errors
	reqURLs  []string
	jolokia  []byte
	jreqs    []JolokiaRequest
	buf      bytes.Buffer
	resource [][2]string
	port     int64 // server.port, an int as the semantic conventions say
}

// NewPoller checks the target and prepares its requests.
func NewPoller(t Target, client *http.Client) (*Poller, error) {
	if client == nil {
		client = http.DefaultClient
	}
	u, err := url.Parse(t.Endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("endpoint: %q is not an http:// or https:// URL", t.Endpoint)
	}
	p := &Poller{t: t, client: client, base: u, start: pcommon.NewTimestampFromTime(time.Now())}
	add := func(ref string) {
		full := u.ResolveReference(&url.URL{Path: ref})
		if i := strings.IndexByte(ref, '?'); i >= 0 {
			full = u.ResolveReference(&url.URL{Path: ref[:i], RawQuery: ref[i+1:]})
		}
		p.reqURLs = append(p.reqURLs, full.String())
		p.urls = append(p.urls, full.Redacted())
	}
	switch t.Kind {
	case KindTomcat:
		root := strings.TrimSuffix(u.Path, "/")
		add(root + "/manager/status?XML=true")
		if t.JMXProxy && t.Profiles != nil {
			for _, q := range t.Profiles.Domains() {
				add(root + "/manager/jmxproxy?qry=" + url.QueryEscape(q))
			}
		}
	case KindJolokia:
		if t.Profiles == nil || len(t.Profiles.Rules) == 0 {
			return nil, errors.New("profiles: a jolokia target needs at least one profile")
		}
		p.jreqs = JolokiaRequests(t.Profiles)
		if p.jolokia, err = json.Marshal(p.jreqs); err != nil {
			return nil, err
		}
		p.reqURLs = append(p.reqURLs, u.String())
		p.urls = append(p.urls, u.Redacted())
	case KindApache, KindNginx:
		s := *u
		if s.Path == "" || s.Path == "/" {
			s.Path = map[string]string{KindApache: "/server-status", KindNginx: "/status"}[t.Kind]
		}
		if t.Kind == KindApache && !strings.Contains(s.RawQuery, "auto") {
			if s.RawQuery != "" {
				s.RawQuery += "&"
			}
			s.RawQuery += "auto"
		}
		p.reqURLs = append(p.reqURLs, s.String())
		p.urls = append(p.urls, s.Redacted())
	default:
		return nil, fmt.Errorf("kind: %q is not one of %s", t.Kind, strings.Join(Kinds, ", "))
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	if p.port, err = strconv.ParseInt(port, 10, 64); err != nil {
		return nil, fmt.Errorf("endpoint: port %q is not a number", port)
	}
	p.resource = [][2]string{{"server.address", host}, {"was.target", t.Name}, {"was.kind", t.Kind}}
	keys := make([]string, 0, len(t.Resource))
	for k := range t.Resource {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p.resource = append(p.resource, [2]string{k, t.Resource[k]})
	}
	return p, nil
}

// URLs are the requests one poll makes, with passwords redacted.
func (p *Poller) URLs() []string { return p.urls }

// NewEmitter starts the metrics of one poll at now, on the target's
// resource (server.address, server.port, was.target, was.kind).
func (p *Poller) NewEmitter(now time.Time) *Emitter {
	e := NewEmitter(p.t.ScopeName, p.t.ScopeVersion, p.start, pcommon.NewTimestampFromTime(now))
	e.Resource.PutInt("server.port", p.port)
	for _, kv := range p.resource {
		e.Resource.PutStr(kv[0], kv[1])
	}
	return e
}

// Poll reads the target once. A target that answered but left some data
// out (a JMX query refused, a Jolokia element failed) returns its metrics
// and an error marked partial by targetpoll.IsPartial.
func (p *Poller) Poll(ctx context.Context, now time.Time) (pmetric.Metrics, Stats, error) {
	var st Stats
	e := p.NewEmitter(now)
	var err error
	switch p.t.Kind {
	case KindTomcat:
		err = p.pollTomcat(ctx, e, &st)
	case KindJolokia:
		err = p.pollJolokia(ctx, e, &st)
	case KindApache:
		var body []byte
		if body, err = p.get(ctx, 0, srcApache, &st); err == nil {
			var as ApacheStatus
			if as, err = ParseApacheStatus(body); err != nil {
				err = badResponse(p.t.Name, p.urls[0], err)
			} else {
				st.Dropped += int64(as.Emit(e))
			}
		}
	case KindNginx:
		var body []byte
		if body, err = p.get(ctx, 0, srcNginx, &st); err == nil {
			var ns *NginxStatus
			if ns, err = ParseNginxStatus(body); err != nil {
				err = badResponse(p.t.Name, p.urls[0], err)
			} else {
				ns.Emit(e)
			}
		}
	}
	if err != nil && !targetpoll.IsPartial(err) {
		return pmetric.NewMetrics(), st, err
	}
	return e.Metrics, st, err
}

func (p *Poller) pollTomcat(ctx context.Context, e *Emitter, st *Stats) error {
	body, err := p.get(ctx, 0, srcTomcatStatus, st)
	if err != nil {
		return err
	}
	ts, err := ParseTomcatStatus(body)
	if err != nil {
		return badResponse(p.t.Name, p.urls[0], err)
	}
	ts.Emit(e)
	var partial []error
	var beans []Bean
	for i := 1; i < len(p.reqURLs); i++ {
		body, err := p.get(ctx, i, srcTomcatJMX, st)
		if err != nil {
			partial = append(partial, err)
			if ClassOf(err) != ClassTimeout {
				continue
			}
			break // the deadline is gone for the rest too
		}
		bs, err := ParseJMXProxyFor(body, p.t.Profiles)
		if err != nil {
			partial = append(partial, badResponse(p.t.Name, p.urls[i], err))
			continue
		}
		beans = append(beans, bs...)
	}
	if p.t.Profiles != nil {
		st.Dropped += int64(p.t.Profiles.Apply(e, beans, statusMetrics))
	}
	if len(partial) > 0 {
		return targetpoll.Partial(errors.Join(partial...))
	}
	return nil
}

func (p *Poller) pollJolokia(ctx context.Context, e *Emitter, st *Stats) error {
	body, err := p.do(ctx, 0, http.MethodPost, p.jolokia, srcJolokia, st)
	if err != nil {
		return err
	}
	beans, failed, err := ParseJolokia(body, p.jreqs)
	if err != nil {
		return badResponse(p.t.Name, p.urls[0], err)
	}
	sort.Slice(beans, func(i, j int) bool { return beanKey(&beans[i]) < beanKey(&beans[j]) })
	st.Dropped += int64(p.t.Profiles.Apply(e, beans, nil))
	var errs []string
	for _, f := range failed {
		if f.Status == 404 && isPattern(f.MBean) {
			continue // a pattern that matches nothing on this server
		}
		errs = append(errs, fmt.Sprintf("%s: status %d: %s", f.MBean, f.Status, f.Error))
	}
	if len(errs) > 0 {
		return targetpoll.Partial(&Error{Target: p.t.Name, URL: p.urls[0], class: "jolokia element failed",
			Detail: fmt.Sprintf("%d of %d reads failed: %s", len(errs), len(p.jreqs), strings.Join(errs, "; ")),
			Fix:    "check the MBean names of the profiles against this server"})
	}
	return nil
}

func beanKey(b *Bean) string {
	keys := make([]string, 0, len(b.Name.Keys))
	for k, v := range b.Name.Keys {
		keys = append(keys, k+"="+v)
	}
	sort.Strings(keys)
	return b.Name.Domain + ":" + strings.Join(keys, ",")
}

func (p *Poller) get(ctx context.Context, i int, s source, st *Stats) ([]byte, error) {
	return p.do(ctx, i, http.MethodGet, nil, s, st)
}

// do makes request i and returns its body, valid until the next request.
func (p *Poller) do(ctx context.Context, i int, method string, body []byte, s source, st *Stats) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, p.reqURLs[i], rd)
	if err != nil {
		return nil, &Error{Target: p.t.Name, URL: p.urls[i], class: ClassNetwork, Detail: err.Error()}
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if p.t.Username != "" {
		req.SetBasicAuth(p.t.Username, p.t.Password)
	}
	st.Requests++
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, transportError(p.t.Name, p.urls[i], err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, statusError(p.t.Name, p.urls[i], resp.StatusCode, s)
	}
	p.buf.Reset()
	n, err := p.buf.ReadFrom(io.LimitReader(resp.Body, maxBody+1))
	st.Bytes += n
	if err != nil {
		return nil, transportError(p.t.Name, p.urls[i], err)
	}
	if n > maxBody {
		return nil, badResponse(p.t.Name, p.urls[i], fmt.Errorf("answer is larger than %d MiB", maxBody>>20))
	}
	return p.buf.Bytes(), nil
}
