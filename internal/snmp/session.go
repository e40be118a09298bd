package snmp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gosnmp/gosnmp"
)

// Session is an open conversation with one agent. It is not safe for
// concurrent use; poll one target from one goroutine at a time.
type Session struct {
	cfg      ConnConfig
	g        *gosnmp.GoSNMP
	pdus     atomic.Int64
	rejected atomic.Int64
	// engine is the v3 engine id the last request was sent to; gosnmp
	// takes every response's engine as its own, so it is noted at send.
	engine string
}

// Dial opens a session; for UDP it only creates the socket, the first
// request finds out whether the agent answers.
func Dial(ctx context.Context, cfg ConnConfig) (*Session, error) {
	transport, host, port, err := ParseEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, &Error{Kind: KindInvalidEndpoint, Err: err}
	}
	s := &Session{cfg: cfg}
	g := &gosnmp.GoSNMP{
		Target:         host,
		Port:           port,
		Transport:      transport,
		Community:      cfg.Community,
		Timeout:        cfg.Timeout,
		Retries:        cfg.Retries,
		MaxOids:        cfg.MaxOIDsPerRequest,
		MaxRepetitions: cfg.MaxRepetitions,
		Context:        ctx,
		OnSent:         s.sent,
	}
	switch cfg.Version {
	case "v1":
		g.Version = gosnmp.Version1
	case "v2c":
		g.Version = gosnmp.Version2c
	case "v3":
		g.Version = gosnmp.Version3
		g.SecurityModel = gosnmp.UserSecurityModel
		g.MsgFlags = securityLevels[cfg.SecurityLevel]
		g.ContextName = cfg.ContextName
		usm := &gosnmp.UsmSecurityParameters{UserName: cfg.User}
		if g.MsgFlags&gosnmp.AuthNoPriv != 0 {
			usm.AuthenticationProtocol = authProtocols[strings.ToUpper(cfg.AuthProtocol)]
			usm.AuthenticationPassphrase = cfg.AuthPassword
		} else {
			usm.AuthenticationProtocol = gosnmp.NoAuth
		}
		if g.MsgFlags == gosnmp.AuthPriv {
			usm.PrivacyProtocol = privProtocols[strings.ToUpper(cfg.PrivProtocol)]
			usm.PrivacyPassphrase = cfg.PrivPassword
		} else {
			usm.PrivacyProtocol = gosnmp.NoPriv
		}
		g.SecurityParameters = usm
	default:
		return nil, &Error{Kind: KindProtocol, Err: fmt.Errorf("unknown version %q", cfg.Version)}
	}
	if err := g.Connect(); err != nil {
		return nil, classify(err, &s.cfg)
	}
	s.g = g
	return s, nil
}

// Close closes the socket.
func (s *Session) Close() error {
	if s == nil || s.g == nil || s.g.Conn == nil {
		return nil
	}
	return s.g.Conn.Close()
}

// interrupt makes a pending read return at once.
func (s *Session) interrupt() {
	if s.g != nil && s.g.Conn != nil {
		_ = s.g.Conn.SetDeadline(time.Now())
	}
}

// PDUs returns the number of request PDUs sent so far, retries included.
func (s *Session) PDUs() int64 { return s.pdus.Load() }

// sent counts a request PDU and notes the v3 engine it goes to.
func (s *Session) sent(g *gosnmp.GoSNMP) {
	s.pdus.Add(1)
	if usm, ok := g.SecurityParameters.(*gosnmp.UsmSecurityParameters); ok {
		s.engine = usm.AuthoritativeEngineID
	}
}

// Rejected returns the number of responses rejected so far because they
// were not the agent's answer to the request (see checkResponse).
func (s *Session) Rejected() int64 { return s.rejected.Load() }

// checkResponse rejects a packet that gosnmp accepted but that does not
// answer our request: gosnmp takes any packet that decodes and whose request
// id is one it sent or 0, whatever its PDU type, community or USM user. So an
// echo of the request, a request id of 0, another community or another v3
// user or engine fail the request with KindInvalidResponse, counted in
// Rejected. The hint never contains the community.
func (s *Session) checkResponse(pkt *gosnmp.SnmpPacket) error {
	var why string
	switch {
	case pkt.PDUType != gosnmp.GetResponse:
		why = fmt.Sprintf("PDU type %s instead of GetResponse (an echo of the request?)", pkt.PDUType)
	case pkt.RequestID == 0:
		why = "request id 0 instead of the request's"
	case s.cfg.Version != "v3" && pkt.Community != s.cfg.Community:
		why = "the response carries another community than the request"
	case s.cfg.Version == "v3":
		why = s.checkUSM(pkt)
	}
	if why == "" {
		return nil
	}
	s.rejected.Add(1)
	return &Error{Kind: KindInvalidResponse,
		Hint: why + "; something other than the agent answers at " + s.cfg.Endpoint}
}

// checkUSM compares a v3 response's user and engine with the session's.
func (s *Session) checkUSM(pkt *gosnmp.SnmpPacket) string {
	got, ok := pkt.SecurityParameters.(*gosnmp.UsmSecurityParameters)
	if !ok {
		return "the response has no USM security parameters"
	}
	if got.UserName != s.cfg.User {
		return fmt.Sprintf("the response is for user %q, not %q", got.UserName, s.cfg.User)
	}
	if s.engine != "" && got.AuthoritativeEngineID != s.engine {
		return "the response comes from another SNMP engine than the request went to"
	}
	return ""
}

// SetContext sets the context that bounds the next requests.
func (s *Session) SetContext(ctx context.Context) { s.g.Context = ctx }

// Version returns the SNMP version in use.
func (s *Session) Version() string { return s.cfg.Version }

func (s *Session) classify(err error) error {
	if s.cfg.Version == "v3" && err != nil && strings.Contains(err.Error(), "not authentic") {
		return s.diagnoseV3(err)
	}
	return classify(err, &s.cfg)
}

// diagnoseV3 finds out why an agent answered with an unauthenticated
// report. gosnmp discards such reports once the engine is known, so the
// reason (unknown user or wrong digest) is lost; a noAuthNoPriv probe for
// the same user brings it back: an unknown user is reported as such, a known
// one with an answer or an unsupported security level report, which means
// our digest was wrong.
func (s *Session) diagnoseV3(orig error) error {
	probeCfg := s.cfg
	probeCfg.SecurityLevel = "no_auth_no_priv"
	ctx := context.Background()
	if s.g != nil && s.g.Context != nil {
		ctx = s.g.Context
	}
	probe, err := Dial(ctx, probeCfg)
	if err != nil {
		return classify(orig, &s.cfg)
	}
	defer probe.Close()
	_, perr := probe.g.Get([]string{sysUpTimeOID})
	s.pdus.Add(probe.pdus.Load())
	switch {
	case errors.Is(perr, gosnmp.ErrUnknownUsername):
		return classify(perr, &s.cfg)
	case perr == nil, errors.Is(perr, gosnmp.ErrUnknownSecurityLevel):
		// The user exists: net-snmp answers a noAuthNoPriv request of a
		// user with keys with authorizationError, others report the level.
		return classify(fmt.Errorf("%w: %w", gosnmp.ErrWrongDigest, orig), &s.cfg)
	}
	return classify(orig, &s.cfg)
}
