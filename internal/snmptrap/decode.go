package snmptrap

import (
	"crypto/subtle"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/gosnmp/gosnmp"
)

// Decoder authenticates and decodes notification messages. It is safe for
// concurrent use.
type Decoder struct {
	communities [][]byte
	plain       *gosnmp.GoSNMP // v1/v2c decoding
	probe       *gosnmp.GoSNMP // v3 engine discovery probes
	users       map[string]*usmUser
	local       *localEngine
	conv        *converter
}

// DecoderSettings configure a Decoder.
type DecoderSettings struct {
	// Communities accepted from v1/v2c senders; none refuses v1/v2c.
	Communities []string
	// Users are the v3 users.
	Users []User
	// EngineID is the local engine ID for informs.
	EngineID []byte
	// Severities override the default severity per trap OID.
	Severities map[string]Severity
	// Names resolves OIDs to names; nil means the built-in names only.
	Names *Names
}

// NewDecoder localizes every user's keys and returns a Decoder.
func NewDecoder(s DecoderSettings, now time.Time) (*Decoder, error) {
	if len(s.EngineID) == 0 {
		return nil, fmt.Errorf("engine_id: required")
	}
	names := s.Names
	if names == nil {
		names = NewNames(nil)
	}
	d := &Decoder{
		plain: &gosnmp.GoSNMP{},
		probe: &gosnmp.GoSNMP{
			Version: gosnmp.Version3, SecurityModel: gosnmp.UserSecurityModel, MsgFlags: gosnmp.NoAuthNoPriv,
			SecurityParameters: &gosnmp.UsmSecurityParameters{AuthenticationProtocol: gosnmp.NoAuth, PrivacyProtocol: gosnmp.NoPriv},
		},
		users: make(map[string]*usmUser, len(s.Users)),
		local: newLocalEngine(s.EngineID, now),
		conv:  newConverter(names, s.Severities),
	}
	for _, c := range s.Communities {
		d.communities = append(d.communities, []byte(c))
	}
	for i := range s.Users {
		u := &s.Users[i]
		if _, dup := d.users[u.Name]; dup {
			return nil, fmt.Errorf("users: %q is configured twice", u.Name)
		}
		uu := &usmUser{user: u, byEngine: make(map[string]*usmEntry, len(u.EngineIDs))}
		for _, id := range u.EngineIDs {
			e, err := newUSMEntry(u, id)
			if err != nil {
				return nil, err
			}
			uu.byEngine[string(id)] = e
		}
		local, err := newUSMEntry(u, s.EngineID)
		if err != nil {
			return nil, err
		}
		uu.local = local
		d.users[u.Name] = uu
	}
	return d, nil
}

// EngineID returns the local engine ID.
func (d *Decoder) EngineID() []byte { return d.local.id }

// Result is the outcome of decoding one message.
type Result struct {
	// Trap is the decoded notification; nil when the message was dropped
	// or needed no record (a discovery probe).
	Trap *Trap
	// Dropped is set with Reason when the message was refused; Detail says
	// more for the log line (never a secret).
	Dropped bool
	Reason  Reason
	Detail  string
	// Reply is sent back at once (reports to discovery probes and to
	// informs outside the time window).
	Reply []byte
	// inform is kept to acknowledge after the pipeline accepted the trap.
	inform *gosnmp.SnmpPacket
	entry  *usmEntry
	item   int // the server's batch position
}

// NeedsAck reports whether the message was an inform that must be
// acknowledged once its record is accepted.
func (r *Result) NeedsAck() bool { return r.inform != nil }

func (r *Result) drop(reason Reason, detail string) {
	r.Dropped, r.Reason, r.Detail = true, reason, detail
}

// Decode authenticates and decodes msg, received from src at now. It may
// modify msg (authentication and decryption work in place). It never
// panics: a decoder panic on hostile input is a malformed message.
func (d *Decoder) Decode(msg []byte, src netip.AddrPort, now time.Time) (res Result) {
	defer func() {
		if p := recover(); p != nil {
			res = Result{}
			res.drop(ReasonMalformed, fmt.Sprint("decoder panic: ", p))
		}
	}()
	var h header
	if err := parseHeader(msg, &h); err != nil {
		res.drop(ReasonMalformed, err.Error())
		return res
	}
	var pkt *gosnmp.SnmpPacket
	switch h.version {
	case 0, 1:
		if !d.communityOK(h.community) {
			// The community is never logged, not even a wrong one.
			res.drop(ReasonUnknownCommunity, "community not configured")
			return res
		}
		p, err := d.plain.UnmarshalTrap(msg, false)
		if err != nil {
			res.drop(ReasonMalformed, err.Error())
			return res
		}
		pkt = p
	case 3:
		p, ok := d.decodeV3(msg, &h, now, &res)
		if !ok {
			return res
		}
		pkt = p
	}
	switch pkt.PDUType {
	case gosnmp.Trap, gosnmp.SNMPv2Trap, gosnmp.InformRequest:
	default:
		res.drop(ReasonNotNotification, fmt.Sprintf("PDU type %s", pkt.PDUType))
		return res
	}
	if pkt.PDUType == gosnmp.InformRequest {
		res.inform = pkt
	}
	t := &Trap{Received: now, Source: src}
	d.conv.convert(pkt, t)
	if res.entry != nil {
		t.User = res.entry.user.Name
	}
	res.Trap = t
	return res
}

func (d *Decoder) communityOK(c []byte) bool {
	ok := 0
	for _, want := range d.communities {
		ok |= subtle.ConstantTimeCompare(c, want)
	}
	return ok == 1
}

func (d *Decoder) decodeV3(msg []byte, h *header, now time.Time, res *Result) (*gosnmp.SnmpPacket, bool) {
	if h.securityModel != securityModelUSM {
		res.drop(ReasonSecurityModel, fmt.Sprintf("security model %d", h.securityModel))
		return nil, false
	}
	if len(h.engineID) == 0 && len(h.userName) == 0 && h.msgFlags&(flagAuth|flagPriv) == 0 {
		d.answerProbe(msg, h, now, res)
		return nil, false
	}
	u, ok := d.users[string(h.userName)]
	if !ok {
		res.drop(ReasonUnknownUser, fmt.Sprintf("user %q", printableName(h.userName)))
		return nil, false
	}
	var ent *usmEntry
	local := string(h.engineID) == string(d.local.id)
	if local {
		ent = u.local
	} else if ent = u.byEngine[string(h.engineID)]; ent == nil {
		res.drop(ReasonUnknownEngineID, fmt.Sprintf("user %q engine ID 0x%x", u.user.Name, h.engineID))
		return nil, false
	}
	level := gosnmp.SnmpV3MsgFlags(h.msgFlags) & gosnmp.AuthPriv
	if !levelAcceptable(level, u.user) {
		res.drop(ReasonSecurityLevel, fmt.Sprintf("user %q sent %s", u.user.Name, level))
		return nil, false
	}
	pkt, err := ent.g.UnmarshalTrap(msg, true)
	if err != nil {
		switch {
		case strings.Contains(err.Error(), "not authentic"):
			res.drop(ReasonWrongDigest, fmt.Sprintf("user %q: authentication failed (check auth_password)", u.user.Name))
		case level&gosnmp.AuthPriv == gosnmp.AuthPriv:
			res.drop(ReasonDecryption, fmt.Sprintf("user %q: decryption failed (check priv_protocol and priv_password)", u.user.Name))
		default:
			res.drop(ReasonMalformed, err.Error())
		}
		return nil, false
	}
	res.entry = ent
	// RFC 3414 3.2.7: the receiver checks timeliness only where it is
	// authoritative, that is for informs addressed to its own engine.
	if local && level&gosnmp.AuthNoPriv != 0 && !d.local.inTimeWindow(h.engineBoots, h.engineTime, now) {
		res.drop(ReasonNotInTimeWindow, fmt.Sprintf("user %q boots %d time %d", u.user.Name, h.engineBoots, h.engineTime))
		if h.msgFlags&flagReportable != 0 {
			res.Reply, _ = d.local.timeWindowReport(pkt, ent, now)
		}
		return nil, false
	}
	return pkt, true
}

// answerProbe replies to an engine discovery probe with a report. The
// probe is not a notification and is not counted as a drop.
func (d *Decoder) answerProbe(msg []byte, h *header, now time.Time, res *Result) {
	if h.msgFlags&flagReportable == 0 {
		res.drop(ReasonNotNotification, "unreportable message without engine ID")
		return
	}
	p, err := d.probe.UnmarshalTrap(msg, false)
	if err != nil {
		res.drop(ReasonMalformed, err.Error())
		return
	}
	if p.PDUType != gosnmp.GetRequest && p.PDUType != gosnmp.InformRequest && p.PDUType != gosnmp.GetNextRequest {
		res.drop(ReasonNotNotification, fmt.Sprintf("discovery probe with PDU type %s", p.PDUType))
		return
	}
	reply, err := d.local.discoveryReport(p, now)
	if err != nil {
		res.drop(ReasonMalformed, err.Error())
		return
	}
	res.Reply = reply
}

// Ack builds the Response PDU that acknowledges an inform.
func (d *Decoder) Ack(r *Result, now time.Time) ([]byte, error) {
	p := r.inform
	if p == nil {
		return nil, nil
	}
	if p.Version != gosnmp.Version3 {
		resp := *p
		resp.PDUType = gosnmp.GetResponse
		resp.Error, resp.ErrorIndex = gosnmp.NoError, 0
		return resp.MarshalMsg()
	}
	return d.local.marshalSecured(p, r.entry, p.MsgFlags&gosnmp.AuthPriv, gosnmp.GetResponse, p.Variables, now)
}

func printableName(b []byte) string {
	if len(b) > 32 {
		b = b[:32]
	}
	return octets(b)
}

// levelAcceptable reports whether a message's security level (privacy
// without authentication is invalid) is at least the user's and within what
// the user has keys for.
func levelAcceptable(level gosnmp.SnmpV3MsgFlags, u *User) bool {
	switch level {
	case gosnmp.NoAuthNoPriv:
		return u.Level == gosnmp.NoAuthNoPriv
	case gosnmp.AuthNoPriv:
		return u.Level != gosnmp.AuthPriv && u.AuthProtocol > gosnmp.NoAuth
	case gosnmp.AuthPriv:
		return u.AuthProtocol > gosnmp.NoAuth && u.PrivProtocol > gosnmp.NoPriv
	}
	return false
}
