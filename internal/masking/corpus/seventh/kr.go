package seventh

import (
	"fmt"
	"strings"
)

// Korean business systems and devices: 전자세금계산서 XML, 급여 이체 CSV,
// 쇼핑몰 주문 CSV, 콜센터 CTI/IVR, VAN/POS/ATM journals, game servers,
// MQTT device payloads, telecom CDR CSV.

var addrs = []string{"서울특별시 강남구 테헤란로 152", "경기도 성남시 분당구 판교역로 235", "부산광역시 해운대구 센텀중앙로 79", "서울특별시 마포구 월드컵북로 396", "대전광역시 유성구 대학로 99"}

func etax(b *builder) {
	d := fmt.Sprintf("202612%02d", b.n(1, 31))
	b.w(`<TaxInvoice xmlns="urn:kr:or:kec:standard:Tax:ReusableAggregateBusinessInformationEntitySchemaModule:1:0"><ExchangedDocument><IssueDateTime>`, b.la("timestamp_compact", d+fmt.Sprintf("%02d%02d%02d", b.n(0, 23), b.n(0, 59), b.n(0, 59))),
		`</IssueDateTime></ExchangedDocument><TaxInvoiceDocument><IssueID>`, b.la("approval_no", d+b.num(8)+b.num(8)), `</IssueID><TypeCode>0101</TypeCode><IssueDateTime>`, d,
		`</IssueDateTime></TaxInvoiceDocument><TaxInvoiceTradeSettlement><InvoicerParty><ID>`, b.la("business_no", b.numNZ(10)), `</ID><NameText>(주)에이비씨상사</NameText><SpecifiedPerson><NameText>`, b.koName(),
		`</NameText></SpecifiedPerson><DefinedContact><DepartmentNameText>재무팀</DepartmentNameText><PersonNameText>`, b.koName(), `</PersonNameText><TelephoneCommunication>`, b.sec("phone/kr_landline/xml_element", b.krLandline()),
		`</TelephoneCommunication><URICommunication>`, b.email("xml_element"), `</URICommunication></DefinedContact></InvoicerParty><InvoiceeParty><ID>`)
	if b.coin(0.3) {
		b.w(b.rrnv("etax_invoicee_id_bare", false), `</ID><TypeCode>02</TypeCode><NameText>`, b.koName())
	} else {
		b.w(b.la("business_no", b.numNZ(10)), `</ID><TypeCode>01</TypeCode><NameText>(주)가나다유통`)
	}
	b.w(`</NameText><PrimaryDefinedContact><PersonNameText>`, b.koName(), `</PersonNameText><TelephoneCommunication>`, b.mobile("xml_element"), `</TelephoneCommunication><URICommunication>`,
		b.email("xml_element"), `</URICommunication></PrimaryDefinedContact></InvoiceeParty><SpecifiedMonetarySummation><ChargeTotalAmount>`, b.intn(10000, 9000000),
		`</ChargeTotalAmount><TaxTotalAmount>`, b.intn(1000, 900000), `</TaxTotalAmount></SpecifiedMonetarySummation></TaxInvoiceTradeSettlement></TaxInvoice>`)
}

// payroll is a row of a 급여 이체 (salary transfer) CSV export: 사번, 성명,
// 주민등록번호, 부서, 은행, 계좌번호, 지급액, 공제액, 실지급액, 휴대폰, 이메일.
func payroll(b *builder) {
	bank, acct := b.bank()
	var rrn string
	if b.coin(0.25) {
		rrn = b.la("placeholder_masked", b.rrn(true)[:8]+"******")
	} else {
		rrn = b.rrnv("csv_row_dashed", true)
	}
	if b.coin(0.3) {
		acct = strings.ReplaceAll(acct, "-", "")
		acct = b.sec("bank_account/csv_after_bank_bare", acct)
	} else {
		acct = b.sec("bank_account/csv_after_bank", acct)
	}
	pay := b.n(2500000, 9000000)
	ded := pay / b.n(7, 12)
	b.w(b.la("employee_no", "E2026"+b.num(4)), ",", b.koName(), ",", rrn, ",", b.pick("재무팀", "개발1팀", "영업본부", "인사팀"), ",", bank, ",", acct, ",", fmt.Sprint(pay), ",", fmt.Sprint(ded), ",",
		fmt.Sprint(pay-ded), ",", b.mobile("csv_row"), ",", b.email("csv_row"))
}

// shopOrder is a row of a shop's 주문 엑셀/CSV export: 주문번호, 주문일시,
// 주문자명, 주문자 휴대전화, 주문자 이메일, 수령인, 수령인 연락처, 우편번호,
// 배송지, 결제수단, 결제금액, 환불은행, 환불계좌.
func shopOrder(b *builder) {
	refundBank, refundAcct := "", ""
	if b.coin(0.4) {
		var acct string
		refundBank, acct = b.bank()
		refundAcct = b.sec("bank_account/csv_after_bank", acct)
	}
	recv := ""
	if b.coin(0.3) {
		recv = b.la("placeholder_masked", "010-****-"+b.num(4))
	} else {
		recv = b.phone("csv_row")
	}
	b.w(b.orderL(), ",", b.clockL(" ", 0, ""), ",", b.koName(), ",", b.mobile("csv_row"), ",", b.email("csv_row"), ",", b.koName(), ",", recv, ",", b.la("zipcode", b.num(5)), `,"`,
		b.pick(addrs...), ` `, b.intn(1, 30), `층",`, b.pick("신용카드", "무통장입금", "카카오페이", "네이버페이"), ",", b.intn(1000, 900000), ",", refundBank, ",", refundAcct)
}

func cti(b *builder) {
	call := b.la("call_id", b.compactTime()+b.num(6))
	b.w(b.clockL(" ", 3, "."), " [CTI] ")
	switch b.r.IntN(5) {
	case 0:
		b.w("EVT_RINGING CallID=", call, " ANI=", b.sec("phone/kr_mobile_bare/cti_ani", b.krMobile("")), " DNIS=1588", b.num(4), " Queue=", b.pick("카드분실", "상담일반", "배송문의"))
	case 1:
		b.w("EVT_ESTABLISHED CallID=", call, " AgentID=A", b.num(4), " Ext=3", b.num(3), " ANI=", b.sec("phone/kr_mobile_bare/cti_ani", b.krMobile("")), " WaitTime=", b.intn(1, 300))
	case 2:
		b.w("IVR_INPUT CallID=", call, " Menu=카드분실신고 Step=CARD_NO Digits=", b.card("ivr_digits"), " Result=OK")
	case 3:
		b.w("IVR_INPUT CallID=", call, " Menu=본인확인 Step=JUMIN Digits=", b.rrnv("ivr_digits_bare", false), " Result=OK")
	default:
		bank, acct := b.bank()
		b.w("AGENT_MEMO CallID=", call, " 고객 요청: 환불 계좌 ", bank, " ", b.sec("bank_account/korean_memo", acct), " 로 입금 요망, 연락처 ", b.mobile("korean_memo"))
	}
}

func vanPOS(b *builder) {
	b.w("[", b.clockL(" ", 0, ""), "] ")
	switch b.r.IntN(5) {
	case 0:
		n, _ := b.cardNumber()
		b.w("[VAN] REQ 0200 TID=", b.la("terminal_id", "1"+b.num(9)), " CARD=", b.la("placeholder_masked", n[:4]+"-"+n[4:6]+"**-****-"+n[len(n)-4:]), " AMT=", b.intn(1000, 900000), " INST=00")
	case 1:
		n := b.card("pos_track2")
		b.w("[POS] MSR READ TRACK2=;", n, "=", fmt.Sprintf("%02d%02d", b.n(27, 31), b.n(1, 12)), "101", b.num(12), "? len=", b.intn(30, 40))
	case 2:
		b.w("[ATM] WITHDRAWAL CARD NO: ", b.sec("payment_card/atm_journal_grouped", groupCard(b.cardNumberOnly(), " ")), " AMOUNT: ", b.intn(1, 90), "0,000 SEQ: ", b.num(4))
	case 3:
		_, acct := b.bank()
		b.w("[ATM] TRANSFER FROM ACCOUNT: ", b.sec("bank_account/atm_journal_label", acct), " AMOUNT: ", b.intn(1, 90), "0,000 SEQ: ", b.num(4), " RESP: 00")
	default:
		b.w("[VAN] 현금영수증 승인 식별번호=", b.mobile("cash_receipt_id"), " 금액=", b.intn(1000, 90000), " 승인번호=", b.la("approval_no", b.numNZ(9)))
	}
}

func (g gen) cardNumberOnly() string {
	n, _ := g.cardNumber()
	return n
}

func gameServer(b *builder) {
	b.w("[", b.clockL(" ", 3, "."), "]")
	switch b.r.IntN(5) {
	case 0:
		b.w("[INFO][LoginServer] account login ok uid=", b.intn(1000000, 9999999), " ip=", b.addr("game_kv_ip"), " device=SM-S9", b.intn(10, 28), "N os=Android 14 client_version=", b.gameBuild())
	case 1:
		b.w("[WARN][LoginServer] login failed account=", b.email("game_kv"), " reason=BAD_PASSWORD ip=", b.ip("game_kv_ip"), " client_version=", b.gameBuild())
	case 2:
		b.w("[INFO][PaymentServer] purchase verified store=google orderId=", b.la("order_id", "GPA."+b.num(4)+"-"+b.num(4)+"-"+b.num(4)+"-"+b.num(5)), " productId=gem_", b.intn(100, 9000), " price=", b.intn(1000, 99000), " KRW uid=", b.intn(1000000, 9999999))
	case 3:
		b.w(`[INFO][ChatServer] report uid=`, b.intn(1000000, 9999999), ` reason=SPAM message="내 번호 `, b.mobile("chat_message_prose"), ` 로 연락주세요"`)
	default:
		b.w("[INFO][GuildServer] guild ", b.intn(1000, 99999), " created by uid=", b.intn(1000000, 9999999), " session=", b.uuid(), " took ", b.durL())
	}
}

// gameBuild is a game client's four-part build number.
func (b *builder) gameBuild() string {
	return b.la("version/quad", fmt.Sprintf("1.%d.%d.%d", b.n(20, 30), b.n(0, 9), b.n(1, 250)))
}

func mqttIoT(b *builder) {
	dev := b.la("device_id", "sensor-"+b.hex(12))
	switch b.r.IntN(4) {
	case 0:
		b.w(`{"deviceId":"`, dev, `","ts":`, b.epochL(), `,"fw":"`, b.quadL(), `","rssi":-`, b.intn(40, 90), `,"ip":"`, b.ip("iot_json_ip"), `","payload":{"temp":`, b.intn(15, 30), `.`, b.intn(0, 9), `,"hum":`, b.intn(20, 80), `}}`)
	case 1:
		b.w(`{"deviceId":"`, dev, `","cmd":"register","owner":{"email":"`, b.email("iot_json"), `","phone":"`, b.phone("iot_json"), `"},"ts":`, b.epochL(), `}`)
	case 2:
		b.w(`{"deviceId":"`, dev, `","cmd":"mqtt_config","broker":"mqtts://iot.example.com:8883","username":"`, dev, `","password":"`, b.sec("secret/iot_json_password", b.randomSecret(20)), `","ts":`, b.epochL(), `}`)
	default:
		b.w(`{"deviceId":"`, dev, `","cmd":"ota","url":"https://fw.example.com/images/sensor-fw-`, b.quadL(), `.bin?X-Amz-Expires=900","sha256":"`, b.la("digest", b.hex(64)), `","ts":`, b.epochL(), `}`)
	}
}

// cdr is a row of a telecom call detail record CSV: record type, call id,
// calling, called, start, answer, end, duration, disposition, trunk, cell.
func cdr(b *builder) {
	calling := ""
	if b.coin(0.5) {
		calling = b.sec("phone/kr_mobile_bare/csv_cdr", b.krMobile(""))
	} else {
		calling = b.sec("phone/kr_e164/csv_cdr", "+8210"+b.from("23456789", 1)+b.num(7))
	}
	var called string
	if b.coin(0.3) {
		called = b.phone("csv_cdr")
	} else {
		called = b.sec("phone/kr_landline_bare/csv_cdr", strings.ReplaceAll(b.krLandline(), "-", ""))
	}
	st := b.clock(" ", 0, "")
	b.w(b.pick("MOC", "MTC"), ",", b.uuidL(), ",", calling, ",", called, ",", b.la("timestamp", st), ",", st, ",", st, ",", b.intn(0, 3600), ",", b.pick("ANSWERED", "NO ANSWER", "BUSY"), ",",
		b.pick("SKT-TRK-01", "KT-SIP-02", "LGU-TRK-03"), ",", b.la("cell_id", "450-0"+b.intn(1, 8)+"-"+b.intn(1000, 9999)+"-"+b.intn(10000, 99999)))
}
