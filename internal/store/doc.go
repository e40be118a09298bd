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
package store
