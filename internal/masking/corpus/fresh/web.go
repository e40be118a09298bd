package fresh

import (
	"fmt"
	"net/url"
)

// Web servers, proxies and web application frameworks.

func qenc(s string) string { return url.QueryEscape(s) }

func traefik(t *tpl) {
	ua, tok := t.chromeUA()
	t.la("version/product_token", tok)
	client := t.sIPv4("ipv4/json")
	port := t.ns(30000, 65000)
	t.w(`{"ClientAddr":"`, client, ":", port, `","ClientHost":"`, client, `","ClientPort":"`, port, `","ClientUsername":"`)
	if t.maybe() {
		t.w(t.sEmail("email/json"))
	} else {
		t.w("-")
	}
	t.w(`","DownstreamContentSize":`, t.la("bytes", t.ns(10000, 99999)), `,"DownstreamStatus":200,"Duration":`, t.la("duration/ns", t.ns(100000000, 999999999)))
	t.w(`,"OriginStatus":200,"RequestHost":"shop.example.kr","RequestMethod":"GET","RequestPath":"`, t.pick(paths...))
	switch t.r.IntN(5) {
	case 3:
		t.w("?id_token_hint=", t.s("jwt", "jwt/query", t.jwt()), "&state=", t.u(t.hexN(16)))
	case 4:
		t.w("/users/", t.sPercentEmail("email/percent_path"), "/orders")
		if t.one(2) {
			t.w("?contact=", t.s("phone", "phone/percent_plus_space", "%2B1%20"+t.ns(201, 989)+"%20"+t.ns(200, 999)+"%20"+t.chars("0123456789", 4)))
		}
	case 0:
		t.w("?email=", t.sPercentEmail("email/percent_query"), "&page=2")
	case 1:
		t.w("?access_token=", t.s("secret", "secret/query_token", t.opaque()), "&lang=ko")
	default:
		t.w("?order=", t.la("order_id", t.orderID()))
	}
	t.w(`","RequestProtocol":"HTTP/2.0","RouterName":"shop@docker","ServiceAddr":"`, t.sIPv4("ipv4/addr_port"), `:8080","ServiceName":"shop@docker"`)
	t.w(`,"StartUTC":"`, t.la("timestamp", t.isoTime()), `","entryPointName":"websecure","request_User-Agent":"`, ua, `"`)
	if t.maybe() {
		t.w(`,"request_X-Forwarded-For":"`, t.sIPv4("ipv4/xff"), ", ", t.sIPv4("ipv4/xff"), `"`)
	}
	if t.maybe() {
		t.w(`,"request_Authorization":"Bearer `, t.s("auth_header", "auth_header/json_header", t.opaque()), `"`)
	}
	t.w(`,"level":"info","msg":"","time":"`, t.isoTime(), `"}`)
}

func squid(t *tpl) {
	// time elapsed remotehost code/status bytes method URL rfc931 peerstatus/peerhost type
	t.w(t.la("timestamp/epoch", t.epochS()+"."+t.ns(100, 999)), fmt.Sprintf("%6s ", t.ns(1, 99999)), t.sIPv4("ipv4/squid_client"), " ")
	t.w(t.pick("TCP_MISS/200", "TCP_TUNNEL/200", "TCP_DENIED/403", "TCP_REFRESH_MODIFIED/200"), " ", t.la("bytes", t.ns(1000, 999999)), " ")
	switch t.r.IntN(5) {
	case 4:
		t.w("GET http://legacy.example.co.kr/sso/redirect?next=%2Fmember%2Flogin.do%3Fuserid%3D", t.login(), "%26password%3D", t.s("secret", "secret/percent_encoded_kv", qenc(qenc(t.password()))), "%26tel%3D", t.s("phone", "phone/percent_nested", "010-"+t.digits(4)+"-"+t.chars("0123456789", 4)), " ")
	case 0:
		t.w("CONNECT accounts.example.com:443 ")
	case 1:
		t.w("GET http://intranet.example.co.kr/sso/callback?ticket=", t.s("secret", "secret/query_ticket", "ST-"+t.digits(6)+"-"+t.mixed(alnum, 20)), "&email=", t.sPercentEmail("email/percent_query"), " ")
	case 2:
		t.w("GET http://", t.s("secret", "secret/url_userinfo", t.login()+":"+t.password()), "@ftp.example.org/pub/", t.la("version/file", "agent-"+t.version4()), ".tar.gz ")
	default:
		t.w("POST http://api.example.com/v1/track?key=", t.sAccessKey(), " ")
	}
	if t.maybe() {
		t.w(t.sEmail("email/squid_user"))
	} else {
		t.w("-")
	}
	t.w(" HIER_DIRECT/", t.sIPv4("ipv4/hier"), " ", t.pick("text/html", "application/json", "-"))
}

func apacheError(t *tpl) {
	t.w("[", t.when().Format("Mon Jan 02 15:04:05.000000 2006"), "] ")
	client := func() string {
		if t.one(2) {
			return t.sIPv4("ipv4/client_port") + ":" + t.ns(30000, 65000)
		}
		return "[" + t.sIPv6("ipv6/client_port") + "]:" + t.ns(30000, 65000)
	}
	pid := t.la("pid", "pid "+t.ns(1000, 99999)+":tid "+t.digits(15))
	switch t.r.IntN(4) {
	case 0:
		t.w("[auth_basic:error] [", pid, "] [client ", client(), "] AH01617: user ", t.sEmail("email/apache_user"), ": authentication failure for \"/admin\": Password Mismatch")
	case 1:
		t.w("[php:error] [", pid, "] [client ", client(), "] PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1045] Access denied for user 'shop'@'", t.sIPv4("ipv4/sql_host"), "' (using password: YES) in /var/www/app/db.php:14, referer: https://shop.example.kr/")
	case 2:
		t.w("[proxy:error] [", pid, "] (111)Connection refused: AH00957: http: attempt to connect to ", t.sIPv4("ipv4/addr_port"), ":8080 (backend) failed")
	default:
		t.w("[core:info] [", pid, "] [client ", client(), "] AH00128: File does not exist: /var/www/html/reset, referer: https://shop.example.kr/reset?token=", t.s("secret", "secret/query_token", t.opaque()), "&uid=", t.la("uuid", t.uuid()))
	}
}

func monolog(t *tpl) {
	t.w("[", t.la("timestamp", t.dateTime()), "] ", t.pick("production", "local", "app"), ".", t.pick("INFO", "ERROR", "WARNING", "DEBUG"), ": ")
	switch t.r.IntN(4) {
	case 0:
		t.w(`User login attempt {"email":"`, t.sEmail("email/json"), `","password":"`, t.sPass("secret/json"), `","ip":"`, t.sIPv4("ipv4/json"), `"} []`)
	case 1:
		t.w(`Order refund requested {"order_id":"`, t.la("order_id", t.orderID()), `","refund_account":{"bank":"`, t.pick(banks...), `","number":"`, t.s("bank_account", "bank_account/nested_key", t.bankAccount()), `","holder":"`, t.krName(), `"}} {"request_id":"`, t.la("uuid", t.uuid()), `"}`)
	case 2:
		t.w("Array\n(\n    [name] => ", t.krName(), "\n    [email] => ", t.sEmail("email/print_r"), "\n    [password] => ", t.sPass("secret/print_r"), "\n    [phone] => ", t.sPhone(), "\n) [] []")
	default:
		t.w(`Stripe charge failed {"card":"`, t.sCard("payment_card/json"), `","amount":`, t.la("amount", t.ns(1000, 999999)), `,"key":"`, t.s("access_key", "access_key/stripe", t.stripeKey()), `"} {"memory_peak_usage":"`, t.la("bytes", t.ns(2, 64)+" MB"), `"}`)
	}
}

func django(t *tpl) {
	t.w(t.la("timestamp", t.dateTime()+","+t.ns(100, 999)), " ", t.pick("ERROR", "WARNING", "INFO"), " ")
	switch t.r.IntN(4) {
	case 3:
		t.w(`django.request: Internal Server Error: /accounts/password/change/ POST:<QueryDict: {'old_password': ['`, t.la("placeholder", "********************"), `'], 'new_email': ['`, t.sEmail("email/python_repr"), `'], 'otp_secret': ['`, t.s("secret", "secret/python_repr", t.mixed("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32)), `']}>`)
	case 0:
		t.w(`django.request: Internal Server Error: /accounts/signup/ POST:<QueryDict: {'csrfmiddlewaretoken': ['`, t.s("secret", "secret/csrf", t.mixed(alnum, 64)), `'], 'email': ['`, t.sEmail("email/python_repr"), `'], 'password1': ['`, t.sPass("secret/python_repr"), `'], 'phone': ['`, t.sPhone(), `']}>`)
	case 1:
		t.w(`django.server: "POST /api/token/ HTTP/1.1" 200 `, t.la("bytes", t.ns(300, 999)), ` body=username=`, t.login(), "&password=", t.s("secret", "secret/form", qenc(t.password())), "&grant_type=password")
	default:
		ip := t.sIPv4("ipv4/quoted")
		t.w(`django.security.DisallowedHost: Invalid HTTP_HOST header: '`, ip, `:8000'. You may need to add '`, ip, `' to ALLOWED_HOSTS. request_id=`, t.la("uuid", t.uuid()), ` session_key=`, t.s("secret", "secret/session_key", t.mixed("abcdefghijklmnopqrstuvwxyz0123456789", 32)))
	}
}

func celery(t *tpl) {
	id := func() string { return t.la("uuid", t.uuid()) }
	t.w("[", t.la("timestamp", t.dateTime()+","+t.ns(100, 999)), ": INFO/ForkPoolWorker-", t.ns(1, 8), "] ")
	switch t.r.IntN(4) {
	case 3:
		t.w("Task payout.transfer[", id(), "] received args=('", t.pick(banks...), "', '", t.s("bank_account", "bank_account/python_args", t.bankAccount()), "', ", t.la("amount", t.ns(10000, 999999)), ") eta=", t.la("timestamp", t.isoTime()))
	case 0:
		t.w("Task notify.send_sms[", id(), "] received args=('", t.sPhone(), "', '인증번호 발송') kwargs={'user_id': ", t.la("id", t.ns(10000, 999999)), "}")
	case 1:
		t.w("Task billing.charge[", id(), "] raised unexpected: CardError('Your card was declined.') kwargs={'card_number': '", t.sCard("payment_card/python_repr"), "', 'email': '", t.sEmail("email/python_repr"), "'}")
	default:
		t.w("Connected to amqp://", t.s("secret", "secret/url_userinfo", "celery:"+t.password()), "@", t.sIPv4("ipv4/url_host"), ":5672// (task succeeded in ", t.la("duration", t.ns(1, 9)+"."+t.digits(6)+"s"), ")")
	}
}

func httpDump(t *tpl) {
	if t.one(2) {
		// curl -v
		t.w("* Connected to api.example.com (", t.sIPv4("ipv4/paren"), ") port 443 | > POST /v1/payments HTTP/1.1 | > Host: api.example.com | > User-Agent: curl/8.5.0 | ")
		switch t.r.IntN(3) {
		case 0:
			t.w("> Authorization: Bearer ", t.s("auth_header", "auth_header/curl", t.jwtOr()), " | ")
		case 1:
			t.w("> Authorization: Basic ", t.s("auth_header", "auth_header/basic", t.basicCred()), " | ")
		default:
			t.w("> X-API-Key: ", t.s("secret", "secret/header_api_key", t.mixed(alnum, 32)), " | ")
		}
		t.w("> X-Request-Id: ", t.la("uuid", t.uuid()), " | < HTTP/1.1 201 Created | < Content-Length: ", t.la("bytes", t.ns(100, 9999)))
		return
	}
	// Go httputil.DumpRequest, lines joined with \r\n escapes as logged with %q
	t.w(`dump="POST /oauth/token HTTP/1.1\r\nHost: auth.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\n`)
	if t.maybe() {
		if t.one(2) {
			t.w(`Cookie: access_token=`, t.s("jwt", "jwt/cookie", t.jwt()), `; lang=ko\r\n`)
		} else {
			t.w(`Cookie: SESSION=`, t.s("secret", "secret/cookie", t.mixed(b64url, 48)), `\r\n`)
		}
	}
	t.w(`Traceparent: 00-`, t.la("trace_id", t.traceID()), "-", t.la("span_id", t.spanID()), `-01\r\n\r\n`)
	t.w("grant_type=password&username=", t.sPercentEmail("email/percent_form"), "&password=", t.s("secret", "secret/form", qenc(t.password())), "&client_secret=", t.s("secret", "secret/form", t.mixed(alnum, 32)), `"`)
}

func (t *tpl) jwtOr() string {
	if t.one(2) {
		return t.jwt()
	}
	return t.opaque()
}

func graphql(t *tpl) {
	t.w(`{"level":"info","ts":"`, t.la("timestamp", t.isoTime()), `","operationName":"`)
	switch t.r.IntN(3) {
	case 0:
		t.w(`Login","query":"mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }","variables":{"email":"`, t.sEmail("email/json"), `","password":"`, t.sPass("secret/json"), `"}`)
	case 1:
		t.w(`UpdateProfile","query":"mutation { updateProfile(input: {phone: \"`, func() string {
			if t.one(3) {
				return t.sPhoneNA()
			}
			return t.sPhone()
		}(), `\", email: \"`, t.sEmail("email/graphql_inline"), `\"}) { id } }","variables":{}`)
	default:
		t.w(`AddPayout","query":"mutation AddPayout($input: PayoutInput!) { addPayout(input: $input) { id } }","variables":{"input":{"bankName":"`, t.pick(banksEN...), `","accountNumber":"`, t.s("bank_account", "bank_account/camel_key", t.bankAccount()), `","holder":"`, t.krName(), `"}}`)
	}
	t.w(`,"duration_ms":`, t.la("duration", t.ns(1, 900)+"."+t.ns(10, 99)), `,"trace_id":"`, t.la("trace_id", t.traceID()), `"}`)
}
