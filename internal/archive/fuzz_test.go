package archive

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzSegmentReader feeds arbitrary bytes, seeded with a real segment, to
// the segment reader and the verifier: they must report, never panic.
func FuzzSegmentReader(f *testing.F) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	dir := f.TempDir()
	w, err := Open(Options{Dir: dir, Key: priv, Durability: Interval, Now: func() time.Time { return time.Unix(1e9, 0) }})
	if err != nil {
		f.Fatal(err)
	}
	_ = w.Append([][]byte{[]byte("one"), []byte("two")})
	_ = w.Append([][]byte{[]byte("three")})
	_ = w.Close()
	seed, err := os.ReadFile(segmentPath(dir, 1))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)-3])
	f.Add([]byte{0, 0, 0, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := scanBytes(data, 1)
		for _, it := range s.items {
			if it.typ == frameBlock && it.bad == nil {
				_, _ = blockRecords(it)
			}
		}
		d := t.TempDir()
		if err := os.WriteFile(filepath.Join(d, segmentName(1)), data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = Verify(d, []ed25519.PublicKey{pub}, nil, nil)
	})
}
