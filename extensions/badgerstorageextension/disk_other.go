//go:build !unix

package badgerstorageextension

import "io/fs"

// allocated returns the file's apparent size where block counts are not available.
func allocated(fi fs.FileInfo) int64 { return fi.Size() }
