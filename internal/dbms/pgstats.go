package dbms

// PGStats is what one scrape of a PostgreSQL server read.
type PGStats struct {
	// Version is server_version_num.
	Version int
	// InRecovery is true on a standby.
	InRecovery     bool
	MaxConnections int64
	Databases      []PGDatabase
	Tables         []PGTable
	Indexes        []PGIndex
	Locks          []PGLock
	BGWriter       *PGBGWriter
	Replicas       []PGReplica
	Standby        *PGStandby
	Slots          []PGSlot
	Archiver       *PGArchiver
	Sessions       []PGSessions
}

// PGDatabase is pg_stat_database (and pg_database) for one database.
type PGDatabase struct {
	Name                                                   string
	Backends, Commits, Rollbacks                           int64
	BlocksRead, BlocksHit                                  int64
	TupReturned, TupFetched, TupInserted, TupUpdated       int64
	TupDeleted, TempFiles, TempBytes, Deadlocks, Size      int64
	FrozenXIDAge                                           int64
	ConflTablespace, ConflLock, ConflSnapshot, ConflBufpin int64
	ConflDeadlock                                          int64
	// PostgreSQL 14 and later: session statistics (times in ms).
	HasSessionStats                                            bool
	SessionTime, ActiveTime, IdleInTxTime                      float64
	Sessions, SessionsAbandoned, SessionsFatal, SessionsKilled int64
}

// PGTable is pg_stat_user_tables and pg_statio_user_tables for one table.
type PGTable struct {
	Database, Name                               string
	Live, Dead, Inserted, Updated, Deleted, HOT  int64
	VacuumCount, AutovacuumCount, SeqScans, Size int64
	HeapRead, HeapHit, IdxRead, IdxHit           int64
	ToastRead, ToastHit, TidxRead, TidxHit       int64
}

// PGIndex is pg_stat_user_indexes for one index.
type PGIndex struct {
	Database, Table, Name string
	Scans, Size           int64
}

// PGLock counts the locks of one kind on one relation.
type PGLock struct {
	Database, Relation, Mode, LockType string
	Count                              int64
}

// PGBGWriter is pg_stat_bgwriter (with pg_stat_checkpointer from 17 on).
type PGBGWriter struct {
	BuffersAllocated, BuffersBackend, BuffersBackendFsync int64
	BuffersCheckpoint, BuffersClean                       int64
	CheckpointsReq, CheckpointsTimed, MaxWritten          int64
	SyncTimeMs, WriteTimeMs                               float64
	// HasBackendWrites is false from PostgreSQL 17 on, where backend
	// writes moved to pg_stat_io.
	HasBackendWrites bool
}

// PGReplica is pg_stat_replication for one standby, seen from the primary.
type PGReplica struct {
	Client string
	// LagBytes is the replay position behind the current WAL position.
	LagBytes int64
	// Write, flush and replay lag in seconds; negative when unknown.
	WriteLag, FlushLag, ReplayLag float64
}

// PGStandby is replication seen from a standby.
type PGStandby struct {
	// ReceiverActive is true while pg_stat_wal_receiver shows a streaming
	// connection to the primary.
	ReceiverActive bool
	ReceiverStatus string
	SenderHost     string
	// ReplayLagBytes is received but not replayed WAL.
	ReplayLagBytes int64
	// ReplayDelay is seconds since the last replayed transaction's commit
	// on the primary; negative when nothing was replayed yet.
	ReplayDelay  float64
	ReplayPaused bool
}

// PGSlot is one replication slot.
type PGSlot struct {
	Name, Type    string
	Active        bool
	RetainedBytes int64
}

// PGArchiver is pg_stat_archiver.
type PGArchiver struct {
	Archived, Failed int64
	// LastArchivedAge is seconds since the last archived WAL file (or
	// since the statistics reset when none was archived yet).
	LastArchivedAge int64
}

// PGSessions summarises the client sessions of one database in one state.
type PGSessions struct {
	Database, State string
	Count           int64
	// Blocked counts sessions waiting on another session's lock.
	Blocked int64
	// MaxTxAge and MaxQueryAge are the oldest transaction and statement,
	// in seconds (0 when none).
	MaxTxAge, MaxQueryAge float64
}
