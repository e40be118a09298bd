package badgerdb

import (
	"testing"

	"go.uber.org/goleak"
)

// The syncer and Maintain start goroutines; none may outlive a
// test. Badger's block cache keeps a policy goroutine per closed database.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("github.com/golang/glog.(*fileSink).flushDaemon"),
		goleak.IgnoreAnyFunction("github.com/dgraph-io/ristretto/v2.(*defaultPolicy[...]).processItems"))
}
