package seventh

import "fmt"

// Observability stacks: Elasticsearch, Logstash, Grafana, Prometheus and
// Alertmanager, Loki, Jaeger, the Docker registry, the kubelet, Flink.

func esSlowlog(b *builder) {
	index := b.pick("customers", "orders-2026.12", "members_v3", "support-tickets")
	var src string
	logger, dataset := "index.search.slowlog.query", "elasticsearch.index_search_slowlog"
	switch b.r.IntN(4) {
	case 0:
		src = `{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"customer.email\":{\"value\":\"` + b.email("es_source_term") + `\",\"boost\":1.0}}}]}},\"size\":10}`
	case 1:
		src = `{\"query\":{\"match\":{\"phone\":{\"query\":\"` + b.phone("es_source_match") + `\",\"operator\":\"OR\"}}}}`
	case 2:
		logger, dataset = "index.indexing.slowlog.index", "elasticsearch.index_indexing_slowlog"
		src = `{\"member_id\":` + b.intn(100000, 999999) + `,\"name\":\"` + b.koName() + `\",\"email\":\"` + b.email("es_indexed_doc") +
			`\",\"mobile\":\"` + b.mobile("es_indexed_doc") + `\",\"updated_at\":\"` + b.isoL(3, "Z") + `\"}`
	default:
		src = `{\"query\":{\"range\":{\"created_at\":{\"gte\":\"now-1d\"}}},\"sort\":[{\"created_at\":{\"order\":\"desc\"}}],\"size\":50}`
	}
	b.w(`{"@timestamp":"`, b.isoL(3, "Z"), `","log.level":"`, b.pick("WARN", "INFO", "DEBUG"), `","auth.type":"REALM","elasticsearch.slowlog.id":"`, b.uuidL(),
		`","elasticsearch.slowlog.message":"[`, index, `][`, b.intn(0, 4), `]","elasticsearch.slowlog.search_type":"QUERY_THEN_FETCH","elasticsearch.slowlog.source":"`, src,
		`","elasticsearch.slowlog.stats":"[]","elasticsearch.slowlog.took":"`, b.durL(), `","elasticsearch.slowlog.took_millis":`, b.intn(500, 9000),
		`,"elasticsearch.slowlog.total_hits":"`, b.intn(0, 400), ` hits","elasticsearch.slowlog.total_shards":`, b.intn(1, 5),
		`,"user.name":"`, b.pick("elastic", "app_search", "kibana_system"), `","user.realm":"`, b.pick("reserved", "native1"),
		`","ecs.version":"1.2.0","service.name":"ES_ECS","event.dataset":"`, dataset, `","process.thread.name":"elasticsearch[es-0`, b.intn(1, 6),
		`][search][T#`, b.intn(1, 12), `]","log.logger":"`, logger, `","elasticsearch.cluster.uuid":"`, b.la("node_id", b.mixed(b64u, 22)),
		`","elasticsearch.node.id":"`, b.la("node_id", b.mixed(b64u, 22)), `","elasticsearch.node.name":"es-0`, b.intn(1, 6), `","elasticsearch.cluster.name":"prod-logs"}`)
}

func logstash(b *builder) {
	id := b.la("plugin_id", b.hex(64))
	b.w("[", b.la("timestamp", b.iso(0, "")+","+b.num(3)), "]")
	switch b.r.IntN(4) {
	case 0, 1:
		idx := "orders-2026.12." + fmt.Sprintf("%02d", b.n(1, 31))
		b.w(`[WARN ][logstash.outputs.elasticsearch][main][`, id, `] Could not index event to Elasticsearch. {:status=>400, :action=>["index", {:_id=>nil, :_index=>"`, idx,
			`", :routing=>nil}, {"@timestamp"=>`, b.isoL(3, "Z"), `, "@version"=>"1", "order_id"=>"`, b.orderL(), `", "customer"=>{"email"=>"`, b.email("ruby_hash"),
			`", "phone"=>"`, b.phone("ruby_hash"), `"}, "payment"=>{"card"=>"`, b.card("ruby_hash"), `", "amount"=>`, b.intn(1000, 900000),
			`}, "host"=>{"name"=>"`, b.hostL(), `"}}], :response=>{"index"=>{"_index"=>"`, idx, `", "_id"=>nil, "status"=>400, "error"=>{"type"=>"document_parsing_exception", "reason"=>"[1:`,
			b.intn(40, 300), `] failed to parse field [payment.card] of type [long] in document"}}}}`)
	case 2:
		b.w(`[INFO ][logstash.filters.ruby    ][main][`, id, `] debug event {"client_ip"=>"`, b.ip("ruby_hash"), `", "user"=>"`, b.email("ruby_hash"),
			`", "password"=>"`, b.pw("ruby_hash_password"), `", "user_agent"=>"`, b.chromeL(), `"}`)
	default:
		b.w(`[INFO ][logstash.javapipeline    ][main] Pipeline started {"pipeline.id"=>"main"} pipeline_id=`, id, ` version=`, b.verL(), ` took `, b.durL())
	}
}

func grafana(b *builder) {
	t := b.isoL(9, "Z")
	switch b.r.IntN(4) {
	case 0:
		b.w(`logger=context userId=`, b.intn(1, 400), ` orgId=1 uname=`, b.email("logfmt_uname"), ` t=`, t, ` level=info msg="Request Completed" method=GET path=/api/dashboards/uid/`,
			b.mixed(alnum, 9), ` status=200 remote_addr=`, b.ip("logfmt_remote_addr"), ` time_ms=`, b.intn(1, 900), ` duration=`, b.durL(), ` size=`, b.intn(100, 90000),
			` referer=https://grafana.example.com/d/abc/orders handler=/api/dashboards/uid/:uid status_source=server`)
	case 1:
		b.w(`logger=authn.service t=`, t, ` level=warn msg="Failed to authenticate request" client=auth.client.form error="[password-auth.failed] failed to authenticate identity: [identity.not-found] no user found" remote_addr=`,
			b.addr("logfmt_remote_addr"), ` traceID=`, b.traceL(), ` username=`, b.email("logfmt_username"))
	case 2:
		b.w(`logger=context userId=0 orgId=0 uname= t=`, t, ` level=info msg="Request Completed" method=GET path=/api/health status=401 remote_addr=`, b.addr("logfmt_remote_addr"),
			` time_ms=`, b.intn(1, 90), ` duration=`, b.durL(), ` size=`, b.intn(20, 200), ` referer= handler=/api/health status_source=server`)
	default:
		b.w(`logger=settings t=`, t, ` level=info msg="Config overridden from Environment variable" var="GF_DATABASE_PASSWORD=`, b.la("placeholder", "*********"), `"`)
	}
}

func prometheus(b *builder) {
	ts := b.isoL(3, "Z")
	switch b.r.IntN(4) {
	case 0:
		ip := b.ip("scrape_target_url")
		b.w(`ts=`, ts, ` caller=scrape.go:1384 level=debug component="scrape manager" scrape_pool=node target=http://`, ip, `:9100/metrics msg="Scrape failed" err="Get \"http://`, ip,
			`:9100/metrics\": context deadline exceeded"`)
	case 1:
		b.w(`ts=`, ts, ` caller=notify.go:848 level=warn component=dispatcher receiver=slack-ops integration=slack[0] aggrGroup="{}:{alertname=\"DiskFull\"}" msg="Notify attempt failed, will retry later" attempts=`,
			b.intn(1, 9), ` err="Post \"`, b.la("placeholder", "<redacted>"), `\": dial tcp `, b.ip("dial_tcp"), `:443: i/o timeout"`)
	case 2:
		b.w(`ts=`, ts, ` caller=cluster.go:`+b.intn(200, 700)+` level=debug component=cluster memberlist="2026/12/02 10:00:00 [DEBUG] memberlist: Initiating push/pull sync with: 01HF`, b.from(b32, 22), ` `,
			b.ip("memberlist_peer"), `:9094\n"`)
	default:
		b.w(`ts=`, ts, ` caller=main.go:`+b.intn(500, 700)+` level=info msg="Starting Prometheus Server" mode=server version="(version=`, b.verL(), `, branch=HEAD, revision=`, b.shaL(), `)"`)
	}
}

func loki(b *builder) {
	var q string
	switch b.r.IntN(5) {
	case 0:
		q = `{app=\"checkout\"} |= \"` + b.email("logql_filter") + `\"`
	case 1:
		q = `{namespace=\"shop\"} |= \"` + b.phone("logql_filter") + `\" | json`
	case 2:
		q = `sum by (status) (count_over_time({job=\"nginx\"} | json | remote_addr=\"` + b.ip("logql_label_filter") + `\" [5m]))`
	case 3:
		q = `{app=\"payments\"} |~ \"` + b.card("logql_regex") + `\"`
	default:
		q = `sum(rate({cluster=\"prod\"} |= \"error\" [1m]))`
	}
	b.w(`level=info ts=`, b.isoL(9, "Z"), ` caller=metrics.go:159 component=frontend org_id=fake traceID=`, b.la("trace_id", b.hex(16)), ` latency=`, b.pick("fast", "slow"),
		` query="`, q, `" query_hash=`, b.la("counter", b.numNZ(10)), ` query_type=`, b.pick("filter", "metric", "limited"), ` range_type=range length=1h0m0s step=14s duration=`, b.durL(),
		` status=200 limit=1000 returned_lines=`, b.intn(0, 1000), ` throughput=`, b.intn(1, 900), `MB total_bytes=`, b.intn(1, 90), `MB`)
}

func jaeger(b *builder) {
	tr := b.traceL()
	b.w(`{"traceID":"`, tr, `","spanID":"`, b.spanL(), `","operationName":"`, b.pick("POST /api/login", "GET /api/orders", "SELECT members", "HTTP GET"), `","references":[{"refType":"CHILD_OF","traceID":"`, tr,
		`","spanID":"`, b.spanL(), `"}],"startTime":`, b.la("epoch_us", b.epochMS()+b.num(3)), `,"duration":`, b.intn(100, 900000), `,"tags":[`)
	b.w(`{"key":"span.kind","type":"string","value":"`, b.pick("server", "client"), `"}`)
	switch b.r.IntN(5) {
	case 0:
		b.w(`,{"key":"http.url","type":"string","value":"https://api.example.com/v1/members?lang=ko\u0026email=`, b.sec("email/percent_go_json", b.emailPct()), `"}`)
	case 1:
		b.w(`,{"key":"db.statement","type":"string","value":"SELECT id, name FROM members WHERE phone = '`, b.phone("otel_db_statement"), `' LIMIT 1"}`)
	case 2:
		b.w(`,{"key":"http.request.header.authorization","type":"string","value":"Bearer `, b.bearerToken("otel_captured_header"), `"}`)
	case 3:
		b.w(`,{"key":"net.peer.ip","type":"string","value":"`, b.addr("otel_net_peer"), `"},{"key":"net.peer.port","type":"int64","value":`, b.intn(1024, 65000), `}`)
	default:
		b.w(`,{"key":"db.statement","type":"string","value":"UPDATE members SET rrn = '`, b.rrnv("otel_db_statement", true), `' WHERE id = ?"}`)
	}
	b.w(`,{"key":"otel.library.version","type":"string","value":"`, b.verL(), `"}],"logs":[],"processID":"p1","warnings":null}`)
}

func dockerRegistry(b *builder) {
	docker := b.version()
	ua := "docker/" + docker + " go/go1.21." + b.intn(1, 13) + " git-commit/" + b.hex(7) + " kernel/5.15.0-" + b.intn(60, 120) + "-generic os/linux arch/amd64 UpstreamClient(Docker-Client/" + docker + ` \\(linux\\))`
	b.w(`time="`, b.isoL(9, "Z"), `" level=`)
	switch b.r.IntN(3) {
	case 0:
		b.w(`info msg="response completed" go.version=go1.21.`, b.intn(1, 13), ` http.request.host=registry.example.com http.request.id=`, b.uuidL(), ` http.request.method=GET http.request.remoteaddr=`,
			b.ip("logrus_remoteaddr"), ` http.request.uri="/v2/shop/api/manifests/`, b.verL(), `" http.request.useragent="`, b.la("version/ua", ua), `" http.response.duration=`, b.durL(),
			` http.response.status=200 http.response.written=`, b.intn(500, 9000))
	case 1:
		b.w(`warning msg="error authorizing context: basic authentication challenge for realm \"Registry Realm\": invalid authorization credential" go.version=go1.21.`, b.intn(1, 13),
			` http.request.host=registry.example.com http.request.id=`, b.uuidL(), ` http.request.method=GET http.request.remoteaddr=`, b.addr("logrus_remoteaddr"),
			` http.request.uri="/v2/" http.request.useragent="`, b.la("version/ua", ua), `" auth.user.name="`, b.email("logrus_auth_user"), `"`)
	default:
		b.w(`error msg="response completed with error" auth.user.name="`, b.email("logrus_auth_user"), `" err.code=denied err.message="requested access to the resource is denied" go.version=go1.21.`, b.intn(1, 13),
			` http.request.host=registry.example.com http.request.id=`, b.uuidL(), ` http.request.method=PUT http.request.remoteaddr=`, b.addr("logrus_remoteaddr"),
			` http.request.uri="/v2/shop/api/blobs/uploads/" vars.name="shop/api" http.response.status=403 digest="sha256:`, b.la("digest", b.hex(64)), `"`)
	}
}

func kubelet(b *builder) {
	d, h, m, s, f := b.tsParts()
	head := fmt.Sprintf("%s12%02d %02d:%02d:%02d.%06d %7d ", b.pick("I", "I", "E", "W"), d, h, m, s, f, b.n(900, 99999))
	pod := "shop/" + b.pick("api", "web", "worker") + "-" + b.from("bcdfghjklmnpqrstvwxz2456789", 10) + "-" + b.from("bcdfghjklmnpqrstvwxz2456789", 5)
	b.w(head)
	switch b.r.IntN(5) {
	case 0:
		ip := b.ip("klog_probe_output")
		b.w(`prober.go:104] "Probe failed" probeType="Readiness" pod="`, pod, `" podUID="`, b.uuidL(), `" containerName="app" probeResult="failure" output="Get \"http://`, ip, `:8080/healthz\": dial tcp `, ip, `:8080: connect: connection refused"`)
	case 1:
		b.w(`round_trippers.go:466] curl -v -XGET  -H "Accept: application/json, */*" -H "User-Agent: kubectl/v`, b.la("version", "1.2"+b.intn(5, 9)+"."+b.intn(0, 12)), ` (linux/amd64) kubernetes/`,
			b.la("commit_short", b.hex(7)), `" -H "Authorization: Bearer `, b.sec("jwt/kubectl_curl_bearer", b.gen.jwt()), `" 'https://`, b.ip("kubectl_curl_url"), `:6443/api/v1/namespaces/shop/pods?limit=500'`)
	case 2:
		b.w(`round_trippers.go:553]     Authorization: Bearer `, b.la("placeholder", "<masked>"), ` for GET https://kubernetes.default.svc/api/v1/nodes trace `, b.uuidL())
	case 3:
		b.w(`kubelet.go:2458] "SyncLoop (PLEG): event for pod" pod="`, pod, `" event={"ID":"`, b.uuidL(), `","Type":"ContainerStarted","Data":"`, b.la("container_id", b.hex(64)), `"}`)
	default:
		b.w(`kuberuntime_manager.go:1075] "Determined the ip for pod after sandbox changed" IPs=["`, b.ip("klog_pod_ips"), `","`, b.ip6("klog_pod_ips"), `"] pod="`, pod, `"`)
	}
}

func flink(b *builder) {
	b.w(b.clockL(" ", 3, ","), " ")
	switch b.r.IntN(6) {
	case 0:
		b.w(`INFO  org.apache.flink.configuration.GlobalConfiguration           [] - Loading configuration property: s3.access-key, `, b.sec("access_key/flink_config_property", b.awsKeyID("AKIA")))
	case 1:
		b.w(`INFO  org.apache.flink.configuration.GlobalConfiguration           [] - Loading configuration property: s3.secret-key, `, b.la("placeholder", "******"))
	case 2:
		b.w(`INFO  org.apache.flink.configuration.GlobalConfiguration           [] - Loading configuration property: jobmanager.rpc.address, `, b.ip("flink_config_property"))
	case 3:
		b.w(`INFO  org.apache.flink.runtime.executiongraph.ExecutionGraph       [] - Source: kafka-orders -> Map (`, b.intn(1, 4), `/4) (`, b.la("attempt_id", b.hex(32)+"_"+b.hex(32)+"_0_0"),
			`) switched from RUNNING to FAILED on `, b.ip("flink_taskmanager"), `:`, b.intn(30000, 45000), `-`, b.hex(6), ` @ tm-`, b.intn(1, 9), ` (dataPort=`, b.intn(30000, 45000), `).`)
	case 4:
		b.w(`WARN  org.apache.flink.formats.json.JsonRowDataDeserializationSchema [] - Failed to deserialize JSON '{"order_id":"`, b.orderL(), `","email":"`, b.email("flink_json_record"),
			`","phone":"`, b.phone("flink_json_record"), `","amount":"12,000"}'.`)
	default:
		b.w(`INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - Completed checkpoint `, b.intn(1, 90000), ` for job `, b.la("job_id", b.hex(32)), ` (`, b.intn(1000, 900000), ` bytes, checkpointDuration=`, b.intn(10, 9000), ` ms, finalizationTime=`, b.intn(0, 30), ` ms).`)
	}
}
