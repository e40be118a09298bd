//go:build !unix

package badgerdb

import (
	"io/fs"
	"math"
)

// Allocated returns the file's apparent size where block counts are not
// available.
func Allocated(fi fs.FileInfo) int64 { return fi.Size() }

// FreeBytes reports unlimited space where statfs is not available: the
// free-space floor is then not enforced.
func FreeBytes(string) (int64, error) { return math.MaxInt64, nil }
