package badgerdb

import "testing"

// BenchmarkSpaceGuard measures what the guard adds to a write: Check (the
// badger_storage path, per Batch) and CheckNow (one statfs, the local_store
// path, per write call of many records), on the real filesystem.
func BenchmarkSpaceGuard(b *testing.B) {
	g := NewSpaceGuard(b.TempDir(), Floor{Base: 1 << 20, Preallocate: 1 << 20, Reserve: 0}, nil)
	b.Run("Check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := g.Check(); err != nil {
				b.Fatal(err)
			}
			g.Wrote(1024)
		}
	})
	b.Run("CheckNow", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := g.CheckNow(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Refresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g.Refresh()
		}
	})
}
