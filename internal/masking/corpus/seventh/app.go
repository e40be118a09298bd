package seventh

import (
	"fmt"
	"time"
)

// Application servers and runtimes: WebSphere traditional, Open Liberty,
// uWSGI, PHP-FPM, Express morgan, NestJS, ASP.NET Core with EF Core,
// Quarkus, Akka, Go runtime output, Rust tracing.

func wasTime(b *builder, comma string) string {
	d, h, m, s, f := b.tsParts()
	return b.la("timestamp", fmt.Sprintf("12/%d/26%s %d:%02d:%02d:%03d KST", d, comma, h, m, s, f/1000))
}

func websphere(b *builder) {
	b.w("[", wasTime(b, ""), "] 000000", b.hex(2), " ")
	switch b.r.IntN(6) {
	case 5:
		b.w("SystemOut     O [SmsSender] 발송 요청 수신=", b.mobile("korean_sms_prose"), " 내용=[쇼핑몰] 임시 비밀번호는 ", b.sec("secret/korean_temp_password", b.mixed(alnum, 6)+b.pick("!", "#", "@")+b.num(2)),
			" 입니다. 로그인 후 변경해 주세요.")
	case 0:
		b.w("SystemOut     O [MemberController] join request MemberVO [memberNo=", b.intn(1000, 99999), ", name=", b.koName(), ", juminNo=", b.rrnv("java_tostring", true),
			", email=", b.email("java_tostring"), ", mobile=", b.mobile("java_tostring"), ", regDt=", b.clockL(" ", 0, ""), "]")
	case 1:
		b.w("LTPAServerObj E   SECJ0369E: Authentication failed when using LTPA. The exception is com.ibm.websphere.security.PasswordCheckFailedException: No user ", b.email("was_secj_message"), " found.")
	case 2:
		bank, acct := b.bank()
		b.w("SystemOut     O [RefundService] 환불 요청 주문번호=", b.orderL(), " 은행=", bank, " 계좌번호=", b.sec("bank_account/korean_label_kv", acct), " 예금주=", b.koName())
	case 3:
		b.w("SystemErr     R java.sql.SQLException: ORA-01017: invalid username/password; logon denied [jdbc:oracle:thin:@", b.ip("jdbc_thin_url"), ":1521:ORCL]")
	case 4:
		if b.coin(0.5) {
			b.w("SystemOut     O [CartService] cart=", b.la("java_object_ref", "com.shop.cart.CartVO@"+b.hex(8)), " items=", b.intn(1, 9), " total=", b.intn(1000, 900000), " order=", b.orderL())
			break
		}
		fallthrough
	default:
		b.w("WsServerImpl  A   WSVR0001I: Server server1 open for e-business; build level ", b.la("build_id", "cf"+b.num(6)+"."+b.num(2)), " version ", b.quadL())
	}
}

func liberty(b *builder) {
	b.w("[", wasTime(b, ","), "] 000000", b.hex(2), " ")
	switch b.r.IntN(4) {
	case 0:
		b.w("com.ibm.ws.security.authentication.internal.jaas.modules.UsernameAndPasswordLoginModule A CWWKS1100A: Authentication did not succeed for user ID ", b.email("liberty_cwwks1100a"),
			". An invalid user ID or password was specified.")
	case 1:
		b.w("com.ibm.ws.tcpchannel.internal.TCPChannel                   I CWWKO0219I: TCP Channel defaultHttpEndpoint has been started and is now listening for requests on host ",
			b.hostL(), ".example.com  (IPv4: ", b.ip("liberty_cwwko0219i"), ") port 9443.")
	case 2:
		b.w("SystemOut                                                    O Request: POST /api/members body={\"email\":\"", b.email("json_in_sysout"), "\",\"password\":\"", b.pw("json_in_sysout"), "\",\"agree\":true}")
	default:
		b.w("com.ibm.ws.kernel.feature.internal.FeatureManager            A CWWKF0011I: The defaultServer server is ready to run a smarter planet. The defaultServer server started in ",
			b.la("duration", fmt.Sprintf("%d.%03d seconds", b.n(2, 30), b.n(0, 999))), ".")
	}
}

func uwsgi(b *builder) {
	d, h, m, s, _ := b.tsParts()
	var uri string
	switch b.r.IntN(4) {
	case 0:
		uri = "/accounts/password/reset/confirm?token=" + b.sec("secret/query_token", b.hex(8)+b.mixed(alnum, 24)) + "&uid=" + b.mixed(alnum, 3)
	case 1:
		uri = "/api/v1/members/lookup?email=" + b.sec("email/percent_query", b.emailPct())
	case 2:
		uri = "/api/v1/verify?phone=" + b.sec("phone/kr_mobile_bare/query", b.krMobile("")) + "&channel=sms"
	default:
		uri = "/api/v1/orders/" + b.orderL() + "?include=items"
	}
	b.w("[pid: ", b.intn(100, 99999), "|app: 0|req: ", b.intn(1, 9000), "/", b.intn(9000, 90000), "] ", b.ip("uwsgi_remote_addr"), " () {", b.intn(30, 60), " vars in ", b.intn(500, 2000),
		" bytes} [", b.la("timestamp", time.Date(2026, 12, d, h, m, s, 0, time.UTC).Format("Mon Jan _2 15:04:05 2006")), "] ", b.pick("GET", "POST"), " ", uri, " => generated ", b.intn(50, 90000), " bytes in ",
		b.intn(1, 2000), " msecs (HTTP/1.1 ", b.pick("200", "302", "404"), ") ", b.intn(3, 9), " headers in ", b.intn(100, 500), " bytes (1 switches on core ", b.intn(0, 3), ")")
}

func phpfpm(b *builder) {
	d, h, m, s, _ := b.tsParts()
	b.w("[", b.la("timestamp", fmt.Sprintf("%02d-Dec-2026 %02d:%02d:%02d", d, h, m, s)), "] ")
	pid := b.intn(100, 99999)
	switch b.r.IntN(5) {
	case 0:
		b.w(`WARNING: [pool www] child `, pid, ` said into stderr: "NOTICE: PHP message: PDOException: SQLSTATE[HY000] [1045] Access denied for user 'shop'@'`, b.ip("mysql_user_at_host"), `' (using password: YES) in /var/www/shop/lib/Db.php:`, b.intn(10, 300), `"`)
	case 1:
		b.w(`WARNING: [pool www] child `, pid, ` said into stderr: "NOTICE: PHP message: login attempt {"email":"`, b.email("php_stderr_json"), `","password":"`, b.pw("php_stderr_json"), `","remember":true}"`)
	case 2:
		b.w(`WARNING: [pool www] child `, pid, ` said into stderr: "NOTICE: PHP message: [pay] approve failed card_no=`, b.card("php_stderr_kv"), ` amount=`, b.intn(1000, 900000), ` order=`, b.orderL(), `"`)
	case 3:
		b.w(`WARNING: [pool www] child `, pid, ` said into stderr: "NOTICE: PHP message: sms send to `, b.mobile("php_stderr_prose"), ` result=OK msgid=`, b.la("message_id", b.numNZ(12)), `"`)
	default:
		b.w(`NOTICE: [pool www] child `, pid, ` exited with code 0 after `, b.la("duration", fmt.Sprintf("%d.%06d seconds", b.n(1, 9000), b.n(0, 999999))), ` from start`)
	}
}

func morgan(b *builder) {
	var url string
	switch b.r.IntN(5) {
	case 0:
		url = "/api/members?email=" + b.sec("email/percent_query", b.emailPct()) + "&page=1"
	case 1:
		url = "/reset-password?token=" + b.sec("secret/query_token", b.hex(40))
	case 2:
		url = "/api/orders?phone=" + b.sec("phone/kr_mobile_bare/query", b.krMobile(""))
	case 3:
		url = "/api/v1/products/" + b.la("uuid", b.uuid()) + "?ts=" + b.epochL()
	default:
		url = "/api/auth/callback?code=" + b.sec("secret/oauth_code_query", b.mixed(b64u, 43)) + "&state=" + b.hex(16)
	}
	ms := fmt.Sprintf("%d.%03d ms", b.n(0, 900), b.n(0, 999))
	if b.coin(0.5) {
		b.w(b.pick("GET", "POST"), " ", url, " ", b.pick("200", "302", "401"), " ", b.la("duration", ms), " - ", b.intn(20, 9000))
	} else {
		b.w(b.ip("morgan_short_remote_addr"), " - ", b.pick("GET", "POST"), " ", url, " HTTP/1.1 ", b.pick("200", "304"), " ", b.intn(20, 9000), " - ", b.la("duration", ms))
	}
}

func nestjs(b *builder) {
	d, h, m, s, _ := b.tsParts()
	ap := "AM"
	if h >= 12 {
		ap = "PM"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	b.w("[Nest] ", b.intn(10, 9999), "  - ", b.la("timestamp", fmt.Sprintf("12/%02d/2026, %d:%02d:%02d %s", d, h12, m, s, ap)), "     ")
	switch b.r.IntN(5) {
	case 0:
		b.w("LOG [AuthService] Login succeeded for ", b.email("nest_prose"), " +", b.intn(1, 90), "ms")
	case 1:
		b.w(`ERROR [ExceptionsHandler] Validation failed for body {"email":"`, b.email("nest_json"), `","password":"`, b.pw("nest_json"), `","phone":"`, b.phone("nest_json"), `"}`)
	case 2:
		b.w(`DEBUG [HttpService] POST https://api.pg.example.com/v1/payments/confirm headers={"Authorization":"Basic `, b.sec("auth_header/nest_json_header_basic", b.basic()), `","Content-Type":"application/json"}`)
	case 3:
		if b.coin(0.5) {
			b.w("WARN [UsersService] duplicate registration rrn=", b.rrnv("nest_kv", true), " +", b.intn(1, 90), "ms")
		} else {
			b.w("WARN [JwtStrategy] token ", b.sec("jwt/prose_token_expired", b.gen.jwt()), " expired at ", b.isoL(3, "Z"), " +", b.intn(1, 90), "ms")
		}
	default:
		b.w("LOG [NestApplication] Nest application successfully started +", b.intn(1, 90), "ms version ", b.verL())
	}
}

func efcore(b *builder) {
	ms := b.intn(1, 900)
	switch b.r.IntN(5) {
	case 0:
		b.w(`info: Microsoft.EntityFrameworkCore.Database.Command[20101] Executed DbCommand (`, ms, `ms) [Parameters=[@p0='`, b.email("efcore_parameter"), `' (Nullable = false) (Size = 256), @p1='`,
			b.phone("efcore_parameter"), `' (Size = 20), @p2='`, b.koName(), `' (Size = 50)], CommandType='Text', CommandTimeout='30'] INSERT INTO [Customers] ([Email], [Phone], [Name]) OUTPUT INSERTED.[Id] VALUES (@p0, @p1, @p2);`)
	case 1:
		b.w(`info: Microsoft.EntityFrameworkCore.Database.Command[20101] Executed DbCommand (`, ms, `ms) [Parameters=[@__resetToken_0='`, b.sec("secret/efcore_parameter_name", b.mixed(b64u, 43)),
			`' (Size = 450)], CommandType='Text', CommandTimeout='30'] SELECT TOP(1) [u].[Id], [u].[Email] FROM [Users] AS [u] WHERE [u].[PasswordResetToken] = @__resetToken_0`)
	case 2:
		b.w(`info: Microsoft.EntityFrameworkCore.Database.Command[20101] Executed DbCommand (`, ms, `ms) [Parameters=[@p0='`, b.orderL(), `' (Nullable = false) (Size = 30), @p1='`,
			b.card("efcore_parameter"), `' (Size = 19), @p2='`, b.intn(1000, 900000), `'], CommandType='Text', CommandTimeout='30'] INSERT INTO [Payments] ([OrderNo], [CardNumber], [Amount]) VALUES (@p0, @p1, @p2);`)
	case 3:
		b.w(`info: Microsoft.AspNetCore.Hosting.Diagnostics[1] Request starting HTTP/1.1 GET http://api.example.com/api/members?email=`, b.sec("email/percent_query", b.emailPct()), ` - - -`)
	default:
		b.w(`info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET http://api.example.com/api/orders/`, b.orderL(), ` - 200 `, b.intn(10, 9000), ` application/json;+charset=utf-8 `,
			b.la("duration", fmt.Sprintf("%d.%04dms", b.n(0, 900), b.n(0, 9999))))
	}
}

func quarkus(b *builder) {
	b.w(b.clockL(" ", 3, ","), " ")
	switch b.r.IntN(4) {
	case 0:
		b.w(`DEBUG [org.jbo.res.rea.cli.log.DefaultClientLogger] (vert.x-eventloop-thread-`, b.intn(0, 7), `) Request: POST https://pg.example.com/v1/payments Headers[Authorization=Bearer `,
			b.sec("jwt/quarkus_client_headers", b.gen.jwt()), ` Content-Type=application/json User-Agent=Resteasy Reactive Client], Body: {"orderId":"`, b.orderL(), `","cardNumber":"`,
			b.card("quarkus_client_body"), `","amount":`, b.intn(1000, 900000), `}`)
	case 1:
		b.w(`DEBUG [org.jbo.res.rea.cli.log.DefaultClientLogger] (vert.x-eventloop-thread-`, b.intn(0, 7), `) Response: GET https://crm.example.com/api/customers/`, b.intn(1000, 99999),
			`, Status[200 OK], Headers[content-type=application/json content-length=`, b.intn(100, 900), `], Body: {"customerEmail":"`, b.email("quarkus_client_body"), `","mobile":"`, b.phone("quarkus_client_body"), `"}`)
	case 2:
		if b.coin(0.5) {
			b.w(`DEBUG [org.jbo.res.rea.cli.log.DefaultClientLogger] (vert.x-eventloop-thread-`, b.intn(0, 7), `) Request: GET https://partner.example.com/v2/orders Headers[Authorization=Bearer `,
				b.sec("auth_header/quarkus_client_headers", b.bearer()), ` Accept=application/json], Body: `)
		} else {
			b.w(`DEBUG [org.jbo.res.rea.cli.log.DefaultClientLogger] (vert.x-eventloop-thread-`, b.intn(0, 7), `) Request: POST https://erp.example.com/api/invoices Headers[Authorization=Basic `,
				b.sec("auth_header/quarkus_client_headers_basic", b.basic()), ` Content-Type=application/json], Body: {"orderNo":"`, b.orderL(), `"}`)
		}
	default:
		b.w(`INFO  [io.quarkus] (main) shop-api `, b.verL(), ` on JVM (powered by Quarkus `, b.la("version", "3."+b.intn(2, 16)+"."+b.intn(0, 4)), `) started in `, b.la("duration", fmt.Sprintf("%d.%03ds", b.n(0, 9), b.n(0, 999))),
			`. Listening on: http://0.0.0.0:8080`)
	}
}

func akka(b *builder) {
	d, h, m, s, f := b.tsParts()
	lvl := b.pick("INFO", "DEBUG", "WARNING")
	b.w("[", lvl, "] [", b.la("timestamp", fmt.Sprintf("12/%02d/2026 %02d:%02d:%02d.%03d", d, h, m, s, f/1000)), "] [shop-akka.actor.default-dispatcher-", b.intn(2, 30), "] ")
	switch b.r.IntN(4) {
	case 0:
		b.w("[akka://shop/user/payment-processor] Received PaymentRequest(", b.orderL(), ",", b.email("scala_case_class"), ",", b.card("scala_case_class"), ",", b.intn(1000, 900000), ")")
	case 1:
		b.w("[akka://shop/user/notifier] Sending SmsNotification(", b.sec("phone/kr_mobile_bare/scala_case_class", b.krMobile("")), ",주문 접수 안내,", b.orderL(), ")")
	case 2:
		b.w("[akka.tcp://shop@", b.ip("akka_remote_address"), ":2552/system/endpointManager] Association with remote system [akka.tcp://shop@", b.ip("akka_remote_address"), ":2552] has failed, address is now gated for [5000] ms. Reason: [Disassociated]")
	default:
		b.w("[akka://shop/user/order-writer] Persisted OrderPlaced(", b.orderL(), ",", b.uuidL(), ",", b.epochL(), ") in ", b.durL())
	}
}

func goRuntime(b *builder) {
	switch b.r.IntN(7) {
	case 0:
		b.w("panic: failed to open database: pq: password authentication failed for user \"app\" (dsn=postgres://app:", b.sec("secret/go_dsn_userinfo", b.urlPassword()), "@", b.ip("go_dsn_host"), ":5432/shop?sslmode=disable)")
	case 1:
		if b.coin(0.5) {
			b.w("panic: dial tcp ", b.ip("go_dial_error"), ":6379: connect: connection refused")
		} else {
			b.w("panic: redis: invalid URL \"redis://:", b.sec("secret/go_redis_url_password", b.urlPassword()), "@", b.ip("go_redis_url_host"), ":6379/0\": NOAUTH Authentication required.")
		}
	case 2:
		b.w("main.(*Server).handleLogin(0xc000", b.hex(6), ", {0x", b.hex(6), ", 0xc000", b.hex(6), "}, 0xc000", b.hex(6), ")")
	case 3:
		d, h, m, s, _ := b.tsParts()
		b.w(b.la("timestamp", fmt.Sprintf("2026/12/%02d %02d:%02d:%02d", d, h, m, s)), " register ", b.email("go_std_log"), `: pq: duplicate key value violates unique constraint "members_email_key"`)
	case 4:
		d, h, m, s, _ := b.tsParts()
		b.w(b.la("timestamp", fmt.Sprintf("2026/12/%02d %02d:%02d:%02d", d, h, m, s)), " http: TLS handshake error from ", b.addrPort("go_tls_handshake"), ": EOF")
	case 6:
		b.w("go: downloading ", b.la("go_module_version", "github.com/acme/shop-lib@v"+b.version()), " go: verifying module checksum h1:", b.mixed(b64s, 43), "=")
	default:
		b.w("\t/go/pkg/mod/github.com/jackc/pgx/v5@v", b.verL(), "/conn.go:", b.intn(100, 900), " +0x", b.hex(3), " goroutine ", b.intn(1, 9000), " [running] build ", b.la("commit_sha", b.sha()))
	}
}

// addrPort is an address with its port, IPv6 in brackets as Go prints it.
func (b *builder) addrPort(how string) string {
	port := fmt.Sprint(b.n(1024, 65000))
	if b.coin(0.25) {
		return "[" + b.ip6(how) + "]:" + port
	}
	return b.ip(how) + ":" + port
}

func rustTracing(b *builder) {
	lvl := b.pick(" INFO", "DEBUG", " WARN")
	b.w(b.isoL(6, "Z"), " ", lvl, " ")
	switch b.r.IntN(5) {
	case 0:
		b.w("request{method=POST uri=/api/login version=HTTP/1.1}: shop_api::auth: login succeeded user.email=", b.email("tracing_field"), " elapsed=", b.durL())
	case 1:
		b.w(`request{method=GET uri=/api/orders version=HTTP/1.1 headers={"host": "api.example.com", "user-agent": "okhttp/`, b.verL(), `", "authorization": "Bearer `,
			b.bearerToken("rust_headermap_debug"), `"}}: tower_http::trace::on_request: started processing request`)
	case 2:
		b.w("hyper_util::server: accepted connection remote_addr=", b.addrPort("tracing_remote_addr"))
	case 3:
		b.w(`sqlx::query: summary="UPDATE members SET mobile …" db.statement="UPDATE members SET mobile = '`, b.phone("tracing_db_statement"), `' WHERE id = 42" rows_affected=1 rows_returned=0 elapsed=`, b.durL())
	default:
		b.w("request{method=POST uri=/api/payments version=HTTP/2.0}: shop_api::payments: charge declined order_id=", b.orderL(), " trace_id=", b.traceL(), " span_id=", b.spanL())
	}
}
