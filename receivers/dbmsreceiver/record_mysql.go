package dbmsreceiver

import (
	"slices"
	"strconv"
	"strings"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-ems/otelcol-ems/internal/dbms"
	"github.com/otelcol-ems/otelcol-ems/receivers/dbmsreceiver/internal/metadata"
)

type recordFunc func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64)

// mysqlStatus maps SHOW GLOBAL STATUS variables (lower case) to the data
// points they become; a variable the server lacks records nothing.
var mysqlStatus = buildMySQLStatus()

func buildMySQLStatus() map[string]recordFunc {
	m := map[string]recordFunc{}
	with := func(rec func(*metadata.MetricsBuilder, pcommon.Timestamp, int64, string), prefix string, kinds ...string) {
		for _, k := range kinds {
			name, val, _ := strings.Cut(k, "=")
			if val == "" {
				val = name
			}
			m[prefix+name] = func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64) { rec(mb, ts, v, val) }
		}
	}
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlBufferPoolPagesDataPoint(ts, v, metadata.MapAttributeBufferPoolPages[k])
	}, "innodb_buffer_pool_pages_", "data", "free", "misc")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlBufferPoolOperationsDataPoint(ts, v, metadata.MapAttributeBufferPoolOperations[k])
	}, "innodb_buffer_pool_", "read_ahead_rnd", "read_ahead", "read_ahead_evicted", "read_requests", "reads", "wait_free", "write_requests")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlPreparedStatementsDataPoint(ts, v, metadata.MapAttributePreparedStatementsCommand[k])
	}, "com_stmt_", "execute", "close", "fetch", "prepare", "reset", "send_long_data")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlCommandsDataPoint(ts, v, metadata.MapAttributeCommand[k])
	}, "com_", "delete", "insert", "select", "update")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlHandlersDataPoint(ts, v, metadata.MapAttributeHandler[k])
	}, "handler_", "commit", "delete", "discover", "external_lock", "mrr_init", "prepare", "read_first", "read_key",
		"read_last", "read_next", "read_prev", "read_rnd", "read_rnd_next", "rollback", "savepoint", "savepoint_rollback", "update", "write")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlDoubleWritesDataPoint(ts, v, metadata.MapAttributeDoubleWrites[k])
	}, "innodb_dblwr_", "pages_written", "writes")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlLogOperationsDataPoint(ts, v, metadata.MapAttributeLogOperations[k])
	}, "innodb_log_", "waits", "write_requests", "writes")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlOperationsDataPoint(ts, v, metadata.MapAttributeOperations[k])
	}, "innodb_data_", "fsyncs", "reads", "writes")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlPageOperationsDataPoint(ts, v, metadata.MapAttributePageOperations[k])
	}, "innodb_pages_", "created", "read", "written")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlRowLocksDataPoint(ts, v, metadata.MapAttributeRowLocks[k])
	}, "innodb_row_lock_", "waits", "time")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlRowOperationsDataPoint(ts, v, metadata.MapAttributeRowOperations[k])
	}, "innodb_rows_", "deleted", "inserted", "read", "updated")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlLocksDataPoint(ts, v, metadata.MapAttributeLocks[k])
	}, "table_locks_", "immediate", "waited")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlSortsDataPoint(ts, v, metadata.MapAttributeSorts[k])
	}, "sort_", "merge_passes", "range", "rows", "scan")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlThreadsDataPoint(ts, v, metadata.MapAttributeThreads[k])
	}, "threads_", "cached", "connected", "created", "running")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlClientNetworkIoDataPoint(ts, v, metadata.MapAttributeDirection[k])
	}, "bytes_", "received", "sent")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlOpenedResourcesDataPoint(ts, v, metadata.MapAttributeOpenedResources[k])
	}, "opened_", "files=file", "table_definitions=table_definition", "tables=table")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlConnectionErrorsDataPoint(ts, v, metadata.MapAttributeConnectionError[k])
	}, "", "connection_errors_accept=accept", "connection_errors_internal=internal", "connection_errors_max_connections=max_connections",
		"connection_errors_peer_address=peer_address", "connection_errors_select=select", "connection_errors_tcpwrap=tcpwrap",
		"aborted_connects=aborted", "aborted_clients=aborted_clients", "locked_connects=locked")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlMysqlxConnectionsDataPoint(ts, v, metadata.MapAttributeConnectionStatus[k])
	}, "mysqlx_connections_", "accepted", "closed", "rejected")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlJoinsDataPoint(ts, v, metadata.MapAttributeJoinKind[k])
	}, "select_", "full_join=full", "full_range_join=full_range", "range", "range_check", "scan")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlTmpResourcesDataPoint(ts, v, metadata.MapAttributeTmpResource[k])
	}, "created_tmp_", "disk_tables", "files", "tables")
	with(func(mb *metadata.MetricsBuilder, ts pcommon.Timestamp, v int64, k string) {
		mb.RecordMysqlTableOpenCacheDataPoint(ts, v, metadata.MapAttributeCacheStatus[k])
	}, "table_open_cache_", "hits=hit", "misses=miss", "overflows=overflow")
	m["innodb_buffer_pool_pages_flushed"] = (*metadata.MetricsBuilder).RecordMysqlBufferPoolPageFlushesDataPoint
	m["uptime"] = (*metadata.MetricsBuilder).RecordMysqlUptimeDataPoint
	m["connections"] = (*metadata.MetricsBuilder).RecordMysqlConnectionCountDataPoint
	m["questions"] = (*metadata.MetricsBuilder).RecordMysqlQueryClientCountDataPoint
	m["queries"] = (*metadata.MetricsBuilder).RecordMysqlQueryCountDataPoint
	m["slow_queries"] = (*metadata.MetricsBuilder).RecordMysqlQuerySlowCountDataPoint
	return m
}

// galeraStatus maps the wsrep_* variables, read only when a Galera
// provider is loaded (MariaDB reports placeholder wsrep_* values without).
var galeraStatus = map[string]recordFunc{
	"wsrep_cluster_size":     (*metadata.MetricsBuilder).RecordMysqlGaleraClusterSizeDataPoint,
	"wsrep_local_state":      (*metadata.MetricsBuilder).RecordMysqlGaleraLocalStateDataPoint,
	"wsrep_local_recv_queue": (*metadata.MetricsBuilder).RecordMysqlGaleraRecvQueueDataPoint,
}

// mysqlStatusNames are the status variables the recording reads.
func mysqlStatusNames() []string {
	names := []string{"innodb_buffer_pool_pages_dirty", "innodb_buffer_pool_bytes_data", "innodb_buffer_pool_bytes_dirty",
		"wsrep_provider_name", "wsrep_ready", "wsrep_flow_control_paused"}
	for n := range mysqlStatus {
		names = append(names, n)
	}
	for n := range galeraStatus {
		names = append(names, n)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// recordMySQL records a MySQL/MariaDB scrape on the server's resource.
func (t *target) recordMySQL(ts pcommon.Timestamp, st *dbms.MySQLStats) {
	mb := t.mb
	for name, rec := range mysqlStatus {
		if v, ok := st.Int(name); ok {
			rec(mb, ts, v)
		}
	}
	if data, ok := st.Int("innodb_buffer_pool_pages_data"); ok {
		dirty, _ := st.Int("innodb_buffer_pool_pages_dirty")
		mb.RecordMysqlBufferPoolDataPagesDataPoint(ts, dirty, metadata.AttributeBufferPoolDataDirty)
		mb.RecordMysqlBufferPoolDataPagesDataPoint(ts, data-dirty, metadata.AttributeBufferPoolDataClean)
	}
	if data, ok := st.Int("innodb_buffer_pool_bytes_data"); ok {
		dirty, _ := st.Int("innodb_buffer_pool_bytes_dirty")
		mb.RecordMysqlBufferPoolUsageDataPoint(ts, dirty, metadata.AttributeBufferPoolDataDirty)
		mb.RecordMysqlBufferPoolUsageDataPoint(ts, data-dirty, metadata.AttributeBufferPoolDataClean)
	}
	if st.BufferPoolSize > 0 {
		mb.RecordMysqlBufferPoolLimitDataPoint(ts, st.BufferPoolSize)
	}
	if st.Status["wsrep_provider_name"] != "" {
		for name, rec := range galeraStatus {
			if v, ok := st.Int(name); ok {
				rec(mb, ts, v)
			}
		}
		mb.RecordMysqlGaleraReadyDataPoint(ts, b2i(strings.EqualFold(st.Status["wsrep_ready"], "ON")))
		if f, err := strconv.ParseFloat(st.Status["wsrep_flow_control_paused"], 64); err == nil {
			mb.RecordMysqlGaleraFlowControlPausedDataPoint(ts, f)
		}
	}
	mb.RecordMysqlInnodbTransactionsDataPoint(ts, st.Transactions)
	mb.RecordMysqlInnodbTransactionsLongDataPoint(ts, st.LongTransactions)
	mb.RecordMysqlInnodbTransactionMaxAgeDataPoint(ts, int64(st.OldestTransaction))
	for _, r := range st.Replicas {
		mb.RecordMysqlReplicaIoRunningDataPoint(ts, b2i(r.IORunning), r.Channel)
		mb.RecordMysqlReplicaSQLRunningDataPoint(ts, b2i(r.SQLRunning), r.Channel)
		mb.RecordMysqlReplicaSQLDelayDataPoint(ts, r.SQLDelay, r.Channel)
		if r.SecondsBehind >= 0 {
			mb.RecordMysqlReplicaTimeBehindSourceDataPoint(ts, r.SecondsBehind, r.Channel)
		}
	}
	t.emit("")
}
