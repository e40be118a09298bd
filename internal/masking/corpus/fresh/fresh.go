// Package fresh generates the independent ("fresh") corpus for the masking
// engine: realistic lines of formats no other corpus has, with the ground
// truth of every planted secret (by detector and finer class) and every
// look-alike that must come through unchanged (by class).
//
// It was written from the user documentation of the masking processor and
// from the public documentation of each format, without reading the
// engine's code, and committed before the engine was ever run on it.
//
// Formats and their documentation:
//
//   - traefik: Traefik JSON access log (doc.traefik.io, observability/access-logs, fields ClientHost, RequestPath, request_User-Agent …)
//   - squid: Squid native access.log (squid-cache.org cfgman logformat "squid": time elapsed remotehost code/status bytes method URL rfc931 peerstatus/peerhost type)
//   - apache_error: Apache httpd 2.4 error log (httpd.apache.org docs/2.4/logs.html, ErrorLogFormat: [time] [module:level] [pid N:tid N] [client ip:port] AHnnnnn: …)
//   - monolog: PHP Monolog LineFormatter / Laravel (seldaek/monolog docs: "[%datetime%] %channel%.%level_name%: %message% %context% %extra%")
//   - django: Django request logging and debug POST dumps (docs.djangoproject.com topics/logging)
//   - celery: Celery worker log (docs.celeryq.dev userguide/workers: "[time: LEVEL/ProcessName] Task name[id] received/succeeded")
//   - kafka: Kafka broker config dump at startup (kafka.apache.org documentation, "KafkaConfig values:" / "ConsumerConfig values:", hidden passwords)
//   - kafka_connect: Kafka Connect REST connector configs logged by the worker (kafka.apache.org connect REST API)
//   - ecs: Elastic Common Schema JSON logs (elastic.co/guide/en/ecs, fields @timestamp, log.level, source.ip, user.email, url.query …)
//   - rabbitmq: RabbitMQ server log (rabbitmq.com docs/logging: "2024-03-04 10:00:00.123456+00:00 [info] <0.1234.0> accepting AMQP connection")
//   - keycloak: Keycloak jboss-logging event listener (keycloak.org server_admin "Auditing and events": type=LOGIN, realmId, clientId, userId, ipAddress, error)
//   - slapd: OpenLDAP slapd stats log (openldap.org admin guide, "conn=1000 op=1 BIND dn=… method=128")
//   - sshd: OpenSSH auth.log and sudo (man sshd, sudoers(5) log format "user : TTY=pts/0 ; PWD=… ; USER=root ; COMMAND=…")
//   - vsftpd: vsftpd log and xferlog (man 5 xferlog: current-time transfer-time remote-host file-size filename transfer-type action direction access-mode username service auth user-id status)
//   - exim: Exim mainlog (exim.org spec "Log files": <= => -> flags, H=, P=, S=, id=)
//   - dovecot: Dovecot login log (doc.dovecot.org, login_log_format_elements: user=<%u> method=%m rip=%r lip=%l mpid=%e %c session=<%{session}>)
//   - bind: BIND 9 query log (bind9.readthedocs.io logging categories queries: "client @0x… ip#port (name): query: name IN A +E(0)K (server)")
//   - dhcpd: ISC dhcpd syslog (DHCPDISCOVER/OFFER/REQUEST/ACK lines, man dhcpd)
//   - auditd: Linux audit log (man auditd, audit.rules; type=USER_AUTH/EXECVE/SYSCALL msg=audit(epoch:serial): …)
//   - asa: Cisco ASA syslog (cisco.com ASA syslog messages 302013/302014, 113004/113005, 605004/605005, 111008)
//   - f5: F5 BIG-IP LTM/ASM logs (techdocs.f5.com; audit "tmsh" lines and ASM request logging key="value" pairs)
//   - vpcflow: AWS VPC Flow Logs default format v2 (docs.aws.amazon.com vpc flow-log-records: version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status)
//   - gcp: GCP Cloud Logging LogEntry JSON (cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry: httpRequest, jsonPayload, labels)
//   - azure: Azure Activity Log events (learn.microsoft.com azure-monitor/essentials/activity-log-schema: caller, claims, httpRequest.clientIpAddress, properties)
//   - vault: HashiCorp Vault audit device JSON (developer.hashicorp.com/vault/docs/audit: hmac-sha256 fields, request.remote_address, log_raw)
//   - wildfly: WildFly / JBoss server.log (docs.wildfly.org: "HH:mm:ss,SSS LEVEL [category] (thread) message", datasource and Undertow lines)
//   - jeus: Korean TmaxSoft JEUS / WebtoB logs (JEUS server log "[2024.03.04 10:00:00][2][b123] [container-12] [MGR-0001] …")
//   - oracle_alert: Oracle alert log (docs.oracle.com Database Administrator's Guide, alert_SID.log, ORA- errors, ALTER USER statements)
//   - db2diag: IBM Db2 db2diag.log records (ibm.com docs: "2024-03-04-10.00.00.123456+540 I12345E678 LEVEL: Error")
//   - http_dump: HTTP request dumps: curl -v ("> GET / HTTP/1.1", "> Header: v") and Go net/http/httputil.DumpRequest
//   - traceback: Python tracebacks with locals (traceback.StackSummary capture_locals), Node.js util.inspect objects, Go panics with %+v structs
//   - shell: shell history (bash HISTTIMEFORMAT "#epoch" lines), cron (cron(8) "CRON[pid]: (user) CMD (…)") and CLI invocations
//   - ansible: Ansible playbook output (docs.ansible.com: "ok: [host] => {…}", "TASK [name] ****", no_log placeholders)
//   - terraform: Terraform plan and apply output (developer.hashicorp.com/terraform/cli: "+ attr = value", "(sensitive value)")
//   - graphql: GraphQL request logging (graphql.org/learn/serving-over-http: {"query":…, "variables":…, "operationName":…})
//   - soap: SOAP 1.1 envelopes with WS-Security UsernameToken (oasis-open.org wss UsernameToken profile) and .NET assembly names
//   - envdump: environment and config dumps: printenv / docker inspect Env, Spring-style JDBC URLs, INI and .env files
//   - checkpoint: Check Point Log Exporter syslog (sc1.checkpoint.com Log Exporter guide: key:"value"; pairs, loguid, origin, src, dst, src_user_name)
//   - weblogic: Oracle WebLogic server log (docs.oracle.com WebLogic "Understanding WebLogic Logging Services": ####<time> <severity> <subsystem> … <BEA-nnnnnn> <message>)
//   - cubrid: CUBRID broker SQL log (cubrid.org manual, broker SQL_LOG: "MM/DD HH:MM:SS.mmm (n) execute srv_h_id n sql")
//   - kr_notice: Korean service notices and CS tickets (환불 계좌, 임시 비밀번호, 주민등록번호, 사업자등록번호 of a company)
//
// Each secret carries its detector kind (the masking processor's detector
// names) and a class such as "secret/cli_flag" or "phone/intl_na_paren";
// each look-alike a class such as "version/product_token".
package fresh

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

// Rate is the share of optional slots that carry a secret.
const Rate = 0.6

type format struct {
	name string
	gen  func(*tpl)
}

// formats is the rotation; Generate takes line i from formats[i%len].
var formats = []format{
	{"traefik", traefik}, {"squid", squid}, {"apache_error", apacheError}, {"monolog", monolog},
	{"django", django}, {"celery", celery}, {"kafka", kafka}, {"kafka_connect", kafkaConnect},
	{"ecs", ecs}, {"rabbitmq", rabbitmq}, {"keycloak", keycloak}, {"slapd", slapd},
	{"sshd", sshd}, {"vsftpd", vsftpd}, {"exim", exim}, {"dovecot", dovecot},
	{"bind", bind}, {"dhcpd", dhcpd}, {"auditd", auditd}, {"asa", asa},
	{"f5", f5}, {"vpcflow", vpcflow}, {"gcp", gcp}, {"azure", azure},
	{"vault", vault}, {"wildfly", wildfly}, {"jeus", jeus}, {"oracle_alert", oracleAlert},
	{"db2diag", db2diag}, {"http_dump", httpDump}, {"traceback", traceback}, {"shell", shell},
	{"ansible", ansible}, {"terraform", terraform}, {"graphql", graphql}, {"soap", soap},
	{"envdump", envdump}, {"kr_notice", krNotice}, {"checkpoint", checkpoint}, {"weblogic", weblogic},
	{"cubrid", cubrid},
}

// Formats lists the format names in rotation order.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// Generate returns n lines from seed.
func Generate(seed uint64, n int) []Line {
	r := rand.New(rand.NewPCG(seed, 0x6672657368))
	out := make([]Line, 0, n)
	for i := range n {
		f := formats[i%len(formats)]
		for {
			t := &tpl{r: r}
			t.l.Format = f.name
			f.gen(t)
			t.l.Text = t.b.String()
			// A look-alike inside a secret (or the reverse) would be altered
			// by a correct mask; such a line is drawn again.
			if !overlaps(t.l, t.un) {
				out = append(out, t.l)
				break
			}
		}
	}
	return out
}

func overlaps(l Line, unclaimed []string) bool {
	for _, la := range l.LookAlikes {
		for _, s := range l.Secrets {
			if strings.Contains(s.Value, la) || strings.Contains(la, s.Value) {
				return true
			}
		}
		for _, u := range unclaimed {
			if strings.Contains(u, la) {
				return true
			}
		}
	}
	return false
}

// tpl builds one line and records its ground truth.
type tpl struct {
	r *rand.Rand
	b strings.Builder
	l Line
	// unclaimed values (neither secret nor look-alike) that a mask may
	// cover; no look-alike may sit inside one
	un []string
}

func (t *tpl) w(parts ...string) {
	for _, p := range parts {
		t.b.WriteString(p)
	}
}

// s records a secret and returns it.
func (t *tpl) s(kind, class, v string) string {
	t.l.Secrets = append(t.l.Secrets, corpus.Secret{Kind: kind, Value: v})
	t.l.Classes = append(t.l.Classes, class)
	return v
}

// la records a look-alike and returns it.
func (t *tpl) la(class, v string) string {
	t.l.LookAlikes = append(t.l.LookAlikes, v)
	t.l.LookClasses = append(t.l.LookClasses, class)
	return v
}

// u writes nothing: it notes an unclaimed value that a mask may cover and
// returns it.
func (t *tpl) u(v string) string {
	t.un = append(t.un, v)
	return v
}

// maybe says whether an optional slot carries a secret.
func (t *tpl) maybe() bool { return t.r.Float64() < Rate }

// one is true with probability 1/n.
func (t *tpl) one(n int) bool { return t.r.IntN(n) == 0 }

// Common secret slots, each returning the text to write.

func (t *tpl) sEmail(class string) string { return t.s("email", class, t.email()) }

func (t *tpl) sPercentEmail(class string) string {
	u := t.user()
	return t.s("email", class, u+"%40"+t.pick(domains...))
}

func (t *tpl) sIPv4(class string) string { return t.s("ipv4", class, t.ipv4()) }
func (t *tpl) sIPv6(class string) string { return t.s("ipv6", class, t.ipv6()) }
func (t *tpl) sPass(class string) string { return t.s("secret", class, t.password()) }

// sPhone is a Korean or international phone with its class.
func (t *tpl) sPhone() string {
	switch t.r.IntN(8) {
	case 0, 4, 5:
		return t.s("phone", "phone/kr_mobile", t.krMobile())
	case 1, 6:
		return t.s("phone", "phone/kr_landline", t.krLandline())
	}
	v, c := t.intlPhone()
	return t.s("phone", c, v)
}

// sPhoneNA is a North American number as US services write it, often
// without the country code.
func (t *tpl) sPhoneNA() string {
	if t.one(2) {
		return t.s("phone", "phone/na_local", "("+t.ns(201, 989)+") "+t.ns(200, 999)+"-"+t.chars("0123456789", 4))
	}
	return t.s("phone", "phone/intl_na_paren", "+1 ("+t.ns(201, 989)+") "+t.ns(200, 999)+"-"+t.chars("0123456789", 4))
}

func (t *tpl) sCard(class string) string { return t.s("payment_card", class, t.card()) }

// sAccessKey is a provider key with its class.
func (t *tpl) sAccessKey() string {
	switch t.r.IntN(5) {
	case 0:
		return t.s("access_key", "access_key/aws", t.awsKeyID())
	case 1:
		return t.s("access_key", "access_key/google", t.googleKey())
	case 2:
		return t.s("access_key", "access_key/github", t.githubPAT())
	case 3:
		return t.s("access_key", "access_key/stripe", t.stripeKey())
	}
	return t.s("access_key", "access_key/gitlab", t.gitlabPAT())
}
