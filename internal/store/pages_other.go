//go:build !linux

package store

// releaseMappedTables is a no-op where MADV_PAGEOUT does not exist.
func releaseMappedTables(string) (int64, error) { return 0, nil }
