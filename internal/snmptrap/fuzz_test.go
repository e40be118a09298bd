package snmptrap

import (
	"strings"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
)

// FuzzDecode feeds random and truncated messages to the whole datagram
// path: header parsing, community and USM checks, gosnmp's decoding and the
// conversion into a Trap. Decode recovers from a panic so that the
// collector survives, and this target fails on one so that none goes
// unnoticed.
func FuzzDecode(f *testing.F) {
	seeds := [][]byte{
		v2cMessage(f, "s3cret", gosnmp.SNMPv2Trap, linkDownVars),
		v2cMessage(f, "s3cret", gosnmp.InformRequest, linkDownVars),
		v1Message(f, "s3cret", 6, 17, linkDownVars[2:]),
		v3Message(f, trapuserMsg(), linkDownVars),
		v3Message(f, v3msg{user: "authonly", authPass: "authpass123", auth: gosnmp.SHA, flags: gosnmp.AuthNoPriv, engineID: senderEngineID}, linkDownVars),
	}
	for _, s := range seeds {
		f.Add(s)
		for _, cut := range []int{1, 2, 5, len(s) / 2, len(s) - 1} {
			if cut < len(s) {
				f.Add(s[:cut])
			}
		}
	}
	d := newTestDecoder(f)
	now := time.Now()
	f.Fuzz(func(t *testing.T, msg []byte) {
		r := d.Decode(append([]byte(nil), msg...), testSource, now)
		if r.Dropped && strings.HasPrefix(r.Detail, "decoder panic") {
			t.Fatalf("decoder panicked on %x: %s", msg, r.Detail)
		}
		if !r.Dropped && r.Trap != nil && r.Trap.Body == "" {
			t.Fatalf("accepted trap without a body")
		}
		if r.NeedsAck() {
			if _, err := d.Ack(&r, now); err != nil && strings.Contains(err.Error(), "panic") {
				t.Fatal(err)
			}
		}
	})
}
