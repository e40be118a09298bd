package dbms

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// serverStats reads what is server-wide, from the main database.
func (c *PGClient) serverStats(ctx context.Context, p *pgxpool.Pool, st *PGStats, sc *scrape, dbs []string) {
	run := func(name, sql string, scan func(pgx.Rows) error, args ...any) {
		if sc.down != nil {
			return
		}
		if err := c.query(ctx, p, sql, scan, args...); err != nil {
			sc.fail(name, pgGrant, err)
		}
	}
	run("settings", `SELECT current_setting('max_connections')::bigint, pg_is_in_recovery()`, func(r pgx.Rows) error {
		return r.Scan(&st.MaxConnections, &st.InRecovery)
	})
	sessionCols := `0::float8, 0::float8, 0::float8, 0::bigint, 0::bigint, 0::bigint, 0::bigint`
	if c.version >= 140000 {
		sessionCols = `session_time, active_time, idle_in_transaction_time, sessions, sessions_abandoned, sessions_fatal, sessions_killed`
	}
	run("pg_stat_database", `SELECT d.datname, numbackends, xact_commit, xact_rollback, blks_read, blks_hit,
		tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted, temp_files, temp_bytes, deadlocks,
		pg_database_size(d.datname), age(db.datfrozenxid),
		confl_tablespace, confl_lock, confl_snapshot, confl_bufferpin, confl_deadlock, `+sessionCols+`
		FROM pg_stat_database d
		JOIN pg_database db ON db.oid = d.datid
		JOIN pg_stat_database_conflicts c ON c.datid = d.datid
		WHERE d.datname = ANY($1) ORDER BY d.datname`, func(r pgx.Rows) error {
		var d PGDatabase
		if err := r.Scan(&d.Name, &d.Backends, &d.Commits, &d.Rollbacks, &d.BlocksRead, &d.BlocksHit,
			&d.TupReturned, &d.TupFetched, &d.TupInserted, &d.TupUpdated, &d.TupDeleted, &d.TempFiles, &d.TempBytes,
			&d.Deadlocks, &d.Size, &d.FrozenXIDAge, &d.ConflTablespace, &d.ConflLock, &d.ConflSnapshot,
			&d.ConflBufpin, &d.ConflDeadlock, &d.SessionTime, &d.ActiveTime, &d.IdleInTxTime, &d.Sessions,
			&d.SessionsAbandoned, &d.SessionsFatal, &d.SessionsKilled); err != nil {
			return err
		}
		d.HasSessionStats = c.version >= 140000
		st.Databases = append(st.Databases, d)
		return nil
	}, dbs)
	bg := &PGBGWriter{}
	if c.version >= 170000 {
		run("pg_stat_checkpointer", `SELECT c.num_requested, c.num_timed, c.write_time, c.sync_time, c.buffers_written,
			b.buffers_clean, b.maxwritten_clean, b.buffers_alloc
			FROM pg_stat_checkpointer c, pg_stat_bgwriter b`, func(r pgx.Rows) error {
			st.BGWriter = bg
			return r.Scan(&bg.CheckpointsReq, &bg.CheckpointsTimed, &bg.WriteTimeMs, &bg.SyncTimeMs,
				&bg.BuffersCheckpoint, &bg.BuffersClean, &bg.MaxWritten, &bg.BuffersAllocated)
		})
	} else {
		run("pg_stat_bgwriter", `SELECT checkpoints_req, checkpoints_timed, checkpoint_write_time, checkpoint_sync_time,
			buffers_checkpoint, buffers_clean, maxwritten_clean, buffers_alloc, buffers_backend, buffers_backend_fsync
			FROM pg_stat_bgwriter`, func(r pgx.Rows) error {
			st.BGWriter = bg
			bg.HasBackendWrites = true
			return r.Scan(&bg.CheckpointsReq, &bg.CheckpointsTimed, &bg.WriteTimeMs, &bg.SyncTimeMs,
				&bg.BuffersCheckpoint, &bg.BuffersClean, &bg.MaxWritten, &bg.BuffersAllocated,
				&bg.BuffersBackend, &bg.BuffersBackendFsync)
		})
	}
	// Without pg_monitor, client_addr and the lags of other users'
	// sessions read as NULL; the pg_has_role check reports that.
	run("pg_stat_replication", `SELECT coalesce(host(client_addr), 'unix'),
		coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint,
		coalesce(extract(epoch FROM write_lag), -1)::float8,
		coalesce(extract(epoch FROM flush_lag), -1)::float8,
		coalesce(extract(epoch FROM replay_lag), -1)::float8
		FROM pg_stat_replication WHERE NOT pg_is_in_recovery() ORDER BY 1`, func(r pgx.Rows) error {
		var x PGReplica
		if err := r.Scan(&x.Client, &x.LagBytes, &x.WriteLag, &x.FlushLag, &x.ReplayLag); err != nil {
			return err
		}
		st.Replicas = append(st.Replicas, x)
		return nil
	})
	if st.InRecovery {
		sb := &PGStandby{ReplayDelay: -1}
		run("standby", `SELECT coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0)::bigint,
			coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), -1)::float8,
			pg_is_wal_replay_paused()`, func(r pgx.Rows) error {
			st.Standby = sb
			return r.Scan(&sb.ReplayLagBytes, &sb.ReplayDelay, &sb.ReplayPaused)
		})
		run("pg_stat_wal_receiver", `SELECT status, coalesce(sender_host, '') FROM pg_stat_wal_receiver`, func(r pgx.Rows) error {
			sb.ReceiverActive = true
			return r.Scan(&sb.ReceiverStatus, &sb.SenderHost)
		})
		if sb.ReceiverStatus != "streaming" {
			sb.ReceiverActive = false
		}
	}
	run("pg_replication_slots", `SELECT slot_name, slot_type, active,
		coalesce(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END, restart_lsn), 0)::bigint
		FROM pg_replication_slots ORDER BY slot_name`, func(r pgx.Rows) error {
		var s PGSlot
		if err := r.Scan(&s.Name, &s.Type, &s.Active, &s.RetainedBytes); err != nil {
			return err
		}
		st.Slots = append(st.Slots, s)
		return nil
	})
	run("pg_stat_archiver", `SELECT archived_count, failed_count,
		extract(epoch FROM now() - coalesce(last_archived_time, stats_reset))::bigint FROM pg_stat_archiver`, func(r pgx.Rows) error {
		a := &PGArchiver{}
		st.Archiver = a
		return r.Scan(&a.Archived, &a.Failed, &a.LastArchivedAge)
	})
	run("pg_stat_activity", `SELECT datname, coalesce(state, 'unknown'), count(*),
		count(*) FILTER (WHERE cardinality(pg_blocking_pids(pid)) > 0),
		coalesce(max(extract(epoch FROM now() - xact_start)), 0)::float8,
		coalesce(max(extract(epoch FROM now() - query_start)) FILTER (WHERE state = 'active'), 0)::float8
		FROM pg_stat_activity
		WHERE backend_type = 'client backend' AND datname = ANY($1) AND application_name <> '`+pgAppName+`'
		GROUP BY 1, 2 ORDER BY 1, 2`, func(r pgx.Rows) error {
		var s PGSessions
		if err := r.Scan(&s.Database, &s.State, &s.Count, &s.Blocked, &s.MaxTxAge, &s.MaxQueryAge); err != nil {
			return err
		}
		st.Sessions = append(st.Sessions, s)
		return nil
	}, dbs)
}

// databaseStats reads the per-table, per-index and lock data of one
// database, on a connection to it.
func (c *PGClient) databaseStats(ctx context.Context, p *pgxpool.Pool, db string, st *PGStats, sc *scrape) {
	run := func(name, sql string, scan func(pgx.Rows) error) {
		if sc.down != nil {
			return
		}
		if err := c.query(ctx, p, sql, scan); err != nil {
			sc.fail(name+" "+db, pgGrant, err)
		}
	}
	run("pg_stat_user_tables", `SELECT t.schemaname || '.' || t.relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd,
		n_tup_del, n_tup_hot_upd, vacuum_count, autovacuum_count, coalesce(seq_scan, 0), pg_relation_size(t.relid),
		coalesce(heap_blks_read, 0), coalesce(heap_blks_hit, 0), coalesce(idx_blks_read, 0), coalesce(idx_blks_hit, 0),
		coalesce(toast_blks_read, 0), coalesce(toast_blks_hit, 0), coalesce(tidx_blks_read, 0), coalesce(tidx_blks_hit, 0)
		FROM pg_stat_user_tables t JOIN pg_statio_user_tables io ON io.relid = t.relid ORDER BY 1`, func(r pgx.Rows) error {
		t := PGTable{Database: db}
		if err := r.Scan(&t.Name, &t.Live, &t.Dead, &t.Inserted, &t.Updated, &t.Deleted, &t.HOT, &t.VacuumCount,
			&t.AutovacuumCount, &t.SeqScans, &t.Size, &t.HeapRead, &t.HeapHit, &t.IdxRead, &t.IdxHit,
			&t.ToastRead, &t.ToastHit, &t.TidxRead, &t.TidxHit); err != nil {
			return err
		}
		st.Tables = append(st.Tables, t)
		return nil
	})
	run("pg_stat_user_indexes", `SELECT schemaname || '.' || relname, indexrelname, idx_scan, pg_relation_size(indexrelid)
		FROM pg_stat_user_indexes ORDER BY 1, 2`, func(r pgx.Rows) error {
		x := PGIndex{Database: db}
		if err := r.Scan(&x.Table, &x.Name, &x.Scans, &x.Size); err != nil {
			return err
		}
		st.Indexes = append(st.Indexes, x)
		return nil
	})
	run("pg_locks", `SELECT coalesce(c.relname, ''), l.mode, l.locktype, count(*)
		FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation
		WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
		  AND l.pid NOT IN (SELECT pid FROM pg_stat_activity WHERE application_name = '`+pgAppName+`')
		GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, func(r pgx.Rows) error {
		x := PGLock{Database: db}
		if err := r.Scan(&x.Relation, &x.Mode, &x.LockType, &x.Count); err != nil {
			return err
		}
		st.Locks = append(st.Locks, x)
		return nil
	})
}
