package eighth

// Mail and messaging services and Korean business systems.
var krFormats = []format{
	{"sendgrid_event", JSON, sendgridEvent},
	{"courier_mta", Text, courierMTA},
	{"kr_carrier_sms", JSON, krCarrierSMS},
	{"naverpay", JSON, naverPay},
	{"nhis_edi", Text, nhisEDI},
	{"haksa_csv", CSV, haksaCSV},
	{"wms", Text, wms},
}

// SendGrid Event Webhook events, one per line as the receiver logs them.
func sendgridEvent(b *builder) {
	b.w(`{"email":"`, b.email("json_value"), `","timestamp":`, b.epochS(), `,"smtp-id":"<`, b.a("smtp_id", b.hex(11)+"."+b.hex(3)+"."+b.hex(6)), `@ismtpd-`, b.num(100, 999), `>","event":"`)
	switch b.n(3) {
	case 0:
		b.w(`click","url":"https://shop.example.com/account/verify?token=`, b.s("secret", "query_token", b.alnum(40)), `","ip":"`, b.pub("json_value"), `","useragent":"Mozilla/5.0 (Linux; Android 15) Chrome/`, b.a("version/ua", "131.0.6778."+b.num(10, 200)), ` Mobile"`)
	case 1:
		b.w(`open","ip":"`, b.ip6("json_value"), `","useragent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/`, b.a("version/ua", "133.0"), `"`)
	default:
		b.w(`bounce","reason":"550 5.1.1 <`, b.email("angle_in_json"), `>: Recipient address rejected","status":"5.1.1","type":"bounce"`)
	}
	b.w(`,"sg_event_id":"`, b.a("sg_event_id", b.b64url(22)), `","sg_message_id":"`, b.a("sg_message_id", b.b64url(22)+".recvd-"+b.lowerAlnum(10)+"-"+b.num(1, 9)+"-"+b.upperHex(8)+"-"+b.num(1, 99)+".0"), `","category":["order"]}`)
}

// Courier MTA (courieresmtpd, imapd, authdaemond) syslog.
func courierMTA(b *builder) {
	c := b.clock()
	b.w(c.sys(), " mail ")
	switch b.n(4) {
	case 0:
		b.w("courieresmtpd: error,relay=", b.s("ipv6", "ipv4_mapped", "::ffff:"+b.pubIPv4()), ",ident=,from=<", b.email("angle"), ">,to=<", b.email("angle"), ">: 550 User unknown.")
	case 1:
		b.w("imapd-ssl: LOGIN, user=", b.email("key_eq"), ", ip=[", b.s("ipv6", "ipv4_mapped_bracket", "::ffff:"+b.privIPv4()), "], port=[", b.num(30000, 65000), "], protocol=IMAP")
	case 2:
		b.w("authdaemond: supplied password '", b.pw("quoted_sentence"), "' does not match encrypted password '", b.s("secret", "crypt_md5", "$1$"+b.from(alnumA+"./", 8)+"$"+b.from(alnumA+"./", 22)), "'")
	default:
		b.w("courierlocal: id=", b.a("queue_id", b.upperHex(8)+"."+b.upperHex(8)+"."+b.upperHex(4)), ",from=<", b.s("email", "angle_sender", "bounce@"+b.pick("shop.example.com", "mail.example.co.kr")), ">,addr=<", b.email("angle"), ">,size=", b.num(1000, 900000), ",success: Message delivered.")
	}
}

// A Korean carrier bulk-messaging API (KT/SKT/LG U+ style) request log.
func krCarrierSMS(b *builder) {
	c := b.clock()
	b.w(`{"ts":"`, c.isoOff("+09:00"), `","api":"/v1/send/`, b.pick("sms", "lms", "alimtalk"), `","req":{"from":"`, b.s("phone", "json_caller_landline", b.krLandline()), `","to":"`, b.s("phone", "json_bare_mobile", b.krMobile("")), `","text":"`)
	switch b.n(3) {
	case 0:
		b.w(`[쇼핑몰] 인증번호 [`, b.s("secret", "korean_code_bracket", b.digits(6)), `]를 입력해 주세요."}`)
	case 1:
		b.w(`[배송안내] 주문번호 `, b.order(), ` 상품이 발송되었습니다."}`)
	default:
		b.w(`[은행] 임시 비밀번호는 `, b.s("secret", "korean_label_particle", b.password()), ` 입니다."}`)
	}
	b.w(`,"headers":{"Authorization":"Bearer `, b.bearer("json_header"), `","X-Request-Id":"`, b.uuid(), `"},"result":{"code":"0000","msgKey":"`, b.a("msg_key", b.digits(4)+b.upperAlnum(16)), `"}}`)
}

// Naver Pay payment approval callback bodies as the merchant logs them.
func naverPay(b *builder) {
	c := b.clock()
	b.w(`{"code":"Success","message":"detail","body":{"paymentId":"`, b.a("payment_id", "202612"+b.two(1, 2)+"NP"+b.digits(10)), `","detail":{"merchantPayKey":"`, b.order(), `","merchantUserKey":"`, b.a("user_key", "u"+b.digits(9)), `","admissionTypeCode":"01","admissionYmdt":"`,
		b.a("timestamp/ymdt", "202612"+b.two(1, 2)+c.hms()[:2]+c.hms()[3:5]+c.hms()[6:]), `","totalPayAmount":`, b.num(1000, 900000), `,`)
	switch b.n(3) {
	case 0:
		b.w(`"primaryPayMeans":"CARD","cardCorpCode":"C0","cardNo":"`, b.a("placeholder/masked_pan", b.maskedPAN()), `","cardAuthNo":"`, b.a("approval_no", b.digits(8)), `"`)
	case 1:
		bank, acct := b.acct(b.pick("json_key_refund", "bare_json_key_refund"))
		b.w(`"primaryPayMeans":"BANK","bankCorpCode":"`, b.bankCode(bank), `","refundBankName":"`, bank, `","refundBankAccount":"`, acct, `"`)
	default:
		b.w(`"primaryPayMeans":"CARD","buyerName":"`, b.korName(), `","buyerTel":"`, b.mobile("json_key"), `","buyerEmail":"`, b.s("email", "json_u0040", jsonU0040(b.gen.email())), `"`)
	}
	b.w(`}},"requestHeaders":{"X-Naver-Client-Id":"`, b.a("client_id", b.alnum(20)), `","X-Naver-Client-Secret":"`, b.s("secret", "json_header_client_secret", b.alnum(10)), `"}}`)
}

func jsonU0040(e string) string {
	out := ""
	for _, r := range e {
		if r == '@' {
			out += `\u0040`
		} else {
			out += string(r)
		}
	}
	return out
}

// 건강보험 EDI 청구·심사 송수신 로그 (labelled fields).
func nhisEDI(b *builder) {
	c := b.clock()
	b.w("[", c.dt(), "] [EDI-", b.pick("SND", "RCV"), "] ")
	switch b.n(3) {
	case 0:
		b.w("청구명세서 접수번호=", b.a("receipt_no", "2026"+b.digits(10)), " 요양기관기호=", b.a("facility_code", b.digits(8)), " 수진자 주민번호=", b.rrn("korean_label_eq"), " 진료개시일=202612", b.two(1, 2), " 본인부담금=", b.num(1000, 90000))
	case 1:
		bank, acct := b.acct(b.pick("korean_label_bank_space", "bare_korean_label_bank_space"))
		b.w("지급통보 수신 지급계좌=", bank, " ", acct, " 예금주=", b.korName(), " 지급액=", b.num(100000, 9000000), "원 통보번호=", b.a("notice_no", "N"+b.digits(12)))
	default:
		b.w("수진자 자격조회 성명=", b.korName(), " 연락처=", b.mobile("korean_label_eq"), " 자격=건강보험 조회키=", b.uuid(), " 응답시간=", b.dur())
	}
}

// 학사행정 export (CSV: 학번, 성명, 주민등록번호, 휴대폰, 이메일, 은행, 계좌번호, 장학구분, 금액, 처리일시).
func haksaCSV(b *builder) {
	if b.chance(0.1) {
		b.w("학번,성명,주민등록번호,휴대폰,이메일,은행,계좌번호,장학구분,금액,처리일시")
		return
	}
	bank, acct := b.acct("csv_after_bank_column")
	c := b.clock()
	b.w(b.a("student_no", "20"+b.num(19, 26)+b.digits(6)), ",", b.korName(), ",", b.rrn("csv_column"), ",", b.mobile("csv_column"), ",", b.email("csv_column"), ",", bankName(bank), ",", acct, ",",
		b.pick("성적우수", "국가장학", "근로장학"), ",", b.num(100000, 4000000), ",", b.a("timestamp/dt", c.dt()))
}

// 물류 WMS 출고·배송 처리 로그.
func wms(b *builder) {
	c := b.clock()
	b.w(c.dtMs("."), " ")
	switch b.n(3) {
	case 0:
		b.w("[WMS-OUT] 출고지시 완료 waybill=", b.a("waybill", b.digits(12)), " 수하인=", b.korName(), " 수하인연락처=", b.mobile("korean_key_eq"), " 주문번호=", b.order(), " 로케이션=A-", b.two(1, 40), "-", b.two(1, 9))
	case 1:
		b.w("[WMS-DLV] 배송완료 POD 업로드 waybill=", b.a("waybill", b.digits(12)), " 기사단말 ", b.priv("sentence"), " 앱 버전 ", b.quad(), " 서명 이미지 ", b.uuid())
	default:
		b.w("[WMS-INB] 반품 환불 요청 주문번호=", b.order(), " 환불계좌 ", func() string { bank, acct := b.acct("korean_label_bank_name"); return bankName(bank) + " " + acct }(), " 요청자 ", b.email("sentence"))
	}
}

// bankName is how a bank's name is printed ("국민은행", "카카오뱅크").
func bankName(bank string) string {
	if bank == "카카오뱅크" {
		return bank
	}
	return bank + "은행"
}
