// Package store is otelcol-ems's local unified store: it keeps traces, logs and
// metrics of one node in a Badger database for a retention window and answers
// the queries an operator needs when the central backend is away (a trace with
// its logs, logs by time, service, severity and text, metric series by name and
// attributes, the resources seen).
//
// Every key lives under a time bucket of its signal ("L" + bucket start), so
// retention and the disk budget drop whole buckets with DropPrefix, which
// returns disk space; deleting single keys would not (Badger keeps tombstones
// of append-only keys at its bottom level).
//
// # Blocks
//
// Records are stored in blocks, not one Badger entry each (block.go): a write
// call sorts its records by bucket, metric name, timestamp and sequence
// number and cuts them into blocks of one bucket (and, for metrics, one metric
// name) spanning at most blockSpan (100 ms), up to 512 records and one of
// Badger's table blocks (4 KiB by default; blockBytes says why). A
// block's key is the record key of its first record plus a mark byte
// ('B'); its value lists the records, each with its own timestamp, sequence
// number and the value a per-record entry had (dictionary id, severity or
// metric type, the one-record OTLP message), so filters, cursors and
// results are those of single records. Badger's work per entry (WAL, skiplist,
// table index, compaction merge steps, ~13 allocations) is then paid once per
// ~10 records of 300 bytes.
//
// Reading: a scan from (ts, seq) seeks to the blocks from ts − blockSpan
// (skipping those whose declared span ends before ts without decoding them)
// and merges their records, emitting one once the next block's key sorts after
// it, since no later block can hold an earlier record: blocks of different
// writes may overlap in time. A trace index entry (one per trace, bucket and
// write call, tracelist.go) lists its records with the block that holds each,
// so a trace query reads each of those blocks once.
//
// # Segments
//
// Since issue 12's session 4 a block's value in Badger is a pointer (block
// count, span, offset, length, codec, CRC) into its bucket's append-only
// segment file (segments.go), where the block itself is written once,
// S2-compressed; a bucket's segment is deleted with its keys. Blocks may
// then be larger (64 KiB raw). Inline blocks, written before, still read.
//
// Upgrading: keys of the per-record format (no mark byte) and trace index
// entries of format 1 are still read, as blocks of one record; new writes
// only make blocks in segments. A crash during a write call loses at most
// the blocks whose pointers Badger had not yet written of that call, which
// was not acknowledged; Badger's recovery and the badgerdb salvage are
// unchanged, and the segments follow a salvaged directory.
package store
