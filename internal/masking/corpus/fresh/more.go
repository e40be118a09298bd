package fresh

// Check Point, WebLogic and CUBRID: formats added after the first commit,
// still before any engine run.

func checkpoint(t *tpl) {
	// Check Point Log Exporter, syslog format: key:"value" pairs in brackets
	t.w("<134>1 ", t.la("timestamp", t.isoTime()), ` cp-mgmt CheckPoint 26203 - [action:"`, t.pick("Accept", "Drop", "Reject"), `"; flags:"`, t.ns(100000, 999999), `"; ifdir:"inbound"; ifname:"eth1"; loguid:"{0x`, t.la("id/loguid", t.hexN(8)+",0x"+t.hexN(8)+",0x"+t.hexN(8)+",0x"+t.hexN(8)), `}"; origin:"`, t.sIPv4("ipv4/cp_quoted"), `"; `)
	t.w(`version:"5"; dst:"`, t.sIPv4("ipv4/cp_quoted"), `"; src:"`, t.sIPv4("ipv4/cp_quoted"), `"; service:"443"; s_port:"`, t.ns(1024, 65000), `"; product:"VPN-1 & FireWall-1"; `)
	switch t.r.IntN(3) {
	case 0:
		t.w(`src_user_name:"`, t.krName(), ` (`, t.sEmail("email/cp_paren"), `)"; auth_method:"Password"; `)
	case 1:
		t.w(`resource:"https://portal.example.kr/login?id=`, t.login(), `&pw=`, t.s("secret", "secret/query_short_key", qenc(t.password())), `"; `)
	default:
		t.w(`xff:"`, t.sIPv4("ipv4/xff"), `"; client_version:"`, t.la("version/label", "R81."+t.ns(10, 20)), `"; `)
	}
	t.w(`session_uid:"`, t.la("uuid", t.uuid()), `"]`)
}

func weblogic(t *tpl) {
	t.w("####<", t.pick(months...), " ", t.ns(1, 28), ", 2024 ", t.ns(1, 12), ":", t.ns(10, 59), ":", t.ns(10, 59), ",", t.ns(100, 999), " ", t.pick("AM", "PM"), " KST> <", t.pick("Info", "Warning", "Error"), "> <")
	switch t.r.IntN(3) {
	case 0:
		t.w("Security> <wls01> <AdminServer> <[ACTIVE] ExecuteThread: '", t.ns(0, 30), "'> <<WLS Kernel>> <> <", t.la("id/ecid", t.hexN(8)+"-"+t.hexN(4)+"-"+t.hexN(4)+"-"+t.hexN(4)+"-"+t.hexN(12)+"-000"+t.hexN(3)), "> <", t.la("timestamp/epoch_ms", t.epochMs()), "> <BEA-090078> <User ", t.sEmail("email/angle_weblogic"), " in security realm myrealm has had 5 invalid login attempts, locking account for 30 minutes. remote=", t.sIPv4("ipv4/kv"), ">")
	case 1:
		t.w("JDBC> <wls01> <ms1> <[STANDBY] ExecuteThread: '", t.ns(0, 30), "'> <<WLS Kernel>> <> <> <", t.la("timestamp/epoch_ms", t.epochMs()), "> <BEA-001129> <Received exception while creating connection for pool \"ShopDS\": Listener refused the connection. URL=jdbc:oracle:thin:shop/", t.s("secret", "secret/jdbc_user_slash", t.password()), "@//", t.sIPv4("ipv4/jdbc_host"), ":1521/ORCLPDB1>")
	default:
		t.w("HTTP> <wls01> <ms2> <[ACTIVE] ExecuteThread: '", t.ns(0, 30), "'> <<anonymous>> <> <> <", t.la("timestamp/epoch_ms", t.epochMs()), "> <BEA-101019> <[ServletContext@", t.la("id/hash", t.ns(10000000, 99999999)), "[app:shop module:shop.war path:null spec-version:4.0]] Servlet failed with an IOException: token ", t.s("secret", "secret/token_sentence", t.mixed(alnum, 32)), " expired for session JSESSIONID=", t.s("secret", "secret/cookie", t.mixed(alnum+"-_", 52)), "!", t.la("id/jvmroute", t.ns(100000000, 999999999)), ">")
	}
}

func cubrid(t *tpl) {
	// CUBRID broker SQL log: MM/DD HH:MM:SS.mmm (n) execute srv_h_id n <sql>
	t.w(t.la("timestamp", t.ns(10, 12)+"/"+t.ns(10, 28)+" "+t.ns(10, 23)+":"+t.ns(10, 59)+":"+t.ns(10, 59)+"."+t.ns(100, 999)), " (", t.ns(1, 999), ") execute srv_h_id ", t.ns(1, 20), " ")
	switch t.r.IntN(4) {
	case 0:
		t.w("UPDATE member SET passwd = '", t.sPass("secret/sql_set"), "', pw_changed_at = SYSDATETIME WHERE member_no = ", t.la("id", t.digits(9)))
	case 1:
		t.w("INSERT INTO member_identity (member_no, jumin_no, hp_no, email) VALUES (", t.la("id", t.digits(9)), ", '", t.s("kr_rrn", "kr_rrn/sql_bare", t.rrn(false)), "', '", t.sPhone(), "', '", t.sEmail("email/sql_values"), "')")
	case 2:
		t.w("INSERT INTO payout (seller_id, bank_cd, acct_no, amount) VALUES ('", t.login(), "', '0", t.ns(10, 99), "', '", t.s("bank_account", "bank_account/sql_bare", t.digits(t.n(11, 14))), "', ", t.la("amount", t.ns(10000, 9999999)), ")")
	default:
		t.w("SELECT * FROM api_key WHERE access_key = '", t.s("access_key", "access_key/aws", t.awsKeyID()), "' AND secret_key = '", t.s("secret", "secret/sql_where", t.awsSecret()), "'")
	}
	t.w(" - ", t.la("duration", "0."+t.digits(3)+" sec"))
}
