package snmptrap

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gosnmp/gosnmp"
)

// User is an SNMPv3 user allowed to send traps and informs.
type User struct {
	Name string
	// Level is the lowest security level accepted from this user.
	Level        gosnmp.SnmpV3MsgFlags
	AuthProtocol gosnmp.SnmpV3AuthProtocol
	AuthPassword string
	PrivProtocol gosnmp.SnmpV3PrivProtocol
	PrivPassword string
	// EngineIDs are the senders' engine IDs for v3 traps (the sender is
	// authoritative). Informs use the receiver's own engine ID.
	EngineIDs [][]byte
}

// ParseEngineID decodes an engine ID written as hex, with or without 0x.
// RFC 3411 allows 5 to 32 octets.
func ParseEngineID(s string) ([]byte, error) {
	h := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X")
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, fmt.Errorf("engine ID %q is not hex: %w", s, err)
	}
	if len(b) < 5 || len(b) > 32 {
		return nil, fmt.Errorf("engine ID %q has %d octets; it must have 5 to 32", s, len(b))
	}
	return b, nil
}

// DefaultEngineID derives a stable local engine ID from a seed (the host
// name and endpoint): RFC 3411 format 5 (octets) under net-snmp's enterprise
// number, as snmptrapd's own IDs are.
func DefaultEngineID(seed string) []byte {
	sum := sha256.Sum256([]byte(seed))
	return append([]byte{0x80, 0x00, 0x1f, 0x88, 0x05}, sum[:8]...)
}

// usmEntry is one user with keys localized to one engine ID.
type usmEntry struct {
	user *User
	g    *gosnmp.GoSNMP
	sp   *gosnmp.UsmSecurityParameters
}

// usmUser is a configured user with its localized keys per engine ID.
type usmUser struct {
	user     *User
	byEngine map[string]*usmEntry
	local    *usmEntry
}

func newUSMEntry(u *User, engineID []byte) (*usmEntry, error) {
	sp := &gosnmp.UsmSecurityParameters{
		UserName:                 u.Name,
		AuthoritativeEngineID:    string(engineID),
		AuthenticationProtocol:   gosnmp.NoAuth,
		PrivacyProtocol:          gosnmp.NoPriv,
		AuthenticationPassphrase: u.AuthPassword,
		PrivacyPassphrase:        u.PrivPassword,
	}
	if u.AuthProtocol > gosnmp.NoAuth {
		sp.AuthenticationProtocol = u.AuthProtocol
	}
	if u.PrivProtocol > gosnmp.NoPriv {
		sp.PrivacyProtocol = u.PrivProtocol
	}
	// Localizing a password costs a megabyte of hashing: do it once here,
	// never per message.
	if err := sp.InitSecurityKeys(); err != nil {
		return nil, fmt.Errorf("user %q: %w", u.Name, err)
	}
	g := &gosnmp.GoSNMP{
		Version:            gosnmp.Version3,
		SecurityModel:      gosnmp.UserSecurityModel,
		MsgFlags:           u.Level,
		SecurityParameters: sp,
	}
	return &usmEntry{user: u, g: g, sp: sp}, nil
}

// localEngine is the receiver's own SNMP engine, authoritative for informs.
type localEngine struct {
	id    []byte
	boots uint32
	start time.Time
	// unknownEngineIDs and notInTimeWindows count the reports sent, as
	// usmStats objects do.
	unknownEngineIDs atomic.Uint32
	notInTimeWindows atomic.Uint32
}

// newLocalEngine starts the engine. Boots must grow across restarts so that
// (boots, time, salt) never repeats under one key: the start time in
// seconds does that without state on disk.
func newLocalEngine(id []byte, now time.Time) *localEngine {
	boots := uint32(now.Unix() - 1_700_000_000) //nolint:gosec // positive for centuries
	return &localEngine{id: id, boots: boots, start: now}
}

func (e *localEngine) time(now time.Time) uint32 {
	return uint32(now.Sub(e.start) / time.Second) //nolint:gosec // an engine lives less than 136 years
}

// timeWindow is RFC 3414's 150 seconds.
const timeWindow = 150

func (e *localEngine) inTimeWindow(boots, t int64, now time.Time) bool {
	if boots != int64(e.boots) {
		return false
	}
	d := t - int64(e.time(now))
	return d >= -timeWindow && d <= timeWindow
}

var (
	oidUsmStatsNotInTimeWindows = ".1.3.6.1.6.3.15.1.1.2.0"
	oidUsmStatsUnknownEngineIDs = ".1.3.6.1.6.3.15.1.1.4.0"
)

// discoveryReport answers an engine discovery probe (RFC 3414 4) with the
// local engine ID, boots and time.
func (e *localEngine) discoveryReport(probe *gosnmp.SnmpPacket, now time.Time) ([]byte, error) {
	n := e.unknownEngineIDs.Add(1)
	p := &gosnmp.SnmpPacket{
		Version:       gosnmp.Version3,
		MsgFlags:      gosnmp.NoAuthNoPriv,
		SecurityModel: gosnmp.UserSecurityModel,
		SecurityParameters: &gosnmp.UsmSecurityParameters{
			AuthoritativeEngineID:    string(e.id),
			AuthoritativeEngineBoots: e.boots,
			AuthoritativeEngineTime:  e.time(now),
			AuthenticationProtocol:   gosnmp.NoAuth,
			PrivacyProtocol:          gosnmp.NoPriv,
		},
		ContextEngineID: string(e.id),
		ContextName:     probe.ContextName,
		PDUType:         gosnmp.Report,
		MsgID:           probe.MsgID,
		RequestID:       probe.RequestID,
		MsgMaxSize:      65507,
		Variables:       []gosnmp.SnmpPDU{{Name: oidUsmStatsUnknownEngineIDs, Type: gosnmp.Counter32, Value: uint(n)}},
	}
	return p.MarshalMsg()
}

// timeWindowReport tells an inform's sender the local boots and time, in
// an authenticated report (RFC 3414 3.2.7).
func (e *localEngine) timeWindowReport(req *gosnmp.SnmpPacket, ent *usmEntry, now time.Time) ([]byte, error) {
	n := e.notInTimeWindows.Add(1)
	flags := gosnmp.NoAuthNoPriv
	if ent.sp.AuthenticationProtocol > gosnmp.NoAuth {
		flags = gosnmp.AuthNoPriv
	}
	return e.marshalSecured(req, ent, flags, gosnmp.Report,
		[]gosnmp.SnmpPDU{{Name: oidUsmStatsNotInTimeWindows, Type: gosnmp.Counter32, Value: uint(n)}}, now)
}

// marshalSecured builds a message from the local engine to ent's user.
func (e *localEngine) marshalSecured(req *gosnmp.SnmpPacket, ent *usmEntry, flags gosnmp.SnmpV3MsgFlags,
	typ gosnmp.PDUType, vars []gosnmp.SnmpPDU, now time.Time,
) ([]byte, error) {
	sp, ok := ent.sp.Copy().(*gosnmp.UsmSecurityParameters)
	if !ok {
		return nil, fmt.Errorf("user %q: unexpected security parameters", ent.user.Name)
	}
	sp.AuthoritativeEngineBoots = e.boots
	sp.AuthoritativeEngineTime = e.time(now)
	sp.AuthenticationParameters = ""
	if flags&gosnmp.AuthPriv == gosnmp.AuthPriv {
		salt := make([]byte, 8)
		if _, err := rand.Read(salt); err != nil {
			return nil, err
		}
		sp.PrivacyParameters = salt
	}
	p := &gosnmp.SnmpPacket{
		Version:            gosnmp.Version3,
		MsgFlags:           flags,
		SecurityModel:      gosnmp.UserSecurityModel,
		SecurityParameters: sp,
		ContextEngineID:    req.ContextEngineID,
		ContextName:        req.ContextName,
		PDUType:            typ,
		MsgID:              req.MsgID,
		RequestID:          req.RequestID,
		MsgMaxSize:         65507,
		Variables:          vars,
	}
	return p.MarshalMsg()
}
