package fresh

// Operations output and payload dumps: stack traces with locals, Ansible,
// Terraform, SOAP, environment and config dumps, Korean service notices.

func traceback(t *tpl) {
	switch t.r.IntN(3) {
	case 0: // Python, traceback with capture_locals
		t.w(`Traceback (most recent call last):\n  File "/app/billing/tasks.py", line `, t.ns(10, 400), `, in charge\n    resp = gateway.charge(card, amount)\n    card = '`, t.sCard("payment_card/python_local"), `'\n    amount = `, t.la("amount", t.ns(1000, 99999)), `\n    api_key = '`, t.s("access_key", "access_key/stripe", t.stripeKey()), `'\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='`, t.sIPv4("ipv4/quoted"), `', port=443): Max retries exceeded (request_id=`, t.la("uuid", t.uuid()), `)`)
	case 1: // Node.js util.inspect
		t.w(`UnhandledPromiseRejection: Error: connect ECONNREFUSED `, t.sIPv4("ipv4/addr_port"), `:5432 at TCPConnectWrap.afterConnect [as oncomplete] (node:net:`, t.la("line", t.ns(1000, 1999)), `:16) { errno: -111, code: 'ECONNREFUSED', config: { host: '`, t.sIPv4("ipv4/quoted"), `', user: 'shop', password: '`, t.sPass("secret/js_object"), `', database: 'shop' }, remoteAddress: '::ffff:`, t.sIPv4("ipv4/v4_mapped"), `', email: '`, t.sEmail("email/js_object"), `' } node `, t.la("version/node", "v20."+t.ns(10, 18)+"."+t.ns(0, 3)))
	default: // Go panic with %+v
		t.w(`panic: dial tcp `, t.sIPv4("ipv4/addr_port"), `:6379: connect: connection refused [recovered] cfg=&{Addr:redis:6379 Username:default Password:`, t.sPass("secret/go_struct"), ` DB:0 PoolSize:`, t.ns(10, 100), `} member={ID:`, t.la("id", t.digits(8)), ` Email:`, t.sEmail("email/go_struct"), ` Phone:`, t.sPhone(), `} goroutine `, t.ns(1, 999), ` [running]: main.main() /src/cmd/api/main.go:`, t.ns(10, 300), ` +0x`, t.la("hex/offset", t.hexN(3)), ` build `, t.la("commit_sha", t.commitSHA()))
	}
}

func ansible(t *tpl) {
	host := t.pick(hosts...)
	switch t.r.IntN(6) {
	case 4:
		t.w(`changed: [`, host, `] => {"changed": true, "diff": {"after": "db:\n  host: `, t.sIPv4("ipv4/yaml_in_json"), `\n  user: shop\n  passwd: `, t.s("secret", "secret/yaml_in_json", t.password()), `\n", "after_header": "/etc/shop/app.yml"}}`)
	case 5:
		t.w(`changed: [`, host, `] => {"changed": true, "checksum": "`, t.la("hash/content", t.hexN(40)), `", "dest": "/etc/shop/app.yml", "md5sum": "`, t.la("hash/content", t.hexN(32)), `", "size": `, t.la("bytes", t.ns(100, 99999)), `, "mode": "0640"}`)
	case 0:
		t.w(`ok: [`, host, `] => {"changed": false, "ansible_facts": {"ansible_default_ipv4": {"address": "`, t.sIPv4("ipv4/json"), `", "gateway": "`, t.sIPv4("ipv4/json"), `"}, "ansible_distribution_version": "`, t.la("version/key", "12."+t.ns(0, 9)), `"}}`)
	case 1:
		t.w(`TASK [db : create application user] ********** changed: [`, host, `] => (item={'name': 'shop', 'password': '`, t.sPass("secret/python_repr"), `', 'priv': 'shop.*:ALL'})`)
	case 2:
		t.w(`changed: [`, host, `] => {"changed": true, "cmd": "mysql -u root -e \"CREATE USER 'report'@'%' IDENTIFIED BY '`, t.sPass("secret/identified_by_escaped"), `'\"", "delta": "`, t.la("duration/hms", "0:00:00."+t.digits(6)), `", "rc": 0}`)
	default:
		t.w(`ok: [`, host, `] => {"censored": "the output has been hidden due to the fact that 'no_log: true' was specified for this result", "changed": false, "password": "`, t.la("placeholder", "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"), `", "git_version": "`, t.la("commit_sha", t.commitSHA()), `"}`)
	}
}

func terraform(t *tpl) {
	switch t.r.IntN(4) {
	case 0:
		t.w(`  # aws_db_instance.shop will be created  + resource "aws_db_instance" "shop" {  + engine_version = "`, t.la("version/key", "16."+t.ns(1, 4)), `"  + username = "shop"  + password = `, t.la("placeholder", "(sensitive value)"), `  + endpoint = (known after apply) }`)
	case 1:
		t.w(`  + resource "aws_iam_access_key" "ci" { + id = "`, t.s("access_key", "access_key/aws", t.awsKeyID()), `" + secret = "`, t.s("secret", "secret/hcl", t.awsSecret()), `" + user = "ci-deployer" }`)
	case 2:
		t.w(`aws_instance.web[`, t.ns(0, 9), `]: Creation complete after `, t.la("duration", t.ns(10, 90)+"s"), ` [id=i-`, t.la("id/instance", t.hexN(17)), `] private_ip = "`, t.sIPv4("ipv4/hcl"), `" public_ip = "`, t.sIPv4("ipv4/hcl"), `" ami = "ami-`, t.la("id/ami", t.hexN(17)), `"`)
	default:
		t.w(`  ~ resource "kubernetes_secret" "app" { ~ data = { ~ "DATABASE_URL" = "postgres://shop:`, t.s("secret", "secret/url_userinfo", t.password()), `@`, t.sIPv4("ipv4/url_host"), `:5432/shop" -> "`, t.la("placeholder", "(sensitive value)"), `" } } Terraform `, t.la("version/label", "v1."+t.ns(5, 9)+"."+t.ns(0, 5)))
	}
}

func soap(t *tpl) {
	t.w(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><soap:Header><wsse:Security><wsse:UsernameToken><wsse:Username>`, t.login(), `</wsse:Username>`)
	t.w(`<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">`, t.sPass("secret/xml_element"), `</wsse:Password>`)
	t.w(`<wsu:Created xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">`, t.la("timestamp", t.isoTime()), `</wsu:Created></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body>`)
	switch t.r.IntN(3) {
	case 0:
		t.w(`<RegisterMember xmlns="urn:shop"><Name>`, t.krName(), `</Name><ResidentNo>`, t.s("kr_rrn", "kr_rrn/xml", t.rrn(true)), `</ResidentNo><Mobile>`, t.sPhone(), `</Mobile><Email>`, t.sEmail("email/xml"), `</Email></RegisterMember>`)
	case 1:
		t.w(`<Transfer xmlns="urn:bank"><FromAccount bank="`, t.pick(banksEN...), `">`, t.s("bank_account", "bank_account/xml_element", t.bankAccount()), `</FromAccount><Amount>`, t.la("amount", t.ns(1000, 9999999)), `</Amount><Ref>`, t.la("order_id", t.orderID()), `</Ref></Transfer>`)
	default:
		t.w(`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>System.Data.SqlClient.SqlException: Login failed for user 'shop'. at Shop.Data, Version=`, t.la("version/assembly", "4.0.0.0"), `, Culture=neutral, PublicKeyToken=`, t.la("id/public_key_token", "b77a5c561934e089"), ` client `, t.sIPv4("ipv4/label"), `</faultstring></soap:Fault>`)
	}
	t.w(`</soap:Body></soap:Envelope>`)
}

func envdump(t *tpl) {
	switch t.r.IntN(5) {
	case 0:
		t.w(`"Env": ["PATH=/usr/local/sbin:/usr/local/bin","SPRING_DATASOURCE_URL=jdbc:postgresql://`, t.sIPv4("ipv4/jdbc_host"), `:5432/shop","SPRING_DATASOURCE_PASSWORD=`, t.sPass("secret/env"), `","JAVA_VERSION=`, t.la("version/key", "17.0."+t.ns(1, 12)), `","HOSTNAME=`, t.la("id/pod", "api-"+t.hexN(10)), `"]`)
	case 1:
		t.w(`[default] aws_access_key_id = `, t.s("access_key", "access_key/aws", t.awsKeyID()), ` aws_secret_access_key = `, t.s("secret", "secret/ini", t.awsSecret()), ` region = ap-northeast-2`)
	case 2:
		t.w(`DB_HOST=`, t.sIPv4("ipv4/env"), ` DB_PASSWORD=`, t.sPass("secret/env"), ` MAIL_FROM=`, t.sEmail("email/env"), ` APP_KEY=base64:`, t.s("secret", "secret/env_base64", t.mixed(b64std, 43)+"="), ` APP_VERSION=`, t.la("version/key", t.version4()))
	case 3:
		t.w(`spring.datasource.url=jdbc:sqlserver://`, t.sIPv4("ipv4/jdbc_host"), `:1433;databaseName=shop;user=sa;password=`, t.s("secret", "secret/jdbc_semicolon", t.password()), `;encrypt=true spring.application.version=`, t.la("version/key", t.version4()))
	default:
		t.w(`GITHUB_TOKEN=`, t.s("access_key", "access_key/github", t.githubPAT()), ` SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T`, t.chars(upperNum, 8), `/B`, t.chars(upperNum, 8), `/`, t.s("secret", "secret/webhook_path", t.mixed(alnum, 24)), ` CI_COMMIT_SHA=`, t.la("commit_sha", t.commitSHA()), ` IMAGE=registry.example.com/shop/api:`, t.la("version/image_tag", t.version4()))
	}
}

func krNotice(t *tpl) {
	t.w("[", t.la("timestamp", t.dateTime()), "] ")
	switch t.r.IntN(6) {
	case 0:
		t.w(t.krName(), " 고객님의 임시 비밀번호는 ", t.sPass("secret/korean_sentence"), " 입니다. 로그인 후 반드시 변경해 주세요.")
	case 1:
		t.w("환불 요청 접수: 주문번호 ", t.la("order_id", t.orderID()), ", 환불 받으실 계좌 ", t.pick(banks...), " ", t.s("bank_account", "bank_account/korean_sentence", t.bankAccount()), " (예금주 ", t.krName(), ")")
	case 2:
		t.w("상담 이력: 고객 ", t.krName(), "(주민등록번호 ", t.s("kr_rrn", "kr_rrn/korean_paren", t.rrn(true)), ", 연락처 ", t.sPhone(), ")님 본인 확인 완료")
	case 3:
		t.w("세금계산서 발행: 공급자 주식회사 예시커머스 사업자등록번호 ", t.la("id/business_no", t.ns(101, 899)+"-"+t.ns(81, 88)+"-"+t.digits(5)), ", 공급받는자 이메일 ", t.sEmail("email/korean_label"), ", 승인번호 ", t.la("id/approval", "2024"+t.ns(1000, 1231)+"-"+t.digits(8)+"-"+t.hexN(8)))
	case 4:
		t.w("결제 실패 안내: 카드번호 ", t.sCard("payment_card/korean_label"), " 승인 거절 (거래번호 ", t.la("id/luhn_fail", t.luhnFail()), ")")
	default:
		t.w("관리자 계정 생성 - 아이디: ", t.login(), ", 패스워드: ", t.sPass("secret/korean_label"), ", 접속 IP: ", t.sIPv4("ipv4/korean_label"))
	}
}
