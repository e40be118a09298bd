package masking

import "testing"

// The scanners added for the third corpus, and look-alikes next to them
// that must stay.
func TestThirdCorpusScanners(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"redis auth user", `[0 10.1.2.3:5123] "AUTH" "default" "Gm4*1521h"`, `[0 [REDACTED:ipv4]:5123] "AUTH" "default" "[REDACTED:secret]"`},
		{"redis auth", `1709418314.321219 [0 unix:/run/redis.sock] "AUTH" "Gm4*1521h"`, `1709418314.321219 [0 unix:/run/redis.sock] "AUTH" "[REDACTED:secret]"`},
		{"redis auth not after a client", `x "AUTH" "Gm4*1521h"`, `x "AUTH" "Gm4*1521h"`},
		{"redis other command", `"GET" "user:1" "x1!y2@z3"`, `"GET" "user:1" "x1!y2@z3"`},
		{"sqlcmd", `sqlcmd -S db -U sa -P &quot;2Mf@1233qA9H&quot; -Q x`, `sqlcmd -S db -U sa -P &quot;[REDACTED:secret]&quot; -Q x`},
		{"sqlcmd quoted", `bcp x out f -U sa -P "Ab1!xyz9"`, `bcp x out f -U sa -P "[REDACTED:secret]"`},
		{"-P port", `mysql -u root -P 3306 shop`, `mysql -u root -P 3306 shop`},
		{"-P without -U", `grep -P '\d+x' f`, `grep -P '\d+x' f`},
		{"-P path", `rsync -u -P /data/x2 host:/y`, `rsync -u -P /data/x2 host:/y`},
		{"cef label", `cs1Label=apiToken cs1=hHRxpnM69iPs7wT7 act=ok`, `cs1Label=apiToken cs1=[REDACTED:secret] act=ok`},
		{"cef label after", `cs2=abc123def cs2Label=password`, `cs2=[REDACTED:secret] cs2Label=password`},
		{"cef plain label", `cs1Label=ruleName cs1=SQLi-42 x`, `cs1Label=ruleName cs1=SQLi-42 x`},
		{"cef escaped equals", `request=/login?pw\=4rI*8382XnQ4 x`, `request=/login?pw\=[REDACTED:secret] x`},
		{"signed cookie", `cookie: connect.sid=s%3Ai5jp8v0i_ZtTwUcI.rq9vZo4liKdOIY; lang=ko`, `cookie: connect.sid=[REDACTED:secret]; lang=ko`},
		{"url signature", `?sig=2a6575399b5da1d16313d61311c2fb2615&x=1`, `?sig=[REDACTED:secret]&x=1`},
		{"sig plain", `sig=none`, `sig=none`},
		{"aws configure", `aws configure set aws_secret_access_key /i/pvXYFyWmMfBo1+Lo+IZKkMRlMevBKSJIFYljm`, `aws configure set aws_secret_access_key [REDACTED:secret]`},
		{"password words", `Failed password for admin from host`, `Failed password for admin from host`},
		{"password reset", `password reset requested, secret_name my-secret-01`, `password reset requested, secret_name my-secret-01`},
		{"password then word", `password 8Bf~7507EmJf9z ok`, `password [REDACTED:secret] ok`},
		{"korean particle", `임시 비밀번호는 4oo@65OI0z7 입니다.`, `임시 비밀번호는 [REDACTED:secret] 입니다.`},
		{"korean status", `비밀번호 변경 요청 처리 완료, 비밀번호는 8자 이상`, `비밀번호 변경 요청 처리 완료, 비밀번호는 8자 이상`},
		{"mybatis", "INSERT INTO M (ID, PASSWORD, EMAIL) VALUES (?, ?, ?)\n==> Parameters: u1(String), B1o^711ouq86(String), a@naver.com(String)",
			"INSERT INTO M (ID, PASSWORD, EMAIL) VALUES (?, ?, ?)\n==> Parameters: u1(String), [REDACTED:secret](String), [REDACTED:email](String)"},
		{"mybatis null", "INSERT INTO M (PASSWORD, ID) VALUES (?, ?)\n==> Parameters: null, 42(Integer)", "INSERT INTO M (PASSWORD, ID) VALUES (?, ?)\n==> Parameters: null, 42(Integer)"},
		{"phone plus encoded", "mobile=%2B1 (415) 555-8828\t-", "mobile=[REDACTED:phone]\t-"},
		{"phone form encoded", "tel=%2B82+10+3413+7676&x=1", "tel=[REDACTED:phone]&x=1"},
		{"cef version", `CEF:0|Example|WAF|6.2.1.4|1001|x|5|src=10.0.0.1`, `CEF:0|Example|WAF|6.2.1.4|1001|x|5|src=[REDACTED:ipv4]`},
		{"leef version", `LEEF:2.0|Example|VPN|9.1.0.2|login|^|src=10.0.0.1`, `LEEF:2.0|Example|VPN|9.1.0.2|login|^|src=[REDACTED:ipv4]`},
		{"version label", `version 19.0.0.0 client 172.27.132.210`, `version 19.0.0.0 client [REDACTED:ipv4]`},
		{"version key", `"Version":"19.0.216.6","ip":"10.1.2.3"`, `"Version":"19.0.216.6","ip":"[REDACTED:ipv4]"`},
		{"image tag", `registry.example.com/shop/api:1.8.3.4 from http://10.0.0.1:80/`, `registry.example.com/shop/api:1.8.3.4 from http://[REDACTED:ipv4]:80/`},
		{"host:ip", `host:10.0.0.1`, `host:[REDACTED:ipv4]`},
		{"epoch ms under a time key", `rt=1711057675812 devTime=1710048576052`, `rt=1711057675812 devTime=1710048576052`},
		{"PGPASSWORD", `PGPASSWORD=Ab1!xyz9 psql -h db`, `PGPASSWORD=[REDACTED:secret] psql -h db`},
		{"rrn under other key", `ihidnum=9510152851771`, `ihidnum=[REDACTED:kr_rrn]`},
	})
}
