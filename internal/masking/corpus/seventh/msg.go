package seventh

import (
	"fmt"
	"net/url"
	"strings"
)

// Mail, messaging and payment APIs: qmail, Mailgun webhooks, Vonage
// delivery receipts, KakaoPay, 공공데이터포털 (data.go.kr) API calls.

func qmail(b *builder) {
	b.w("@", b.la("tai64n", b.gen.tai64n()), " ")
	msg := b.intn(100000, 9999999)
	switch b.r.IntN(4) {
	case 0:
		b.w("info msg ", msg, ": bytes ", b.intn(500, 900000), " from <", b.email("qmail_envelope"), "> qp ", b.intn(1000, 90000), " uid ", b.intn(80, 2000))
	case 1:
		b.w("starting delivery ", b.intn(1, 9000), ": msg ", msg, " to remote ", b.email("qmail_delivery"))
	case 2:
		b.w("delivery ", b.intn(1, 9000), ": success: ", b.ip("qmail_underscored"), "_accepted_message./Remote_host_said:_250_2.0.0_OK_", b.epochS(), "_", b.la("smtp_queue_id", b.from(lower+digits, 12)), "/")
	default:
		b.w("status: local ", b.intn(0, 9), "/10 remote ", b.intn(0, 20), "/20 new msg ", msg)
	}
}

func mailgun(b *builder) {
	rcpt := b.email("webhook_recipient")
	ev := b.pick("delivered", "opened", "failed")
	b.w(`{"signature":{"timestamp":"`, b.epochS(), `","token":"`, b.hex(50), `","signature":"`, b.hex(64),
		`"},"event-data":{"event":"`, ev, `","id":"`, b.la("event_id", b.mixed(alnum+"-_", 22)), `","timestamp":`, b.epochS(), ".", b.num(6), `,"recipient":"`, rcpt,
		`","envelope":{"sending-ip":"`, b.ip("webhook_sending_ip"), `","sender":"bounce@mg.shop.example.com","transport":"smtp"},"message":{"headers":{"to":"`, rcpt,
		`","from":"Shop <no-reply@shop.example.com>","subject":"주문이 접수되었습니다 (`, b.orderL(), `)"},"size":`, b.intn(1000, 90000), `},"delivery-status":{"code":250,"message":"OK","attempt-no":1,"session-seconds":`, fmt.Sprintf("%d.%03d", b.n(0, 9), b.n(0, 999)), `}}}`)
}

func vonage(b *builder) {
	msisdn := ""
	switch b.r.IntN(3) {
	case 0:
		msisdn = b.sec("phone/intl_bare/msisdn", "8210"+b.from("23456789", 1)+b.num(7))
	case 1:
		msisdn = b.sec("phone/intl_bare/msisdn", "447700900"+b.num(3))
	default:
		msisdn = b.sec("phone/intl_bare/msisdn", "1"+b.pick("415", "212", "646")+b.from("23456789", 1)+b.num(6))
	}
	d, h, m, s, _ := b.tsParts()
	b.w(`{"msisdn":"`, msisdn, `","to":"ACME","network-code":"`, b.pick("45005", "23410", "310260"), `","messageId":"`, b.la("message_id", strings.ToUpper(b.hex(16))), `","price":"0.0`, b.num(7),
		`","status":"`, b.pick("delivered", "accepted", "failed"), `","scts":"`, fmt.Sprintf("2612%02d%02d%02d", d, h, m), `","err-code":"0","api-key":"`, b.hex(8),
		`","message-timestamp":"`, b.la("timestamp", fmt.Sprintf("2026-12-%02d %02d:%02d:%02d", d, h, m, s)), `"}`)
}

func kakaopay(b *builder) {
	b.w(b.clockL(" ", 3, "."), " ", b.pick("INFO ", "DEBUG"), " [kakaopay-client] ")
	switch b.r.IntN(4) {
	case 0:
		b.w(">> POST https://kapi.kakao.com/v1/payment/approve headers={Authorization=KakaoAK ", b.sec("auth_header/kakaoak_scheme", b.hex(32)),
			", Content-type=application/x-www-form-urlencoded;charset=utf-8}")
	case 1:
		b.w(">> body cid=TC0ONETIME&tid=", b.la("payment_tid", "T"+b.numNZ(19)), "&partner_order_id=", b.orderL(), "&partner_user_id=", b.sec("email/form_percent", b.emailPct()),
			"&pg_token=", b.sec("secret/form_pg_token", b.mixed(alnum, 20)))
	case 2:
		b.w(`<< 200 {"aid":"`, b.la("payment_aid", "A"+b.numNZ(19)), `","tid":"`, b.la("payment_tid", "T"+b.numNZ(19)), `","cid":"TC0ONETIME","partner_order_id":"`, b.orderL(), `","partner_user_id":"`, b.email("json_partner_user_id"),
			`","payment_method_type":"CARD","amount":{"total":`, b.intn(1000, 900000), `,"tax_free":0,"vat":`, b.intn(100, 9000), `},"card_info":{"purchase_corp":"비씨카드","issuer_corp":"`, b.pick("KB국민카드", "신한카드", "현대카드"),
			`","card_type":"신용","install_month":"00"},"approved_at":"`, b.isoL(0, ""), `"}`)
	default:
		b.w(">> POST https://open-api.kakaopay.com/online/v1/payment/ready headers={Authorization=SECRET_KEY ", b.sec("auth_header/kakaopay_secret_key_scheme", "DEV"+strings.ToUpper(b.hex(35))),
			", Content-Type=application/json}")
	}
}

// dataGoKrKey is a 공공데이터포털 service key in its "Encoding" form: the
// base64 key with + / = percent-encoded, as the portal hands it out.
func (b *builder) dataGoKrKey() string {
	raw := b.mixed(b64s, 86) + "=="
	return url.QueryEscape(raw)
}

func dataGoKr(b *builder) {
	b.w(b.clockL(" ", 3, "."), " ", b.pick("DEBUG", "INFO "), " [PublicDataClient] ")
	switch b.r.IntN(4) {
	case 0:
		b.w("GET https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0/getVilageFcst?serviceKey=", b.sec("secret/datagokr_service_key", b.dataGoKrKey()),
			"&pageNo=1&numOfRows=1000&dataType=JSON&base_date=20261202&base_time=0500&nx=", b.intn(50, 100), "&ny=", b.intn(100, 130))
	case 1:
		b.w(`POST https://api.odcloud.kr/api/nts-businessman/v1/status?serviceKey=`, b.sec("secret/datagokr_service_key", b.dataGoKrKey()), ` body={"b_no":["`, b.la("business_no", b.numNZ(10)), `"]}`)
	case 2:
		b.w(`<< {"response":{"header":{"resultCode":"30","resultMsg":"SERVICE_KEY_IS_NOT_REGISTERED_ERROR"}}} took `, b.durL())
	default:
		b.w(`<< 200 {"status_code":"OK","match_cnt":1,"data":[{"b_no":"`, b.la("business_no", b.numNZ(10)), `","b_stt":"계속사업자","b_stt_cd":"01","tax_type":"부가가치세 일반과세자"}]} took `, b.durL())
	}
}
