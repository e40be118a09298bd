package seventh

import (
	"fmt"
	"strings"
)

// Databases and query engines: CockroachDB, TiDB, the MariaDB audit
// plugin, PgBouncer, Oracle's XML audit trail, SQL Server Extended
// Events, Trino, Snowflake query history, Hadoop (HDFS, YARN, Hive).

func cockroach(b *builder) {
	d, h, m, s, f := b.tsParts()
	b.w(fmt.Sprintf("I2612%02d %02d:%02d:%02d.%06d %d ", d, h, m, s, f, b.n(100, 9999)))
	switch b.r.IntN(4) {
	case 0:
		b.w(`9@util/log/event_log.go:32 ⋮ [n`, b.intn(1, 5), `,client=‹`, b.ip("crdb_redactable"), `:`, b.intn(40000, 60000), `›,hostssl,user=‹app›] `, b.intn(1, 900),
			` ={"Timestamp":`, b.la("epoch_ns", b.epochMS()+b.num(6)), `,"EventType":"query_execute","Statement":"INSERT INTO ‹shop›.public.‹members›(‹email›, ‹phone›) VALUES (‹'`,
			b.email("crdb_redactable_sql"), `'›, ‹'`, b.phone("crdb_redactable_sql"), `'›)","Tag":"INSERT","User":"‹app›","ApplicationName":"‹shop-api›","ExecMode":"exec","NumRows":1,"Age":`,
			fmt.Sprintf("%d.%03d", b.n(0, 90), b.n(0, 999)), `,"TxnCounter":`, b.intn(1, 90000), `}`)
	case 1:
		b.w(`4@util/log/event_log.go:32 ⋮ [n`, b.intn(1, 5), `,client=‹`, b.ip("crdb_redactable"), `:`, b.intn(40000, 60000), `›,hostssl,user=‹`, b.email("crdb_redactable_user"),
			`›] `, b.intn(1, 900), ` ={"Timestamp":`, b.la("epoch_ns", b.epochMS()+b.num(6)), `,"EventType":"client_authentication_failed","InstanceID":1,"Network":"tcp","RemoteAddress":"‹`,
			b.ip("crdb_redactable"), `:`, b.intn(40000, 60000), `›","SessionID":"`, b.hex(32), `","Transport":"hostssl","Reason":"CREDENTIALS_INVALID","Detail":"‹password authentication failed for user›","Method":"cert-password"}`)
	case 2:
		b.w(`6@util/log/event_log.go:32 ⋮ [n1,client=‹`, b.ip("crdb_redactable"), `:`, b.intn(40000, 60000), `›,hostssl,user=root] `, b.intn(1, 900), ` ={"Timestamp":`, b.la("epoch_ns", b.epochMS()+b.num(6)),
			`,"EventType":"alter_role","Statement":"ALTER USER ‹app› WITH PASSWORD `, b.la("placeholder", "'*****'"), `","Tag":"ALTER ROLE","User":"root","RoleName":"‹app›","Options":["PASSWORD"]}`)
	default:
		b.w(`1@server/server.go:1912 ⋮ [T1,Vsystem,n1] `, b.intn(1, 90), ` starting cockroach node version v`, b.la("version", "2"+b.intn(3, 5)+"."+b.intn(1, 3)+"."+b.intn(0, 12)), ` build `, b.la("commit_short", b.hex(12)))
	}
}

func tidb(b *builder) {
	b.w("[", b.la("timestamp", strings.ReplaceAll(b.clock(" ", 3, "."), "-", "/")), ` +09:00] [INFO] [session.go:3924] [GENERAL_LOG] [conn=`, b.intn(2097152, 2200000), `] [session_alias=] [user=app@`,
		b.ip("tidb_user_at_host"), `] [schemaVersion=`, b.intn(40, 900), `] [txnStartTS=`, b.la("tso", "4"+b.num(17)), `] [forUpdateTS=0] [isReadConsistency=false] [currentDB=shop] [isPessimistic=false] [sessionTxnMode=PESSIMISTIC] [sql="`)
	switch b.r.IntN(5) {
	case 0:
		b.w("INSERT INTO members (name, email, rrn, created_at) VALUES ('", b.koName(), "', '", b.email("sql_insert"), "', '", b.rrnv("sql_insert", true), "', NOW())")
	case 1:
		b.w("UPDATE members SET mobile = '", b.phone("sql_set"), "', updated_at = NOW() WHERE member_no = ", b.intn(10000, 999999))
	case 2:
		bank, acct := b.bank()
		b.w("INSERT INTO refund_accounts (member_no, bank_name, account_no) VALUES (", b.intn(10000, 999999), ", '", bank, "', '", b.sec("bank_account/sql_insert_column", acct), "')")
	case 3:
		b.w("INSERT INTO partner_credentials (partner_id, region, access_key, secret_key) VALUES ('P", b.num(4), "', 'ap-northeast-2', '", b.sec("access_key/sql_insert_column", b.awsKeyID("AKIA")),
			"', '", b.sec("secret/sql_insert_secret_column", b.awsSecret()), "')")
	default:
		b.w("SELECT order_no, status FROM orders WHERE order_no = '", b.orderL(), "'")
	}
	b.w(`"]`)
}

func mariadbAudit(b *builder) {
	d, h, m, s, _ := b.tsParts()
	b.w(fmt.Sprintf("202612%02d %02d:%02d:%02d,db0%d,", d, h, m, s, b.n(1, 4)))
	user := b.pick("app", "batch", "report")
	switch b.r.IntN(5) {
	case 0:
		b.w(user, ",", b.ip("audit_host_field"), ",", b.intn(10, 90000), ",0,CONNECT,shop,,0")
	case 1:
		b.w(user, ",", b.ip("audit_host_field"), ",", b.intn(10, 90000), ",", b.intn(100, 900000), `,QUERY,shop,'UPDATE members SET phone=\'`, b.phone("audit_escaped_sql"), `\' WHERE member_no=`, b.intn(1000, 99999), `',0`)
	case 2:
		b.w(user, ",", b.ip("audit_host_field"), ",", b.intn(10, 90000), ",", b.intn(100, 900000), `,QUERY,shop,'INSERT INTO member_cards (member_no, card_no, expiry) VALUES (`, b.intn(1000, 99999), `, \'`,
			b.card("audit_escaped_sql"), `\', \'`, fmt.Sprintf("%02d/%02d", b.n(1, 12), b.n(27, 31)), `\')',0`)
	case 3:
		b.w("root,localhost,", b.intn(10, 90000), ",", b.intn(100, 900000), `,QUERY,mysql,'CREATE USER \'report\'@\'10.%\' IDENTIFIED BY `, b.la("placeholder", "*****"), `',0`)
	default:
		b.w(user, ",", b.ip("audit_host_field"), ",", b.intn(10, 90000), ",", b.intn(100, 900000), `,QUERY,shop,'SELECT * FROM members WHERE email=\'`, b.email("audit_escaped_sql"), `\'',0`)
	}
}

func pgbouncer(b *builder) {
	b.w(b.clockL(" ", 3, "."), " UTC [", b.intn(100, 9999), "] ")
	ptr := "0x55" + b.hex(10)
	switch b.r.IntN(4) {
	case 0:
		b.w("LOG C-", ptr, ": shop/app@", b.ip("pgbouncer_client"), ":", b.intn(30000, 65000), " login attempt: db=shop user=app tls=TLSv1.3/TLS_AES_256_GCM_SHA384/ECDH=X25519")
	case 1:
		b.w("WARNING C-", ptr, ": shop/", b.email("pgbouncer_user"), "@", b.ip("pgbouncer_client"), ":", b.intn(30000, 65000), " pooler error: SASL authentication failed")
	case 2:
		b.w("LOG S-", ptr, ": shop/app@", b.ip("pgbouncer_server"), ":5432 new connection to server (from ", b.ip("pgbouncer_local"), ":", b.intn(30000, 65000), ")")
	default:
		b.w("LOG stats: ", b.intn(1, 900), " xacts/s, ", b.intn(1, 900), " queries/s, ", b.intn(0, 90), " client parses/s, in ", b.intn(100, 90000), " B/s, out ", b.intn(100, 90000), " B/s, xact ", b.intn(100, 9000), " us, query ", b.intn(100, 9000), " us, wait ", b.intn(0, 900), " us")
	}
}

func bindList(vals ...string) string {
	var sb strings.Builder
	for i, v := range vals {
		fmt.Fprintf(&sb, " #%d(%d):%s", i+1, len(v), v)
	}
	return sb.String()
}

func oracleAudit(b *builder) {
	b.w(`<AuditRecord><Audit_Type>1</Audit_Type><Session_Id>`, b.intn(100000, 9999999), `</Session_Id><StatementId>`, b.intn(1, 90), `</StatementId><EntryId>`, b.intn(1, 90),
		`</EntryId><Extended_Timestamp>`, b.isoL(6, "Z"), `</Extended_Timestamp><DB_User>APP</DB_User><OS_User>weblogic</OS_User><Userhost>`, b.hostL(), `</Userhost><OS_Process>`, b.intn(1000, 99999),
		`</OS_Process><Terminal>unknown</Terminal><Instance_Number>0</Instance_Number>`)
	switch b.r.IntN(4) {
	case 0:
		b.w(`<Object_Schema>SHOP</Object_Schema><Object_Name>MEMBERS</Object_Name><Action>2</Action><Returncode>0</Returncode><Scn>`, b.intn(100000000, 999999999),
			`</Scn><Sql_Bind>`, bindList(b.rrnv("oracle_sql_bind", true), b.mobile("oracle_sql_bind"), b.koName()), `</Sql_Bind><Sql_Text>INSERT INTO MEMBERS (RRN, MOBILE_NO, NAME) VALUES (:1, :2, :3)</Sql_Text>`)
	case 1:
		b.w(`<Object_Schema>SHOP</Object_Schema><Object_Name>MEMBERS</Object_Name><Action>6</Action><Returncode>0</Returncode><Sql_Bind>`, bindList(b.email("oracle_sql_bind"), b.intn(1000, 99999)),
			`</Sql_Bind><Sql_Text>UPDATE MEMBERS SET EMAIL = :1 WHERE MEMBER_NO = :2</Sql_Text>`)
	case 2:
		b.w(`<Action>100</Action><Returncode>0</Returncode><Comment_Text>Authenticated by: DATABASE; Client address: (ADDRESS=(PROTOCOL=tcp)(HOST=`, b.ip("oracle_address_host"),
			`)(PORT=`, b.intn(30000, 65000), `))</Comment_Text><Priv_Used>5</Priv_Used>`)
	default:
		bank, acct := b.bank()
		b.w(`<Object_Schema>SHOP</Object_Schema><Object_Name>REFUND_ACCT</Object_Name><Action>2</Action><Returncode>0</Returncode><Sql_Bind>`, bindList(bankCode(bank), bank, b.sec("bank_account/oracle_sql_bind_after_bank", acct)),
			`</Sql_Bind><Sql_Text>INSERT INTO REFUND_ACCT (BANK_CD, BANK_NM, ACCOUNT_NO) VALUES (:1, :2, :3)</Sql_Text>`)
	}
	b.w(`<DBID>`, b.intn(100000000, 999999999), `</DBID></AuditRecord>`)
}

func sqlserverXE(b *builder) {
	name := "sql_batch_completed"
	var text string
	switch b.r.IntN(4) {
	case 0:
		text = "UPDATE dbo.Customers SET Email = N'" + b.email("tsql_nliteral") + "' WHERE CustomerID = " + b.intn(1000, 99999)
	case 1:
		name = "rpc_completed"
		text = "exec sp_executesql N'INSERT INTO dbo.Payments (OrderNo, CardNumber, Amount) VALUES (@p0, @p1, @p2)',N'@p0 nvarchar(20),@p1 nvarchar(19),@p2 int',@p0=N'" +
			b.orderL() + "',@p1=N'" + b.card("sp_executesql_param") + "',@p2=" + b.intn(1000, 900000)
	case 2:
		name = "rpc_completed"
		text = "exec sp_executesql N'UPDATE dbo.Members SET Mobile = @p0 WHERE MemberNo = @p1',N'@p0 nvarchar(13),@p1 int',@p0=N'" + b.mobile("sp_executesql_param") + "',@p1=" + b.intn(1000, 99999)
	default:
		text = "SELECT TOP (50) OrderNo, Status FROM dbo.Orders WHERE CreatedAt &gt; DATEADD(hour, -1, SYSUTCDATETIME())"
	}
	field := "batch_text"
	if name == "rpc_completed" {
		field = "statement"
	}
	b.w(`<event name="`, name, `" package="sqlserver" timestamp="`, b.isoL(3, "Z"), `"><data name="cpu_time"><value>`, b.intn(0, 90000), `</value></data><data name="duration"><value>`, b.intn(100, 9000000),
		`</value></data><data name="logical_reads"><value>`, b.intn(0, 9000), `</value></data><data name="`, field, `"><value>`, text,
		`</value></data><action name="client_hostname" package="sqlserver"><value>`, b.hostL(), `</value></action><action name="username" package="sqlserver"><value>shop_app</value></action><action name="attach_activity_id" package="package0"><value>`,
		b.la("activity_id", strings.ToUpper(b.uuid())+"-"+b.intn(1, 9)), `</value></action></event>`)
}

func trino(b *builder) {
	var q string
	switch b.r.IntN(4) {
	case 0:
		q = "SELECT order_no, amount FROM hive.shop.orders WHERE buyer_email = '" + b.email("trino_query_json") + "'"
	case 1:
		q = "SELECT * FROM iceberg.crm.members WHERE mobile = '" + b.phone("trino_query_json") + "' LIMIT 10"
	case 2:
		q = "SELECT count(*) FROM hive.weblogs.access WHERE client_ip = '" + b.ip("trino_query_json") + "' AND dt = '2026-12-01'"
	default:
		q = "SELECT dt, count(*) FROM hive.shop.orders GROUP BY 1 ORDER BY 1 DESC"
	}
	d, h, m, s, _ := b.tsParts()
	qid := b.la("query_id", fmt.Sprintf("202612%02d_%02d%02d%02d_%05d_%s", d, h, m, s, b.n(0, 99999), b.from(lower+digits, 5)))
	b.w(`{"metadata":{"queryId":"`, qid, `","transactionId":"`, b.uuidL(), `","query":"`, q, `","queryState":"FINISHED","uri":"http://trino-coordinator:8080/v1/query/`, qid,
		`"},"context":{"user":"`, b.pick("analyst", "etl", "kim.minsu"), `","remoteClientAddress":"`, b.ip("trino_remote_client"), `","userAgent":"`, b.la("version/ua", "trino-jdbc/4"+b.intn(10, 60)),
		`","source":"`, b.pick("dbeaver", "superset", "airflow"), `","catalog":"hive","schema":"shop","serverVersion":"4`, b.intn(10, 60), `","environment":"prod"},"statistics":{"cpuTime":"`, b.durL(),
		`","wallTime":"`, b.durL(), `","peakUserMemoryBytes":`, b.intn(1000, 90000000), `,"totalRows":`, b.intn(0, 90000), `},"createTime":"`, b.isoL(3, "Z"), `"}`)
}

func snowflake(b *builder) {
	qid := b.la("query_id", "01b"+b.hex(5)+"-0"+b.hex(3)+"-"+b.hex(4)+"-0000-"+b.hex(12))
	var text, qtype string
	switch b.r.IntN(5) {
	case 0:
		qtype = "CREATE"
		text = "CREATE OR REPLACE STAGE raw.events_stage URL='s3://acme-raw/events/' CREDENTIALS=(AWS_KEY_ID='" + b.sec("access_key/snowflake_stage_credentials", b.awsKeyID("AKIA")) +
			"' AWS_SECRET_KEY='" + b.sec("secret/snowflake_aws_secret_key", b.awsSecret()) + "') FILE_FORMAT=(TYPE=JSON)"
	case 1:
		qtype = "ALTER_USER"
		text = "ALTER USER etl_svc SET PASSWORD = '" + b.pw("snowflake_alter_user") + "' MUST_CHANGE_PASSWORD = FALSE"
	case 2:
		qtype = "SELECT"
		text = "SELECT * FROM CRM.PUBLIC.CUSTOMERS WHERE EMAIL = '" + b.email("csv_sql_literal") + "'"
	case 3:
		qtype = "UPDATE"
		text = "UPDATE CRM.PUBLIC.CUSTOMERS SET PHONE = '" + b.phone("csv_sql_literal") + "' WHERE CUSTOMER_ID = " + b.intn(1000, 999999)
	default:
		qtype = "COPY"
		text = "COPY INTO RAW.EVENTS FROM @raw.events_stage PATTERN='.*2026-12-0[1-9].*' ON_ERROR=CONTINUE"
	}
	start := b.la("timestamp", b.clock(" ", 3, ".")+" +0000")
	b.w(qid, `,"`, text, `",ANALYTICS,PUBLIC,`, qtype, `,`, b.pick("ETL_SVC", "KIM_MINSU", "DBT_PROD"), `,`, b.pick("SYSADMIN", "TRANSFORMER"), `,`, b.pick("ETL_WH", "BI_WH"), `,SUCCESS,`,
		start, `,`, b.intn(10, 900000), `,`, b.intn(0, 90000000), `,`, b.intn(0, 90000))
}

func hadoop(b *builder) {
	b.w(b.clockL(" ", 3, ","), " INFO ")
	switch b.r.IntN(4) {
	case 0:
		b.w("FSNamesystem.audit: allowed=true\tugi=", b.pick("etl", "hive", "spark"), " (auth:SIMPLE)\tip=/", b.ip("hdfs_audit_slash"), "\tcmd=", b.pick("open", "create", "listStatus", "getfileinfo"),
			"\tsrc=/warehouse/shop.db/orders/dt=2026-12-0", b.intn(1, 9), "/part-00000-", b.uuidL(), ".c000.snappy.parquet\tdst=null\tperm=null\tproto=rpc")
	case 1:
		b.w("resourcemanager.RMAuditLogger: USER=", b.pick("etl", "analyst"), "\tIP=", b.ip("yarn_audit_ip"), "\tOPERATION=Submit Application Request\tTARGET=ClientRMService\tRESULT=SUCCESS\tAPPID=application_",
			b.la("application_id", b.epochMS()+"_"+b.num(4)), "\tQUEUENAME=default")
	case 2:
		b.w(" [HiveServer2-Background-Pool: Thread-", b.intn(100, 9000), "]: ql.Driver (Driver.java:execute(", b.intn(200, 900), ")) - Executing command(queryId=hive_", b.la("query_id", b.compactTime()+"_"+b.uuid()),
			"): SELECT member_no, name FROM crm.members WHERE mobile = '", b.phone("hive_query"), "'")
	default:
		b.w(" [HiveServer2-Background-Pool: Thread-", b.intn(100, 9000), "]: ql.Driver (Driver.java:execute(", b.intn(200, 900), ")) - Executing command(queryId=hive_", b.la("query_id", b.compactTime()+"_"+b.uuid()),
			"): INSERT INTO crm.members_stage VALUES ('", b.email("hive_insert_values"), "', '", b.rrnv("hive_insert_values", true), "')")
	}
}
