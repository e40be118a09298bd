package fresh

// Network devices and flow records: Cisco ASA, F5 BIG-IP, AWS VPC Flow Logs.

func asa(t *tpl) {
	t.w("<166>", t.la("timestamp/syslog", t.sysTime()), " edge-fw01 : %ASA-")
	conn := func() string { return t.la("id/connection", t.ns(100000, 99999999)) }
	switch t.r.IntN(4) {
	case 0:
		src, dst := t.sIPv4("ipv4/if_slash_port"), t.sIPv4("ipv4/if_slash_port")
		sp := t.ns(1024, 65000)
		t.w("6-302013: Built inbound TCP connection ", conn(), " for outside:", src, "/", sp, " (", src, "/", sp, ") to inside:", dst, "/443 (", t.sIPv4("ipv4/paren_slash_port"), "/443)")
	case 1:
		t.w("6-302014: Teardown TCP connection ", conn(), " for outside:", t.sIPv4("ipv4/if_slash_port"), "/", t.ns(1024, 65000), " to inside:", t.sIPv4("ipv4/if_slash_port"), "/8443 duration ", t.la("duration/hms", "0:0"+t.ns(0, 9)+":"+t.ns(10, 59)), " bytes ", t.la("bytes", t.ns(1000, 9999999)), " TCP FINs")
	case 2:
		t.w("6-113004: AAA user authentication Successful : server =  ", t.sIPv4("ipv4/kv_space"), " : user = ", t.sEmail("email/kv_space"))
	default:
		t.w("5-111008: User 'admin' executed the 'username ", t.login(), " password ", t.s("secret", "secret/cli_positional", t.password()), " privilege 15' command. (ASA Version ", t.la("version/label", "9."+t.ns(12, 20)+"("+t.ns(1, 4)+")"+t.ns(10, 60)), ")")
	}
}

func f5(t *tpl) {
	switch t.r.IntN(3) {
	case 0:
		t.w(t.la("timestamp/syslog", t.sysTime()), " bigip1 notice mcpd[", t.ns(1000, 9999), "]: 01070417:5: AUDIT - client tmsh, user admin - transaction #", t.la("id/transaction", t.ns(100000, 9999999)), "-2 - object 0 - modify auth user ", t.login(), " { password ", t.sPass("secret/tmsh_brace"), " } [status=Command OK] BIG-IP ", t.la("version/label", "17.1.0."+t.ns(1, 9)))
	case 1:
		t.w(t.la("timestamp/syslog", t.sysTime()), ` bigip1 ASM:unit_hostname="bigip1.example.com",management_ip_address="`, t.sIPv4("ipv4/quoted_kv"), `",policy_name="/Common/shop",request_status="blocked",support_id="`, t.la("id/support", t.digits(19)), `",ip_client="`, t.sIPv4("ipv4/quoted_kv"), `",x_forwarded_for_header_value="`, t.sIPv4("ipv4/xff"), `",request="POST /member/login HTTP/1.1\r\nHost: shop.example.kr\r\n\r\nuserid=`, t.login(), `&userpw=`, t.s("secret", "secret/form_short_key", qenc(t.password())), `"`)
	default:
		t.w(t.la("timestamp/syslog", t.sysTime()), " bigip1 info tmm1[", t.ns(10000, 30000), "]: Rule /Common/log_http <HTTP_REQUEST>: client ", t.sIPv4("ipv4/label"), ":", t.ns(1024, 65000), " -> ", t.sIPv4("ipv4/arrow"), ":443 uri /api/v1/users?phone=", t.s("phone", "phone/percent_query", "%2B82-10-"+t.digits(4)+"-"+t.chars("0123456789", 4)), " ua \"", func() string { ua, tok := t.chromeUA(); t.la("version/product_token", tok); return ua }(), "\"")
	}
}

func vpcflow(t *tpl) {
	// version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
	start := t.n(1704067200, 1735600000)
	t.w("2 ", t.la("id/aws_account", t.digits(12)), " eni-", t.la("id/eni", t.hexN(17)), " ")
	if t.one(5) {
		t.w(t.sIPv6("ipv6/field"), " ", t.sIPv6("ipv6/field"))
	} else {
		t.w(t.sIPv4("ipv4/field"), " ", t.sIPv4("ipv4/field"))
	}
	t.w(" ", t.ns(1024, 65000), " ", t.pick("443", "22", "3306", "5432", "8080"), " 6 ", t.ns(1, 999), " ", t.la("bytes", t.ns(40, 9999999)), " ")
	t.w(t.la("timestamp/epoch", itoa(start)), " ", t.la("timestamp/epoch", itoa(start+t.n(1, 60))), " ", t.pick("ACCEPT", "REJECT"), " OK")
}
