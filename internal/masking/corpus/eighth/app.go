package eighth

// Application servers, web frameworks and mobile platforms.
var appFormats = []format{
	{"resin", Text, resin},
	{"nginx_unit", Text, nginxUnit},
	{"openresty", Text, openresty},
	{"laravel", Text, laravel},
	{"symfony", Text, symfony},
	{"micronaut", Text, micronaut},
	{"authelia", Text, authelia},
	{"erlang_logger", Text, erlangLogger},
	{"android_timber", Text, androidTimber},
	{"ios_oslog", Text, iosOSLog},
}

// Caucho Resin 4 log ([date] {thread} message).
func resin(b *builder) {
	c := b.clock()
	b.w("[", c.dt()[2:], ".", b.digits(3), "] {", b.pick("resin-port-8080-"+b.num(10, 99), "main", "resin-"+b.num(10, 99)), "} ")
	switch b.n(3) {
	case 0:
		b.w("Resin Professional ", b.a("version", "4.0."+b.num(58, 66)), " (built ", b.a("timestamp/build", "Thu, 14 Nov 2024 04:30:12 PST"), ") WebApp[production/webapp/default/ROOT] active")
	case 1:
		b.w("com.caucho.sql.DBPool: jdbc/ordersDB connecting url=jdbc:oracle:thin:app/", b.s("secret", "jdbc_oracle_userpw", b.urlPassword()), "@", b.priv("jdbc_oracle_host"), ":1521:ORCL")
	default:
		b.w("POST /member/login.do?userId=", b.pick("kim01", "minsu", "jieun88"), "&userPw=", b.s("secret", "query_param", b.urlPassword()), "&returnUrl=%2Fmypage from ", b.pub("sentence"))
	}
}

// NGINX Unit unit.log and its control API in deployment logs.
func nginxUnit(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		b.w(c.slash(), " [info] ", b.num(100, 9000), "#", b.num(100, 9000), " deploy: curl -X PUT -d '{\"environment\":{\"DB_PASSWORD\":\"", b.pw("json_env_in_cli"), "\",\"APP_ENV\":\"prod\"}}' --unix-socket /var/run/control.unit.sock http://localhost/config/applications/shop")
	case 1:
		b.w(c.slash(), " [error] ", b.num(100, 9000), "#", b.num(100, 9000), " *", b.num(1, 9999), " connect(", b.num(10, 99), ", ", b.priv("sockaddr"), ":8080) failed (111: Connection refused)")
	default:
		b.w(c.slash(), " [notice] ", b.num(100, 9000), "#", b.num(100, 9000), " process ", b.num(100, 9000), " exited with code 0; Unit ", b.vv("1.33.", 0, 2), " controller started, config id ", b.uuid())
	}
}

// OpenResty error log with lua-nginx-module messages.
func openresty(b *builder) {
	c := b.clock()
	b.w(c.slash(), " [", b.pick("error", "warn", "info"), "] ", b.num(100, 9000), "#", b.num(100, 9000), ": *", b.num(1, 99999), " [lua] ")
	cl := b.pub("nginx_client")
	switch b.n(3) {
	case 0:
		b.w("jwt.lua:", b.num(40, 200), ": verify(): jwt verification failed: expired, token=", b.jwt("lua_key_eq"), ", client: ", cl, ", server: api.example.com, request: \"GET /v1/orders HTTP/1.1\", host: \"api.example.com\"")
	case 1:
		b.w("redis.lua:", b.num(40, 200), ": connect(): failed to auth: ERR invalid password, password: ", b.pw("lua_label_colon"), ", client: ", cl, ", server: _, request: \"POST /cart HTTP/2.0\"")
	default:
		b.w("access.lua:", b.num(40, 200), ": rate limited key ", b.a("rate_key", "rl:"+b.hex(16)), " req_id=", b.trace(), ", client: ", cl, ", server: shop.example.com")
	}
}

// Laravel (Monolog LineFormatter via Laravel's logging.php "single").
func laravel(b *builder) {
	c := b.clock()
	b.w("[", c.dt(), "] ", b.pick("production", "local"), ".")
	switch b.n(4) {
	case 0:
		e := b.email("sql_bindings_inline")
		b.w("ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '", e, "' for key 'users_email_unique' (Connection: mysql, SQL: insert into `users` (`name`, `email`, `password`, `updated_at`) values (", b.korName(), ", ", e, ", ",
			b.s("secret", "sql_insert_bcrypt", "$2y$12$"+b.from(alnumA+"./", 53)), ", ", c.dt(), ")) {\"exception\":\"[object] (Illuminate\\\\Database\\\\QueryException(code: 23000))\"}")
	case 1:
		b.w("INFO: Payment request {\"order\":\"", b.order(), "\",\"card_number\":\"", b.cardGrouped("json_context"), "\",\"amount\":", b.num(1000, 500000), "} []")
	case 2:
		b.w("WARNING: Failed login {\"email\":\"", b.email("json_context"), "\",\"ip\":\"", b.pub("json_context"), "\",\"ua\":\"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Version/18.1 Mobile/15E148 Safari/", b.a("version/ua", "604.1"), "\"} []")
	default:
		b.w("DEBUG: Http client sent {\"url\":\"https://api.tosspayments.example/v1/payments/confirm\",\"headers\":{\"Authorization\":[\"Basic ", func() string { c, _, _ := b.basic(); return b.s("auth_header", "json_array_basic", c) }(),
			"\"]},\"orderId\":\"", b.order(), "\"} []")
	}
}

// Symfony dev/prod log (Monolog with Symfony channels).
func symfony(b *builder) {
	c := b.clock()
	b.w("[", c.dt()[:10], "T", c.hms(), ".", b.digits(6), "+09:00] ")
	switch b.n(3) {
	case 0:
		tok := b.s("secret", "reset_token_path_and_param", b.alnum(40))
		b.w(`request.INFO: Matched route "app_reset_password". {"route":"app_reset_password","route_parameters":{"_route":"app_reset_password","token":"`, tok,
			`"},"request_uri":"https://shop.example.com/reset-password/reset/`, tok, `","method":"GET"} []`)
	case 1:
		b.w(`security.INFO: Authenticator successful! {"token":{"Symfony\\Component\\Security\\Http\\Authenticator\\Token\\PostAuthenticationToken":"PostAuthenticationToken(user=\"`,
			b.email("json_escaped_quotes"), `\", authenticated=true, roles=\"ROLE_USER\")"},"authenticator":"App\\Security\\LoginFormAuthenticator"} []`)
	default:
		b.w(`doctrine.DEBUG: Executing statement: INSERT INTO customer (email, phone, created_at) VALUES (?, ?, ?) (parameters: array{"1":"`, b.email("doctrine_params"), `","2":"`,
			b.mobile("doctrine_params"), `","3":"`, c.dt(), `"}, types: array{"1":2,"2":2,"3":2}) {"sql":"INSERT INTO customer (email, phone, created_at) VALUES (?, ?, ?)"} []`)
	}
}

// Micronaut default logback pattern (HH:mm:ss.SSS [thread] LEVEL logger - msg).
func micronaut(b *builder) {
	c := b.clock()
	b.w(c.hms(), ".", b.digits(3), " [", b.pick("default-nioEventLoopGroup-1-"+b.num(1, 8), "main", "io-executor-thread-"+b.num(1, 9)), "] ")
	switch b.n(3) {
	case 0:
		if b.chance(0.5) {
			b.w("TRACE i.m.http.client.netty.DefaultHttpClient - Authorization: Bearer ", b.bearer("trace_header_line"))
		} else {
			b.w("TRACE i.m.http.server.netty.NettyHttpServer - X-Forwarded-For: ", b.pub("xff"), ", ", b.priv("xff"))
		}
	case 1:
		b.w("INFO  io.micronaut.runtime.Micronaut - Startup completed in ", b.dur(), ". Server Running: http://", b.priv("url_host"), ":8080 (Micronaut ", b.vv("4.7.", 0, 9), ")")
	default:
		b.w("DEBUG i.m.d.jdbc.hikari.HikariUrlDataSource - Creating datasource url=jdbc:postgresql://", b.priv("jdbc_url"), ":5432/app user=app password=", b.pw("key_eq"))
	}
}

// Authelia (logrus text).
func authelia(b *builder) {
	c := b.clock()
	b.w(`time="`, c.dt()[:10], "T", c.hms(), `+09:00" level=`)
	switch b.n(3) {
	case 0:
		b.w(`error msg="Unsuccessful 1FA authentication attempt by user '`, b.email("quoted_in_msg"), `'" error="invalid credentials" method=POST path=/api/firstfactor remote_ip=`, b.pub("logfmt_remote_ip"))
	case 1:
		b.w(`debug msg="Mark 2FA authentication attempt made by user 'kim'" method=TOTP path=/api/secondfactor/totp remote_ip=`, b.pub("logfmt_remote_ip"), ` totp_code=`, b.s("secret", "code_key_digits", b.digits(6)))
	default:
		b.w(`info msg="Authelia v`, b.vv("4.38.", 0, 17), ` is starting"`+` commit=`, b.commit(), ` session_expiration=`, b.a("duration", b.num(1, 12)+"h0m0s"))
	}
}

// Erlang/OTP logger, single_line formatter (gen_server crash reports).
func erlangLogger(b *builder) {
	c := b.clock()
	b.w(c.dt()[:10], "T", c.hms(), ".", b.digits(6), "+09:00 ")
	switch b.n(3) {
	case 0:
		b.w(`error: Generic server auth_srv terminating. Reason: {badmatch,{error,timeout}}. Last message: {'$gen_call',{<0.`, b.num(100, 9999), `.0>,#Ref<0.`, b.num(1, 9), `.`, b.num(100000, 999999), `>},{login,#{email => <<"`,
			b.email("erlang_binary"), `">>,password => <<"`, b.pw("erlang_map_binary"), `">>}}}. State: {state,undefined,0}.`)
	case 1:
		b.w(`notice: Application mnesia exited with reason: stopped, node 'app@`, b.priv("erlang_node"), `' build `, b.ver())
	default:
		b.w(`info: supervisor: {local,sms_sup}, started: [{pid,<0.`, b.num(100, 9999), `.0>},{id,sms_worker},{mfargs,{sms_worker,start_link,[#{to => <<"`, b.s("phone", "erlang_binary_intl", "+8210"+b.num(2000, 9999)+b.digits(4)), `">>,msg_id => <<"`, b.uuid(), `">>}]}}]`)
	}
}

// Android logcat (threadtime) lines written through Timber's DebugTree.
func androidTimber(b *builder) {
	c := b.clock()
	b.w("12-", b.two(1, 2), " ", c.hms(), ".", b.digits(3), " ", b.num(1000, 32000), " ", b.num(1000, 32000), " ", b.pick("D", "I", "W"), " ")
	switch b.n(5) {
	case 0:
		b.w("FcmService: onNewToken: ", b.s("secret", "fcm_token_label", b.from(alnumA+"-_", 22)+":APA91b"+b.from(alnumA+"-_", 134)))
	case 1:
		b.w("AuthRepository: saved tokens access=", b.jwt("key_eq"), " refresh=", b.s("secret", "refresh_key_eq", b.alnum(64)))
	case 2:
		b.w("KakaoLoginManager: me() ok id=", b.a("counter/id", b.num(1000000000, 3999999999)), " email=", b.email("key_eq"), " phone_number=", b.s("phone", "kakao_intl_space", "+82 10-"+b.num(2000, 9999)+"-"+b.digits(4)))
	case 4:
		b.w("ContactSync: uploaded contact ", b.a("counter/id", b.num(1000, 99999)), " phones=[", b.s("phone", "na_intl_paren", b.usParen()), ", ", b.s("phone", "uk_intl_space", b.ukPhone()), "]")
	default:
		b.w("AppStartup: versionName=", b.ver(), " versionCode=", b.num(100, 9999), " build=", b.a("commit_sha/short", b.shortSHA()), " took ", b.dur())
	}
}

// Apple unified logging, `log show` default style.
func iosOSLog(b *builder) {
	c := b.clock()
	b.w(c.dt(), ".", b.digits(6), "+0900 0x", b.hex(6), "   ", b.pick("Default", "Info   ", "Error  "), "     0x0                  ", b.num(100, 9999), "   0    ShopApp: ")
	switch b.n(3) {
	case 0:
		b.w("[com.example.shop:network] GET https://api.example.com/v2/me?email=", b.email("query_unencoded"), " token ", b.a("placeholder/os_log", "<private>"))
	case 1:
		b.w("[com.example.shop:auth] refresh token: ", b.s("secret", "token_label_colon", b.b64url(43)), " expires ", b.epochS())
	default:
		b.w("(CFNetwork) [com.apple.CFNetwork:Summary] Task <", b.a("uuid/upper", toUpper(b.gen.uuid())), ">.<1> summary for task success {transaction_duration_ms=", b.num(10, 9000), ", response_status=200, connection=", b.num(1, 99), ", remote=", b.ip6("oslog_remote"), "}")
	}
}
