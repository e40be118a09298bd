package eighth

// Developer platforms, streaming and enterprise application servers.
var devFormats = []format{
	{"gerrit", Text, gerrit},
	{"bitbucket", Text, bitbucket},
	{"sonarqube", Text, sonarqube},
	{"nexus", Text, nexus},
	{"harbor", Text, harbor},
	{"ksqldb", JSON, ksqldb},
	{"pulsar", Text, pulsar},
	{"nifi", Text, nifi},
	{"sap_icm", Text, sapICM},
	{"peoplesoft", Text, peoplesoft},
}

// Gerrit sshd_log and error_log.
func gerrit(b *builder) {
	c := b.clock()
	b.w("[", c.dt()[:10], "T", c.hms(), ".", b.digits(3), "+09:00] ")
	switch b.n(3) {
	case 0:
		b.w(b.hex(8), " kim a/", b.num(1000000, 1000999), " LOGIN FROM ", b.ip("sentence"))
	case 1:
		b.w(b.hex(8), " kim a/", b.num(1000000, 1000999), " git-receive-pack./shop/api ", b.num(1, 90), "ms ", b.num(10, 9000), "ms 0 change I", b.a("change_id", b.sha()), " patchset ", b.num(1, 20))
	default:
		b.w("[ReplicateTo-mirror-1] ERROR com.googlesource.gerrit.plugins.replication.PushOne : Cannot replicate to https://replicator:", b.s("secret", "url_userinfo", b.urlPassword()), "@", b.hostname(), "/shop/api.git: not authorized")
	}
}

// Bitbucket Data Center access log (pipe separated) and application log.
func bitbucket(b *builder) {
	c := b.clock()
	rid := b.a("request_id/bitbucket", "@"+b.upperAlnum(7)+"x"+b.num(100, 999)+"x"+b.num(1, 999)+"x0")
	switch b.n(3) {
	case 0:
		b.w(b.ip("pipe_column"), " | https | i", rid, " | ", b.email("pipe_column"), " | ", c.dtMs(","), " | \"GET /rest/api/1.0/projects/SHOP/repos HTTP/1.1\" | \"\" \"git/", b.a("version/ua", "2.47."+b.num(0, 9)), "\" | 200 | 0 | ", b.num(100, 90000), " | - | ", b.num(1, 900), " | - |")
	case 1:
		b.w(c.dtMs(","), " WARN  [http-nio-7990-exec-", b.num(1, 50), "] kim ", rid, " ", b.priv("column"), " \"POST /scm/shop/api.git/git-receive-pack HTTP/1.1\" c.a.b.i.h.SecretScanningHook push rejected: commit ",
			b.commit(), " adds ", b.key("in_message"), " in config/prod.env")
	default:
		b.w(c.dtMs(","), " INFO  [ssh-scm-request-handler] kim ", rid, " ", b.ip6("column"), " SSH - git-upload-pack '/shop/api.git' | ", b.dur())
	}
}

// SonarQube server logs and scanner invocations in CI output.
func sonarqube(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		b.w("2026.12.", b.two(1, 2), " ", c.hms(), " INFO  ce[", b.a("task_id", "AY"+b.alnum(18)), "][o.s.c.t.CeWorkerImpl] Executed task | project=shop-api | type=REPORT | submitter=kim | status=SUCCESS | time=", b.num(100, 90000), "ms")
	case 1:
		b.w("2026.12.", b.two(1, 2), " ", c.hms(), " WARN  web[", b.a("task_id", "AY"+b.alnum(18)), "][o.s.s.a.AuthenticationEvent] login failure [cause|Password is incorrect][method|FORM][provider|LOCAL|local][IP|", b.pub("bracket_field"), "|][login|", b.email("bracket_field"), "]")
	default:
		b.w("+ sonar-scanner -Dsonar.projectKey=shop-api -Dsonar.host.url=https://sonar.example.com -Dsonar.token=", b.s("secret", "java_sysprop", "squ_"+b.hex(40)), " -Dsonar.scm.revision=", b.commit())
	}
}

// Sonatype Nexus Repository nexus.log and .npmrc dumps from builds.
func nexus(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		b.w(c.dtMs(","), "+0000 WARN  [qtp", b.num(100000, 999999), "-", b.num(10, 999), "] *UNKNOWN org.sonatype.nexus.security.authc.AuthenticationEventAuditor - Authentication failed for user kim from ", b.ip("sentence"))
	case 1:
		if b.chance(0.3) {
			b.w("npm verb config //registry.npmjs.org/:_authToken=", b.s("access_key", "npm_npmrc_authtoken", b.npmToken()), " npm@", b.vv("10.9.", 0, 2))
			return
		}
		cred, _, _ := b.basic()
		b.w("npm verb config //nexus.example.com/repository/npm-group/:_auth=", b.s("auth_header", "npmrc_auth", cred), " registry=https://nexus.example.com/repository/npm-group/ npm@", b.vv("10.9.", 0, 2))
	default:
		b.w(c.dtMs(","), "+0000 INFO  [qtp", b.num(100000, 999999), "-", b.num(10, 999), "] admin org.sonatype.nexus.repository.maven.internal.MavenFacetImpl - Deployed shop-api-", b.ver(), ".jar sha1=", b.commit())
	}
}

// Harbor core log ([LEVEL] [/path/file.go:line]: msg).
func harbor(b *builder) {
	c := b.clock()
	b.w(c.dt()[:10], "T", c.hms(), "Z [")
	switch b.n(3) {
	case 0:
		b.w("DEBUG] [/pkg/reg/adapter/native/adapter.go:", b.num(50, 300), "]: replication pull with credential &{AccessKey:admin AccessSecret:", b.s("secret", "go_struct_field", b.password()), " Type:basic}")
	case 1:
		b.w("ERROR] [/server/middleware/security/robot.go:", b.num(50, 120), "]: failed to authenticate robot account: robot$shop+ci from ", b.ip("sentence"), ", request id ", b.uuid())
	default:
		b.w("INFO] [/controller/artifact/controller.go:", b.num(100, 900), "]: artifact shop/api@sha256:", b.a("digest/sha256", b.hex(64)), " pushed, tag ", b.ver(), " by ", b.email("sentence"))
	}
}

// ksqlDB processing log (JSON) and server statements.
func ksqldb(b *builder) {
	switch b.n(3) {
	case 0:
		b.w(`{"level":"ERROR","logger":"processing.CSAS_ORDERS_ENRICHED_`, b.num(1, 99), `.KsqlTopic.Source.deserializer","time":`, b.epochMs(), `,"message":{"type":0,"deserializationError":{"target":"value","errorMessage":"Failed to deserialize value from topic: orders. Can't convert type. sourceType: TextNode, requiredType: INTEGER, path: $.AMOUNT","record":"{\"order_id\":\"`,
			b.order(), `\",\"email\":\"`, b.email("json_escaped_record"), `\",\"card\":\"`, b.card("json_escaped_record"), `\"}","cause":[],"topic":"orders"},"recordProcessingError":null,"productionError":null}}`)
	case 1:
		b.w(`{"level":"INFO","logger":"io.confluent.ksql.rest.server.resources.KsqlResource","time":`, b.epochMs(), `,"message":"Processed statement: CREATE SOURCE CONNECTOR pg_members WITH ('connector.class'='io.debezium.connector.postgresql.PostgresConnector', 'database.hostname'='`,
			b.priv("sql_with_prop"), `', 'database.user'='debezium', 'database.password'='`, b.pw("sql_with_prop"), `');"}`)
	default:
		b.w(`{"level":"INFO","logger":"io.confluent.ksql.query.QueryRegistryImpl","time":`, b.epochMs(), `,"message":"Query CTAS_DAILY_`, b.num(1, 99), ` started, commandId `, b.uuid(), `, ksqlDB `, b.vv("0.29.", 0, 0), `"}`)
	}
}

// Apache Pulsar broker log (log4j2 pattern of the distribution).
func pulsar(b *builder) {
	c := b.clock()
	b.w(c.dt()[:10], "T", c.hms(), ",", b.digits(3), "+0000 [pulsar-io-", b.num(1, 8), "-", b.num(1, 8), "] ")
	switch b.n(3) {
	case 0:
		b.w("INFO  org.apache.pulsar.broker.service.ServerCnx - [/", b.priv("slash_host_port"), ":", b.num(30000, 65000), "] Subscribing on topic persistent://public/default/orders / sub-", b.num(1, 9), ". consumerId: ", b.num(0, 99))
	case 1:
		b.w("WARN  org.apache.pulsar.broker.service.ServerCnx - [/", b.priv("slash_host_port"), ":", b.num(30000, 65000), "] Unable to authenticate: authParams=token:", b.jwt("token_prefix"), " reason=expired")
	default:
		b.w("INFO  org.apache.pulsar.broker.PulsarService - messaging service is ready, bootstrap service port = 8080, broker url= pulsar://", b.hostname(), ":6650, version ", b.vv("3.3.", 0, 4))
	}
}

// Apache NiFi nifi-app.log and nifi-user.log.
func nifi(b *builder) {
	c := b.clock()
	b.w(c.dtMs(","), " ")
	switch b.n(3) {
	case 0:
		b.w("ERROR [Timer-Driven Process Thread-", b.num(1, 20), "] o.apache.nifi.processors.standard.PutSQL PutSQL[id=", b.uuid(), "] Failed to update database due to java.sql.BatchUpdateException: Batch entry 0 INSERT INTO customer(email, phone) VALUES ('",
			b.email("jdbc_batch_entry"), "', '", b.mobile("jdbc_batch_entry"), "') was aborted")
	case 1:
		b.w("INFO [NiFi Web Server-", b.num(10, 99), "] o.a.n.w.s.NiFiAuthenticationFilter Authentication Success [", b.email("bracket"), "] ", b.pub("sentence"), " GET https://nifi.example.com:8443/nifi-api/flow/current-user")
	default:
		b.w("INFO [main] org.apache.nifi.NiFi Loaded ", b.num(100, 999), " properties: nifi.sensitive.props.key=", b.s("secret", "properties_key", b.alnum(24)), " nifi.version=", b.vv("2.1.", 0, 3))
	}
}

// SAP ICM dev_icm traces (HTTP request logging of the ICM).
func sapICM(b *builder) {
	c := b.clock()
	b.w("[Thr ", b.num(139000000000000, 140999999999999), "] Wed Dec  ", b.num(1, 2), " ", c.hms(), ":", b.digits(3), " 2026 ")
	switch b.n(3) {
	case 0:
		b.w("HttpLogRequest: ", b.pub("sentence"), " GET /sap/bc/gui/sap/its/webgui?sap-client=100&sap-user=KIM&sap-password=", b.s("secret", "query_sap_password", b.urlPassword()), "&sap-language=KO 200")
	case 1:
		b.w("IcmConnAccept: new connection from ", b.priv("sentence"), ":", b.num(30000, 65000), " (id ", b.num(1, 999), "/", b.num(1000, 99999), ") kernel ", b.a("version/sap_kernel", "7.93 PL "+b.num(10, 400)))
	default:
		b.w("HttpAuthHandler: basic logon for user RFC_USER failed, Authorization: Basic ", func() string { cr, _, _ := b.basic(); return b.s("auth_header", "trace_basic", cr) }())
	}
}

// PeopleSoft application server log (APPSRV_mmdd.LOG) and the [Startup]
// section of psappsrv.cfg as grep prints it.
func peoplesoft(b *builder) {
	c := b.clock()
	if b.chance(0.3) {
		b.w("psappsrv.cfg:UserId=PS UserPswd=", b.s("secret", "ini_key", b.password()), " ConnectId=people ConnectPswd=", b.s("secret", "ini_key", b.password()), " ; PeopleTools ", b.a("version", "8.61."+b.num(1, 20)))
		return
	}
	b.w("PSAPPSRV.", b.num(1000, 99999), " (", b.num(1, 9), ") [12/", b.two(1, 2), "/26 ", c.hms(), " ")
	if b.chance(0.5) {
		b.w("KIM@", b.pub("user_at_ip"), " (CHROME ", b.a("version/ua", "131.0.0.0"), "; WIN10) ICPanel](3) Returning context. ID=KIM, Lang=KOR, UStreamId=", b.a("ustream_id", c.hms()[:2]+c.hms()[3:5]+c.hms()[6:]+b.digits(3)+"_"+b.num(1000, 9999)+".1"))
		return
	}
	b.w("GetCertificate](1) Signon password verification failed for user KIM from ", b.priv("sentence"))
}
