package fifth

import (
	"fmt"
	"strings"
)

// Mail servers and webmail, Windows transcripts and Android logcat.

func registerMailWin() {
	register("sendmail", sendmail)
	register("roundcube", roundcube)
	register("zimbra", zimbra)
	register("exchange", exchange)
	register("powershell", powershell)
	register("logcat", logcat)
}

func queueID(g *gen) string {
	return g.l("id/queue_id", g.num(400, 499)+g.chars(4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")+g.chars(1, "abcdefghijklmnopqrstuvwxyz")+g.digits(6))
}

func sendmail(g *gen) string {
	hdr := fmt.Sprintf("%s %2d %s mx1 sm-mta[%d]: %s: ", g.month(), g.n(1, 28), g.clock(), g.n(1000, 99999), queueID(g))
	switch g.r.IntN(3) {
	case 0:
		return hdr + fmt.Sprintf("from=<%s>, size=%s, class=0, nrcpts=1, msgid=<%s.%s@%s>, proto=ESMTP, daemon=MTA, tls_verify=NONE, auth=NONE, relay=mail.%s [%s]",
			g.s("email", "email/angle", g.email()), g.l("bytes", g.num(1000, 999999)), g.chars(12, lowerHex), g.chars(6, upperHex), "mail.example.net", "example.net", g.ip("bracket_relay"))
	case 1:
		return hdr + fmt.Sprintf("to=<%s>, delay=00:00:0%d, xdelay=00:00:0%d, mailer=esmtp, pri=%d, relay=mx.%s. [%s], dsn=2.0.0, stat=Sent (Ok: queued as %s)",
			g.s("email", "email/angle", g.email()), g.n(0, 9), g.n(0, 9), g.n(30000, 999999), g.pick("naver.com", "gmail.com"), g.ip("bracket_relay"), g.chars(10, alnum))
	default:
		return hdr + fmt.Sprintf("AUTH=server, relay=[%s], authid=%s, mech=LOGIN, bits=0", g.ip("bracket_relay"), g.s("email", "email/kv_authid", g.email()))
	}
}

func roundcube(g *gen) string {
	ts := fmt.Sprintf("[%02d-%s-2024 %s +0900]: <%s>", g.n(1, 28), g.month(), g.clock(), g.l("id/request_id", g.chars(8, lowerHex)))
	email := g.s("email", "email/prose", g.email())
	sess := g.s("secret", "secret/session_label", g.mixed(26, lowerNum))
	switch g.r.IntN(3) {
	case 0:
		ip := g.ip("prose_from")
		return fmt.Sprintf("%s Successful login for %s (ID: %d) from %s(X-Real-IP: %s,X-Forwarded-For: %s) in session %s", ts, email, g.n(1, 9999), ip, ip, ip, sess)
	case 1:
		return fmt.Sprintf("%s Failed login for %s from %s in session %s (error: %d)", ts, email, g.ip("prose_from"), sess, g.n(0, 3))
	default:
		return fmt.Sprintf("%s IMAP Error: Login failed for %s against imap.example.com from %s. AUTHENTICATE PLAIN: Authentication failed. in /var/www/roundcube/program/lib/Roundcube/rcube_imap.php on line 211 (POST /?_task=login&_action=login) session %s", ts, email, g.ip("prose_from"), sess)
	}
}

func zimbra(g *gen) string {
	ts := fmt.Sprintf("%s %s,%03d", g.date(), g.clock(), g.n(0, 999))
	email := g.s("email", "email/bracket_kv", g.email())
	zver := g.l("version/product_token", "8.8.15_GA_"+g.num(3800, 4200))
	ctx := fmt.Sprintf("[name=%s;mid=%d;ip=%s;oip=%s;ua=zclient/%s;]", email, g.n(1, 999), g.ip("semicolon_kv"), g.ip("semicolon_kv"), zver)
	if g.chance(0.5) {
		return fmt.Sprintf("%s INFO  [qtp%d-%d:https://mail.example.com/service/soap/AuthRequest] %s security - cmd=Auth; account=%s; protocol=soap; error=authentication failed for [%s], invalid password;", ts, g.n(1000, 9999), g.n(1, 999), ctx, email, email)
	}
	return fmt.Sprintf("%s INFO  [qtp%d-%d:https://mail.example.com/service/soap/SendMsgRequest] %s smtp - Sending message to MTA at mta.example.com: Message-ID=<%s@mail.example.com>, origMsgId=, replyType=r, to=%s", ts, g.n(1000, 9999), g.n(1, 999), ctx, g.chars(16, lowerHex), g.s("email", "email/kv_list", g.email()))
}

func exchange(g *gen) string {
	sender, rcpt := g.s("email", "email/csv_field", g.email()), g.s("email", "email/csv_field", g.email())
	return strings.Join([]string{
		g.l("timestamp/iso", g.isoTime()), g.ip("csv_field"), "WS-" + g.digits(4), g.ip("csv_field"), "EXCH01",
		"08DC" + strings.ToUpper(g.chars(12, lowerHex)) + ";" + g.isoTime() + ";0", `EXCH01\Default EXCH01`, "SMTP", g.pick("RECEIVE", "DELIVER", "SEND"),
		g.l("id/internal_message_id", g.num(1, 9)+g.digits(13)), "<" + g.chars(24, lowerHex) + "@EXCH01.corp.example.com>", g.l("id/uuid", g.uuid()),
		rcpt, "250 2.1.5 Recipient OK", g.l("bytes", g.num(1000, 9999999)), "1", "", "", `"Re: 견적 요청 ` + g.l("id/document", g.invoiceID()) + `"`, sender, sender, "", "Originating", "", "", "", "",
	}, ",")
}

func powershell(g *gen) string {
	p := "PS C:\\Users\\" + g.userID() + "> "
	pw := func(class string) string { return g.s("secret", class, g.password()) }
	switch g.r.IntN(8) {
	case 0:
		return p + "$pw = ConvertTo-SecureString '" + pw("secret/securestring_plain") + "' -AsPlainText -Force"
	case 1:
		return p + "New-LocalUser -Name svc_backup -Password (ConvertTo-SecureString \"" + pw("secret/securestring_plain") + "\" -AsPlainText -Force) -FullName \"Backup Service\""
	case 2:
		return p + "Invoke-RestMethod -Uri https://api.example.com/v1/users -Headers @{Authorization = \"Bearer " + g.s("auth_header", "auth_header/ps_hashtable", g.opaqueToken()) + "\"}"
	case 3:
		return p + "net use Z: \\\\" + g.ip("unc_path") + "\\share /user:CORP\\" + g.userID() + " " + pw("secret/net_use_positional")
	case 4:
		return p + "cmdkey /generic:TERMSRV/" + g.ip("cli_value") + " /user:admin /pass:" + pw("secret/cli_slash_pass")
	case 5:
		k, _ := g.accessKey()
		return p + "$env:API_TOKEN = \"" + g.s("access_key", "access_key/ps_env_assign", k) + "\""
	case 6:
		return fmt.Sprintf("**********************\nWindows PowerShell transcript start\nStart time: %s\nUsername: CORP\\%s\nMachine: WS-%s (Microsoft Windows NT %s)\nHost Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\nProcess ID: %d\nPSVersion: %s\n**********************",
			g.l("timestamp/compact", fmt.Sprintf("2024%02d%02d%02d%02d%02d", g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59), g.n(0, 59))), g.userID(), g.digits(4), g.l("version/windows", "10.0.19045.0"), g.n(1000, 99999), g.l("version/keyed", "5.1.19041."+g.num(3000, 4200)))
	default:
		return fmt.Sprintf("%sGet-Module\n\nModuleType Version    Name\n---------- -------    ----\nManifest   %s    Microsoft.PowerShell.Management\nBinary     %s    PackageManagement\nScript     %s      PSReadLine",
			p, g.l("version/module_table", "3.1.0.0"), g.l("version/module_table", "1.0.0.1"), g.l("version/module_table", "2.0.0"))
	}
}

func logcat(g *gen) string {
	ts := fmt.Sprintf("%02d-%02d %s.%03d %5d %5d", g.n(1, 12), g.n(1, 28), g.clock(), g.n(0, 999), g.n(1000, 32000), g.n(1000, 32000))
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("%s D OkHttp  : --> POST https://api.example.com/v1/auth/login\n%s D OkHttp  : Content-Type: application/json; charset=UTF-8\n%s D OkHttp  : {\"phone\":\"%s\",\"%s\":\"%s\",\"deviceId\":\"%s\"}",
			ts, ts, ts, g.s("phone", "phone/json_kr_bare", g.krMobile("")), g.pick("password", "pwd", "userPw", "passwd"), g.s("secret", "secret/json_password", g.password()), g.l("id/uuid", g.uuid()))
	case 1:
		return fmt.Sprintf("%s D OkHttp  : Authorization: Bearer %s\n%s D OkHttp  : User-Agent: okhttp/%s", ts, g.s("jwt", "jwt/bearer", g.jwt()), ts, g.l("version/product_token", "4.12.0"))
	case 2:
		return fmt.Sprintf("%s D OkHttp  : <-- 200 https://api.example.com/v1/auth/login (%sms)\n%s D OkHttp  : {\"accessToken\":\"%s\",\"refreshToken\":\"%s\",\"expiresIn\":3600}", ts, g.l("count/ms", g.num(100, 999)), ts, g.s("jwt", "jwt/json_value", g.jwt()), g.s("secret", "secret/json_refresh_token", g.opaqueToken()))
	case 3:
		return fmt.Sprintf("%s D FirebaseMessaging: FCM token: %s:APA91b%s", ts, g.chars(22, b64url), g.s("secret", "secret/fcm_token_label", g.mixed(134, b64url)))
	case 4:
		return fmt.Sprintf("%s I PackageManager: Package com.example.shop codePath changed; versionName=%s versionCode=%d", ts, g.l("version/keyed", "5."+g.num(1, 20)+".0."+g.num(1, 9)), g.n(100000, 999999))
	default:
		ua := "Dalvik/2.1.0 (Linux; U; Android 14; SM-S918N Build/" + g.l("version/build_id", "UP1A.231005.007") + ")"
		return fmt.Sprintf("%s I chromium: [INFO:CONSOLE(1)] \"signup ok email=%s\", source: https://m.example.com/js/app.js (1)\n%s D Volley  : [%d] BasicNetwork.logSlowRequests: HTTP response for request=<[ ] https://api.example.com/v2/profile 0x%s NORMAL 1> [lifetime=%d], [size=%d], [rc=200], [retryCount=0] UA=%s",
			ts, g.s("email", "email/kv_in_string", g.email()), ts, g.n(100, 999), g.chars(8, lowerHex), g.n(100, 9999), g.n(100, 99999), ua)
	}
}
