package harness

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binOut  []byte
)

// Binary returns the path of the otelcol-ems binary, building it with ocb
// through distribution/build.sh when a source is newer than the binary. The
// build runs once per test process and under a file lock across processes.
// Set EMS_BINARY to test a binary built elsewhere.
func Binary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("EMS_BINARY"); p != "" {
		return p
	}
	binOnce.Do(func() {
		root := RepoRoot()
		cmd := exec.Command(filepath.Join(root, "distribution", "build.sh"))
		cmd.Dir = root
		binOut, binErr = cmd.CombinedOutput()
		binPath = filepath.Join(root, "distribution", "_build", "otelcol-ems")
	})
	if binErr != nil {
		t.Fatalf("building otelcol-ems with ocb failed: %v\n%s", binErr, binOut)
	}
	return binPath
}
