package fresh

// Structured cloud and platform logs: Elastic Common Schema, GCP Cloud
// Logging, Azure Activity Log, Vault audit device.

func ecs(t *tpl) {
	ua, tok := t.chromeUA()
	t.la("version/product_token", tok)
	t.w(`{"@timestamp":"`, t.la("timestamp", t.isoTime()), `","log.level":"`, t.pick("info", "warn", "error"), `","message":"`)
	switch t.r.IntN(6) {
	case 3:
		u, d := t.user(), t.pick(domains...)
		t.w(`login ok for `, t.s("email", "email/json_unicode_escape", u+`\u0040`+d))
	case 4:
		t.w(`refund sent to account `, t.s("bank_account", "bank_account/en_label", t.bankAccount()), ` (`, t.pick(banksEN...), `) for order `, t.la("order_id", t.orderID()))
	case 5:
		t.w(`session token: `, t.s("secret", "secret/token_label", t.opaque()), ` issued, body `, t.la("placeholder", "[Filtered]"))
	case 0:
		t.w(`payment declined for card `, t.sCard("payment_card/json_message"), ` (bin check failed)`)
	case 1:
		t.w(`password reset requested for `, t.sEmail("email/json_message"), ` from `, t.sIPv4("ipv4/json_message"))
	default:
		t.w(`session created session.id=`, t.la("uuid", t.uuid()))
	}
	t.w(`","ecs.version":"`, t.la("version/key", "8.11.0"), `","service.name":"`, t.pick(services...), `","service.version":"`, t.la("version/key", t.version4()), `","source.ip":"`, t.sIPv4("ipv4/json"), `"`)
	t.w(`,"user_agent.original":"`, ua, `","trace.id":"`, t.la("trace_id", t.traceID()), `","span.id":"`, t.la("span_id", t.spanID()), `"`)
	if t.maybe() {
		t.w(`,"user.email":"`, t.sEmail("email/json"), `","user.phone":"`, t.sPhone(), `"`)
	}
	if t.maybe() {
		t.w(`,"url.query":"redirect_uri=https%3A%2F%2Fshop.example.kr%2Fcb&login_hint=`, t.sPercentEmail("email/percent_query"), `"`)
	}
	if t.one(3) {
		// under an "account" key the number is not claimed as a look-alike
		t.w(`,"cloud.account.id":"`, t.u(t.digits(12)), `","cloud.region":"ap-northeast-2"`)
	}
	t.w(`,"event.duration":`, t.la("duration/ns", t.ns(1000000, 999999999)), `}`)
}

func gcp(t *tpl) {
	t.w(`{"insertId":"`, t.la("id/insert", t.mixed("abcdefghijklmnopqrstuvwxyz0123456789", 14)), `","httpRequest":{"requestMethod":"POST","requestUrl":"https://api.example.com`, t.pick(paths...))
	if t.maybe() {
		t.w("?key=", t.s("access_key", "access_key/google", t.googleKey()))
	}
	t.w(`","status":`, t.pick("200", "401", "500"), `,"responseSize":"`, t.la("bytes", t.ns(100, 99999)), `","remoteIp":"`)
	if t.one(4) {
		t.w(t.sIPv6("ipv6/json"))
	} else {
		t.w(t.sIPv4("ipv4/json"))
	}
	t.w(`","serverIp":"`, t.sIPv4("ipv4/json"), `","latency":"`, t.la("duration", "0."+t.digits(6)+"s"), `"},"jsonPayload":{`)
	switch t.r.IntN(4) {
	case 3:
		t.w(`"message":"request body","body":"{\"id\":\"`, t.login(), `\",\"pwd\":\"`, t.s("secret", "secret/escaped_json_short_key", t.password()), `\",\"ts\":`, t.la("timestamp/epoch_ms", t.epochMs()), `}"`)
	case 0:
		t.w(`"message":"service account key loaded","credentials":{"type":"service_account","client_email":"`, t.s("email", "email/service_account", "deployer@shop-prod-"+t.digits(6)+".iam.gserviceaccount.com"), `","private_key_id":"`, t.u(t.hexN(40)), `","private_key":"-----BEGIN PRIVATE KEY-----\n`, t.s("secret", "secret/pem_json", t.pemBody()), `\n-----END PRIVATE KEY-----\n"}`)
	case 1:
		t.w(`"message":"signup","member":{"name":"`, t.krName(), `","email":"`, t.sEmail("email/json"), `","mobile":"`, t.sPhone(), `","rrn":"`, t.s("kr_rrn", "kr_rrn/json", t.rrn(true)), `"}`)
	default:
		t.w(`"message":"upstream call","headers":{"x-goog-api-key":"`, t.s("access_key", "access_key/google", t.googleKey()), `","x-cloud-trace-context":"`, t.la("trace_id", t.traceID()), `/`, t.la("id/span_decimal", t.digits(19)), `;o=1"}`)
	}
	t.w(`},"resource":{"type":"k8s_container","labels":{"project_id":"shop-prod","pod_name":"api-`, t.la("id/pod", t.hexN(10)), `"}},"severity":"`, t.pick("INFO", "ERROR"), `","timestamp":"`, t.la("timestamp", t.isoTime()), `"}`)
}

func azure(t *tpl) {
	t.w(`{"time":"`, t.la("timestamp", t.isoTime()), `","resourceId":"/SUBSCRIPTIONS/`, t.la("uuid", t.uuid()), `/RESOURCEGROUPS/SHOP-PROD/PROVIDERS/MICROSOFT.WEB/SITES/SHOP-API","operationName":"MICROSOFT.WEB/SITES/CONFIG/WRITE","category":"Administrative","resultType":"Success","correlationId":"`, t.la("uuid", t.uuid()), `"`)
	t.w(`,"callerIpAddress":"`, t.sIPv4("ipv4/json"), `","identity":{"claims":{"name":"`, t.krName(), `","http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"`, t.sEmail("email/json_claim"), `","ipaddr":"`, t.sIPv4("ipv4/json"), `"}}`)
	switch t.r.IntN(2) {
	case 0:
		t.w(`,"properties":{"requestbody":"{\"properties\":{\"appSettings\":[{\"name\":\"DB_PASSWORD\",\"value\":\"`, t.sPass("secret/name_value_escaped"), `\"},{\"name\":\"STORAGE_KEY\",\"value\":\"`, t.s("secret", "secret/name_value_escaped", t.mixed(b64std, 86)+"=="), `\"}]}}"}}`)
	default:
		t.w(`,"properties":{"statusCode":"OK","serviceRequestId":"`, t.la("uuid", t.uuid()), `","eventCategory":"Administrative","message":"Microsoft.Web/sites/config/write","hierarchy":"`, t.la("uuid", t.uuid()), `"}}`)
	}
}

func vault(t *tpl) {
	t.w(`{"time":"`, t.la("timestamp", t.isoTime()), `","type":"`, t.pick("request", "response"), `","auth":{"client_token":"`, t.u("hmac-sha256:"+t.hexN(64)), `","accessor":"`, t.la("hash/vault_hmac", "hmac-sha256:"+t.hexN(64)), `","display_name":"oidc-`, t.sEmail("email/json_display"), `","policies":["default","app-read"],"token_type":"service"}`)
	t.w(`,"request":{"id":"`, t.la("uuid", t.uuid()), `","operation":"`, t.pick("read", "update"), `","mount_type":"`, t.pick("kv", "database", "transit"), `","path":"`)
	switch t.r.IntN(3) {
	case 0:
		// log_raw=true: request bodies are not HMAC-ed
		t.w(`secret/data/shop/db","data":{"data":{"username":"shop","password":"`, t.sPass("secret/json"), `"}}`)
	case 1:
		t.w(`auth/token/lookup","data":{"token":"`, t.s("secret", "secret/vault_token", "hvs."+t.mixed(b64url, 24)), `"}`)
	default:
		t.w(`database/creds/readonly","data":null`)
	}
	t.w(`,"remote_address":"`, t.sIPv4("ipv4/json"), `","remote_port":`, t.ns(30000, 65000), `,"headers":{"x-forwarded-for":["`, t.sIPv4("ipv4/json_array"), `"]}}}`)
}
