package fresh

// JVM middleware: Kafka, Kafka Connect, RabbitMQ, Keycloak, WildFly, JEUS.

func kafka(t *tpl) {
	t.w("[", t.la("timestamp", t.dateTime()+","+t.ns(100, 999)), "] INFO ", t.pick("KafkaConfig", "ConsumerConfig", "ProducerConfig", "AdminClientConfig"), " values: ")
	t.w("\tbootstrap.servers = [", t.sIPv4("ipv4/host_port_list"), ":9093, ", t.sIPv4("ipv4/host_port_list"), ":9093] ")
	t.w("\tclient.id = ", t.pick("consumer-orders-1", "producer-7", "adminclient-2"), " ")
	t.w("\tssl.keystore.password = ", t.la("placeholder", "[hidden]"), " ")
	t.w("\tssl.truststore.location = /etc/kafka/secrets/kafka.truststore.jks ")
	switch t.r.IntN(3) {
	case 0:
		t.w(`	sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username="`, t.login(), `" password="`, t.sPass("secret/jaas"), `"; `)
	case 1:
		t.w(`	sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="svc-orders" password="`, t.sPass("secret/jaas"), `"; `)
	default:
		t.w("\tsasl.jaas.config = ", t.la("placeholder", "[hidden]"), " ")
	}
	t.w("\tmetadata.max.age.ms = ", t.la("duration/ms", t.ns(100000, 600000)), " ")
	t.w("\tkafka.version = ", t.la("version/key", t.ns(2, 3)+"."+t.ns(0, 8)+"."+t.ns(0, 2)), " (Kafka commitId: ", t.la("commit_sha", t.hexN(16)), ")")
}

func kafkaConnect(t *tpl) {
	t.w("[", t.la("timestamp", t.dateTime()+","+t.ns(100, 999)), "] INFO [Worker clientId=connect-1, groupId=connect-cluster] Creating connector ", t.pick("pg-sink", "orders-cdc", "s3-archive"), " of type ")
	switch t.r.IntN(3) {
	case 0:
		t.w(`io.debezium.connector.postgresql.PostgresConnector config={"database.hostname":"`, t.sIPv4("ipv4/json"), `","database.port":"5432","database.user":"debezium","database.password":"`, t.sPass("secret/dotted_key"), `","topic.prefix":"cdc","snapshot.mode":"initial"}`)
	case 1:
		t.w(`io.confluent.connect.jdbc.JdbcSinkConnector config={"connection.url":"jdbc:postgresql://`, t.sIPv4("ipv4/jdbc_host"), `:5432/dw?user=etl&password=`, t.s("secret", "secret/jdbc_param", t.password()), `","connection.password":"`, t.la("placeholder", "********"), `","tasks.max":"4"}`)
	default:
		t.w(`io.confluent.connect.s3.S3SinkConnector config={"s3.bucket.name":"archive-`, t.la("date", "2024"+t.ns(10, 12)), `","aws.access.key.id":"`, t.s("access_key", "access_key/aws", t.awsKeyID()), `","aws.secret.access.key":"`, t.s("secret", "secret/aws_secret_dotted", t.awsSecret()), `","flush.size":"`, t.la("count", t.ns(1000, 99999)), `"}`)
	}
}

func rabbitmq(t *tpl) {
	t.w(t.la("timestamp", t.dateTime()+"."+t.digits(6)+"+09:00"), " [", t.pick("info", "warning", "error"), "] <0.", t.ns(100, 9999), ".0> ")
	client := t.sIPv4("ipv4/arrow")
	switch t.r.IntN(4) {
	case 0:
		t.w("accepting AMQP connection <0.", t.ns(100, 9999), ".0> (", client, ":", t.ns(30000, 65000), " -> ", t.sIPv4("ipv4/arrow"), ":5672)")
	case 1:
		t.w("Error on AMQP connection <0.", t.ns(100, 9999), ".0> (", client, ":", t.ns(30000, 65000), " -> ", t.sIPv4("ipv4/arrow"), ":5672, state: starting): PLAIN login refused: user '", t.sEmail("email/quoted"), "' - invalid credentials")
	case 2:
		t.w("connection <0.", t.ns(100, 9999), ".0> (", client, ":", t.ns(30000, 65000), "): user 'orders' authenticated and granted access to vhost '/shop' product=RabbitMQ version=", t.la("version/key", "3.13."+t.ns(0, 7)))
	default:
		t.w("Management API: PUT /api/users/ops body {\"password\":\"", t.sPass("secret/json"), "\",\"tags\":\"administrator\"} from ", client)
	}
}

func keycloak(t *tpl) {
	t.w(t.la("timestamp", t.dateTime()+","+t.ns(100, 999)), " WARN  [org.keycloak.events] (executor-thread-", t.ns(1, 60), ") ")
	ip := t.sIPv4("ipv4/kv")
	switch t.r.IntN(4) {
	case 3:
		t.w("operationType=\"CREATE\", realmId=\"shop\", clientId=\"admin-cli\", userId=\"", t.la("uuid", t.uuid()), "\", ipAddress=\"", ip, "\", resourceType=\"USER\", resourcePath=\"users/", t.la("uuid", t.uuid()), "\", representation=\"{\\\"username\\\":\\\"", t.login(), "\\\",\\\"email\\\":\\\"", t.sEmail("email/escaped_json"), "\\\",\\\"credentials\\\":[{\\\"type\\\":\\\"password\\\",\\\"value\\\":\\\"", t.sPass("secret/escaped_json_type_value"), "\\\",\\\"temporary\\\":true}]}\"")
	case 0:
		t.w("type=\"LOGIN_ERROR\", realmId=\"", t.la("uuid", t.uuid()), "\", realmName=\"shop\", clientId=\"web\", userId=\"null\", ipAddress=\"", ip, "\", error=\"invalid_user_credentials\", auth_method=\"openid-connect\", username=\"", t.sEmail("email/quoted_kv"), "\"")
	case 1:
		t.w("type=\"UPDATE_PROFILE\", realmId=\"shop\", clientId=\"account-console\", userId=\"", t.la("uuid", t.uuid()), "\", ipAddress=\"", ip, "\", previous_email=\"", t.sEmail("email/quoted_kv"), "\", updated_email=\"", t.sEmail("email/quoted_kv"), "\", mobile_number=\"", t.sPhoneNA(), "\"")
	default:
		t.w("type=\"CODE_TO_TOKEN_ERROR\", realmId=\"shop\", clientId=\"mobile\", userId=\"null\", ipAddress=\"", ip, "\", error=\"invalid_code\", grant_type=\"authorization_code\", code_id=\"", t.la("uuid", t.uuid()), "\", client_auth_method=\"client-secret\", refresh_token=\"", t.s("jwt", "jwt/quoted_kv", t.jwt()), "\"")
	}
}

func wildfly(t *tpl) {
	t.w(t.la("time", t.ns(10, 23)+":"+t.ns(10, 59)+":"+t.ns(10, 59)+","+t.ns(100, 999)), " ", t.pick("INFO ", "WARN ", "ERROR"), " ")
	switch t.r.IntN(4) {
	case 0:
		t.w("[org.jboss.as.connector.subsystems.datasources] (MSC service thread 1-", t.ns(1, 8), ") WFLYJCA0001: Bound data source [java:jboss/datasources/ShopDS] connection-url=jdbc:oracle:thin:@", t.sIPv4("ipv4/jdbc_host"), ":1521:ORCL user-name=shop password=", t.sPass("secret/jboss_attr"))
	case 1:
		t.w("[io.undertow.request] (default task-", t.ns(1, 99), ") UT005023: Exception handling request to /member/join?name=", qenc(t.krName()), "&jumin=", t.s("kr_rrn", "kr_rrn/query", t.rrn(true)), "&tel=", t.sPhone())
	case 2:
		t.w("[org.jboss.as.server] (ServerService Thread Pool -- ", t.ns(10, 90), ") WFLYSRV0010: Deployed \"shop-", t.la("version/file", t.version4()), ".war\" (runtime-name : \"shop.war\") in ", t.la("duration", t.ns(100, 9999)+"ms"))
	default:
		t.w("[stdout] (default task-", t.ns(1, 99), ") <property name=\"password\" value=\"", t.sPass("secret/xml_name_value"), "\"/> <property name=\"url\" value=\"jdbc:mysql://", t.sIPv4("ipv4/jdbc_host"), ":3306/shop\"/>")
	}
}

func jeus(t *tpl) {
	t.w("[", "2024.", t.ns(10, 12), ".", t.ns(10, 28), " ", t.ns(10, 23), ":", t.ns(10, 59), ":", t.ns(10, 59), "][", t.ns(0, 3), "][b", t.ns(100, 999), "] [container1-", t.ns(1, 40), "] ")
	switch t.r.IntN(4) {
	case 0:
		t.w("[WEB-", t.ns(1000, 3999), "] [member] 회원가입 요청: 이름=", t.krName(), ", 주민번호=", t.s("kr_rrn", "kr_rrn/korean_label", t.rrn(true)), ", 휴대폰=", t.sPhone(), ", 이메일=", t.sEmail("email/korean_label"))
	case 1:
		t.w("[JDBC-", t.ns(1000, 3999), "] datasource shopDS created: url=jdbc:tibero:thin:@", t.sIPv4("ipv4/jdbc_host"), ":8629:tibero, user=shop, password=", t.sPass("secret/kv"))
	case 2:
		t.w("[MGR-0", t.ns(100, 999), "] JEUS 8 Fix#", t.ns(1, 9), " started. webtob connector ", t.sIPv4("ipv4/host_port"), ":9999 connected, build ", t.la("version/label", t.version4()))
	default:
		t.w("[WEB-", t.ns(1000, 3999), "] [refund] 환불 계좌 등록 userId=", t.login(), " 은행=", t.pick(banks...), " 계좌번호=", t.s("bank_account", "bank_account/korean_label", t.bankAccount()), " 주문번호=", t.la("order_id", t.orderID()))
	}
}
