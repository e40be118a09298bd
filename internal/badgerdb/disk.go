package badgerdb

import (
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// Usage is what a Badger directory holds on disk, in allocated bytes.
type Usage struct {
	// Total is every file under the directory (a journal's too), the
	// free-space reserve (see Floor.Reserve) excepted: that is free space held.
	Total int64
	// Stored is what a compaction or value-log GC can shrink: the sorted
	// tables and value logs directly in the directory, except the value log
	// being written, which value-log GC never collects.
	Stored int64
}

// DirUsage measures dir: allocated blocks where the system reports them
// (Badger extends its logs as sparse files, so their apparent size overstates
// what they hold), else the apparent size. Files removed while walking (by a
// compaction) are skipped.
func DirUsage(dir string) (Usage, error) {
	var u Usage
	var head, headSize int64 = -1, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil || !info.Mode().IsRegular() || d.Name() == ReserveFile {
			return nil
		}
		n := Allocated(info)
		u.Total += n
		if filepath.Dir(path) != filepath.Clean(dir) {
			return nil
		}
		switch filepath.Ext(d.Name()) {
		case ".sst":
			u.Stored += n
		case ".vlog":
			u.Stored += n
			if fid, err := strconv.ParseInt(strings.TrimSuffix(d.Name(), ".vlog"), 10, 64); err == nil && fid > head {
				head, headSize = fid, n
			}
		}
		return nil
	})
	u.Stored -= headSize
	return u, err
}

// DirSize returns the disk space used by the files under dir (Usage.Total).
func DirSize(dir string) (int64, error) {
	u, err := DirUsage(dir)
	return u.Total, err
}
