//go:build linux

package store

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// releaseMappedTables drops this process's page-table entries of the mapped
// table files of dir whose id is in keep, and returns how many bytes of
// mappings it covered.
//
// Badger maps every table (.sst) with MAP_SHARED and writes and compacts
// tables through the mapping, so every table touched stays resident and counts
// in the collector's RSS, although it is only a cache of an immutable file.
// MADV_DONTNEED on a shared file mapping unmaps the pages from this process
// only: the file's pages stay in the page cache and the next read maps them
// again. The caller guarantees that the tables in keep stay mapped during the
// call (it holds references to them), so no range can have been reused.
func releaseMappedTables(dir string, keep map[uint64]bool) (int64, error) {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	prefix := filepath.Clean(dir) + string(filepath.Separator)
	var total int64
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 {
			continue
		}
		path := strings.Join(f[5:], " ")
		name, ok := strings.CutPrefix(path, prefix)
		if !ok || !strings.HasSuffix(name, ".sst") {
			continue
		}
		id, err := strconv.ParseUint(strings.TrimSuffix(name, ".sst"), 10, 64)
		if err != nil || !keep[id] {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, uintptr(start), uintptr(end-start), unix.MADV_DONTNEED); errno != 0 {
			return total, errno
		}
		total += int64(end - start)
	}
	return total, sc.Err()
}
