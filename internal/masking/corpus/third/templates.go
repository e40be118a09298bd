package third

import (
	"fmt"
	"strings"
)

// AWS Application Load Balancer access log (space separated, quoted request).
func (t *tpl) alb() {
	q := "?page=" + t.n(1)
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			q = "?email=" + t.S("email/percent", pctMail(t.mail())) + "&lang=ko"
		case 1:
			q = "?access_token=" + t.S("secret/query_token", t.opaque())
		default:
			q = "?tel=" + t.S("phone/query", t.mobile())
		}
	}
	t.w("https ", t.K(t.iso()), " app/shop-alb/", t.K(t.hex(16)), " ", t.S("ipv4/client", t.ip4()), ":", t.port(), " ", t.S("ipv4/target", t.ip4()), ":8080 0.0",
		t.n(2), " 0.0", t.n(2), " 0.000 200 200 ", t.n(3), " ", t.n(4), ` "GET https://shop.example.com:443/members`, q, ` HTTP/1.1" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) `,
		t.K(t.chromeUA()), ` Safari/537.36" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:ap-northeast-2:`, t.K(t.awsAccount()),
		`:targetgroup/shop-tg/`, t.hex(16), ` "Root=1-`, t.hex(8), "-", t.hex(24), `" "shop.example.com" "-" 0 `, t.iso(), ` "forward" "-" "-" "-" "200" "-" "-"`)
}

// CloudFront standard access log (tab separated, URL-encoded fields).
func (t *tpl) cloudfront() {
	q := "-"
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			q = "user=" + t.S("email/percent", pctMail(t.mail()))
		case 1:
			q = "mobile=" + t.S("phone/percent", strings.ReplaceAll(t.intlPhone(), "+", "%2B"))
		default:
			q = "sig=" + t.S("secret/query_token", t.hex(40)) + "&token=" + t.S("secret/query_token", t.mixed(32, alnumA))
		}
	}
	ua := "Mozilla/5.0%20(Macintosh;%20Intel%20Mac%20OS%20X%2010_15_7)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20" + t.K(t.chromeUA()) + "%20Safari/537.36"
	t.w("2024-03-04\t10:15:", fmt.Sprintf("%02d", t.r.IntN(60)), "\tICN54-C1\t", t.n(4), "\t", t.S("ipv4/client", t.ip4()), "\tGET\td111111abcdef8.cloudfront.net\t/app/index.html\t200\t-\t",
		ua, "\t", q, "\t-\tHit\t", t.K(t.mixed(40, b64uA)+"=="), "\tshop.example.com\thttps\t", t.n(3), "\t0.00", t.n(1), "\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t", t.K(t.port()), "\t0.00", t.n(1), "\tHit\ttext/html\t", t.n(4), "\t-\t-")
}

// AWS CloudTrail record (one JSON object per line).
func (t *tpl) cloudtrail() {
	t.w(`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"`, t.K("AIDA"+t.chars(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")), `","arn":"arn:aws:iam::`,
		t.K(t.awsAccount()), `:user/deploy","accountId":"`, t.K(t.awsAccount()), `","accessKeyId":"`, t.S("access_key/aws_key_id", t.awsKeyID()), `","userName":"deploy"},`,
		`"eventTime":"2024-03-04T01:15:30Z","eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"ap-northeast-2","sourceIPAddress":"`, t.S("ipv4/json", t.ip4()), `",`,
		`"userAgent":"`, t.K("aws-cli/2.15."+t.n(2)), " Python/3.11.6 ", t.K("Linux/5.10.205-195.807.amzn2.x86_64"), ` exe/x86_64.amzn.2","requestParameters":{"roleArn":"arn:aws:iam::`, t.K(t.awsAccount()),
		`:role/ci","roleSessionName":"ci-`, t.n(6), `"},"responseElements":{"credentials":{"accessKeyId":"`, t.S("access_key/aws_key_id", "ASIA"+t.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")))
	if t.on() {
		t.w(`","sessionToken":"`, t.S("secret/session_token", "IQoJb3JpZ2luX2Vj"+t.mixed(120, b64A)))
	}
	t.w(`","expiration":"Mar 4, 2024, 2:15:30 AM"}},"requestID":"`, t.K(t.uuid()), `","eventID":"`, t.K(t.uuid()), `","readOnly":true,"eventType":"AwsApiCall","recipientAccountId":"`, t.K(t.awsAccount()), `"}`)
}

// Log4j 2 PatternLayout "%d{ISO8601} %-5p [%t] %c{1.} - %m%n%throw": an
// exception with its stack trace, one record.
func (t *tpl) log4j2() {
	t.w("2024-03-04T10:15:30,", t.n(3), " ERROR [http-nio-8443-exec-", t.n(2), "] c.e.m.s.MemberService - ")
	if !t.on() {
		t.w("Lookup failed for member ", t.K(t.n(9)), "\njava.lang.IllegalStateException: order ", t.K(t.orderID()), " not found\n\tat com.example.member.service.MemberService.find(MemberService.java:",
			t.n(3), ")\n\tat com.example.member.web.MemberController$$SpringCGLIB$$0.get(<generated>)\n\tat org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:174)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\nCaused by: com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: pool ", t.K("HikariPool@"+t.hex(8)), " closed")
		return
	}
	switch t.r.IntN(4) {
	case 0:
		t.w("Registration failed\norg.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]\n\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:97)\n",
			"Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '", t.S("email/sql_error", t.mail()), "' for key 'members.uk_members_email'\n\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:118)")
	case 1:
		t.w("Cannot create PoolableConnectionFactory (jdbc:mysql://db-", t.n(2), ".internal:3306/shop?user=app&password=", t.S("secret/jdbc_url", t.password()), "&useSSL=true)\n",
			"java.sql.SQLNonTransientConnectionException: Could not create connection to database server. Attempted reconnect 3 times. Giving up.\n\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111)")
	case 2:
		t.w("Payment rejected\ncom.example.pay.CardDeclinedException: card ", t.S("payment_card/exception", t.card()), " declined (code 51) for ", t.K(t.orderID()),
			"\n\tat com.example.pay.CardService.charge(CardService.java:", t.n(3), ")\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)")
	default:
		t.w("Token refresh failed\njava.lang.SecurityException: token ", t.S("secret/token_label", t.opaque()), " expired at ", t.K(t.iso()),
			"\n\tat com.example.auth.TokenService.refresh(TokenService.java:", t.n(2), ")")
	}
}

// Serilog compact JSON (CLEF), as written by Serilog.Formatting.Compact.
func (t *tpl) serilog() {
	t.w(`{"@t":"2024-03-04T01:15:30.`, t.n(7), `Z","@mt":"User {UserId} signed in from {ClientIp}","@l":"Information","UserId":`, t.n(5), `,"ClientIp":"`, t.S("ipv4/json", t.ip4()), `"`)
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			t.w(`,"Email":"`, t.S("email/json", t.mail()), `","PhoneNumber":"`, t.S("phone/json", t.intlPhone()), `"`)
		case 1:
			t.w(`,"ConnectionString":"Server=sql01;Database=Shop;User Id=shop_app;Password=`, t.S("secret/conn_string", t.password()), `;TrustServerCertificate=True"`)
		default:
			t.w(`,"ApiKey":"`, t.S("secret/json_key", t.mixed(32, alnumA)), `"`)
		}
	}
	t.w(`,"SourceContext":"Shop.Api.Controllers.AccountController","RequestId":"`, t.K("0HMVD"+t.chars(8, "ABCDEFGHIJKLMNOPQRSTUV0123456789")+":0000000"+t.n(1)), `","RequestPath":"/api/account/login","ConnectionId":"0HMVD`,
		t.chars(8, "ABCDEFGHIJKLMNOPQRSTUV0123456789"), `","Application":"Shop.Api","Version":"`, t.K(t.ver4()), `"}`)
}

// Go log/slog JSONHandler with AddSource and groups.
func (t *tpl) slogJSON() {
	t.w(`{"time":"2024-03-04T10:15:30.`, t.n(9), `+09:00","level":"INFO","source":{"function":"main.(*server).login","file":"/src/cmd/api/main.go","line":`, t.n(3), `},"msg":"login"`)
	if t.on() {
		t.w(`,"user":{"id":`, t.n(6), `,"email":"`, t.S("email/json", t.mail()), `","phone":"`, t.S("phone/json", t.mobile()), `"}`)
	}
	t.w(`,"http":{"remote_addr":"`, t.S("ipv4/addr_port", t.ip4()), ":", t.port(), `","user_agent":"Go-http-client/1.1"}`)
	if t.on() {
		t.w(`,"session":{"token":"`, t.S("secret/json_key", t.opaque()), `","expires":"`, t.K(t.iso()), `"}`)
	}
	t.w(`,"build":"`, t.K("go1.22."+t.n(1)), `","trace_id":"`, t.K(t.hex(32)), `"}`)
}

// winston JSON format with express request metadata.
func (t *tpl) winston() {
	t.w(`{"level":"info","message":"POST /api/orders 201","meta":{"req":{"url":"/api/orders","headers":{"host":"shop.example.com","user-agent":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) `, t.K("Version/17.3"), " Mobile/15E148 ", t.K("Whale/3.25.182.22"), `"`)
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			t.w(`,"x-api-key":"`, t.S("secret/header_key", t.mixed(40, alnumA)), `"`)
		case 1:
			t.w(`,"cookie":"connect.sid=`, t.S("secret/cookie", "s%3A"+t.mixed(32, b64uA)+"."+t.mixed(43, b64uA)), `; lang=ko"`)
		default:
			t.w(`,"authorization":"Bearer `, t.S("auth_header/bearer", t.jwt()), `"`)
		}
	}
	t.w(`},"method":"POST","httpVersion":"1.1","originalUrl":"/api/orders"},"res":{"statusCode":201},"responseTime":`, t.n(2), `},"order":"`, t.K(t.orderID()), `","timestamp":"`, t.K(t.iso()), `"}`)
}

// Caddy JSON access log (credentials in headers are logged as REDACTED).
func (t *tpl) caddy() {
	uri := "/api/v2/products?page=" + t.n(1)
	if t.on() {
		uri = "/api/v2/reset?token=" + t.S("secret/query_token", t.opaque()) + "&email=" + t.S("email/percent", pctMail(t.mail()))
	}
	t.w(`{"level":"info","ts":`, t.K(t.epochS()+"."+t.n(4)), `,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"`, t.S("ipv6/json", t.ip6()), `","remote_port":"`, t.K(t.port()),
		`","client_ip":"`, t.S("ipv4/json", t.ip4()), `","proto":"HTTP/2.0","method":"GET","host":"shop.example.com","uri":"`, uri, `","headers":{"User-Agent":["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) `,
		t.K(t.chromeUA()), ` Safari/537.36"],"Authorization":["`, t.K("REDACTED"), `"],"Accept":["*/*"]},"tls":{"resumed":false,"version":772,"cipher_suite":4865,"proto":"h2","server_name":"shop.example.com"}},"bytes_read":0,"user_id":"","duration":0.00`,
		t.n(4), `,"size":`, t.n(4), `,"status":200}`)
}

// Docker json-file driver: the application's JSON line as an escaped string.
func (t *tpl) docker() {
	inner := `{\"level\":\"info\",\"ts\":\"` + t.iso() + `\",\"caller\":\"api/handler.go:` + t.n(3) + `\",\"msg\":\"signup\"`
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			inner += `,\"email\":\"` + t.S("email/escaped_json", t.mail()) + `\",\"pwd\":\"` + t.S("secret/escaped_json", t.password()) + `\"`
		case 1:
			inner += `,\"to\":\"\u003c` + t.S("email/escaped_json", t.mail()) + `\u003e\",\"account_no\":\"` + t.S("bank_account/escaped_json", t.account()) + `\"`
		default:
			inner += `,\"contact\":\"` + t.S("email/json_escape", jsonMail(t.mail())) + `\",\"mobile\":\"` + t.S("phone/escaped_json", t.mobile()) + `\"`
		}
	}
	inner += `,\"request_id\":\"` + t.K(t.uuid()) + `\",\"image\":\"registry.example.com/api:` + t.K("v1.4.2.1") + `\"}`
	t.w(`{"log":"`, inner, `\n","stream":"stdout","time":"`, t.K(t.iso()), `"}`)
}

// GELF 1.1 message.
func (t *tpl) gelf() {
	t.w(`{"version":"1.1","host":"api-`, t.n(2), `.example.org","short_message":"password reset requested","timestamp":`, t.K(t.epochS()+"."+t.n(3)), `,"level":6,"_facility":"member","_member_no":"`, t.K(t.n(8)), `"`)
	if t.on() {
		t.w(`,"_email":"`, t.S("email/json", t.mail()), `","_client_ip":"`, t.S("ipv4/json", t.ip4()), `"`)
	}
	if t.on() {
		t.w(`,"full_message":"reset link https://shop.example.com/reset?token=`, t.S("secret/query_token", t.opaque()), ` sent to `, t.S("phone/json", t.phone()), `"`)
	}
	t.w(`,"_app_version":"`, t.K(t.ver4()), `","_doc":"`, t.K(t.docNo()), `"}`)
}

// ArcSight CEF (extension values escape '=' and '\').
func (t *tpl) cef() {
	t.w("CEF:0|Example|WAF|", t.K("6.2.1.4"), "|1001|Login attempt|5|rt=", t.K(t.epochMs()), " src=", t.S("ipv4/cef", t.ip4()), " spt=", t.K(t.port()), " dst=", t.S("ipv4/cef", t.ip4()), " dpt=443")
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			t.w(" suser=", t.S("email/cef", t.mail()))
		case 1:
			t.w(" request=https://shop.example.com/login?user\\=", t.S("email/cef_percent", pctMail(t.mail())), "&pw\\=", t.S("secret/cef_query", t.password()))
		default:
			t.w(" cs1Label=apiToken cs1=", t.S("secret/cef_label", t.mixed(36, alnumA)))
		}
	}
	t.w(" requestClientApplication=Mozilla/5.0 (Windows NT 10.0) ", t.K(t.chromeUA()), " cn1Label=ruleId cn1=", t.K(t.n(6)), " externalId=", t.K(t.docNo()))
}

// IBM QRadar LEEF 2.0 with '^' as the delimiter.
func (t *tpl) leef() {
	t.w("LEEF:2.0|Example|VPN|", t.K("9.1.0.2"), "|login|^|devTime=", t.K(t.epochMs()), "^src=", t.S("ipv4/leef", t.ip4()), "^srcPort=", t.K(t.port()), "^dst=", t.S("ipv4/leef", t.ip4()), "^dstPort=443")
	if t.on() {
		t.w("^usrName=", t.S("email/leef", t.mail()))
	}
	if t.on() {
		t.w("^mobile=", t.S("phone/leef", t.phone()))
	}
	t.w("^sessionId=", t.K(t.uuid()), "^policy=", t.K(t.oid()), "^sev=3")
}

// Windows Security event 4625 (failed logon) as event XML.
func (t *tpl) win4625() {
	user := "svc_backup"
	if t.on() {
		user = t.S("email/xml", t.mail())
	}
	t.w(`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing" Guid="{`, t.K(strings.ToUpper(t.uuid())), `}"/><EventID>4625</EventID><Version>0</Version>`,
		`<TimeCreated SystemTime="`, t.K(t.iso()), `"/><EventRecordID>`, t.K(t.n(7)), `</EventRecordID><Execution ProcessID="`, t.n(3), `" ThreadID="`, t.n(4), `"/><Computer>DC01.corp.example.local</Computer></System><EventData>`,
		`<Data Name="SubjectUserSid">`, t.K(t.sid()), `</Data><Data Name="TargetUserName">`, user, `</Data><Data Name="TargetDomainName">CORP</Data><Data Name="Status">0xc000006d</Data>`,
		`<Data Name="WorkstationName">WS-`, t.n(4), `</Data><Data Name="IpAddress">`, t.S("ipv4/xml", t.ip4()), `</Data><Data Name="IpPort">`, t.K(t.port()), `</Data></EventData></Event>`)
}

// Windows Security event 4688 (process creation) with a command line.
func (t *tpl) win4688() {
	cmd := `C:\Windows\System32\svchost.exe -k netsvcs -p -s Schedule`
	if t.on() {
		switch t.r.IntN(3) {
		case 0:
			cmd = `sqlcmd.exe -S sql01 -U sa -P "` + t.S("secret/cli_flag", t.password()) + `" -Q "BACKUP DATABASE Shop"`
		case 1:
			cmd = `mysql.exe --host=db01 --user=root --password=` + t.S("secret/cli_flag", t.password()) + ` shop`
		default:
			cmd = `curl.exe -H "Authorization: Bearer ` + t.S("auth_header/cli", t.bearer()) + `" https://api.example.com/v1/export`
		}
	}
	t.w(`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>4688</EventID><TimeCreated SystemTime="`, t.K(t.iso()), `"/><EventRecordID>`, t.K(t.n(7)),
		`</EventRecordID><Computer>WS-`, t.n(4), `.corp.example.local</Computer></System><EventData><Data Name="SubjectUserSid">`, t.K(t.sid()), `</Data><Data Name="NewProcessId">0x`, t.hex(4),
		`</Data><Data Name="CommandLine">`, strings.ReplaceAll(cmd, `"`, "&quot;"), `</Data><Data Name="TokenElevationType">%%1936</Data></EventData></Event>`)
}

// Oracle Net listener log (listener.log).
func (t *tpl) oracle() {
	t.w("04-MAR-2024 10:15:", fmt.Sprintf("%02d", t.r.IntN(60)), " * (CONNECT_DATA=(SERVICE_NAME=ORCLPDB1)(CID=(PROGRAM=JDBC Thin Client)(HOST=__jdbc__)(USER=app))) * (ADDRESS=(PROTOCOL=tcp)(HOST=",
		t.S("ipv4/oracle", t.ip4()), ")(PORT=", t.K(t.port()), ")) * establish * ORCLPDB1 * 0")
	if t.on() {
		t.w("\nTNS-12505: TNS:listener does not currently know of SID given in connect descriptor\n  TNS-12564: TNS:connection refused\n  ns main err code: 12564 version ", t.K("19.0.0.0"), " client ", t.S("ipv4/oracle", t.ip4()))
	}
}

// SQL Server error log.
func (t *tpl) mssql() {
	ts := "2024-03-04 10:15:" + fmt.Sprintf("%02d", t.r.IntN(60)) + "." + t.n(2)
	switch t.r.IntN(3) {
	case 0:
		t.w(ts, " Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - ", t.K("15.0.4322.2"), " (X64) Jul 27 2023 21:41:06 Copyright (C) 2019 Microsoft Corporation")
	case 1:
		t.w(ts, " Logon       Error: 18456, Severity: 14, State: 8.\n", ts, " Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: ", t.S("ipv4/bracket", t.ip4()), "]")
	default:
		if t.on() {
			t.w(ts, " spid", t.n(2), "      Setting database option TRUSTWORTHY to OFF for database 'Shop'. Command: ALTER LOGIN shop_app WITH PASSWORD = '", t.S("secret/sql_password", t.password()), "'")
			return
		}
		t.w(ts, " spid", t.n(2), "      Starting up database 'Shop' (", t.K(t.uuid()), ").")
	}
}

// MySQL general query log (Time, Id, Command, Argument).
func (t *tpl) mysqlGeneral() {
	ts := "2024-03-04T01:15:30." + t.n(6) + "Z"
	id := t.n(3)
	if !t.on() {
		t.w(ts, "\t   ", id, " Connect\tapp@", t.S("ipv4/mysql", t.ip4()), " on shop using TCP/IP\n", ts, "\t   ", id, " Query\tSELECT id, status FROM orders WHERE order_no = '", t.K(t.orderID()), "'")
		return
	}
	t.w(ts, "\t   ", id, " Query\t")
	switch t.r.IntN(5) {
	case 0:
		t.w("INSERT INTO api_credentials (owner, access_key, secret) VALUES ('svc-batch', '", t.S("access_key/sql", t.awsKeyID()), "', '", t.S("secret/sql_column", t.awsSecret()), "')")
	case 1:
		t.w("UPDATE members SET passwd = '", t.S("secret/sql_column", t.password()), "', updated_at = NOW() WHERE member_no = ", t.K(t.n(8)))
	case 2:
		t.w("INSERT INTO refunds (order_no, bank_code, account_no, holder) VALUES ('", t.K(t.orderID()), "', '0", t.n(2), "', '", t.S("bank_account/sql_column", t.account()), "', '김민지'), ('",
			t.K(t.orderID()), "', '0", t.n(2), "', '", t.S("bank_account/sql_column", t.account()), "', '이서준')")
	case 3:
		t.w("UPDATE members SET email = '", t.S("email/sql", t.mail()), "', mobile_no = '", t.S("phone/sql", t.mobile()), "', resident_no = '", t.S("kr_rrn/sql", t.rrn(true)), "' WHERE member_no = ", t.K(t.n(8)))
	default:
		t.w("INSERT INTO oauth_tokens (client_id, user_id, token, refresh_token) VALUES ('web', ", t.n(6), ", '", t.S("secret/sql_column", t.opaque()), "', '", t.S("secret/sql_column", t.mixed(48, b64uA)), "')")
	}
}

// Redis server log and MONITOR output.
func (t *tpl) redis() {
	if !t.on() {
		t.w(t.n(5), ":M 04 Mar 2024 10:15:30.", t.n(3), " * Background saving started by pid ", t.n(5), "\n", t.n(5), ":M 04 Mar 2024 10:15:31.", t.n(3), " * Redis version=", t.K("7.2.4"), ", bits=64, commit=", t.K(t.hex(8)), ", modified=0, pid=", t.n(5), ", just started")
		return
	}
	ts := t.epochS() + "." + t.n(6)
	switch t.r.IntN(3) {
	case 0:
		t.w(ts, " [0 ", t.S("ipv4/redis", t.ip4()), ":", t.port(), `] "AUTH" "default" "`, t.S("secret/redis_auth", t.password()), `"`)
	case 1:
		t.w(ts, " [0 ", t.S("ipv4/redis", t.ip4()), ":", t.port(), `] "HSET" "member:`, t.K(t.n(8)), `" "email" "`, t.S("email/redis", t.mail()), `" "phone" "`, t.S("phone/redis", t.mobile()), `"`)
	default:
		t.w(ts, " [0 unix:/run/redis.sock] \"SETEX\" \"session:", t.S("secret/redis_key", t.hex(32)), `" "1800" "{\"uid\":`, t.n(6), `,\"role\":\"user\"}"`)
	}
}

// Palo Alto PAN-OS traffic log (CSV over syslog).
func (t *tpl) panos() {
	user := ""
	if t.on() {
		user = t.S("email/csv", t.mail())
	}
	t.w("<14>Mar  4 10:15:30 PA-3220 1,2024/03/04 10:15:30,", t.K("0"+t.n(14)), ",TRAFFIC,end,2561,2024/03/04 10:15:30,", t.S("ipv4/csv", t.ip4()), ",", t.S("ipv4/csv", t.ip4()), ",0.0.0.0,0.0.0.0,allow-web,",
		user, ",,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,Forward-Syslog,2024/03/04 10:15:30,", t.K(t.n(7)), ",1,", t.K(t.port()), ",443,0,0,0x400019,tcp,allow,", t.n(4), ",", t.n(3), ",", t.n(4), ",", t.n(2),
		",2024/03/04 10:15:00,", t.n(2), ",computer-and-internet-info,0,", t.K("7"+t.n(18)), ",0x0,10.0.0.0-10.255.255.255,United States,0,", t.n(2), ",", t.n(2), ",tcp-fin,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0")
}

// Postfix (syslog) delivery and SASL lines.
func (t *tpl) postfix() {
	qid := t.chars(10, "0123456789ABCDEF")
	if t.r.IntN(2) == 0 {
		to := "<postmaster@localhost>"
		if t.on() {
			to = "<" + t.S("email/angle", t.mail()) + ">"
		}
		t.w("Mar  4 10:15:30 mx01 postfix/smtp[", t.n(5), "]: ", t.K(qid), ": to=", to, ", relay=mx.example.net[", t.S("ipv4/bracket", t.ip4()), "]:25, delay=0.", t.n(2), ", delays=",
			t.K("0.1/0/0."+t.n(1)+"/0."+t.n(1)), ", dsn=", t.K("2.0.0"), ", status=sent (250 2.0.0 OK ", t.K(t.epochS()), " ", t.hex(12), "-20v6si", t.n(7), "qkb.123 - gsmtp)")
		return
	}
	t.w("Mar  4 10:15:30 mx01 postfix/smtpd[", t.n(5), "]: ", t.K(qid), ": client=unknown[", t.S("ipv4/bracket", t.ip4()), "]")
	if t.on() {
		t.w(", sasl_method=LOGIN, sasl_username=", t.S("email/sasl", t.mail()))
	}
}

// IIS W3C extended log (spaces in fields become '+').
func (t *tpl) iis() {
	q := "-"
	if t.on() {
		switch t.r.IntN(2) {
		case 0:
			q = "user=" + t.S("email/percent", pctMail(t.mail())) + "&pwd=" + t.S("secret/query_pwd", t.password())
		default:
			q = "card=" + t.S("payment_card/query", t.cardDigits()) + "&exp=1227"
		}
	}
	t.w("2024-03-04 01:15:", fmt.Sprintf("%02d", t.r.IntN(60)), " ", t.S("ipv4/iis", t.ip4()), " POST /login.aspx ", q, " 443 - ", t.S("ipv4/iis", t.ip4()),
		" Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+", t.K(t.chromeUA()), "+Safari/537.36+Edg/", t.K("124.0.2478.80"), " https://shop.example.com/ 302 0 0 ", t.n(3))
}

// CI job log lines (GitHub Actions style timestamps, shell traces).
func (t *tpl) ciJob() {
	t.w(t.iso(), " ")
	if !t.on() {
		t.w("+ docker build -t registry.example.com/shop/api:", t.K("1.8.3.4"), " --build-arg GIT_SHA=", t.K(t.hex(40)), " .")
		return
	}
	switch t.r.IntN(4) {
	case 0:
		t.w("+ aws configure set aws_secret_access_key ", t.S("secret/aws_secret_key", t.awsSecret()))
	case 1:
		t.w("+ export AWS_ACCESS_KEY_ID=", t.S("access_key/env", t.awsKeyID()), " AWS_SECRET_ACCESS_KEY=", t.S("secret/aws_secret_key", t.awsSecret()))
	case 2:
		t.w("+ git clone https://oauth2:", t.S("access_key/url", t.gitlabToken()), "@gitlab.example.com/shop/api.git")
	default:
		t.w("+ curl -sf -H 'PRIVATE-TOKEN: ", t.S("secret/header_key", t.githubToken()), "' https://api.example.com/v4/projects/", t.n(3))
	}
}

// MyBatis debug logging of an eGovFrame application (Preparing/Parameters).
func (t *tpl) mybatis() {
	t.w("2024-03-04 10:15:30,", t.n(3), " DEBUG [egovframework.com.uss.umt.service.impl.MberManageDAO.insertMber] ")
	if !t.on() {
		t.w("==>  Preparing: SELECT MBER_ID, MBER_NM FROM COMTNGNRLMBER WHERE MBER_ID = ? AND SBSCRB_DE > ?\n==> Parameters: user", t.n(3), "(String), ", t.K(t.docNo()), "(String)")
		return
	}
	t.w("==>  Preparing: INSERT INTO COMTNGNRLMBER (MBER_ID, PASSWORD, IHIDNUM, MBER_EMAIL_ADRES, MBTLNUM, MBER_NM) VALUES (?, ?, ?, ?, ?, ?)\n==> Parameters: user", t.n(3), "(String), ", //nolint:misspell // eGovFrame column names
		t.S("secret/bind_param", t.password()), "(String), ", t.S("kr_rrn/bare", t.rrn(false)), "(String), ", t.S("email/bind", t.mail()), "(String), ", t.S("phone/bind", t.mobile()), "(String), 김민지(String)")
}

// 개인정보처리시스템 접속기록 (PIPA access records): 접속자, 접속일시, 접속지,
// 정보주체, 수행업무.
func (t *tpl) krAccess() {
	t.w("접속일시=2024-03-04 10:15:", fmt.Sprintf("%02d", t.r.IntN(60)), "|접속자ID=admin", t.n(2), "|접속지정보=", t.S("ipv4/kr", t.ip4()), "|수행업무=", t.of("조회", "수정", "다운로드"), "|정보주체=")
	if t.on() {
		t.w("홍길동(", t.S("kr_rrn/access_record", t.rrn(true)), ")")
	} else {
		t.w("홍길동(", t.K(t.rrn(true)[:8]+"******"), ")")
	}
	t.w("|처리건수=", t.n(2), "|문서번호=", t.K(t.docNo()), "|시스템=", t.K("eGovFrame-"+"3.10.0"))
}

// Korean application messages with Korean labels.
func (t *tpl) krApp() {
	t.w("[", t.K(t.iso()), "] [INFO ] [민원접수] ")
	if !t.on() {
		t.w("민원 처리 완료 (접수번호 ", t.K(t.docNo()), ", 처리부서 코드 ", t.K(t.n(7)), ", 카드번호 ", t.K("****-****-****-"+t.n(4)), ")")
		return
	}
	switch t.r.IntN(7) {
	case 0:
		t.w("신청인 정보 - 주민등록번호: ", t.S("kr_rrn/label", t.rrn(true)), ", 전화번호: ", t.S("phone/label", t.phone()))
	case 1:
		t.w("환불 요청: 계좌번호 : ", t.S("bank_account/label", t.account()), " (", t.bank(), ") 예금주 김민지")
	case 2:
		t.w("자동이체 등록 ", t.bank(), " ", t.S("bank_account/bank_name", t.account()), " 매월 25일")
	case 3:
		t.w("결제 카드번호: ", t.S("payment_card/label", t.card()), " 승인번호 ", t.K(t.n(8)))
	case 4:
		t.w("사용자 비밀번호=", t.S("secret/kr_label", t.password()), " 변경됨 (사용자ID user", t.n(3), ")")
	case 5:
		t.w("이메일 [", t.S("email/label", t.mail()), "] 로 인증번호 발송, 휴대전화번호(", t.S("phone/label", t.mobile()), ")")
	default:
		t.w("임시 비밀번호는 ", t.S("secret/kr_label", t.password()), " 입니다. 로그인 후 변경하세요.")
	}
}
