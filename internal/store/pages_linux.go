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

// releaseMappedTables asks the kernel to page out the store's memory-mapped
// table files and returns how many bytes of mappings it covered.
//
// Badger maps every table (.sst) with MAP_SHARED and writes new tables through
// the mapping, so every table written or compacted stays resident and counts
// in the collector's RSS, although it is only a cache of an immutable file.
// MADV_PAGEOUT reclaims such pages; it never discards data (dirty pages are
// written back, anonymous memory without swap is left alone), so a range that
// was unmapped and reused between reading /proc/self/maps and the call is safe.
func releaseMappedTables(dir string) (int64, error) {
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
		if !strings.HasPrefix(path, prefix) || !strings.HasSuffix(path, ".sst") {
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
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, uintptr(start), uintptr(end-start), unix.MADV_PAGEOUT); errno != 0 {
			if errno == unix.EINVAL {
				return total, errno // kernel without MADV_PAGEOUT (before 5.4)
			}
			continue // unmapped meanwhile
		}
		total += int64(end - start)
	}
	return total, sc.Err()
}
