package fresh

import "strconv"

// Unix daemons: OpenLDAP, OpenSSH and sudo, vsftpd, Exim, Dovecot, BIND,
// ISC dhcpd, auditd, shell history and cron.

func (t *tpl) syslogHead(host, tag string) {
	t.w(t.la("timestamp/syslog", t.sysTime()), " ", host, " ", tag, "[", t.ns(300, 65000), "]: ")
}

func slapd(t *tpl) {
	t.syslogHead("ldap01", "slapd")
	conn := t.ns(1000, 99999)
	switch t.r.IntN(4) {
	case 0:
		t.w("conn=", conn, " fd=", t.ns(10, 99), " ACCEPT from IP=", t.sIPv4("ipv4/ip_eq_port"), ":", t.ns(30000, 65000), " (IP=0.0.0.0:636)")
	case 1:
		t.w("conn=", conn, " op=", t.ns(0, 9), ` BIND dn="uid=`, t.login(), `,ou=people,dc=example,dc=com" method=128 mech=SIMPLE ssf=0 mail=`, t.sEmail("email/ldap_attr"))
	case 2:
		t.w("conn=", conn, " op=", t.ns(1, 9), ` MOD dn="uid=`, t.login(), `,ou=people,dc=example,dc=com" attr=userPassword telephoneNumber="`, t.sPhone(), `" modifyTimestamp=`, t.la("timestamp/generalized", "2024"+t.ns(10, 12)+t.ns(10, 28)+t.ns(10, 23)+"0000Z"))
	default:
		t.w("conn=", conn, " op=", t.ns(1, 9), ` SRCH base="dc=example,dc=com" scope=2 deref=0 filter="(|(mail=`, t.sEmail("email/ldap_filter"), `)(mobile=`, t.sPhone(), `))" entryCSN=`, t.la("timestamp/csn", "2024"+t.ns(10, 12)+t.ns(10, 28)+"101010."+t.digits(6)+"Z#000000#000#000000"))
	}
}

func sshd(t *tpl) {
	switch t.r.IntN(5) {
	case 0:
		t.syslogHead("bastion", "sshd")
		t.w("Accepted publickey for ", t.login(), " from ", t.sIPv4("ipv4/from_port"), " port ", t.la("port", t.ns(30000, 65000)), " ssh2: ED25519 SHA256:", t.la("hash/key_fingerprint", t.chars(b64std[:62], 43)))
	case 1:
		t.syslogHead("bastion", "sshd")
		t.w("Failed password for invalid user ", t.pick("admin", "oracle", "test", "ubuntu"), " from ", t.sIPv6("ipv6/from_port"), " port ", t.la("port", t.ns(30000, 65000)), " ssh2")
	case 2:
		t.syslogHead("web01", "sudo")
		t.w("  deploy : TTY=pts/", t.ns(0, 9), " ; PWD=", t.la("path/pwd", "/home/deploy/releases/"+t.la("timestamp/release", "2024"+t.ns(10, 12)+t.ns(10, 28)+t.ns(100000, 235959))), " ; USER=root ; COMMAND=/usr/bin/mysql -uroot -p", t.s("secret", "secret/mysql_p", t.password()), " -h ", t.sIPv4("ipv4/cli_host"), " shop")
	case 3:
		t.syslogHead("web01", "sudo")
		t.w("   ops : TTY=pts/", t.ns(0, 9), " ; PWD=/root ; USER=root ; COMMAND=/usr/bin/htpasswd -b /etc/nginx/.htpasswd ", t.login(), " ", t.s("secret", "secret/cli_positional", t.password()))
	default:
		t.syslogHead("bastion", "sshd")
		t.w("pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=", t.sIPv4("ipv4/kv"), "  user=", t.sEmail("email/kv"))
	}
}

func vsftpd(t *tpl) {
	if t.one(2) {
		// xferlog: current-time transfer-time remote-host file-size filename transfer-type action direction access-mode username service auth user-id status
		t.w(t.when().Format("Mon Jan _2 15:04:05 2006"), " ", t.ns(1, 99), " ", t.sIPv4("ipv4/field"), " ", t.la("bytes", t.ns(10000, 9999999)), " /upload/")
		t.w(t.pick("settlement_", "members_", "refund_"), t.la("date", "2024"+t.ns(10, 12)+t.ns(10, 28)), ".csv b _ i r ")
		if t.maybe() {
			t.w(t.sEmail("email/field"))
		} else {
			t.w(t.login())
		}
		t.w(" ftp 0 * c")
		return
	}
	t.w(t.when().Format("Mon Jan _2 15:04:05 2006"), " [pid ", t.ns(1000, 99999), "] ")
	switch t.r.IntN(2) {
	case 0:
		t.w("[ftp] OK LOGIN: Client \"", t.sIPv4("ipv4/quoted"), "\", anon password \"", t.sEmail("email/quoted"), "\"")
	default:
		t.w("[", t.login(), "] OK UPLOAD: Client \"", t.sIPv4("ipv4/quoted"), "\", \"/home/", t.login(), "/backup-", t.la("date", "2024-"+t.ns(10, 12)+"-"+t.ns(10, 28)), ".tar.gz\", ", t.la("bytes", t.ns(10000, 99999999)+" bytes"), ", ", t.la("rate", t.ns(100, 9999)+"."+t.ns(10, 99)+"Kbyte/sec"))
	}
}

func exim(t *tpl) {
	id := t.la("message_id", t.mixed(alnum, 6)+"-"+t.mixed(alnum, 6)+"-"+t.mixed(alnum, 2))
	t.w(t.la("timestamp", t.dateTime()), " ", id, " ")
	switch t.r.IntN(3) {
	case 0:
		t.w("<= ", t.sEmail("email/exim"), " H=mail.example.org (", t.pick("mx.example.org", "localhost"), ") [", t.sIPv4("ipv4/bracket"), "]:", t.ns(30000, 65000), " P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=", t.la("bytes", t.ns(1000, 99999)), ` T="`, t.pick("Order confirmation", "Password reset", "Weekly report"), `"`)
	case 1:
		t.w("=> ", t.sEmail("email/exim"), " R=dnslookup T=remote_smtp H=aspmx.l.example.com [", t.sIPv6("ipv6/bracket"), "] X=TLS1.2:ECDHE-RSA-AES128-GCM-SHA256:128 C=\"250 2.0.0 OK ", t.la("timestamp/epoch", t.epochS()), "\"")
	default:
		t.w("** ", t.sEmail("email/exim"), " <", t.sEmail("email/angle"), ">: R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<", t.sEmail("email/angle"), ">: 550 5.1.1 User unknown")
	}
}

func dovecot(t *tpl) {
	t.w(t.la("timestamp/syslog", t.sysTime()), " mx1 dovecot: ")
	user := t.sEmail("email/angle")
	switch t.r.IntN(3) {
	case 0:
		t.w("imap-login: Login: user=<", user, ">, method=PLAIN, rip=", t.sIPv4("ipv4/kv"), ", lip=", t.sIPv4("ipv4/kv"), ", mpid=", t.ns(1000, 99999), ", TLS, session=<", t.la("id/session_log", t.chars(b64std, 16)), ">")
	case 1:
		t.w("auth: passwd-file(", user, ",", t.sIPv6("ipv6/kv_comma"), "): Password mismatch (given password: ", t.sPass("secret/paren_label"), ")")
	default:
		t.w("imap(", user, ")<", t.ns(1000, 99999), "><", t.la("id/session_log", t.chars(b64std, 16)), ">: Disconnected: Logged out in=", t.la("bytes", t.ns(100, 9999)), " out=", t.la("bytes", t.ns(10000, 999999)), " deleted=0 expunged=0")
	}
}

func bind(t *tpl) {
	t.w(t.la("timestamp", t.ns(10, 28)+"-"+t.pick(months...)+"-2024 "+t.ns(10, 23)+":"+t.ns(10, 59)+":"+t.ns(10, 59)+"."+t.ns(100, 999)), " queries: info: client @0x7f", t.hexN(10), " ")
	if t.one(3) {
		t.w(t.sIPv6("ipv6/hash_port"))
	} else {
		t.w(t.sIPv4("ipv4/hash_port"))
	}
	name := t.pick("api.example.com", "shop.example.kr", "mail.naver.com", "update.example.net")
	t.w("#", t.ns(1024, 65000), " (", name, "): query: ", name, " IN ", t.pick("A", "AAAA", "MX", "TXT"), " +E(0)K (", t.sIPv4("ipv4/paren"), ")")
	if t.one(4) {
		t.w(" [ECS ", t.sIPv4("ipv4/ecs_subnet"), "/24/0]")
	}
}

func dhcpd(t *tpl) {
	t.syslogHead("dhcp01", "dhcpd")
	mac := t.u(t.hexN(2) + ":" + t.hexN(2) + ":" + t.hexN(2) + ":" + t.hexN(2) + ":" + t.hexN(2) + ":" + t.hexN(2))
	host := t.pick("Galaxy-S24", "iPhone", "DESKTOP-"+t.chars(upperNum, 7), "minji-MacBook-Pro")
	switch t.r.IntN(3) {
	case 0:
		t.w("DHCPACK on ", t.sIPv4("ipv4/on_to"), " to ", mac, " (", host, ") via ", t.pick("eth0", "vlan20"))
	case 1:
		t.w("DHCPREQUEST for ", t.sIPv4("ipv4/for_from"), " (", t.sIPv4("ipv4/paren"), ") from ", mac, " (", host, ") via ", t.sIPv4("ipv4/via"))
	default:
		t.w("DHCPOFFER on ", t.sIPv4("ipv4/on_to"), " to ", mac, " via eth0 lease-time ", t.la("duration/s", t.ns(3600, 86400)), " client-id ", t.la("id/hex", "01:"+mac))
	}
}

func auditd(t *tpl) {
	ts := t.la("timestamp/audit", t.epochS()+"."+t.ns(100, 999)+":"+t.ns(1000, 99999))
	switch t.r.IntN(3) {
	case 0:
		t.w("type=USER_AUTH msg=audit(", ts, "): pid=", t.ns(1000, 99999), " uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='op=PAM:authentication grantors=? acct=\"", t.login(), "\" exe=\"/usr/sbin/sshd\" hostname=", t.sIPv4("ipv4/kv"), " addr=", t.sIPv4("ipv4/kv"), " terminal=ssh res=failed'")
	case 1:
		// EXECVE arguments as auditd logs them: plain when printable
		t.w("type=EXECVE msg=audit(", ts, "): argc=5 a0=\"psql\" a1=\"-h\" a2=\"", t.sIPv4("ipv4/quoted"), "\" a3=\"-U\" a4=\"postgresql://app:", t.s("secret", "secret/url_userinfo", t.password()), "@db:5432/shop\"")
	default:
		t.w("type=EXECVE msg=audit(", ts, "): argc=4 a0=\"curl\" a1=\"-H\" a2=\"X-Vault-Token: ", t.s("secret", "secret/header_token", "hvs."+t.mixed(b64url, 24)), "\" a3=\"https://vault:8200/v1/secret/data/app\"")
	}
	t.w(" UID=\"root\" AUID=\"unset\" inode=", t.la("id/inode", strconv.Itoa(t.n(100000, 9999999))))
}

func shell(t *tpl) {
	switch t.r.IntN(7) {
	case 6:
		t.w("#", t.la("timestamp/epoch", t.epochS()), " s3cmd --access_key=", t.s("access_key", "access_key/aws", t.awsKeyID()), " --secret_key=", t.s("secret", "secret/cli_flag", t.awsSecret()), " put backup-", t.la("date", "2024"+t.ns(10, 12)+t.ns(10, 28)), ".tar.gz s3://shop-backup/")
	case 0:
		t.w("#", t.la("timestamp/epoch", t.epochS()), " mysql -h ", t.sIPv4("ipv4/cli_host"), " -u shop --password=", t.s("secret", "secret/cli_flag", t.password()), " shop < dump-", t.la("date", "2024"+t.ns(10, 12)+t.ns(10, 28)), ".sql")
	case 1:
		t.w("#", t.la("timestamp/epoch", t.epochS()), " ldapsearch -x -H ldap://", t.sIPv4("ipv4/url_host"), " -D \"cn=admin,dc=example,dc=com\" -w '", t.s("secret", "secret/cli_short_flag", t.password()), "' \"(mail=", t.sEmail("email/ldap_filter"), ")\"")
	case 2:
		t.syslogHead("worker-3", "CRON")
		t.w("(root) CMD (PGPASSWORD='", t.s("secret", "secret/env_inline", t.password()), "' pg_dump -h ", t.sIPv4("ipv4/cli_host"), " -U backup shop | gzip > /backup/shop-$(date +\\%F).sql.gz)")
	case 3:
		t.w("#", t.la("timestamp/epoch", t.epochS()), " export AWS_ACCESS_KEY_ID=", t.s("access_key", "access_key/aws", t.awsKeyID()), " AWS_SECRET_ACCESS_KEY=", t.s("secret", "secret/aws_secret_env", t.awsSecret()))
	case 4:
		t.w("#", t.la("timestamp/epoch", t.epochS()), " redis-cli -h ", t.sIPv4("ipv4/cli_host"), " -p 6379 -a ", t.s("secret", "secret/cli_short_flag", t.password()), " --no-auth-warning INFO replication")
	default:
		t.w("#", t.la("timestamp/epoch", t.epochS()), " docker login -u ", t.login(), " -p ", t.s("secret", "secret/cli_short_flag", t.password()), " registry.example.com && docker pull registry.example.com/shop/api:", t.la("version/image_tag", t.version4()))
	}
}
