package masking

import "testing"

// The causes the fresh corpus found on first contact, and look-alikes next
// to them that must stay.
func TestFreshCorpusFixes(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"star-led password", `password="*g!lfPRCo7Er9IPL";`, `password="[REDACTED:secret]";`},
		{"two stars then password", `<property name="password" value="**HuZ0SanBJkOq"/>`, `<property name="password" value="[REDACTED:secret]"/>`},
		{"star mask stays", `password=***`, `password=***`},
		{"partial mask stays", `password=********9IPL`, `password=********9IPL`},
	})
}

func TestFreshCorpusAddresses(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"squid hierarchy", `GET http://x/ - HIER_DIRECT/198.51.100.140 text/html`, `GET http://x/ - HIER_DIRECT/[REDACTED:ipv4] text/html`},
		{"squid old code", `TCP_MISS/200 12 GET http://x/ - DIRECT/10.1.2.3 -`, `TCP_MISS/200 12 GET http://x/ - DIRECT/[REDACTED:ipv4] -`},
		{"product version stays", `Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36`, `Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36`},
		{"db2 appid", `APPID: 31.151.123.168.55003.468665804988 AUTHID : X`, `APPID: [REDACTED:ipv4].55003.468665804988 AUTHID : X`},
		{"oid stays", `oid 1.3.6.1.4.1.2021.10.1.3.1 = x`, `oid 1.3.6.1.4.1.2021.10.1.3.1 = x`},
	})
}

func TestFreshCorpusSecrets(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"name value escaped second", `[{\"name\":\"DB_PASSWORD\",\"value\":\"Ab1!xyz9\"},{\"name\":\"STORAGE_KEY\",\"value\":\"EHN8sfBvu0weCp0MmszXflmJ1A5Bm4i/3z1RJz2qkvRSjdWYKSB+/nxnQ2N93z9YmNjT62Y0QGdnJ8GSVV+/Vm==\"}]`, `[{\"name\":\"DB_PASSWORD\",\"value\":\"[REDACTED:secret]\"},{\"name\":\"STORAGE_KEY\",\"value\":\"[REDACTED:secret]\"}]`},
		{"storage key", `"STORAGE_KEY":"EHN8sfBvu0weCp0MmszXflmJ1A5Bm4i/3z1RJz2qkvRSjdWYKSB+/nxnQ2N93z9YmNjT62Y0QGdnJ8GSVV+/Vm=="`, `"STORAGE_KEY":"[REDACTED:secret]"`},
		{"escaped type value", `\"credentials\":[{\"type\":\"password\",\"value\":\"Falcon987$\",\"temporary\":true}]`, `\"credentials\":[{\"type\":\"password\",\"value\":\"[REDACTED:secret]\",\"temporary\":true}]`},
		{"form userpw", `userid=kang_yuna&userpw=P%40ss5706%21"`, `userid=kang_yuna&userpw=[REDACTED:secret]"`},
		{"querydict", `{'email': ['x'], 'password1': ['P@ss1294#'], 'phone': ['1']}`, `{'email': ['x'], 'password1': ['[REDACTED:secret]'], 'phone': ['1']}`},
		{"cas ticket", `GET http://h/sso/callback?ticket=ST-152401-ZswEOtOwcwpLdO8luqoj&email=x`, `GET http://h/sso/callback?ticket=[REDACTED:secret]&email=x`},
		{"laravel app key", `APP_KEY=base64:YNqI4NxMDuOErkiZjcrNuSwOkBpl0h6mX7+Uww+Zyyd= APP_VERSION=1`, `APP_KEY=[REDACTED:secret] APP_VERSION=1`},
		{"url userinfo at", `"postgres://shop:P@ss8294#@10.1.2.3:5432/shop"`, `"postgres://shop:[REDACTED:secret]@[REDACTED:ipv4]:5432/shop"`},
		{"url userinfo hash", `"postgres://shop:Ocean120#@10.1.2.3:5432/shop"`, `"postgres://shop:[REDACTED:secret]@[REDACTED:ipv4]:5432/shop"`},
		{"port then query with at", `GET http://shop:8080?next=a@b x`, `GET http://shop:8080?next=a@b x`},
		{"digit then hash password", `"postgres://shop:1#wgAQw7NG@10.1.2.3:5432/shop"`, `"postgres://shop:[REDACTED:secret]@[REDACTED:ipv4]:5432/shop"`},
		{"hash-led password", `"postgres://shop:#UGNj6n8cZzMK@10.1.2.3:5432/shop"`, `"postgres://shop:[REDACTED:secret]@[REDACTED:ipv4]:5432/shop"`},
		{"jdbc sqlserver", `url=jdbc:sqlserver://10.1.2.3:1433;databaseName=shop;user=sa;password=P@ss8243!;encrypt=true x`, `url=jdbc:sqlserver://[REDACTED:ipv4]:1433;databaseName=shop;user=sa;password=[REDACTED:secret];encrypt=true x`},
		{"jdbc oracle thin", `URL=jdbc:oracle:thin:shop/River1647@@//10.1.2.3:1521/ORCLPDB1>`, `URL=jdbc:oracle:thin:shop/[REDACTED:secret]@//[REDACTED:ipv4]:1521/ORCLPDB1>`},
		{"jdbc oracle thin plain", `URL=jdbc:oracle:thin:shop/Ocean1643@//10.1.2.3:1521/ORCLPDB1>`, `URL=jdbc:oracle:thin:shop/[REDACTED:secret]@//[REDACTED:ipv4]:1521/ORCLPDB1>`},
		{"cookie after token", `token abcdefghijklmnop1234 expired for session JSESSIONID=NSDJV7vx5B41UVJbxir0bURsBv0n3teaTaHX5mekty_Cg8H20UCl!668405738>`, `token [REDACTED:secret] expired for session JSESSIONID=[REDACTED:secret]!668405738>`},
		{"cookie", `session JSESSIONID=NSDJV7vx5B41UVJbxir0bURsBv0n3teaTaHX5mekty_Cg8H20UCl!668405738>`, `session JSESSIONID=[REDACTED:secret]!668405738>`},
		{"slack webhook", `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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 CI=1`, `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/TQ8KVMECU/B5VJREY9E/[REDACTED:secret] CI=1`},
		{"discord webhook", `url=https://discord.com/api/webhooks/123456789012345678/AbCdEfGh1234IjKlMnOp5678_qRsTuVwX-yz90 ok`, `url=https://discord.com/api/webhooks/123456789012345678/[REDACTED:secret] ok`},
		{"webhook name stays", `GET /api/webhooks/42/deliveries HTTP/1.1`, `GET /api/webhooks/42/deliveries HTTP/1.1`},
		{"cookie in an escaped dump", `dump="Cookie: SESSION=L1JBBSLL9Bkl98llbp9w9rlqiGikjL-q05isETOHTA6AWe3E\r\nTraceparent: 00-1-2-01\r\n"`, `dump="Cookie: SESSION=[REDACTED:secret]\r\nTraceparent: 00-1-2-01\r\n"`},
	})
}

func TestFreshCorpusLookAlikes(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"public key token", `Shop.Data, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 client`, `Shop.Data, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089 client`},
		{"public_key_token", `public_key_token=b77a5c561934e089`, `public_key_token=b77a5c561934e089`},
		{"private key token stays a secret", `private_key_token=b77a5c561934e089Ab`, `private_key_token=[REDACTED:secret]`},
		{"bank account element", `<Transfer><FromAccount bank="NH Nonghyup">234142234812</FromAccount><Amount>9005710</Amount></Transfer>`, `<Transfer><FromAccount bank="NH Nonghyup">[REDACTED:bank_account]</FromAccount><Amount>9005710</Amount></Transfer>`},
		{"amount element stays", `<ns:Amount currency="KRW">234142234812</ns:Amount>`, `<ns:Amount currency="KRW">234142234812</ns:Amount>`},
		{"rrn under jumin_no", `INSERT INTO m (member_no, jumin_no, email) VALUES (926449762, '9212196814108', 'x') - 0.5 sec`, `INSERT INTO m (member_no, jumin_no, email) VALUES (926449762, '[REDACTED:kr_rrn]', 'x') - 0.5 sec`},
		{"bad check digit elsewhere stays", `INSERT INTO m (member_no, ref) VALUES (926449762, '9212196814108')`, `INSERT INTO m (member_no, ref) VALUES (926449762, '9212196814108')`},
		{"big-ip version", `[status=Command OK] BIG-IP 17.1.0.2`, `[status=Command OK] BIG-IP 17.1.0.2`},
		{"ip label stays an address", `IP 17.1.0.2 x`, `IP [REDACTED:ipv4] x`},
		{"support id", `support_id="5992622522049404472",ip`, `support_id="5992622522049404472",ip`},
		{"db2 tid", `PID : 5225 TID : 637710084979710 PROC : db2sysc`, `PID : 5225 TID : 637710084979710 PROC : db2sysc`},
		{"oracle scn", `listener x SCN 5213138601137`, `listener x SCN 5213138601137`},
		{"apache tid", `[pid 47966:tid 417471435150610] [client x]`, `[pid 47966:tid 417471435150610] [client x]`},
		{"gcp span", `"x-cloud-trace-context":"9cd870bfd5229acce2f68a4f46956493/3119899031870235870;o=1"`, `"x-cloud-trace-context":"9cd870bfd5229acce2f68a4f46956493/3119899031870235870;o=1"`},
		{"release dir", `PWD=/home/deploy/releases/20241112232943 ; USER=root`, `PWD=/home/deploy/releases/20241112232943 ; USER=root`},
		{"card under card key", `card_no=4111111111111111 x`, `card_no=[REDACTED:payment_card] x`},
		{"card in text", `paid with 4111 1111 1111 1111 ok`, `paid with [REDACTED:payment_card] ok`},
	})
}

func TestFreshCorpusIdempotence(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"htpasswd", `COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd kang_junho Xy7#pQ2!zz`, `COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd kang_junho [REDACTED:secret]`},
		{"htpasswd masked", `COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd kang_junho [REDACTED:secret]`, `COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd kang_junho [REDACTED:secret]`},
		{"redis -a percent-led", `redis-cli -h 10.1.2.3 -p 6379 -a %YWE3mM%kIqk --no-auth-warning INFO`, `redis-cli -h [REDACTED:ipv4] -p 6379 -a [REDACTED:secret] --no-auth-warning INFO`},
		{"redis -a variable", `redis-cli -a %REDIS_PASSWORD% INFO`, `redis-cli -a %REDIS_PASSWORD% INFO`},
		{"htpasswd percent-led", `COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd kang_junho %1Q6HUsKzjSk6`, `COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd kang_junho [REDACTED:secret]`},
	})
}
