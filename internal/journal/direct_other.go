//go:build !linux

package journal

import "os"

// openDirect: direct I/O is used on Linux only; elsewhere segments are
// written with pwrite and fdatasync.
func openDirect(string) (*os.File, error) { return nil, nil }
