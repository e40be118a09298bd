package badgerdb

import (
	"os"
	"syscall"
)

// allocate allocates blocks for n bytes of the file at path from off,
// without changing its size.
func allocate(path string, off, n int64) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	const keepSize = 0x01 // FALLOC_FL_KEEP_SIZE
	return syscall.Fallocate(int(f.Fd()), keepSize, off, n)
}
