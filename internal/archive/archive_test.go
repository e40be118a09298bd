package archive

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type fixture struct {
	dir, witness string
	priv         ed25519.PrivateKey
	pub          ed25519.PublicKey
	now          time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	d := t.TempDir()
	return &fixture{dir: filepath.Join(d, "archive"), witness: filepath.Join(d, "witness"), priv: priv, pub: pub,
		now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (f *fixture) options() Options {
	return Options{Dir: f.dir, Key: f.priv, WitnessDir: f.witness, SegmentMaxBytes: 4096, Durability: Always,
		Now: func() time.Time { return f.now }}
}

func (f *fixture) open(t *testing.T) *Writer {
	t.Helper()
	w, err := Open(f.options())
	require.NoError(t, err)
	return w
}

// fill appends n batches of 3 records, advancing the clock a minute each.
func (f *fixture) fill(t *testing.T, w *Writer, batches int) {
	t.Helper()
	for i := 0; i < batches; i++ {
		var recs [][]byte
		for j := 0; j < 3; j++ {
			noise := make([]byte, 40)
			_, _ = rand.Read(noise)
			recs = append(recs, []byte(fmt.Sprintf("user=u%d action=read table=patients row=%d %x", i, j, noise)))
		}
		require.NoError(t, w.Append(recs))
		f.now = f.now.Add(time.Minute)
	}
}

func (f *fixture) verify(t *testing.T, external ...SignedSeal) (Report, error) {
	t.Helper()
	return Verify(f.dir, []ed25519.PublicKey{f.pub}, external, nil)
}

func problemOf(t *testing.T, err error) *Problem {
	t.Helper()
	var p *Problem
	require.True(t, errors.As(err, &p), "want a *Problem, got %v", err)
	return p
}

func TestIntactArchiveVerifies(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 40)
	require.NoError(t, w.Seal(ReasonInterval))
	f.fill(t, w, 5)
	require.NoError(t, w.Close())

	rep, err := f.verify(t)
	require.NoError(t, err)
	require.EqualValues(t, 135, rep.Records)
	require.EqualValues(t, 135, rep.Present)
	require.Greater(t, rep.Segments, 1, "4 KiB segments must roll over")
	require.Zero(t, rep.Unsealed)
	require.Equal(t, ReasonShutdown, rep.LastSeal.Reason)

	seals, err := ReadSeals(f.witness)
	require.NoError(t, err)
	require.Len(t, seals, rep.Seals)
	rep, err = f.verify(t, seals...)
	require.NoError(t, err)
	require.Equal(t, rep.Seals, rep.ExternalSeals)
}

func TestReopenContinuesTheChain(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 3)
	require.NoError(t, w.Close())
	w = f.open(t)
	f.fill(t, w, 3)
	require.NoError(t, w.Close())
	rep, err := f.verify(t)
	require.NoError(t, err)
	require.EqualValues(t, 18, rep.Records)
}

// segmentWithBlocks returns the path of the first segment that holds a block.
func (f *fixture) firstSegment(t *testing.T) string {
	nums, err := listSegments(f.dir)
	require.NoError(t, err)
	return segmentPath(f.dir, nums[0])
}

func TestTamperingIsFoundAndPlaced(t *testing.T) {
	t.Parallel()
	t.Run("last segment deleted", func(t *testing.T) {
		t.Parallel()
		f := newFixture(t)
		w := f.open(t)
		f.fill(t, w, 30)
		require.NoError(t, w.Close())
		nums, _ := listSegments(f.dir)
		require.NoError(t, os.Remove(segmentPath(f.dir, nums[len(nums)-1])))
		_, err := f.verify(t)
		require.Equal(t, KindTruncated, problemOf(t, err).Kind, "%v", err)
	})
	cases := []struct {
		name   string
		tamper func(t *testing.T, f *fixture)
		kind   string
		record int64
	}{
		{"record content changed, hashes kept", func(t *testing.T, f *fixture) {
			require.NoError(t, RewriteBlocks(f.firstSegment(t), func(b int, rs []Record) []Record {
				if b == 1 {
					rs[1].Data = append([]byte(nil), rs[1].Data...)
					rs[1].Data[5] ^= 1
				}
				return rs
			}))
		}, KindModified, 4},
		{"record removed", func(t *testing.T, f *fixture) {
			require.NoError(t, RewriteBlocks(f.firstSegment(t), func(b int, rs []Record) []Record {
				if b == 1 {
					return append(rs[:1:1], rs[2:]...)
				}
				return rs
			}))
		}, KindMissing, 4},
		{"two records swapped", func(t *testing.T, f *fixture) {
			require.NoError(t, RewriteBlocks(f.firstSegment(t), func(b int, rs []Record) []Record {
				if b == 2 {
					rs[0], rs[2] = rs[2], rs[0]
				}
				return rs
			}))
		}, KindMissing, 6},
		{"one byte flipped on disk", func(t *testing.T, f *fixture) {
			p := f.firstSegment(t)
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			b[200] ^= 0x40
			require.NoError(t, os.WriteFile(p, b, 0o600))
		}, KindModified, -2},
		{"segment deleted", func(t *testing.T, f *fixture) {
			nums, _ := listSegments(f.dir)
			require.Greater(t, len(nums), 3)
			require.NoError(t, os.Remove(segmentPath(f.dir, nums[1])))
		}, KindMissing, -1},
		{"last segment truncated", func(t *testing.T, f *fixture) {
			nums, _ := listSegments(f.dir)
			p := segmentPath(f.dir, nums[len(nums)-1])
			st, _ := os.Stat(p)
			require.NoError(t, os.Truncate(p, st.Size()-30))
		}, KindTruncated, -2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			w := f.open(t)
			f.fill(t, w, 30)
			require.NoError(t, w.Close())
			tc.tamper(t, f)
			_, err := f.verify(t)
			require.Error(t, err)
			p := problemOf(t, err)
			require.Equal(t, tc.kind, p.Kind, "%v", err)
			if tc.record >= -1 {
				require.Equal(t, tc.record, p.Record, "%v", err)
			}
		})
	}
}

func TestSealResignedWithAnotherKeyFails(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 5)
	require.NoError(t, w.Close())
	// Re-sign every seal with a key of the attacker's: the verifier's key no longer matches.
	_, evil, _ := ed25519.GenerateKey(rand.Reader)
	f.priv = evil
	_, err := Open(f.options())
	require.ErrorContains(t, err, "previous_signing_key_file")
	_, err = Verify(f.dir, []ed25519.PublicKey{evil.Public().(ed25519.PublicKey)}, nil, nil)
	require.Equal(t, KindBadSignature, problemOf(t, err).Kind)
}

func TestWitnessRevealsCutOff(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 4)
	require.NoError(t, w.Seal(ReasonInterval))
	nums, _ := listSegments(f.dir)
	p := segmentPath(f.dir, nums[len(nums)-1])
	st, _ := os.Stat(p)
	cut := st.Size()
	f.fill(t, w, 2)
	require.NoError(t, w.Close())
	// Cut the file back to the earlier seal, on a frame boundary: the archive alone looks intact.
	require.NoError(t, os.Truncate(p, cut))
	_, err := f.verify(t)
	require.NoError(t, err)
	seals, err := ReadSeals(f.witness)
	require.NoError(t, err)
	_, err = f.verify(t, seals...)
	require.Equal(t, KindTruncated, problemOf(t, err).Kind, "%v", err)
}

func TestTornTailIsRecoveredAndReported(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 3)
	// Simulate a crash mid-write: half a frame at the end, no shutdown seal.
	nums, _ := listSegments(f.dir)
	p := segmentPath(f.dir, nums[len(nums)-1])
	fh, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	_, err = fh.Write([]byte{0, 0, 1, 0, 1, 9, 9})
	require.NoError(t, err)
	require.NoError(t, fh.Close())
	w.f.Close() // the "crashed" process's file

	w = f.open(t)
	f.fill(t, w, 2)
	require.NoError(t, w.Close())
	rep, err := f.verify(t)
	require.NoError(t, err)
	require.EqualValues(t, 15, rep.Records)
	require.Len(t, rep.Recoveries, 1)
	require.EqualValues(t, 7, rep.Recoveries[0].TornBytes)
}

func TestKeyRotationHandOver(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 3)
	require.NoError(t, w.Close())
	oldPriv, oldPub := f.priv, f.pub
	newPub, newPriv, _ := ed25519.GenerateKey(rand.Reader)
	opts := f.options()
	opts.Key, opts.PreviousKey = newPriv, oldPriv
	w, err := Open(opts)
	require.NoError(t, err)
	f.fill(t, w, 3)
	require.NoError(t, w.Close())

	rep, err := Verify(f.dir, []ed25519.PublicKey{oldPub, newPub}, nil, nil)
	require.NoError(t, err)
	require.Len(t, rep.Keys, 2)
	_, err = Verify(f.dir, []ed25519.PublicKey{oldPub}, nil, nil)
	require.Equal(t, KindBadSignature, problemOf(t, err).Kind)
}

func TestRetentionWritesSignedDeletion(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	opts := f.options()
	opts.Retention = 30 * time.Minute
	w, err := Open(opts)
	require.NoError(t, err)
	f.fill(t, w, 60) // an hour of records over many 4 KiB segments
	before, _ := listSegments(f.dir)
	require.NoError(t, w.Seal(ReasonInterval))
	require.NoError(t, w.Close())
	after, _ := listSegments(f.dir)
	require.Less(t, len(after), len(before))
	require.NotEqual(t, uint64(1), after[0])

	rep, err := f.verify(t)
	require.NoError(t, err)
	require.EqualValues(t, 180, rep.Records)
	require.Less(t, rep.Present, rep.Records)
	require.NotEmpty(t, rep.Deleted)
	require.EqualValues(t, rep.Records-rep.Present, rep.Deleted[len(rep.Deleted)-1].Records)
}

func TestReopenWithAndWithoutTheIndexCache(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w := f.open(t)
	f.fill(t, w, 30)
	require.NoError(t, w.Close())
	require.FileExists(t, filepath.Join(f.dir, indexFile))
	w = f.open(t) // closed segments from the cache
	f.fill(t, w, 10)
	require.NoError(t, w.Close())
	require.NoError(t, os.Remove(filepath.Join(f.dir, indexFile)))
	w = f.open(t) // a full scan
	f.fill(t, w, 10)
	require.NoError(t, w.Close())
	rep, err := f.verify(t)
	require.NoError(t, err)
	require.EqualValues(t, 150, rep.Records)
	require.Greater(t, rep.Segments, 5)
}
