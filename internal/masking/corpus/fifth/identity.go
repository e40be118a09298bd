package fifth

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Identity providers, developer platforms and directory exports.

func registerIdentity() {
	register("okta", okta)
	register("auth0", auth0)
	register("keystone", keystone)
	register("gitlab", gitlab)
	register("atlassian", atlassian)
	register("ldif", ldif)
	register("salesforce", salesforce)
}

func okta(g *gen) string {
	ua, tok := g.browserUA()
	g.l("version/product_token", tok)
	email := g.s("email", "email/json_alternate_id", g.email())
	reqID := g.l("id/request_id", g.mixed(27, alnum))
	ev, outcome := g.pick("user.session.start", "user.authentication.auth_via_mfa", "user.account.update_password", "user.authentication.sso"), g.pick(`{"result":"SUCCESS"}`, `{"result":"FAILURE","reason":"INVALID_CREDENTIALS"}`)
	return fmt.Sprintf(`{"actor":{"id":"%s","type":"User","alternateId":"%s","displayName":"%s"},"client":{"userAgent":{"rawUserAgent":"%s","os":"Windows 10","browser":"CHROME"},"zone":"null","device":"Computer","ipAddress":"%s","geographicalContext":{"city":"Seoul","state":"Seoul","country":"South Korea"}},"displayMessage":"User login to Okta","eventType":"%s","outcome":%s,"published":"%s","uuid":"%s","version":"0","debugContext":{"debugData":{"requestId":"%s","requestUri":"/api/v1/authn","url":"/api/v1/authn?"}},"transaction":{"type":"WEB","id":"%s"}}`,
		g.l("id/okta_user", "00u"+g.mixed(17, alnum)), email, g.pick("Minsu Kim", "Jiwoo Lee", "Olivia Smith"), ua, g.ip("json_ip_address"), ev, outcome, g.l("timestamp/iso", g.isoTime()), g.l("id/uuid", g.uuid()), reqID, reqID)
}

func auth0(g *gen) string {
	email := g.s("email", "email/json_user_name", g.email())
	logID := g.l("id/auth0_log_id", "900"+g.digits(17)+"0000000000000000"+g.digits(20))
	clientID := g.l("id/oauth_client_id", g.mixed(32, alnum))
	typ := g.pick("s", "f", "fp", "sapi")
	details := `"details":{"error":{"message":"Wrong email or password."}}`
	switch typ {
	case "s":
		details = `"details":{"prompts":[{"name":"login","flow":"universal-login","timers":{"rules":` + g.num(1, 90) + `}}],"initiatedAt":` + g.l("timestamp/epoch_ms", g.epochMs()) + `}`
	case "sapi":
		details = fmt.Sprintf(`"details":{"request":{"method":"post","path":"/api/v2/users","body":{"email":"%s","password":"%s","connection":"Username-Password-Authentication","phone_number":"%s"}},"response":{"statusCode":201}}`,
			g.s("email", "email/json_body", g.email()), g.l("placeholder", "*****"), g.s("phone", "phone/json_e164", g.e164()))
	}
	return fmt.Sprintf(`{"date":"%s","type":"%s","description":"%s","connection":"Username-Password-Authentication","connection_id":"%s","client_id":"%s","client_name":"Shop Web","ip":"%s","user_agent":"Chrome 124.0.0 / Windows 10.0.0","%s,"user_id":"auth0|%s","user_name":"%s","strategy":"auth0","strategy_type":"database","log_id":"%s","isMobile":false}`,
		g.l("timestamp/iso", g.isoTime()), typ, g.pick("Wrong email or password.", "Successful login", ""), g.l("id/auth0_connection", "con_"+g.mixed(16, alnum)), clientID, g.ip("json_ip"), strings.TrimPrefix(details, `"`), g.l("id/auth0_user", g.chars(24, lowerHex)), email, logID)
}

func fernet(g *gen) string { return "gAAAAAB" + g.mixed(176, b64url) }

func keystone(g *gen) string {
	ts := fmt.Sprintf("%s %s.%03d %d", g.date(), g.clock(), g.n(0, 999), g.n(1000, 60000))
	req := "req-" + g.l("id/uuid", g.uuid())
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%s INFO keystone.server.flask.request_processing.middleware.auth_context [%s - - - - -] POST http://%s:5000/v3/auth/tokens", ts, req, g.ip("url_host"))
	case 1:
		return fmt.Sprintf(`%s DEBUG keystoneauth.session [%s - - - - -] REQ: curl -g -i -X POST http://%s:5000/v3/auth/tokens -H "Content-Type: application/json" -H "User-Agent: keystoneauth1/%s python-requests/2.31.0 CPython/3.10.12" -d '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s", "domain": {"id": "default"}, "password": "%s"}}}, "scope": {"project": {"id": "%s"}}}}'`,
			ts, req, g.ip("url_host"), g.l("version/product_token", "5.6.0"), g.userID(), g.s("secret", "secret/json_nested_password", g.password()), g.l("id/project", g.chars(32, lowerHex)))
	case 2:
		return fmt.Sprintf(`%s DEBUG keystoneauth.session [%s - - - - -] RESP: [201] Content-Length: %s Content-Type: application/json Date: Mon, 04 Mar 2024 01:11:12 GMT Vary: X-Auth-Token X-Subject-Token: %s x-openstack-request-id: %s`,
			ts, req, g.l("bytes", g.num(1000, 9999)), g.s("secret", "secret/header_subject_token", fernet(g)), req)
	case 3:
		return fmt.Sprintf("%s WARNING keystone.common.wsgi [%s - - - - -] Could not find token: %s.", ts, req, g.s("secret", "secret/prose_token_label", fernet(g)))
	default:
		return fmt.Sprintf("%s WARNING keystone.server.flask.application [%s - - - - -] Authorization failed. The request you have made requires authentication. from %s", ts, req, g.ip("from_ip"))
	}
}

func gitlab(g *gen) string {
	corr := g.l("id/correlation_id", "01H"+g.chars(23, upperNum))
	user := g.userID()
	ua, tok := g.browserUA()
	g.l("version/product_token", tok)
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf(`{"method":"POST","path":"/users/sign_in","format":"html","controller":"SessionsController","action":"create","status":302,"time":"%s","params":[{"key":"authenticity_token","value":"%s"},{"key":"user","value":{"login":"%s","password":"%s","remember_me":"0"}}],"remote_ip":"%s","ua":"%s","correlation_id":"%s","meta.caller_id":"SessionsController#create","db_count":%d,"duration_s":%s}`,
			g.l("timestamp/iso", g.isoTime()), g.l("placeholder", "[FILTERED]"), g.s("email", "email/json_login", g.email()), "[FILTERED]", g.ip("json_remote_ip"), ua, corr, g.n(3, 40), g.l("duration/seconds", "0."+g.digits(5)))
	case 1:
		return fmt.Sprintf(`{"time":"%s","severity":"INFO","duration_s":0.0%s,"status":200,"method":"GET","path":"/api/v4/projects/%d/repository/files/config.yml/raw","params":[{"key":"private_token","value":"[FILTERED]"},{"key":"ref","value":"main"}],"host":"gitlab.example.com","remote_ip":"%s, %s","ua":"curl/8.5.0","route":"/api/:version/projects/:id/repository/files/:file_path/raw","user_id":%d,"username":"%s","correlation_id":"%s"}`,
			g.l("timestamp/iso", g.isoTime()), g.digits(4), g.n(1, 900), g.ip("json_remote_ip_list"), g.ip("json_remote_ip_list"), g.n(2, 900), user, corr)
	case 2:
		k := g.pick("ghp_"+g.mixed(36, alnum), "glpat-"+g.mixed(20, alnum))
		return fmt.Sprintf(`{"severity":"INFO","time":"%s","class":"RepositoryImportWorker","args":["%d"],"retry":false,"queue":"repository_import","jid":"%s","correlation_id":"%s","import_url":"https://oauth2:%s@github.com/acme/%s.git","message":"RepositoryImportWorker JID-%s: start","job_status":"start"}`,
			g.l("timestamp/iso", g.isoTime()), g.n(1, 900), g.l("id/sidekiq_jid", g.chars(24, lowerHex)), corr, g.s("access_key", "access_key/url_userinfo", k), g.pick("shop", "infra", "mobile"), g.chars(24, lowerHex))
	default:
		return fmt.Sprintf(`{"severity":"INFO","time":"%s","correlation_id":"%s","meta.user":"%s","message":"Webhook executed","hook_id":%d,"url":"https://hooks.slack.com/services/T%s/B%s/%s","response_status":200,"execution_duration":%s}`,
			g.l("timestamp/iso", g.isoTime()), corr, user, g.n(1, 200), g.chars(8, upperNum), g.chars(10, upperNum), g.s("secret", "secret/webhook_path_token", g.mixed(24, alnum)), g.l("duration/seconds", "0."+g.digits(4)))
	}
}

func atlassian(g *gen) string {
	ts := fmt.Sprintf("%s %s,%03d+0900", g.date(), g.clock(), g.n(0, 999))
	thread := fmt.Sprintf("http-nio-8080-exec-%d", g.n(1, 50))
	user := g.userID()
	reqID := g.l("id/request_id", fmt.Sprintf("%dx%dx%d", g.n(100, 1439), g.n(1000, 99999), g.n(1, 9)))
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s %s url: /rest/api/2/search; user: %s WARN %s %s %s %s,%s /rest/api/2/search [c.a.j.bc.issue.DefaultIssueService] Issue %s not found for reporter %s",
			ts, thread, user, user, reqID, g.chars(6, lowerNum), g.ip("xff_list"), g.ip("xff_list"), g.l("id/issue_key", "PROJ-"+g.num(1, 9999)), g.s("email", "email/plain_sentence", g.email()))
	case 1:
		cred := g.email() + ":ATATT3xFfGF0" + g.mixed(180, b64url)
		enc := base64.StdEncoding.EncodeToString([]byte(cred))
		return fmt.Sprintf("%s %s url: /rest/api/3/issue; user: anonymous DEBUG anonymous %s - %s /rest/api/3/issue [c.a.j.w.filters.accesslog.AccessLogFilter] request headers: Authorization=Basic %s, X-Atlassian-Token=no-check",
			ts, thread, reqID, g.ip("kv_remote"), g.s("auth_header", "auth_header/basic_kv", enc))
	case 2:
		return fmt.Sprintf(`%s Caesium-1-3 INFO ServiceRunner [c.a.jira.mail.MailFetcher] Mail handler "support": connecting to imaps://mail.example.com:993 as %s with password=%s`,
			ts, g.s("email", "email/plain_sentence", g.email()), g.s("secret", "secret/kv_password", g.password()))
	default:
		return fmt.Sprintf(`%s %s INFO %s %s %s /rest/api/2/auditing/record [c.a.j.auditing.AuditingManagerImpl] {"summary":"User created","category":"user management","objectItem":{"name":"%s","typeName":"USER"},"changedValues":[{"fieldName":"Email","changedTo":"%s"},{"fieldName":"Full name","changedTo":"%s"}],"remoteAddress":"%s","created":%s}`,
			ts, thread, "admin", reqID, g.ip("kv_remote"), user, g.s("email", "email/json_changed_to", g.email()), g.pick("Minsu Kim", "Jiwoo Lee"), g.ip("json_remote_address"), g.l("timestamp/epoch_ms", g.epochMs()))
	}
}

func ldif(g *gen) string {
	uid := g.userID()
	lines := []string{
		"dn: uid=" + uid + ",ou=people,dc=example,dc=co,dc=kr",
		"objectClass: inetOrgPerson",
		"uid: " + uid,
		"cn: " + g.pick("Minsu Kim", "Jiwoo Lee", "Seoyeon Park"),
		"mail: " + g.s("email", "email/ldif_attr", g.email()),
	}
	if g.maybe() {
		lines = append(lines, "telephoneNumber: "+g.s("phone", "phone/ldif_attr", g.pick(g.krLandline(), "+82 2 "+g.num(2000, 9999)+" "+g.digits(4), g.intlPhone())))
	}
	if g.maybe() {
		lines = append(lines, "mobile: "+g.s("phone", "phone/ldif_attr", g.krMobile("-")))
	}
	lines = append(lines, "employeeNumber: "+"2024"+g.digits(4)) // personal: claimed neither way
	switch g.r.IntN(3) {
	case 0:
		hash := "{SSHA}" + base64.StdEncoding.EncodeToString([]byte(g.chars(24, alnum)))
		lines = append(lines, "userPassword:: "+g.s("secret", "secret/ldif_password_b64", base64.StdEncoding.EncodeToString([]byte(hash))))
	case 1:
		lines = append(lines, "userPassword: "+g.s("secret", "secret/ldif_password_plain", g.password()))
	default:
		lines = append(lines, "sambaNTPassword: "+g.s("secret", "secret/ldif_nt_hash", strings.ToUpper(g.hexToken(32))))
	}
	lines = append(lines, "entryUUID: "+g.l("id/uuid", g.uuid()), "createTimestamp: "+g.l("timestamp/generalized", fmt.Sprintf("2024%02d%02d%02d%02d%02dZ", g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59), g.n(0, 59))))
	return strings.Join(lines, "\n")
}

func salesforce(g *gen) string {
	if g.chance(0.5) {
		return fmt.Sprintf(`"Login","%s","%s","%s","%s","%d","%d","/index.jsp","","LOGIN_NO_ERROR","%s","%s","Browser","Chrome %d","%s"`,
			g.l("timestamp/sfdc", fmt.Sprintf("2024%02d%02d%02d%02d%02d.%03d", g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59), g.n(0, 59), g.n(0, 999))),
			g.l("id/request_id", "4"+g.mixed(14, alnum)), g.l("id/sfdc_org", "00D5g"+g.mixed(10, alnum)), g.l("id/sfdc_user", "0055g"+g.mixed(10, alnum)),
			g.n(10, 900), g.n(1, 90), g.ip("csv_source_ip"), g.s("email", "email/csv_field", g.email()), g.n(118, 131), g.l("timestamp/iso", g.isoTime()))
	}
	return fmt.Sprintf("%02d.%02d.2024;%s;AU%d;%s;%s;%s;%s;Logon %s (type=A, method=%s)",
		g.n(1, 28), g.n(1, 12), g.clock(), g.n(1, 9), strings.ToUpper(g.pick(familyRoman...)+"_"+g.pick(givenRoman...)[:2]), g.pick("SAPMSYST", "RSRZLLG0"), g.pick("100", "200", "800"), g.ip("csv_terminal"), g.pick("successful", "failed"), g.pick("A", "E"))
}
