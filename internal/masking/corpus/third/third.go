// Package third is a fourth masking corpus, written without reading the
// detectors' code and committed before its first run, so its first score is
// a score on formats the engine was not tuned on. Formats come from the
// public documentation of AWS Application Load Balancer and CloudFront
// access logs, AWS CloudTrail records, Java exceptions with a Log4j 2
// PatternLayout, .NET Serilog compact JSON (CLEF), Go log/slog JSONHandler,
// Node winston JSON, Caddy's JSON access log, Docker's json-file driver,
// GELF, ArcSight CEF, IBM QRadar LEEF, Windows event XML (4625, 4688), the
// Oracle listener log, the SQL Server error log, the MySQL general query
// log, Redis (server log and MONITOR), Palo Alto PAN-OS traffic logs,
// Postfix, IIS W3C extended logs, CI job logs, MyBatis debug logs of
// Korean eGovFrame applications, and Korean public-sector 개인정보 접속기록
// and application messages with Korean labels.
//
// The ground truth is built here: every planted secret by the detector that
// should own it, and look-alikes that must stay.
package third

import (
	"math/rand/v2"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Formats are the formats Generate rotates through.
var Formats = []string{
	"alb", "cloudfront", "cloudtrail", "log4j2_stack", "serilog", "slog_json", "winston", "caddy", "docker_json",
	"gelf", "cef", "leef", "win_4625", "win_4688", "oracle_listener", "mssql", "mysql_general", "redis",
	"panos", "postfix", "iis", "ci_job", "mybatis", "kr_access_record", "kr_app",
}

// Line is a generated line with, for each secret, a finer class than its
// detector (e.g. "secret/sql_column"), for reporting.
type Line struct {
	corpus.Line
	Classes []string // parallel to Line.Secrets
}

// Generate returns n lines from seed; about rate of the optional slots carry a secret.
func Generate(seed uint64, n int, rate float64) []Line {
	g := v{rand.New(rand.NewPCG(seed, 0x7468697264))}
	out := make([]Line, 0, n)
	for i := range n {
		t := &tpl{v: g, rate: rate}
		t.l.Format = Formats[i%len(Formats)]
		templates[t.l.Format](t)
		t.l.Text = t.b.String()
		out = append(out, t.l)
	}
	return out
}

// Plain drops the classes.
func Plain(lines []Line) []corpus.Line {
	out := make([]corpus.Line, len(lines))
	for i, l := range lines {
		out[i] = l.Line
	}
	return out
}

var templates = map[string]func(*tpl){
	"alb": (*tpl).alb, "cloudfront": (*tpl).cloudfront, "cloudtrail": (*tpl).cloudtrail, "log4j2_stack": (*tpl).log4j2,
	"serilog": (*tpl).serilog, "slog_json": (*tpl).slogJSON, "winston": (*tpl).winston, "caddy": (*tpl).caddy,
	"docker_json": (*tpl).docker, "gelf": (*tpl).gelf, "cef": (*tpl).cef, "leef": (*tpl).leef,
	"win_4625": (*tpl).win4625, "win_4688": (*tpl).win4688, "oracle_listener": (*tpl).oracle, "mssql": (*tpl).mssql,
	"mysql_general": (*tpl).mysqlGeneral, "redis": (*tpl).redis, "panos": (*tpl).panos, "postfix": (*tpl).postfix,
	"iis": (*tpl).iis, "ci_job": (*tpl).ciJob, "mybatis": (*tpl).mybatis, "kr_access_record": (*tpl).krAccess,
	"kr_app": (*tpl).krApp,
}

type tpl struct {
	v
	rate float64
	b    strings.Builder
	l    Line
}

func (t *tpl) w(parts ...string) {
	for _, p := range parts {
		t.b.WriteString(p)
	}
}

// S plants a secret owned by detector kind, reported under class; K a look-alike.
func (t *tpl) S(class, val string) string {
	kind, _, _ := strings.Cut(class, "/")
	t.l.Secrets = append(t.l.Secrets, corpus.Secret{Kind: kind, Value: val})
	t.l.Classes = append(t.l.Classes, class)
	return val
}

func (t *tpl) K(val string) string {
	t.l.LookAlikes = append(t.l.LookAlikes, val)
	return val
}

func (t *tpl) on() bool { return t.r.Float64() < t.rate }
