//go:build unix

package badgerdb

import (
	"fmt"
	"io/fs"
	"syscall"
)

// Allocated returns the bytes a file occupies on disk: its allocated blocks.
func Allocated(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return fi.Size()
}

// FreeBytes returns the bytes of the filesystem holding dir that an
// unprivileged process may still allocate (statfs f_bavail): the blocks
// reserved for root are not counted, so a collector running as root keeps
// them for the rest of the node.
func FreeBytes(dir string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("reading the free space of %s: %w", dir, err)
	}
	return int64(st.Bavail) * int64(st.Bsize), nil //nolint:unconvert // field types differ by platform
}
