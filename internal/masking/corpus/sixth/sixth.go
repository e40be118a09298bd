// Package sixth generates the sixth, independent masking corpus: log lines
// of formats none of the earlier corpora have, each with the ground truth
// of every planted secret (with the detector that must find it and a finer
// class) and of the look-alikes that must come through unchanged.
//
// It was written from the public documentation of the formats and from the
// masking processor's user README only, never from the engine or the other
// generators. Formats and the documentation they follow:
//
//   - nextcloud: Nextcloud server log (nextcloud.log JSON), Nextcloud admin manual, "Logging"
//   - wordpress: WordPress WP_DEBUG_LOG debug.log (PHP error_log lines), developer.wordpress.org "Debugging in WordPress"
//   - woocommerce: WooCommerce WC_Logger file lines, woocommerce.com "WooCommerce Logs"
//   - cafe24: Cafe24 / 고도몰 style shop webhook receiver logs (JSON payloads), developers.cafe24.com "Webhooks"
//   - jenkins: Jenkins controller log (java.util.logging SimpleFormatter with [id=N]), jenkins.io "Viewing logs"
//   - argocd: Argo CD server JSON logs (--logformat json), argo-cd.readthedocs.io "argocd-server"
//   - artifactory: JFrog Artifactory request log (pipe separated), jfrog.com "Artifactory Log Files"
//   - opensearch_audit: OpenSearch security audit log documents, opensearch.org "Audit log field reference"
//   - splunk_hec: Splunk HTTP Event Collector event payloads, docs.splunk.com "Format events for HTTP Event Collector"
//   - fluentbit: Fluent Bit's own log lines, docs.fluentbit.io "Configuration file: Service (Log_Level)"
//   - lighttpd: lighttpd error log with mod_auth/mod_accesslog debug, redmine.lighttpd.net docs
//   - varnishlog: varnishlog grouped request records (VSL tags), varnish-cache.org "varnishlog"
//   - catalina: Tomcat catalina.out (OneLineFormatter), tomcat.apache.org "Logging in Tomcat"
//   - iis_freb: IIS Failed Request Tracing XML events, learn.microsoft.com "Troubleshoot with Failed Request Tracing"
//   - nlog: ASP.NET Core NLog default layout (${longdate}|${level}|${logger}|${message}), nlog-project.org
//   - sidekiq: Sidekiq default formatter (pid= tid= class= jid=, elapsed=), github.com/sidekiq/sidekiq/wiki/Logging
//   - bunyan: node-bunyan JSON records (v:0, level 30), github.com/trentm/node-bunyan README
//   - phoenix: Elixir Logger / Phoenix request logs with Parameters maps, hexdocs.pm "Logger", "Phoenix.Logger"
//   - kong: Kong Gateway file-log / http-log plugin JSON, docs.konghq.com "File Log plugin"
//   - zookeeper: ZooKeeper server log ([myid:N] pattern), zookeeper.apache.org "Administrator's Guide"
//   - nomad: HashiCorp hclog lines of Nomad and Boundary, developer.hashicorp.com "Nomad agent logs"
//   - teleport: Teleport audit events (JSON), goteleport.com "Audit Events Reference"
//   - freeradius: FreeRADIUS radius.log and detail-file attribute lines, freeradius.org "radiusd.conf log", "detail module"
//   - cisco_ise: Cisco ISE syslog messages (CISE_ categories, key=value, comma separated), cisco.com "ISE Syslog Messages"
//   - wireguard: wg-quick configuration dumps and kernel dyndbg lines, wireguard.com "Quick Start", wg(8)
//   - windows_dns: Windows Server DNS debug log (PACKET lines), learn.microsoft.com "DNS debug logging"
//   - windows_dhcp: Windows DHCP server audit log (DhcpSrvLog CSV), learn.microsoft.com "Analyze DHCP Server Log Files"
//   - m365_audit: Microsoft 365 unified audit log records (JSON), learn.microsoft.com "Office 365 Management Activity API schema"
//   - gworkspace: Google Workspace Admin SDK Reports activities (JSON), developers.google.com "Reports API: activities"
//   - slack_audit: Slack Audit Logs API entries (JSON), api.slack.com "Audit Logs API"
//   - zoom_webhook: Zoom webhook event bodies (JSON), developers.zoom.us "Webhooks"
//   - nats: NATS server log lines ([pid] date [INF]), docs.nats.io "Logging"
//   - sentinel: Redis Sentinel log events and config rewrites, redis.io "High availability with Redis Sentinel"
//   - minio_audit: MinIO audit webhook entries (JSON), min.io docs "Audit logging"
//   - ceph_rgw: Ceph RGW ops log (JSON), docs.ceph.com "Ceph Object Gateway ops log"
//   - veeam: Veeam Backup & Replication service logs (Svc.*.log), helpcenter.veeam.com "Log files"
//   - hana_trace: SAP HANA trace files (indexserver_*.trc), help.sap.com "Trace files"
//   - goldengate: Oracle GoldenGate ggserr.log (OGG-nnnnn), docs.oracle.com "ggserr.log"
//   - egov_sql: 전자정부 표준프레임워크 log4jdbc jdbc.sqlonly/sqltiming output, egovframe.go.kr 개발자 가이드 "로깅"
//   - bank_fixed: 은행 코어 대외계 전문 (fixed-width) send/receive dumps, 금융결제원 전문 layouts
//   - iso8583: ISO 8583 카드 승인 전문 field dumps (jPOS dump style), jpos.org "Programmer's Guide"
//   - parcel_api: 택배 배송 조회 / 예약 API request logs (JSON), 택배사 open API docs (스마트택배 API)
//   - emr_ocs: 병원 EMR/OCS application logs (처방·수납), 의료기관 OCS vendor log layouts
//   - insurance: 보험 청약 processing logs (청약서 접수, 자동이체), 보험사 청약 시스템 layouts
//   - linkerd: Linkerd2 proxy logs (tracing spans, ThreadId), linkerd.io "Proxy log level"
//   - duo: Duo Admin API authentication log records (v2 JSON), duo.com/docs/adminapi "Authentication Logs"
//   - sccm_cmtrace: ConfigMgr / Intune Management Extension CMTrace lines, learn.microsoft.com "Log files in Configuration Manager"
//   - commvault: Commvault process logs (pid tid date time jobid), documentation.commvault.com "Log files"
//   - jboss_audit: JBoss EAP management audit log (JSON formatter), access.redhat.com "JBoss EAP Configuration Guide: audit logging"
//
// Every secret's Kind is a detector name of the masking processor's README;
// its class is "kind/how", e.g. "phone/na_intl_paren", "secret/cli_flag".
// Look-alike classes name what the value is ("version/quad", "uuid").
package sixth

import (
	"math/rand/v2"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Line is one generated line with per-value classes.
type Line struct {
	corpus.Line
	Classes     []string // parallel to Line.Secrets
	LookClasses []string // parallel to Line.LookAlikes
}

// DefaultLines and DefaultSeed are the size and seed of the scored run.
const (
	DefaultLines = 50000
	DefaultSeed  = 1
)

// Syntax is how a format's line can be parsed, for the generator's checks.
type Syntax int

// Syntaxes of formats.
const (
	Text Syntax = iota
	JSON
	XML
	CSV
)

type format struct {
	name   string
	syntax Syntax
	prefix string // a text line starts with this (after the timestamp-free part), "" for none
	gen    func(t *tb) string
}

// tb builds one line.
type tb struct {
	v
	l Line
}

// s plants a secret of kind and class and returns it.
func (t *tb) s(kind, class, val string) string {
	t.l.Secrets = append(t.l.Secrets, corpus.Secret{Kind: kind, Value: val})
	t.l.Classes = append(t.l.Classes, kind+"/"+class)
	return val
}

// la plants a look-alike of class and returns it.
func (t *tb) la(class, val string) string {
	t.l.LookAlikes = append(t.l.LookAlikes, val)
	t.l.LookClasses = append(t.l.LookClasses, class)
	return val
}

// Formats lists the format names in rotation order.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// SyntaxOf returns the syntax of a format and the prefix of its text lines.
func SyntaxOf(name string) (Syntax, string) {
	for _, f := range formats {
		if f.name == name {
			return f.syntax, f.prefix
		}
	}
	return Text, ""
}

// Generate returns n lines from seed, the formats in rotation.
func Generate(seed uint64, n int) []Line {
	r := rand.New(rand.NewPCG(seed, 0x7369787468))
	out := make([]Line, 0, n)
	for i := 0; i < n; i++ {
		f := formats[i%len(formats)]
		t := &tb{v: v{r}}
		t.l.Format = f.name
		t.l.Text = f.gen(t)
		clean(&t.l)
		out = append(out, t.l)
	}
	return out
}

// clean drops ground truth that would make the score unfair: a look-alike
// that shares text with a secret of the line (masking the secret would
// count as altering it) and duplicate entries.
func clean(l *Line) {
	var ls []string
	var lc []string
	seen := map[string]bool{}
	for i, la := range l.LookAlikes {
		bad := seen[la]
		for _, s := range l.Secrets {
			if strings.Contains(s.Value, la) || strings.Contains(la, s.Value) {
				bad = true
			}
		}
		if !bad {
			seen[la] = true
			ls = append(ls, la)
			lc = append(lc, l.LookClasses[i])
		}
	}
	l.LookAlikes, l.LookClasses = ls, lc
	var ss []corpus.Secret
	var sc []string
	sseen := map[string]bool{}
	for i, s := range l.Secrets {
		if sseen[s.Value] {
			continue
		}
		sseen[s.Value] = true
		ss = append(ss, s)
		sc = append(sc, l.Classes[i])
	}
	l.Secrets, l.Classes = ss, sc
}
