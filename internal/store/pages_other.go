//go:build !linux

package store

// releaseMappedTables is a no-op outside Linux.
func releaseMappedTables(string, map[uint64]bool) (int64, error) { return 0, nil }
