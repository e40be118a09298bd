package badgerdb

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckSharedRefusesOtherKindsOnOneDirectory(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	require.NoError(t, CheckShared(dir, KindLocalStore, `local_store store "default"`))
	require.NoError(t, CheckShared(dir, KindLocalStore, `local_store store "default"`), "the same kind again: a restart or reload")
	err := CheckShared(dir, KindBadgerStorage, "a badger_storage")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `is the directory of local_store store "default"`)
	err = CheckShared(filepath.Join(dir, "queue"), KindBadgerStorage, "a badger_storage")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is inside the directory of")
}

func TestClaimRefusesOverlapsAtStart(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "a", "b")
	require.NoError(t, os.MkdirAll(b, 0o750))
	release, err := Claim(a, KindLocalStore, "store a")
	require.NoError(t, err)
	_, err = Claim(b, KindBadgerStorage, "queue b")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is inside the local_store database at "+a)
	release()
	require.NoError(t, os.Remove(filepath.Join(a, kindFile)))
	rb, err := Claim(b, KindBadgerStorage, "queue b")
	require.NoError(t, err, "released and no database left on disk")
	rb()
}
