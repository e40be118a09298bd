package badgerdb

import (
	"io/fs"
	"path/filepath"
)

// DirSize returns the disk space used by the files under dir: allocated
// blocks where the system reports them (Badger extends its logs as sparse
// files, so their apparent size overstates what they hold), else the
// apparent size. Files removed while walking are skipped, and so is the
// free-space reserve (see Floor.Reserve), which is free space held.
func DirSize(dir string) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed while walking (a compaction)
		}
		if info.Mode().IsRegular() && d.Name() != ReserveFile {
			total += Allocated(info)
		}
		return nil
	})
	return total, err
}
