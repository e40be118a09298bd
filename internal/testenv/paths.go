package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

var (
	rootOnce sync.Once
	rootDir  string
)

// RepoRoot returns the repository root, found from this source file.
func RepoRoot() string {
	rootOnce.Do(func() {
		_, file, _, ok := runtime.Caller(0)
		if ok {
			rootDir = filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
			return
		}
		wd, _ := os.Getwd()
		rootDir = wd
	})
	return rootDir
}
