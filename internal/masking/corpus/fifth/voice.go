package fifth

import (
	"fmt"
	"strings"
)

// Telephony (SIP PBX and proxies) and health-care interface formats.

func registerVoiceHealth() {
	register("asterisk", asterisk)
	register("freeswitch", freeswitch)
	register("kamailio", kamailio)
	register("hl7v2", hl7v2)
	register("fhir", fhir)
}

// dialNumber plants a number as a PBX dials it: Korean mobile bare or
// E.164, or a North American E.164 number.
func (g *gen) dialNumber() string {
	switch g.r.IntN(3) {
	case 0:
		return g.s("phone", "phone/kr_mobile_bare", g.krMobile(""))
	case 1:
		return g.s("phone", "phone/e164", g.e164())
	default:
		return g.s("phone", "phone/kr_landline_bare", "02"+g.num(2000, 9999)+g.digits(4))
	}
}

// sipUA returns a desk phone or softphone user agent; the firmware of many
// phones is a four-part version that fits in octets.
func (g *gen) sipUA() string {
	switch g.r.IntN(4) {
	case 0:
		return "Yealink SIP-T46S " + g.l("version/sip_firmware", "66."+g.num(80, 86)+".0."+g.num(10, 160))
	case 1:
		return "Grandstream GXP2170 " + g.l("version/sip_firmware", "1.0.11."+g.num(10, 80))
	case 2:
		return "Linphone/" + g.l("version/product_token", "5.2."+g.num(0, 5)) + " (belle-sip/5.2.0)"
	default:
		return "Z " + g.l("version/sip_firmware", "5.6."+g.num(1, 9)) + " v2.10.20." + g.num(1, 9)
	}
}

func asterisk(g *gen) string {
	ts := fmt.Sprintf("[%s %2d %s]", g.month(), g.n(1, 28), g.clock())
	chID := "0000" + g.chars(4, lowerHex)
	ch := fmt.Sprintf("PJSIP/%d-%s", g.n(1001, 1099), chID)
	cid := fmt.Sprintf("C-%s", g.chars(8, lowerHex))
	switch g.r.IntN(6) {
	case 0:
		g.l("id/channel", chID)
		n := g.dialNumber()
		return fmt.Sprintf(`%s VERBOSE[%d][%s] pbx.c: Executing [%s@from-internal:1] Dial("%s", "PJSIP/%s@sk-trunk,60,Tt") in new stack`, ts, g.n(1000, 99999), cid, n, ch, n)
	case 1:
		return fmt.Sprintf(`%s NOTICE[%d] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '<sip:%d@%s>' failed for '%s:%s' (callid: %s) - Failed to authenticate`, ts, g.n(1000, 99999), g.n(1001, 1099), g.ip("sip_uri_host"), g.ip("sip_log"), g.pick("5060", "5061", g.port()), g.l("id/sip_callid", g.chars(32, lowerHex)))
	case 2:
		g.l("id/channel", chID)
		num := g.s("phone", "phone/intl_dash", g.krMobileIntl())
		return fmt.Sprintf(`%s VERBOSE[%d][%s] pbx.c: Executing [s@macro-dialout:7] Set("%s", "CALLERID(num)=%s") in new stack`, ts, g.n(1000, 99999), cid, ch, num)
	case 3:
		g.l("id/channel", chID)
		src, dst := g.dialNumber(), g.dialNumber()
		name := strings.ToUpper(g.pick(familyRoman...)) + " " + g.pick(givenRoman...)
		uid := g.l("id/cdr_uniqueid", g.epochS()+"."+g.num(1, 999))
		return fmt.Sprintf(`"","%s","%s","from-internal","""%s"" <%s>","%s","PJSIP/sk-trunk-%s","Dial","PJSIP/%s@sk-trunk,60","%s %s","%s %s","%s %s",%d,%d,"ANSWERED","DOCUMENTATION","%s",""`,
			src, dst, name, src, ch, g.chars(8, lowerHex), dst, g.date(), g.clock(), g.date(), g.clock(), g.date(), g.clock(), g.n(10, 900), g.n(5, 880), uid)
	case 4:
		return fmt.Sprintf("[%d-auth]\ntype=auth\nauth_type=userpass\nusername=%d\npassword=%s", g.n(1001, 1099), g.n(1001, 1099), g.s("secret", "secret/ini_password", g.password()))
	default:
		return fmt.Sprintf(`%s VERBOSE[%d] res_pjsip_logger.c: <--- Received SIP request (%d bytes) from UDP:%s:5060 --->
REGISTER sip:pbx.example.com SIP/2.0
Via: SIP/2.0/UDP %s:5060;rport;branch=z9hG4bK%s
User-Agent: %s
Expires: 3600`, ts, g.n(1000, 99999), g.n(400, 900), g.ip("sip_log"), g.ip("sip_via"), g.chars(10, lowerNum), g.sipUA())
	}
}

func freeswitch(g *gen) string {
	uuid := g.l("id/uuid", g.uuid())
	ts := fmt.Sprintf("2024-%02d-%02d %s.%06d", g.n(1, 12), g.n(1, 28), g.clock(), g.n(0, 999999))
	switch g.r.IntN(5) {
	case 0:
		n := g.dialNumber()
		return fmt.Sprintf("%s [NOTICE] switch_channel.c:1118 New Channel sofia/external/%s@%s [%s]", ts, n, g.ip("sip_uri_host"), uuid)
	case 1:
		name := g.pick(westGiven...)
		return fmt.Sprintf("%s %s [INFO] mod_dialplan_xml.c:637 Processing %s <%s>->%s in context public", uuid, ts, name, g.dialNumber(), g.dialNumber())
	case 2:
		return fmt.Sprintf("%s [WARNING] sofia_reg.c:%d SIP auth failure (REGISTER) on sofia profile 'internal' for [%d@%s] from ip %s", ts, g.n(1700, 3300), g.n(1000, 1999), "pbx.example.com", g.ip("from_ip"))
	case 3:
		return fmt.Sprintf(`%s [DEBUG] sofia.c:%d loading gateway config <gateway name="carrier-%d"><param name="username" value="%s"/><param name="password" value="%s"/><param name="proxy" value="%s"/><param name="register" value="true"/></gateway>`,
			ts, g.n(4000, 6000), g.n(1, 9), g.userID(), g.s("secret", "secret/xml_param_name_value", g.password()), g.ip("xml_param"))
	default:
		return fmt.Sprintf("%s [NOTICE] switch_core.c:2460 FreeSWITCH Version %s-release+git~20231222T180735Z~%s~64bit (git %s 2023-12-22 18:07:35Z 64bit) started", ts, g.l("version/banner", "1.10."+g.num(9, 11)), g.l("id/commit_short", g.chars(10, lowerHex)), g.chars(7, lowerHex))
	}
}

func kamailio(g *gen) string {
	hdr := fmt.Sprintf("%s %2d %s sbc01 /usr/sbin/kamailio[%d]: ", g.month(), g.n(1, 28), g.clock(), g.n(1000, 60000))
	callid := g.l("id/sip_callid", g.chars(8, lowerHex)+"-"+g.chars(8, lowerHex)+"-"+g.chars(8, lowerHex))
	switch g.r.IntN(4) {
	case 0:
		u := g.s("phone", "phone/sip_uri_user", g.krMobile(""))
		return fmt.Sprintf("%sINFO: <script>: REGISTER from sip:%s@ims.example.kr to sip:%s@ims.example.kr src=%s:%s ua=[%s] ci=%s", hdr, u, u, g.ip("kv_src"), g.port(), g.sipUA(), callid)
	case 1:
		to := g.s("phone", "phone/sip_tel_uri", g.e164())
		return fmt.Sprintf("%sNOTICE: <script>: INVITE sip:%s@%s;user=phone from sip:%d@pbx.example.com (IP:%s:5060) rejected: 403 Forbidden ci=%s", hdr, to, g.ip("sip_uri_host"), g.n(1000, 1999), g.ip("paren_ip"), callid)
	case 2:
		return fmt.Sprintf("%sERROR: auth_db [authorize.c:%d]: auth_check_response(): invalid password for user %d@pbx.example.com from %s ua=%s", hdr, g.n(100, 600), g.n(1000, 1999), g.ip("from_ip"), g.sipUA())
	default:
		pai := g.s("phone", "phone/na_intl_dash", "+1-"+strings.Join(func() []string { a, e, l := g.naParts(); return []string{a, e, l} }(), "-"))
		return fmt.Sprintf("%sINFO: <script>: P-Asserted-Identity: <tel:%s> rd=%s dlg=%s duration=%s", hdr, pai, g.ip("kv_rd"), g.l("id/dialog", g.num(1000, 9999)+":"+g.num(10000, 99999)), g.l("duration/seconds", g.num(1, 900)+"s"))
	}
}

func hl7v2(g *gen) string {
	ts := g.l("timestamp/hl7_ts", fmt.Sprintf("2024%02d%02d%02d%02d%02d", g.n(1, 12), g.n(1, 28), g.n(0, 23), g.n(0, 59), g.n(0, 59)))
	ctl := g.l("id/hl7_control", "MSG"+g.digits(8))
	mrn := g.digits(8) // a medical record number is personal data: claimed neither way
	fam, giv := strings.ToUpper(g.pick(familyRoman...)), strings.ToUpper(g.pick(givenRoman...))
	birth := fmt.Sprintf("19%02d%02d%02d", g.n(40, 99), g.n(1, 12), g.n(1, 28))
	phone := g.s("phone", "phone/hl7_xtn", g.krMobile("-"))
	tel := phone + "^PRN^PH"
	if g.maybe() {
		tel += "~^NET^Internet^" + g.s("email", "email/hl7_xtn", g.email())
	}
	pid19 := ""
	if g.maybe() {
		f, b := g.rrn()
		pid19 = g.s("kr_rrn", "kr_rrn/hl7_pid19", f+"-"+b)
	}
	segs := []string{
		fmt.Sprintf(`MSH|^~\&|EPIC|SEOULHOSP|LAB|SEOULHOSP|%s||ADT^A04^ADT_A01|%s|P|2.5.1`, ts, ctl),
		"EVN|A04|" + ts,
		fmt.Sprintf("PID|1||%s^^^SEOULHOSP^MR||%s^%s^^^^^L||%s|%s|||%d Teheran-ro^^Seoul^^06%03d^KR||%s|||||||%s", mrn, fam, giv, birth, g.pick("M", "F"), g.n(1, 500), g.n(100, 999), tel, pid19),
	}
	if g.maybe() {
		segs = append(segs, fmt.Sprintf("NK1|1|%s^%s|SPO||%s", fam, strings.ToUpper(g.pick(givenRoman...)), g.s("phone", "phone/hl7_xtn", g.krMobile("-"))))
	}
	segs = append(segs, fmt.Sprintf("PV1|1|O|OPD^%d^1||||%d^LEE^JIHO|||MED", g.n(100, 400), g.n(1000, 9999)))
	if g.chance(0.5) {
		return fmt.Sprintf("%s INFO  [hl7-listener-%d] Received message from %s:%s: %s", g.date()+" "+g.clock(), g.n(1, 8), g.ip("mllp_peer"), g.port(), strings.Join(segs, `\r`))
	}
	return strings.Join(segs, "\n")
}

func fhir(g *gen) string {
	id := "pat-" + g.digits(6)
	var body string
	if g.chance(0.4) {
		body = fmt.Sprintf(`{"resourceType":"Observation","id":"%s","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"%s","display":"Hemoglobin A1c"}]},"subject":{"reference":"Patient/%s","display":"%s"},"effectiveDateTime":"%s","valueQuantity":{"value":%d.%d,"unit":"%%"},"performer":[{"display":"%s"}]}`,
			g.l("id/fhir_resource", "obs-"+g.digits(6)), g.l("id/loinc", "4548-4"), g.l("id/fhir_resource", id), g.pick("Kim Minsu", "Lee Jiwoo"), g.l("timestamp/iso", g.isoTime()), g.n(4, 12), g.n(0, 9), g.s("email", "email/fhir_performer", g.email()))
	} else {
		f, b := g.rrn()
		rrn := f + "-" + b
		g.l("id/fhir_resource", id)
		oid := g.l("id/oid", "1.2.410.100110.10."+g.digits(8))
		body = fmt.Sprintf(`{"resourceType":"Patient","id":"%s","meta":{"versionId":"%d","lastUpdated":"%s"},"identifier":[{"system":"urn:oid:%s","value":"%s"}],"name":[{"family":"%s","given":["%s"]}],"telecom":[{"system":"phone","value":"%s","use":"mobile"},{"system":"email","value":"%s"}],"gender":"%s","birthDate":"19%02d-%02d-%02d"}`,
			id, g.n(1, 9), g.l("timestamp/iso", g.isoTime()), oid, g.s("kr_rrn", "kr_rrn/fhir_identifier", rrn), g.pick("Kim", "Lee", "Park"), g.pick("Minsu", "Jiwoo", "Seoyeon"),
			g.s("phone", "phone/fhir_telecom", g.pick(g.krMobile("-"), g.krMobileIntl(), g.intlPhone())), g.s("email", "email/fhir_telecom", g.email()), g.pick("male", "female"), g.n(40, 99), g.n(1, 12), g.n(1, 28))
	}
	return fmt.Sprintf("%s INFO  [http-nio-8080-exec-%d] ca.uhn.fhir.rest.server.interceptor.LoggingInterceptor - Path[/Patient] Source[%s] Operation[create Patient] UA[%s] Params[] ResponseEncoding[JSON] Body[%s]",
		g.date()+" "+g.clock()+"."+g.digits(3), g.n(1, 40), g.ip("bracket_source"), "HAPI-FHIR/"+g.l("version/product_token", "7.0.2")+" (FHIR Client; FHIR 4.0.1/R4)", body)
}
