// Package journal is the storage engine of the badger_storage extension: a
// Badger database with a write-ahead journal in front of it (batches, group
// sync, direct I/O), live-data accounting, a size bound and space reclaim.
// It has no collector types; the extension adapts it to the storage client
// API and reports what it observes (Observer) as telemetry.
package journal
