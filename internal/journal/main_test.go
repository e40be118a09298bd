package journal

import (
	"testing"

	"go.uber.org/goleak"
)

// The store starts the journal's flusher, its sync loop and the maintenance
// loop; none may outlive a test.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
