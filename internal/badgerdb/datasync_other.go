//go:build !linux

package badgerdb

import "os"

// Datasync writes f's data to stable storage.
func Datasync(f *os.File) error { return f.Sync() }
