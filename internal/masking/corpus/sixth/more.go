package sixth

import (
	"fmt"
	"strings"
)

func linkerd(t *tb) string {
	pre := fmt.Sprintf("[%6d.%06ds]  %s ThreadId(%02d) ", t.n(1, 99999), t.n(0, 999999), t.pick("WARN", "INFO", "DEBUG"), t.n(1, 4))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`outbound:proxy{addr=%s:8080}:service{ns=shop name=orders port=8080}: linkerd_app_core::errors::respond: HTTP/1.1 request failed error=endpoint %s:8080: connect timed out after %s`, t.ip4("braces_host_port"), t.ip4("host_port"), t.la("duration", fmt.Sprintf("%dms", t.n(100, 9000))))
	case 1:
		return pre + fmt.Sprintf(`inbound:server{port=4143}:rescue{client.addr=%s:%d}: linkerd_app_inbound::policy::http: Request denied server.group= server.kind=default server.name=all-unauthenticated route.name=default client.tls=None(NoClientHello)`, t.ip4("braces_kv"), t.n(30000, 60000))
	default:
		return pre + fmt.Sprintf(`linkerd2_proxy: release %s (%s) by linkerd on %s`, t.la("version/semver", "v2."+fmt.Sprint(t.n(200, 260))+".0"), t.la("commit_short", t.hex(8)), t.date())
	}
}

func duo(t *tb) string {
	factor := t.pick("duo_push", "phone_call", "passcode", "sms_passcode")
	reason, result := t.pick("user_approved", "valid_passcode"), "success"
	if t.r.IntN(4) == 0 {
		reason, result = t.pick("deny_unenrolled_user", "user_mistake", "invalid_passcode"), "denied"
	}
	extra := ""
	if factor == "phone_call" || factor == "sms_passcode" {
		extra = fmt.Sprintf(`,"auth_device":{"ip":null,"location":{"city":null},"name":"%s"}`, t.ph())
	}
	return fmt.Sprintf(`{"access_device":{"browser":"Chrome","browser_version":"%s","ip":"%s","location":{"city":"Seoul","country":"South Korea"},"os":"Windows","os_version":"10"},"application":{"key":"DI%s","name":"VPN"},"email":"%s","event_type":"authentication","factor":"%s","isotimestamp":"%s","reason":"%s","result":"%s","timestamp":%s,"txid":"%s","user":{"key":"DU%s","name":"%s"}%s}`,
		t.la("version/browser", fmt.Sprintf("%d.0.0.0", t.n(118, 131))), t.ip4("json_value"), strings.ToUpper(t.from(upper+digit, 18)), t.emJSON(), factor, t.ts(), reason, result, t.la("epoch", t.epoch()), t.uid(), strings.ToUpper(t.from(upper+digit, 18)), t.login(), extra)
}

func sccm(t *tb) string {
	msg := ""
	switch t.r.IntN(4) {
	case 0:
		msg = fmt.Sprintf(`Running command line: "C:\Windows\ccmsetup\ccmsetup.exe" /mp:https://sccm01.corp.example.com SMSSITECODE=P01 /source:\\%s\Client$ /UsePKICert /NoCRLCheck`, t.ip4("unc_path"))
	case 1:
		msg = fmt.Sprintf(`Executing task sequence step: net use Z: \\fs01.corp.example.com\deploy /user:CORP\svc_osd %s`, t.s("secret", "cli_positional", t.pw()))
	case 2:
		msg = fmt.Sprintf(`[Win32App] Downloading app content for policy %s, hash %s, size %s`, t.uid(), t.hash(), t.la("byte_count", fmt.Sprint(t.n(100000, 900000000))))
	default:
		msg = fmt.Sprintf(`Primary user for device is %s (UPN), assigned by %s`, t.em(), t.em())
	}
	return fmt.Sprintf(`<![LOG[%s]LOG]!><time="%s.%03d-540" date="12-%02d-2026" component="%s" context="" type="%d" thread="%d" file="%s">`,
		msg, t.hms(), t.n(0, 999), t.n(1, 28), t.pick("ccmsetup", "TSManager", "IntuneManagementExtension", "AppIntentEvaluationHandler"), t.n(1, 3), t.n(100, 20000), t.pick("ccmsetup.cpp:4521", "", "instruction.cxx:805"))
}

func commvault(t *tb) string {
	pre := fmt.Sprintf("%-6d %-4x  12/%02d %s %-7d ", t.n(100, 60000), t.n(0x100, 0xfff), t.n(1, 28), t.hms(), t.n(100000, 9999999))
	switch t.r.IntN(3) {
	case 0:
		return pre + fmt.Sprintf(`CVSession::authenticateClient() - Authenticated user [%s] from [%s]`, t.em(), t.ip4("bracket"))
	case 1:
		return pre + fmt.Sprintf(`qoperation execscript -sn SetUserAndGroupProperties -si '%s' -si 'password' -si '%s'`, t.login(), t.s("secret", "quoted_arg_pair", t.pw()))
	default:
		return pre + fmt.Sprintf(`JobManager::updateJob() - Job [%s] phase [Backup] completed, [%s] transferred in [%s]`, t.la("job_id", fmt.Sprint(t.n(100000, 9999999))), t.la("byte_count", fmt.Sprintf("%d.%02d GB", t.n(1, 999), t.n(0, 99))), t.durL())
	}
}

func jbossAudit(t *tb) string {
	op := ""
	switch t.r.IntN(3) {
	case 0:
		op = fmt.Sprintf(`{"operation":"add","address":[{"subsystem":"datasources"},{"data-source":"OrdersDS"}],"jndi-name":"java:/OrdersDS","connection-url":"jdbc:postgresql://%s:5432/orders","user-name":"orders","password":"%s"}`, t.ip4("jdbc_host"), t.pwd("json_key"))
	case 1:
		op = fmt.Sprintf(`{"operation":"add","address":[{"subsystem":"elytron"},{"credential-store":"cs"}],"alias":"dbpass","secret-value":"%s"}`, t.s("secret", "json_key_compound", t.pw()))
	default:
		op = `{"operation":"read-resource","address":[{"subsystem":"undertow"}],"recursive":true}`
	}
	return fmt.Sprintf(`{"type":"core","r/o":false,"booting":false,"version":"%s","user":"admin","domainUUID":null,"access":"HTTP","remote-address":"%s/%s","success":true,"ops":[%s]}`,
		t.la("version/product", "7.4."+fmt.Sprint(t.n(0, 20))+".GA"), "localhost", t.ip4("slash_addr"), op)
}
