package snmptrapreceiver

import (
	"net/netip"
	"syscall"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp"
	"github.com/otelcol-ems/otelcol-ems/internal/snmptrap"
)

var (
	benchSender = []byte{0x80, 0, 0, 0, 1, 2, 3, 4}
	benchSource = netip.MustParseAddrPort("192.0.2.7:40162")
)

func benchV3(b *testing.B) []byte {
	sp := &gosnmp.UsmSecurityParameters{
		UserName: "trapuser", AuthoritativeEngineID: string(benchSender), AuthoritativeEngineBoots: 1, AuthoritativeEngineTime: 10,
		AuthenticationProtocol: gosnmp.SHA256, AuthenticationPassphrase: "authpass256",
		PrivacyProtocol: gosnmp.AES256, PrivacyPassphrase: "privpass256", PrivacyParameters: []byte{0, 0, 0, 0, 0, 0, 0, 1},
	}
	require.NoError(b, sp.InitSecurityKeys())
	v2 := benchV2c(b, "x")
	p, err := (&gosnmp.GoSNMP{}).SnmpDecodePacket(v2)
	require.NoError(b, err)
	out := &gosnmp.SnmpPacket{
		Version: gosnmp.Version3, MsgFlags: gosnmp.AuthPriv, SecurityModel: gosnmp.UserSecurityModel, SecurityParameters: sp,
		ContextEngineID: string(benchSender), PDUType: gosnmp.SNMPv2Trap, MsgID: 1, RequestID: 1, MsgMaxSize: 65507, Variables: p.Variables,
	}
	msg, err := out.MarshalMsg()
	require.NoError(b, err)
	return msg
}

func benchDecoder(b *testing.B) *snmptrap.Decoder {
	profiles, err := snmp.LoadProfiles(nil)
	require.NoError(b, err)
	d, err := snmptrap.NewDecoder(snmptrap.DecoderSettings{
		Communities: []string{"s3cret"},
		Users: []snmptrap.User{{Name: "trapuser", Level: gosnmp.AuthPriv, AuthProtocol: gosnmp.SHA256, AuthPassword: "authpass256",
			PrivProtocol: gosnmp.AES256, PrivPassword: "privpass256", EngineIDs: [][]byte{benchSender}}},
		EngineID: snmptrap.DefaultEngineID("bench"), Names: snmptrap.NewNames(profiles),
	}, time.Now())
	require.NoError(b, err)
	return d
}

// BenchmarkDatagramToLogRecord measures one datagram, as read from the
// socket, to one finished log record: header checks, authentication and
// decryption (v3), gosnmp's decoding, naming, body and the pdata record.
// The baseline is gosnmp's UnmarshalTrap alone, which is what its
// TrapListener does per datagram before any record exists.
func BenchmarkDatagramToLogRecord(b *testing.B) {
	d := benchDecoder(b)
	v2c := benchV2c(b, "s3cret")
	v3 := benchV3(b)
	run := func(b *testing.B, msg []byte, f func(buf []byte)) {
		buf := make([]byte, len(msg))
		b.ReportAllocs()
		cpu0 := cpuTime()
		b.ResetTimer()
		for range b.N {
			copy(buf, msg) // decoding works in place, as on a fresh datagram
			f(buf)
		}
		b.StopTimer()
		// On a shared machine wall time includes waiting for a core; the
		// process's CPU time (GC included) is the cost per core.
		cpu := cpuTime() - cpu0
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "traps/cpu-s")
	}
	receive := func(buf []byte) {
		r := d.Decode(buf, benchSource, time.Now())
		if r.Trap == nil {
			b.Fatalf("dropped: %s %s", r.Reason, r.Detail)
		}
		_ = toLogs([]*snmptrap.Trap{r.Trap}, "bench")
	}
	b.Run("v2c/snmptrap", func(b *testing.B) { run(b, v2c, receive) })
	b.Run("v3_authPriv_SHA256_AES256/snmptrap", func(b *testing.B) { run(b, v3, receive) })

	// As the server delivers: a batch of datagrams into one plog.Logs.
	b.Run("v2c/snmptrap_batch_of_100", func(b *testing.B) {
		bufs := make([][]byte, 100)
		for i := range bufs {
			bufs[i] = make([]byte, len(v2c))
		}
		traps := make([]*snmptrap.Trap, 0, 100)
		b.ReportAllocs()
		cpu0 := cpuTime()
		b.ResetTimer()
		for n := 0; n < b.N; n += 100 {
			traps = traps[:0]
			for i := range bufs {
				copy(bufs[i], v2c)
				traps = append(traps, d.Decode(bufs[i], benchSource, time.Now()).Trap)
			}
			_ = toLogs(traps, "bench")
		}
		b.StopTimer()
		cpu := cpuTime() - cpu0
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "traps/cpu-s")
	})

	plain := &gosnmp.GoSNMP{}
	b.Run("v2c/gosnmp_unmarshal_only", func(b *testing.B) {
		run(b, v2c, func(buf []byte) {
			if _, err := plain.UnmarshalTrap(buf, false); err != nil {
				b.Fatal(err)
			}
		})
	})
	usm := &gosnmp.GoSNMP{Version: gosnmp.Version3, SecurityModel: gosnmp.UserSecurityModel, MsgFlags: gosnmp.AuthPriv,
		SecurityParameters: &gosnmp.UsmSecurityParameters{UserName: "trapuser", AuthoritativeEngineID: string(benchSender),
			AuthenticationProtocol: gosnmp.SHA256, AuthenticationPassphrase: "authpass256",
			PrivacyProtocol: gosnmp.AES256, PrivacyPassphrase: "privpass256"}}
	b.Run("v3_authPriv_SHA256_AES256/gosnmp_unmarshal_only", func(b *testing.B) {
		run(b, v3, func(buf []byte) {
			if _, err := usm.UnmarshalTrap(buf, true); err != nil {
				b.Fatal(err)
			}
		})
	})
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
