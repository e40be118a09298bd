//go:build ninthwip

package ninth

var secFormats = []format{
	{"cloudtrail", JSON, func(b *builder) {
		b.w(`{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","accessKeyId":"`, b.key("cloudtrail_json"), `"},"eventTime":"`, b.isoT(), `Z","eventName":"ConsoleLogin","sourceIPAddress":"`, b.pub("cloudtrail_source"), `","requestID":"`, b.uuid(), `","eventID":"`, b.uuid(), `"}`)
	}},
	{"gcp_audit", JSON, func(b *builder) {
		b.w(`{"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog","authenticationInfo":{"principalEmail":"`, b.email("gcp_principal"), `"},"requestMetadata":{"callerIp":"`, b.ip("gcp_caller_ip"), `"}},"insertId":"`, b.a("insert_id", b.from(lower+digit, 12)), `","timestamp":"`, b.isoT(), `Z"}`)
	}},
	{"azure_activity", JSON, func(b *builder) {
		b.w(`{"caller":"`, b.email("azure_caller"), `","correlationId":"`, b.uuid(), `","operationName":"Microsoft.Storage/storageAccounts/listKeys/action","properties":{"connectionString":"DefaultEndpointsProtocol=https;AccountName=stshop`, b.digits(3), `;AccountKey=`, b.s("secret", "azure_account_key", b.from(alnum+"+/", 86)+"=="), `"},"callerIpAddress":"`, b.ip("azure_caller_ip"), `"}`)
	}},
	{"vault_audit", JSON, func(b *builder) {
		b.w(`{"time":"`, b.isoT(), `Z","type":"request","auth":{"client_token":"hvs.`, b.s("secret", "vault_client_token", b.opaque(24)), `","accessor":"hmac-sha256:`, b.a("hmac_accessor", b.sha256()), `"},"request":{"id":"`, b.uuid(), `","path":"secret/data/db","remote_address":"`, b.ip("vault_remote"), `"}}`)
	}},
	{"keycloak_event", Text, func(b *builder) {
		b.w(b.dt(), ",", b.digits(3), " WARN  [org.keycloak.events] (executor-thread-", b.num(1, 40), ") type=LOGIN_ERROR, realmId=shop, clientId=web, userId=null, ipAddress=", b.ip("keycloak_ip"), ", error=invalid_user_credentials, username=", b.email("keycloak_username"), ", code_id=", b.uuid())
	}},
	{"okta_system", JSON, func(b *builder) {
		b.w(`{"eventType":"user.session.start","actor":{"alternateId":"`, b.email("okta_alternate_id"), `"},"client":{"ipAddress":"`, b.pub("okta_client_ip"), `"},"outcome":{"result":"SUCCESS"},"uuid":"`, b.uuid(), `","published":"`, b.isoT(), `.`, b.digits(3), `Z"}`)
	}},
	{"freeradius", Text, func(b *builder) {
		b.w("Wed Dec  2 ", b.clock(), " 2026 : Auth: (", b.num(1, 9999), ") Login incorrect (pap: Cleartext password does not match): [", b.user(), "/", b.pw("radius_logged_password"), "] (from client nas01 port ", b.num(1, 48), " cli ", b.a("calling_station", b.hex(12)), ")")
	}},
	{"juniper_srx", Text, func(b *builder) {
		b.w("<14>1 ", b.isoT(), ".", b.digits(3), "+09:00 srx1 RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.26 source-address=\"", b.ip("srx_source"), "\" source-port=\"", b.a("port", b.num(1024, 65000)), "\" destination-address=\"", b.pub("srx_dest"), "\" session-id-32=\"", b.num(100000, 9999999), "\"]")
	}},
	{"fortigate", Text, func(b *builder) {
		b.w("date=2026-12-", b.day(), " time=", b.clock(), " devname=\"FGT-HQ\" devid=\"", b.sn(), "\" logid=\"0100032002\" type=\"event\" subtype=\"system\" srcip=", b.ip("forti_srcip"), " user=\"admin\" action=\"login\" status=\"failed\" reason=\"passwd_invalid\" msg=\"Administrator ", b.email("forti_msg_email"), " login failed\"")
	}},
	{"paloalto_csv", CSV, func(b *builder) {
		b.w("1,2026/12/0", b.day()[1:], " ", b.clock(), ",", b.a("serial", "0"+b.digits(11)), ",TRAFFIC,end,2561,2026/12/0", b.day()[1:], " ", b.clock(), ",", b.ip("panos_src"), ",", b.pub("panos_dst"), ",0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,Forward,", b.num(100000, 999999), ",1,", b.a("port", b.num(1024, 65000)), ",443")
	}},
	{"checkpoint", Text, func(b *builder) {
		b.w("<134>1 ", b.isoT(), "Z gw-hq CheckPoint ", b.pid(), " - [action:\"Accept\"; src:\"", b.ip("checkpoint_src"), "\"; dst:\"", b.ip("checkpoint_dst"), "\"; service:\"443\"; user:\"", b.email("checkpoint_user"), "\"; loguid:\"{0x", b.a("loguid", b.hex(8)), ",0x0,0x", b.hex(8), ",0x", b.hex(8), "}\"]")
	}},
	{"f5_bigip", Text, func(b *builder) {
		b.w("Dec  2 ", b.clock(), " bigip1 info tmm[", b.pid(), "]: Rule /Common/irule_log <HTTP_REQUEST>: client ", b.ip("f5_client"), " uri /api/pay X-Api-Key=", b.key("irule_header"), " vs /Common/vs_api build ", b.ver())
	}},
	{"ldap_bind", Text, func(b *builder) {
		b.w("conn=", b.num(1000, 99999), " fd=", b.num(10, 900), " ACCEPT from IP=", b.ip("slapd_accept"), ":", b.num(1024, 65000), " BIND dn=\"uid=", b.user(), ",ou=people,dc=example,dc=com\" method=128 ldapsearch -x -w ", b.pw("ldap_w_flag"), " took ", b.dur())
	}},
	{"smtp_auth", Text, func(b *builder) {
		b.w("C: AUTH PLAIN ", b.s("auth_header", "smtp_auth_plain", b.basicPlain()), " | S: 235 2.7.0 Authentication successful | message-id <", b.uuid(), "@mx.example.com> size ", b.num(1000, 99999))
	}},
}
