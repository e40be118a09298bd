//go:build unix

package journal

import (
	"os"
	"syscall"
)

// mapSegment maps a segment file shared, so that records are written with a
// copy instead of a system call. The pages belong to the page cache: they
// survive the process being killed, and fdatasync of the file writes them back.
func mapSegment(f *os.File, size int) ([]byte, error) {
	return syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
}

func unmapSegment(mem []byte) error {
	if mem == nil {
		return nil
	}
	return syscall.Munmap(mem)
}
