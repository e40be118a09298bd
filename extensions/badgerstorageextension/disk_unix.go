//go:build unix

package badgerstorageextension

import (
	"io/fs"
	"syscall"
)

// allocated returns the bytes a file occupies on disk. Badger preallocates
// its logs as sparse files, so the apparent size overstates usage.
func allocated(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return fi.Size()
}
