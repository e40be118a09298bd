package seventh

import (
	"fmt"
	"strings"
)

// Network, edge and security telemetry: Sysmon, Citrix NetScaler, Aruba,
// SonicWall, Cloudflare Logpush, Akamai DataStream 2, AWS WAF,
// GuardDuty, Entra ID sign-ins.

func sysmon(b *builder) {
	id := b.pick("1", "1", "3", "22")
	b.w(`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"/><EventID>`, id,
		`</EventID><Version>5</Version><Level>4</Level><Task>`, id, `</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="`, b.la("timestamp", b.iso(6, "")+b.num(1)+"Z"),
		`"/><EventRecordID>`, b.intn(100000, 9999999), `</EventRecordID><Correlation/><Execution ProcessID="`, b.intn(1000, 9000), `" ThreadID="`, b.intn(1000, 9000),
		`"/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS-0`, b.intn(100, 999), `.corp.example.com</Computer><Security UserID="S-1-5-18"/></System><EventData><Data Name="RuleName">-</Data><Data Name="UtcTime">`,
		b.clockL(" ", 3, "."), `</Data><Data Name="ProcessGuid">{`, b.uuidL(), `}</Data><Data Name="ProcessId">`, b.intn(1000, 30000), `</Data>`)
	switch id {
	case "1":
		var image, cmd, ver string
		switch b.r.IntN(7) {
		case 4:
			ver = b.la("version/quad", "10.0."+b.pick("19041", "22621", "26100")+"."+b.intn(1000, 5000))
			image = `C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe`
			cmd = `powershell.exe -NoProfile -Command "$p = ConvertTo-SecureString '` + b.sec("secret/cmdline_securestring", b.password()) + `' -AsPlainText -Force; New-LocalUser -Name svc_report -Password $p"`
		case 5:
			ver = b.la("version/quad", "10.0."+b.pick("19041", "22621", "26100")+"."+b.intn(1000, 5000))
			image = `C:\Windows\System32\schtasks.exe`
			cmd = `schtasks /create /tn "NightlyExport" /tr "C:\jobs\export.cmd" /sc daily /st 02:00 /ru CORP\svc_batch /rp ` + b.sec("secret/cmdline_schtasks_rp", b.urlPassword())
		case 6:
			ver = b.la("version/quad", "2."+b.intn(30, 43)+".0.0")
			image = `C:\Tools\PsExec64.exe`
			cmd = `PsExec64.exe \\` + b.ip("cmdline_unc_host") + ` -u CORP\admin -p ` + b.sec("secret/cmdline_psexec", b.urlPassword()) + ` -accepteula cmd /c ipconfig`
		case 0:
			ver = "8.0." + b.intn(30, 40)
			image = `C:\Program Files\MySQL\MySQL Server 8.0\bin\mysql.exe`
			cmd = `"` + image + `" -u root -p` + b.sec("secret/cmdline_mysql_glued", b.urlPassword()) + ` -h ` + b.ip("cmdline_host") + ` shop`
		case 1:
			ver = b.la("version/quad", "8.4.0."+b.intn(1000, 9999))
			image = `C:\Windows\System32\curl.exe`
			cmd = `curl.exe -s -u admin:` + b.sec("secret/cmdline_curl_user", b.urlPassword()) + ` https://nas01.corp.example.com/api/backup`
		case 2:
			ver = b.la("version/quad", "2019.150."+b.intn(1000, 9999)+".0")
			image = `C:\Program Files\Microsoft SQL Server\Client SDK\ODBC\170\Tools\Binn\SQLCMD.EXE`
			cmd = `sqlcmd -S ` + b.ip("cmdline_host") + ` -U sa -P ` + b.sec("secret/cmdline_sqlcmd", b.urlPassword()) + ` -Q "SELECT @@VERSION"`
		default:
			ver = b.la("version/quad", "10.0."+b.pick("19041", "22621", "26100")+"."+b.intn(1000, 5000))
			image = `C:\Windows\System32\net.exe`
			cmd = `net use \\fs01\share ` + b.sec("secret/cmdline_net_use", b.urlPassword()) + ` /user:CORP\` + b.pick("kim", "lee", "svc_backup")
		}
		b.w(`<Data Name="Image">`, image, `</Data><Data Name="FileVersion">`, ver, `</Data><Data Name="CommandLine">`, strings.ReplaceAll(cmd, `"`, "&quot;"),
			`</Data><Data Name="User">CORP\`, b.pick("kim", "lee", "svc_backup"), `</Data><Data Name="Hashes">SHA256=`, b.la("digest", strings.ToUpper(b.hex(64))), `</Data>`)
	case "3":
		v6 := b.coin(0.3)
		src, dst := "", ""
		if v6 {
			src, dst = b.ip6("sysmon_eventdata_ip"), b.ip6("sysmon_eventdata_ip")
		} else {
			src, dst = b.ip("sysmon_eventdata_ip"), b.ip("sysmon_eventdata_ip")
		}
		b.w(`<Data Name="Image">C:\Program Files\Google\Chrome\Application\chrome.exe</Data><Data Name="Protocol">tcp</Data><Data Name="Initiated">true</Data><Data Name="SourceIsIpv6">`, fmt.Sprint(v6),
			`</Data><Data Name="SourceIp">`, src, `</Data><Data Name="SourcePort">`, b.intn(49152, 65000), `</Data><Data Name="DestinationIsIpv6">`, fmt.Sprint(v6), `</Data><Data Name="DestinationIp">`, dst,
			`</Data><Data Name="DestinationPort">443</Data>`)
	default:
		b.w(`<Data Name="QueryName">login.example.com</Data><Data Name="QueryStatus">0</Data><Data Name="QueryResults">`, b.sec("ipv6/sysmon_mapped_v4", "::ffff:"+b.ipv4()), `;</Data>`)
	}
	b.w(`</EventData></Event>`)
}

func netscaler(b *builder) {
	d, h, m, s, _ := b.tsParts()
	b.w(fmt.Sprintf("<134> 12/%02d/2026:%02d:%02d:%02d GMT ns01 0-PPE-0 : default ", d, h, m, s))
	switch b.r.IntN(3) {
	case 0:
		user := b.email("netscaler_context")
		ip := b.ip("netscaler_client_ip")
		b.w("SSLVPN LOGIN ", b.intn(100000, 9999999), " 0 : Context ", user, "@", ip, " - SessionId: ", b.intn(100, 99999), " - User ", user, " - Client_ip ", ip,
			` - Nat_ip "Mapped Ip" - Vserver `, b.ip("netscaler_vserver"), `:443 - Browser_type "`, b.chromeL(), `" - SSLVPN_client_type ICA - Group(s) "VPN_USERS"`)
	case 1:
		b.w("AAA LOGIN_FAILED ", b.intn(100000, 9999999), " 0 : User ", b.email("netscaler_user"), " - Client_ip ", b.ip("netscaler_client_ip"), ` - Failure_reason "Invalid credentials" - Browser_type "`, b.chromeL(), `"`)
	default:
		b.w("TCP CONN_TERMINATE ", b.intn(100000, 9999999), " 0 :  Source ", b.ip("netscaler_source"), ":", b.intn(1024, 65000), " - Destination ", b.ip("netscaler_destination"), ":443 - Start Time ",
			b.la("timestamp", fmt.Sprintf("12/%02d/2026:%02d:%02d:%02d GMT", d, h, m, s)), " - End Time ", fmt.Sprintf("12/%02d/2026:%02d:%02d:%02d GMT", d, h, m, s), " - Duration 00:00:0", b.intn(0, 9),
			"  - Total_bytes_send ", b.intn(100, 90000), " - Total_bytes_recv ", b.intn(100, 90000))
	}
}

func aruba(b *builder) {
	d, h, m, s, _ := b.tsParts()
	mac := b.hex(2) + ":" + b.hex(2) + ":" + b.hex(2) + ":" + b.hex(2) + ":" + b.hex(2) + ":" + b.hex(2)
	b.w(fmt.Sprintf("<142>Dec %2d %02d:%02d:%02d 2026 aruba-mc01 ", d, h, m, s))
	switch b.r.IntN(3) {
	case 0:
		b.w("authmgr[", b.intn(1000, 9000), "]: <522008> <INFO> |authmgr|  User Authentication Successful: username=", b.email("aruba_kv"), " MAC=", mac, " IP=", b.ip("aruba_kv"),
			" role=employee VLAN=", b.intn(10, 400), " AP=ap-3f-", b.intn(10, 99), " SSID=corp AAA profile=corp-aaa auth method=802.1x auth server=ise01")
	case 1:
		b.w("authmgr[", b.intn(1000, 9000), "]: <522275> <NOTI> |authmgr|  User Authentication failed. username=", b.email("aruba_kv"), " MAC=", mac, " IP=", b.ip("aruba_kv"),
			" auth method=802.1x auth server=ise01 failure reason=Authentication Failed")
	default:
		b.w("stm[", b.intn(1000, 9000), "]: <501095> <NOTI> |AP ap-3f-", b.intn(10, 99), "@", b.ip("aruba_ap_address"), " stm|  Assoc request @ ", b.la("timestamp", fmt.Sprintf("%02d:%02d:%02d.%06d", h, m, s, b.n(0, 999999))),
			": ", mac, " (SN ", b.intn(0, 9), "): AP ", b.ip("aruba_ap_address"), "-", mac, "-ap-3f-", b.intn(10, 99), " firmware ", b.la("version/quad", fmt.Sprintf("8.%d.0.%d", b.n(6, 12), b.n(1, 15))))
	}
}

func sonicwall(b *builder) {
	b.w(`id=firewall sn=0017C5`, strings.ToUpper(b.hex(6)), ` time="`, b.clockL(" ", 0, ""), ` UTC" fw=`, b.ip("sonicwall_fw"), ` pri=6 c=`, b.pick("262144", "1024"), ` m=`, b.pick("537", "97", "1235"), ` msg="`)
	switch b.r.IntN(3) {
	case 0:
		b.w(`Connection Closed" app=`, b.intn(1, 90000), ` n=`, b.intn(1, 999999), ` src=`, b.ip("sonicwall_src_port_iface"), `:`, b.intn(1024, 65000), `:X0 dst=`, b.ip("sonicwall_src_port_iface"),
			`:443:X1 proto=tcp/https sent=`, b.intn(100, 900000), ` rcvd=`, b.intn(100, 900000), ` spkt=`, b.intn(1, 900), ` rpkt=`, b.intn(1, 900), ` cdur=`, b.intn(1, 90000), ` usr="`, b.email("sonicwall_usr"), `"`)
	case 1:
		b.w(`User login successful" n=`, b.intn(1, 99999), ` src=`, b.ip("sonicwall_src_port_iface"), `:`, b.intn(1024, 65000), `:X1 dst=`, b.ip("sonicwall_src_port_iface"), `:443:X1 usr="`, b.email("sonicwall_usr"), `" note="SSL VPN"`)
	default:
		b.w(`Web site hit" n=`, b.intn(1, 99999), ` src=`, b.ip("sonicwall_src_port_iface"), `:`, b.intn(1024, 65000), `:X0 dst=`, b.ip("sonicwall_src_port_iface"),
			`:80:X1 proto=tcp/http op=1 rcvd=`, b.intn(100, 9000), ` result=0 dstname=shop.example.com arg=/search?q=`, b.sec("email/sonicwall_arg_query", b.emailPct()), ` code=`, b.intn(1, 60), ` Category="Shopping"`)
	}
}

func cloudflare(b *builder) {
	var uri, extra string
	switch b.r.IntN(4) {
	case 0:
		uri = "/api/v1/members?email=" + b.sec("email/percent_query_json", b.emailPct())
	case 1:
		uri = "/api/v1/orders/" + b.orderL()
		extra = `,"RequestHeaders":{"x-api-key":"` + b.sec("secret/logpush_request_header", b.randomSecret(32)) + `"}`
	case 2:
		uri = "/oauth/authorize?client_id=web&redirect_uri=https%3A%2F%2Fshop.example.com%2Fcb&state=" + b.hex(16)
		extra = `,"Cookies":{"__session":"` + b.sec("secret/logpush_cookie_session", b.mixed(b64u, 40)) + `"}`
	default:
		uri = "/static/app." + b.la("build_hash", b.hex(8)) + ".js"
	}
	start := b.epochMS() + b.num(6)
	b.w(`{"ClientIP":"`, b.pubAddr("logpush_client_ip"), `","ClientRequestHost":"shop.example.com","ClientRequestMethod":"GET","ClientRequestURI":"`, uri, `","ClientRequestUserAgent":"`, b.chromeL(),
		`","ClientCountry":"kr","EdgeStartTimestamp":`, b.la("epoch_ns", start), `,"EdgeEndTimestamp":`, start[:len(start)-6]+b.num(6), `,"EdgeResponseBytes":`, b.intn(100, 90000),
		`,"EdgeResponseStatus":200,"OriginIP":"`, b.ip("logpush_origin_ip"), `","CacheCacheStatus":"`, b.pick("hit", "miss", "dynamic"), `","RayID":"`, b.la("ray_id", b.hex(16)), `"`, extra, `}`)
}

func akamai(b *builder) {
	// DataStream 2 hex-encodes whitespace and non-ASCII octets (RFC 1738)
	// and omits "-" fields from JSON logs.
	var path, query string
	switch b.r.IntN(4) {
	case 0:
		path, query = "/api/members", `,"queryStr":"email=`+b.sec("email/percent_query_json", b.emailPct())+`&page=1"`
	case 1:
		path, query = "/api/verify", `,"queryStr":"phone=`+b.sec("phone/kr_mobile_bare/query_json", b.krMobile(""))+`"`
	case 2:
		path, query = "/api/sso/callback", `,"queryStr":"ticket=`+b.sec("secret/query_ticket_json", "ST-"+b.numNZ(6)+"-"+b.mixed(alnum, 20))+`"`
	default:
		path = "/images/item/" + b.intn(1000, 99999) + ".jpg"
	}
	ua := "Mozilla/5.0%20(iPhone;%20CPU%20iPhone%20OS%2017_4%20like%20Mac%20OS%20X)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Mobile/15E148%20KAKAOTALK%20" + b.intn(10, 11) + "." + b.intn(0, 9) + "." + b.intn(0, 9)
	b.w(`{"version":"1","cp":"`, b.intn(100000, 999999), `","reqId":"`, b.la("request_id", b.hex(8)), `","reqTimeSec":"`, b.la("epoch_s", b.epochS()+"."+b.num(3)), `","bytes":"`, b.intn(100, 90000),
		`","cliIP":"`, b.pubAddr("datastream_cli_ip"), `","statusCode":"200","proto":"HTTPS","reqHost":"www.example.co.kr","reqMethod":"GET","reqPath":"`, path, `","reqPort":"443"`, query,
		`,"UA":"`, b.la("version/ua", ua), `","tlsVersion":"TLSv1.3","xForwardedFor":"`, b.ip("datastream_xff"), `","turnAroundTimeMSec":"`, b.intn(1, 900), `","cacheStatus":"`, b.intn(0, 1),
		`","country":"KR","city":"SEOUL"}`)
}

func awsWAF(b *builder) {
	headers := `{"name":"Host","value":"api.example.com"},{"name":"User-Agent","value":"` + b.chromeL() + `"}`
	args := ""
	switch b.r.IntN(4) {
	case 0:
		headers += `,{"name":"Authorization","value":"Bearer ` + b.bearerToken("waf_header_name_value") + `"}`
	case 1:
		headers += `,{"name":"cookie","value":"session=` + b.sec("secret/waf_cookie_session", b.mixed(b64u, 32)) + `; lang=ko"}`
	case 2:
		args = "email=" + b.sec("email/percent_query_json", b.emailPct()) + "&next=%2Fmypage"
	default:
		headers += `,{"name":"X-Forwarded-For","value":"` + b.ip("waf_xff_header") + `"}`
	}
	b.w(`{"timestamp":`, b.epochL(), `,"formatVersion":1,"webaclId":"arn:aws:wafv2:ap-northeast-2:`, b.num(12), `:regional/webacl/shop-acl/`, b.uuidL(),
		`","terminatingRuleId":"Default_Action","terminatingRuleType":"REGULAR","action":"ALLOW","httpSourceName":"ALB","httpSourceId":"app/shop-alb/`, b.hex(16),
		`","ruleGroupList":[],"rateBasedRuleList":[],"nonTerminatingMatchingRules":[],"httpRequest":{"clientIp":"`, b.pubAddr("waf_client_ip"), `","country":"KR","headers":[`, headers,
		`],"uri":"/login","args":"`, args, `","httpVersion":"HTTP/2.0","httpMethod":"POST","requestId":"`, b.la("request_id", "1-"+b.hex(8)+"-"+b.hex(24)), `"}}`)
}

func guardduty(b *builder) {
	fid := b.la("finding_id", b.hex(32))
	acct := b.num(12)
	var res, act string
	switch b.r.IntN(3) {
	case 0:
		res = `{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"` + b.sec("access_key/guardduty_access_key_id", b.awsKeyID("ASIA")) + `","principalId":"` +
			b.la("aws_unique_id", "AROA"+b.from(b32, 17)) + `:i-0` + b.hex(16) + `","userType":"AssumedRole","userName":"shop-ec2-role"}}`
	case 1:
		res = `{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"` + b.sec("access_key/guardduty_access_key_id", b.awsKeyID("AKIA")) + `","principalId":"` +
			b.la("aws_unique_id", "AIDA"+b.from(b32, 17)) + `","userType":"IAMUser","userName":"` + b.email("guardduty_user_name") + `"}}`
	default:
		res = `{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0` + b.hex(16) + `","networkInterfaces":[{"privateIpAddress":"` + b.sec("ipv4/guardduty_private_ip", fmt.Sprintf("172.31.%d.%d", b.n(0, 255), b.n(1, 254))) + `","ipv6Addresses":["` + b.ip6("guardduty_ipv6") + `"]}]}}`
	}
	act = `{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"` + b.pick("ListBuckets", "GetObject", "DescribeInstances") + `","serviceName":"s3.amazonaws.com","callerType":"Remote IP","remoteIpDetails":{"ipAddressV4":"` +
		b.sec("ipv4/guardduty_remote_ip", b.publicIPv4()) + `","organization":{"asn":"` + b.intn(1000, 65000) + `","asnOrg":"EXAMPLE-AS"},"country":{"countryName":"` + b.pick("Netherlands", "Korea", "United States") + `"}}}}`
	b.w(`{"schemaVersion":"2.0","accountId":"`, acct, `","region":"ap-northeast-2","partition":"aws","id":"`, fid, `","arn":"arn:aws:guardduty:ap-northeast-2:`, acct, `:detector/`, b.la("detector_id", b.hex(32)), `/finding/`, fid,
		`","type":"UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS","resource":`, res, `,"service":{"serviceName":"guardduty","action":`, act, `,"count":`, b.intn(1, 90),
		`,"eventFirstSeen":"`, b.isoL(3, "Z"), `"},"severity":8,"title":"Credentials used from a remote AWS account."}`)
}

func entraSignin(b *builder) {
	ipAddr := b.pubAddr("entra_ip_address")
	status := `{"errorCode":0,"failureReason":"Other.","additionalDetails":"MFA requirement satisfied by claim in the token"}`
	if b.coin(0.3) {
		status = `{"errorCode":50126,"failureReason":"Error validating credentials due to invalid username or password.","additionalDetails":null}`
	}
	browser := b.pick("Edge ", "Chrome ") + fmt.Sprintf("%d.0.%d", b.n(118, 131), b.n(2000, 6800))
	b.w(`{"id":"`, b.uuidL(), `","createdDateTime":"`, b.isoL(0, "Z"), `","userDisplayName":"`, b.pick("Kim Minsu", "Lee Jiwoo", "김민수"), `","userPrincipalName":"`, b.email("entra_upn"),
		`","userId":"`, b.uuidL(), `","appId":"`, b.uuidL(), `","appDisplayName":"`, b.pick("Office 365 Exchange Online", "Microsoft Teams", "Azure Portal"), `","ipAddress":"`, ipAddr,
		`","clientAppUsed":"Browser","correlationId":"`, b.uuidL(), `","conditionalAccessStatus":"success","isInteractive":true,"riskDetail":"none","status":`, status,
		`,"deviceDetail":{"deviceId":"","operatingSystem":"Windows10","browser":"`, b.la("version/browser", browser), `"},"location":{"city":"Seoul","countryOrRegion":"KR","geoCoordinates":{"latitude":37.5665,"longitude":126.978}}}`)
}
