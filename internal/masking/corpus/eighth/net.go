package eighth

// Security products, network devices, CDNs and telecom signalling.
var netFormats = []format{
	{"defender_mplog", Text, defenderMPLog},
	{"unifi", Text, unifi},
	{"fortiauthenticator", Text, fortiAuthenticator},
	{"sophos_xg", Text, sophosXG},
	{"barracuda_waf", Text, barracudaWAF},
	{"fastly", JSON, fastly},
	{"nps_dts", XML, npsDTS},
	{"diameter", Text, diameter},
	{"modbus_gateway", Text, modbusGateway},
}

// Microsoft Defender Antivirus MPLog and detection summaries.
func defenderMPLog(b *builder) {
	c := b.clock()
	b.w(c.iso(), " ")
	switch b.n(4) {
	case 0:
		b.w(`DETECTION Behavior:Win32/SuspCmd.A process: C:\Windows\System32\cmd.exe cmdline: "cmd.exe /c net user svc_backup `, b.s("secret", "net_user_add", b.password()), ` /add /y" user: CORP\`, b.pick("kim", "admin.lee"))
	case 1:
		b.w(`DETECTION Behavior:Win32/CredAccess.B process: C:\Windows\System32\cmdkey.exe cmdline: "cmdkey /add:`, b.hostname(), ` /user:CORP\svc_sql /pass:`, b.s("secret", "cmdkey_pass", b.password()), `"`)
	case 2:
		b.w("Engine Version: ", b.a("version/quad", "1.1."+b.num(24000, 24999)+"."+b.num(1, 20)), ", AV Version: ", b.a("version/quad", "1."+b.num(400, 450)+"."+b.num(100, 999)+".0"), ", Platform: ", b.a("version/quad", "4.18."+b.num(24000, 24999)+"."+b.num(1, 9)), " update from MMPC ok in ", b.dur())
	default:
		b.w("Network protection blocked connection to ", b.pub("sentence"), ":443 (", b.pick("phish.example.net", "c2.example.org"), ") process msedge.exe ", b.a("version/quad", "131.0."+b.num(2000, 3000)+"."+b.num(10, 99)))
	}
}

// Ubiquiti UniFi devices' remote syslog and system.cfg dumps.
func unifi(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		b.w("<30>", c.sys(), " U6-Pro,", b.hex(12), ",v", b.a("version/quad", "6."+b.num(5, 7)+"."+b.num(20, 80)+"."+b.num(14000, 15999)), ": dnsmasq-dhcp[", b.num(100, 9000), "]: DHCPACK(br0) ", b.s("ipv4", "dhcp_lease", "192.168."+b.num(1, 9)+"."+b.octet()), " ", b.mac(), " Galaxy-S24")
	case 1:
		b.w("system.cfg: mgmt.is_default=false mgmt.servers.1.url=http://", b.priv("url_host"), ":8080/inform mgmt.authkey=", b.s("secret", "cfg_authkey", b.hex(32)), " mgmt.cfgversion=", b.a("cfg_version", b.hex(16)))
	default:
		b.w("<30>", c.sys(), " UDM-Pro ", "hostapd: ra0: STA ", b.mac(), " WPA: pairwise key handshake completed (RSN) ip ", b.ip6("sentence"))
	}
}

// FortiAuthenticator syslog (key=value).
func fortiAuthenticator(b *builder) {
	c := b.clock()
	ip := b.pub("kv_quoted")
	b.w(`date=`, c.dt()[:10], ` time=`, c.hms(), ` devname="FAC-VM" devid="FAC-VMTM`, b.upperAlnum(8), `" logid="`, b.num(10000, 29999), `" type="event" subtype="Authentication" level="information" `)
	switch b.n(3) {
	case 0:
		b.w(`user="`, b.email("kv_quoted"), `" nas="`, b.priv("kv_quoted"), `" userip="`, ip, `" msg="RADIUS authentication from `, ip, ` successful (FortiToken)"`)
	case 1:
		b.w(`user="kim" userip="`, ip, `" msg="Local administrator authentication from `, ip, ` failed: invalid password" tokensn="`, b.a("token_serial", "FTKMOB"+b.upperAlnum(10)), `"`)
	default:
		b.w(`user="admin" userip="`, ip, `" msg="REST API call GET /api/v1/localusers/ from `, ip, ` Authorization: Basic `, func() string { c, _, _ := b.basic(); return b.s("auth_header", "kv_msg_basic", c) }(), `"`)
	}
}

// Sophos Firewall (SFOS) syslog, key=value.
func sophosXG(b *builder) {
	c := b.clock()
	b.w(`device="SFW" date=`, c.dt()[:10], ` time=`, c.hms(), ` timezone="KST" device_name="XGS2100" device_id="X21`, b.upperAlnum(10), `" log_id=0`, b.digits(11), ` `)
	switch b.n(3) {
	case 0:
		b.w(`log_type="Content Filtering" log_component="HTTP" log_subtype="Allowed" user_name="`, b.email("kv_quoted"), `" src_ip=`, b.priv("kv"), ` dst_ip=`, b.pub("kv"),
			` url="https://shop.example.com/api/login?id=kim&pw=`, b.s("secret", "url_query_pw", b.urlPassword()), `" http_category="Shopping"`)
	case 1:
		b.w(`log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" status="Allow" fw_rule_id=`, b.num(1, 90), ` src_ip=`, b.priv("kv"), ` src_country_code=R1 dst_ip=`, b.ip6("kv"), ` protocol="TCP" src_port=`, b.num(30000, 65000), ` dst_port=443 sent_bytes=`, b.num(100, 90000), ` con_id=`, b.a("counter/con_id", b.num(1000000000, 3999999999)))
	default:
		b.w(`log_type="Event" log_component="SSL VPN Authentication" log_subtype="Authentication" status="Successful" user_name="kim" src_ip=`, b.pub("kv"), ` message="User kim authenticated successfully to login to SSL VPN through AD authentication mechanism" version=`, b.a("version/sfos", "SFOS 20.0."+b.num(0, 3)+" MR-"+b.num(1, 3)+"-Build"+b.num(100, 999)))
	}
}

// Barracuda WAF Web Firewall and Access logs (space separated).
func barracudaWAF(b *builder) {
	c := b.clock()
	b.w(c.dtMs("."), " +0900 waf01 ")
	switch b.n(3) {
	case 0:
		b.w("WF ALER SQL_INJECTION_IN_URL ", b.pub("column"), " ", b.num(30000, 65000), " ", b.priv("column"), " 443 shop-svc GLOBAL DENY NONE [type=\"sql-injection\" pattern=\"or-1-equals-1\"] GET shop.example.com/member/find?email=",
			b.s("email", "percent", pctEmail(b.gen.email())), "&q=1'or'1'='1 HTTP REQ-0+RES-0 ", b.a("log_id", b.hex(16)))
	case 1:
		b.w("TR ", b.priv("column"), " 443 ", b.pub("column"), " ", b.num(30000, 65000), " \"-\" \"-\" POST HTTPS shop.example.com HTTP/1.1 200 ", b.num(100, 90000), " ", b.num(100, 900), " 0 ", b.num(1, 900), " ", b.num(1, 90), " ", b.priv("column"), " 8080 /api/v1/otp/verify?phone=",
			b.mobile("url_query"), "&otp=", b.s("secret", "url_query_otp", b.digits(6)), " \"Mozilla/5.0\" ", b.a("log_id", b.hex(16)))
	default:
		b.w("SYS INFO WAF-FW ", b.a("version/quad", "12.1."+b.num(0, 1)+"."+b.num(1, 99)), " firmware loaded, ", b.num(1, 90), " services, serial ", b.a("serial", "BAR-WF-"+b.digits(6)))
	}
}

// Fastly real-time log streaming, the JSON format of Fastly's docs.
func fastly(b *builder) {
	c := b.clock()
	b.w(`{"timestamp":"`, c.iso(), `","client_ip":"`)
	if b.chance(0.3) {
		b.w(b.ip6("json_client_ip"))
	} else {
		b.w(b.pub("json_client_ip"))
	}
	b.w(`","x_forwarded_for":"`, b.pub("xff"), `, `, b.pub("xff"), `","geo_country":"KR","host":"www.example.co.kr","url":"`)
	switch b.n(3) {
	case 0:
		b.w(`/newsletter/subscribe?email=`, b.s("email", "percent", pctEmail(b.gen.email())), `&src=footer`)
	case 1:
		b.w(`/api/auth/callback?code=`, b.s("secret", "oauth_code_query", b.b64url(43)), `&state=`, b.hex(16)) // a CSRF nonce: claimed neither way
	default:
		b.w(`/static/app.`, b.a("asset_hash", b.hex(20)), `.js?v=`, b.ver())
	}
	b.w(`","request_method":"GET","protocol":"HTTP/2","request_user_agent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/`, b.a("version/ua", "131.0.0.0"),
		` Safari/537.36","response_state":"`, b.pick("HIT", "MISS", "PASS"), `","response_status":200,"response_body_size":`, b.num(100, 900000), `,"fastly_server":"cache-icn-rksi`, b.digits(7), `-ICN","request_id":"`, b.uuid(), `"}`)
}

func pctEmail(e string) string {
	out := ""
	for _, r := range e {
		switch r {
		case '@':
			out += "%40"
		case '+':
			out += "%2B"
		default:
			out += string(r)
		}
	}
	return out
}

// Windows NPS accounting in DTS-compliant XML (one <Event> per line).
func npsDTS(b *builder) {
	c := b.clock()
	b.w(`<Event><Timestamp data_type="4">12/`, b.two(1, 2), `/2026 `, c.hms(), `.`, b.digits(3), `</Timestamp><Computer-Name data_type="1">NPS01</Computer-Name><Event-Source data_type="1">IAS</Event-Source>`)
	switch b.n(3) {
	case 0:
		b.w(`<User-Name data_type="1">`, b.email("xml_element"), `</User-Name><Framed-IP-Address data_type="3">`, b.priv("xml_element"), `</Framed-IP-Address><Acct-Status-Type data_type="0">1</Acct-Status-Type>`)
	case 1:
		b.w(`<User-Name data_type="1">CORP\kim</User-Name><Tunnel-Client-Endpt data_type="1">`, b.pub("xml_element"), `</Tunnel-Client-Endpt><Acct-Session-Id data_type="1">`, b.a("session_id/acct", b.upperHex(8)), `</Acct-Session-Id><Acct-Input-Octets data_type="0">`, b.num(1000, 90000000), `</Acct-Input-Octets>`)
	default:
		b.w(`<User-Name data_type="1">host/WS-`, b.num(100, 999), `.corp.example.kr</User-Name><Calling-Station-Id data_type="1">`, b.s("phone", "xml_calling_station", b.krMobile("")), `</Calling-Station-Id><NP-Policy-Name data_type="1">Dial-in users</NP-Policy-Name>`)
	}
	b.w(`<Class data_type="1">311 1 `, b.priv("xml_class_attr"), ` `, b.a("timestamp/nps", "12/0"+b.num(1, 2)+"/2026 "+b.two(0, 23)+":"+b.two(10, 59)+":"+b.two(10, 59)), ` `, b.num(1, 999), `</Class></Event>`)
}

// freeDiameter message tree dumps (one AVP per line) of Gx/Gy sessions.
func diameter(b *builder) {
	switch b.n(4) {
	case 0:
		b.w(`   AVP: 'Subscription-Id-Data'(444) l=20 f=-M- val="`, b.s("phone", "diameter_msisdn_bare", "8210"+b.num(2000, 9999)+b.digits(4)), `"`)
	case 1:
		b.w(`   AVP: 'Framed-IP-Address'(8) l=12 f=-M- val=`, b.s("ipv4", "diameter_avp", "100."+b.num(64, 127)+"."+b.num(0, 254)+"."+b.octet()))
	case 2:
		b.w(`   AVP: 'Session-Id'(263) l=`, b.num(40, 70), ` f=-M- val="pgw01.epc.mnc005.mcc450.3gppnetwork.org;`, b.a("diameter_session", b.epochS()+";"+b.num(100, 999)+";"+b.num(100000, 999999)), `"`)
	default:
		b.w(`   AVP: 'Host-IP-Address'(257) l=16 f=-M- val=`, b.ip6("diameter_avp"), ` (peer ocs01.epc.example.kr, firmware `, b.quad(), `)`)
	}
}

// Moxa MGate / industrial Modbus gateway syslog and config exports.
func modbusGateway(b *builder) {
	c := b.clock()
	b.w("<14>", c.sys(), " MGate5105 ")
	switch b.n(3) {
	case 0:
		b.w("[Modbus] Master ", b.s("ipv4", "sentence", "192.168.127."+b.octet()), ":502 read timeout slave_id=", b.num(1, 32), " fc=03 reg=0x", b.upperHex(4), " qty=", b.num(1, 60))
	case 1:
		b.w("[Config] MQTT Broker: tcp://", b.priv("url_host"), ":1883 Username: gw01 Password: ", b.pw("label_colon"), " Topic: plant1/line", b.num(1, 9))
	default:
		b.w("[System] Firmware: v", b.a("version/fw", b.num(1, 4)+"."+b.num(0, 9)+" Build "+b.digits(8)), " cold start, serial ", b.a("serial", "TAHHB"+b.digits(7)), " uptime ", b.a("duration/uptime", b.num(1, 900)+"d"+b.two(0, 23)+"h"))
	}
}
