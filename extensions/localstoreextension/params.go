package localstoreextension

import (
	"encoding/hex"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// badRequest is a client error, answered with 400 and its message.
type badRequest struct{ msg string }

func (b badRequest) Error() string { return b.msg }

func badf(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// params reads query parameters, allowing only known names.
type params struct {
	v   url.Values
	now time.Time
}

func newParams(u *url.URL, now time.Time, allowed ...string) (params, error) {
	v := u.Query()
	for k := range v {
		if strings.HasPrefix(k, "attr.") && contains(allowed, "attr.*") {
			continue
		}
		if !contains(allowed, k) {
			return params{}, badf("unknown parameter %q (allowed: %s)", k, strings.Join(allowed, ", "))
		}
		if len(v[k]) > 1 {
			return params{}, badf("parameter %q is given %d times; give it once", k, len(v[k]))
		}
	}
	return params{v: v, now: now}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The times the store can represent: Unix nanoseconds in an int64, from
// 1677-09-21 to 2262-04-11.
var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, math.MaxInt64)
)

// timeParam parses an RFC 3339 time, Unix nanoseconds, or a negative
// duration relative to now ("-15m"). Times the store cannot represent are
// refused rather than wrapped around.
func (p params) timeParam(name string) (time.Time, error) {
	s := p.v.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		if t.Before(minTime) || t.After(maxTime) {
			return time.Time{}, badf("%s=%q is outside the times the store can represent (%s to %s)",
				name, s, minTime.UTC().Format(time.RFC3339), maxTime.UTC().Format(time.RFC3339))
		}
		return t, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
		return time.Unix(0, n), nil
	}
	if strings.HasPrefix(s, "-") {
		if d, err := time.ParseDuration(s); err == nil {
			if t := p.now.Add(d); !t.Before(minTime) && d > math.MinInt64 {
				return t, nil
			}
			return time.Time{}, badf("%s=%q reaches before the times the store can represent (%s)", name, s, minTime.UTC().Format(time.RFC3339))
		}
	}
	return time.Time{}, badf("%s=%q is not a time: use RFC 3339 (2026-11-26T10:00:00Z), Unix nanoseconds, or a negative duration such as -15m", name, s)
}

// timeRange parses start and end and checks their order.
func (p params) timeRange() (time.Time, time.Time, error) {
	start, err := p.timeParam("start")
	if err != nil {
		return start, start, err
	}
	end, err := p.timeParam("end")
	if err != nil {
		return start, end, err
	}
	if !start.IsZero() && !end.IsZero() && start.After(end) {
		return start, end, badf("start (%s) is after end (%s)", start.UTC().Format(time.RFC3339Nano), end.UTC().Format(time.RFC3339Nano))
	}
	return start, end, nil
}

// limit parses the page size: def when absent, at most maxLimit.
func (p params) limit(def, maxLimit int) (int, error) {
	s := p.v.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		return 0, badf("limit=%q must be an integer from 1 to %d", s, maxLimit)
	}
	return n, nil
}

// cursor parses page_token.
func (p params) cursor() (*store.Cursor, error) {
	s := p.v.Get("page_token")
	if s == "" {
		return nil, nil
	}
	c, err := store.ParseCursor(s)
	if err != nil {
		return nil, badRequest{err.Error()}
	}
	return &c, nil
}

// parseTraceID parses 32 hex digits, not all zero.
func parseTraceID(name, s string) (pcommon.TraceID, error) {
	var id pcommon.TraceID
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != len(id) {
		return id, badf("%s=%q must be 32 hexadecimal digits", name, s)
	}
	copy(id[:], b)
	if id.IsEmpty() {
		return id, badf("%s must not be all zeros", name)
	}
	return id, nil
}

var severityNames = map[string]plog.SeverityNumber{
	"TRACE": plog.SeverityNumberTrace, "DEBUG": plog.SeverityNumberDebug, "INFO": plog.SeverityNumberInfo,
	"WARN": plog.SeverityNumberWarn, "WARNING": plog.SeverityNumberWarn, "ERROR": plog.SeverityNumberError,
	"FATAL": plog.SeverityNumberFatal,
}

// severity parses a severity number (1-24) or name (TRACE … FATAL).
func (p params) severity(name string) (plog.SeverityNumber, error) {
	s := p.v.Get(name)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 24 {
		return plog.SeverityNumber(n), nil
	}
	if n, ok := severityNames[strings.ToUpper(s)]; ok {
		return n, nil
	}
	return 0, badf("%s=%q must be a severity number from 1 to 24 or one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL", name, s)
}

// attrs returns the attr.KEY=VALUE filters.
func (p params) attrs() (map[string]string, error) {
	out := map[string]string{}
	for k, v := range p.v {
		if key, ok := strings.CutPrefix(k, "attr."); ok {
			if key == "" {
				return nil, badf("attribute filter %q needs a key: attr.KEY=VALUE", k)
			}
			out[key] = v[0]
		}
	}
	return out, nil
}
