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

// releaseMappedTables takes the resident pages of the mapped table files of
// dir out of this process's RSS, and returns how many bytes of mappings it
// covered.
//
// Badger maps every table (.sst) with MAP_SHARED and writes and compacts
// tables through the mapping, so every table touched stays resident and counts
// in the collector's RSS, although it is only a cache of an immutable file.
// For the tables in keep, which the caller guarantees stay mapped during the
// call (it holds references to them), MADV_DONTNEED unmaps the pages from this
// process only: they stay in the page cache and the next read maps them again.
// Other tables (those a running compaction is writing) may be unmapped at any
// time, so they get MADV_PAGEOUT, which never discards data whatever the range
// holds by then; it also evicts them from the page cache.
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
		if err != nil {
			continue
		}
		advice := uintptr(unix.MADV_DONTNEED)
		if !keep[id] {
			advice = unix.MADV_PAGEOUT
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
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, uintptr(start), uintptr(end-start), advice); errno != 0 {
			if advice == unix.MADV_PAGEOUT {
				continue // unmapped meanwhile, or a kernel before 5.4
			}
			return total, errno
		}
		total += int64(end - start)
	}
	return total, sc.Err()
}
