package dbmsreceiver

import (
	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver/internal/metadata"
)

// recordPG records a PostgreSQL scrape: server-wide metrics on the
// server's resource first, then one resource per database.
func (t *target) recordPG(ts pcommon.Timestamp, st *dbms.PGStats) {
	mb := t.mb
	mb.RecordPostgresqlConnectionMaxDataPoint(ts, st.MaxConnections)
	mb.RecordPostgresqlDatabaseCountDataPoint(ts, int64(len(st.Databases)))
	if bg := st.BGWriter; bg != nil {
		mb.RecordPostgresqlBgwriterBuffersAllocatedDataPoint(ts, bg.BuffersAllocated)
		mb.RecordPostgresqlBgwriterBuffersWritesDataPoint(ts, bg.BuffersCheckpoint, metadata.AttributeBgBufferSourceCheckpoints)
		mb.RecordPostgresqlBgwriterBuffersWritesDataPoint(ts, bg.BuffersClean, metadata.AttributeBgBufferSourceBgwriter)
		if bg.HasBackendWrites {
			mb.RecordPostgresqlBgwriterBuffersWritesDataPoint(ts, bg.BuffersBackend, metadata.AttributeBgBufferSourceBackend)
			mb.RecordPostgresqlBgwriterBuffersWritesDataPoint(ts, bg.BuffersBackendFsync, metadata.AttributeBgBufferSourceBackendFsync)
		}
		mb.RecordPostgresqlBgwriterCheckpointCountDataPoint(ts, bg.CheckpointsReq, metadata.AttributeBgCheckpointTypeRequested)
		mb.RecordPostgresqlBgwriterCheckpointCountDataPoint(ts, bg.CheckpointsTimed, metadata.AttributeBgCheckpointTypeScheduled)
		mb.RecordPostgresqlBgwriterDurationDataPoint(ts, bg.SyncTimeMs, metadata.AttributeBgDurationTypeSync)
		mb.RecordPostgresqlBgwriterDurationDataPoint(ts, bg.WriteTimeMs, metadata.AttributeBgDurationTypeWrite)
		mb.RecordPostgresqlBgwriterMaxwrittenDataPoint(ts, bg.MaxWritten)
	}
	for _, r := range st.Replicas {
		mb.RecordPostgresqlReplicationDataDelayDataPoint(ts, r.LagBytes, r.Client)
		for _, l := range []struct {
			op  metadata.AttributeWalOperationLag
			lag float64
		}{{metadata.AttributeWalOperationLagWrite, r.WriteLag}, {metadata.AttributeWalOperationLagFlush, r.FlushLag},
			{metadata.AttributeWalOperationLagReplay, r.ReplayLag}} {
			if l.lag < 0 {
				continue // NULL: the standby has not reported yet
			}
			mb.RecordPostgresqlWalLagDataPoint(ts, int64(l.lag), l.op, r.Client)
			mb.RecordPostgresqlWalDelayDataPoint(ts, l.lag, l.op, r.Client)
		}
	}
	if sb := st.Standby; sb != nil {
		mb.RecordPostgresqlStandbyReplayLagDataPoint(ts, sb.ReplayLagBytes)
		if sb.ReplayDelay >= 0 {
			mb.RecordPostgresqlStandbyReplayDelayDataPoint(ts, sb.ReplayDelay)
		}
		mb.RecordPostgresqlStandbyReplayPausedDataPoint(ts, b2i(sb.ReplayPaused))
		mb.RecordPostgresqlStandbyWalReceiverUpDataPoint(ts, b2i(sb.ReceiverActive))
	}
	for _, s := range st.Slots {
		mb.RecordPostgresqlReplicationSlotRetainedWalDataPoint(ts, s.RetainedBytes, s.Name, s.Type)
		mb.RecordPostgresqlReplicationSlotActiveDataPoint(ts, b2i(s.Active), s.Name, s.Type)
	}
	if a := st.Archiver; a != nil {
		mb.RecordPostgresqlArchiverArchivedDataPoint(ts, a.Archived)
		mb.RecordPostgresqlArchiverFailedDataPoint(ts, a.Failed)
		mb.RecordPostgresqlWalAgeDataPoint(ts, a.LastArchivedAge)
	}
	t.emit("")

	tables := map[string]int64{}
	for _, tb := range st.Tables {
		tables[tb.Database]++
	}
	for i := range st.Databases {
		d := &st.Databases[i]
		mb.RecordPostgresqlBackendsDataPoint(ts, d.Backends)
		mb.RecordPostgresqlCommitsDataPoint(ts, d.Commits)
		mb.RecordPostgresqlRollbacksDataPoint(ts, d.Rollbacks)
		mb.RecordPostgresqlDbSizeDataPoint(ts, d.Size)
		mb.RecordPostgresqlBlksHitDataPoint(ts, d.BlocksHit)
		mb.RecordPostgresqlBlksReadDataPoint(ts, d.BlocksRead)
		mb.RecordPostgresqlDeadlocksDataPoint(ts, d.Deadlocks)
		mb.RecordPostgresqlTempFilesDataPoint(ts, d.TempFiles)
		mb.RecordPostgresqlTempIoDataPoint(ts, d.TempBytes)
		mb.RecordPostgresqlTupDeletedDataPoint(ts, d.TupDeleted)
		mb.RecordPostgresqlTupFetchedDataPoint(ts, d.TupFetched)
		mb.RecordPostgresqlTupInsertedDataPoint(ts, d.TupInserted)
		mb.RecordPostgresqlTupReturnedDataPoint(ts, d.TupReturned)
		mb.RecordPostgresqlTupUpdatedDataPoint(ts, d.TupUpdated)
		mb.RecordPostgresqlDatabaseFrozenXidAgeDataPoint(ts, d.FrozenXIDAge)
		mb.RecordPostgresqlQueryConflictsDataPoint(ts, d.ConflTablespace, metadata.AttributePostgresqlConflictTypeTablespace)
		mb.RecordPostgresqlQueryConflictsDataPoint(ts, d.ConflLock, metadata.AttributePostgresqlConflictTypeLock)
		mb.RecordPostgresqlQueryConflictsDataPoint(ts, d.ConflSnapshot, metadata.AttributePostgresqlConflictTypeSnapshot)
		mb.RecordPostgresqlQueryConflictsDataPoint(ts, d.ConflBufpin, metadata.AttributePostgresqlConflictTypeBufferpin)
		mb.RecordPostgresqlQueryConflictsDataPoint(ts, d.ConflDeadlock, metadata.AttributePostgresqlConflictTypeDeadlock)
		if d.HasSessionStats {
			mb.RecordPostgresqlSessionTimeDataPoint(ts, d.SessionTime, metadata.AttributeSessionTimeKindSession)
			mb.RecordPostgresqlSessionTimeDataPoint(ts, d.ActiveTime, metadata.AttributeSessionTimeKindActive)
			mb.RecordPostgresqlSessionTimeDataPoint(ts, d.IdleInTxTime, metadata.AttributeSessionTimeKindIdleInTransaction)
			mb.RecordPostgresqlSessionCountDataPoint(ts, d.Sessions, metadata.AttributeSessionEndKindTotal)
			mb.RecordPostgresqlSessionCountDataPoint(ts, d.SessionsAbandoned, metadata.AttributeSessionEndKindAbandoned)
			mb.RecordPostgresqlSessionCountDataPoint(ts, d.SessionsFatal, metadata.AttributeSessionEndKindFatal)
			mb.RecordPostgresqlSessionCountDataPoint(ts, d.SessionsKilled, metadata.AttributeSessionEndKindKilled)
		}
		mb.RecordPostgresqlTableCountDataPoint(ts, tables[d.Name])
		var blocked int64
		var maxQuery float64
		for _, s := range st.Sessions {
			if s.Database != d.Name {
				continue
			}
			mb.RecordPostgresqlSessionsDataPoint(ts, s.Count, s.State)
			if s.MaxTxAge > 0 {
				mb.RecordPostgresqlTransactionMaxDurationDataPoint(ts, s.MaxTxAge, s.State)
			}
			blocked += s.Blocked
			maxQuery = max(maxQuery, s.MaxQueryAge)
		}
		mb.RecordPostgresqlSessionsBlockedDataPoint(ts, blocked)
		mb.RecordPostgresqlQueryMaxDurationDataPoint(ts, maxQuery)
		for _, tb := range st.Tables {
			if tb.Database != d.Name {
				continue
			}
			recordPGTable(mb, ts, &tb)
		}
		for _, x := range st.Indexes {
			if x.Database == d.Name {
				mb.RecordPostgresqlIndexScansDataPoint(ts, x.Scans, x.Table, x.Name)
				mb.RecordPostgresqlIndexSizeDataPoint(ts, x.Size, x.Table, x.Name)
			}
		}
		for _, l := range st.Locks {
			if l.Database == d.Name {
				mb.RecordPostgresqlDatabaseLocksDataPoint(ts, l.Count, l.Relation, l.Mode, l.LockType)
			}
		}
		t.emit(d.Name)
	}
}

func recordPGTable(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, tb *dbms.PGTable) {
	n := tb.Name
	mb.RecordPostgresqlRowsDataPoint(ts, tb.Live, metadata.AttributeStateLive, n)
	mb.RecordPostgresqlRowsDataPoint(ts, tb.Dead, metadata.AttributeStateDead, n)
	mb.RecordPostgresqlOperationsDataPoint(ts, tb.Inserted, metadata.AttributeOperationIns, n)
	mb.RecordPostgresqlOperationsDataPoint(ts, tb.Updated, metadata.AttributeOperationUpd, n)
	mb.RecordPostgresqlOperationsDataPoint(ts, tb.Deleted, metadata.AttributeOperationDel, n)
	mb.RecordPostgresqlOperationsDataPoint(ts, tb.HOT, metadata.AttributeOperationHotUpd, n)
	mb.RecordPostgresqlTableSizeDataPoint(ts, tb.Size, n)
	mb.RecordPostgresqlTableVacuumCountDataPoint(ts, tb.VacuumCount, n)
	mb.RecordPostgresqlSequentialScansDataPoint(ts, tb.SeqScans, n)
	for _, b := range []struct {
		src metadata.AttributeSource
		v   int64
	}{{metadata.AttributeSourceHeapRead, tb.HeapRead}, {metadata.AttributeSourceHeapHit, tb.HeapHit},
		{metadata.AttributeSourceIdxRead, tb.IdxRead}, {metadata.AttributeSourceIdxHit, tb.IdxHit},
		{metadata.AttributeSourceToastRead, tb.ToastRead}, {metadata.AttributeSourceToastHit, tb.ToastHit},
		{metadata.AttributeSourceTidxRead, tb.TidxRead}, {metadata.AttributeSourceTidxHit, tb.TidxHit}} {
		mb.RecordPostgresqlBlocksReadDataPoint(ts, b.v, b.src, n)
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
