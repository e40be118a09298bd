// Package eighth generates the eighth, independent masking corpus: lines of
// 56 log, audit, webhook and message-dump formats that none of the seven
// earlier corpora has, each with the ground truth of every planted secret
// (the detector that must find it and a finer class) and of the look-alikes
// that must come through unchanged.
//
// It was written from the public documentation of the formats, the masking
// processor's user README and issue 11 only; never from the engine, its
// tests or the other generators' templates, and the engine was never run
// on it before its first contact. Formats and the documentation they follow:
//
// Observability and host daemons (obs.go):
//   - tempo: Grafana Tempo server logs (go-kit logfmt), grafana.com/docs/tempo "Configuration", "TraceQL"
//   - istio_config_dump: Envoy admin /config_dump resources of an Istio sidecar (RouteConfiguration, ClusterLoadAssignment, ExtAuthz), envoyproxy.io "Administration interface", istio.io "Debugging Envoy and Istiod"
//   - containerd: containerd daemon logs (logrus text) incl. CRI CreateContainer debug and remotes request headers, containerd.io docs, github.com/containerd/containerd "docs/cri"
//   - etcd: etcd server zap JSON logs, etcd.io "Logging", "Role-based access control" (simple tokens)
//   - datadog_agent: Datadog Agent logs ("date UTC | CORE | LEVEL | (file:line in func) | msg"), docs.datadoghq.com "Agent log files", "agent check"
//   - newrelic_java: New Relic Java agent log with audit_mode, docs.newrelic.com "Java agent logging", "audit_mode"
//   - dynatrace_oneagent: Dynatrace OneAgent installer and agent logs, docs.dynatrace.com "Customize OneAgent installation on Linux", "Tokens and authentication"
//   - podman: Podman with --log-level=debug (logrus text, the command echoed in PersistentPreRunE), docs.podman.io "podman(1)"
//   - systemd_resolved: systemd-resolved journal lines (journalctl -o short-iso) and resolvectl status, freedesktop.org "systemd-resolved.service(8)", "resolvectl(1)"
//   - chrony: chrony measurements.log, chronyc sources, chrony.keys, chrony-project.org "chrony.conf(5)", "chronyc(1)"
//
// Databases and data tools (db.go):
//   - vitess_querylog: Vitess vtgate query log (tab separated), vitess.io "Query log"
//   - percona_audit: Percona Server audit_log plugin, XML with attributes (audit_log_format=OLD), docs.percona.com "Audit log plugin"
//   - pgpool: Pgpool-II server log (log_line_prefix, log_statement, pool_passwd), pgpool.net "Server configuration: Logging", "pg_md5"
//   - sybase_ase: SAP ASE errorlog and isql -e echoed input, help.sap.com "SAP ASE Troubleshooting: error log", "isql utility"
//   - informix: IBM Informix online.log (message log) and ESQL/C CONNECT, ibm.com/docs "Informix message log", "CONNECT statement"
//   - tibero: Tibero slog (system log; DDL statements logged as executed), technet.tmaxsoft.com "Tibero 관리자 안내서: 로그", support.tibero.com "ILOG User Guide"
//   - altibase: Altibase audit logs in altiAudit -s CSV, docs.altibase.com "Utilities Manual: altiAudit", "Altibase Trace Logs"
//   - bigquery_audit: BigQuery audit logs (AuditData / BigQueryAuditMetadata in Cloud Audit Logs), cloud.google.com "BigQuery audit logs reference"
//   - dbt: dbt structured logs (--log-format json), docs.getdbt.com "Events and logs"
//   - hbase: Apache HBase RegionServer log (responseTooSlow, AccessController), hbase.apache.org "The Apache HBase Reference Guide"
//
// Application servers, frameworks and mobile (app.go):
//   - resin: Caucho Resin 4 log, caucho.com "Resin logging"
//   - nginx_unit: NGINX Unit unit.log and control API calls, unit.nginx.org "Configuration", "Troubleshooting"
//   - openresty: OpenResty error log with ngx.log output of lua-nginx-module, github.com/openresty/lua-nginx-module "ngx.log"
//   - laravel: Laravel logs (Monolog LineFormatter, QueryException), laravel.com/docs "Logging"
//   - symfony: Symfony logs (request, security and doctrine channels), symfony.com/doc "Logging"
//   - micronaut: Micronaut default logback pattern and HTTP client/server TRACE, docs.micronaut.io "Logging", "HTTP Client"
//   - authelia: Authelia logs (logrus text), authelia.com "Configuration: Miscellaneous: Logging"
//   - erlang_logger: Erlang/OTP logger single_line formatter (gen_server crash and supervisor reports), erlang.org "logger_formatter"
//   - android_timber: Android logcat threadtime lines written with Timber's DebugTree, developer.android.com "Logcat command-line tool", github.com/JakeWharton/timber
//   - ios_oslog: Apple unified logging `log show` default style, developer.apple.com "Logging", "Generating log messages from your code" (privacy, <private>)
//
// Security, network, CDN and telecom (net.go):
//   - defender_mplog: Microsoft Defender Antivirus MPLog and detection lines, learn.microsoft.com "Collect diagnostic data of Microsoft Defender Antivirus"
//   - unifi: Ubiquiti UniFi device remote syslog and system.cfg, help.ui.com "UniFi - Remote Logging"
//   - fortiauthenticator: FortiAuthenticator syslog, docs.fortinet.com "FortiAuthenticator Log Reference"
//   - sophos_xg: Sophos Firewall (SFOS) syslog, docs.sophos.com "Sophos Firewall log file details"
//   - barracuda_waf: Barracuda Web Application Firewall web firewall and access logs, campus.barracuda.com "Web Firewall Logs", "Access Logs"
//   - fastly: Fastly real-time log streaming in its JSON example format, docs.fastly.com "Useful log variables", "Custom log formats"
//   - nps_dts: Windows NPS accounting, DTS-compliant XML, learn.microsoft.com "Interpret NPS database format log files" / "Configure Network Policy Server accounting"
//   - diameter: freeDiameter message dumps (fd_msg_dump_treeview AVP lines) of Gx/Gy, freediameter.net docs; RFC 6733, RFC 4006
//   - modbus_gateway: Moxa MGate Modbus gateway syslog and configuration export, moxa.com "MGate 5105-MB-EIP user manual"
//
// Developer platforms, streaming and ERP (dev.go):
//   - gerrit: Gerrit sshd_log and error_log (replication), gerrit-review.googlesource.com "Logs", "replication plugin"
//   - bitbucket: Bitbucket Data Center access log and application log (secret scanning), confluence.atlassian.com "Bitbucket Data Center logging", "Secret scanning"
//   - sonarqube: SonarQube server logs (ce.log, web.log) and scanner command lines, docs.sonarsource.com "Server logs", "SonarScanner CLI"
//   - nexus: Sonatype Nexus Repository nexus.log and npm's .npmrc _auth, help.sonatype.com "Logging", "npm registry"
//   - harbor: Harbor core logs, goharbor.io "Harbor log files"
//   - ksqldb: ksqlDB processing log (JSON) and server statements, docs.ksqldb.io "Processing log"
//   - pulsar: Apache Pulsar broker log and token authentication, pulsar.apache.org "Authentication using tokens"
//   - nifi: Apache NiFi nifi-app.log / nifi-user.log, nifi.apache.org "System Administrator's Guide"
//   - sap_icm: SAP ICM dev_icm traces, help.sap.com "Internet Communication Manager: Trace", "sap-user / sap-password URL parameters"
//   - peoplesoft: PeopleSoft application server log (APPSRV_mmdd.LOG) and psappsrv.cfg [Startup] lines, docs.oracle.com "PeopleTools: System and Server Administration"
//
// Mail, messaging and Korean business systems (kr.go):
//   - sendgrid_event: SendGrid Event Webhook events, docs.sendgrid.com "Event Webhook Reference"
//   - courier_mta: Courier MTA (courieresmtpd, imapd, authdaemond DEBUG_LOGIN) syslog, courier-mta.org "courier(8)", "authlib"
//   - kr_carrier_sms: a Korean carrier bulk-messaging API (KT/SKT/LG U+ style) request log, the carriers' 기업메시징 API guides
//   - naverpay: 네이버페이 결제 승인 조회 응답 (payment detail), developer.pay.naver.com "결제 API"
//   - nhis_edi: 건강보험 EDI 청구·지급 송수신 로그, 건강보험심사평가원 / 국민건강보험공단 EDI 안내
//   - haksa_csv: 학사행정 장학금 지급 대상 export (CSV with a header row), 대학 학사정보시스템 layouts
//   - wms: 물류 WMS 출고·배송·반품 처리 로그, 택배 운송장 / WMS vendor layouts
//
// Every secret's Kind is a detector name of the masking processor's README;
// its class is "kind/how", e.g. "phone/na_intl_paren", "secret/sql_multirow_position".
// Look-alike classes name what the value is ("version/quad", "uuid").
// Values an auditor could argue either way (MAC addresses, an OAuth
// `state` nonce, chrony's hexadecimal refid, a Dynatrace tenant URL) are
// written but claimed neither way.
package eighth
