package snmptrapreceiver

import (
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/snmptrap"
)

func TestToLogs(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 5)
	tr := &snmptrap.Trap{
		Received: now, Source: netip.MustParseAddrPort("[2001:db8::7]:40162"), Version: "v3", PDUType: "inform",
		OID: "1.3.6.1.6.3.1.1.5.3", Name: "linkDown", Uptime: 4711, HasUptime: true, User: "trapuser",
		Vars: []snmptrap.Var{
			{Key: "ifIndex", Value: snmptrap.Value{Kind: snmptrap.KindInt, Int: 3}},
			{Key: "ifName", Value: snmptrap.Value{Kind: snmptrap.KindString, Str: "Gi0/3"}},
			{Key: "1.3.6.1.4.1.9.9.1", Value: snmptrap.Value{Kind: snmptrap.KindFloat, Float: 1.5}},
			{Key: "1.3.6.1.4.1.9.9.2", Value: snmptrap.Value{}},
			{Key: "snmp.version", Value: snmptrap.Value{Kind: snmptrap.KindString, Str: "spoofed"}},
		},
		Severity: snmptrap.SeverityWarn, Body: "linkDown from 2001:db8::7: ifIndex=3",
	}
	ld := toLogs([]*snmptrap.Trap{tr}, "1.2.3")
	require.Equal(t, 1, ld.LogRecordCount())
	sl := ld.ResourceLogs().At(0).ScopeLogs().At(0)
	assert.Equal(t, "github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver", sl.Scope().Name())
	assert.Equal(t, "1.2.3", sl.Scope().Version())
	lr := sl.LogRecords().At(0)
	assert.Equal(t, "snmp.trap", lr.EventName())
	assert.Equal(t, pcommon.NewTimestampFromTime(now), lr.Timestamp())
	assert.Equal(t, plog.SeverityNumberWarn, lr.SeverityNumber())
	assert.Equal(t, "WARN", lr.SeverityText())
	assert.Equal(t, "linkDown from 2001:db8::7: ifIndex=3", lr.Body().Str())
	assert.Equal(t, map[string]any{
		"snmp.trap.oid": "1.3.6.1.6.3.1.1.5.3", "snmp.trap.name": "linkDown", "snmp.version": "v3",
		"snmp.pdu.type": "inform", "network.peer.address": "2001:db8::7", "network.peer.port": int64(40162),
		"sysUpTime": int64(4711), "ifIndex": int64(3), "ifName": "Gi0/3", "1.3.6.1.4.1.9.9.1": 1.5, "1.3.6.1.4.1.9.9.2": nil,
	}, lr.Attributes().AsRaw(), "fixed attributes win over a varbind of the same name")
}
