package localstoreextension

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/extension/extensiontest"

	"github.com/otelcol-ems/otelcol-ems/extensions/localstoreextension/internal/metadata"
)

func TestMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	prev := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	set := extensiontest.NewNopSettings(metadata.Type)
	a := newExtension(&Config{}, set)
	b := newExtension(&Config{}, set)

	a.applyMemoryLimit(0)
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "0 leaves the limit alone")

	a.applyMemoryLimit(123)
	assert.Equal(t, int64(123<<20), debug.SetMemoryLimit(-1))
	b.applyMemoryLimit(456)
	assert.Equal(t, int64(123<<20), debug.SetMemoryLimit(-1), "a limit already in place is kept")
	b.restoreMemoryLimit()
	assert.Equal(t, int64(123<<20), debug.SetMemoryLimit(-1), "only the instance that set the limit restores it")
	a.restoreMemoryLimit()
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "shutdown restores the previous limit")

	debug.SetMemoryLimit(77 << 20) // set by the program or the user
	a.applyMemoryLimit(123)
	assert.Equal(t, int64(77<<20), debug.SetMemoryLimit(-1))
	a.restoreMemoryLimit()
	assert.Equal(t, int64(77<<20), debug.SetMemoryLimit(-1))

	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "1GiB")
	a.applyMemoryLimit(123)
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "GOMEMLIMIT wins")
}
