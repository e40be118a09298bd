package fifth

import (
	"encoding/base64"
	"fmt"
)

// Payment gateways, SMS gateways, Korean e-finance and identity
// verification callbacks.

func registerKorea() {
	register("pg_gateway", pgGateway)
	register("stripe", stripe)
	register("sms_gateway", smsGateway)
	register("efinance", efinance)
	register("kr_idv", krIDV)
}

// appLog is the head of a payment service's log line with its trace
// context ([service,traceId,spanId]).
func (g *gen) appLog(svc string) string {
	return fmt.Sprintf("%s %s.%03d [%s,%s,%s] %s  c.m.pay.%s - ", g.date(), g.clock(), g.n(0, 999), svc, g.l("id/trace_id", g.traceID()), g.l("id/span_id", g.spanID()), g.pick("INFO", "DEBUG"), g.pick("TossClient", "PgApiLogger", "PaymentService"))
}

func pgGateway(g *gen) string {
	head := g.appLog("pay-api")
	order := g.l("id/order", g.orderID())
	pkey := g.l("id/payment_key", "tgen_"+g.digits(14)+g.mixed(6, alnum))
	switch g.r.IntN(6) {
	case 5:
		return fmt.Sprintf("%s [admin] 가맹점 관리자 계정 발급: 가맹점=%s 사업자등록번호=%s 아이디=%s 초기 비밀번호=%s 담당자=%s 연락처=%s", g.date()+" "+g.clock(), g.l("id/merchant", "M"+g.digits(9)), g.l("id/business_no", g.num(101, 899)+"-"+g.num(81, 88)+"-"+g.digits(5)), g.userID(),
			g.s("secret", "secret/korean_label_kv", g.password()), g.nameKo(), g.s("phone", "phone/korean_label_kv", g.krMobile("-")))
	case 0:
		sk := g.pick("live_sk_", "test_sk_") + g.mixed(24, alnum)
		basic := base64.StdEncoding.EncodeToString([]byte(sk + ":"))
		return head + fmt.Sprintf(`>>> POST https://api.tosspayments.com/v1/payments/confirm Authorization: Basic %s body={"paymentKey":"%s","orderId":"%s","amount":%d}`, g.s("auth_header", "auth_header/basic_inline", basic), pkey, order, g.n(1000, 990000))
	case 1:
		return head + fmt.Sprintf(`<<< 200 {"mId":"tvivarepublica","paymentKey":"%s","orderId":"%s","status":"DONE","method":"카드","totalAmount":%d,"card":{"issuerCode":"61","acquirerCode":"31","number":"%s","installmentPlanMonths":0,"approveNo":"%s","cardType":"신용","ownerType":"개인"},"approvedAt":"%s"}`,
			pkey, order, g.n(1000, 990000), g.l("placeholder/masked_card", maskedCard(g.cardDigits())), g.l("id/approval_no", g.digits(8)), g.l("timestamp/iso", g.isoTime()))
	case 2:
		return head + fmt.Sprintf(`<<< 200 {"paymentKey":"%s","orderId":"%s","status":"WAITING_FOR_DEPOSIT","method":"가상계좌","virtualAccount":{"accountType":"일반","accountNumber":"%s","bankCode":"%s","customerName":"%s","dueDate":"%s","refundStatus":"NONE"}}`,
			pkey, order, g.s("bank_account", "bank_account/json_account_number", g.digits(14)), g.pick("20", "88", "04", "11"), g.nameKo(), g.l("timestamp/iso", g.isoTime()))
	case 3:
		bank, acct := g.bankAccount()
		return head + fmt.Sprintf(`>>> POST /v1/payments/%s/cancel body={"cancelReason":"고객 변심","refundReceiveAccount":{"bank":"%s","accountNumber":"%s","holderName":"%s"}}`, pkey, bank, g.s("bank_account", "bank_account/json_refund", acct), g.nameKo())
	default:
		return head + fmt.Sprintf("INIpay return P_STATUS=00&P_TID=%s&P_OID=%s&P_AMT=%d&P_UNAME=%s&P_EMAIL=%s&P_MOBILE=%s&P_CARD_NUM=%s",
			g.l("id/pg_tid", "INIMX_"+g.digits(20)), order, g.n(1000, 990000), pct(g.nameKo()), g.s("email", "email/percent_form", pct(g.email())), g.s("phone", "phone/form_kr_bare", g.krMobile("")), g.s("payment_card", "payment_card/form_value", g.cardDigits()))
	}
}

func stripe(g *gen) string {
	evt := g.l("id/stripe_object", "evt_"+g.mixed(24, alnum))
	pi := g.l("id/stripe_object", "pi_"+g.mixed(24, alnum))
	ts := g.l("timestamp/iso", g.isoTime())
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s stripe-webhook INFO received event %s type=payment_intent.succeeded livemode=true signature=verified", ts, evt)
	case 1:
		phone, class := g.naPhone()
		return fmt.Sprintf(`%s stripe-webhook DEBUG payload={"id":"%s","object":"event","api_version":"2023-10-16","created":%s,"data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"currency":"usd","customer":"%s","receipt_email":"%s","latest_charge":{"billing_details":{"email":"%s","phone":"%s","name":"%s"},"payment_method_details":{"card":{"brand":"visa","last4":"4242","exp_month":12,"exp_year":2027,"fingerprint":"%s"}}}}},"type":"payment_intent.succeeded"}`,
			ts, evt, g.l("timestamp/epoch_s", g.epochS()), pi, g.n(100, 99999), g.l("id/stripe_object", "cus_"+g.mixed(14, alnum)), g.s("email", "email/json_value", g.email()), g.s("email", "email/json_value", g.email()), g.s("phone", class, phone), "Olivia Smith", g.l("id/card_fingerprint", g.mixed(16, alnum)))
	case 2:
		return fmt.Sprintf("%s billing INFO stripe client configured: api_key=%s webhook_secret=%s", ts, g.s("access_key", "access_key/kv_stripe", "sk_live_"+g.mixed(24, alnum)), g.s("access_key", "access_key/kv_whsec", "whsec_"+g.mixed(32, alnum)))
	default:
		return fmt.Sprintf(`%s billing WARN card declined for customer %s: {"error":{"code":"card_declined","decline_code":"insufficient_funds","charge":"%s","payment_intent":{"id":"%s","last_payment_error":{"payment_method":{"billing_details":{"email":"%s"}}}}}}`,
			ts, g.l("id/stripe_object", "cus_"+g.mixed(14, alnum)), g.l("id/stripe_object", "ch_"+g.mixed(24, alnum)), pi, g.s("email", "email/json_value", g.email()))
	}
}

func smsGateway(g *gen) string {
	code := g.digits(6)
	ts := g.date() + " " + g.clock()
	switch g.r.IntN(5) {
	case 4:
		return fmt.Sprintf(`%s INFO [sms] kakao-alimtalk request {"templateCode":"PW_RESET_01","recipientNo":"%s","content":"[%s] %s님의 임시 비밀번호는 %s 입니다. 로그인 후 반드시 변경해 주세요.","requestDate":"%s"}`,
			ts, g.s("phone", "phone/json_kr_bare", g.krMobile("")), g.pick("쇼핑몰", "미래페이", "한빛물류"), g.nameKo(), g.s("secret", "secret/korean_temp_password", g.password()), g.l("timestamp/iso", g.isoTime()))
	case 0:
		a, e, l := g.naParts()
		to := "%2B1" + a + e + l
		return fmt.Sprintf("%s INFO twilio.http_client -- POST Request: https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json\n%s INFO twilio.http_client -- Data: Body=Your+verification+code+is+%s&From=%%2B1%s&To=%s",
			ts, g.l("id/twilio_account_sid", "AC"+g.chars(32, lowerHex)), ts, g.s("secret", "secret/otp_form_plus", code), "2015550123", g.s("phone", "phone/percent_e164", to))
	case 1:
		phone, class := g.naPhone()
		return fmt.Sprintf(`%s INFO sms-relay - twilio response {"sid":"%s","status":"queued","to":"%s","body":"Your verification code is %s","date_created":"Mon, 04 Mar 2024 01:11:12 +0000","num_segments":"1"}`,
			ts, g.l("id/twilio_message_sid", "SM"+g.chars(32, lowerHex)), g.s("phone", class, phone), g.s("secret", "secret/otp_sentence", code))
	case 2:
		return fmt.Sprintf(`%s INFO [sms] NHN Cloud request {"body":"[쇼핑몰] 인증번호 [%s]를 입력해주세요.","sendNo":"%s","recipientList":[{"recipientNo":"%s","templateParameter":{"name":"%s"}}],"userId":"%s"}`,
			ts, g.s("secret", "secret/otp_korean_bracket", code), g.l("phone_like/business_rep", "1588"+g.digits(4)), g.s("phone", "phone/json_kr_bare", g.krMobile("")), g.nameKo(), g.l("id/request_id", "REQ"+g.digits(12)))
	default:
		return fmt.Sprintf("%s INFO [sms] aligo send key=%s user_id=shopadmin sender=%s receiver=%s msg=[Web발신] 비밀번호 재설정 인증번호는 %s 입니다 msg_id=%s result_code=1",
			ts, g.s("secret", "secret/form_api_key", g.mixed(32, lowerNum)), g.l("phone_like/business_rep", "1588-"+g.digits(4)), g.s("phone", "phone/form_kr_dash", g.krMobile("-")), g.s("secret", "secret/otp_korean_sentence", code), g.l("id/msg_id", g.digits(9)))
	}
}

func efinance(g *gen) string {
	ts := fmt.Sprintf("[%s %s.%03d]", g.date(), g.clock(), g.n(0, 999))
	txid := g.l("id/tx_serial", "2024"+fmt.Sprintf("%02d%02d", g.n(1, 12), g.n(1, 28))+"-"+g.digits(7))
	_, from := g.bankAccount()
	bank, to := g.bankAccount()
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s[EFT][TRX] 거래구분=이체 채널=MB 출금계좌=%s 입금은행=%s 입금계좌=%s 예금주=%s 금액=%s 수수료=0 거래일련번호=%s 승인번호=%s 접속IP=%s 단말ID=%s 결과=정상",
			ts, g.s("bank_account", "bank_account/korean_label_kv", from), bank, g.s("bank_account", "bank_account/korean_label_kv", to), g.nameKo(), g.l("amount", fmt.Sprintf("%d,%03d", g.n(1, 999), g.n(0, 999))), txid, g.l("id/approval_no", g.digits(8)), g.ip("korean_label_kv"), g.l("id/uuid", g.uuid()))
	case 1:
		return fmt.Sprintf(`%s[EFT] transfer request {"txType":"TRANSFER","fromAccount":"%s","toBankCode":"%s","toAccount":"%s","amount":%d,"txId":"%s","clientIp":"%s"}`,
			ts, g.s("bank_account", "bank_account/json_camel_key", from), g.pick("004", "088", "020", "090"), g.s("bank_account", "bank_account/json_camel_key", to), g.n(1000, 9900000), txid, g.ip("json_value"))
	default:
		return fmt.Sprintf("%s[EFT][WARN] %s님 %s %s 계좌로 이체 실패 (잔액 부족) 거래일련번호 %s", ts, g.nameKo(), bank, g.s("bank_account", "bank_account/korean_sentence", to), txid)
	}
}

func krIDV(g *gen) string {
	ts := g.date() + " " + g.clock() + "." + g.digits(3)
	f, b := g.rrn()
	birth := "19" + f
	if b[0] == '3' || b[0] == '4' {
		birth = "20" + f
	}
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s INFO [nice-callback] CP_CD=BA%s REQ_SEQ=%s AUTH_TYPE=M NAME=%s BIRTHDATE=%s GENDER=%d NATIONALINFO=0 MOBILE_NO=%s MOBILE_CO=%s",
			ts, g.digits(4), g.l("id/request_seq", "REQ"+g.digits(14)), pct(g.nameKo()), birth, g.n(0, 1), g.s("phone", "phone/kv_kr_bare", g.krMobile("")), g.pick("SKT", "KTF", "LGT"))
	case 1:
		return fmt.Sprintf(`%s INFO [pass-auth] result={"resultCode":"0000","txId":"%s","name":"%s","birthday":"%s","gender":"%s","phoneNo":"%s","telecom":"%s"}`,
			ts, g.l("id/uuid", g.uuid()), g.nameKo(), birth, g.pick("M", "F"), g.s("phone", "phone/json_kr_dash", g.krMobile("-")), g.pick("SKT", "KT", "LGU+"))
	default:
		if g.chance(0.4) {
			return fmt.Sprintf("%s DEBUG [signup] POST /member/verify form: name=%s&jumin=%s&agree=Y", ts, pct(g.nameKo()), g.s("kr_rrn", "kr_rrn/form_bare_keyed", f+b))
		}
		return fmt.Sprintf("%s DEBUG [signup] POST /member/verify form: name=%s&jumin=%s&agree=Y (주민등록번호 표시: %s-%s)",
			ts, pct(g.nameKo()), g.s("kr_rrn", "kr_rrn/form_dashed", f+"-"+b), f, g.l("placeholder/masked_rrn", b[:1]+"******"))
	}
}

// maskedCard writes a card number the way Korean PG APIs return it: the
// first eight digits, stars, three more digits and a star.
func maskedCard(d string) string { return d[:8] + "****" + d[12:15] + "*" }
