package fresh

// Databases: Oracle alert log and Db2 db2diag.log, with values bound to
// secret-named columns (CUBRID is in more.go, Tibero URLs in jvm.go).

func oracleAlert(t *tpl) {
	t.w(t.la("timestamp", "2024-"+t.ns(10, 12)+"-"+t.ns(10, 28)+"T"+t.ns(10, 23)+":"+t.ns(10, 59)+":"+t.ns(10, 59)+"."+t.digits(6)+"+09:00"), " ")
	switch t.r.IntN(4) {
	case 0:
		t.w("ALTER USER app_shop IDENTIFIED BY \"", t.sPass("secret/identified_by"), "\" ACCOUNT UNLOCK (Oracle Database 19c Enterprise Edition Release ", t.la("version/oracle", "19.0.0.0.0"), ")")
	case 1:
		t.w("ORA-01017: invalid username/password; logon denied client address (ADDRESS=(PROTOCOL=tcp)(HOST=", t.sIPv4("ipv4/tns"), ")(PORT=", t.la("port", t.ns(30000, 65000)), "))")
	case 2:
		t.w("Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_", t.ns(1000, 99999), ".trc: ORA-00001: unique constraint (SHOP.UK_MEMBER_EMAIL) violated, INSERT INTO member (name, email, phone, account_no) VALUES ('", t.krName(), "', '", t.sEmail("email/sql_values"), "', '", t.sPhone(), "', '", t.s("bank_account", "bank_account/sql_values", t.bankAccount()), "')")
	default:
		t.w("Starting ORACLE instance (normal) (OS id: ", t.ns(1000, 99999), ") Version ", t.la("version/oracle", "19."+t.ns(18, 23)+".0.0.0"), " listener ", t.sIPv4("ipv4/label"), " SCN ", t.la("id/scn", t.digits(13)))
	}
}

func db2diag(t *tpl) {
	t.w(t.la("timestamp/db2", "2024-"+t.ns(10, 12)+"-"+t.ns(10, 28)+"-"+t.ns(10, 23)+"."+t.ns(10, 59)+"."+t.ns(10, 59)+"."+t.digits(6)+"+540"), " I", t.la("id/record", t.ns(1000, 9999999)), "E", t.ns(300, 999), " LEVEL: ", t.pick("Error", "Warning", "Info"), " PID : ", t.ns(1000, 99999), " TID : ", t.la("id/thread", t.digits(15)), " PROC : db2sysc 0 INSTANCE: db2inst1 NODE : 000 DB : SHOPDB ")
	switch t.r.IntN(4) {
	case 0:
		t.w("APPHDL : 0-", t.ns(100, 9999), " APPID: ", t.sIPv4("ipv4/db2_appid"), ".", t.ns(30000, 65000), ".", t.digits(12), " AUTHID : SHOPAPP HOSTNAME: db01 FUNCTION: DB2 UDB, bsu security, sqlexLogPluginMessage, probe:20 MESSAGE : ADM20011E Password for user \"", t.login(), "\" is incorrect.")
	case 1:
		t.w("FUNCTION: DB2 UDB, SQO Memory Management, sqloMemLogPoolConditions, probe:20 DATA #1 : String, 87 bytes UPDATE member SET phone = '", t.sPhone(), "', refund_acct_no = '", t.s("bank_account", "bank_account/sql_set", t.bankAccount()), "' WHERE member_id = ", t.la("id", t.digits(8)))
	case 2:
		t.w("FUNCTION: DB2 UDB, base sys utilities, sqleStartStopSingleNode, probe:1130 MESSAGE : DB2 ", t.la("version/label", "v11.5."+t.ns(6, 9)+"."+t.ns(0, 2)), " started, fix pack ", t.ns(0, 2), ", build ", t.la("id/build", "s"+t.digits(10)))
	default:
		t.w("FUNCTION: DB2 UDB, relation data serv, sqlrr_dump_statement, probe:10 DATA #1 : INSERT INTO api_client (client_id, owner_email, client_secret, created_at) VALUES ('", t.la("id/client", "cli_"+t.hexN(12)), "', '", t.sEmail("email/sql_values"), "', '", t.s("secret", "secret/sql_values", t.mixed(alnum, 40)), "', CURRENT TIMESTAMP), ('", t.la("id/client", "cli_"+t.hexN(12)), "', '", t.sEmail("email/sql_values"), "', '", t.s("secret", "secret/sql_values_multirow", t.mixed(alnum, 40)), "', CURRENT TIMESTAMP)")
	}
}
