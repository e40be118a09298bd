package badgerdb

import (
	"os"
	"syscall"
)

// Datasync writes f's data to stable storage without the metadata that is
// not needed to read it back (writes through a memory map update the file's
// modification time; fsync would commit the filesystem journal for it).
func Datasync(f *os.File) error {
	return syscall.Fdatasync(int(f.Fd()))
}
