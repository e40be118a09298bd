package fifth

import (
	"fmt"
	"strings"
)

// Databases, search, data pipelines, messaging and monitoring.

func registerData() {
	register("cassandra", cassandra)
	register("clickhouse", clickhouse)
	register("solr", solr)
	register("airflow", airflow)
	register("spark", spark)
	register("ibmmq", ibmmq)
	register("activemq", activemq)
	register("mosquitto", mosquitto)
	register("coredns", coredns)
	register("consul", consul)
	register("nagios", nagios)
	register("zabbix", zabbix)
}

func cassandra(g *gen) string {
	if g.chance(0.35) {
		return fmt.Sprintf("DEBUG [ScheduledTasks:1] %s %s,%03d MonitoringTask.java:173 - 1 operations were slow in the last %d msecs:\n<SELECT * FROM shop.orders WHERE customer_email = %s LIMIT 100>, time %d msec - slow timeout 500 msec",
			g.date(), g.clock(), g.n(0, 999), g.n(5000, 5010), g.s("email", "email/cql_unquoted", g.email()), g.n(501, 3000))
	}
	head := fmt.Sprintf("user:%s|host:%s:7000|source:/%s|port:%s|timestamp:%s|", g.pick("cassandra", "app_rw", "etl"), g.ip("pipe_kv"), g.ip("slash_prefixed"), g.port(), g.l("timestamp/epoch_ms", g.epochMs()))
	switch g.r.IntN(4) {
	case 3:
		_, acct := g.bankAccount()
		return head + fmt.Sprintf("type:UPDATE|category:DML|ks:shop|scope:refunds|operation:UPDATE shop.refunds SET bank_code = '%s', account_no = '%s', holder = '%s' WHERE order_id = '%s';",
			g.pick("004", "088", "020"), g.s("bank_account", "bank_account/sql_set", acct), g.nameKo(), g.l("id/order", g.orderID()))
	case 0:
		if g.chance(0.4) { // newer releases obfuscate the password in the audit log
			return head + fmt.Sprintf("type:CREATE_ROLE|category:DCL|operation:CREATE ROLE %s WITH PASSWORD = '%s' AND LOGIN = true;", g.userID(), g.l("placeholder", "*******"))
		}
		return head + fmt.Sprintf("type:CREATE_ROLE|category:DCL|operation:CREATE ROLE %s WITH PASSWORD = '%s' AND LOGIN = true;", g.userID(), g.s("secret", "secret/cql_with_password", g.password()))
	case 1:
		return head + fmt.Sprintf("type:SELECT|category:QUERY|ks:shop|scope:customers|operation:SELECT id, name, phone FROM shop.customers WHERE email = '%s' LIMIT 10;", g.s("email", "email/cql_literal", g.email()))
	default:
		f, b := g.rrn()
		return head + fmt.Sprintf("type:INSERT|category:DML|ks:shop|scope:customers|operation:INSERT INTO shop.customers (id, email, phone, rrn, created_at) VALUES (%s, '%s', '%s', '%s', '%s');",
			g.l("id/uuid", g.uuid()), g.s("email", "email/sql_values", g.email()), g.s("phone", "phone/sql_values", g.krMobile("-")), g.s("kr_rrn", "kr_rrn/sql_values", f+"-"+b), g.l("timestamp/iso", g.isoTime()))
	}
}

func clickhouse(g *gen) string {
	qid := g.l("id/uuid", g.uuid())
	ts := fmt.Sprintf("2024.%02d.%02d %s.%06d [ %d ] {%s}", g.n(1, 12), g.n(1, 28), g.clock(), g.n(0, 999999), g.n(100, 9999), qid)
	var from string
	k := g.r.IntN(6)
	if k != 3 && k != 4 {
		from = fmt.Sprintf("(from %s:%s, user: %s)", g.ip("from_paren"), g.port(), g.pick("default", "etl", "app"))
	}
	switch k {
	case 5:
		row := func() string {
			_, acct := g.bankAccount()
			return fmt.Sprintf("(%d, '%s', '%s', '%s', '%s')", g.n(1, 999999), g.userID(), g.s("access_key", "access_key/sql_values_multirow", g.awsKeyID()), g.s("secret", "secret/sql_values_multirow", g.awsSecret()), g.s("bank_account", "bank_account/sql_values_multirow", acct))
		}
		return fmt.Sprintf("%s <Debug> executeQuery: %s INSERT INTO ops.partner_settlement (id, owner, access_key, secret, account_no) VALUES %s, %s", ts, from, row(), row())
	case 0:
		return fmt.Sprintf("%s <Debug> executeQuery: %s INSERT INTO shop.users (id, email, phone, password_hash, signup_ip) VALUES (%d, '%s', '%s', '%s', '%s')",
			ts, from, g.n(1, 999999), g.s("email", "email/sql_values", g.email()), g.s("phone", "phone/sql_values", g.krMobile("-")), g.s("secret", "secret/sql_values_password_hash", g.sha256()), g.ip("sql_values"))
	case 1:
		if g.chance(0.5) {
			return fmt.Sprintf("%s <Debug> executeQuery: %s CREATE USER %s IDENTIFIED WITH sha256_password BY '%s'", ts, from, g.userID(), g.l("placeholder", "[HIDDEN]"))
		}
		return fmt.Sprintf("%s <Debug> executeQuery: %s CREATE USER %s IDENTIFIED WITH sha256_password BY '%s' DEFAULT ROLE analyst", ts, from, g.userID(), g.s("secret", "secret/sql_identified_by", g.password()))
	case 2:
		return fmt.Sprintf("%s <Debug> executeQuery: %s INSERT INTO raw.events SELECT * FROM s3('https://acme-raw.s3.ap-northeast-2.amazonaws.com/events/%s/*.parquet', '%s', '%s', 'Parquet')",
			ts, from, g.date(), g.s("access_key", "access_key/sql_function_arg", g.awsKeyID()), g.s("secret", "secret/aws_secret_positional", g.awsSecret()))
	case 3:
		return fmt.Sprintf("%s <Information> executeQuery: Read %s rows, %d.%02d KiB in %s sec., %d rows/sec., %d.%02d MiB/sec.", ts, g.l("count", g.num(1000, 9999999)), g.n(1, 999), g.n(0, 99), g.l("duration/seconds", "0."+g.digits(6)), g.n(1000, 999999), g.n(1, 99), g.n(0, 99))
	default:
		v := g.num(22, 24) + "." + g.num(1, 12) + "." + g.num(1, 20) + "." + g.num(1, 99)
		return fmt.Sprintf("%s <Information> Application: Starting ClickHouse %s (revision: %d, git hash: %s, build id: %s), PID %d", ts, g.l("version/banner_space", v), g.n(54400, 54499), g.l("id/commit", g.sha1()), strings.ToUpper(g.chars(40, lowerHex)), g.n(1, 99999))
	}
}

func solr(g *gen) string {
	ts := fmt.Sprintf("%s %s.%03d", g.date(), g.clock(), g.n(0, 999))
	core := fmt.Sprintf("[c:customers s:shard%d r:core_node%d x:customers_shard%d_replica_n%d]", g.n(1, 4), g.n(1, 9), g.n(1, 4), g.n(1, 9))
	var q string
	switch g.r.IntN(3) {
	case 0:
		q = `q=email:"` + g.s("email", "email/solr_query_quoted", g.email()) + `"`
	case 1:
		q = "q=email:" + g.s("email", "email/percent_query", pct(g.email()))
	default:
		q = "q=phone:" + g.s("phone", "phone/solr_query", g.krMobile("-"))
	}
	return fmt.Sprintf("%s INFO  (qtp%d-%d) %s o.a.s.c.S.Request webapp=/solr path=/select params={%s&fl=id,name,grade&wt=json&rows=10&_=%s} hits=%d status=0 QTime=%s",
		ts, g.n(100000, 999999), g.n(10, 99), core, q, g.l("timestamp/epoch_ms", g.epochMs()), g.n(0, 5), g.l("count/qtime", g.num(1000, 9999)))
}

func airflow(g *gen) string {
	ts := fmt.Sprintf("[2024-%02d-%02d, %s KST]", g.n(1, 12), g.n(1, 28), g.clock())
	switch g.r.IntN(7) {
	case 6:
		return fmt.Sprintf("%s {pod_manager.py:%d} INFO - Pod etl-loader-%s has phase Running; image registry.example.com/etl/loader:%s on node %s", ts, g.n(300, 500), g.chars(8, lowerNum), g.l("version/image_tag", "v"+g.ver4()), g.ip("prose_on"))
	case 5:
		return fmt.Sprintf(`%s {connection.py:%d} INFO - Connection extra for 'aws_etl': {"region_name": "ap-northeast-2", "aws_access_key_id": "%s", "aws_secret_access_key": "%s"}`, ts, g.n(200, 500), g.s("access_key", "access_key/json_value", g.awsKeyID()), g.s("secret", "secret/json_aws_secret_key", g.awsSecret()))
	case 0:
		return fmt.Sprintf("%s {subprocess.py:93} INFO - Running command: ['/usr/bin/bash', '-c', 'PGPASSWORD=%s psql -h %s -U etl -d dw -f /opt/sql/load_%s.sql']", ts, g.s("secret", "secret/env_prefix_cmd", g.password()), g.ip("cli_host"), g.l("date", g.date()))
	case 1:
		return fmt.Sprintf("%s {base.py:83} INFO - Using connection ID 'pg_dw' for task execution.\n%s {logging_mixin.py:188} INFO - conn uri: postgresql://etl:%s@%s:5432/dw", ts, ts, g.s("secret", "secret/url_password", g.password()), g.ip("url_host"))
	case 2:
		return fmt.Sprintf("%s {http.py:175} INFO - Sending 'POST' to url: https://api.partner.example.com/v1/sync?api_key=%s&since=%s", ts, g.s("secret", "secret/query_api_key", g.hexToken(32)), g.l("timestamp/epoch_s", g.epochS()))
	case 3:
		return fmt.Sprintf("%s {taskinstance.py:2193} INFO - Starting attempt %d of 3\n%s {taskinstance.py:2214} INFO - Executing <Task(PythonOperator): load> on %s\n%s {standard_task_runner.py:60} INFO - Started process %d to run task",
			ts, g.n(1, 3), ts, g.l("id/airflow_run", "scheduled__"+g.date()+"T00:00:00+00:00"), ts, g.n(1000, 99999))
	default:
		return fmt.Sprintf("%s {bash.py:186} INFO - Running command: mysql -h %s -u report -p'%s' -e \"SELECT email FROM users WHERE id=%d\" > /tmp/out.csv", ts, g.ip("cli_host"), g.s("secret", "secret/cli_flag_quoted", g.password()), g.n(1, 99999))
	}
}

func spark(g *gen) string {
	ts := fmt.Sprintf("%02d/%02d/%02d %s", 24, g.n(1, 12), g.n(1, 28), g.clock())
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%s INFO TaskSetManager: Finished task %d.0 in stage %d.0 (TID %d) in %s ms on %s (executor %d) (%d/200)", ts, g.n(0, 199), g.n(1, 30), g.n(1, 9999), g.l("count/ms", g.num(100, 99999)), g.ip("prose_on"), g.n(1, 20), g.n(1, 200))
	case 1:
		return fmt.Sprintf("%s INFO SparkContext: Running Spark version %s\n%s INFO SparkSubmit: Spark properties used, including those specified through --conf:\n(spark.hadoop.fs.s3a.secret.key,%s)\n(spark.hadoop.fs.s3a.endpoint,s3.ap-northeast-2.amazonaws.com)",
			ts, g.l("version/keyed", "3.5."+g.num(0, 3)), ts, g.l("placeholder", "*********(redacted)"))
	case 2:
		return fmt.Sprintf("%s INFO SparkLauncher: Launch command: spark-submit --master yarn --deploy-mode cluster --conf spark.hadoop.fs.s3a.access.key=%s --conf spark.hadoop.fs.s3a.secret.key=%s --class com.example.etl.Daily s3a://acme-jobs/etl-%s.jar",
			ts, g.s("access_key", "access_key/cli_conf", g.awsKeyID()), g.s("secret", "secret/cli_conf_secret_key", g.awsSecret()), g.l("version/artifact", "2."+g.num(0, 9)+"."+g.num(0, 20)))
	case 3:
		return fmt.Sprintf("%s WARN TaskSetManager: Lost task %d.0 in stage %d.0 (TID %d) (%s executor %d): org.apache.spark.SparkException: Malformed record: {\"user_email\":\"%s\",\"card_no\":\"%s\"}",
			ts, g.n(0, 199), g.n(1, 30), g.n(1, 9999), g.ip("prose_paren"), g.n(1, 20), g.s("email", "email/json_in_exception", g.email()), g.s("payment_card", "payment_card/json_value", g.card()))
	default:
		return fmt.Sprintf("%s INFO BlockManagerInfo: Added broadcast_%d_piece0 in memory on %s:%s (size: %d.%d KiB, free: 4.1 GiB)", ts, g.n(0, 99), g.ip("host_port"), g.port(), g.n(1, 99), g.n(0, 9))
	}
}

func ibmmq(g *gen) string {
	if g.chance(0.3) {
		return fmt.Sprintf("DEFINE AUTHINFO(LDAP.AUTH) AUTHTYPE(IDPWLDAP) CONNAME('%s(636)') SECCOMM(YES) LDAPUSER('cn=mq,ou=svc,dc=example,dc=com') LDAPPWD('%s') SHORTUSR('uid') REPLACE\nAMQ8563I: IBM MQ authentication information object created.",
			g.ip("mqsc_conname"), g.s("secret", "secret/mqsc_ldappwd", g.password()))
	}
	vrmf := g.l("version/vrmf", "9."+g.num(2, 4)+".0."+g.num(1, 25))
	ip := g.ip("mq_paren")
	msg := g.pick(
		fmt.Sprintf("AMQ9557E: Queue Manager User ID initialization failed for '%s'.", g.userID()),
		fmt.Sprintf("AMQ5534E: User ID '%s' authentication failed", g.userID()),
		fmt.Sprintf("AMQ9209E: Connection to host 'app01 (%s)(%s)' for channel 'APP.SVRCONN' closed.", ip, g.port()),
	)
	return fmt.Sprintf(`%02d/%02d/2024 %02d:%02d:%02d AM - Process(%d.%d) User(mqm) Program(amqrmppa)
                    Host(mqhost01) Installation(Installation1)
                    VRMF(%s) QMgr(QM1)
                    Time(%s)
                    RemoteHost(%s)
                    CommentInsert1(app01)
                    CommentInsert2(%s)
                    CommentInsert3(APP.SVRCONN)

%s`, g.n(1, 12), g.n(1, 28), g.n(1, 11), g.n(0, 59), g.n(0, 59), g.n(1000, 99999), g.n(1, 99), vrmf, g.l("timestamp/iso", g.isoTime()), ip, ip, msg)
}

func activemq(g *gen) string {
	ts := fmt.Sprintf("%s %s,%03d", g.date(), g.clock(), g.n(0, 999))
	switch g.r.IntN(4) {
	case 0:
		ip := g.ip("url_host")
		return fmt.Sprintf("%s | WARN  | Security error occurred on connection to: tcp://%s:%s, User name [%s] or password is invalid. | org.apache.activemq.broker.TransportConnection.Service | ActiveMQ Transport: tcp:///%s:%s@61616", ts, ip, g.port(), g.userID(), ip, g.port())
	case 1:
		return fmt.Sprintf("%s | INFO  | Apache ActiveMQ %s (localhost, ID:mq01-%d-%s-0:1) is starting | org.apache.activemq.broker.BrokerService | main", ts, g.l("version/banner", "5.18."+g.num(1, 4)), g.n(30000, 60000), g.l("timestamp/epoch_ms", g.epochMs()))
	case 2:
		return fmt.Sprintf(`%s | DEBUG | Sending message: ActiveMQTextMessage {commandId = %d, responseRequired = true, messageId = ID:app01-%d-%s-1:1:1:1:1, destination = queue://orders.created, text = {"orderId":"%s","email":"%s","phone":"%s","amount":%d,"auth":"{\"userId\":\"%s\",\"email\":\"%s\",\"pwd\":\"%s\"}"}} | org.apache.activemq.broker.region.Queue | ActiveMQ Transport: tcp:///%s:%s@61616`,
			ts, g.n(1, 99), g.n(30000, 60000), g.epochMs(), g.l("id/order", g.orderID()), g.s("email", "email/json_value", g.email()), g.s("phone", "phone/json_value", g.krMobile("-")), g.n(1000, 990000), g.userID(), g.s("email", "email/escaped_json", g.email()), g.s("secret", "secret/escaped_json_pwd", g.password()), g.ip("url_host"), g.port())
	default:
		return fmt.Sprintf("%s | INFO  | Connector openwire started | org.apache.activemq.broker.TransportConnector | main", ts)
	}
}

func mosquitto(g *gen) string {
	ts := g.l("timestamp/epoch_s", g.epochS()) + ": "
	client := "sensor-" + g.digits(4)
	switch g.r.IntN(5) {
	case 0:
		ip := g.ip("prose_from")
		return fmt.Sprintf("%sNew connection from %s:%s on port 8883.\n%sNew client connected from %s:%s as %s (p2, c1, k60, u'%s').", ts, ip, g.port(), ts, ip, g.port(), client, g.pick("device01", g.userID()))
	case 1:
		return fmt.Sprintf("%sSending PUBLISH to %s (d0, q1, r0, m%d, 'home/%s/location', ... (%s bytes))", ts, client, g.n(1, 65000), g.userID(), g.l("bytes", g.num(10, 999)))
	case 2:
		return fmt.Sprintf("%sexec: mosquitto_pub -h broker.example.com -p 8883 -u %s -P '%s' -t sensors/%d -m '{\"temp\":%d.%d}'", ts, g.pick("device01", "gw-2"), g.s("secret", "secret/cli_flag_P", g.password()), g.n(1, 99), g.n(10, 35), g.n(0, 9))
	case 3:
		return fmt.Sprintf(`%sdynsec: {"commands":[{"command":"createClient","username":"%s","password":"%s","clientid":"%s","textname":"%s"}]}`, ts, g.userID(), g.s("secret", "secret/json_password", g.password()), client, g.s("email", "email/json_value", g.email()))
	default:
		return fmt.Sprintf("%smosquitto version %s running\n%sOpening ipv4 listen socket on port 1883.", ts, g.l("version/banner", "2.0."+g.num(10, 18)), ts)
	}
}

func coredns(g *gen) string {
	if g.chance(0.1) {
		return fmt.Sprintf("CoreDNS-%s\nlinux/amd64, go1.21.%d, %s", g.l("version/banner", "1.11."+g.num(1, 3)), g.n(1, 9), g.l("id/commit_short", g.chars(7, lowerHex)))
	}
	var client string
	if g.chance(0.25) {
		client = "[" + g.s("ipv6", "ipv6/bracket_port", g.ipv6()) + "]"
	} else {
		client = g.ip("host_port")
	}
	return fmt.Sprintf(`[INFO] %s:%s - %d "%s IN %s. udp %d false 512" %s qr,rd,ra %d %s`, client, g.port(), g.n(1, 65535), g.pick("A", "AAAA", "SRV", "PTR"), g.pick("api.example.com", "kubernetes.default.svc.cluster.local", "pay.internal"), g.n(30, 90), g.pick("NOERROR", "NXDOMAIN"), g.n(60, 300), g.l("duration/seconds", "0.000"+g.digits(3)+"s"))
}

func consul(g *gen) string {
	ts := fmt.Sprintf("%sT%s.%03d+0900", g.date(), g.clock(), g.n(0, 999))
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s [DEBUG] agent.http: Request finished: method=GET url=/v1/kv/app/db?token=%s from=%s:%s latency=%s", ts, g.l("placeholder", "<hidden>"), g.ip("kv_from"), g.port(), g.l("duration/ms", g.num(1, 90)+"."+g.digits(3)+"ms"))
	case 1:
		return fmt.Sprintf("%s [INFO]  agent.server.raft: heartbeat timeout reached, starting election: last-leader-addr=%s:8300 last-leader-id=%s", ts, g.ip("kv_addr"), g.l("id/uuid", g.uuid()))
	case 2:
		return fmt.Sprintf("AccessorID:       %s\nSecretID:         %s\nDescription:      ci deploy token\nLocal:            false\nCreate Time:      %s %s +0900 KST", g.l("id/uuid", g.uuid()), g.s("secret", "secret/consul_secret_id", g.uuid()), g.date(), g.clock())
	default:
		return fmt.Sprintf("%s [INFO]  agent: exec: consul kv get -http-addr=https://%s:8501 -token=%s app/config", ts, g.ip("url_host"), g.s("secret", "secret/cli_token_flag", g.uuid()))
	}
}

func nagios(g *gen) string {
	if g.chance(0.4) {
		ts := fmt.Sprintf("[%s %s +0900]", g.date(), g.clock())
		if g.chance(0.5) {
			return fmt.Sprintf("%s information/ApiListener: New client connection for identity '%s.example.com' from [%s]:%s", ts, g.pick(hosts...), g.ip("bracket_port"), g.port())
		}
		return fmt.Sprintf("%s warning/PluginCheckTask: Check command for object 'db01!mysql' (PID: %d, arguments: '/usr/lib/nagios/plugins/check_mysql' '-H' '%s' '-u' 'icinga' '-p' '%s') terminated with exit code 128, output: Can't connect to MySQL server",
			ts, g.n(1000, 99999), g.ip("quoted_arg"), g.s("secret", "secret/cli_quoted_args", g.password()))
	}
	ts := "[" + g.l("timestamp/epoch_s", g.epochS()) + "]"
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s SERVICE ALERT: %s;HTTP;CRITICAL;HARD;3;CRITICAL - Socket timeout after 10 seconds", ts, g.pick(hosts...))
	case 1:
		return fmt.Sprintf("%s SERVICE NOTIFICATION: %s;%s;HTTP;CRITICAL;notify-service-by-email;CRITICAL - %s: Connection refused", ts, g.s("email", "email/semicolon_field", g.email()), g.pick(hosts...), g.ip("prose"))
	case 2:
		return fmt.Sprintf("%s Raw Command Output: /usr/lib/nagios/plugins/check_http -H %s -u /admin -a %s:%s -S", ts, g.ip("cli_host"), "monitor", g.s("secret", "secret/cli_auth_pair", g.password()))
	default:
		return fmt.Sprintf("%s HOST ALERT: %s;DOWN;HARD;%d;PING CRITICAL - Packet loss = 100%%, RTA = %s", ts, g.pick(hosts...), g.n(1, 5), g.l("duration/ms", g.num(1, 900)+"."+g.digits(2)+" ms"))
	}
}

func zabbix(g *gen) string {
	ts := fmt.Sprintf("%6d:2024%02d%02d:%02d%02d%02d.%03d", g.n(100, 99999), g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59), g.n(0, 59), g.n(0, 999))
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s cannot connect to [[%s]:10050]: [111] Connection refused", ts, g.ip("double_bracket"))
	case 1:
		return fmt.Sprintf("%s item \"web01:web.page.get[https://admin:%s@%s/server-status]\" became not supported: Cannot connect", ts, g.s("secret", "secret/url_password", g.password()), g.ip("url_host"))
	case 2:
		return fmt.Sprintf("%s executing script: /usr/lib/zabbix/alertscripts/sms.sh '%s' 'PROBLEM: %s is unreachable'", ts, g.s("phone", "phone/e164", g.e164()), g.pick(hosts...))
	default:
		return fmt.Sprintf("%s Starting Zabbix Server. Zabbix %s (revision %s).", ts, g.l("version/banner", "6.0."+g.num(20, 30)), g.l("id/commit_short", g.chars(8, lowerHex)))
	}
}
