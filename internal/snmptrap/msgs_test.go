package snmptrap

import (
	"testing"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/require"
)

// Messages for the tests are encoded by gosnmp, an encoder independent of
// the receiver's header parser, as a sending agent would.

var linkDownVars = []gosnmp.SnmpPDU{
	{Name: ".1.3.6.1.2.1.1.3.0", Type: gosnmp.TimeTicks, Value: uint32(123456)},
	{Name: ".1.3.6.1.6.3.1.1.4.1.0", Type: gosnmp.ObjectIdentifier, Value: ".1.3.6.1.6.3.1.1.5.3"},
	{Name: ".1.3.6.1.2.1.2.2.1.1.3", Type: gosnmp.Integer, Value: 3},
	{Name: ".1.3.6.1.2.1.31.1.1.1.1.3", Type: gosnmp.OctetString, Value: []byte("Gi0/3")},
	{Name: ".1.3.6.1.2.1.2.2.1.7.3", Type: gosnmp.Integer, Value: 1},
	{Name: ".1.3.6.1.2.1.2.2.1.8.3", Type: gosnmp.Integer, Value: 2},
}

func v2cMessage(t testing.TB, community string, typ gosnmp.PDUType, vars []gosnmp.SnmpPDU) []byte {
	t.Helper()
	p := &gosnmp.SnmpPacket{Version: gosnmp.Version2c, Community: community, PDUType: typ, RequestID: 4242, Variables: vars}
	b, err := p.MarshalMsg()
	require.NoError(t, err)
	return b
}

func v1Message(t testing.TB, community string, generic, specific int, vars []gosnmp.SnmpPDU) []byte {
	t.Helper()
	p := &gosnmp.SnmpPacket{
		Version: gosnmp.Version1, Community: community, PDUType: gosnmp.Trap, Variables: vars,
		SnmpTrap: gosnmp.SnmpTrap{
			Enterprise: ".1.3.6.1.4.1.8072.3.2.10", AgentAddress: "10.0.0.1",
			GenericTrap: generic, SpecificTrap: specific, Timestamp: 4711,
		},
	}
	b, err := p.MarshalMsg()
	require.NoError(t, err)
	return b
}

type v3msg struct {
	user, authPass, privPass string
	auth                     gosnmp.SnmpV3AuthProtocol
	priv                     gosnmp.SnmpV3PrivProtocol
	flags                    gosnmp.SnmpV3MsgFlags
	engineID                 []byte
	boots, time              uint32
	typ                      gosnmp.PDUType
}

func v3Message(t testing.TB, m v3msg, vars []gosnmp.SnmpPDU) []byte {
	t.Helper()
	if m.typ == 0 {
		m.typ = gosnmp.SNMPv2Trap
	}
	sp := &gosnmp.UsmSecurityParameters{
		UserName: m.user, AuthoritativeEngineID: string(m.engineID),
		AuthoritativeEngineBoots: m.boots, AuthoritativeEngineTime: m.time,
		AuthenticationProtocol: gosnmp.NoAuth, PrivacyProtocol: gosnmp.NoPriv,
	}
	if m.flags&gosnmp.AuthNoPriv != 0 {
		sp.AuthenticationProtocol, sp.AuthenticationPassphrase = m.auth, m.authPass
	}
	if m.flags&gosnmp.AuthPriv == gosnmp.AuthPriv {
		sp.PrivacyProtocol, sp.PrivacyPassphrase = m.priv, m.privPass
		sp.PrivacyParameters = []byte{0, 0, 0, 0, 0, 0, 0, 7}
	}
	require.NoError(t, sp.InitSecurityKeys())
	p := &gosnmp.SnmpPacket{
		Version: gosnmp.Version3, MsgFlags: m.flags, SecurityModel: gosnmp.UserSecurityModel,
		SecurityParameters: sp, ContextEngineID: string(m.engineID), PDUType: m.typ,
		MsgID: 77, RequestID: 4243, MsgMaxSize: 65507, Variables: vars,
	}
	b, err := p.MarshalMsg()
	require.NoError(t, err)
	return b
}

var senderEngineID = []byte{0x80, 0, 0, 0, 1, 2, 3, 4}

func testUsers() []User {
	return []User{
		{Name: "trapuser", Level: gosnmp.AuthPriv, AuthProtocol: gosnmp.SHA256, AuthPassword: "authpass256",
			PrivProtocol: gosnmp.AES256, PrivPassword: "privpass256", EngineIDs: [][]byte{senderEngineID}},
		{Name: "authonly", Level: gosnmp.AuthNoPriv, AuthProtocol: gosnmp.SHA, AuthPassword: "authpass123",
			EngineIDs: [][]byte{senderEngineID}},
	}
}

func trapuserMsg() v3msg {
	return v3msg{
		user: "trapuser", authPass: "authpass256", privPass: "privpass256", auth: gosnmp.SHA256, priv: gosnmp.AES256,
		flags: gosnmp.AuthPriv, engineID: senderEngineID, boots: 3, time: 1000,
	}
}
