package journal

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An always segment writes records into its shadow and a sync puts whole
// blocks on disk, readable as the records written.
func TestDirectSegmentSyncWritesRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "segment-1"+segmentExt)
	g, err := createSegment(path, 64<<10, false)
	require.NoError(t, err)
	defer func() { require.NoError(t, g.close()) }()
	if probe, err := openDirect(path); err != nil || probe == nil {
		t.Logf("no direct I/O here (%v): the segment uses pwrite and fdatasync", err)
	} else {
		require.NoError(t, probe.Close())
		require.NotNil(t, g.direct, "direct I/O is available, so the segment must use it")
	}
	require.NoError(t, g.stamp(7))
	var scratch []byte
	payload := encodeBatch(nil, []journalWrite{{key: []byte("k"), value: make([]byte, 5000)}})
	for range 3 { // the second and third records straddle block boundaries
		scratch, err = g.appendRecord(scratch, payload)
		require.NoError(t, err)
	}
	g.capture()
	require.NoError(t, g.sync())

	disk, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, uint64(7), segmentSeq(disk))
	n := 0
	_, torn := scanSegment(disk, 7, func(p []byte) error {
		assert.Equal(t, payload, p)
		n++
		return nil
	})
	assert.False(t, torn)
	assert.Equal(t, 3, n, "every synced record is on disk")
}

// A direct write the filesystem refuses (EINVAL) falls back to pwrite and
// fdatasync for good, and the blocks still reach the file.
func TestDirectSegmentFallsBackOnEINVAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "segment-1"+segmentExt)
	g, err := createSegment(path, 64<<10, false)
	require.NoError(t, err)
	defer func() { require.NoError(t, g.close()) }()
	if g.direct == nil {
		t.Skip("no direct I/O on this filesystem; the fallback is the only path")
	}
	// An unaligned offset and length make O_DIRECT fail with EINVAL.
	g.out, g.outOff = []byte("not aligned"), 1
	require.NoError(t, g.sync())
	assert.Nil(t, g.direct, "direct I/O given up")
	disk, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "not aligned", string(disk[1:12]))
}
