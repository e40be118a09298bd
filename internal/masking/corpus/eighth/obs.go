package eighth

// Observability back ends, agents and host daemons.
var obsFormats = []format{
	{"tempo", Text, tempo},
	{"istio_config_dump", JSON, istioConfigDump},
	{"containerd", Text, containerd},
	{"etcd", JSON, etcd},
	{"datadog_agent", Text, datadogAgent},
	{"newrelic_java", Text, newrelicJava},
	{"dynatrace_oneagent", Text, dynatrace},
	{"podman", Text, podman},
	{"systemd_resolved", Text, resolved},
	{"chrony", Text, chrony},
}

// Grafana Tempo: go-kit logfmt (level= ts= caller= msg=).
func tempo(b *builder) {
	c := b.clock()
	b.w("level=", b.pick("info", "warn", "error", "debug"), " ts=", c.iso()[:23]+b.digits(6)+"Z", " caller=")
	switch b.n(4) {
	case 0:
		b.w(`searchsharding.go:`, b.num(100, 400), ` msg="sharded search query request stats and SearchMetrics" tenant=single-tenant query="{ span.user.email = \"`,
			b.email("traceql_escaped"), `\" && span.http.status_code >= 500 }" duration_seconds=`, b.a("duration/seconds", "0."+b.digits(6)),
			` request_throughput=`, b.num(10000, 9999999), ` totalBlocks=`, b.num(10, 900))
	case 1:
		b.w(`distributor.go:`, b.num(300, 700), ` msg="pushing spans" org_id=single-tenant remote=`, b.priv("logfmt_host_port"), ":", b.num(30000, 65000),
			` traceid=`, b.trace(), ` spanid=`, b.span(), ` err="rpc error: code = ResourceExhausted desc = RATE_LIMITED"`)
	case 2:
		k := b.s("access_key", "aws_logfmt", b.awsKeyID())
		b.w(`poller.go:`, b.num(100, 300), ` msg="failed to poll blocklist" err="InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.\n\tstatus code: 403, request id: `,
			b.a("request_id/aws", b.upperAlnum(16)), `" backend=s3 bucket=tempo-traces access_key_id=`, k)
	default:
		b.w(`main.go:`, b.num(100, 250), ` msg="Starting Tempo" version="(version=`, b.vv("2.6.", 0, 3), `, branch=HEAD, revision=`, b.a("commit_sha/short", b.shortSHA()),
			`)" storage.trace.s3.endpoint=`, b.hostname(), ` storage.trace.s3.secret_key=`, b.s("secret", "logfmt_dotted_key", b.awsSecret()))
	}
}

// Istio / Envoy admin /config_dump fragments (one resource per line).
func istioConfigDump(b *builder) {
	switch b.n(3) {
	case 0:
		b.w(`{"@type":"type.googleapis.com/envoy.config.route.v3.RouteConfiguration","name":"outbound|8080||`, b.word(), `.prod.svc.cluster.local","request_headers_to_add":[{"header":{"key":"`,
			b.pick("x-api-key", "authorization"), `","value":"`)
		if b.chance(0.5) {
			b.w("Bearer ", b.bearer("envoy_header_value"))
		} else {
			b.w(b.s("secret", "envoy_header_value", b.opaqueToken()))
		}
		b.w(`"},"append_action":"OVERWRITE_IF_EXISTS_OR_ADD"}],"version_info":"`, b.a("timestamp/iso", b.clock().iso()), `"}`)
	case 1:
		b.w(`{"@type":"type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment","cluster_name":"outbound|9080||reviews.default.svc.cluster.local","endpoints":[{"lb_endpoints":[{"endpoint":{"address":{"socket_address":{"address":"`,
			b.priv("envoy_socket_address"), `","port_value":9080}}},"health_status":"HEALTHY"},{"endpoint":{"address":{"socket_address":{"address":"`,
			b.ip6("envoy_socket_address"), `","port_value":9080}}}}]}],"metadata":{"istio":{"revision":"1-`, b.a("version/dashed", b.num(20, 24)+"-"+b.num(0, 6)), `"}}}`)
	default:
		b.w(`{"@type":"type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz","http_service":{"server_uri":{"uri":"http://`,
			b.priv("envoy_uri"), `:9191","cluster":"outbound|9191||opa.authz.svc.cluster.local","timeout":"0.250s"},"authorization_request":{"headers_to_add":[{"key":"x-authz-token","value":"`,
			b.s("secret", "envoy_header_value_token", b.hex(40)), `"}]}},"stat_prefix":"`, b.a("stat_prefix", "authz_"+b.lowerAlnum(6)), `"}`)
	}
}

// containerd: logrus text (time="…" level=… msg="…").
func containerd(b *builder) {
	c := b.clock()
	b.w(`time="`, c.iso()[:23], b.digits(6), `Z" level=`)
	switch b.n(4) {
	case 0:
		b.w(`debug msg="CreateContainer within sandbox \"`, b.a("container_id", b.hex(64)), `\" for &ContainerMetadata{Name:`, b.word(),
			`,Attempt:0,} Envs:[]*KeyValue{&KeyValue{Key:DB_PASSWORD,Value:`, b.s("secret", "go_proto_keyvalue", b.urlPassword()),
			`,},&KeyValue{Key:APP_VERSION,Value:`, b.ver(), `,},}"`)
	case 1:
		b.w(`info msg="PullImage \"registry.example.com/`, b.word(), `:`, b.ver(), `\" returns image reference \"sha256:`, b.a("digest/sha256", b.hex(64)), `\""`)
	case 2:
		b.w(`info msg="StartContainer for \"`, b.a("container_id", b.hex(64)), `\" returns successfully" ip=`, b.s("ipv4", "logfmt_ip", "10.88."+b.num(0, 9)+"."+b.octet()),
			` duration=`, b.dur())
	default:
		cred, _, _ := b.basic()
		b.w(`debug msg="do request" digest="sha256:`, b.a("digest/sha256", b.hex(64)), `" request.header.accept="application/vnd.oci.image.manifest.v1+json" request.header.authorization="Basic `,
			b.s("auth_header", "logfmt_basic", cred), `" request.header.user-agent=containerd/`, b.a("version/ua", "1.7."+b.num(18, 24)), ` request.method=HEAD url="https://registry.example.com/v2/`, b.word(), `/manifests/latest"`)
	}
}

// etcd: zap JSON of the server.
func etcd(b *builder) {
	c := b.clock()
	b.w(`{"level":"`, b.pick("info", "warn", "debug"), `","ts":"`, c.iso(), `","caller":"`)
	switch b.n(3) {
	case 0:
		b.w(`embed/config_logging.go:169","msg":"rejected connection","remote-addr":"`, b.ip("json_host_port"), `:`, b.num(30000, 65000),
			`","server-name":"","error":"tls: failed to verify certificate: x509: certificate signed by unknown authority"}`)
	case 1:
		b.w(`auth/store.go:`, b.num(300, 400), `","msg":"authenticated a user","user-name":"`, b.pick("root", "k8s-apiserver", "backup"), `","token":"`,
			b.s("secret", "etcd_simple_token", b.from(lowerA+upperA, 16)+"."+b.num(10, 9999)), `","revision":`, b.a("counter/revision", b.num(1000000, 9999999)), `}`)
	default:
		b.w(`etcdserver/server.go:`, b.num(700, 900), `","msg":"published local member to cluster through raft","local-member-id":"`, b.a("member_id", b.hex(16)),
			`","local-member-attributes":"{Name:etcd-`, b.num(0, 2), ` ClientURLs:[https://`, b.priv("json_url"), `:2379 https://[`, b.ip6("json_url_bracket"), `]:2379]}","request-path":"/0/members/`,
			b.a("member_id", b.hex(16)), `/attributes","publish-timeout":"7s"}`)
	}
}

// Datadog Agent: "date UTC | CORE | LEVEL | (file:line in func) | msg".
func datadogAgent(b *builder) {
	c := b.clock()
	b.w(c.dt(), " UTC | ", b.pick("CORE", "TRACE", "PROCESS"), " | ")
	switch b.n(4) {
	case 0:
		b.w(`INFO | (pkg/config/setup/config.go:`, b.num(1000, 2000), ` in LoadDatadog) | config: api_key: `, b.a("placeholder/dd_scrubbed", "***************************"+b.hex(5)), ` proxy: {https: "http://proxy:`, b.a("placeholder", "********"), `@`, b.hostname(), `:3128"}`,
			` site: datadoghq.com hostname: `, b.hostname())
	case 1:
		b.w(`WARN | (pkg/collector/worker/check_logger.go:`, b.num(60, 90), ` in Error) | check:http_check | Error running check: Get "https://`, b.pick("monitor", "svc"), ":",
			b.s("secret", "url_userinfo", b.urlPassword()), "@", b.hostname(), `/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`)
	case 2:
		b.w(`DEBUG | (pkg/collector/python/loader.go:`, b.num(100, 200), ` in Load) | loading check postgres with instance {"host":"`, b.priv("json_host"), `","port":5432,"username":"datadog","password":"`,
			b.pw("json_password"), `","dbname":"postgres","tags":["env:prod","team:`, b.word(), `"]}`)
	default:
		b.w(`INFO | (pkg/trace/api/api.go:`, b.num(300, 500), ` in handleTraces) | Received `, b.num(1, 900), ` traces from `, b.priv("plain_sentence"), ` lang=`, b.pick("go", "python", "java"),
			` tracer_version=`, b.ver(), ` trace_id=`, b.a("trace_id/decimal", b.num(100000000, 999999999)+b.digits(10)))
	}
}

// New Relic Java agent log (audit_mode shows payloads).
func newrelicJava(b *builder) {
	c := b.clock()
	b.w(c.dt()[:10], "T", c.hms(), ",", b.digits(3), "+0900 [", b.num(1000, 99999), " ", b.num(1, 300), "] com.newrelic ")
	switch b.n(3) {
	case 0:
		b.w(`INFO: Sent JSON(connect) to: https://collector.newrelic.com/agent_listener/invoke_raw_method?method=connect&license_key=`,
			b.s("secret", "query_license_key", b.hex(40)), `&marshal_format=json&protocol_version=17, JSON: [{"pid":`, b.num(1000, 99999), `,"host":"`, b.hostname(),
			`","agent_version":"`, b.vv("8.16.", 0, 2), `","app_name":["`, b.word(), `-api"]}]`)
	case 1:
		b.w(`FINE: Slow query: SELECT id, name FROM members WHERE email = '`, b.email("sql_literal"), `' AND phone = '`, b.mobile("sql_literal"),
			`' /* trace=`, b.trace(), ` */ took `, b.dur())
	default:
		b.w(`INFO: New Relic Agent v`, b.vv("8.1", 0, 8), ` is initializing... JVM 21.0.`, b.num(1, 9), `+7 on `, b.hostname(), ` (`, b.priv("parenthesized"), `)`)
	}
}

// Dynatrace OneAgent installer and watchdog logs.
func dynatrace(b *builder) {
	c := b.clock()
	b.w(c.dtMs("."), " UTC [", b.hex(8), "] ")
	switch b.n(3) {
	case 0:
		b.w(`info    [installer] Command line: ./Dynatrace-OneAgent-Linux-`, b.quad(), `.sh --set-server=https://`, b.lowerAlnum(8), `.live.dynatrace.com/communication --set-tenant=`,
			b.a("tenant_id", b.lowerAlnum(8)), ` --set-tenant-token=`, b.s("secret", "cli_flag_eq", b.upperAlnum(16)), ` --set-host-group=prod`)
	case 1:
		b.w(`info    [native] Connected to communication endpoint https://`, b.priv("url_host"), `:9999/communication, agent id `, b.a("agent_id", b.hex(16)), ` version `, b.quad())
	default:
		b.w(`warning [http] Request to /api/v2/metrics/ingest failed: 401, header Authorization: Api-Token `, b.s("auth_header", "api_token_scheme", "dt0c01."+b.upperAlnum(24)+"."+b.upperAlnum(64)),
			` retry in `, b.dur())
	}
}

// Podman with --log-level=debug (logrus text; the command line is echoed).
func podman(b *builder) {
	c := b.clock()
	b.w(`time="`, c.isoOff("+09:00")[:19], `+09:00" level=`)
	switch b.n(3) {
	case 0:
		b.w(`debug msg="Called run.PersistentPreRunE(podman run -d --name pg -e POSTGRES_PASSWORD=`, b.s("secret", "cli_env_flag", b.urlPassword()),
			` -e TZ=Asia/Seoul -p 5432:5432 docker.io/library/postgres:`, b.a("version/image_tag", b.pick("16.4", "16.6", "17.2")), `)"`)
	case 1:
		if b.chance(0.3) {
			b.w(`debug msg="Called run.PersistentPreRunE(podman run --rm -e GITHUB_TOKEN=`, b.s("access_key", "github_cli_env", b.githubPAT()), ` ghcr.io/actions/actions-runner:`, b.vv("2.321.", 0, 0), `)"`)
		} else if b.chance(0.5) {
			b.w(`debug msg="Called login.PersistentPreRunE(podman login -u ci-bot -p `, b.s("secret", "cli_short_flag", b.urlPassword()), ` quay.io --log-level=debug)"`)
		} else {
			b.w(`debug msg="Called run.PersistentPreRunE(podman run --rm -e AWS_ACCESS_KEY_ID=`, b.s("access_key", "aws_cli_env", b.awsKeyID()), ` -e AWS_SECRET_ACCESS_KEY=`, b.s("secret", "aws_secret_cli_env", b.awsSecret()), ` docker.io/amazon/aws-cli:`, b.vv("2.22.", 0, 20), ` s3 ls)"`)
		}
	default:
		b.w(`info msg="Running conmon under slice machine.slice and unitName libpod-conmon-`, b.a("container_id", b.hex(64)), `.scope" ip=`, b.s("ipv4", "logfmt_ip", "10.88.0."+b.octet()))
	}
}

// systemd-resolved via journalctl -o short-iso, and resolvectl output.
func resolved(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		b.w(c.isoOff("+0900")[:19], "+0900 ", b.pick("node01", "app-7", "bastion"), " systemd-resolved[", b.num(300, 900), "]: Using degraded feature set UDP instead of UDP+EDNS0 for DNS server ",
			b.priv("sentence_end"), ".")
	case 1:
		b.w(c.isoOff("+0900")[:19], "+0900 ", "node", b.two(1, 9), " systemd-resolved[", b.num(300, 900), "]: Switching to DNS server ", b.ip6("sentence"), " for interface eth0.")
	default:
		b.w("         DNS Servers: ", b.priv("list"), " ", b.ip6("list"))
	}
}

// chrony: measurements.log columns, chronyc sources and chrony.keys lines as grep prints them.
func chrony(b *builder) {
	c := b.clock()
	switch b.n(3) {
	case 0:
		b.w(c.dt(), " ", b.ip("column"), "  N  2 111 111 1111  10 10 1.00 -3.",
			b.digits(3), "e-05 -1.", b.digits(3), "e-04  1.", b.digits(3), "e-06  1.", b.digits(3), "e-04  ", b.digits(1), ".", b.digits(3), "e-04 ", b.upperHex(8), " 4B K K")
	case 1:
		b.w("^* ", b.ip("column"), "                 2   6   377    ", b.num(1, 64), "   +", b.num(1, 900), "us[ +", b.num(1, 900), "us] +/-   ", b.num(1, 40), "ms")
	default:
		b.w("/etc/chrony/chrony.keys:", b.num(1, 20), " SHA256 HEX:", b.s("secret", "chrony_hex_key", b.upperHex(64)))
	}
}
