package fifth

import (
	"fmt"
	"strings"
)

// Network security and network device formats.

func registerNetwork() {
	register("suricata", suricata)
	register("zeek", zeek)
	register("snort", snort)
	register("filterlog", filterlog)
	register("mikrotik", mikrotik)
	register("huawei", huawei)
	register("openvpn", openvpn)
	register("strongswan", strongswan)
	register("samba", samba)
}

func (g *gen) flowID() string { return g.l("id/flow_id", g.num(1, 2)+g.digits(15)) }

func suricata(g *gen) string {
	ts := g.l("timestamp/iso", fmt.Sprintf("2024-%02d-%02dT%s.%06d+0900", g.n(1, 12), g.n(1, 28), g.clock(), g.n(0, 999999)))
	src, dst := g.ip("json_src_ip"), g.ip("json_dest_ip")
	head := fmt.Sprintf(`{"timestamp":"%s","flow_id":%s,"in_iface":"%s","event_type":`, ts, g.flowID(), g.pick("eth0", "ens192", "bond0"))
	tuple := fmt.Sprintf(`"src_ip":"%s","src_port":%s,"dest_ip":"%s","dest_port":%s,"proto":"TCP"`, src, g.l("port", g.port()), dst, g.pick("80", "8080", "443"))
	ua, tok := g.browserUA()
	switch g.r.IntN(4) {
	case 0:
		g.l("version/product_token", tok)
		q := "/member/find-id?name=" + pct(g.nameKo())
		if g.maybe() {
			q += "&email=" + g.s("email", "email/percent_query", pct(g.email()))
		}
		if g.maybe() {
			q += "&phone=" + g.s("phone", "phone/kr_query", g.krMobile(""))
		}
		xff := ""
		if g.maybe() {
			xff = `,"xff":"` + g.ip("json_xff") + `"`
		}
		return head + `"http",` + tuple + fmt.Sprintf(`,"tx_id":%d,"http":{"hostname":"shop.example.co.kr","url":"%s","http_user_agent":"%s","http_content_type":"text/html","http_method":"GET","protocol":"HTTP/1.1","status":200,"length":%s%s}}`, g.n(0, 9), q, ua, g.l("bytes", g.num(1000, 99999)), xff)
	case 1:
		g.l("version/product_token", tok)
		user := g.userID()
		body := "username=" + user + "&password=" + g.s("secret", "secret/form_body_payload", pct(g.password()))
		return head + `"alert",` + tuple + fmt.Sprintf(`,"alert":{"action":"allowed","gid":1,"signature_id":%s,"rev":%d,"signature":"ET POLICY Cleartext Password in HTTP POST","category":"Potential Corporate Privacy Violation","severity":1},"http":{"hostname":"%s","url":"/login.do","http_method":"POST","http_user_agent":"%s"},"payload_printable":"POST /login.do HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n%s","app_proto":"http"}`,
			g.l("id/signature_id", "20"+g.digits(5)), g.n(1, 12), dst, ua, dst, body)
	case 2:
		return head + `"tls",` + tuple + fmt.Sprintf(`,"tls":{"subject":"CN=%s","issuerdn":"C=US, O=Let's Encrypt, CN=R3","serial":"%s","fingerprint":"%s","sni":"%s","version":"TLS 1.2","notbefore":"2024-01-10T00:00:00","notafter":"2024-04-09T23:59:59","ja3":{"hash":"%s","string":"771,4865-4866-4867-49195-49199,0-23-65281-10-11,29-23-24,0"}}}`,
			"mail.example.com", g.l("id/cert_serial", strings.ToUpper(g.chars(2, lowerHex)+":"+g.chars(2, lowerHex)+":"+g.chars(2, lowerHex)+":"+g.chars(2, lowerHex))), g.l("hash/cert_fingerprint", g.sha1()), "mail.example.com", g.l("hash/ja3", g.chars(32, lowerHex)))
	default:
		return head + `"fileinfo",` + tuple + fmt.Sprintf(`,"http":{"hostname":"cdn.example.com","url":"/download/%s.pdf","http_method":"GET"},"fileinfo":{"filename":"/download/%s.pdf","magic":"PDF document, version 1.7","gaps":false,"state":"CLOSED","sha256":"%s","stored":false,"size":%s,"tx_id":0}}`,
			g.l("id/document", g.invoiceID()), "report", g.l("hash/content_sha256", g.sha256()), g.l("bytes", g.num(10000, 9999999)))
	}
}

func zeekUID(g *gen) string { return g.l("id/zeek_uid", "C"+g.mixed(17, alnum)) }

func zeek(g *gen) string {
	ts := g.l("timestamp/epoch_micro", g.epochMicro())
	uid := zeekUID(g)
	var orig, resp string
	if g.chance(0.3) {
		orig = g.s("ipv6", "ipv6/tsv_orig_h", g.ipv6())
		resp = g.s("ipv6", "ipv6/tsv_resp_h", g.ipv6())
	} else {
		orig, resp = g.ip("tsv_orig_h"), g.ip("tsv_resp_h")
	}
	if g.chance(0.5) {
		return strings.Join([]string{ts, uid, orig, g.port(), resp, g.pick("443", "80", "53", "22"), g.pick("tcp", "udp"), g.pick("ssl", "http", "dns", "-"),
			g.l("duration/seconds", fmt.Sprintf("%d.%06d", g.n(0, 90), g.n(0, 999999))), g.num(0, 90000), g.num(0, 900000), g.pick("SF", "S0", "REJ", "RSTO"), "T", "F", "0",
			g.pick("ShADadFf", "S", "ShAdDaFf", "Dd"), g.num(1, 90), g.num(40, 90000), g.num(0, 90), g.num(0, 900000), "-"}, "\t")
	}
	ua, tok := g.browserUA()
	g.l("version/product_token", tok)
	uri := "/api/v1/orders/" + g.l("id/order", g.orderID())
	if g.maybe() {
		uri += "?" + g.pick("access_token", "api_key", "token") + "=" + g.s("secret", "secret/query_token", g.opaqueToken())
	} else if g.maybe() {
		uri = "/account/verify?email=" + g.s("email", "email/percent_query", pct(g.email()))
	}
	user := "-"
	if g.chance(0.3) {
		user = g.userID()
	}
	return strings.Join([]string{ts, uid, orig, g.port(), resp, "80", "1", g.pick("GET", "POST"), "shop.example.com", uri, "-", "1.1", ua, "-", "0", g.num(100, 90000),
		g.pick("200", "302", "401"), g.pick("OK", "Found", "Unauthorized"), "-", "-", "(empty)", user, "-", "-", "-", "-", "-", "F" + g.mixed(16, alnum), "-", "text/html"}, "\t")
}

func snort(g *gen) string {
	ts := fmt.Sprintf("%02d/%02d-%s.%06d ", g.n(1, 12), g.n(1, 28), g.clock(), g.n(0, 999999))
	sid := g.l("id/gid_sid_rev", fmt.Sprintf("1:%s:%d", "20"+g.digits(5), g.n(2, 12)))
	msg, class := g.pick("ET POLICY curl User-Agent Outbound", "ET SCAN Potential SSH Scan", "ET WEB_SERVER SQL Injection Attempt", "ET INFO Observed DNS Query to .cloud TLD"), g.pick("Attempted Information Leak", "Web Application Attack", "Misc activity")
	proto := g.pick("TCP", "UDP")
	line := fmt.Sprintf("%s [**] [%s] %s [**] [Classification: %s] [Priority: %d] {%s} %s:%s -> %s:%s", ts, sid, msg, class, g.n(1, 3), proto, g.ip("alert_src"), g.port(), g.ip("alert_dst"), g.pick("22", "80", "443", "53"))
	return line
}

func filterlog(g *gen) string {
	hdr := fmt.Sprintf("%s %2d %s fw01 filterlog[%d]: ", g.month(), g.n(1, 28), g.clock(), g.n(1000, 99999))
	tracker := g.l("id/rule_tracker", "10000"+g.digits(5))
	common := fmt.Sprintf("%d,,,%s,%s,match,%s,%s,", g.n(4, 120), tracker, g.pick("igb0", "vtnet1", "em0", "ix1"), g.pick("block", "pass"), g.pick("in", "out"))
	if g.chance(0.25) {
		return hdr + common + fmt.Sprintf("6,0x00,0x00000,64,udp,17,%d,%s,%s,546,547,%d", g.n(40, 200), g.s("ipv6", "ipv6/csv_field", g.ipv6()), g.s("ipv6", "ipv6/csv_field", g.ipv6()), g.n(8, 180))
	}
	ipid := g.num(1, 65000)
	if g.chance(0.5) {
		return hdr + common + fmt.Sprintf("4,0x0,,%d,%s,0,DF,6,tcp,60,%s,%s,%s,%s,0,S,%s,,64240,,mss;sackOK;TS;nop;wscale", g.n(50, 128), ipid, g.ip("csv_field"), g.ip("csv_field"), g.port(), g.pick("22", "443", "3389", "445"), g.l("id/tcp_seq", g.num(1000000000, 2147483647)))
	}
	return hdr + common + fmt.Sprintf("4,0x0,,%d,%s,0,none,17,udp,%d,%s,%s,%s,%s,%d", g.n(50, 128), ipid, g.n(40, 500), g.ip("csv_field"), g.ip("csv_field"), g.port(), g.pick("53", "123", "161", "1900"), g.n(8, 480))
}

func mikrotik(g *gen) string {
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("%s %s system,info,account user %s logged in from %s via %s", g.month()+" "+g.num(10, 28), g.clock(), g.pick("admin", "noc", g.userID()), g.ip("log_from"), g.pick("winbox", "ssh", "web", "api"))
	case 1:
		return fmt.Sprintf("%s system,error,critical login failure for user %s from %s via %s", g.clock(), g.userID(), g.ip("log_from"), g.pick("ssh", "winbox", "telnet"))
	case 2:
		return fmt.Sprintf("/ppp secret add name=%s password=%s profile=default-encryption remote-address=%s service=pppoe", g.userID(), g.s("secret", "secret/routeros_export", g.password()), g.ip("routeros_export"))
	case 3:
		return fmt.Sprintf("/interface wireguard add listen-port=%s mtu=1420 name=wg0 private-key=\"%s\"", g.port(), g.s("secret", "secret/routeros_private_key", g.chars(43, b64std)+"="))
	case 4:
		return fmt.Sprintf("# %s %s by RouterOS %s\n# software id = %s\n# model = %s\n/user add group=full name=%s password=\"%s\"\n/ip address add address=%s/24 interface=bridge network=%s",
			g.l("date", g.date()), g.clock(), g.l("version/routeros", "7."+g.num(10, 16)+"."+g.num(1, 4)), g.l("id/software_id", g.chars(4, upperNum)+"-"+g.chars(4, upperNum)), g.pick("CCR2004-1G-12S+2XS", "RB5009UG+S+", "hAP ax3"),
			g.userID(), g.s("secret", "secret/routeros_export_quoted", g.password()), g.ip("routeros_export"), g.ip("routeros_export"))
	default:
		return fmt.Sprintf("%s ppp,info,account <pppoe-%s> logged in, %s", g.clock(), g.userID(), g.ip("log_assigned"))
	}
}

func huawei(g *gen) string {
	ts := fmt.Sprintf("%s %2d 2024 %s+09:00 %s", g.month(), g.n(1, 28), g.clock(), g.pick("CORE-SW01", "AR6300-01", "S5735-ACC3"))
	switch g.r.IntN(4) {
	case 0:
		var cmd string
		if g.chance(0.5) {
			cmd = "local-user " + g.userID() + " password irreversible-cipher " + g.s("secret", "secret/vrp_cmdrecord", g.password())
		} else {
			cmd = "local-user " + g.userID() + " password irreversible-cipher " + g.l("placeholder", "******")
		}
		return fmt.Sprintf("%s %%%%01SHELL/5/CMDRECORD(s)[%d]:Recorded command information. (Task=VT%d, Ip=%s, VpnName=, User=%s, AuthenticationMethod=\"Local-user\", Command=\"%s\")", ts, g.n(1, 99), g.n(0, 4), g.ip("vrp_paren_kv"), g.pick("admin", "netops"), cmd)
	case 1:
		return fmt.Sprintf("%s %%%%01SSH/5/SSH_USER_LOGIN(s)[%d]:The SSH user succeeded in logging in. (ServiceType=stelnet, UserName=%s, UserAddress=%s, LocalAddress=%s, VpnInstanceName=_public_.)", ts, g.n(1, 99), g.userID(), g.ip("vrp_paren_kv"), g.ip("vrp_paren_kv"))
	case 2:
		cmd := "snmp-agent usm-user v3 nms authentication-mode sha " + g.s("secret", "secret/vrp_snmp_auth", g.password()) + " privacy-mode aes128 " + g.s("secret", "secret/vrp_snmp_priv", g.password())
		return fmt.Sprintf("%s %%%%01SHELL/5/CMDRECORD(s)[%d]:Recorded command information. (Task=VT0, Ip=%s, VpnName=, User=admin, AuthenticationMethod=\"Local-user\", Command=\"%s\")", ts, g.n(1, 99), g.ip("vrp_paren_kv"), cmd)
	default:
		return fmt.Sprintf("%s %%%%01DEVM/4/hwBoardFail(t)[%d]:The board partially failed. (EntPhysicalIndex=%s, EntPhysicalName=MPU Board 1, EntityTrapFaultID=%s, Reason=The software version %s is inconsistent)", ts, g.n(1, 99), g.l("id/ent_index", "169"+g.digits(5)), g.num(132000, 132999), g.l("version/vrp", "V200R0"+g.num(10, 23)+"C10SPC"+g.num(100, 600)))
	}
}

func openvpn(g *gen) string {
	ts := g.l("date", g.date()) + " " + g.clock()
	peer := g.ipv4()
	user := g.userID()
	g.s("ipv4", "ipv4/peer_colon_port", peer)
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%s %s:%s TLS: Username/Password authentication succeeded for username '%s'", ts, peer, g.port(), user)
	case 1:
		return fmt.Sprintf("%s %s/%s:%s MULTI_sva: pool returned IPv4=%s, IPv6=(Not enabled)", ts, user, peer, g.port(), g.ip("pool_kv"))
	case 2:
		return fmt.Sprintf("%s %s/%s:%s SENT CONTROL [%s]: 'PUSH_REPLY,route-gateway 10.8.0.1,topology subnet,ping 10,ping-restart 120,ifconfig %s 255.255.255.0,peer-id %d,cipher AES-256-GCM,auth-token SESS_ID_AT_%s' (status=1)",
			ts, user, peer, g.port(), user, g.ip("push_ifconfig"), g.n(0, 40), g.s("secret", "secret/openvpn_auth_token", g.mixed(64, b64std)))
	case 3:
		return fmt.Sprintf("%s %s:%s peer info: IV_VER=%s\n%s %s:%s peer info: IV_PLAT=win\n%s %s:%s peer info: IV_GUI_VER=OpenVPN_GUI_%s\n%s %s:%s peer info: IV_HWADDR=%s",
			ts, peer, g.port(), g.l("version/keyed", "2.6."+g.num(1, 12)), ts, peer, g.port(), ts, peer, g.port(), g.l("version/gui_token", "11."+g.num(40, 50)+".0.0"), ts, peer, g.port(), g.macAddr())
	default:
		return fmt.Sprintf("%s %s:%s WARNING: Failed running command (--auth-user-pass-verify): external program exited with error status: 1\n%s %s:%s TLS Auth Error: Auth Username/Password verification failed for peer", ts, peer, g.port(), ts, peer, g.port())
	}
}

func strongswan(g *gen) string {
	ts := fmt.Sprintf("%s %2d %s vpn01 charon: %02d[", g.month(), g.n(1, 28), g.clock(), g.n(1, 16))
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%sIKE] IKE_SA site-%s[%d] established between %s[vpn.example.com]...%s[%s]", ts, g.pick("seoul", "busan", "aws"), g.n(1, 300), g.ip("ike_between"), g.ip("ike_between"), g.pick("C=KR, O=Example, CN=gw.example.com", "gw-peer"))
	case 1:
		id := g.s("email", "email/eap_identity", g.email())
		return fmt.Sprintf("%sIKE] received EAP identity '%s'\n%sIKE] authentication of '%s' with EAP successful", ts, id, ts, id)
	case 2:
		return fmt.Sprintf("%s : PSK \"%s\"", g.ip("ipsec_secrets"), g.s("secret", "secret/ipsec_psk", g.password()))
	case 3:
		return fmt.Sprintf("secrets { ike-%s { id = %s secret = \"%s\" } eap-%s { id = %s secret = %s } }", g.pick("seoul", "aws"), g.ip("swanctl_id"), g.s("secret", "secret/swanctl_secret", g.password()), "kim", g.userID(), g.s("secret", "secret/swanctl_secret_bare", g.password()))
	default:
		return fmt.Sprintf("%sDMN] Starting IKE charon daemon (strongSwan %s, Linux %s-amd64, x86_64)", ts, g.l("version/banner", "5.9."+g.num(8, 14)), "6.1.0-"+g.num(10, 25))
	}
}

func samba(g *gen) string {
	ts := fmt.Sprintf("[2024/%02d/%02d %s.%06d,  %d]", g.n(1, 12), g.n(1, 28), g.clock(), g.n(0, 999999), g.n(1, 3))
	user := g.userID()
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s ../../source3/auth/auth.c:%d(auth_check_ntlm_password)\n  check_ntlm_password:  Authentication for user [%s] -> [%s] FAILED with error NT_STATUS_WRONG_PASSWORD, authoritative=1", ts, g.n(300, 400), user, user)
	case 1:
		var remote string
		if g.chance(0.3) {
			remote = "ipv6:" + g.s("ipv6", "ipv6/samba_prefixed", g.ipv6()) + ":" + g.port()
		} else {
			remote = "ipv4:" + g.ip("samba_prefixed") + ":" + g.port()
		}
		return fmt.Sprintf(`{"timestamp": "%s", "type": "Authentication", "Authentication": {"version": {"major": 1, "minor": 2}, "eventId": 4625, "logonId": "0", "logonType": 3, "status": "NT_STATUS_WRONG_PASSWORD", "localAddress": "ipv4:%s:445", "remoteAddress": "%s", "serviceDescription": "SMB2", "authDescription": null, "clientDomain": "CORP", "clientAccount": "%s", "workstation": "WS-%s", "passwordType": "NTLMv2", "duration": %d}}`,
			g.l("timestamp/iso", g.isoTime()), g.ip("samba_prefixed"), remote, user, g.digits(4), g.n(100, 99999))
	default:
		return fmt.Sprintf("%s ../../source3/smbd/service.c:%d(make_connection_snum)\n  %s (%s) connect to service backup initially as user %s (uid=%d, gid=%d) (pid %d)\nbackup job: running smbclient //%s/backup -U %s%%%s -c 'put db-%s.tar'",
			ts, g.n(1000, 1200), g.pick("ws-0123", "nas01"), "ipv4:"+g.ip("samba_prefixed")+":"+g.port(), user, g.n(1000, 60000), g.n(100, 999), g.n(1000, 99999), g.ip("unc_path"), "backup", g.s("secret", "secret/smbclient_user_pct", g.password()), g.l("date", g.date()))
	}
}
