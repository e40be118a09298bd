package sixth

import (
	"fmt"
	"strings"
)

var formats = []format{
	{"nextcloud", JSON, "", nextcloud},
	{"wordpress", Text, "[", wordpress},
	{"woocommerce", Text, "2026-", woocommerce},
	{"cafe24", JSON, "", cafe24},
	{"jenkins", Text, "2026-", jenkins},
	{"argocd", JSON, "", argocd},
	{"artifactory", Text, "2026-", artifactory},
	{"opensearch_audit", JSON, "", opensearchAudit},
	{"splunk_hec", JSON, "", splunkHEC},
	{"fluentbit", Text, "[2026/", fluentbit},
	{"lighttpd", Text, "2026-", lighttpd},
	{"varnishlog", Text, "-", varnishlog},
	{"catalina", Text, "", catalina},
	{"iis_freb", XML, "<Event", iisFREB},
	{"nlog", Text, "2026-", nlog},
	{"sidekiq", Text, "2026-", sidekiq},
	{"bunyan", JSON, "", bunyan},
	{"phoenix", Text, "", phoenix},
	{"kong", JSON, "", kong},
	{"zookeeper", Text, "2026-", zookeeper},
	{"nomad", Text, "2026-", nomad},
	{"teleport", JSON, "", teleport},
	{"freeradius", Text, "", freeradius},
	{"cisco_ise", Text, "<", ciscoISE},
	{"wireguard", Text, "", wireguard},
	{"windows_dns", Text, "", windowsDNS},
	{"windows_dhcp", CSV, "", windowsDHCP},
	{"m365_audit", JSON, "", m365},
	{"gworkspace", JSON, "", gworkspace},
	{"slack_audit", JSON, "", slackAudit},
	{"zoom_webhook", JSON, "", zoom},
	{"nats", Text, "[", nats},
	{"sentinel", Text, "", sentinel},
	{"minio_audit", JSON, "", minio},
	{"ceph_rgw", JSON, "", cephRGW},
	{"veeam", Text, "[", veeam},
	{"hana_trace", Text, "[", hana},
	{"goldengate", Text, "2026-", goldengate},
	{"egov_sql", Text, "2026-", egovSQL},
	{"bank_fixed", Text, "[", bankFixed},
	{"iso8583", Text, "", iso8583},
	{"parcel_api", Text, "2026-", parcel},
	{"emr_ocs", Text, "[", emr},
	{"insurance", Text, "2026-", insurance},
	{"linkerd", Text, "[", linkerd},
	{"duo", JSON, "", duo},
	{"sccm_cmtrace", Text, "<![LOG[", sccm},
	{"commvault", Text, "", commvault},
	{"jboss_audit", JSON, "", jbossAudit},
}

func nextcloud(t *tb) string {
	msg := ""
	switch t.r.IntN(4) {
	case 0:
		msg = fmt.Sprintf(`Login failed: '%s' (Remote IP: '%s')`, t.emJSON(), t.ip4("json_message"))
	case 1:
		msg = fmt.Sprintf(`Sharing by mail: share sent to %s, token %s`, t.emJSON(), t.s("secret", "share_token", t.mixed(15)))
	case 2:
		msg = fmt.Sprintf(`Exception: {"Exception":"Doctrine\\DBAL\\Exception","Message":"An exception occurred while executing a query: SQLSTATE[HY000] [1045] Access denied","Trace":"dbpassword => '%s'"}`, t.pwd("php_trace_arg"))
	default:
		msg = fmt.Sprintf(`Could not connect to SMTP host mail.example.com: mail_smtppassword=%s`, t.pwd("config_key"))
	}
	msg = strings.ReplaceAll(msg, `"`, `\"`)
	return fmt.Sprintf(`{"reqId":"%s","level":%d,"time":"%s","remoteAddr":"%s","user":"%s","app":"%s","method":"%s","url":"/index.php/apps/files/?dir=/Documents&fileid=%s","message":"%s","userAgent":"%s","version":"%s","data":{"app":"core"}}`,
		t.mixed(20), t.n(0, 3), t.ts(), t.ip4("json_remoteAddr"), t.login(), t.pick("core", "files", "sharebymail", "user_ldap"), t.pick("GET", "POST", "PROPFIND"), t.digits(6), msg,
		strings.ReplaceAll(t.ua(), `"`, ""), t.la("version/nextcloud", fmt.Sprintf("28.0.%d.1", t.n(1, 9))))
}

func wordpress(t *tb) string {
	pre := fmt.Sprintf("[%02d-Dec-2026 %s UTC] ", t.n(1, 28), t.hms())
	switch t.r.IntN(4) {
	case 0:
		return pre + fmt.Sprintf(`PHP Warning:  mysqli_real_connect(): (HY000/1045): Access denied for user 'wp_%s'@'%s' (using password: YES) in /var/www/html/wp-includes/class-wpdb.php on line %d`, t.login(), t.ip4("sql_host"), t.n(1700, 2100))
	case 1:
		return pre + fmt.Sprintf(`PHP Notice:  wp_mail() failed for "%s" <%s>: SMTP Error: Could not authenticate. smtp_pass="%s" plugin=wp-mail-smtp/%s`, t.pick(korNames...), t.s("email", "angle", t.email()), t.pwd("quoted_key"), t.la("version/plugin", "4.0.1"))
	case 2:
		return pre + fmt.Sprintf(`Array ( [user_login] => %s [user_email] => %s [billing_phone] => %s [user_pass] => %s [order] => %s )`, t.login(), t.em(), t.ph(), t.pwd("php_print_r"), t.ord())
	default:
		return pre + fmt.Sprintf(`PHP Fatal error:  Uncaught Exception: REST request /wp-json/wc/v3/orders?consumer_key=ck_%s&consumer_secret=%s failed in /var/www/html/wp-content/plugins/sync/sync.php:%d`, t.hex(40), t.s("secret", "query_param", "cs_"+t.hex(40)), t.n(10, 400))
	}
}

func woocommerce(t *tb) string {
	pre := fmt.Sprintf("%sT%s+00:00 %s ", t.date(), t.hms(), t.pick("DEBUG", "INFO", "ERROR", "NOTICE"))
	switch t.r.IntN(4) {
	case 0:
		return pre + fmt.Sprintf(`PayPal Request: Array ( [USER] => %s [PWD] => %s [SIGNATURE] => %s [EMAIL] => %s [INVNUM] => %s )`, t.login(), t.pwd("php_print_r"), t.s("secret", "php_print_r", t.mixed(56)), t.em(), t.ord())
	case 1:
		return pre + fmt.Sprintf(`Stripe: POST /v1/payment_intents with key %s for order #%s, amount 45000 KRW`, t.s("access_key", "stripe", "sk_live_"+t.mixed(24)), t.la("order_number", t.digits(5)))
	case 2:
		_, a := t.acct("label_en", true)
		return pre + fmt.Sprintf(`BACS refund queued: order %s, account number %s, sort code 20-00-00, customer %s`, t.ord(), a, t.em())
	default:
		return pre + fmt.Sprintf(`Webhook delivery %s to https://hooks.example.com/wc?billing_email=%s&billing_phone=%s took %s`, t.uid(), t.emPct(), t.ph(), t.durL())
	}
}

func cafe24(t *tb) string {
	switch t.r.IntN(3) {
	case 0:
		return fmt.Sprintf(`{"event_no":90023,"resource":{"mall_id":"hanbitshop","event_shop_no":"1","order_id":"%s","buyer_name":"%s","buyer_email":"%s","buyer_cellphone":"%s","receiver_address1":"%s","payment_method":"card","card_no":"%s","created_date":"%s"}}`,
			t.ord(), t.pick(korNames...), t.emJSON(), t.ph(), t.pick(cities...), t.ccRaw(), t.ts())
	case 1:
		b, a := t.acct("json_key", true)
		return fmt.Sprintf(`{"event_no":90041,"resource":{"mall_id":"hanbitshop","order_id":"%s","refund_bank_name":"%s","refund_bank_account_no":"%s","refund_bank_account_holder":"%s","refund_amount":"39000.00","trace":"%s"}}`,
			t.ord(), b, a, t.pick(korNames...), t.trace())
	default:
		return fmt.Sprintf(`{"client_id":"%s","client_secret":"%s","grant_type":"refresh_token","refresh_token":"%s","mall":"hanbitshop","requested_at":%s}`,
			t.mixed(22), t.s("secret", "json_key", t.mixed(22)), t.tok("json_key"), t.ems())
	}
}

func jenkins(t *tb) string {
	pre := fmt.Sprintf("%s %s.%03d+0000 [id=%d]\t%s\t", t.date(), t.hms(), t.n(0, 999), t.n(20, 999), t.pick("INFO", "WARNING", "SEVERE"))
	switch t.r.IntN(5) {
	case 0:
		return pre + fmt.Sprintf(`hudson.plugins.git.GitSCM#checkout: Fetching https://%s:%s@git.example.com/platform/api.git at %s`, t.login(), t.s("secret", "url_password", t.pw()), t.sha())
	case 1:
		var pass string
		if t.r.IntN(2) == 0 {
			pass = t.s("secret", "cli_flag", t.pw())
		} else {
			pass = t.la("placeholder", "****")
		}
		return pre + fmt.Sprintf(`hudson.model.Run#execute: + docker login -u deploy -p %s registry.example.com:5000 (image api:%s)`, pass, t.la("version/tag", "1.8."+fmt.Sprint(t.n(0, 30))))
	case 2:
		return pre + fmt.Sprintf(`jenkins.security.ApiTokenProperty#changeApiToken: new API token %s generated for user %s from %s`, t.s("secret", "label", t.hex(34)), t.login(), t.ip4("message"))
	case 3:
		return pre + fmt.Sprintf(`hudson.model.Run#execute: + aws configure set aws_access_key_id %s && aws configure set aws_secret_access_key %s --profile deploy`, t.s("access_key", "aws_cli", t.awsKeyID()), t.s("secret", "aws_secret_cli", t.awsSecret()))
	default:
		return pre + fmt.Sprintf(`hudson.tasks.Mailer#send: Notifying %s of build #%d (took %s)`, t.em(), t.n(100, 9999), t.la("duration", fmt.Sprintf("%d min %d sec", t.n(1, 59), t.n(1, 59))))
	}
}

func argocd(t *tb) string {
	switch t.r.IntN(3) {
	case 0:
		return fmt.Sprintf(`{"level":"info","msg":"finished unary call with code OK","grpc.code":"OK","grpc.method":"Create","grpc.service":"session.SessionService","grpc.start_time":"%s","grpc.time_ms":%d.%d,"span.kind":"server","system":"grpc","time":"%s","peer.address":"%s:%d"}`,
			t.ts(), t.n(1, 900), t.n(1, 999), t.ts(), t.ip4("json_value_port"), t.n(40000, 60000))
	case 1:
		return fmt.Sprintf(`{"level":"warning","msg":"repository https://github.com/example/deploy.git: authentication required, using password %s for user %s","time":"%s","revision":"%s"}`,
			t.s("secret", "label_sentence", t.s("access_key", "github", "ghp_"+t.mixed(36))), "git", t.ts(), t.sha())
	default:
		return fmt.Sprintf(`{"level":"info","msg":"sso login","user":"%s","groups":["platform"],"id_token":"%s","time":"%s","app":"payments","image":"registry.example.com/%s"}`,
			t.emJSON(), t.s("jwt", "json_key", t.jwt()), t.ts(), t.la("version/image_tag", "payments:"+t.quad()))
	}
}

func artifactory(t *tb) string {
	who := t.login()
	if t.r.IntN(2) == 0 {
		who = t.em()
	}
	url := fmt.Sprintf("/api/npm/npm-remote/%s/-/%s.tgz", t.pick("lodash", "express", "react"), t.pick("lodash-4.17.21", "express-4.19.2", "react-18.3.1"))
	if t.r.IntN(3) == 0 {
		url = fmt.Sprintf("/api/security/token?username=%s&password=%s", who, t.s("secret", "query_param", t.pw()))
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d|%d|%d|%d|%s",
		t.ts(), t.la("trace_id", t.hex(16)), t.ip4("pipe_field"), who, t.pick("GET", "PUT", "POST"), url, 200, t.n(0, 900), t.n(100, 99999), t.n(1, 9000), t.ua())
}

func opensearchAudit(t *tb) string {
	var body string
	if t.r.IntN(2) == 0 {
		body = fmt.Sprintf(`{\"password\":\"%s\",\"backend_roles\":[\"analyst\"]}`, t.pwd("escaped_json"))
	} else {
		body = fmt.Sprintf(`{\"query\":{\"term\":{\"customer.email\":\"%s\"}}}`, t.emJSON())
	}
	return fmt.Sprintf(`{"audit_format_version":4,"audit_category":"%s","audit_request_origin":"REST","audit_node_id":"%s","audit_request_layer":"REST","audit_rest_request_path":"/_plugins/_security/api/internalusers/%s","audit_request_body":"%s","@timestamp":"%s","audit_request_effective_user":"admin","audit_request_remote_address":"%s","audit_node_host_address":"%s","audit_rest_request_headers":{"Content-Type":["application/json"],"Authorization":["Basic %s"]}}`,
		t.pick("AUTHENTICATED", "FAILED_LOGIN", "GRANTED_PRIVILEGES"), t.mixed(22), t.login(), body, t.ts(), t.ip4("json_value"), t.ip4("json_value"), t.s("auth_header", "basic_json_array", t.basic("admin", t.pw())))
}

func splunkHEC(t *tb) string {
	ev := ""
	switch t.r.IntN(3) {
	case 0:
		ev = fmt.Sprintf(`{"action":"login","src_ip":"%s","user":"%s","phone":"%s"}`, t.ip4("json_value"), t.emJSON(), t.ph())
	case 1:
		ev = fmt.Sprintf(`"POST /checkout card=%s exp=12/29 order=%s"`, t.cc(), t.ord())
	default:
		ev = fmt.Sprintf(`{"message":"forwarder registered","hec_token":"%s","build":"%s"}`, t.s("secret", "json_key", t.uuid()), t.la("version/build", "9.2.1"))
	}
	return fmt.Sprintf(`{"time":%s.%03d,"host":"web-%02d","source":"/var/log/app.log","sourcetype":"_json","index":"main","event":%s,"fields":{"request_id":"%s"}}`,
		t.la("epoch", t.epoch()), t.n(0, 999), t.n(1, 40), ev, t.uid())
}

func fluentbit(t *tb) string {
	pre := fmt.Sprintf("[2026/%02d/%02d %s] [%s] ", t.n(1, 12), t.n(1, 28), t.hms(), t.pick(" info", "error", " warn", "debug"))
	switch t.r.IntN(4) {
	case 0:
		return pre + fmt.Sprintf(`[output:http:http.0] %s:9880, HTTP status=401 URI=/ingest?api_key=%s`, t.ip4("host_port"), t.s("secret", "query_param", t.hex(32)))
	case 1:
		return pre + fmt.Sprintf(`[output:es:es.0] HTTP Basic auth with HTTP_User=fluent HTTP_Passwd=%s failed, retry in %s`, t.pwd("config_key"), t.la("duration", fmt.Sprintf("%ds", t.n(1, 60))))
	case 2:
		return pre + fmt.Sprintf(`[filter:lua:lua.0] record {"user":"%s","card":"%s","ts":%s}`, t.em(), t.ccRaw(), t.ems())
	default:
		return pre + fmt.Sprintf(`[fluent bit] version=%s, commit=%s, pid=%d`, t.la("version/semver", "3.1.9"), t.la("commit_short", t.hex(10)), t.n(1, 65000))
	}
}

func lighttpd(t *tb) string {
	pre := fmt.Sprintf("%s %s: ", t.date(), t.hms())
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`(mod_auth.c.%d) password doesn't match for /admin username: %s IP: %s`, t.n(800, 900), t.login(), t.ip4("label_ip"))
	case 1:
		return pre + fmt.Sprintf(`(response.c.%d) -- splitting Request-URI Request-URI: /reset?email=%s&code=%s`, t.n(100, 600), t.emPct(), t.s("secret", "query_code", t.digits(6)))
	default:
		return pre + fmt.Sprintf(`(server.c.%d) server started (lighttpd/%s) pid %d`, t.n(1000, 2000), t.la("version/semver", "1.4.76"), t.n(100, 60000))
	}
}

func varnishlog(t *tb) string {
	switch t.r.IntN(7) {
	case 4:
		p := "%2B82%2010-" + t.digits(4) + "-" + t.digits(4)
		return fmt.Sprintf("-   ReqURL         /member/find-id?tel=%s&ts=%s", t.s("phone", "percent", p), t.ems())
	case 5:
		return fmt.Sprintf("-   ReqHeader      Cookie: id_token=%s; lang=ko", t.s("jwt", "cookie", t.jwt()))
	case 6:
		return fmt.Sprintf("-   ReqHeader      X-Forwarded-For: %s, %s", t.s("ipv6", "xff", t.ipv6()), t.ip4("xff"))
	case 0:
		return fmt.Sprintf("-   ReqHeader      Cookie: _ga=GA1.2.%s.%s; sessionid=%s", t.digits(9), t.la("epoch", t.epoch()), t.tok("cookie"))
	case 1:
		return fmt.Sprintf("-   ReqHeader      X-Forwarded-For: %s, %s", t.ip4("xff"), t.ip4("xff"))
	case 2:
		return fmt.Sprintf("-   ReqHeader      Authorization: Bearer %s", t.s("jwt", "bearer", t.jwt()))
	default:
		return fmt.Sprintf("-   ReqURL         /api/v2/members?phone=%s&order=%s", t.ph(), t.ord())
	}
}

func catalina(t *tb) string {
	pre := fmt.Sprintf("%02d-Dec-2026 %s.%03d %s [%s] ", t.n(1, 28), t.hms(), t.n(0, 999), t.pick("INFO", "SEVERE", "WARNING"), t.pick("main", "http-nio-8080-exec-3", "localhost-startStop-1"))
	switch t.r.IntN(4) {
	case 0:
		return pre + fmt.Sprintf(`org.apache.catalina.realm.JDBCRealm.authenticate Failed to connect: jdbc:mysql://%s:3306/auth?user=tomcat&password=%s`, t.ip4("jdbc_host"), t.s("secret", "jdbc_param", t.pw()))
	case 1:
		if t.r.IntN(3) == 0 {
			return pre + fmt.Sprintf(`org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -Djavax.net.ssl.trustStorePassword=%s`, t.la("placeholder", "********"))
		}
		return pre + fmt.Sprintf(`org.apache.catalina.startup.VersionLoggerListener.log Command line argument: -Djavax.net.ssl.keyStorePassword=%s`, t.s("secret", "jvm_flag", t.pw()))
	case 2:
		return pre + fmt.Sprintf(`com.example.web.SignupServlet.doPost signup name=%s email=%s mobile=%s`, t.pick(korNames...), t.em(), t.ph())
	default:
		return pre + fmt.Sprintf(`org.apache.catalina.startup.VersionLoggerListener.log Server version number: %s`, t.la("version/quad", "10.1."+fmt.Sprint(t.n(10, 30))+".0"))
	}
}

func iisFREB(t *tb) string {
	data := ""
	switch t.r.IntN(3) {
	case 0:
		data = fmt.Sprintf(`<Data Name="Headers">Host: shop.example.com&#13;&#10;Cookie: ASP.NET_SessionId=%s&#13;&#10;X-Forwarded-For: %s&#13;&#10;</Data>`, t.s("secret", "xml_cookie", t.from(lower+digit, 24)), t.ip4("xff"))
	case 1:
		data = fmt.Sprintf(`<Data Name="RequestURL">https://shop.example.com:443/Account/Login?ReturnUrl=%%2F&amp;email=%s</Data><Data Name="Verb">POST</Data>`, t.emPct())
	default:
		data = fmt.Sprintf(`<Data Name="Headers">Authorization: Bearer %s&#13;&#10;User-Agent: %s&#13;&#10;</Data>`, t.s("auth_header", "xml_header", t.mixed(40)), t.ua())
	}
	return fmt.Sprintf(`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="WWW Server" Guid="{%s}"/><EventID>0</EventID><Opcode>%d</Opcode><TimeCreated SystemTime="%s"/><Correlation ActivityID="{%s}"/></System><EventData><Data Name="ContextId">{%s}</Data>%s</EventData></Event>`,
		strings.ToUpper(t.uuid()), t.n(1, 50), t.ts(), strings.ToUpper(t.uuid()), t.uid(), data)
}

func nlog(t *tb) string {
	pre := fmt.Sprintf("%s %s.%04d|%s|%s|", t.date(), t.hms(), t.n(0, 9999), t.pick("INFO", "DEBUG", "ERROR", "WARN"), t.pick("Shop.Web.Controllers.AccountController", "Shop.Data.DbContext", "Shop.Payments.KcpClient"))
	switch t.r.IntN(5) {
	case 0:
		return pre + fmt.Sprintf(`Opening connection Server=%s,1433;Database=Shop;User Id=shop_app;Password=%s;TrustServerCertificate=True`, t.ip4("conn_string"), t.s("secret", "conn_string", t.pw()))
	case 1:
		return pre + fmt.Sprintf(`Login attempt {"Email":"%s","Password":"%s","RememberMe":true} correlation %s`, t.emJSON(), t.pwd("json_key"), t.uid())
	case 2:
		return pre + fmt.Sprintf(`Blob upload: DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=%s;EndpointSuffix=core.windows.net`, t.s("secret", "conn_string", t.from(alnum+"+/", 86)+"=="))
	case 4:
		return pre + fmt.Sprintf(`Executed DbCommand (%s) [Parameters=[@p0='%s', @p1=%s (Size = 4000), @p2='%s'], CommandType='Text'] INSERT INTO [Members] ([Email], [PasswordHash], [Phone]) VALUES (@p0, @p1, @p2)`, t.durL(), t.em(), t.la("placeholder", "'?'"), t.ph())
	default:
		return pre + fmt.Sprintf(`Request finished HTTP/1.1 GET https://shop.example.com/orders/%s - 200 %d application/json %s`, t.ord(), t.n(100, 9000), t.la("duration", fmt.Sprintf("%d.%04dms", t.n(1, 900), t.n(0, 9999))))
	}
}

func sidekiq(t *tb) string {
	pre := fmt.Sprintf("%s pid=%d tid=%s class=%s jid=%s ", t.ts(), t.n(100, 60000), t.from(lower+digit, 4), t.pick("UserMailer", "SmsNotifyJob", "RefundWorker"), t.la("job_id", t.hex(24)))
	switch t.r.IntN(4) {
	case 0:
		return pre + fmt.Sprintf(`INFO: start args=["%s", "%s"]`, t.em(), t.ph())
	case 1:
		b, a := t.acct("json_args", true)
		return pre + fmt.Sprintf(`INFO: start args=[{"refund_id"=>%d, "bank"=>"%s", "account_no"=>"%s"}]`, t.n(1000, 99999), b, a)
	case 2:
		return pre + fmt.Sprintf(`WARN: Twilio::REST::RestError: Unable to create record: Authenticate, auth_token=%s`, t.s("secret", "label_eq", t.hex(32)))
	default:
		return pre + fmt.Sprintf(`elapsed=%s.%03d INFO: done`, fmt.Sprint(t.n(0, 30)), t.n(0, 999))
	}
}

func bunyan(t *tb) string {
	extra := ""
	switch t.r.IntN(4) {
	case 0:
		extra = fmt.Sprintf(`"req":{"method":"POST","url":"/login","headers":{"x-forwarded-for":"%s","cookie":"connect.sid=s%%3A%s"},"remoteAddress":"::ffff:%s"}`, t.ip4("json_xff"), t.s("secret", "cookie", t.mixed(32)), t.ip4("ipv4_mapped"))
	case 1:
		extra = fmt.Sprintf(`"user":{"email":"%s","phone":"%s"},"order":"%s"`, t.emJSON(), t.ph(), t.ord())
	case 2:
		extra = fmt.Sprintf(`"config":{"redisUrl":"redis://:%s@cache.internal:6379/0","port":8080}`, t.s("secret", "url_password", t.pw()))
	default:
		extra = fmt.Sprintf(`"clientAddr":"%s","traceId":"%s","spanId":"%s"`, t.s("ipv6", "json_value", t.ipv6()), t.trace(), t.span())
	}
	return fmt.Sprintf(`{"name":"checkout-api","hostname":"checkout-%s","pid":%d,"level":%d,%s,"msg":"%s","time":"%s","v":0}`,
		t.hex(5), t.n(1, 60000), 10*t.n(2, 5), extra, t.pick("request", "user lookup", "config loaded", "response sent"), t.la("timestamp", t.ts()))
}

func phoenix(t *tb) string {
	pre := fmt.Sprintf("%s.%03d request_id=%s [info] ", t.hms(), t.n(0, 999), t.la("request_id", "F"+t.mixed(19)))
	switch t.r.IntN(4) {
	case 0:
		return pre + fmt.Sprintf(`Parameters: %%{"user" => %%{"email" => "%s", "password" => "%s"}}`, t.em(), t.pwd("elixir_map"))
	case 1:
		return pre + fmt.Sprintf(`Parameters: %%{"phone" => "%s", "otp" => "%s"}`, t.ph(), t.s("secret", "elixir_map_code", t.digits(6)))
	case 2:
		if t.r.IntN(2) == 0 {
			return pre + fmt.Sprintf(`Parameters: %%{"session" => %%{"email" => "%s", "password" => "%s"}} Sent 302 in %s`, t.em(), t.la("placeholder", "[FILTERED]"), t.durL())
		}
		return pre + fmt.Sprintf(`Sent 200 in %s`, t.durL())
	default:
		return pre + fmt.Sprintf(`[Ecto] connect(hostname: "db.internal", username: "app", password: "%s", pool_size: 10)`, t.pwd("elixir_keyword"))
	}
}

func kong(t *tb) string {
	var hdr, qs string
	if t.r.IntN(2) == 0 {
		hdr = fmt.Sprintf(`"authorization":"Bearer %s"`, t.s("jwt", "json_bearer", t.jwt()))
	} else {
		hdr = fmt.Sprintf(`"apikey":"%s"`, t.s("secret", "json_header", t.mixed(32)))
	}
	if t.r.IntN(2) == 0 {
		qs = fmt.Sprintf(`"querystring":{"access_token":"%s"}`, t.tok("json_key"))
	} else {
		qs = fmt.Sprintf(`"querystring":{"page":"2","email":"%s"}`, t.emJSON())
	}
	return fmt.Sprintf(`{"request":{"method":"GET","uri":"/v1/members","url":"http://api.example.com:8000/v1/members","size":%d,%s,"headers":{"host":"api.example.com",%s,"user-agent":"%s"}},"upstream_uri":"/members","response":{"status":200,"size":%d},"latencies":{"kong":%d,"proxy":%d,"request":%d},"client_ip":"%s","started_at":%s,"service":{"id":"%s","name":"members"}}`,
		t.n(80, 900), qs, hdr, t.ua(), t.n(100, 99999), t.n(0, 40), t.n(1, 900), t.n(1, 999), t.ip4("json_value"), t.ems(), t.uid())
}

func zookeeper(t *tb) string {
	pre := fmt.Sprintf("%s %s,%03d [myid:%d] - %s  [%s] - ", t.date(), t.hms(), t.n(0, 999), t.n(1, 5), t.pick("INFO", "WARN", "ERROR"), t.pick("NIOWorkerThread-2:o.a.z.s.ZooKeeperServer@1091", "QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):o.a.z.s.q.Leader@612"))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`Refusing session request for client /%s:%d as it has seen zxid 0x%s`, t.ip4("slash_host_port"), t.n(30000, 60000), t.la("zxid", t.hex(9)))
	case 1:
		return pre + fmt.Sprintf(`SASL DIGEST-MD5 jaas: org.apache.zookeeper.server.auth.DigestLoginModule required user_super="%s" user_kafka="%s";`, t.pwd("jaas_user"), t.pwd("jaas_user"))
	default:
		return pre + fmt.Sprintf(`Established session 0x%s with negotiated timeout 30000 for client /%s:%d`, t.la("session_hex", t.hex(16)), t.ip4("slash_host_port"), t.n(30000, 60000))
	}
}

func nomad(t *tb) string {
	pre := fmt.Sprintf("%s [%s]  ", t.ts(), t.pick("INFO", "WARN", "ERROR", "DEBUG"))
	switch t.r.IntN(6) {
	case 4:
		return pre + fmt.Sprintf(`worker.auth: session token: %s expired for user %s, request_id=%s`, t.s("secret", "session_token_label", "at_"+t.mixed(10)+"_s"+t.mixed(40)), t.login(), t.uid())
	case 5:
		return pre + fmt.Sprintf(`client.driver_mgr.exec: template rendered: env="DB_CONFIG={\"host\":\"%s\",\"user\":\"orders\",\"pwd\":\"%s\"}" alloc_id=%s`, t.ip4("escaped_json"), t.pwd("escaped_json_short"), t.uid())
	case 0:
		return pre + fmt.Sprintf(`client.alloc_runner.task_runner: Task event: alloc_id=%s task=api type=Started msg="Task started by client" image=registry.example.com/api:%s`, t.uid(), t.la("version/tag", "1.4."+fmt.Sprint(t.n(0, 20))))
	case 1:
		return pre + fmt.Sprintf(`agent: (nomad) vault token %s renewal failed: address=https://%s:8200 error="permission denied"`, t.s("access_key", "vault_after_label", "hvs."+t.mixed(24)), t.ip4("url_host"))
	case 2:
		return pre + fmt.Sprintf(`controller.worker: boundary auth: login name=%s password=%s auth_method_id=ampw_%s`, t.login(), t.pwd("hclog_kv"), t.mixed(10))
	default:
		return pre + fmt.Sprintf(`nomad.rpc: member joined: node=client-%d addr=%s:4647 duration=%s`, t.n(1, 99), t.ip4("kv_host_port"), t.durL())
	}
}

func teleport(t *tb) string {
	switch t.r.IntN(3) {
	case 0:
		return fmt.Sprintf(`{"addr.remote":"%s:%d","cluster_name":"prod","code":"T1000I","ei":0,"event":"user.login","method":"local","success":true,"time":"%s","uid":"%s","user":"%s","user_agent":"%s"}`,
			t.ip4("json_host_port"), t.n(30000, 60000), t.ts(), t.uid(), t.emJSON(), t.la("version/ua", "tsh/"+t.quad()))
	case 1:
		return fmt.Sprintf(`{"code":"T2000I","event":"session.start","login":"root","server_addr":"%s:3022","session_id":"%s","time":"%s","user":"%s","initial_command":["mysql","-uroot","-p%s"]}`,
			t.ip4("json_host_port"), t.uid(), t.ts(), t.login(), t.s("secret", "cli_flag_glued", t.pw()))
	default:
		return fmt.Sprintf(`{"code":"TP01I","event":"db.session.query","db_query":"UPDATE users SET password_hash = '%s', phone = '%s' WHERE email = '%s'","db_service":"pg-prod","time":"%s","uid":"%s"}`,
			t.s("secret", "sql_set", "$2b$12$"+t.from(alnum+"./", 53)), t.ph(), t.em(), t.ts(), t.uid())
	}
}

func freeradius(t *tb) string {
	switch t.r.IntN(4) {
	case 0:
		return fmt.Sprintf(`Tue Dec  %d %s 2026 : Auth: (%d) Login incorrect (pap: Cleartext password does not match "known good" password): [%s/%s] (from client nas-%02d port %d cli %s)`,
			t.n(1, 9), t.hms(), t.n(1, 9999), t.login(), t.pwd("radius_bracket"), t.n(1, 40), t.n(0, 48), t.pick("02-00-5E-10-00-01", "AC-DE-48-00-11-22"))
	case 1:
		return fmt.Sprintf("\tUser-Password = \"%s\"", t.pwd("radius_attr"))
	case 2:
		return fmt.Sprintf("\tFramed-IP-Address = %s", t.ip4("radius_attr"))
	default:
		return fmt.Sprintf("\tCalling-Station-Id = \"%s\"", t.ph())
	}
}

func ciscoISE(t *tb) string {
	return fmt.Sprintf(`<181>Dec  %d %s ise01 CISE_Passed_Authentications 00%s 1 0 %s +09:00 %s 5200 NOTICE Passed-Authentication: Authentication succeeded, ConfigVersionId=%d, Device IP Address=%s, DestinationIPAddress=%s, UserName=%s, NetworkDeviceName=sw-%02d, Calling-Station-ID=%s, Framed-IP-Address=%s, AcsSessionID=ise01/%s/%d, SelectedAuthenticationIdentityStores=AD,`,
		t.n(1, 9), t.hms(), t.digits(8), t.date()+" "+t.hms()+"."+t.digits(3), t.la("sequence", t.digits(10)), t.n(10, 400), t.ip4("ise_kv"), t.ip4("ise_kv"), t.em(), t.n(1, 40), t.pick("AC-DE-48-00-11-22", "3C-22-FB-12-34-56"), t.ip4("ise_kv"), t.digits(9), t.n(1, 99999))
}

func wireguard(t *tb) string {
	switch t.r.IntN(4) {
	case 0:
		return "PrivateKey = " + t.s("secret", "ini_key", t.wgKey())
	case 1:
		return "PresharedKey = " + t.s("secret", "ini_key", t.wgKey())
	case 2:
		return fmt.Sprintf("wireguard: wg0: Receiving handshake initiation from peer %d (%s:%d)", t.n(1, 60), t.ip4("paren_host_port"), t.n(1024, 65000))
	default:
		return fmt.Sprintf("Endpoint = %s:51820 # PublicKey = %s", t.ip4("ini_value"), t.la("public_key", t.wgKey()))
	}
}

func windowsDNS(t *tb) string {
	name := t.pick("(3)www(7)example(3)com(0)", "(4)mail(6)contoso(3)com(0)", "(5)login(9)microsoft(3)com(0)")
	return fmt.Sprintf("12/%d/2026 %d:%02d:%02d %s %s PACKET  %s UDP %s %s %s %s Q [0001   D   NOERROR] %s %s",
		t.n(1, 28), t.n(1, 12), t.n(0, 59), t.n(0, 59), t.pick("AM", "PM"), strings.ToUpper(t.hex(4)), t.la("packet_id", strings.ToUpper(t.hex(16))), t.pick("Rcv", "Snd"), t.ip4("dns_debug"), t.hex(4), " ", t.pick("A     ", "AAAA  ", "MX    "), name)
}

func windowsDHCP(t *tb) string {
	host := fmt.Sprintf("DESKTOP-%s.corp.example.com", strings.ToUpper(t.mixed(7)))
	user := ""
	if t.r.IntN(2) == 0 {
		user = t.s("email", "csv_field", t.email())
	}
	return fmt.Sprintf("%s,12/%02d/26,%s,%s,%s,%s,%s,%s,%s,0,6,,,,,,,,,0",
		t.pick("10", "11", "12", "30"), t.n(1, 28), t.hms(), t.pick("Assign", "Renew", "Release", "DNS Update Request"), t.ip4("csv_field"), host, strings.ToUpper(t.hex(12)), user, t.la("transaction_id", t.digits(10)))
}

func m365(t *tb) string {
	switch t.r.IntN(3) {
	case 0:
		return fmt.Sprintf(`{"CreationTime":"%s","Id":"%s","Operation":"UserLoggedIn","OrganizationId":"%s","RecordType":15,"ResultStatus":"Success","UserKey":"%s","UserType":0,"Version":1,"Workload":"AzureActiveDirectory","ClientIP":"%s","ObjectId":"Unknown","UserId":"%s","ExtendedProperties":[{"Name":"UserAgent","Value":"%s"}]}`,
			t.la("timestamp", t.ts()[:19]), t.uid(), t.uuid(), t.la("user_key", t.uuid()), t.ip4("json_value"), t.emJSON(), t.ua())
	case 1:
		return fmt.Sprintf(`{"CreationTime":"%s","Id":"%s","Operation":"Send","RecordType":2,"UserId":"%s","Workload":"Exchange","ClientIPAddress":"[%s]:%d","Item":{"Subject":"계좌 변경 안내","Recipients":"%s"}}`,
			t.la("timestamp", t.ts()[:19]), t.uid(), t.emJSON(), t.s("ipv6", "bracket_port", t.ipv6()), t.n(1024, 65000), t.emJSON())
	default:
		return fmt.Sprintf(`{"CreationTime":"%s","Id":"%s","Operation":"Add service principal credentials.","RecordType":8,"UserId":"%s","Workload":"AzureActiveDirectory","ModifiedProperties":[{"Name":"KeyDescription","NewValue":"[KeyIdentifier=%s,KeyType=Password,KeyUsage=Verify]"},{"Name":"client_secret","NewValue":"%s"}]}`,
			t.la("timestamp", t.ts()[:19]), t.uid(), t.emJSON(), t.uuid(), t.s("secret", "name_value_pair", t.from(alnum, 3)+"8Q~"+t.from(alnum+"_-.", 34)))
	}
}

func gworkspace(t *tb) string {
	param := `{"name":"login_type","value":"google_password"}`
	if t.r.IntN(2) == 0 {
		param = fmt.Sprintf(`{"name":"affected_email_address","value":"%s"}`, t.emJSON())
	}
	return fmt.Sprintf(`{"kind":"admin#reports#activity","id":{"time":"%s","uniqueQualifier":"%s","applicationName":"login","customerId":"C0%s"},"etag":"\"%s\"","actor":{"email":"%s","profileId":"%s"},"ipAddress":"%s","events":[{"type":"login","name":"%s","parameters":[%s]}]}`,
		t.ts(), t.la("unique_qualifier", "-"+t.digits(19)), t.from(lower+digit, 7), t.mixed(27), t.emJSON(), t.digits(21), t.ip4("json_value"), t.pick("login_success", "login_failure", "login_challenge"), param)
}

func slackAudit(t *tb) string {
	var ctx string
	if t.r.IntN(3) == 0 {
		ctx = fmt.Sprintf(`"ua":"Slack/4.41.105","ip_address":"%s"`, t.s("ipv6", "json_value", t.ipv6()))
	} else {
		ctx = fmt.Sprintf(`"ua":"%s","ip_address":"%s"`, t.ua(), t.ip4("json_value"))
	}
	return fmt.Sprintf(`{"id":"%s","date_create":%s,"action":"%s","actor":{"type":"user","user":{"id":"W%s","name":"%s","email":"%s"}},"entity":{"type":"workspace","workspace":{"id":"T%s","name":"example","domain":"example"}},"context":{"location":{"type":"enterprise","id":"E%s"},%s,"session_id":%s}}`,
		t.uid(), t.la("epoch", t.epoch()), t.pick("user_login", "user_logout", "file_downloaded", "app_installed"), strings.ToUpper(t.mixed(10)), t.login(), t.emJSON(), strings.ToUpper(t.mixed(10)), strings.ToUpper(t.mixed(10)), ctx, fmt.Sprint(t.n(1000000000, 9999999999))+t.digits(3))
}

func zoom(t *tb) string {
	return fmt.Sprintf(`{"event":"meeting.participant_joined","event_ts":%s,"payload":{"account_id":"%s","object":{"id":"%s","uuid":"%s==","host_id":"%s","topic":"고객 상담 %s","participant":{"user_id":"%s","user_name":"%s","email":"%s","phone_number":"%s","join_time":"%s","public_ip":"%s"}}}}`,
		t.ems(), t.mixed(22), t.la("meeting_id", t.digits(11)), t.mixed(22), t.mixed(22), t.ord(), t.digits(8), t.pick(korNames...), t.emJSON(), t.ph(), t.la("timestamp", t.ts()[:19]+"Z"), t.ip4("json_value"))
}

func nats(t *tb) string {
	pre := fmt.Sprintf("[%d] 2026/%02d/%02d %s.%06d [%s] ", t.n(1, 60000), t.n(1, 12), t.n(1, 28), t.hms(), t.n(0, 999999), t.pick("INF", "ERR", "WRN"))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`%s:%d - cid:%d - authentication error - User "orders"`, t.ip4("host_port"), t.n(30000, 60000), t.n(1, 9999))
	case 1:
		return pre + fmt.Sprintf(`Trace: [%s:%d - cid:%d] <<- [CONNECT {"verbose":false,"user":"orders","pass":"%s","name":"orders-svc","lang":"go","version":"%s"}]`, t.ip4("host_port"), t.n(30000, 60000), t.n(1, 9999), t.pwd("json_key"), t.la("version/semver", "1.37.0"))
	default:
		return pre + fmt.Sprintf(`Starting nats-server version=%s git=[%s] Server ID: N%s`, t.la("version/semver", "2.10."+fmt.Sprint(t.n(1, 22))), t.la("commit_short", t.hex(7)), strings.ToUpper(t.from(upper+"234567", 55)))
	}
}

func sentinel(t *tb) string {
	pre := fmt.Sprintf("%d:X %02d Dec 2026 %s.%03d # ", t.n(1, 60000), t.n(1, 28), t.hms(), t.n(0, 999))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`+sdown master mymaster %s 6379`, t.ip4("space_port"))
	case 1:
		return pre + fmt.Sprintf(`+switch-master mymaster %s 6379 %s 6379`, t.ip4("space_port"), t.ip4("space_port"))
	default:
		return fmt.Sprintf("sentinel auth-pass mymaster %s", t.pwd("config_directive"))
	}
}

func minio(t *tb) string {
	return fmt.Sprintf(`{"version":"1","deploymentid":"%s","time":"%s","trigger":"incoming","api":{"name":"PutObject","bucket":"invoices","object":"2026/%s.pdf","status":"OK","statusCode":200,"timeToResponse":"%s"},"remotehost":"%s","requestID":"%s","userAgent":"MinIO (linux; amd64) minio-go/v7.0.%d","requestHeader":{"Authorization":"AWS4-HMAC-SHA256 Credential=%s/20261202/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=%s","X-Amz-Content-Sha256":"%s"},"accessKey":"%s"}`,
		t.uid(), t.ts(), t.ord(), t.la("duration", fmt.Sprintf("%d.%dms", t.n(1, 99), t.n(100, 999))), t.ip4("json_value"), strings.ToUpper(t.hex(16)), t.n(50, 80),
		t.s("access_key", "aws_credential", t.awsKeyID()), t.hex(64), t.hash(), t.s("access_key", "json_key", t.awsKeyID()))
}

func cephRGW(t *tb) string {
	return fmt.Sprintf(`{"bucket":"backups","object":"db/%s.tar.gz","time":"%s","time_local":"%s","remote_addr":"%s","user":"backup-svc","operation":"put_obj","uri":"PUT /backups/db/%s.tar.gz HTTP/1.1","http_status":"200","error_code":"","bytes_sent":%d,"bytes_received":%s,"object_size":%d,"total_time":%d,"user_agent":"%s","referrer":"","trans_id":"tx0000%s-%s-default","authentication_type":"Local","access_key_id":"%s"}`,
		t.date(), t.ts(), t.ts(), t.ip4("json_value"), t.date(), t.n(0, 999), t.la("byte_count", fmt.Sprint(t.n(1000000, 99999999))), t.n(1000, 9999999), t.n(1, 9999),
		t.la("version/ua", "aws-cli/2."+fmt.Sprint(t.n(10, 20))+".1"), t.hex(16), t.hex(8), t.s("access_key", "json_key", t.awsKeyID()))
}

func veeam(t *tb) string {
	pre := fmt.Sprintf("[%02d.12.2026 %s.%03d] < %5d> ", t.n(1, 28), t.hms(), t.n(0, 999), t.n(1, 40000))
	switch t.r.IntN(4) {
	case 3:
		return pre + fmt.Sprintf(`cli| [AmazonS3] Adding repository bucket=veeam-backup region=ap-northeast-2 AccessKey: %s SecretKey: %s`, t.s("access_key", "aws_label", t.awsKeyID()), t.s("secret", "aws_secret_label", t.awsSecret()))
	case 0:
		return pre + fmt.Sprintf(`cli| Connecting to vCenter %s as administrator@vsphere.local, password: %s`, t.ip4("message"), t.pwd("label_colon"))
	case 1:
		return pre + fmt.Sprintf(`lpb| SMB share \\%s\backup credentials: user=CORP\svc_veeam pass=%s`, t.ip4("unc_path"), t.pwd("kv_pass"))
	default:
		return pre + fmt.Sprintf(`cli| Job session %s finished, processed %s, duration %s`, t.uid(), t.la("byte_count", fmt.Sprintf("%d.%d GB", t.n(1, 900), t.n(0, 9))), t.la("duration", fmt.Sprintf("00:%02d:%02d", t.n(0, 59), t.n(0, 59))))
	}
}

func hana(t *tb) string {
	pre := fmt.Sprintf("[%d]{%d}[%d/%d] %s %s.%06d %s %s ", t.n(1000, 99999), t.n(-1, 400000), t.n(-1, 99), t.n(-1, 9999999), t.date(), t.hms(), t.n(0, 999999), t.pick("i", "w", "e"), t.pick("Basis", "Authentication", "SQLSession"))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`SQLSessionCmd.cc(%05d) : CREATE USER APP_%s PASSWORD "%s" NO FORCE_FIRST_PASSWORD_CHANGE`, t.n(1, 9999), strings.ToUpper(t.from(lower, 5)), t.pwd("sql_password_clause"))
	case 1:
		return pre + fmt.Sprintf(`Authentication.cpp(%05d) : authentication failed for user %s from %s:%d`, t.n(1, 9999), t.em(), t.ip4("host_port"), t.n(30000, 60000))
	default:
		return pre + fmt.Sprintf(`TraceContext.cpp(%05d) : UserName=SYSTEM, ApplicationVersion=%s, StatementHash=%s`, t.n(1, 9999), t.ver(), t.la("statement_hash", t.hex(32)))
	}
}

func goldengate(t *tb) string {
	pre := fmt.Sprintf("%s %s  %s    OGG-%05d  ", t.date(), t.hms(), t.pick("INFO", "WARNING", "ERROR"), t.n(100, 15000))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`Oracle GoldenGate Command Interpreter for Oracle:  GGSCI command (oracle): DBLOGIN USERID ggadmin@%s:1521/ORCLPDB, PASSWORD %s.`, t.ip4("ezconnect"), t.pwd("ggsci_keyword"))
	case 1:
		return pre + fmt.Sprintf(`Oracle GoldenGate Capture for Oracle, ext1.prm:  ADD CREDENTIALSTORE; ALTER CREDENTIALSTORE ADD USER c##ggadmin PASSWORD %s ALIAS ggadmin.`, t.pwd("ggsci_keyword"))
	default:
		return pre + fmt.Sprintf(`Oracle GoldenGate Delivery for Oracle, rep1.prm:  Wildcard MAP resolved (entry PAY.*): MAP "PAY"."ACCOUNTS", TARGET "PAY"."ACCOUNTS"; SCN %s.`, t.la("scn", t.digits(11)))
	}
}

func egovSQL(t *tb) string {
	pre := fmt.Sprintf("%s %s,%03d INFO [jdbc.sqlonly] ", t.date(), t.hms(), t.n(0, 999))
	switch t.r.IntN(6) {
	case 4:
		return pre + fmt.Sprintf(` 4. PreparedStatement.executeUpdate() INSERT INTO TB_CLOUD_CRDNTL (OWNER_ID, ACCESS_KEY, SECRET_KEY, REG_DT) VALUES ('%s', '%s', '%s', '%s'), ('%s', '%s', '%s', '%s')`,
			t.login(), t.s("access_key", "sql_multirow", t.awsKeyID()), t.s("secret", "sql_multirow_aws", t.awsSecret()), t.date(), t.login(), t.s("access_key", "sql_multirow", t.awsKeyID()), t.s("secret", "sql_multirow_aws", t.awsSecret()), t.date())
	case 0:
		return pre + fmt.Sprintf(` 1. PreparedStatement.executeQuery() SELECT USER_ID, USER_NM FROM COMTNEMPLYRINFO WHERE EMPLYR_ID = '%s' AND PASSWORD = '%s'`, t.login(), t.pwd("sql_where"))
	case 1:
		return pre + fmt.Sprintf(` 3. PreparedStatement.executeUpdate() INSERT INTO COMTNGNRLMBER (MBER_ID, PASSWORD, MBER_NM, IHIDNUM, MBTLNUM, MBER_EMAIL_ADRES) VALUES ('%s', '%s', '%s', '%s', '%s', '%s')`,
			t.login(), t.pwd("sql_insert_position"), t.pick(korNames...), t.s("kr_rrn", "sql_insert_position", t.rrn(t.r.IntN(2) == 0)), t.ph(), t.em())
	case 2:
		b, a := t.acct("sql_set", false)
		return pre + fmt.Sprintf(` 2. PreparedStatement.executeUpdate() UPDATE TB_REFUND SET BANK_NM = '%s', ACNUTNO = '%s', UPDT_DT = '%s' WHERE REFUND_ID = '%s'`, b, a, t.date(), t.ord())
	case 5:
		return pre + fmt.Sprintf(` 1. PreparedStatement.executeQuery() SELECT MBER_ID, MBER_NM FROM COMTNGNRLMBER WHERE IHIDNUM = '%s' AND MBER_STTUS = 'P'`, t.s("kr_rrn", "sql_where", t.rrn(t.r.IntN(2) == 0)))
	default:
		return fmt.Sprintf("%s %s,%03d INFO [jdbc.sqltiming] SELECT COUNT(*) FROM COMTNLOGINLOG WHERE LOGIN_IP = '%s' AND CREAT_DT > '%s' {executed in %d msec}", t.date(), t.hms(), t.n(0, 999), t.ip4("sql_value"), t.date(), t.n(1, 900))
	}
}

func pad(s string, n int) string {
	for len(s) < n {
		s += " "
	}
	return s
}

func bankFixed(t *tb) string {
	bank, a := t.acct("fixed_width_label", false)
	_, a2 := t.acct("fixed_width_label", false)
	real := ""
	if t.r.IntN(2) == 0 {
		real = " 실명번호=[" + t.s("kr_rrn", "fixed_width_label", t.rrn(false)) + "]"
	}
	return fmt.Sprintf("[%s %s] SEND 0200 %s 전문번호=%s 거래구분=%s 출금은행=[%s] 출금계좌번호=[%s] 입금계좌번호=[%s] 수취인=[%s]%s 금액=[%012d] 전화=[%s]",
		t.date(), t.hms(), t.la("fixed_header", pad("KFTC"+t.digits(6), 16)), t.la("message_no", t.digits(7)), t.pick("100", "200", "300"), pad(bank, 12), a, a2, pad(t.pick(korNames...), 10), real, t.n(1000, 9999999), t.ph())
}

func iso8583(t *tb) string {
	switch t.r.IntN(5) {
	case 0:
		return fmt.Sprintf(`  <field id="2" value="%s"/>`, t.ccRaw())
	case 1:
		c, _ := t.card()
		return fmt.Sprintf(`  <field id="35" value="%s=2912%s"/>`, t.s("payment_card", "track2", c), t.digits(11))
	case 2:
		return fmt.Sprintf(`  <field id="37" value="%s"/>`, t.la("rrn_retrieval_ref", t.digits(12)))
	case 3:
		return fmt.Sprintf(`  <field id="52" value="%s"/> <!-- PIN block -->`, t.s("secret", "pin_block", strings.ToUpper(t.hex(16))))
	default:
		return fmt.Sprintf(`  <field id="11" value="%s"/> <field id="7" value="%s"/>`, t.la("stan", t.digits(6)), t.la("transmission_time", fmt.Sprintf("12%02d%s", t.n(1, 28), strings.ReplaceAll(t.hms(), ":", ""))))
	}
}

func parcel(t *tb) string {
	pre := fmt.Sprintf("%s %s.%03d INFO [delivery-api] ", t.date(), t.hms(), t.n(0, 999))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`POST /api/v1/reservations body={"invoiceNo":"%s","senderName":"%s","senderTel":"%s","receiverName":"%s","receiverTel":"%s","receiverAddr":"%s","memo":"부재시 경비실"}`,
			t.la("invoice_no", t.digits(12)), t.pick(korNames...), t.ph(), t.pick(korNames...), t.ph(), t.pick(cities...))
	case 1:
		return pre + fmt.Sprintf(`GET /api/v1/trackingInfo?t_key=%s&t_code=04&t_invoice=%s took %s`, t.s("secret", "query_param", t.mixed(22)), t.la("invoice_no", t.digits(12)), t.durL())
	default:
		return pre + fmt.Sprintf(`배송완료 알림톡 발송: 수신번호 %s, 운송장 %s, 템플릿 %s`, t.ph(), t.la("invoice_no", t.digits(12)), t.la("template_code", "TPL_"+t.digits(4)))
	}
}

func emr(t *tb) string {
	pre := fmt.Sprintf("[%s %s] [OCS] ", t.date(), t.hms())
	switch t.r.IntN(4) {
	case 3:
		return pre + fmt.Sprintf(`로그인 실패 사용자ID=%s 비밀번호=%s 단말IP=%s 실패횟수=%d`, t.login(), t.pwd("korean_key"), t.ip4("korean_label"), t.n(1, 5))
	case 0:
		return pre + fmt.Sprintf(`환자등록 환자번호=%s 성명=%s 주민번호=%s 연락처=%s 보호자연락처=%s`, t.digits(8), t.pick(korNames...), t.s("kr_rrn", "korean_label", t.rrn(true)), t.ph(), t.ph())
	case 1:
		return pre + fmt.Sprintf(`처방전송 처방번호=%s 진료과=IM 약품코드=%s 용량=500mg 투약일수=7 단말=%s`, t.ord(), t.la("drug_code", "6428"+t.digits(5)), t.ip4("korean_label"))
	default:
		return pre + fmt.Sprintf(`수납완료 영수증번호=%s 카드번호 %s 승인번호=%s 금액=38,400원`, t.la("receipt_no", "R"+t.digits(11)), t.cc(), t.la("approval_no", t.digits(8)))
	}
}

func insurance(t *tb) string {
	pre := fmt.Sprintf("%s %s INFO [청약] ", t.date(), t.hms())
	switch t.r.IntN(4) {
	case 3:
		b, a := t.acct("korean_refund_label", true)
		return pre + fmt.Sprintf(`해지환급금 지급 요청 - 환불 계좌: %s %s (예금주 %s), 지급예정일 %s, 접수번호 %s`, b, a, t.pick(korNames...), t.la("date", t.date()), t.ord())
	case 0:
		return pre + fmt.Sprintf(`청약서 접수 증권번호 %s 계약자 %s 주민등록번호 %s 휴대폰 %s 이메일 %s`, "P"+t.digits(12), t.pick(korNames...), t.s("kr_rrn", "korean_sentence", t.rrn(true)), t.ph(), t.em())
	case 1:
		b, a := t.acct("korean_sentence", t.r.IntN(3) != 0)
		return pre + fmt.Sprintf(`자동이체 등록: %s %s 예금주 %s, 이체일 25일, 청약번호 %s`, b, a, t.pick(korNames...), t.ord())
	default:
		return pre + fmt.Sprintf(`전자서명 완료: 본인인증 임시 비밀번호 %s 발송(%s), 세션 %s`, t.s("secret", "korean_label", t.pw()), t.ph(), t.uid())
	}
}
