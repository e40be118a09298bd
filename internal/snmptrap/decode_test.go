package snmptrap

import (
	"net/netip"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testSource = netip.MustParseAddrPort("192.0.2.7:40162")

func newTestDecoder(t testing.TB) *Decoder {
	t.Helper()
	d, err := NewDecoder(DecoderSettings{
		Communities: []string{"s3cret", "other"},
		Users:       testUsers(),
		EngineID:    testEngineID,
		Severities:  map[string]Severity{".1.3.6.1.4.1.8072.3.2.10.0.17": SeverityError},
	}, time.Now())
	require.NoError(t, err)
	return d
}

func wantLinkDown() []Var {
	return []Var{
		{Key: "ifIndex", OID: "1.3.6.1.2.1.2.2.1.1.3", Value: Value{Kind: KindInt, Int: 3}},
		{Key: "ifName", OID: "1.3.6.1.2.1.31.1.1.1.1.3", Value: Value{Kind: KindString, Str: "Gi0/3"}},
		{Key: "ifAdminStatus", OID: "1.3.6.1.2.1.2.2.1.7.3", Value: Value{Kind: KindInt, Int: 1}},
		{Key: "ifOperStatus", OID: "1.3.6.1.2.1.2.2.1.8.3", Value: Value{Kind: KindInt, Int: 2}},
	}
}

func TestDecodeV2cTrap(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	now := time.Unix(1_800_000_000, 0)
	r := d.Decode(v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars), testSource, now)
	require.False(t, r.Dropped, r.Detail)
	require.False(t, r.NeedsAck())
	assert.Equal(t, &Trap{
		Received: now, Source: testSource, Version: "v2c", PDUType: "trap",
		OID: "1.3.6.1.6.3.1.1.5.3", Name: "linkDown", Uptime: 123456, HasUptime: true,
		Vars: wantLinkDown(), Severity: SeverityWarn,
		Body: "linkDown from 192.0.2.7: ifIndex=3 ifName=Gi0/3 ifAdminStatus=up ifOperStatus=down",
	}, r.Trap)
}

func TestDecodeV2cInformAck(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	r := d.Decode(v2cMessage(t, "other", gosnmp.InformRequest, linkDownVars), testSource, time.Now())
	require.False(t, r.Dropped, r.Detail)
	require.True(t, r.NeedsAck())
	assert.Equal(t, "inform", r.Trap.PDUType)
	ack, err := d.Ack(&r, time.Now())
	require.NoError(t, err)
	p, err := (&gosnmp.GoSNMP{}).SnmpDecodePacket(ack)
	require.NoError(t, err)
	assert.Equal(t, gosnmp.GetResponse, p.PDUType)
	assert.Equal(t, uint32(4242), p.RequestID)
	assert.Equal(t, "other", p.Community, "the response carries the request's community")
	assert.Len(t, p.Variables, len(linkDownVars))
}

func TestDecodeV1TrapRFC3584(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	vars := []gosnmp.SnmpPDU{{Name: ".1.3.6.1.4.1.8072.2.3.2.1", Type: gosnmp.OctetString, Value: []byte{0x00, 0x16, 0x3e, 0xff}}}
	cases := []struct {
		generic, specific int
		oid, name         string
		sev               Severity
	}{
		{0, 0, "1.3.6.1.6.3.1.1.5.1", "coldStart", SeverityWarn},
		{2, 0, "1.3.6.1.6.3.1.1.5.3", "linkDown", SeverityWarn},
		{4, 0, "1.3.6.1.6.3.1.1.5.5", "authenticationFailure", SeverityWarn},
		{6, 17, "1.3.6.1.4.1.8072.3.2.10.0.17", "", SeverityError},
		{6, 18, "1.3.6.1.4.1.8072.3.2.10.0.18", "", SeverityInfo},
	}
	for _, c := range cases {
		r := d.Decode(v1Message(t, "s3cret", c.generic, c.specific, vars), testSource, time.Now())
		require.False(t, r.Dropped, r.Detail)
		tr := r.Trap
		assert.Equal(t, "v1", tr.Version)
		assert.Equal(t, "trap", tr.PDUType)
		assert.Equal(t, c.oid, tr.OID)
		assert.Equal(t, c.name, tr.Name)
		assert.Equal(t, c.sev, tr.Severity)
		assert.Equal(t, uint32(4711), tr.Uptime)
		assert.Equal(t, []Var{
			{Key: "1.3.6.1.4.1.8072.2.3.2.1", OID: "1.3.6.1.4.1.8072.2.3.2.1", Value: Value{Kind: KindString, Str: "00:16:3e:ff"}},
			{Key: "snmpTrapAddress", OID: "1.3.6.1.6.3.18.1.3.0", Value: Value{Kind: KindString, Str: "10.0.0.1"}},
			{Key: "snmpTrapEnterprise", OID: "1.3.6.1.6.3.1.1.4.3.0", Value: Value{Kind: KindString, Str: "1.3.6.1.4.1.8072.3.2.10"}},
		}, tr.Vars)
	}
}

func TestDecodeV3(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	now := time.Now()
	r := d.Decode(v3Message(t, trapuserMsg(), linkDownVars), testSource, now)
	require.False(t, r.Dropped, r.Detail)
	assert.Equal(t, "v3", r.Trap.Version)
	assert.Equal(t, "trapuser", r.Trap.User)
	assert.Equal(t, "linkDown", r.Trap.Name)
	assert.Equal(t, wantLinkDown(), r.Trap.Vars)

	auth := v3msg{user: "authonly", authPass: "authpass123", auth: gosnmp.SHA, flags: gosnmp.AuthNoPriv, engineID: senderEngineID}
	r = d.Decode(v3Message(t, auth, linkDownVars), testSource, now)
	require.False(t, r.Dropped, r.Detail)
	assert.Equal(t, "authonly", r.Trap.User)
}

func TestDecodeV3InformToLocalEngine(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	now := time.Now()
	m := trapuserMsg()
	m.typ, m.engineID = gosnmp.InformRequest, testEngineID
	m.boots, m.time = d.local.boots, d.local.time(now)
	m.flags |= gosnmp.Reportable
	r := d.Decode(v3Message(t, m, linkDownVars), testSource, now)
	require.False(t, r.Dropped, r.Detail)
	require.True(t, r.NeedsAck())
	ack, err := d.Ack(&r, now)
	require.NoError(t, err)
	// The sender checks the response with the same keys.
	g := &gosnmp.GoSNMP{Version: gosnmp.Version3, SecurityModel: gosnmp.UserSecurityModel, MsgFlags: gosnmp.AuthPriv,
		SecurityParameters: &gosnmp.UsmSecurityParameters{UserName: "trapuser", AuthoritativeEngineID: string(testEngineID),
			AuthenticationProtocol: gosnmp.SHA256, AuthenticationPassphrase: "authpass256",
			PrivacyProtocol: gosnmp.AES256, PrivacyPassphrase: "privpass256"}}
	p, err := g.UnmarshalTrap(ack, true)
	require.NoError(t, err)
	assert.Equal(t, gosnmp.GetResponse, p.PDUType)
	assert.Equal(t, uint32(4243), p.RequestID)
	assert.Equal(t, uint32(77), p.MsgID)

	// Outside the time window: dropped, with an authenticated report.
	m.time += 1000
	r = d.Decode(v3Message(t, m, linkDownVars), testSource, now)
	require.True(t, r.Dropped)
	assert.Equal(t, ReasonNotInTimeWindow, r.Reason)
	require.NotEmpty(t, r.Reply)
	g.MsgFlags = gosnmp.AuthNoPriv
	p, err = g.UnmarshalTrap(r.Reply, true)
	require.NoError(t, err)
	assert.Equal(t, gosnmp.Report, p.PDUType)
	assert.Equal(t, ".1.3.6.1.6.3.15.1.1.2.0", p.Variables[0].Name)
}

func TestDecodeDiscoveryProbe(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	probe := &gosnmp.SnmpPacket{
		Version: gosnmp.Version3, MsgFlags: gosnmp.Reportable, SecurityModel: gosnmp.UserSecurityModel,
		SecurityParameters: &gosnmp.UsmSecurityParameters{}, PDUType: gosnmp.GetRequest, MsgID: 9, RequestID: 10, MsgMaxSize: 65507,
	}
	b, err := probe.MarshalMsg()
	require.NoError(t, err)
	r := d.Decode(b, testSource, time.Now())
	require.False(t, r.Dropped, r.Detail)
	require.Nil(t, r.Trap)
	p, err := (&gosnmp.GoSNMP{Version: gosnmp.Version3, SecurityModel: gosnmp.UserSecurityModel,
		SecurityParameters: &gosnmp.UsmSecurityParameters{}}).UnmarshalTrap(r.Reply, false)
	require.NoError(t, err)
	assert.Equal(t, gosnmp.Report, p.PDUType)
	assert.Equal(t, uint32(10), p.RequestID)
	assert.Equal(t, string(testEngineID), p.SecurityParameters.(*gosnmp.UsmSecurityParameters).AuthoritativeEngineID)
	assert.Equal(t, ".1.3.6.1.6.3.15.1.1.4.0", p.Variables[0].Name)
}

func TestDecodeDrops(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	wrongAuth := trapuserMsg()
	wrongAuth.authPass = "not-the-password"
	wrongPriv := trapuserMsg()
	wrongPriv.privPass = "not-the-password"
	unknownUser := trapuserMsg()
	unknownUser.user = "mallory"
	unknownEngine := trapuserMsg()
	unknownEngine.engineID = []byte{0x80, 0, 0, 0, 9, 9, 9, 9}
	lowLevel := trapuserMsg()
	lowLevel.flags = gosnmp.AuthNoPriv
	for _, c := range []struct {
		name   string
		msg    []byte
		reason Reason
	}{
		{"wrong community", v2cMessage(t, "public", gosnmp.SNMPv2Trap, linkDownVars), ReasonUnknownCommunity},
		{"v1 wrong community", v1Message(t, "public", 0, 0, nil), ReasonUnknownCommunity},
		{"unknown user", v3Message(t, unknownUser, linkDownVars), ReasonUnknownUser},
		{"unknown engine", v3Message(t, unknownEngine, linkDownVars), ReasonUnknownEngineID},
		{"wrong auth", v3Message(t, wrongAuth, linkDownVars), ReasonWrongDigest},
		{"wrong priv", v3Message(t, wrongPriv, linkDownVars), ReasonDecryption},
		{"level below the user's", v3Message(t, lowLevel, linkDownVars), ReasonSecurityLevel},
		{"get request", v2cMessage(t, "s3cret", gosnmp.GetRequest, linkDownVars[:1]), ReasonNotNotification},
		{"garbage", []byte{0x30, 0x03, 0x02, 0x01}, ReasonMalformed},
		{"empty", nil, ReasonMalformed},
	} {
		r := d.Decode(c.msg, testSource, time.Now())
		require.True(t, r.Dropped, c.name)
		assert.Equal(t, c.reason, r.Reason, "%s: %s", c.name, r.Detail)
		assert.Nil(t, r.Trap, c.name)
		assert.NotContains(t, r.Detail, "public", "%s: a community never appears in a log line", c.name)
	}
}

func TestDecodeV3NoAuthNoPriv(t *testing.T) {
	t.Parallel()
	d, err := NewDecoder(DecoderSettings{EngineID: testEngineID, Users: []User{{Name: "plain", EngineIDs: [][]byte{senderEngineID}}}}, time.Now())
	require.NoError(t, err)
	r := d.Decode(v3Message(t, v3msg{user: "plain", engineID: senderEngineID}, linkDownVars), testSource, time.Now())
	require.False(t, r.Dropped, r.Detail)
	assert.Equal(t, "plain", r.Trap.User)
	assert.Equal(t, "linkDown", r.Trap.Name)
	// An authenticated message for a user without keys is refused.
	r = d.Decode(v3Message(t, v3msg{user: "plain", authPass: "authpass123", auth: gosnmp.SHA, flags: gosnmp.AuthNoPriv, engineID: senderEngineID}, linkDownVars), testSource, time.Now())
	require.True(t, r.Dropped)
	assert.Equal(t, ReasonSecurityLevel, r.Reason)
}

func TestDecodeWithoutTrapOID(t *testing.T) {
	t.Parallel()
	d := newTestDecoder(t)
	r := d.Decode(v2cMessage(t, "s3cret", gosnmp.SNMPv2Trap, linkDownVars[2:3]), testSource, time.Now())
	require.False(t, r.Dropped, r.Detail)
	assert.Empty(t, r.Trap.OID)
	assert.False(t, r.Trap.HasUptime)
	assert.Equal(t, "notification without snmpTrapOID from 192.0.2.7: ifIndex=3", r.Trap.Body)
}

func TestNoCommunitiesRefusesV1V2c(t *testing.T) {
	t.Parallel()
	d, err := NewDecoder(DecoderSettings{EngineID: testEngineID}, time.Now())
	require.NoError(t, err)
	r := d.Decode(v2cMessage(t, "", gosnmp.SNMPv2Trap, linkDownVars), testSource, time.Now())
	assert.True(t, r.Dropped)
	assert.Equal(t, ReasonUnknownCommunity, r.Reason)
}

func TestOctetsAndNames(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "Gi0/3 uplink", octets([]byte("Gi0/3 uplink")))
	assert.Equal(t, "café", octets([]byte("café")))
	assert.Equal(t, "61:62:00", octets([]byte("ab\x00")))
	assert.Equal(t, "ff:fe", octets([]byte{0xff, 0xfe}))
	n := NewNames(nil)
	name, idx, ok := n.Lookup("1.3.6.1.2.1.2.2.1.8.12")
	assert.True(t, ok)
	assert.Equal(t, "ifOperStatus", name)
	assert.Equal(t, "12", idx)
	_, _, ok = n.Lookup("1.3.6.1.4.1.99999.1")
	assert.False(t, ok)
}
