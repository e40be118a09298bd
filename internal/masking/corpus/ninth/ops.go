//go:build ninthwip

package ninth

var opsFormats = []format{
	{"haproxy_http", Text, func(b *builder) {
		b.w("Dec  1 ", b.clock(), " lb1 haproxy[", b.pid(), "]: ", b.ip("haproxy_client"), ":", b.num(1024, 65000), " [01/Dec/2026:", b.clock(), ".", b.digits(3), "] fe_https~ be_api/srv", b.num(1, 9), " 0/0/1/", b.num(2, 90), "/", b.num(3, 99), " ", b.pick("200", "302", "404"), " ", b.num(200, 9000), " - - ---- ", b.num(1, 99), "/", b.num(1, 99), "/0/0/0 0/0 \"GET /v1/orders/", b.order(), "?")
		if b.maybe() {
			b.w("api_key=", b.key("query"), "&")
		}
		b.w("rid=", b.uuid(), " HTTP/1.1\"")
	}},
	{"squid_access", Text, func(b *builder) {
		b.w(b.epoch()[:10], ".", b.digits(3), " ", b.num(1, 9000), " ", b.ip("squid_client"), " TCP_", b.pick("MISS", "TUNNEL", "HIT"), "/", b.pick("200", "407"), " ", b.num(300, 90000), " GET http://")
		if b.maybe() {
			b.w(b.user(), ":", b.upw("url_userinfo"), "@")
		}
		b.w("repo.example.com/pkg/tool-", b.ver(), ".tar.gz - HIER_DIRECT/", b.ip("squid_upstream"), " application/gzip")
	}},
	{"postfix", Text, func(b *builder) {
		id := b.a("queue_id", b.from("0123456789ABCDEF", 10))
		b.w("Dec  2 ", b.clock(), " mx1 postfix/smtpd[", b.pid(), "]: ", id, ": client=unknown[", b.ip("postfix_client"), "], sasl_method=LOGIN, sasl_username=", b.email("sasl_username"))
	}},
	{"dovecot", Text, func(b *builder) {
		b.w("Dec  2 ", b.clock(), " mail dovecot: imap-login: Login: user=<", b.email("angle_user"), ">, method=PLAIN, rip=", b.ip("dovecot_rip"), ", lip=", b.ip("dovecot_lip"), ", mpid=", b.pid(), ", TLS, session=<", b.a("session_tag", b.from(alnum, 16)), ">")
	}},
	{"sshd_auth", Text, func(b *builder) {
		b.w("Dec  1 ", b.clock(), " bastion sshd[", b.pid(), "]: Accepted publickey for deploy from ", b.ip("sshd_from"), " port ", b.a("port", b.num(20000, 65000)), " ssh2: ED25519 SHA256:", b.a("key_fingerprint", b.from(alnum+"+/", 43)))
	}},
	{"sudo", Text, func(b *builder) {
		b.w("Dec  2 ", b.clock(), " host1 sudo:   deploy : TTY=pts/", b.num(0, 9), " ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/mysql -uroot -p", b.pw("glued_short_flag"), " -e 'SELECT 1' # build ", b.ver())
	}},
	{"auditd", Text, func(b *builder) {
		b.w("type=USER_AUTH msg=audit(", b.epoch()[:10], ".", b.digits(3), ":", b.num(100, 9999), "): pid=", b.pid(), " uid=0 auid=1000 ses=", b.num(1, 99), " msg='op=PAM:authentication grantors=pam_unix acct=\"deploy\" exe=\"/usr/sbin/sshd\" hostname=", b.ip("auditd_hostname"), " addr=", b.ip("auditd_addr"), " terminal=ssh res=success'")
	}},
	{"win_event", Text, func(b *builder) {
		b.w("Log Name: Security | Source: Microsoft-Windows-Security-Auditing | Event ID: 4625 | Account Name: ", b.user(), " | Workstation Name: WS-", b.digits(4), " | Source Network Address: ", b.ip("win_source_addr"), " | Source Port: ", b.a("port", b.num(1024, 65000)), " | Logon ID: 0x", b.a("logon_id", b.hex(6)))
	}},
	{"k8s_audit", JSON, func(b *builder) {
		b.w(`{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"`, b.uuid(), `","verb":"create","requestURI":"/api/v1/namespaces/shop/secrets","sourceIPs":["`, b.ip("k8s_source_ips"), `"],"requestObject":{"kind":"Secret","stringData":{"DB_PASSWORD":"`, b.pw("k8s_stringdata"), `"}},"requestReceivedTimestamp":"`, b.isoT(), `.`, b.digits(6), `Z"}`)
	}},
	{"klog_apiserver", Text, func(b *builder) {
		b.w("I1202 ", b.clock(), ".", b.digits(6), "       ", b.num(1, 99), " httplog.go:132] \"HTTP\" verb=\"GET\" URI=\"/apis/apps/v1/deployments\" latency=\"", b.dur(), "\" userAgent=\"kubectl/v", b.ver(), "\" audit-ID=\"", b.uuid(), "\" srcIP=\"", b.ip("klog_srcip"), ":", b.num(30000, 60000), "\" resp=200")
	}},
	{"coredns", Text, func(b *builder) {
		b.w("[INFO] ", b.ip("coredns_client"), ":", b.num(1024, 65000), " - ", b.num(1, 65000), " \"AAAA IN api.example.com. udp 45 false 512\" NOERROR qr,rd,ra 120 ", b.dur(), " answer ", b.ip6("coredns_answer"))
	}},
	{"traefik_json", JSON, func(b *builder) {
		b.w(`{"ClientHost":"`, b.ip("traefik_clienthost"), `","RequestMethod":"POST","RequestPath":"/login","DownstreamStatus":401,"Duration":`, b.digits(7), `,"request_Authorization":"Basic `, b.basic("traefik_header"), `","RouterName":"web@docker","time":"`, b.isoT(), `Z"}`)
	}},
	{"caddy_json", JSON, func(b *builder) {
		b.w(`{"level":"info","ts":`, b.epoch()[:10], `.`, b.digits(4), `,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"`, b.ip6("caddy_remote_ip"), `","headers":{"Cookie":["sessionid=`, b.tok("cookie_session"), `"]}},"duration":0.00`, b.digits(4), `,"status":200,"build":"`, b.ver(), `"}`)
	}},
	{"terraform_debug", Text, func(b *builder) {
		b.w(b.isoT(), ".", b.digits(3), "Z [DEBUG] provider.terraform-provider-aws_v", b.ver(), ": [aws-sdk-go] DEBUG: Request sts/GetCallerIdentity Details: Authorization: AWS4-HMAC-SHA256 Credential=", b.key("sigv4_credential"), "/20261202/us-east-1/sts/aws4_request")
	}},
	{"ansible", Text, func(b *builder) {
		b.w("TASK [db : create user] ok: [", b.hostn(), "] => {\"changed\": false, \"invocation\": {\"module_args\": {\"login_password\": \"", b.pw("ansible_module_args"), "\", \"name\": \"app\"}}, \"duration\": \"", b.dur(), "\"}")
	}},
}
