package snmp

import (
	"context"
	"errors"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faultyAgent is a fault-injecting UDP responder: it answers every request
// with what answer makes of it (nil: no answer). The tests next to the real
// snmpd ones (agent_values_test.go) check the same code against a real agent.
type faultyAgent struct {
	conn *net.UDPConn
	wg   sync.WaitGroup
}

const (
	faultEngineID = "\x80\x00\x1f\x88\x04fault"
	faultUser     = "monitor"
)

func startFaultyAgent(t *testing.T, version gosnmp.SnmpVersion, answer func(req *gosnmp.SnmpPacket, raw []byte) *gosnmp.SnmpPacket) string {
	t.Helper()
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	a := &faultyAgent{conn: conn}
	dec := &gosnmp.GoSNMP{Version: version, MaxOids: 1 << 10, Logger: gosnmp.NewLogger(nil)}
	if version == gosnmp.Version3 {
		dec.SecurityModel = gosnmp.UserSecurityModel
		dec.MsgFlags = gosnmp.NoAuthNoPriv
		dec.SecurityParameters = &gosnmp.UsmSecurityParameters{UserName: faultUser,
			AuthenticationProtocol: gosnmp.NoAuth, PrivacyProtocol: gosnmp.NoPriv}
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		buf := make([]byte, 65536)
		for {
			n, addr, err := conn.ReadFromUDP(buf)
			if err != nil {
				return
			}
			raw := append([]byte(nil), buf[:n]...)
			req, err := dec.SnmpDecodePacket(raw)
			if err != nil {
				continue
			}
			resp := answer(req, raw)
			if resp == nil {
				continue
			}
			out := raw // an echo is sent as is
			if resp != req {
				if out, err = resp.MarshalMsg(); err != nil {
					t.Errorf("marshal: %v", err)
					continue
				}
			}
			_, _ = conn.WriteToUDP(out, addr)
		}
	}()
	t.Cleanup(func() { _ = conn.Close(); a.wg.Wait() })
	return "udp://" + conn.LocalAddr().String()
}

// goodAnswer is what an agent would send: a GetResponse with the request's
// id and community, sysUpTime for every requested object.
func goodAnswer(req *gosnmp.SnmpPacket) *gosnmp.SnmpPacket {
	vars := make([]gosnmp.SnmpPDU, len(req.Variables))
	for i, v := range req.Variables {
		vars[i] = gosnmp.SnmpPDU{Name: v.Name, Type: gosnmp.TimeTicks, Value: uint32(4200)}
	}
	return &gosnmp.SnmpPacket{Version: req.Version, Community: req.Community, PDUType: gosnmp.GetResponse,
		RequestID: req.RequestID, Variables: vars}
}

// v3Answer answers engine discovery with a report and requests with what
// resp makes of a correct v3 GetResponse.
func v3Answer(resp func(p *gosnmp.SnmpPacket, usm *gosnmp.UsmSecurityParameters)) func(*gosnmp.SnmpPacket, []byte) *gosnmp.SnmpPacket {
	return func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket {
		usm := &gosnmp.UsmSecurityParameters{UserName: faultUser, AuthoritativeEngineID: faultEngineID,
			AuthoritativeEngineBoots: 1, AuthoritativeEngineTime: 100,
			AuthenticationProtocol: gosnmp.NoAuth, PrivacyProtocol: gosnmp.NoPriv, Logger: gosnmp.NewLogger(nil)}
		p := goodAnswer(req)
		p.MsgFlags, p.SecurityModel, p.SecurityParameters = gosnmp.NoAuthNoPriv, gosnmp.UserSecurityModel, usm
		p.MsgID, p.ContextEngineID, p.Logger = req.MsgID, faultEngineID, gosnmp.NewLogger(nil)
		if reqUSM, _ := req.SecurityParameters.(*gosnmp.UsmSecurityParameters); reqUSM == nil || reqUSM.AuthoritativeEngineID == "" {
			// Engine discovery: report usmStatsUnknownEngineIDs.
			usm.UserName = ""
			p.PDUType = gosnmp.Report
			p.Variables = []gosnmp.SnmpPDU{{Name: ".1.3.6.1.6.3.15.1.1.4.0", Type: gosnmp.Counter32, Value: uint32(1)}}
			return p
		}
		resp(p, usm)
		return p
	}
}

func faultConn(endpoint, version string) ConnConfig {
	c := ConnConfig{Endpoint: endpoint, Version: version, Community: "public", Timeout: 300 * time.Millisecond,
		Retries: 0, MaxRepetitions: 10, MaxOIDsPerRequest: 60}
	if version == "v3" {
		c.Community, c.User, c.SecurityLevel = "", faultUser, "no_auth_no_priv"
	}
	return c
}

// TestResponsesThatDoNotAnswerTheRequestAreRejected: an echo of the request,
// a request id of 0, another community, another v3 user or engine are not
// the agent's answer; each fails the request as an invalid response and is
// counted. The same responder's correct answers pass, so each rejection is
// due to its fault alone.
func TestResponsesThatDoNotAnswerTheRequestAreRejected(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		version string
		answer  func(*gosnmp.SnmpPacket, []byte) *gosnmp.SnmpPacket
		want    string // "" for a valid answer
	}{
		{"v2c valid", "v2c", func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket { return goodAnswer(req) }, ""},
		{"v2c echo", "v2c", func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket { return req }, "PDU type GetRequest instead of GetResponse"},
		{"v1 echo", "v1", func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket { return req }, "PDU type GetRequest instead of GetResponse"},
		{"v2c request id 0", "v2c", func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket {
			p := goodAnswer(req)
			p.RequestID = 0
			return p
		}, "request id 0"},
		{"v2c other community", "v2c", func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket {
			p := goodAnswer(req)
			p.Community = "s3cret-other"
			return p
		}, "another community"},
		{"v2c trap", "v2c", func(req *gosnmp.SnmpPacket, _ []byte) *gosnmp.SnmpPacket {
			p := goodAnswer(req)
			p.PDUType = gosnmp.SNMPv2Trap
			return p
		}, "PDU type SNMPv2Trap instead of GetResponse"},
		{"v3 valid", "v3", v3Answer(func(*gosnmp.SnmpPacket, *gosnmp.UsmSecurityParameters) {}), ""},
		{"v3 other user", "v3", v3Answer(func(_ *gosnmp.SnmpPacket, usm *gosnmp.UsmSecurityParameters) {
			usm.UserName = "intruder"
		}), `the response is for user "intruder", not "monitor"`},
		{"v3 other engine", "v3", v3Answer(func(_ *gosnmp.SnmpPacket, usm *gosnmp.UsmSecurityParameters) {
			usm.AuthoritativeEngineID = "\x80\x00\x1f\x88\x04other"
		}), "another SNMP engine"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ver := map[string]gosnmp.SnmpVersion{"v1": gosnmp.Version1, "v2c": gosnmp.Version2c, "v3": gosnmp.Version3}[tc.version]
			endpoint := startFaultyAgent(t, ver, tc.answer)
			p, err := NewPoller(Device{Conn: faultConn(endpoint, tc.version), Profiles: mustProfiles(t, "system"), ScopeName: "test"})
			require.NoError(t, err)
			defer p.Close()
			md, st, err := p.Poll(context.Background(), time.Now())
			if tc.want == "" {
				require.NoError(t, err)
				assert.Equal(t, int64(0), st.Rejected)
				assert.Equal(t, 42.0, value(points(md, "snmp.uptime", "", nil)[""]))
				return
			}
			require.Error(t, err)
			assert.Equal(t, KindInvalidResponse, KindOf(err), "%v", err)
			assert.ErrorContains(t, err, tc.want)
			assert.NotContains(t, err.Error(), "s3cret")
			assert.NotContains(t, err.Error(), "public")
			assert.Equal(t, int64(1), st.Rejected)
			var e *Error
			require.True(t, errors.As(err, &e), "a classified *Error")
		})
	}
}
