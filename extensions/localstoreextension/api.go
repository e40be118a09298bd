package localstoreextension

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// Page sizes of the query API.
const (
	defaultLogLimit    = 100
	maxLogLimit        = 1000
	defaultMetricLimit = 1000
	maxMetricLimit     = 10000
	defaultTraceLimit  = 1000
	maxTraceLimit      = 10000
)

// api serves the query API of the extension's stores.
type api struct {
	ext   *localStore
	token string
	now   func() time.Time
}

func newAPI(ext *localStore, token string) *api {
	return &api{ext: ext, token: token, now: time.Now}
}

func (a *api) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/traces/{trace_id}", a.wrap(a.trace))
	mux.HandleFunc("GET /api/v1/logs", a.wrap(a.logs))
	mux.HandleFunc("GET /api/v1/metrics", a.wrap(a.metrics))
	mux.HandleFunc("GET /api/v1/metrics/names", a.wrap(a.metricNames))
	mux.HandleFunc("GET /api/v1/resources", a.wrap(a.resources))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/v1/") {
			w.Header().Set("Allow", http.MethodGet)
			writeError(w, http.StatusMethodNotAllowed, "the query API is read-only: use GET")
			return
		}
		writeError(w, http.StatusNotFound, "no such endpoint "+r.Method+" "+r.URL.Path+
			"; see /api/v1/traces/{trace_id}, /api/v1/logs, /api/v1/metrics, /api/v1/metrics/names, /api/v1/resources")
	})
	return a.authenticate(mux)
}

// authenticate requires the bearer token when one is configured. The
// scheme name is case-insensitive (RFC 7235 section 2.1); the token is not.
func (a *api) authenticate(next http.Handler) http.Handler {
	if a.token == "" {
		return next
	}
	want := []byte(a.token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare([]byte(strings.TrimLeft(token, " ")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="local_store"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// handlerFunc answers a request with a JSON body or an error.
type handlerFunc func(r *http.Request, s *store.Store, name string) (any, error)

// errNotFound is answered with 404.
type errNotFound struct{ msg string }

func (e errNotFound) Error() string { return e.msg }

func (a *api) wrap(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name, s, err := a.store(r)
		if err == nil {
			var body any
			if body, err = h(r, s, name); err == nil {
				writeJSON(w, http.StatusOK, body)
				return
			}
		}
		var bad badRequest
		var nf errNotFound
		switch {
		case errors.As(err, &bad):
			writeError(w, http.StatusBadRequest, bad.msg)
		case errors.As(err, &nf):
			writeError(w, http.StatusNotFound, nf.msg)
		case errors.Is(err, store.ErrClosed):
			writeError(w, http.StatusServiceUnavailable, "store is shutting down")
		case errors.Is(err, ErrStoreNotReady):
			w.Header().Set("Retry-After", "10")
			writeError(w, http.StatusServiceUnavailable, err.Error())
		default:
			a.ext.logger.Warn("local store query failed", zap.String("path", r.URL.Path), zap.Error(err))
			writeError(w, http.StatusInternalServerError, "query failed: "+err.Error())
		}
	}
}

// store picks the store of a request: ?store=NAME, else the only store or
// the one called "default".
func (a *api) store(r *http.Request) (string, *store.Store, error) {
	name := r.URL.Query().Get("store")
	if name == "" {
		names := a.ext.storeNames()
		switch {
		case len(names) == 1:
			name = names[0]
		case contains(names, "default"):
			name = "default"
		default:
			return "", nil, badf("several stores are configured (%s): choose one with store=NAME", strings.Join(names, ", "))
		}
	}
	s, err := a.ext.Store(name)
	if err != nil {
		if errors.Is(err, ErrStoreNotReady) {
			return "", nil, err
		}
		return "", nil, badRequest{err.Error()}
	}
	return name, s, nil
}

// traceResponse is the answer of /api/v1/traces/{trace_id}.
type traceResponse struct {
	Store     string          `json:"store"`
	TraceID   string          `json:"trace_id"`
	SpanCount int             `json:"span_count"`
	LogCount  int             `json:"log_count"`
	Truncated bool            `json:"truncated"`
	Traces    json.RawMessage `json:"traces"`
	Logs      json.RawMessage `json:"logs"`
}

func (a *api) trace(r *http.Request, s *store.Store, name string) (any, error) {
	p, err := newParams(r.URL, a.now(), "store", "limit")
	if err != nil {
		return nil, err
	}
	id, err := parseTraceID("trace_id", r.PathValue("trace_id"))
	if err != nil {
		return nil, err
	}
	limit, err := p.limit(defaultTraceLimit, maxTraceLimit)
	if err != nil {
		return nil, err
	}
	res, err := s.Trace(id, limit)
	if err != nil {
		return nil, err
	}
	if res.Spans == 0 && res.LogRecords == 0 {
		return nil, errNotFound{"no spans or log records with trace id " + id.String() + " in store " + name}
	}
	traces, err := (&ptrace.JSONMarshaler{}).MarshalTraces(res.Traces)
	if err != nil {
		return nil, err
	}
	logs, err := (&plog.JSONMarshaler{}).MarshalLogs(res.Logs)
	if err != nil {
		return nil, err
	}
	return traceResponse{Store: name, TraceID: id.String(), SpanCount: res.Spans, LogCount: res.LogRecords,
		Truncated: res.Truncated, Traces: traces, Logs: logs}, nil
}

// pageResponse is the answer of the paged queries.
type pageResponse struct {
	Store         string          `json:"store"`
	Count         int             `json:"count"`
	Series        *int            `json:"series,omitempty"`
	NextPageToken string          `json:"next_page_token,omitempty"`
	Data          json.RawMessage `json:"data"`
}

func nextToken(c *store.Cursor) string {
	if c == nil {
		return ""
	}
	return c.String()
}

func (a *api) logs(r *http.Request, s *store.Store, name string) (any, error) {
	p, err := newParams(r.URL, a.now(), "store", "start", "end", "service", "severity_min", "trace_id", "q", "limit", "page_token")
	if err != nil {
		return nil, err
	}
	q := store.LogQuery{Service: p.v.Get("service"), Contains: p.v.Get("q")}
	if q.Start, q.End, err = p.timeRange(); err != nil {
		return nil, err
	}
	if q.SeverityMin, err = p.severity("severity_min"); err != nil {
		return nil, err
	}
	if t := p.v.Get("trace_id"); t != "" {
		if q.TraceID, err = parseTraceID("trace_id", t); err != nil {
			return nil, err
		}
	}
	if q.Limit, err = p.limit(defaultLogLimit, maxLogLimit); err != nil {
		return nil, err
	}
	if q.After, err = p.cursor(); err != nil {
		return nil, err
	}
	res, err := s.QueryLogs(q)
	if err != nil {
		return nil, err
	}
	data, err := (&plog.JSONMarshaler{}).MarshalLogs(res.Logs)
	if err != nil {
		return nil, err
	}
	return pageResponse{Store: name, Count: res.Count, NextPageToken: nextToken(res.Next), Data: data}, nil
}

func (a *api) metrics(r *http.Request, s *store.Store, name string) (any, error) {
	p, err := newParams(r.URL, a.now(), "store", "name", "start", "end", "limit", "page_token", "attr.*")
	if err != nil {
		return nil, err
	}
	q := store.MetricQuery{Name: p.v.Get("name")}
	if q.Name == "" {
		return nil, badf("name is required: the metric name (see /api/v1/metrics/names)")
	}
	if q.Start, q.End, err = p.timeRange(); err != nil {
		return nil, err
	}
	if q.Attrs, err = p.attrs(); err != nil {
		return nil, err
	}
	if q.Limit, err = p.limit(defaultMetricLimit, maxMetricLimit); err != nil {
		return nil, err
	}
	if q.After, err = p.cursor(); err != nil {
		return nil, err
	}
	res, err := s.QueryMetrics(q)
	if err != nil {
		return nil, err
	}
	data, err := (&pmetric.JSONMarshaler{}).MarshalMetrics(res.Metrics)
	if err != nil {
		return nil, err
	}
	series := res.Series
	return pageResponse{Store: name, Count: res.Points, Series: &series, NextPageToken: nextToken(res.Next), Data: data}, nil
}

// metricNameJSON is one entry of /api/v1/metrics/names.
type metricNameJSON struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

func (a *api) metricNames(r *http.Request, s *store.Store, name string) (any, error) {
	if _, err := newParams(r.URL, a.now(), "store"); err != nil {
		return nil, err
	}
	names, err := s.MetricNames()
	if err != nil {
		return nil, err
	}
	out := make([]metricNameJSON, len(names))
	for i, n := range names {
		out[i] = metricNameJSON{Name: n.Name, Type: n.Type.String()}
	}
	return map[string]any{"store": name, "count": len(out), "data": out}, nil
}

// resourceJSON is one entry of /api/v1/resources.
type resourceJSON struct {
	Service    string           `json:"service,omitempty"`
	Host       string           `json:"host,omitempty"`
	Device     string           `json:"device,omitempty"`
	LastSeen   time.Time        `json:"last_seen"`
	Counts     map[string]int64 `json:"counts"`
	Attributes map[string]any   `json:"attributes"`
}

func (a *api) resources(r *http.Request, s *store.Store, name string) (any, error) {
	if _, err := newParams(r.URL, a.now(), "store"); err != nil {
		return nil, err
	}
	res, err := s.Resources()
	if err != nil {
		return nil, err
	}
	out := make([]resourceJSON, len(res))
	for i, rs := range res {
		counts := map[string]int64{}
		for _, sig := range store.Signals {
			counts[sig.String()] = rs.Counts[sig]
		}
		out[i] = resourceJSON{Service: rs.Service, Host: rs.Host, Device: rs.Device, LastSeen: rs.LastSeen,
			Counts: counts, Attributes: rs.Attributes.AsRaw()}
	}
	return map[string]any{"store": name, "count": len(out), "data": out}, nil
}

// writeJSON answers with body as JSON. Records may carry raw bytes that are
// not UTF-8 in string values, and the pdata JSON marshalers copy them
// through; every invalid sequence is replaced with U+FFFD (as encoding/json
// does for Go strings), so strict JSON clients can always parse the answer.
// JSON's own syntax is ASCII, so only string contents change.
func writeJSON(w http.ResponseWriter, status int, body any) {
	b, err := json.Marshal(body)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"encoding the answer failed"}`)
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
