package snmptrapreceiver

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/snmptrap"
	"github.com/otelcol-ems/otelcol-ems/receivers/snmptrapreceiver/internal/metadata"
)

// eventName is the EventName of every trap record.
const eventName = "snmp.trap"

// toLogs turns a batch of traps into one ResourceLogs with one record each.
func toLogs(traps []*snmptrap.Trap, version string) plog.Logs {
	ld := plog.NewLogs()
	sl := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty()
	sl.Scope().SetName(metadata.ScopeName)
	sl.Scope().SetVersion(version)
	recs := sl.LogRecords()
	recs.EnsureCapacity(len(traps))
	for _, t := range traps {
		fillRecord(recs.AppendEmpty(), t)
	}
	return ld
}

func fillRecord(lr plog.LogRecord, t *snmptrap.Trap) {
	ts := pcommon.NewTimestampFromTime(t.Received)
	lr.SetTimestamp(ts)
	lr.SetObservedTimestamp(ts)
	lr.SetEventName(eventName)
	lr.SetSeverityNumber(plog.SeverityNumber(t.Severity))
	lr.SetSeverityText(t.Severity.String())
	lr.Body().SetStr(t.Body)
	attrs := lr.Attributes()
	attrs.EnsureCapacity(len(t.Vars) + 8)
	// Varbinds first, so that the fixed attributes below win a clash.
	for i := range t.Vars {
		v := &t.Vars[i]
		switch v.Value.Kind {
		case snmptrap.KindInt:
			attrs.PutInt(v.Key, v.Value.Int)
		case snmptrap.KindString:
			attrs.PutStr(v.Key, v.Value.Str)
		case snmptrap.KindFloat:
			attrs.PutDouble(v.Key, v.Value.Float)
		default:
			attrs.PutEmpty(v.Key)
		}
	}
	if t.HasUptime {
		attrs.PutInt("sysUpTime", int64(t.Uptime))
	}
	attrs.PutStr("snmp.trap.oid", t.OID)
	if t.Name != "" {
		attrs.PutStr("snmp.trap.name", t.Name)
	}
	attrs.PutStr("snmp.version", t.Version)
	attrs.PutStr("snmp.pdu.type", t.PDUType)
	attrs.PutStr("network.peer.address", t.Source.Addr().String())
	attrs.PutInt("network.peer.port", int64(t.Source.Port()))
}
