// Package seventh generates the seventh, independent masking corpus: log,
// audit, export and payload lines of 51 formats none of the six earlier
// corpora has, each with the ground truth of every planted secret (with
// the detector that must find it and a finer class) and of the
// look-alikes that must come through unchanged.
//
// It was written from the public documentation of the formats and from the
// masking processor's user README only, never from the engine, its tests or
// the other generators' templates, and the engine has never been run on it.
// Formats and the documentation they follow:
//
// Observability
//   - es_slowlog: Elasticsearch 8 search and indexing slow log (ECS JSON,
//     elasticsearch.slowlog.source as escaped JSON), elastic.co "Slow log"
//   - logstash: Logstash plain log with Ruby-hash event dumps
//     (`"key"=>"value"`) of the elasticsearch output's 400 warning,
//     elastic.co "Logging" and the output plugin docs
//   - grafana: Grafana server logfmt (logger= t= level= msg="Request
//     Completed"), grafana.com "Configure Grafana: log", router logging
//   - prometheus: Prometheus and Alertmanager go-kit logfmt (ts= caller=
//     level=), prometheus.io "Alertmanager", scrape errors
//   - loki: Loki query-frontend metrics.go lines with the LogQL query,
//     grafana.com/docs/loki "Query frontend" / "Troubleshooting"
//   - jaeger: Jaeger query API span JSON (traceID, spanID, tags of
//     key/type/value, startTime in µs), jaegertracing.io "APIs"; OTel
//     captured header attributes http.request.header.*
//   - docker_registry: CNCF distribution registry logrus text fields
//     (http.request.*, auth.user.name, err.code), distribution.github.io
//     "Configuration: log"
//   - kubelet: klog lines of the kubelet and kubectl -v=8 (curl
//     round-tripper dumps), kubernetes.io "System Logs", klog README
//   - flink: Flink log4j layout with GlobalConfiguration "Loading
//     configuration property: k, v" (sensitive keys printed as ******),
//     nightlies.apache.org/flink "Logging", "Configuration"
//
// Databases and query engines
//   - cockroach: CockroachDB crdb-v2 log with structured events and
//     redaction markers ‹…›, cockroachlabs.com "Log formats", "Logging
//     Use Cases"
//   - tidb: TiDB unified log [GENERAL_LOG] lines, docs.pingcap.com "TiDB
//     general log", "TiDB log format"
//   - mariadb_audit: MariaDB Audit Plugin file output
//     (timestamp,serverhost,username,host,connectionid,queryid,operation,
//     database,object,retcode), mariadb.com "Audit Plugin Log Format"
//   - pgbouncer: PgBouncer log lines (C-/S- pointers, login attempt,
//     stats), pgbouncer.org "Usage", "Config"
//   - oracle_audit: Oracle audit trail XML (AUDIT_TRAIL=XML, EXTENDED with
//     Sql_Bind " #n(len):value"), docs.oracle.com "Auditing: XML audit
//     file", V$XML_AUDIT_TRAIL columns
//   - sqlserver_xe: SQL Server Extended Events event XML (sql_batch_completed,
//     rpc_completed with sp_executesql), learn.microsoft.com "Extended
//     Events" and "sp_executesql"
//   - trino: Trino HTTP event listener QueryCompletedEvent JSON,
//     trino.io "HTTP event listener"
//   - snowflake: Snowflake ACCOUNT_USAGE.QUERY_HISTORY exported as CSV,
//     docs.snowflake.com "QUERY_HISTORY view", "CREATE STAGE"
//   - hadoop: HDFS audit (FSNamesystem.audit, ip=/a.b.c.d), YARN
//     RMAuditLogger, HiveServer2 ql.Driver "Executing command", hadoop.apache.org
//     and cwiki.apache.org/Hive
//
// Application servers and runtimes
//   - websphere: WebSphere traditional SystemOut.log (ThreadId, short name,
//     event type O/R/E/A, message ids SECJ/WSVR), ibm.com "Log and trace
//     formats"
//   - liberty: Open Liberty messages.log (CWWKS1100A, CWWKO0219I,
//     CWWKF0011I), openliberty.io "Log and trace configuration"
//   - uwsgi: uWSGI default request log line, uwsgi-docs.readthedocs.io
//     "Formatting uWSGI requests logs"
//   - phpfpm: PHP-FPM error log with catch_workers_output ("child N said
//     into stderr"), php.net "FPM configuration"
//   - morgan: Express morgan "dev" and "short" formats,
//     expressjs.com/en/resources/middleware/morgan
//   - nestjs: NestJS ConsoleLogger lines, docs.nestjs.com "Logger"
//   - efcore: ASP.NET Core console logger (systemd format) with EF Core
//     command logging and EnableSensitiveDataLogging, learn.microsoft.com
//     "EF Core: Simple logging"
//   - quarkus: Quarkus console log and REST Client logging
//     (quarkus.rest-client.logging.scope=request-response), quarkus.io
//     "REST Client"
//   - akka: Akka default logging with case-class toString messages,
//     doc.akka.io "Logging"
//   - go_runtime: Go panics, goroutine frames, the standard log package
//     and net/http's TLS handshake errors, pkg.go.dev "log", "runtime"
//   - rust_tracing: tracing-subscriber fmt lines with span fields and
//     tower-http's TraceLayer headers, docs.rs "tracing-subscriber",
//     "tower-http"
//
// Network, edge and security
//   - sysmon: Sysmon events 1, 3 and 22 as event XML,
//     learn.microsoft.com "Sysmon"
//   - netscaler: Citrix ADC (NetScaler) syslog SSLVPN/AAA/TCP messages,
//     docs.netscaler.com "Syslog message reference"
//   - aruba: ArubaOS controller syslog (authmgr, stm with <id> <level>),
//     arubanetworks.com "ArubaOS Syslog Messages Reference"
//   - sonicwall: SonicOS enhanced syslog key=value (src=ip:port:iface,
//     usr=), sonicwall.com "SonicOS Log Events Reference"
//   - cloudflare: Cloudflare Logpush http_requests JSON with custom request
//     header and cookie fields, developers.cloudflare.com "Logpush: HTTP
//     requests"
//   - akamai: Akamai DataStream 2 JSON (whitespace hex-encoded, "-" fields omitted),
//     techdocs.akamai.com "DataStream 2 log fields"
//   - aws_waf: AWS WAF web ACL log JSON (httpRequest.headers name/value),
//     docs.aws.amazon.com "Log fields for web ACL traffic"
//   - guardduty: GuardDuty finding JSON, docs.aws.amazon.com "GuardDuty
//     finding format"
//   - entra_signin: Microsoft Entra ID sign-in log (Graph signIn resource),
//     learn.microsoft.com "signIn resource type"
//
// Mail, messaging and payments
//   - qmail: qmail-send log (tai64n labels, qmail's underscored remote
//     replies), cr.yp.to/qmail and "Life with qmail"
//   - mailgun: Mailgun event webhook bodies (signature, event-data),
//     documentation.mailgun.com "Webhooks"
//   - vonage: Vonage SMS delivery receipt webhook (POST-JSON),
//     developer.vonage.com "Delivery receipts"
//   - kakaopay: 카카오페이 단건결제 ready/approve calls (KakaoAK and
//     SECRET_KEY authorization, form body, approve response),
//     developers.kakaopay.com "단건결제"
//   - datagokr: 공공데이터포털 open API calls with the serviceKey
//     (Encoding form) and 국세청 사업자등록 상태조회, data.go.kr API
//     활용가이드
//
// Korean business systems and devices
//   - etax: 전자세금계산서 XML (KEC 표준 TaxInvoice), 국세청 전자세금계산서
//     표준 전자문서 명세
//   - payroll: 급여 이체 CSV rows (사번, 성명, 주민등록번호, 은행, 계좌번호,
//     지급액…), as exported by HR payroll systems for 대량이체
//   - shop_orders: 쇼핑몰 주문 CSV export rows (주문자/수령인 연락처, 배송지,
//     환불 계좌), as shop admin consoles export them
//   - cti: 콜센터 CTI/IVR event logs (ANI/DNIS, IVR digits), vendor CTI
//     event naming (EVT_RINGING, EVT_ESTABLISHED)
//   - van_pos: VAN approval, POS MSR track 2 and ATM electronic journal
//     lines, ISO/IEC 7813 track 2 layout
//   - game_server: game login, payment and chat server logs (Google Play
//     GPA order ids), developer.android.com "Google Play Billing"
//   - mqtt_iot: MQTT device telemetry and provisioning JSON payloads
//     (fw, owner, broker credentials), vendor IoT platform payload docs
//   - cdr: telecom call detail record CSV (calling, called, times,
//     disposition, trunk, cell id)
//
// Every secret's Kind is a detector name of the masking processor's README;
// its class is "kind/how" (phone classes "phone/shape/how"), e.g.
// "secret/datagokr_service_key", "phone/na_intl_paren/logql_filter".
// Look-alike classes name what the value is ("version/quad", "tso").
package seventh
