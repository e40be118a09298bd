package localstoreextension

import (
	"math"
	"os"
	"runtime/debug"
	"sync"

	"go.uber.org/zap"
)

// defaultMemoryLimitMiB is the Go soft memory limit the extension sets when
// the user set none. Badger's table builders and memtables are Go heap; with
// the default GOGC the heap grows to twice what is live before a collection,
// which under sustained ingest is what pushes RSS past 300 MiB (measured in
// the README).
const defaultMemoryLimitMiB = 200

// memoryLimit sets the process's Go soft memory limit once for all instances
// of the extension and restores it when the instance that set it shuts down.
var memoryLimit struct {
	mu    sync.Mutex
	owner *localStore
	prev  int64
}

// applyMemoryLimit sets the Go soft memory limit to mib MiB unless mib is 0,
// the GOMEMLIMIT environment variable is set, or a limit is already in place
// (set by the user, the program, or another local_store instance).
func (e *localStore) applyMemoryLimit(mib int64) {
	if mib == 0 {
		return
	}
	if v, ok := os.LookupEnv("GOMEMLIMIT"); ok && v != "" {
		e.logger.Info("local_store leaves the Go memory limit to GOMEMLIMIT", zap.String("GOMEMLIMIT", v))
		return
	}
	memoryLimit.mu.Lock()
	defer memoryLimit.mu.Unlock()
	if cur := debug.SetMemoryLimit(-1); cur != math.MaxInt64 {
		return
	}
	memoryLimit.owner = e
	memoryLimit.prev = debug.SetMemoryLimit(mib << 20)
	e.logger.Info("local_store set the Go soft memory limit (memory_limit_mib; 0 leaves it alone)", zap.Int64("memory_limit_mib", mib))
}

// restoreMemoryLimit undoes applyMemoryLimit if this instance set the limit.
func (e *localStore) restoreMemoryLimit() {
	memoryLimit.mu.Lock()
	defer memoryLimit.mu.Unlock()
	if memoryLimit.owner != e {
		return
	}
	debug.SetMemoryLimit(memoryLimit.prev)
	memoryLimit.owner = nil
}
