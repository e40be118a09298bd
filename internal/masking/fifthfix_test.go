package masking

import "testing"

// The mechanisms behind the fifth corpus's first-contact misses
// (docs/benchmarks/masking-fifth-first-contact.txt), each on lines written
// here from the tools' public documentation, with different names, values
// and wrappers than the corpus, and the look-alikes that must stay.

const (
	ph  = "[REDACTED:phone]"
	ip4 = "[REDACTED:ipv4]"
)

func TestDialledNumbers(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"sip uri e164", "INVITE sip:+442079460958@192.0.2.10 SIP/2.0", "INVITE sip:" + ph + "@" + ip4 + " SIP/2.0"},
		{"sip uri kr mobile", "To: <sip:01098765432@pbx>", "To: <sip:" + ph + "@pbx>"},
		{"sip uri with domain is an e-mail", "To: <sip:01098765432@pbx.example.com>", "To: <sip:[REDACTED:email]>"},
		{"channel dial string", "Dial(PJSIP/+14155552671@carrier,30)", "Dial(PJSIP/" + ph + "@carrier,30)"},
		{"dialplan extension", "Executing [01055554444@default:1] Dial", "Executing [" + ph + "@default:1] Dial"},
		{"tel uri", "tel:+821055554444;phone-context=ims", "tel:" + ph + ";phone-context=ims"},
		{"bare seoul landline", `"src":"0234567890"`, `"src":"` + ph + `"`},
		{"bare area landline", "caller=0517654321 state=UP", "caller=" + ph + " state=UP"},
		{"bare 070", "did 07045678901 answered", "did " + ph + " answered"},
		{"e-mail with digits stays e-mail", "from 01055554444@example.com", "from [REDACTED:email]"},
		{"zero-padded id stays", "seq=0012345678 id=0212345678", "seq=0012345678 id=0212345678"},
		{"no exchange 1", "code 0212345678", "code 0212345678"},
		{"time key stays", "ts=0412345678", "ts=0412345678"},
		{"keyed NANP", "sms sent to=4155552671 from=2125550100", "sms sent to=" + ph + " from=" + ph},
		{"keyed international without plus", `{"msisdn":"821012345678"}`, `{"msisdn":"` + ph + `"}`},
		{"keyed NANP with 1", "caller=14155552671 state=RING", "caller=" + ph + " state=RING"},
		{"epoch range stays", "GET /d?from=1710000000&to=1710003600", "GET /d?from=1710000000&to=1710003600"},
		{"caller-id header", "Caller-ID: 4155552671", "Caller-ID: " + ph},
		{"unkeyed number stays", "bytes=4155552671", "bytes=4155552671"},
	})
}

func TestVersionContexts(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"vrmf", "Installation(Installation1) VRMF(9.3.0.15) QMgr(QM2)", "Installation(Installation1) VRMF(9.3.0.15) QMgr(QM2)"},
		{"firmware paren", "firmware(2.10.4.1) loaded", "firmware(2.10.4.1) loaded"},
		{"camel product", "Welcome to PostgreSQL 16.2.0.1 server", "Welcome to PostgreSQL 16.2.0.1 server"},
		{"banner verb", "Starting Gitaly 16.11.2.1 (pid 42)", "Starting Gitaly 16.11.2.1 (pid 42)"},
		{"user agent header", "User-Agent: Polycom VVX411 6.4.3.5 UA/x", "User-Agent: Polycom VVX411 6.4.3.5 UA/x"},
		{"ua key bracketed", "ua=[Snom D785 10.1.141.13] src=192.0.2.7:5060", "ua=[Snom D785 10.1.141.13] src=" + ip4 + ":5060"},
		{"version column", "Name        Version   Source\n----        -------   ------\nAz.Accounts 2.13.2.0  PSGallery", "Name        Version   Source\n----        -------   ------\nAz.Accounts 2.13.2.0  PSGallery"},
		{"build column", "Component Build\nagent     7.52.1.3", "Component Build\nagent     7.52.1.3"},
		{"address column stays", "Name Address\nweb  10.20.30.40", "Name Address\nweb  " + ip4},
		{"peer with port after slash", "alice/203.0.113.9:51820 MULTI: primary", "alice/" + ip4 + ":51820 MULTI: primary"},
		{"ellipsis", "established between 198.51.100.1[a]...203.0.113.5[b]", "established between " + ip4 + "[a]..." + ip4 + "[b]"},
		{"camel address label stays address", "RemoteHost 10.1.2.3 ClientIP 10.1.2.4", "RemoteHost " + ip4 + " ClientIP " + ip4},
		{"prose address stays address", "Connection from 10.1.2.3 port 22", "Connection from " + ip4 + " port 22"},
		{"ipv6 prefixed with port", `"remote":"ipv6:2001:db8::7:445"`, `"remote":"ipv6:[REDACTED:ipv6]"`},
	})
}

func TestDeviceAndCommandSecrets(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"usm auth and priv", "snmp-agent usm-user v3 ops authentication-mode sha2-256 Au7hKey#1 privacy-mode aes256 Pr1vKey#2",
			"snmp-agent usm-user v3 ops authentication-mode sha2-256 " + sec + " privacy-mode aes256 " + sec},
		{"usm sha", "snmp-agent usm-user v3 ops authentication-mode md5 Au7hKey#1", "snmp-agent usm-user v3 ops authentication-mode md5 " + sec},
		{"cisco snmpv3 user", "snmp-server user nms grp1 v3 auth sha Au7h#Cisco1 priv aes 128 Pr1v#Cisco2", "snmp-server user nms grp1 v3 auth " + "sha " + sec + " priv aes 128 " + sec},
		{"auth word elsewhere stays", "auth sha mismatch for peer", "auth sha mismatch for peer"},
		{"juniper ascii-text", `set security ike policy p1 pre-shared-key ascii-text "Ik3#Psk2024"`, `set security ike policy p1 pre-shared-key ascii-text "` + sec + `"`},
		{"radius host key", "radius-server host 10.1.1.1 auth-port 1812 key 7 R4dius#Key", "radius-server host " + ip4 + " auth-port 1812 key 7 " + sec},
		{"tacacs server key", "tacacs server T1 key 0 T4cacs#Key", "tacacs server T1 key 0 " + sec},
		{"key word elsewhere stays", "primary key 42 exists", "primary key 42 exists"},
		{"password encoding word", "local-user ops password cipher Zx8#kLmQ2", "local-user ops password cipher " + sec},
		{"h3c simple", "password simple Hx3c#2024a", "password simple " + sec},
		{"community read", "snmp-agent community write cipher Wr1teC0mm", "snmp-agent community write cipher " + sec},
		{"net-snmp -A -X", "snmpget -v3 -l authPriv -u ops -a SHA -A 'Auth#Pass1' -x AES -X 'Priv#Pass2' 192.0.2.1 sysName.0",
			"snmpget -v3 -l authPriv -u ops -a SHA -A '" + sec + "' -x AES -X '" + sec + "' " + ip4 + " sysName.0"},
		{"smbclient user%pw", "smbclient -L //fs01 -U CORP\\ops%Sm8#pass", "smbclient -L //fs01 -U CORP\\ops%" + sec},
		{"samba --user", "net rpc share list --user=ops%Rp9#pass -S fs01", "net rpc share list --user=ops%" + sec + " -S fs01"},
		{"percent escape stays", "smbclient -U a%2F -L x", "smbclient -U a%2F -L x"},
		{"check_http -a", "check_http -H web -a nagios:Ch3ck#pw -u /", "check_http -H web -a nagios:" + sec + " -u /"},
		{"quoted argv -p", `args: '/usr/bin/mysqladmin' '-u' 'mon' '-p' 'My#Pass9' 'ping'`, `args: '/usr/bin/mysqladmin' '-u' 'mon' '-p' '` + sec + `' 'ping'`},
		{"quoted argv port stays", `'/usr/bin/ssh' '-p' '2222' 'host'`, `'/usr/bin/ssh' '-p' '2222' 'host'`},
		{"net use after user", `net use \\fs01\dept /user:CORP\kim Nu5e#pw /persistent:no`, `net use \\fs01\dept /user:CORP\kim ` + sec + ` /persistent:no`},
		{"net use before user", `net use Y: \\fs01\dept Nu5e#pw /user:kim`, `net use Y: \\fs01\dept ` + sec + ` /user:kim`},
		{"net use prompt stays", `net use Y: \\fs01\dept * /user:kim`, `net use Y: \\fs01\dept * /user:kim`},
		{"function call syntax", "ALTER AUTHINFO(X) AUTHTYPE(IDPWLDAP) LDAPPWD('Ld4p#pw9')", "ALTER AUTHINFO(X) AUTHTYPE(IDPWLDAP) LDAPPWD('" + sec + "')"},
		{"glued upper name", "SMTPPASSWORD=Sm7p#pw2 SMTPUSER=app", "SMTPPASSWORD=" + sec + " SMTPUSER=app"},
		{"glued flag stays", "NOPASSWORD=true OLDPWD=/home/app", "NOPASSWORD=true OLDPWD=/home/app"},
		{"securestring", `$cred = ConvertTo-SecureString "Ps#Plain9" -AsPlainText -Force`, `$cred = ConvertTo-SecureString "` + sec + `" -AsPlainText -Force`},
		{"securestring in option", `New-ADUser -AccountPassword (ConvertTo-SecureString 'Ad#Plain9' -AsPlainText -Force)`, `New-ADUser -AccountPassword (ConvertTo-SecureString '` + sec + `' -AsPlainText -Force)`},
		{"identified with plugin", "ALTER USER etl IDENTIFIED WITH caching_sha2_password BY 'Et1#pass'", "ALTER USER etl IDENTIFIED WITH caching_sha2_password BY '" + sec + "'"},
		{"ldif base64", "unicodePwd:: IgBQAEAAcwBzAHcAMAByAGQAIgA=", "unicodePwd:: " + sec},
		{"ldif base64 other attr stays", "jpegPhoto:: /9j/4AAQSkZJRgABAQ==", "jpegPhoto:: /9j/4AAQSkZJRgABAQ=="},
		{"form prose with plus", "Body=Your+login+code+is+739201&To=x", "Body=Your+login+code+is+" + sec + "&To=x"},
		{"url-encoded prose", "GET /send?msg=Your%20verification%20code%20is%20482913&to=x", "GET /send?msg=Your%20verification%20code%20is%20" + sec + "&to=x"},
		{"url-encoded prose without label stays", "q=hello%20from%20seoul%202024", "q=hello%20from%20seoul%202024"},
		{"form prose without label stays", "text=hello+from+seoul+2024", "text=hello+from+seoul+2024"},
		{"bare api key", "POST /send key=k2j4h5g6f7d8s9a0q1w2e3r4 user_id=shop", "POST /send key=" + sec + " user_id=shop"},
		{"bare key name stays", "cache hit key=user_profile_20240301_v2", "cache hit key=user_profile_20240301_v2"},
	})
}

func TestDocumentedIDs(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"twilio message sid", `{"sid":"MM0123456789abcdef0123456789abcdef","status":"sent"}`, `{"sid":"MM0123456789abcdef0123456789abcdef","status":"sent"}`},
		{"14-digit message id", "RECEIVE,62919392736419,<a>", "RECEIVE,62919392736419,<a>"},
		{"diners card", "card 30569309025904 ok", "card [REDACTED:payment_card] ok"},
		{"camel time key", `{"expiresAt":1710127851043}`, `{"expiresAt":1710127851043}`},
		{"key id then secret in quotes", "FROM s3('https://x/*.parquet', 'AKIAQGBA4I646EAC7PW5', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'Parquet')",
			"FROM s3('https://x/*.parquet', '[REDACTED:access_key]', '" + sec + "', 'Parquet')"},
		{"cache buster", "GET /api/list?rows=10&_=1711243112258 200", "GET /api/list?rows=10&_=1711243112258 200"},
	})
}
