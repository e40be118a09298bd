package store

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(exitHook{m}, goleak.IgnoreCurrent(), goleak.IgnoreTopFunction("github.com/golang/glog.(*fileSink).flushDaemon"),
		goleak.IgnoreAnyFunction("github.com/dgraph-io/ristretto/v2.(*defaultPolicy[...]).processItems"))
}

// exitHook closes the shared benchmark dataset before the leak check.
type exitHook struct{ m *testing.M }

func (h exitHook) Run() int {
	code := h.m.Run()
	cleanupQueryDataset()
	return code
}
