package eighth

import "strings"

// Databases, query engines and data tooling.
var dbFormats = []format{
	{"vitess_querylog", Text, vitessQueryLog},
	{"percona_audit", XML, perconaAudit},
	{"pgpool", Text, pgpool},
	{"sybase_ase", Text, sybaseASE},
	{"informix", Text, informix},
	{"tibero", Text, tibero},
	{"altibase", CSV, altibase},
	{"bigquery_audit", JSON, bigqueryAudit},
	{"dbt", JSON, dbt},
	{"hbase", Text, hbase},
}

// Vitess vtgate query log (tab separated: Method, RemoteAddr, Username,
// ImmediateCaller, EffectiveCaller, Start, End, TotalTime, PlanTime,
// ExecuteTime, CommitTime, StmtType, SQL, BindVars, ShardQueries,
// RowsAffected, Error, TabletType).
func vitessQueryLog(b *builder) {
	c := b.clock()
	start := c.dt() + "." + b.digits(6)
	b.w("Execute\t", b.priv("tsv_host_port"), ":", b.num(30000, 65000), "\tvt_app\t\"vt_app\"\t\"\"\t", start, "\t", start, "\t0.00", b.digits(4), "\t0.0000", b.digits(2), "\t0.00", b.digits(4), "\t0.000000\t")
	switch b.n(3) {
	case 0:
		b.w(`INSERT	"insert into members(email, phone, created_at) values (:vtg1, :vtg2, now())"	map[vtg1:type:VARCHAR value:"`, b.email("vitess_bindvar"),
			`" vtg2:type:VARCHAR value:"`, b.mobile("vitess_bindvar"), `"]	1	1	""	PRIMARY`)
	case 1:
		b.w(`UPDATE	"update accounts set api_secret = '`, b.s("secret", "sql_set", b.alnum(32)), `' where account_id = `, b.a("counter/id", b.num(100000, 999999)), `"	map[]	1	1	""	PRIMARY`)
	default:
		b.w(`SELECT	"select order_id, status from orders where order_no = :vtg1"	map[vtg1:type:VARCHAR value:"`, b.order(), `"]	4	0	""	REPLICA`)
	}
}

// Percona Server audit log plugin, audit_log_format=OLD (one <AUDIT_RECORD> with attributes per line).
func perconaAudit(b *builder) {
	c := b.clock()
	ip := b.priv("xml_attr")
	b.w(`<AUDIT_RECORD NAME="Query" RECORD="`, b.num(1000, 99999), `_`, c.dt()[:10], `T`, c.hms(), `" TIMESTAMP="`, c.dt()[:10], `T`, c.hms(), ` UTC" COMMAND_CLASS="`)
	switch b.n(4) {
	case 0:
		b.w(`insert" CONNECTION_ID="`, b.num(10, 9999), `" STATUS="0" SQLTEXT="INSERT INTO customers (name, email, card_no) VALUES (&apos;`, b.korName(), `&apos;, &apos;`,
			b.email("xml_sql_apos"), `&apos;, &apos;`, b.card("xml_sql_apos"), `&apos;)"`)
	case 1:
		b.w(`create_user" CONNECTION_ID="`, b.num(10, 9999), `" STATUS="0" SQLTEXT="CREATE USER &apos;report&apos;@&apos;%&apos; IDENTIFIED BY &apos;`, b.pw("xml_identified_by"), `&apos;"`)
	case 2:
		b.w(`update" CONNECTION_ID="`, b.num(10, 9999), `" STATUS="0" SQLTEXT="UPDATE members SET jumin_no = &apos;`, b.rrn("xml_sql_set"), `&apos; WHERE member_id = `, b.a("counter/id", b.num(100000, 999999)), `"`)
	default:
		b.w(`select" CONNECTION_ID="`, b.num(10, 9999), `" STATUS="0" SQLTEXT="SELECT * FROM orders WHERE order_no = &apos;`, b.order(), `&apos; /* app=`, b.word(), ` ver=`, b.ver(), ` */"`)
	}
	b.w(` USER="app[app] @  [`, ip, `]" HOST="" OS_USER="" IP="`, ip, `" DB="shop"/>`)
}

// Pgpool-II log lines (log_line_prefix '%t: %a pid %p: ').
func pgpool(b *builder) {
	c := b.clock()
	b.w(c.dtMs("."), ": ", b.pick("psql", "[unknown]", "PostgreSQL JDBC Driver"), " pid ", b.num(1000, 60000), ": ")
	switch b.n(4) {
	case 0:
		b.w("LOG:  new connection received DETAIL:  connecting host=", b.ip("key_eq"), " port=", b.num(30000, 65000))
	case 1:
		b.w("LOG:  statement: UPDATE member SET resident_no = '", b.rrn("sql_set"), "', mobile = '", b.mobile("sql_set"), "' WHERE id = ", b.a("counter/id", b.num(1000, 99999)))
	case 2:
		if b.chance(0.5) {
			b.w("LOG:  statement: INSERT INTO api_clients (client_id, client_secret, created_at) VALUES ('web', '", b.s("secret", "sql_multirow_position", b.alnum(32)), "', now()), ('batch', '",
				b.s("secret", "sql_multirow_position", b.alnum(32)), "', now())")
			return
		}
		b.w("LOG:  pool_passwd: updated entry for user \"", b.pick("app", "report", "etl"), "\": ", b.s("secret", "pool_passwd_md5", "md5"+b.hex(32)))
	default:
		b.w("LOG:  DB node id: 1 backend pid: ", b.num(1000, 60000), " statement: SELECT status FROM jobs WHERE job_id = '", b.uuid(), "' -- took ", b.dur())
	}
}

// SAP ASE (Sybase) errorlog and the RUN_ server scripts' output.
func sybaseASE(b *builder) {
	c := b.clock()
	pre := "00:000" + b.num(1, 9) + ":00000:000" + b.digits(2) + ":" + strings.ReplaceAll(c.dt()[:10], "-", "/") + " " + c.hms() + "." + b.digits(2) + " "
	switch b.n(4) {
	case 0:
		b.w(pre, "server  Error: 4002, Severity: 14, State: 1 Login failed. Client host: ", b.ip("sentence"), " login: ", b.pick("sa", "app", "probe"))
	case 1:
		b.w(pre, "kernel  SQL Server/ASE version: Adaptive Server Enterprise/", b.a("version/ua", "16.0 SP04 PL0"+b.num(1, 6)), "/EBF ", b.num(30000, 31000), " SMP/P/x86_64/SLES 12.5/ase160sp04x/", b.num(3000, 4000))
	case 2:
		b.w("RUN_SYB01: isql -Usa -P", b.s("secret", "cli_glued_flag", b.password()), " -SSYB01 -w999 -i /opt/sybase/scripts/dbcc.sql  # ", b.a("timestamp/dt", c.dt()))
	default:
		b.w("1> exec sp_password '", b.s("secret", "isql_echo_sp_password", b.password()), "', '", b.s("secret", "isql_echo_sp_password", b.password()), "', app  -- isql -e ", b.a("timestamp/dt", c.dt()))
	}
}

// IBM Informix online.log and ESQL/C application traces.
func informix(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		ip := b.priv("user_at_ip")
		b.w(c.hms(), "  Listener-thread: err = -951: oserr = 0: errstr = app@", ip, ": Incorrect password or user app@", ip, " is not known on the database server.")
	case 1:
		b.w(c.hms(), "  [esql] EXEC SQL CONNECT TO 'stores@ol_informix' USER 'dbuser' USING '", b.pw("sql_using"), "'; sqlca.sqlcode=0 build ", b.quad())
	default:
		b.w(c.hms(), "  onstat -g his: Statement text: INSERT INTO card_tx (tx_id, pan, amt) VALUES ('", b.order(), "', '", b.card("sql_literal"), "', ", b.num(1000, 900000), ")")
	}
}

// Tibero slog lines ([timestamp] [TAG-thread] [level] message; DDL is logged
// as "Executing DDL: <statement>").
func tibero(b *builder) {
	c := b.clock()
	b.w("[", c.dt()[:10], "T", c.hms(), ".", b.digits(6), "] ")
	th := b.num(10, 199)
	switch b.n(3) {
	case 0:
		b.w("[DDL-", th, "] [I] Executing DDL: create user ", b.pick("batch", "report", "if_user"), " identified by ", b.s("secret", "ddl_identified_by", b.urlPassword()))
	case 1:
		b.w("[FRM-", th, "] [I] listener: accepted connection from ", b.priv("sentence"), " (jdbc:tibero:thin:@", b.priv("jdbc_url"), ":8629:tibero) sid=", b.num(10, 999))
	default:
		_, acct := b.acct("sql_where_column")
		b.w("[DDL-", th, "] [I] Executing DDL: create table TB_CUST_BAK as select * from TB_CUST where CUST_TEL = '", b.mobile("sql_where"), "' or ACCT_NO = '", acct, "'")
	}
}

// Altibase audit logs as altiAudit -s prints them (CSV: time, user, session,
// client IP, client type, app, action, autocommit, statement, transaction,
// execute and fetch results, success and failure counts, rows, memory, XA
// flag, seven elapsed times, SQL).
func altibase(b *builder) {
	action, sql := "", ""
	switch b.n(3) {
	case 0:
		action = "INSERT"
		sql = "insert into T_MEMBER (NAME, RRN, EMAIL) values ('" + b.korName() + "', '" + b.rrn("sql_insert_position") + "', '" + b.email("sql_insert_position") + "')"
	case 1:
		action = "ALTER USER"
		sql = "alter user APP identified by " + b.s("secret", "ddl_identified_by", b.urlPassword())
	default:
		action = "SELECT"
		sql = "select STATUS from T_ORDER where ORDER_NO = '" + b.order() + "'"
	}
	b.w(b.a("epoch_s", b.epochS()), ",", b.pick("SYS", "APP", "BATCH"), ",", b.num(1, 999), ",", b.ip("csv_column"), ",CLI-64LE,", b.pick("isql", "jdbc", "batch_load"), ",", action, ",1,",
		b.a("counter/statement_id", b.num(65536, 999999)), ",", b.a("counter/transaction_id", b.num(100000, 9999999)), ",4,", b.pick("1", "2"), ",1,0,1,0,0,", b.num(0, 9), ",0,0,0,0,", b.num(0, 9), ",0,\"", sql, "\"")
}

// BigQuery data access audit entries (Cloud Audit Logs, AuditData v2).
func bigqueryAudit(b *builder) {
	c := b.clock()
	b.w(`{"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog","authenticationInfo":{"principalEmail":"`, b.email("json_principal"),
		`"},"requestMetadata":{"callerIp":"`, b.pub("json_caller_ip"), `","callerSuppliedUserAgent":"gcloud-golang-bigquery/20160429 google-api-go-client/`, b.a("version/ua", b.version()), ` gl-go/1.22.`, b.num(1, 9), `"},`)
	b.w(`"serviceName":"bigquery.googleapis.com","methodName":"google.cloud.bigquery.v2.JobService.InsertJob","metadata":{"jobChange":{"job":{"jobName":"projects/acme-dw/jobs/`, b.a("job_id", "bquxjob_"+b.hex(8)+"_"+b.hex(12)), `","jobConfig":{"type":"QUERY","queryConfig":{"query":"`)
	switch b.n(3) {
	case 0:
		b.w(`SELECT order_id FROM shop.orders WHERE buyer_email = '`, b.email("json_sql_literal"), `'`)
	case 1:
		if b.chance(0.5) {
			b.w(`SELECT * FROM crm.customers WHERE phone = '`, b.s("phone", "json_sql_literal_intl", b.krIntl()), `'`)
		} else {
			b.w(`SELECT * FROM crm.us_leads WHERE phone = '`, b.s("phone", "na_intl_paren", b.usParen()), `'`)
		}
	default:
		b.w(`SELECT COUNT(*) FROM logs.events WHERE trace = '`, b.trace(), `'`)
	}
	b.w(`"}}}}}},"insertId":"`, b.a("insert_id", b.lowerAlnum(12)), `","timestamp":"`, c.iso(), `","severity":"INFO"}`)
}

// dbt structured logs (--log-format json).
func dbt(b *builder) {
	c := b.clock()
	b.w(`{"info":{"category":"","code":"`, b.pick("A001", "E017", "Q011", "Z051"), `","extra":{},"invocation_id":"`, b.uuid(), `","level":"`, b.pick("info", "debug"), `","msg":"`)
	switch b.n(3) {
	case 0:
		b.w(`Running with dbt=`, b.vv("1.8.", 0, 9), ` invocation command: dbt run --select marts --vars '{\"api_token\": \"`, b.s("secret", "json_escaped_inner", b.opaqueToken()), `\"}'`)
	case 1:
		b.w(`On model.shop.stg_members: insert into stg.members (email, tel) values ('`, b.email("json_sql_literal"), `', '`, b.mobile("json_sql_literal"), `')`)
	default:
		b.w(`Using snowflake connection \"default\" account=acme.ap-northeast-2 password=`, b.pw("json_msg_key_eq"), ` warehouse=TRANSFORM`)
	}
	b.w(`","name":"`, b.pick("MainReportVersion", "SQLQuery", "ConnectionUsed"), `","pid":`, b.num(1000, 90000), `,"thread":"MainThread","ts":"`, c.iso(), `"}}`)
}

// Apache HBase RegionServer / Master log (log4j2 default layout).
func hbase(b *builder) {
	c := b.clock()
	b.w(c.dtMs(","), " ", b.pick("INFO ", "WARN ", "ERROR"), " [RpcServer.default.FPBQ.Fifo.handler=", b.num(0, 29), ",queue=", b.num(0, 2), ",port=16020] ")
	switch b.n(3) {
	case 0:
		b.w("ipc.RpcServer: (responseTooSlow): {\"call\":\"Scan(org.apache.hadoop.hbase.shaded.protobuf.generated.ClientProtos$ScanRequest)\",\"starttimems\":", b.epochMs(),
			",\"processingtimems\":", b.num(10000, 90000), ",\"client\":\"", b.priv("json_host_port"), ":", b.num(30000, 65000), "\",\"queuetimems\":0,\"class\":\"HRegionServer\"}")
	case 1:
		b.w("regionserver.HRegion: Row too large: table=crm:member row=member#", b.s("phone", "rowkey", b.krMobile("")), " family=info size=", b.num(100000000, 900000000))
	default:
		b.w("access.AccessController: Access denied for user kim; reason: Insufficient permissions; remote address: /", b.priv("slash_prefixed"), "; request: scan; context: (user=", b.email("key_eq_paren"), ", scope=crm:member)")
	}
}
