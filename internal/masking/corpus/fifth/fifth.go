// Package fifth generates the fifth independent corpus for the masking
// engine (issue 11): realistic lines of formats none of the five earlier
// corpora has, with the ground truth of every planted secret (by detector
// and finer class) and every look-alike that must come through unchanged
// (by class).
//
// It was written by an outside auditor's rules: from the masking
// processor's user documentation (processors/maskingprocessor/README.md:
// the detector names are the kinds of the secrets) and the issue text,
// and from the public documentation of each format, without reading the
// engine's code or the other generators' templates, and committed before
// the engine was ever run on it.
//
// Formats and the documentation they were written from:
//
//   - asterisk: Asterisk full log and CDR CSV (docs.asterisk.org, "Logging" and "CDR" — [date] VERBOSE[pid][C-…] pbx.c: Executing [exten@context:prio] Dial(…))
//   - freeswitch: FreeSWITCH console/log lines (developer.signalwire.com/freeswitch, "mod_logfile"; uuid-prefixed lines, sofia "New Channel sofia/…")
//   - kamailio: Kamailio xlog lines in syslog (kamailio.org docs, xlog module, pseudo-variables $rm $fu $tu $si $ci)
//   - hl7v2: HL7 v2.5 ADT messages as interface engines log them (hl7.org v2.5 ch.3: MSH, PID-5 name, PID-7 birth date, PID-13 phone/e-mail XTN, PID-19 SSN, NK1)
//   - fhir: FHIR R4 Patient and Observation resources in API logs (hl7.org/fhir/R4/patient.html: identifier, telecom, address)
//   - suricata: Suricata EVE JSON alert/http/tls/fileinfo events (docs.suricata.io output/eve/eve-json-format: flow_id, src_ip, http.url, tls.sni, fileinfo.sha256)
//   - zeek: Zeek conn.log and http.log TSV (docs.zeek.org scripts/base/protocols/conn/main.zeek: ts uid id.orig_h id.orig_p …; #separator \x09)
//   - snort: Snort 2/3 alert_fast (snort.org docs, "[**] [gid:sid:rev] msg [**] [Classification: …] [Priority: n] {PROTO} src:port -> dst:port")
//   - filterlog: pfSense / OPNsense filterlog CSV (docs.netgate.com pfsense monitoring/raw-filter-log-format)
//   - mikrotik: MikroTik RouterOS log and /export (help.mikrotik.com "Log", "User", "PPP", "WireGuard": topics,level message; /ppp secret add name= password=)
//   - huawei: Huawei VRP information center logs (support.huawei.com, "%%01SHELL/5/CMDRECORD(s)[n]:Recorded command information. (Task=…, Ip=…, User=…, Command=…)")
//   - openvpn: OpenVPN 2.x server log (openvpn.net community docs, "client/ip:port TLS: Username/Password authentication succeeded", MULTI, PUSH_REPLY)
//   - strongswan: strongSwan charon log and swanctl/ipsec.secrets dumps (docs.strongswan.org: "IKE_SA name[n] established between …", secrets { ike-x { secret = … } })
//   - okta: Okta System Log API events (developer.okta.com docs/reference/api/system-log: actor.alternateId, client.ipAddress, userAgent.rawUserAgent, outcome, debugContext)
//   - auth0: Auth0 tenant log events (auth0.com docs/deploy-monitor/logs/log-event-type-codes: type s/f/fp/sapi, user_name, ip, details)
//   - keystone: OpenStack Keystone and oslo.log request lines (docs.openstack.org keystone: POST /v3/auth/tokens, X-Auth-Token, X-Subject-Token, Fernet tokens gAAAA…)
//   - gitlab: GitLab production_json.log and api_json.log (docs.gitlab.com administration/logs: method, path, params [{key,value}], remote_ip, ua, correlation_id, meta.user)
//   - atlassian: Jira/Confluence atlassian-jira.log and access log (confluence.atlassian.com "Logging and profiling"; url:, username:, ipaddress:)
//   - nagios: Nagios Core and Icinga 2 logs (nagios.org docs "Log file": [epoch] SERVICE ALERT/NOTIFICATION; icinga.com docs "Logging": [time] information/Component: …)
//   - zabbix: Zabbix server/agent log (zabbix.com documentation "Log files": pid:yyyymmdd:hhmmss.mmm message)
//   - cassandra: Cassandra slow-query and audit log (cassandra.apache.org doc "Audit Logging": user:…|host:…|source:/ip|port:…|timestamp:…|type:…|category:…|operation:…)
//   - clickhouse: ClickHouse server text log (clickhouse.com docs "Server logs": date time [ tid ] {query_id} <Level> executeQuery: (from ip:port, user: …) query)
//   - solr: Apache Solr request log (solr.apache.org guide "Configuring Logging": webapp=/solr path=/select params={…} hits= status= QTime=)
//   - airflow: Airflow task logs (airflow.apache.org docs "Logging for Tasks": [time] {file.py:line} LEVEL - message; connection URIs, BashOperator commands)
//   - spark: Spark driver/executor log4j console lines (spark.apache.org docs "Configuration", "Monitoring": yy/MM/dd HH:mm:ss LEVEL Class: message)
//   - ibmmq: IBM MQ AMQERR01.LOG records (ibm.com docs "Error logs on AIX, Linux": date time - Process(pid.tid) User(x) Program(x) Host(x) Installation(x) AMQnnnnE: …)
//   - activemq: ActiveMQ Classic activemq.log (activemq.apache.org "How do I enable debug logging": time | LEVEL | message | logger | thread)
//   - mosquitto: Eclipse Mosquitto broker log (mosquitto.org man mosquitto.conf log_type; "epoch: New client connected from ip:port as id (p2, c1, k60, u'user').")
//   - coredns: CoreDNS log plugin (coredns.io/plugins/log: [INFO] ip:port - id "TYPE CLASS name. proto size do bufsize" rcode flags rsize duration)
//   - consul: Consul agent hclog lines (developer.hashicorp.com/consul docs "agent logs": time [LEVEL] agent.http: Request finished: method=… url=… from=…)
//   - samba: Samba log.smbd and JSON auth audit (samba.org smb.conf "log level", "auth_audit": Authentication for user [x] -> [x] FAILED; remoteAddress ipv4:…)
//   - sendmail: Sendmail syslog (sendmail.org "Logging": queue-id: from=<…>, size=, nrcpts=, msgid=, relay=host [ip]; to=<…>, delay=, stat=Sent)
//   - roundcube: Roundcube userlogins and errors logs (github.com/roundcube wiki "Logging": Successful login for user (ID: n) from ip in session …)
//   - zimbra: Zimbra audit.log and mailbox.log (wiki.zimbra.com "Log Files": [name=…;ip=…;oip=…;ua=…;] security - cmd=Auth; account=…;)
//   - exchange: Exchange message tracking log CSV (learn.microsoft.com exchange/mail-flow/transport-logs/message-tracking: date-time,client-ip,…,recipient-address,…,sender-address)
//   - ldif: LDIF exports of directory entries (RFC 2849; ldapsearch output: dn:, mail:, telephoneNumber:, userPassword::)
//   - powershell: PowerShell transcripts (learn.microsoft.com Start-Transcript: "**********************" header, "PS C:\> command", ConvertTo-SecureString, -Credential)
//   - logcat: Android logcat threadtime with OkHttp HttpLoggingInterceptor bodies (developer.android.com studio logcat; square.github.io/okhttp logging-interceptor)
//   - pg_gateway: Korean payment-gateway API logs (docs.tosspayments.com API reference "Payment object": paymentKey, orderId, card.number masked, virtualAccount.accountNumber; Basic auth with the secret key)
//   - stripe: Stripe webhook event logs (docs.stripe.com api/events, webhooks: evt_…, pi_…, billing_details.email/phone, Stripe-Signature t=,v1=)
//   - sms_gateway: SMS gateway API logs (Twilio Messages API form bodies To=%2B1…&Body=…; Korean NHN Cloud / Aligo style receiver=…&msg=[인증번호]…)
//   - efinance: 전자금융 transfer and 전자금융거래 기록 logs (금융위원회 전자금융감독규정 거래기록: 출금계좌, 입금은행, 입금계좌, 거래일련번호, 접속 IP)
//   - kr_idv: 본인인증 callback logs (NICE / PASS style: name, birthdate, gender, mobile_no, mobile_co, CI/DI, 주민번호 in form posts)
//   - salesforce: Salesforce Event Log File CSV and SAP Security Audit Log exports (developer.salesforce.com EventLogFile Login/API types; help.sap.com SM20 fields)
//
// Each secret carries its detector kind (the masking processor's detector
// names) and a class such as "secret/cli_flag" or "phone/na_intl_paren";
// each look-alike a class such as "version/product_token".
package fifth

import (
	"math/rand/v2"
	"strings"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// Line is one generated line and its ground truth.
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

// Kinds are the masking processor's detector names, the only kinds a secret
// may carry.
var Kinds = []string{"email", "payment_card", "kr_rrn", "phone", "bank_account", "ipv4", "ipv6", "jwt", "access_key", "auth_header", "secret"}

// gen builds one line: s plants a secret, l keeps a look-alike.
type gen struct {
	rnd
	secrets     []corpus.Secret
	classes     []string
	looks       []string
	lookClasses []string
}

// s records v as a secret the detector kind must mask, and returns it.
func (g *gen) s(kind, class, v string) string {
	g.secrets = append(g.secrets, corpus.Secret{Kind: kind, Value: v})
	g.classes = append(g.classes, class)
	return v
}

// l records v as a look-alike that must stay, and returns it.
func (g *gen) l(class, v string) string {
	g.looks = append(g.looks, v)
	g.lookClasses = append(g.lookClasses, class)
	return v
}

// ip plants an IPv4 address (strict masks addresses).
func (g *gen) ip(class string) string { return g.s("ipv4", "ipv4/"+class, g.ipv4()) }

// maybe is the chance an optional sensitive slot is filled.
func (g *gen) maybe() bool { return g.chance(0.6) }

type format struct {
	name string
	make func(*gen) string
}

var formats []format

func register(name string, f func(*gen) string) { formats = append(formats, format{name, f}) }

func init() {
	registerNetwork()
	registerVoiceHealth()
	registerIdentity()
	registerData()
	registerMailWin()
	registerKorea()
}

// Formats returns the format names in rotation order.
func Formats() []string {
	ns := make([]string, len(formats))
	for i, f := range formats {
		ns[i] = f.name
	}
	return ns
}

// Generate returns n lines from seed; the formats rotate, so every format
// appears once n reaches len(Formats()).
func Generate(seed uint64, n int) []Line {
	r := rand.New(rand.NewPCG(seed, seed^0x5f1f7c0de))
	out := make([]Line, 0, n)
	for i := range n {
		f := formats[i%len(formats)]
		out = append(out, build(r, f))
	}
	return out
}

// build draws a line until no look-alike overlaps a secret (a correct mask
// must not be able to alter one); after a few tries the overlapping
// look-alikes are dropped instead.
func build(r *rand.Rand, f format) Line {
	var g *gen
	var text string
	for try := 0; ; try++ {
		g = &gen{rnd: rnd{r}}
		text = f.make(g)
		if try == 4 || overlaps(g, text) == 0 {
			break
		}
	}
	// A look-alike drawn for a branch the template did not take is not in
	// the line, and one shorter than 4 bytes (a small count) says little;
	// both are dropped with the overlapping ones.
	{
		var ls, cs []string
		for i, la := range g.looks {
			if len(la) >= 4 && strings.Contains(text, la) && !overlapping(g, text, la) {
				ls, cs = append(ls, la), append(cs, g.lookClasses[i])
			}
		}
		g.looks, g.lookClasses = ls, cs
	}
	return Line{
		Line:        corpus.Line{Format: f.name, Text: text, Secrets: g.secrets, LookAlikes: g.looks},
		Classes:     g.classes,
		LookClasses: g.lookClasses,
	}
}

// Blank replaces every secret of a line by NUL bytes of its length: what a
// perfect mask leaves for the look-alikes to be counted in.
func Blank(text string, secrets []corpus.Secret) string {
	for _, s := range secrets {
		text = strings.ReplaceAll(text, s.Value, strings.Repeat("\x00", len(s.Value)))
	}
	return text
}

func overlapping(g *gen, text, la string) bool {
	return strings.Count(Blank(text, g.secrets), la) != strings.Count(text, la)
}

func overlaps(g *gen, text string) int {
	n := 0
	for _, la := range g.looks {
		if overlapping(g, text, la) {
			n++
		}
	}
	return n
}
